#include "engine/skills/internal/mentor_common.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace guild::skills::internal {

namespace {
constexpr int kDaysPerWeek = 7;
constexpr int kBaseBenefit = 100;
constexpr int kPerLevelBenefit = 20;
constexpr int kMaxLevelsCounted = 3;
constexpr int kSameOfficeBenefit = 15;
constexpr int kSamePracticeBenefit = 10;
constexpr int kMaxAvailabilityBenefit = 10;
}  // namespace

MentorAvailability Availability(const SkillIndex& index, PersonRef p,
                                const MentoringOptions& options) {
  const int weeks = std::max(options.window_weeks, 1);
  const Date first = WeekStart(options.today);
  bool overloaded = false;
  for (int w = 0; w < weeks && !overloaded; ++w) {
    overloaded = index.WeekLoad(p, AddDays(first, w * kDaysPerWeek)) > index.capacity(p);
  }
  const double free = index.FreeHours(p, first, AddDays(first, weeks * kDaysPerWeek - 1));
  return {!overloaded && free >= options.mentor_hours_per_week * weeks, free / weeks};
}

MentorPair MakePair(const SkillIndex& index, PersonRef mentee, int mentee_level, PersonRef mentor,
                    int mentor_level, SkillRef skill, double mentor_free_per_week) {
  MentorPair pair{
      mentee, mentor, skill, mentee_level, mentor_level, false, false, mentor_free_per_week, 0};
  pair.same_office =
      index.attribute(Attribute::kOffice, mentee) == index.attribute(Attribute::kOffice, mentor);
  pair.same_practice = index.attribute(Attribute::kPractice, mentee) ==
                       index.attribute(Attribute::kPractice, mentor);
  pair.benefit = PairBenefit(mentee_level, mentor_level, pair.same_office, pair.same_practice,
                             mentor_free_per_week);
  return pair;
}

int PairBenefit(int mentee_level, int mentor_level, bool same_office, bool same_practice,
                double mentor_free_per_week) {
  return kBaseBenefit +
         kPerLevelBenefit * std::min(mentor_level - mentee_level, kMaxLevelsCounted) +
         (same_office ? kSameOfficeBenefit : 0) + (same_practice ? kSamePracticeBenefit : 0) +
         std::min(static_cast<int>(std::floor(mentor_free_per_week)), kMaxAvailabilityBenefit);
}

bool BetterPair(const MentorPair& a, const MentorPair& b) {
  return std::make_tuple(-a.benefit, a.mentor, a.mentee, a.skill) <
         std::make_tuple(-b.benefit, b.mentor, b.mentee, b.skill);
}

}  // namespace guild::skills::internal
