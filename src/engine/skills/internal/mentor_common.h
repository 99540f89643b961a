// Shared pieces of mentoring: mentor availability and pair benefit.
// Internal to guild_skills.
#pragma once

#include "engine/skills/mentoring.h"
#include "engine/skills/skill_index.h"

namespace guild::skills::internal {

struct MentorAvailability {
  bool eligible = false;     //!< free enough and never overloaded in the window
  double free_per_week = 0;  //!< average free hours per week in the window
};

//! Availability of `p` as a mentor in [today, today + window_weeks weeks).
MentorAvailability Availability(const SkillIndex& index, PersonRef p,
                                const MentoringOptions& options);

//! A pair with its benefit, as defined in mentoring.h.
MentorPair MakePair(const SkillIndex& index, PersonRef mentee, int mentee_level, PersonRef mentor,
                    int mentor_level, SkillRef skill, double mentor_free_per_week);

//! The benefit defined in mentoring.h, from the pair's facts.
int PairBenefit(int mentee_level, int mentor_level, bool same_office, bool same_practice,
                double mentor_free_per_week);

//! Orders pairs by benefit descending, then mentor, mentee, skill.
bool BetterPair(const MentorPair& a, const MentorPair& b);

}  // namespace guild::skills::internal
