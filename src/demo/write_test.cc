#include "demo/write.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <stdlib.h>

#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "demo/demo.h"
#include "io/export.h"
#include "taxonomy/taxonomy.h"

namespace guild {
namespace {

constexpr Date kToday{20200};

constexpr EntityKind kHistoryKinds[] = {
    EntityKind::kCheckins,         EntityKind::kCheckinBlockers, EntityKind::kCheckinQuestions,
    EntityKind::kFeedbackRequests, EntityKind::kFeedbackAnswers, EntityKind::kInboxItems};

const FirmData& Taxonomy() {
  static const FirmData taxonomy = [] {
    auto t = LoadTaxonomy({.directory = GUILD_TEST_TAXONOMY_DIR});
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? *t : FirmData{};
  }();
  return taxonomy;
}

std::string TempDb() {
  char dir[] = "/tmp/guild_demo_write_XXXXXX";
  EXPECT_NE(mkdtemp(dir), nullptr);
  return std::string(dir) + "/demo.db";
}

// A CSV export's rows, sorted (the header first): the same rows whatever
// the order they were written in.
std::vector<std::string> SortedRows(const std::string& csv) {
  std::vector<std::string> rows;
  std::istringstream in(csv);
  for (std::string line; std::getline(in, line);) rows.push_back(line);
  if (!rows.empty()) std::sort(rows.begin() + 1, rows.end());
  return rows;
}

TEST(WriteDemoFirm, StoresEveryEntityAndCountsMatch) {
  // 400 people: a year of check-ins (~15,000), feedback and inbox items too.
  const DemoOptions options{.people = 400, .seed = 5, .today = kToday};
  auto expected = GenerateDemoFirm(options, Taxonomy());
  ASSERT_TRUE(expected.ok()) << expected.status().ToString();
  ASSERT_GT(expected->checkins.size(), 10000u);
  ASSERT_GT(expected->inbox_items.size(), 0u);
  auto demo = GenerateDemoFirmInParts(options, Taxonomy());
  ASSERT_TRUE(demo.ok()) << demo.status().ToString();
  auto store = OpenStore({.url = TempDb(), .durability = Durability::kOff});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  int64_t last_done = -1, total = 0;
  std::map<EntityKind, int64_t> written;
  Status s = WriteDemoFirm([&](FirmChange&& change) { return (*store)->Commit(change).status(); },
                           Taxonomy(), *demo, {.chunk = 1000},
                           [&](std::string_view, int64_t done, int64_t t) {
                             EXPECT_GE(done, last_done);
                             EXPECT_GE(t, done);
                             last_done = done;
                             total = t;
                           },
                           &written);
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(last_done, total);
  EXPECT_TRUE(demo->firm().people.empty());
  EXPECT_TRUE(demo->firm().teams.empty());
  int64_t sum = 0;
  for (EntityKind k : kAllEntityKinds) {
    auto n = (*store)->Count(k);
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    const size_t want = expected->Count(k) + Taxonomy().Count(k);
    EXPECT_EQ(static_cast<size_t>(*n), want) << ToString(k);
    EXPECT_EQ(written[k], static_cast<int64_t>(want)) << ToString(k);
    sum += written[k];
  }
  EXPECT_EQ(sum, total);
}

// Each line a row, its columns joined by "|": the rows `sql` reads from
// the SQLite file at `path`.
std::string QueryLines(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  sqlite3_stmt* stmt = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK)
      << sql << ": " << sqlite3_errmsg(db);
  std::string out;
  while (stmt != nullptr && sqlite3_step(stmt) == SQLITE_ROW) {
    for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
      const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
      out += (i > 0 ? "|" : "") + std::string(text != nullptr ? text : "NULL");
    }
    out += "\n";
  }
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return out;
}

