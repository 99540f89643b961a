// Store::BeginBulkLoad / EndBulkLoad: on SQLite the file it leaves is the
// one a normal write gives (schema and rows), a crash during the load leaves
// a file every open but a bulk one refuses, and a dangling reference fails
// the end. On PostgreSQL both do nothing.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "store/account_store.h"
#include "store/store.h"
#include "store/store_test_support.h"

namespace guild::store::testing {
namespace {

// Every table's rows (sorted, every column) and the schema: what two
// files must share to hold the same data the same way.
std::string Contents(StoreHarness& harness) {
  auto schema = harness.QueryLines(
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
      "ORDER BY type, name");
  EXPECT_TRUE(schema.ok()) << schema.status().ToString();
  std::string out = schema.ok() ? *schema : "";
  auto tables = harness.QueryLines(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
      "AND name <> 'schema_migrations' ORDER BY name");
  EXPECT_TRUE(tables.ok()) << tables.status().ToString();
  size_t begin = 0;
  const std::string names = tables.ok() ? *tables : "";
  while (begin < names.size()) {
    size_t end = names.find('\n', begin);
    if (end == std::string::npos) end = names.size();
    const std::string table = names.substr(begin, end - begin);
    begin = end + 1;
    // Sorted: some tables are WITHOUT ROWID.
    auto rows = harness.QueryLines("SELECT * FROM " + table);
    EXPECT_TRUE(rows.ok()) << table << ": " << rows.status().ToString();
    std::vector<std::string> lines;
    std::istringstream in(rows.ok() ? *rows : "");
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    out += "== " + table + "\n";
    for (const std::string& line : lines) out += line + "\n";
  }
  return out;
}

std::string TextOf(StoreHarness& harness, const std::string& sql) {
  auto lines = harness.QueryLines(sql);
  EXPECT_TRUE(lines.ok()) << lines.status().ToString();
  return lines.ok() ? *lines : "";
}

std::unique_ptr<StoreHarness> NewSqlite() {
  auto harness = MakeSqliteHarness();
  const Status created = harness->Create();
  EXPECT_TRUE(created.ok()) << created.ToString();
  return harness;
}

StoreOptions BulkOptions(const StoreHarness& harness) {
  return {.url = harness.url(), .durability = Durability::kOff, .bulk_load = true};
}

// The sample firm (every kind) in one change.
Status WriteSample(Store& store) {
  FirmChange change;
  change.upserts = SampleFirm();
  return store.Commit(change).status();
}

TEST(SqliteBulkLoad, LeavesTheSchemaAndRowsOfANormalWrite) {
  auto normal = NewSqlite();
  auto bulk = NewSqlite();
  {
    auto store = OpenStore({.url = normal->url(), .durability = Durability::kOff});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->Clear().ok());
    const Status written = WriteSample(**store);
    ASSERT_TRUE(written.ok()) << written.ToString();
  }
  {
    auto store = OpenStore(BulkOptions(*bulk));
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    ASSERT_TRUE((*store)->Clear().ok());
    const Status begun = (*store)->BeginBulkLoad();
    ASSERT_TRUE(begun.ok()) << begun.ToString();
    // The non-unique indexes are gone while it loads; the unique ones stay.
    EXPECT_EQ(
        TextOf(*bulk, "SELECT count(*) FROM sqlite_master WHERE name = 'checkins_team_cycle'"),
        "0\n");
    EXPECT_EQ(TextOf(*bulk,
                     "SELECT count(*) FROM sqlite_master WHERE name = "
                     "'checkins_person_team_cycle'"),
              "1\n");
    // Out of WAL (MEMORY is the loading connection's own; others see the
    // file's rollback mode).
    EXPECT_EQ(TextOf(*bulk, "PRAGMA journal_mode"), "delete\n");
    EXPECT_EQ(TextOf(*bulk, "PRAGMA user_version"), "1195527243\n");  // kBulkLoadMark
    const Status written = WriteSample(**store);
    ASSERT_TRUE(written.ok()) << written.ToString();
    const Status ended = (*store)->EndBulkLoad();
    ASSERT_TRUE(ended.ok()) << ended.ToString();
    // The store goes on working as any other, and reads what it wrote.
    auto people = (*store)->Count(EntityKind::kPeople);
    ASSERT_TRUE(people.ok());
    EXPECT_EQ(*people, static_cast<int64_t>(SampleFirm().people.size()));
  }
  const std::string expected = Contents(*normal);
  ASSERT_NE(expected.find("checkins_team_cycle"), std::string::npos);
  ASSERT_NE(expected.find("== people\n"), std::string::npos);
  EXPECT_EQ(Contents(*bulk), expected);
  EXPECT_EQ(TextOf(*bulk, "PRAGMA journal_mode"), "wal\n");
  EXPECT_EQ(TextOf(*bulk, "PRAGMA user_version"), "0\n");
  EXPECT_EQ(TextOf(*bulk, "PRAGMA integrity_check"), "ok\n");
  // Opens as any file does.
  EXPECT_TRUE(OpenStore({.url = bulk->url()}).ok());
}

TEST(SqliteBulkLoad, ACrashDuringTheLoadLeavesAFileThatIsRefused) {
  auto harness = NewSqlite();
  {
    auto store = OpenStore({.url = harness->url()});  // a file with data before the demo
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE(WriteSample(**store).ok());
  }
  const pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    // The load dies after a first change: no EndBulkLoad, no destructors.
    auto store = OpenStore(BulkOptions(*harness));
    if (!store.ok() || !(*store)->Clear().ok() || !(*store)->BeginBulkLoad().ok()) _exit(2);
    FirmChange people;
    people.upserts.people = SampleFirm().people;
    _exit((*store)->Commit(people).ok() ? 0 : 3);
  }
  int wstatus = 0;
  ASSERT_EQ(waitpid(child, &wstatus, 0), child);
  ASSERT_TRUE(WIFEXITED(wstatus));
  ASSERT_EQ(WEXITSTATUS(wstatus), 0);

