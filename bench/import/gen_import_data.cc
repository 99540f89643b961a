// Writes the import benchmark's input, deterministically: people.csv,
// skills.csv and person_skills.csv (about ROWS rows over those people and
// skills) in Guild's canonical CSV layouts (docs/IMPORT_FORMATS.md).
//
// Usage: gen_import_data DIR [ROWS]   (ROWS defaults to 1500000)
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "common/date.h"

namespace {

constexpr long kDefaultRows = 1'500'000;
constexpr int kSkillsPerPerson = 20;
constexpr int kSkillCount = 5000;
constexpr int kSkillStride = 7;  // coprime with kSkillCount: distinct skills per person
constexpr unsigned kSeed = 20240601;
constexpr int kFirstRatingDay = 19'000;  // 2022-01-08
constexpr int kRatingDaySpread = 700;
constexpr const char* kSources[] = {"self", "manager"};

std::string PersonId(long p) { return "person:" + std::to_string(p); }
std::string SkillId(int s) { return "firm:skill-" + std::to_string(s); }

void WriteSkills(const std::string& dir) {
  std::ofstream out(dir + "/skills.csv");
  out << "id,name,description,broader_id,synonyms,source,kind\n";
  for (int s = 0; s < kSkillCount; ++s) {
    out << SkillId(s) << ",Skill " << s << ",,,,firm,skill\n";
  }
}

void WritePeople(const std::string& dir, long people) {
  std::ofstream out(dir + "/people.csv");
  out << "id,name,email,grade,practice,weekly_capacity_hours\n";
  for (long p = 0; p < people; ++p) {
    out << PersonId(p) << ",Person " << p << ",person" << p << "@firm.com,associate,Tax,40\n";
  }
}

void WriteRatings(const std::string& dir, long rows, long people) {
  std::ofstream out(dir + "/person_skills.csv");
  // Column order = the store's table order, so the sqlite3 shell's .import
  // reads the very same file.
  out << "person_id,skill_id,source,level,wants_to_grow,last_used,rated_on\n";
  std::mt19937 random(kSeed);
  std::uniform_int_distribution<int> skill(0, kSkillCount - 1);
  std::uniform_int_distribution<int> level(1, 5);
  std::uniform_int_distribution<int> day(0, kRatingDaySpread);
  long written = 0;
  for (long p = 0; p < people && written < rows; ++p) {
    const int first = skill(random);
    for (int k = 0; k < kSkillsPerPerson && written < rows; ++k, ++written) {
      const int s = (first + k * kSkillStride) % kSkillCount;
      out << PersonId(p) << ',' << SkillId(s) << ',' << kSources[k % 2] << ',' << level(random)
          << ',' << (k % 3 == 0 ? 1 : 0) << ','
          << (k % 4 == 0 ? guild::FormatDate(guild::Date{kFirstRatingDay}) : "") << ','
          << guild::FormatDate(guild::Date{kFirstRatingDay + day(random)}) << '\n';
    }
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: gen_import_data DIR [ROWS]\n";
    return 2;
  }
  const std::string dir = argv[1];
  const long rows = argc > 2 ? std::atol(argv[2]) : kDefaultRows;
  const long people = (rows + kSkillsPerPerson - 1) / kSkillsPerPerson;
  WriteSkills(dir);
  WritePeople(dir, people);
  WriteRatings(dir, rows, people);
  std::printf("%ld people, %d skills, %ld person-skill rows in %s\n", people, kSkillCount, rows,
              dir.c_str());
  return 0;
}
