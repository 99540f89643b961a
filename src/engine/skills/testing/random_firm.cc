#include "engine/skills/testing/random_firm.h"

#include <string>

namespace guild::skills::testing {

namespace {
constexpr const char* kPractices[] = {"Tax", "Audit", "Legal"};
constexpr const char* kOffices[] = {"London", "Paris"};
constexpr const char* kGrades[] = {"partner", "manager", "senior", "associate"};
constexpr int kSpreadDays = 60;

int Uniform(std::mt19937& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

void AddSkills(std::mt19937& rng, int count, FirmData& firm) {
  for (int s = 0; s < count; ++s) {
    Skill skill;
    skill.id = "s" + std::to_string(10 + s);
    skill.name = "Skill " + std::to_string(s) + (s % 2 ? " law" : " analysis");
    if (s > 0 && Uniform(rng, 0, 2) > 0) {
      skill.broader_id = "s" + std::to_string(10 + Uniform(rng, 0, s - 1));
    }
    if (Uniform(rng, 0, 1)) skill.synonyms.push_back("Alias" + std::to_string(s));
    firm.skills.push_back(skill);
  }
}

void AddPeople(std::mt19937& rng, const RandomFirmOptions& options, FirmData& firm) {
  const Date epoch = RandomFirmEpoch();
  for (int p = 0; p < options.people; ++p) {
    Person person;
    person.id = "p" + std::to_string(100 + p);
    person.name = "Person " + std::to_string(p);
    person.practice = kPractices[Uniform(rng, 0, 2)];
    person.office = kOffices[Uniform(rng, 0, 1)];
    person.grade = kGrades[Uniform(rng, 0, 3)];
    person.weekly_capacity_hours = Uniform(rng, 20, 40);
    firm.people.push_back(person);
    for (int r = 0; r < options.ratings_per_person; ++r) {
      PersonSkill ps;
      ps.person_id = person.id;
      ps.skill_id = firm.skills[Uniform(rng, 0, options.skills - 1)].id;
      ps.source = static_cast<RatingSource>(Uniform(rng, 0, 3));
      ps.level = Uniform(rng, kMinLevel, kMaxLevel);
      ps.wants_to_grow = Uniform(rng, 0, 3) == 0;
      ps.rated_on = AddDays(epoch, Uniform(rng, -kSpreadDays, 0));
      firm.person_skills.push_back(ps);
    }
  }
}

void AddAssignments(std::mt19937& rng, int count, FirmData& firm) {
  const Date epoch = RandomFirmEpoch();
  for (int a = 0; a < count; ++a) {
    Assignment assignment;
    assignment.id = "a" + std::to_string(a);
    assignment.person_id =
        firm.people[Uniform(rng, 0, static_cast<int>(firm.people.size()) - 1)].id;
    assignment.opening_id = "o1";
    assignment.hours_per_week = Uniform(rng, 4, 30);
    assignment.start = AddDays(epoch, Uniform(rng, -kSpreadDays, kSpreadDays));
    assignment.end = AddDays(assignment.start, Uniform(rng, 0, kSpreadDays));
    firm.assignments.push_back(assignment);
  }
}
}  // namespace

Date RandomFirmEpoch() { return Date{20094}; }  // 2025-01-06, a Monday

FirmData RandomFirm(uint32_t seed, const RandomFirmOptions& options) {
  std::mt19937 rng(seed);
  FirmData firm;
  AddSkills(rng, options.skills, firm);
  AddPeople(rng, options, firm);
  if (!firm.people.empty()) AddAssignments(rng, options.assignments, firm);
  return firm;
}

}  // namespace guild::skills::testing