  auto refused = OpenStore({.url = harness->url()});
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.status().message().find("interrupted bulk load"), std::string::npos)
      << refused.status().message();
  auto accounts = OpenAccountStore({.url = harness->url()});
  ASSERT_FALSE(accounts.ok());
  EXPECT_EQ(accounts.status().code(), StatusCode::kFailedPrecondition);
  // Not even read-only use: the file is what it was while loading.
  EXPECT_FALSE(OpenStore({.url = harness->url(), .create_if_missing = false}).ok());

  // Another bulk load starts from a new, empty file with the whole schema.
  auto fresh = NewSqlite();
  ASSERT_TRUE(OpenStore({.url = fresh->url()}).ok());
  auto again = OpenStore(BulkOptions(*harness));
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  auto people = (*again)->Count(EntityKind::kPeople);
  ASSERT_TRUE(people.ok());
  EXPECT_EQ(*people, 0);
  again->reset();
  const std::string schema_sql = "SELECT type, name, sql FROM sqlite_master ORDER BY type, name";
  EXPECT_EQ(TextOf(*harness, schema_sql), TextOf(*fresh, schema_sql));
  EXPECT_TRUE(OpenStore({.url = harness->url()}).ok());
}

TEST(SqliteBulkLoad, ADanglingReferenceFailsTheEndAndTheFileStaysRefused) {
  auto harness = NewSqlite();
  {
    auto store = OpenStore(BulkOptions(*harness));
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->BeginBulkLoad().ok());
    FirmChange change;
    change.upserts.people = SampleFirm().people;
    change.upserts.person_skills.push_back(
        PersonSkill{.person_id = change.upserts.people[0].id, .skill_id = "no-such-skill"});
    // Not checked while loading...
    ASSERT_TRUE((*store)->Commit(change).ok());
    // ...but at the end.
    const Status ended = (*store)->EndBulkLoad();
    EXPECT_EQ(ended.code(), StatusCode::kFailedPrecondition) << ended.ToString();
    EXPECT_NE(ended.message().find("person_skills"), std::string::npos) << ended.message();
    EXPECT_NE(ended.message().find("skills"), std::string::npos) << ended.message();
  }
  auto refused = OpenStore({.url = harness->url()});
  EXPECT_EQ(refused.status().code(), StatusCode::kFailedPrecondition);
}

