#include "sqlite_peer.h"

namespace guild::bench {

namespace {

constexpr int kDaysPerWeek = 7;

// One row per (person, skill) holds the effective rating, so each need is one
// index range scan or one primary-key probe. Ranking as in
// engine/skills/search.h (all needs met, so needs_met ties):
// surplus desc, free hours desc, person asc.
constexpr const char* kQuery = R"sql(
SELECT ref FROM (
  SELECT p.ref AS ref, (a.level - ?2) + (b.level - ?4) + (c.level - ?6) AS surplus,
         p.capacity * ?10 - COALESCE((SELECT SUM(MIN(p.capacity, w.hours)) FROM weekly_load w
                                      WHERE w.person = p.ref AND w.week BETWEEN ?8 AND ?9), 0)
           AS free
  FROM person_skills a
       JOIN person_skills b ON b.person = a.person AND b.skill = ?3 AND b.level >= ?4
       JOIN person_skills c ON c.person = a.person AND c.skill = ?5 AND c.level >= ?6
       JOIN people p ON p.ref = a.person
  WHERE a.skill = ?1 AND a.level >= ?2 AND p.practice = ?7)
WHERE free >= ?11 ORDER BY surplus DESC, free DESC, ref ASC LIMIT ?12
)sql";

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
CREATE TABLE people (ref INTEGER PRIMARY KEY, id TEXT NOT NULL, practice INTEGER NOT NULL,
                     capacity REAL NOT NULL);
CREATE TABLE person_skills (person INTEGER NOT NULL, skill INTEGER NOT NULL,
                            level INTEGER NOT NULL, PRIMARY KEY (person, skill)) WITHOUT ROWID;
CREATE TABLE weekly_load (person INTEGER NOT NULL, week INTEGER NOT NULL, hours REAL NOT NULL,
                          PRIMARY KEY (person, week)) WITHOUT ROWID;
)sql";

constexpr const char* kIndexes = R"sql(
CREATE INDEX person_skills_by_skill ON person_skills (skill, level, person);
CREATE INDEX people_by_practice ON people (practice, ref);
ANALYZE;
)sql";

bool Exec(sqlite3* db, const char* sql, std::string& error) {
  char* message = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &message) == SQLITE_OK) return true;
  error = message ? message : "sqlite error";
  sqlite3_free(message);
  return false;
}

bool Fill(sqlite3* db, const char* sql, const std::function<bool(sqlite3_stmt*)>& each,
          std::string& error) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK) {
    error = sqlite3_errmsg(db);
    return false;
  }
  const bool ok = each(stmt);
  sqlite3_finalize(stmt);
  if (!ok) error = sqlite3_errmsg(db);
  return ok;
}

bool Step(sqlite3_stmt* stmt) {
  const bool ok = sqlite3_step(stmt) == SQLITE_DONE;
  sqlite3_reset(stmt);
  return ok;
}

}  // namespace

SqlitePeer::~SqlitePeer() {
  sqlite3_finalize(query_);
  sqlite3_close(db_);
}

bool SqlitePeer::Load(const skills::SkillIndex& index, Date first_week, Date last_week,
                      std::string& error) {
  if (sqlite3_open(":memory:", &db_) != SQLITE_OK) return false;
  if (!Exec(db_, kSchema, error) || !Exec(db_, "BEGIN", error)) return false;
  const int n = index.person_count();
  bool ok = Fill(
      db_, "INSERT INTO people VALUES (?, ?, ?, ?)",
      [&](sqlite3_stmt* s) {
        for (int p = 0; p < n; ++p) {
          sqlite3_bind_int(s, 1, p);
          sqlite3_bind_text(s, 2, index.person_id(p).c_str(), -1, SQLITE_STATIC);
          sqlite3_bind_int(s, 3, index.attribute(skills::Attribute::kPractice, p));
          sqlite3_bind_double(s, 4, index.capacity(p));
          if (!Step(s)) return false;
        }
        return true;
      },
      error);
  ok = ok && Fill(
                 db_, "INSERT INTO person_skills VALUES (?, ?, ?)",
                 [&](sqlite3_stmt* s) {
                   for (int p = 0; p < n; ++p) {
                     for (const skills::HeldSkill& h : index.skills_of(p)) {
                       sqlite3_bind_int(s, 1, p);
                       sqlite3_bind_int(s, 2, h.skill);
                       sqlite3_bind_int(s, 3, h.level);
                       if (!Step(s)) return false;
                     }
                   }
                   return true;
                 },
                 error);
  ok = ok && Fill(
                 db_, "INSERT INTO weekly_load VALUES (?, ?, ?)",
                 [&](sqlite3_stmt* s) {
                   for (int p = 0; p < n; ++p) {
                     for (Date w = first_week; w <= last_week; w = AddDays(w, kDaysPerWeek)) {
                       const double load = index.WeekLoad(p, w);
                       if (load == 0) continue;
                       sqlite3_bind_int(s, 1, p);
                       sqlite3_bind_int(s, 2, w.days);
                       sqlite3_bind_double(s, 3, load);
                       if (!Step(s)) return false;
                     }
                   }
                   return true;
                 },
                 error);
  if (!ok || !Exec(db_, "COMMIT", error) || !Exec(db_, kIndexes, error)) return false;
  if (sqlite3_prepare_v2(db_, kQuery, -1, &query_, nullptr) != SQLITE_OK) {
    error = sqlite3_errmsg(db_);
    return false;
  }
  return true;
}

std::vector<skills::PersonRef> SqlitePeer::Run(const BenchQuery& q) {
  for (int i = 0; i < 3; ++i) {
    sqlite3_bind_int(query_, 1 + 2 * i, q.needs[i].first);
    sqlite3_bind_int(query_, 2 + 2 * i, q.needs[i].second);
  }
  const int32_t first = WeekStart(q.from).days;
  const int32_t last = WeekStart(q.to).days;
  sqlite3_bind_int(query_, 7, q.practice);
  sqlite3_bind_int(query_, 8, first);
  sqlite3_bind_int(query_, 9, last);
  sqlite3_bind_int(query_, 10, (last - first) / kDaysPerWeek + 1);
  sqlite3_bind_double(query_, 11, q.min_free_hours);
  sqlite3_bind_int(query_, 12, q.limit);
  std::vector<skills::PersonRef> out;
  while (sqlite3_step(query_) == SQLITE_ROW) out.push_back(sqlite3_column_int(query_, 0));
  sqlite3_reset(query_);
  return out;
}

}  // namespace guild::bench
