// The demo's mentorships: a few people who want to grow a skill have asked a
// colleague of their practice who holds it two or more levels higher; most
// pairs are active (started in the last four months, review 90 days after),
// the newest are still requests waiting for an answer.
//
// Draws come from their own generator (seeded from the demo's seed), so the
// rest of the firm is the same with or without them.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "demo/internal/checkins.h"
#include "demo/internal/context.h"

namespace guild::demo::internal {

namespace {

constexpr uint64_t kMentorshipSeed = 0x6d656e746f72ULL;  // "mentor"
constexpr uint32_t kOneMenteeIn = 23;                    // about 4 % of people ask
constexpr int kMentorLevelsAbove = 2;
constexpr uint64_t kFewestPairs = 3;

struct Holder {
  uint32_t person;
  int level;
};

}  // namespace

void GenerateMentorships(Context& c) {
  FirmData& f = c.out;
  std::unordered_map<std::string_view, uint32_t> index;
  index.reserve(f.people.size());
  for (uint32_t i = 0; i < f.people.size(); ++i) index.emplace(f.people[i].id, i);
  // Who could mentor each skill, by practice (string views into person_skills,
  // which does not change here): only levels a mentor can have.
  using Holders = std::unordered_map<std::string_view, std::vector<Holder>>;
  std::vector<Holders> holders(c.practice_count);
  for (const PersonSkill& ps : f.person_skills) {
    auto it = index.find(ps.person_id);
    if (it == index.end() || ps.level < 1 + kMentorLevelsAbove) continue;
    holders[c.practice[it->second]][ps.skill_id].push_back({it->second, ps.level});
  }
  Random rng(c.options.seed ^ kMentorshipSeed);
  std::vector<bool> asked(f.people.size(), false);
  const int width = DigitsFor(f.people.size() / kOneMenteeIn + kFewestPairs);
  uint64_t n = 0;
  // One pass takes about 1 in 23 people; a small firm gets at least
  // kFewestPairs from a second pass over anyone left.
  auto pass = [&](bool every_23rd) {
    for (const PersonSkill& ps : f.person_skills) {
      if (!every_23rd && n >= kFewestPairs) return;
      auto it = index.find(ps.person_id);
      if (it == index.end() || !ps.wants_to_grow) continue;
      const uint32_t mentee = it->second;
      if (asked[mentee] || (every_23rd && mentee % kOneMenteeIn != 7)) continue;
      const Holders& of_practice = holders[c.practice[mentee]];
      auto held = of_practice.find(ps.skill_id);
      if (held == of_practice.end()) continue;
      std::vector<uint32_t> mentors;
      for (const Holder& h : held->second) {
        if (h.person != mentee && h.level >= ps.level + kMentorLevelsAbove)
          mentors.push_back(h.person);
      }
      if (mentors.empty()) continue;
      asked[mentee] = true;
      Mentorship m;
      m.id = NumberedId("ms", ++n, width);
      m.mentee_id = f.people[mentee].id;
      m.mentor_id = f.people[mentors[rng.Below(mentors.size())]].id;
      m.skill_ids = {ps.skill_id};
      const int days_ago = rng.Range(1, 120);
      const Date asked_on = AddDays(c.options.today, -days_ago);
      m.asked_at = At(asked_on, c.options.time_of_day);
      if (days_ago <= 7) {
        m.status = MentorshipStatus::kRequested;
        m.message = "Could you help me grow in this? An hour every other week would be plenty.";
      } else {
        m.status = MentorshipStatus::kActive;
        m.started_on = AddDays(asked_on, rng.Range(1, 5));
        m.review_on = AddDays(*m.started_on, kMentorshipReviewDays);
      }
      f.mentorships.push_back(std::move(m));
    }
  };
  pass(true);
  pass(false);
}

}  // namespace guild::demo::internal