TEST(SqliteBulkLoad, RefusesAStoreNotOpenedForItOrNotEmpty) {
  auto harness = NewSqlite();
  auto plain = OpenStore({.url = harness->url()});
  ASSERT_TRUE(plain.ok());
  Status begun = (*plain)->BeginBulkLoad();
  EXPECT_EQ(begun.code(), StatusCode::kFailedPrecondition) << begun.ToString();
  EXPECT_NE(begun.message().find("bulk_load"), std::string::npos) << begun.message();
  EXPECT_EQ((*plain)->EndBulkLoad().code(), StatusCode::kFailedPrecondition);
  ASSERT_TRUE(WriteSample(**plain).ok());
  plain->reset();

  auto bulk = OpenStore(BulkOptions(*harness));
  ASSERT_TRUE(bulk.ok());
  begun = (*bulk)->BeginBulkLoad();
  EXPECT_EQ(begun.code(), StatusCode::kFailedPrecondition) << begun.ToString();
  EXPECT_NE(begun.message().find("must be empty"), std::string::npos) << begun.message();
  EXPECT_EQ(TextOf(*harness, "PRAGMA user_version"), "0\n");  // nothing changed
}

TEST(SqliteBulkLoad, WaitsForNoOtherConnection) {
  auto harness = NewSqlite();
  auto bulk = OpenStore(BulkOptions(*harness));
  ASSERT_TRUE(bulk.ok());
  {
    // A running server: its connections keep the file in WAL.
    auto server = OpenStore({.url = harness->url()});
    ASSERT_TRUE(server.ok());
    ASSERT_TRUE((*server)->FeedHead().ok());
    const Status begun = (*bulk)->BeginBulkLoad();
    EXPECT_EQ(begun.code(), StatusCode::kUnavailable) << begun.ToString();
    EXPECT_EQ(TextOf(*harness, "PRAGMA user_version"), "0\n");
    // Writing without a bulk load still works, and the server sees it.
    ASSERT_TRUE(WriteSample(**bulk).ok());
    auto people = (*server)->Count(EntityKind::kPeople);
    ASSERT_TRUE(people.ok());
    EXPECT_EQ(*people, static_cast<int64_t>(SampleFirm().people.size()));
  }
}

// PostgreSQL (and SQLite opened for it): a bulk load writes what a normal
// write does. On PostgreSQL BeginBulkLoad and EndBulkLoad do nothing.
class BulkLoadTest : public BackendStoreTest {};

TEST_P(BulkLoadTest, WritesWhatANormalWriteDoes) {
  store_.reset();
  StoreOptions options = Options();
  options.bulk_load = true;
  auto store = OpenStore(options);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ASSERT_TRUE((*store)->BeginBulkLoad().ok());
  ASSERT_TRUE(WriteSample(**store).ok());
  const Status ended = (*store)->EndBulkLoad();
  ASSERT_TRUE(ended.ok()) << ended.ToString();
  EXPECT_EQ(Dump(LoadAll(**store)), Dump(SortedByKey(SampleFirm())));
}

INSTANTIATE_TEST_SUITE_P(Sqlite, BulkLoadTest, ::testing::Values(kSqliteBackend), BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, BulkLoadTest, ::testing::Values(kPostgresBackend), BackendName);

}  // namespace
}  // namespace guild::store::testing
