// The benchmark's peer: the same skill query in SQLite (sqlite3 C API,
// prepared statement), over the same effective ratings and weekly loads.
#pragma once

#include <sqlite3.h>

#include <functional>
#include <string>
#include <vector>

#include "engine/skills/skill_index.h"

namespace guild::bench {

//! One query of the benchmark's shape: three leaf skills with levels, one
//! practice, an availability window, top `limit`.
struct BenchQuery {
  std::vector<std::pair<skills::SkillRef, int>> needs;  // 3
  int32_t practice = 0;
  Date from;
  Date to;
  double min_free_hours = 0;
  int limit = 20;
};

class SqlitePeer {
 public:
  SqlitePeer() = default;
  ~SqlitePeer();
  SqlitePeer(const SqlitePeer&) = delete;
  SqlitePeer& operator=(const SqlitePeer&) = delete;

  //! Creates an in-memory database with people(ref, id, practice, capacity),
  //! person_skills(person, skill, level) keyed on (person, skill) and indexed
  //! on (skill, level, person),
  //! weekly_load(person, week, hours) keyed on (person, week), filled from
  //! the index's effective ratings and loads in [first_week, last_week].
  bool Load(const skills::SkillIndex& index, Date first_week, Date last_week, std::string& error);

  //! Runs `q`; returns person refs in rank order.
  std::vector<skills::PersonRef> Run(const BenchQuery& q);

 private:
  sqlite3* db_ = nullptr;
  sqlite3_stmt* query_ = nullptr;
};

}  // namespace guild::bench
