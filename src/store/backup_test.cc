// BackupDatabase and RestoreDatabase on both backends: a round trip keeps
// every row of every table (the firm's and the accounts'), a backup taken
// while another connection writes is a consistent point of the change feed,
// and the refusals (existing output, non-empty target, not a backup) leave
// nothing behind. PostgreSQL runs through scripts/with-postgres.sh
// (backup_postgres).
#include "store/backup.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <sstream>
#include <string>
#include <thread>

#include "store/account_store.h"
#include "store/store.h"
#include "store/store_test_support.h"

namespace guild {
namespace {

using store::testing::Backend;
using store::testing::BackendName;
using store::testing::SampleFirm;
using store::testing::StoreHarness;

class BackupTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    source_ = NewDatabase();
    target_ = NewDatabase();
    std::string pattern = (std::filesystem::temp_directory_path() / "guild-backup-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    dir_ = pattern;
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<StoreHarness> NewDatabase() {
    auto harness = GetParam().make();
    const Status created = harness->Create();
    EXPECT_TRUE(created.ok()) << created.ToString();
    return harness;
  }
  bool IsSqlite() const { return std::string(GetParam().name) == "sqlite"; }

  // The firm of store_test_data.cc plus a row in every account table.
  void Fill(const std::string& url) {
    auto store = OpenStore({.url = url, .durability = Durability::kOff});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    const FirmData firm = SampleFirm();
    FirmChange change{.upserts = firm};
    const AuditEntry audit{.at = 7, .user_id = "u1", .action = "import", .entity = "people"};
    ASSERT_TRUE((*store)->Commit(CommitRequest{.change = &change, .audit = &audit}).ok());
    auto accounts = OpenAccountStore({.url = url, .durability = Durability::kOff});
    ASSERT_TRUE(accounts.ok()) << accounts.status().ToString();
    AccountStore& a = **accounts;
    ASSERT_TRUE(a.CreateUser({"u1", "ada@example.com", "$argon2id$x", "p1",
                              UserRole::kAdministrator, false, 100})
                    .ok());
    ASSERT_TRUE(a.CreateSession({"h1", "u1", "csrf", 100, 200}).ok());
    ASSERT_TRUE(a.CreateApiToken({"t1", "u1", "ci", "th1", 100, 150, 900, TokenScope::kRead}).ok());
    ASSERT_TRUE(a.CreateStaffingPlan({"plan1", "u1", 100, false, "payload\n"}).ok());
  }

  // Every row of every table, one table after another, in a fixed order.
  std::string Tables(StoreHarness& db) {
    const std::string list_sql =
        IsSqlite() ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE "
                     "'sqlite_%' ORDER BY name"
                   : "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                     "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name";
    auto tables = db.QueryLines(list_sql);
    EXPECT_TRUE(tables.ok()) << tables.status().ToString();
    std::string dump;
    std::istringstream names((tables.ok() ? *tables : std::string()));
    for (std::string table; std::getline(names, table);) {
      std::string row_sql;
      if (IsSqlite()) {
        auto columns = db.QueryLines("SELECT name FROM pragma_table_info('" + table + "')");
        EXPECT_TRUE(columns.ok());
        std::istringstream column_names((columns.ok() ? *columns : std::string()));
        std::string row = "''";
        for (std::string column; std::getline(column_names, column);) {
          row += " || '|' || quote(\"";
          row += column;
          row += "\")";
        }
        row_sql = "SELECT " + row + " FROM \"" + table + "\" ORDER BY 1";
      } else {
        row_sql = "SELECT t::text FROM \"" + table + "\" t ORDER BY 1";
      }
      auto rows = db.QueryLines(row_sql);
      EXPECT_TRUE(rows.ok()) << rows.status().ToString();
      dump += "== " + table + "\n" + (rows.ok() ? *rows : std::string());
    }
    return dump;
  }

  std::string File(const std::string& name) const { return dir_ + "/" + name; }

  std::unique_ptr<StoreHarness> source_;
  std::unique_ptr<StoreHarness> target_;
  std::string dir_;
};

TEST_P(BackupTest, RoundTripKeepsEveryRowOfEveryTable) {
  Fill(source_->url());
  const std::string before = Tables(*source_);
  ASSERT_NE(before.find("$argon2id$x"), std::string::npos) << before;  // the accounts too
  ASSERT_NE(before.find("Zoë"), std::string::npos) << before;

  const Status backed_up =
      BackupDatabase({.url = source_->url(), .out = File("b"), .pages_per_step = 2});
  ASSERT_TRUE(backed_up.ok()) << backed_up.ToString();
  EXPECT_FALSE(std::filesystem::exists(File("b.partial")));
  const Status restored = RestoreDatabase({.url = target_->url(), .from = File("b")});
  ASSERT_TRUE(restored.ok()) << restored.ToString();
  EXPECT_EQ(Tables(*target_), before);

  // The restored database works as a store.
  auto store = OpenStore({.url = target_->url(), .create_if_missing = false});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto loaded =  // store-only kinds too
      (*store)->Load({{std::begin(kAllEntityKinds), std::end(kAllEntityKinds)}});
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  EXPECT_EQ(store::testing::Dump(*loaded),
            store::testing::Dump(store::testing::SortedByKey(SampleFirm())));
}

TEST_P(BackupTest, ProgressReachesTheWholeDatabase) {
  if (!IsSqlite()) GTEST_SKIP() << "pg_dump reports no pages";
  Fill(source_->url());
  int64_t last_done = -1;
  int64_t last_total = 0;
  int calls = 0;
  BackupOptions options{.url = source_->url(), .out = File("b"), .pages_per_step = 1};
  options.progress = [&](int64_t done, int64_t total) {
    EXPECT_GE(done, last_done);
    last_done = done;
    last_total = total;
    ++calls;
  };
  ASSERT_TRUE(BackupDatabase(options).ok());
  EXPECT_GT(calls, 2);  // one page per step
  EXPECT_EQ(last_done, last_total);
}

// Another connection commits one person per change while the backup runs;
// on SQLite the progress callback waits for a commit after each of the first
// steps, so the copy is restarted and finished in one step. The restore must
// hold a prefix of those changes, exactly as the feed numbered them.
TEST_P(BackupTest, BackupWhileAnotherConnectionWritesIsOnePointOfTheFeed) {
  Fill(source_->url());
  // Enough rows for many pages.
  {
    auto store = OpenStore({.url = source_->url(), .durability = Durability::kOff});
    ASSERT_TRUE(store.ok());
    FirmData bulk;
    for (int i = 0; i < 500; ++i) {
      bulk.people.push_back(Person{.id = "bulk" + std::to_string(1000 + i),
                                   .name = std::string(200, 'x'),
                                   .email = "bulk" + std::to_string(i) + "@example.com"});
    }
    ASSERT_TRUE((*store)->Upsert(bulk).ok());
  }
  auto reader = OpenStore({.url = source_->url()});
  ASSERT_TRUE(reader.ok());
  auto base_seq = (*reader)->FeedHead();
  ASSERT_TRUE(base_seq.ok());

  std::atomic<int> written{0};
  std::atomic<bool> stop{false};
  std::string writer_error;
  std::thread writer([&] {
    auto store = OpenStore({.url = source_->url()});
    if (!store.ok()) {
      writer_error = store.status().ToString();
      return;
    }
    for (int i = 0; !stop && i < 100'000; ++i) {
      FirmChange change;
      change.upserts.people.push_back(Person{.id = "w" + std::to_string(100'000 + i),
                                             .name = "Writer " + std::to_string(i),
                                             .email = "w" + std::to_string(i) + "@example.com"});
      auto seq = (*store)->Commit(change);
      if (!seq.ok()) {
        writer_error = seq.status().ToString();
        return;
      }
      ++written;
    }
  });
  auto wait_for_writes = [&](int count) {
    while (written < count && writer_error.empty()) std::this_thread::yield();
  };
  wait_for_writes(3);
  BackupOptions options{.url = source_->url(), .out = File("b"), .pages_per_step = 4};
  int steps = 0;
  options.progress = [&](int64_t, int64_t) {
    if (++steps <= 6) wait_for_writes(written + 1);
  };
  const Status backed_up = BackupDatabase(options);
  wait_for_writes(written + 3);
  stop = true;
  writer.join();
  ASSERT_TRUE(writer_error.empty()) << writer_error;
  ASSERT_TRUE(backed_up.ok()) << backed_up.ToString();

  ASSERT_TRUE(RestoreDatabase({.url = target_->url(), .from = File("b")}).ok());
  auto restored = OpenStore({.url = target_->url(), .create_if_missing = false});
  ASSERT_TRUE(restored.ok());
  auto loaded = (*restored)->LoadAt({});
  ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
  int from_writer = 0;
  for (const Person& person : loaded->data.people) {
    if (person.id[0] != 'w') continue;
    EXPECT_EQ(person.id, "w" + std::to_string(100'000 + from_writer)) << "not a prefix";
    ++from_writer;
  }
  EXPECT_GE(from_writer, 3);
  EXPECT_LT(from_writer, written.load());
  EXPECT_EQ(loaded->seq, *base_seq + from_writer);
}

TEST_P(BackupTest, BackupNeverOverwritesAFile) {
  Fill(source_->url());
  std::ofstream(File("b")) << "keep me";
  const Status status = BackupDatabase({.url = source_->url(), .out = File("b")});
  EXPECT_EQ(status.code(), StatusCode::kAlreadyExists);
  EXPECT_NE(status.message().find(File("b")), std::string::npos) << status.message();
  std::ifstream kept(File("b"));
  std::string text;
  std::getline(kept, text);
  EXPECT_EQ(text, "keep me");
}

TEST_P(BackupTest, RestoreRefusesANonEmptyDatabaseUnlessForced) {
  Fill(source_->url());
  ASSERT_TRUE(BackupDatabase({.url = source_->url(), .out = File("b")}).ok());
  const std::string before = Tables(*source_);
  auto store = OpenStore({.url = source_->url()});
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(
      (*store)
          ->Upsert(FirmData{
              .people = {Person{.id = "late", .name = "Late", .email = "late@example.com"}}})
          .ok());
  store->reset();
  const std::string changed = Tables(*source_);

  const Status refused = RestoreDatabase({.url = source_->url(), .from = File("b")});
  EXPECT_EQ(refused.code(), StatusCode::kFailedPrecondition);
  EXPECT_NE(refused.message().find("not empty"), std::string::npos) << refused.message();
  EXPECT_NE(refused.message().find("--force"), std::string::npos) << refused.message();
  EXPECT_EQ(Tables(*source_), changed);

  const Status forced = RestoreDatabase({.url = source_->url(), .from = File("b"), .force = true});
  ASSERT_TRUE(forced.ok()) << forced.ToString();
  EXPECT_EQ(Tables(*source_), before);
}

TEST_P(BackupTest, RestoreIntoADatabaseWithAnEmptySchemaWorks) {
  Fill(source_->url());
  ASSERT_TRUE(BackupDatabase({.url = source_->url(), .out = File("b")}).ok());
  {  // A server started on the target made the schema, nothing else.
    auto store = OpenStore({.url = target_->url()});
    ASSERT_TRUE(store.ok());
    auto accounts = OpenAccountStore({.url = target_->url()});
    ASSERT_TRUE(accounts.ok());
  }
  const Status restored = RestoreDatabase({.url = target_->url(), .from = File("b")});
  ASSERT_TRUE(restored.ok()) << restored.ToString();
  EXPECT_EQ(Tables(*target_), Tables(*source_));
}

TEST_P(BackupTest, RestoreRefusesWhatIsNotABackupAndChangesNothing) {
  std::ofstream(File("junk")) << "not a database\n";
  const Status junk = RestoreDatabase({.url = target_->url(), .from = File("junk")});
  EXPECT_EQ(junk.code(), StatusCode::kInvalidArgument);
  EXPECT_NE(junk.message().find(File("junk")), std::string::npos) << junk.message();

  const Status missing = RestoreDatabase({.url = target_->url(), .from = File("missing")});
  EXPECT_EQ(missing.code(), StatusCode::kNotFound);
  EXPECT_NE(missing.message().find(File("missing")), std::string::npos) << missing.message();

  if (IsSqlite()) {
    EXPECT_FALSE(std::filesystem::exists(target_->url()));
    EXPECT_FALSE(std::filesystem::exists(target_->url() + ".restoring"));
  }
  EXPECT_EQ(Tables(*target_), "");
}

INSTANTIATE_TEST_SUITE_P(Sqlite, BackupTest, ::testing::Values(store::testing::kSqliteBackend),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, BackupTest, ::testing::Values(store::testing::kPostgresBackend),
                         BackendName);

}  // namespace
}  // namespace guild
