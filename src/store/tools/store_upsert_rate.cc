// Measures Store::Upsert of person-skill rows and, for SQLite, the sqlite3
// shell's .import of the same rows as CSV into an equivalent table (same
// columns, key and index) in the same run, printing both rates and the ratio.
//
// Usage: store_upsert_rate [ROWS] [URL]
//   ROWS defaults to 1000000; URL defaults to a SQLite file in a temp dir.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>
#include <string>

#include "store/store.h"

namespace {

using guild::FirmData;
using SteadyClock = std::chrono::steady_clock;

constexpr int kSkillsPerPerson = 10;
constexpr int kSkillCount = 2000;
constexpr int kSeed = 42;
constexpr int64_t kDefaultRows = 1'000'000;

FirmData MakeFirm(int64_t rows) {
  FirmData firm;
  const int64_t people = (rows + kSkillsPerPerson - 1) / kSkillsPerPerson;
  for (int s = 0; s < kSkillCount; ++s) {
    firm.skills.push_back(guild::Skill{.id = "skill:" + std::to_string(s), .name = "Skill"});
  }
  std::mt19937 random(kSeed);
  std::uniform_int_distribution<int> skill(0, kSkillCount - 1);
  std::uniform_int_distribution<int> level(guild::kMinLevel, guild::kMaxLevel);
  for (int64_t p = 0; p < people; ++p) {
    const std::string id = "person:" + std::to_string(p);
    firm.people.push_back(guild::Person{.id = id, .name = "P", .email = id + "@x"});
    const int first = skill(random);
    for (int k = 0; k < kSkillsPerPerson && static_cast<int64_t>(firm.person_skills.size()) < rows;
         ++k) {
      firm.person_skills.push_back(
          guild::PersonSkill{.person_id = id,
                             .skill_id = "skill:" + std::to_string((first + k * 7) % kSkillCount),
                             .source = guild::RatingSource::kSelf,
                             .level = level(random),
                             .wants_to_grow = k % 3 == 0,
                             .rated_on = guild::Date{19'000 + k}});
    }
  }
  return firm;
}

void WriteCsv(const FirmData& firm, const std::string& path) {
  std::ofstream out(path);
  for (const guild::PersonSkill& r : firm.person_skills) {
    out << r.person_id << ',' << r.skill_id << ',' << guild::ToString(r.source) << ',' << r.level
        << ',' << (r.wants_to_grow ? 1 : 0) << ",," << guild::FormatDate(*r.rated_on) << '\n';
  }
}

double ImportSeconds(const std::string& dir, const std::string& csv) {
  const std::string script = dir + "/import.sql";
  std::ofstream(script) << "PRAGMA journal_mode=WAL;\nPRAGMA synchronous=NORMAL;\n"
                           "PRAGMA cache_size=-262144;\n"
                           "CREATE TABLE person_skills (person_id TEXT NOT NULL, skill_id TEXT NOT "
                           "NULL, source TEXT NOT NULL, level INTEGER NOT NULL CHECK (level "
                           "BETWEEN 1 AND 5), wants_to_grow INTEGER NOT NULL, last_used TEXT, "
                           "rated_on TEXT, PRIMARY KEY (person_id, skill_id, source)) WITHOUT "
                           "ROWID;\nCREATE INDEX person_skills_skill_level ON "
                           "person_skills(skill_id, level);\n.mode csv\n.import "
                        << csv << " person_skills\n";
  const std::string command = "sqlite3 " + dir + "/peer.db < " + script + " > /dev/null";
  const auto start = SteadyClock::now();
  if (std::system(command.c_str()) != 0) std::cerr << "sqlite3 shell failed\n";
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

}  // namespace

int main(int argc, char** argv) {
  const int64_t rows = argc > 1 ? std::atoll(argv[1]) : kDefaultRows;
  std::string dir = (std::filesystem::temp_directory_path() / "guild-rate-XXXXXX").string();
  if (mkdtemp(dir.data()) == nullptr) return 1;
  const std::string url = argc > 2 ? argv[2] : dir + "/guild.db";
  const FirmData firm = MakeFirm(rows);

  auto store = guild::OpenStore({.url = url, .durability = guild::Durability::kNormal});
  if (!store.ok()) {
    std::cerr << store.status().ToString() << "\n";
    return 1;
  }
  if (auto status = (*store)->Clear(); !status.ok()) std::cerr << status.ToString() << "\n";
  FirmData parents;
  parents.people = firm.people;
  parents.skills = firm.skills;
  if (auto status = (*store)->Upsert(parents); !status.ok()) std::cerr << status.ToString() << "\n";
  FirmData ratings;
  ratings.person_skills = firm.person_skills;
  const auto start = SteadyClock::now();
  const guild::Status status = (*store)->Upsert(ratings);
  const double upsert = std::chrono::duration<double>(SteadyClock::now() - start).count();
  if (!status.ok()) std::cerr << status.ToString() << "\n";
  const double n = static_cast<double>(firm.person_skills.size());
  std::printf("%s Upsert: %.0f person-skill rows in %.2f s = %.0f rows/s\n",
              (*store)->BackendName().c_str(), n, upsert, n / upsert);

  if ((*store)->BackendName() == "sqlite") {
    const std::string csv = dir + "/ratings.csv";
    WriteCsv(firm, csv);
    const double import = ImportSeconds(dir, csv);
    std::printf("sqlite3 .import: %.0f rows in %.2f s = %.0f rows/s\n", n, import, n / import);
    std::printf("ratio Upsert/.import = %.2f\n", import / upsert);
  }
  store->reset();
  std::filesystem::remove_all(dir);
  return status.ok() ? 0 : 1;
}
