// Test-only: TestFirm (test_firm.h) with skills, ratings, history, roles, an
// open engagement with an opening, and assignments, for the skills service
// and API tests. "Today" in those tests is 2023-11-14 (kSkillsTestToday).
//
// Effective ratings (level, * = wants to grow):
//   lead      Python 5, Tax law 5, VAT 4      30h/week on o1 (10h/week free)
//   lead2     Python 4                         40h/week on o1 (no free time)
//   peer      Python 3*, Tax law 4
//   member    Python 2*, Tax law 3* (manager), Audit 1
//   outsider  Python 1*, Audit 3
//   englead   Audit 5, VAT 3
//   firmlead  Tax law 4
// Engagement e2 (client c1, open) has opening o1: Python 4 and Audit 3.
// Roles: firm:senior (Python 4 imp 5, Tax law 3 imp 4, Audit 2 imp 2
// optional) and onet:15-1251.00 "Computer Programmers" (Python 3).
#pragma once

#include "common/date.h"
#include "service/testing/test_firm.h"

namespace guild::service::testing {

inline constexpr int64_t kSkillsTestNow = 1'700'000'000;  // 2023-11-14
inline Date D(const char* text) { return *ParseDate(text); }

inline PersonSkill Rating(std::string person, std::string skill, int level, bool grow = false,
                          RatingSource source = RatingSource::kSelf) {
  return {std::move(person), std::move(skill), source, level, grow, {}, {}};
}

inline FirmData SkillsTestFirm() {
  FirmData firm = TestFirm();
  firm.skills.push_back(
      {"firm:python", "Python", "", "", {"py"}, SkillSource::kFirm, SkillKind::kTechnology});
  firm.skills.push_back(
      {"firm:vat", "VAT", "", "firm:tax", {}, SkillSource::kFirm, SkillKind::kKnowledge});
  firm.person_skills.push_back(Rating("member", "firm:python", 2, true));
  firm.person_skills.push_back(Rating("peer", "firm:python", 3, true));
  firm.person_skills.push_back(Rating("peer", "firm:tax", 4));
  firm.person_skills.push_back(Rating("lead", "firm:python", 5));
  firm.person_skills.push_back(Rating("lead", "firm:tax", 5));
  firm.person_skills.push_back(Rating("lead", "firm:vat", 4));
  firm.person_skills.push_back(Rating("lead2", "firm:python", 4));
  firm.person_skills.push_back(Rating("outsider", "firm:python", 1, true));
  firm.person_skills.push_back(Rating("outsider", "firm:audit", 3));
  firm.person_skills.push_back(Rating("englead", "firm:audit", 5));
  firm.person_skills.push_back(Rating("englead", "firm:vat", 3));
  firm.person_skills.push_back(Rating("firmlead", "firm:tax", 4));
  firm.skill_history = {{"lead", "firm:python", D("2019-01-07"), 2},
                        {"lead", "firm:python", D("2022-06-01"), 5},
                        {"member", "firm:python", D("2023-01-02"), 2}};
  firm.roles = {
      {"firm:senior",
       "Senior consultant",
       "",
       RoleSource::kFirm,
       {{"firm:python", 4, 5.0, true}, {"firm:tax", 3, 4.0, true}, {"firm:audit", 2, 2.0, false}}},
      {"onet:15-1251.00",
       "Computer Programmers",
       "",
       RoleSource::kOnet,
       {{"firm:python", 3, 4.0, true}}}};
  firm.engagements.push_back({"e2", "c1", "Data review", "englead", D("2023-11-01"),
                              D("2024-03-31"), EngagementStatus::kConfirmed});
  Opening opening;
  opening.id = "o1";
  opening.engagement_id = "e2";
  opening.title = "Data engineer";
  opening.required = {{"firm:audit", 3}, {"firm:python", 4}};
  opening.hours_per_week = 20;
  opening.start = D("2023-11-01");
  opening.end = D("2024-03-31");
  firm.openings.push_back(opening);
  firm.assignments = {
      {"a1", "lead", "o1", 30, D("2023-11-01"), D("2024-03-31"), AssignmentStatus::kConfirmed},
      {"a2", "lead2", "o1", 40, D("2023-11-01"), D("2024-03-31"), AssignmentStatus::kConfirmed}};
  return firm;
}

}  // namespace guild::service::testing