// A demo firm written with a bulk load (as guild demo does) gives the file a
// normal write gives: the same schema, indexes included, and the same rows
// in every table.
TEST(WriteDemoFirm, ABulkLoadGivesTheFileOfANormalWrite) {
  const DemoOptions options{.people = 300, .seed = 11, .today = kToday};
  std::string files[2];
  for (bool bulk : {false, true}) {
    SCOPED_TRACE(bulk ? "bulk load" : "normal write");
    auto demo = GenerateDemoFirmInParts(options, Taxonomy());
    ASSERT_TRUE(demo.ok()) << demo.status().ToString();
    files[bulk] = TempDb();
    auto store = OpenStore({.url = files[bulk], .durability = Durability::kOff, .bulk_load = bulk});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->Clear().ok());
    if (bulk) {
      const Status begun = (*store)->BeginBulkLoad();
      ASSERT_TRUE(begun.ok()) << begun.ToString();
    }
    Status s = WriteDemoFirm([&](FirmChange&& change) { return (*store)->Commit(change).status(); },
                             Taxonomy(), *demo, {.chunk = 2000}, nullptr);
    ASSERT_TRUE(s.ok()) << s.ToString();
    if (bulk) {
      const Status ended = (*store)->EndBulkLoad();
      ASSERT_TRUE(ended.ok()) << ended.ToString();
    }
  }
  const std::string schema_sql =
      "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name";
  const std::string schema = QueryLines(files[0], schema_sql);
  EXPECT_NE(schema.find("CREATE INDEX checkins_team_cycle"), std::string::npos);
  EXPECT_EQ(QueryLines(files[1], schema_sql), schema);
  const std::string tables =
      QueryLines(files[0],
                 "SELECT name FROM sqlite_master WHERE type = 'table' AND name <> "
                 "'schema_migrations' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  std::istringstream names(tables);
  int compared = 0;
  for (std::string table; std::getline(names, table);) {
    // Sorted: some tables are WITHOUT ROWID.
    const std::string sql = "SELECT * FROM " + table;
    const auto rows = SortedRows("\n" + QueryLines(files[0], sql));
    EXPECT_TRUE(SortedRows("\n" + QueryLines(files[1], sql)) == rows) << table << ": rows differ";
    compared += rows.size() > 1 ? 1 : 0;
  }
  EXPECT_GT(compared, 20);  // people, check-ins, feedback, ... all hold rows
  EXPECT_EQ(QueryLines(files[1], "PRAGMA journal_mode"), "wal\n");
  EXPECT_EQ(QueryLines(files[1], "PRAGMA user_version"), "0\n");
  EXPECT_EQ(QueryLines(files[1], "PRAGMA integrity_check"), "ok\n");
}

// The history is generated per chunk of people while it is written: the
// rows stored are the same whatever the chunk, and the same as the firm
// generated whole.
TEST(WriteDemoFirm, HistoryRowsDoNotDependOnTheChunk) {
  const DemoOptions options{.people = 3000, .seed = 3, .today = kToday};
  auto whole = GenerateDemoFirm(options, Taxonomy());
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  ASSERT_GT(whole->checkins.size(), 100000u);
  for (uint32_t people : {1u, 7u, 1000u}) {
    SCOPED_TRACE("history_people " + std::to_string(people));
    auto demo = GenerateDemoFirmInParts(options, Taxonomy());
    ASSERT_TRUE(demo.ok()) << demo.status().ToString();
    auto store = OpenStore({.url = TempDb(), .durability = Durability::kOff});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    int commits = 0;
    Status s = WriteDemoFirm(
        [&](FirmChange&& change) {
          ++commits;
          return (*store)->Commit(change).status();
        },
        Taxonomy(), *demo, {.history_people = people}, nullptr);
    ASSERT_TRUE(s.ok()) << s.ToString();
    EXPECT_GE(commits, static_cast<int>(3000 / people));  // one change per chunk of people
    for (EntityKind k : kHistoryKinds) {
      auto stored = io::ExportKind(**store, k, io::Format::kCsv);
      ASSERT_TRUE(stored.ok()) << stored.status().ToString();
      const auto got = SortedRows(*stored);
      const auto want = SortedRows(io::ExportEntities(*whole, k, io::Format::kCsv));
      EXPECT_EQ(got.size(), want.size()) << ToString(k);
      EXPECT_TRUE(got == want) << ToString(k) << ": rows differ";
    }
  }
}

// Any split of the people into ranges, in any order, gives the same rows.
TEST(DemoFirm, HistoryInRangesInAnyOrderIsTheWholeHistory) {
  const DemoOptions options{.people = 400, .seed = 8, .today = kToday};
  auto whole = GenerateDemoFirm(options, Taxonomy());
  ASSERT_TRUE(whole.ok()) << whole.status().ToString();
  auto demo = GenerateDemoFirmInParts(options, Taxonomy());
  ASSERT_TRUE(demo.ok()) << demo.status().ToString();
  EXPECT_TRUE(demo->firm().checkins.empty());
  FirmData history;
  for (uint32_t end = demo->people(); end > 0;) {  // backwards, 7 people at a time
    const uint32_t begin = end >= 7 ? end - 7 : 0;
    demo->GenerateHistory(begin, end, history);
    end = begin;
  }
  for (EntityKind k : kHistoryKinds) {
    EXPECT_TRUE(SortedRows(io::ExportEntities(history, k, io::Format::kCsv)) ==
                SortedRows(io::ExportEntities(*whole, k, io::Format::kCsv)))
        << ToString(k);
    EXPECT_GT(history.Count(k), 0u) << ToString(k);
  }
}

}  // namespace
}  // namespace guild
