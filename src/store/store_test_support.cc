#include "store/store_test_support.h"

#include <sqlite3.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <pqxx/pqxx>
#include <sstream>

namespace guild::store::testing {

namespace {

// --- SQLite -------------------------------------------------------------------

class SqliteHarness final : public StoreHarness {
 public:
  ~SqliteHarness() override {
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }
  Status Create() override {
    std::string pattern = (std::filesystem::temp_directory_path() / "guild-store-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) return Internal("mkdtemp failed for " + pattern);
    dir_ = pattern;
    return OkStatus();
  }
  std::string url() const override { return dir_ + "/guild.db"; }
  std::string MissingUrl() const override { return dir_ + "/missing.db"; }
  Status Exec(const std::string& sql) override {
    return WithDb([&](sqlite3* db) -> Status {
      char* error = nullptr;
      if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) == SQLITE_OK) return OkStatus();
      std::string message = error != nullptr ? error : "?";
      sqlite3_free(error);
      return Internal(sql + ": " + message);
    });
  }
  Result<int64_t> QueryInt(const std::string& sql) override {
    int64_t value = 0;
    RETURN_IF_ERROR(WithDb([&](sqlite3* db) -> Status {
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        return Internal(sql + ": " + sqlite3_errmsg(db));
      }
      const bool row = sqlite3_step(stmt) == SQLITE_ROW;
      if (row) value = sqlite3_column_int64(stmt, 0);
      sqlite3_finalize(stmt);
      return row ? OkStatus() : Internal(sql + ": no row");
    }));
    return value;
  }
  Result<std::string> QueryLines(const std::string& sql) override {
    std::string lines;
    RETURN_IF_ERROR(WithDb([&](sqlite3* db) -> Status {
      sqlite3_stmt* stmt = nullptr;
      if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
        return Internal(sql + ": " + sqlite3_errmsg(db));
      }
      int rc;
      while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, i));
          lines += std::string(i == 0 ? "" : "|") + (text != nullptr ? text : "NULL");
        }
        lines += "\n";
      }
      sqlite3_finalize(stmt);
      return rc == SQLITE_DONE ? OkStatus() : Internal(sql + ": " + sqlite3_errmsg(db));
    }));
    return lines;
  }

 private:
  template <typename F>
  Status WithDb(F&& f) {
    sqlite3* db = nullptr;
    if (sqlite3_open(url().c_str(), &db) != SQLITE_OK) {
      sqlite3_close(db);
      return Internal("cannot open " + url());
    }
    Status status = f(db);
    sqlite3_close(db);
    return status;
  }

  std::string dir_;
};

// --- PostgreSQL -----------------------------------------------------------------

constexpr const char* kPgUrlVariable = "GUILD_TEST_PG_URL";

// The URL with its database name replaced by `database`.
std::string WithDatabase(const std::string& url, const std::string& database) {
  const size_t authority = url.find("://");
  const size_t slash = url.find('/', authority == std::string::npos ? 0 : authority + 3);
  const size_t query = url.find('?');
  std::string base = url.substr(0, slash == std::string::npos ? query : slash);
  std::string rest = query == std::string::npos ? "" : url.substr(query);
  return base + "/" + database + rest;
}

class PostgresHarness final : public StoreHarness {
 public:
  ~PostgresHarness() override {
    if (database_.empty()) return;
    try {
      pqxx::connection admin(server_url_);
      pqxx::nontransaction txn(admin);
      txn.exec0("DROP DATABASE IF EXISTS " + database_ + " WITH (FORCE)");
    } catch (const std::exception&) {  // the server is going away with the test run
    }
  }
  Status Create() override {
    const char* url = std::getenv(kPgUrlVariable);
    if (url == nullptr || *url == '\0') {
      return FailedPrecondition(
          std::string(kPgUrlVariable) +
          " is not set: run the PostgreSQL tests through scripts/with-postgres.sh (ctest -R "
          "store_conformance_postgres), which starts a throwaway server");
    }
    server_url_ = url;
    static std::atomic<int> counter{0};
    database_ = "guild_t_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    try {
      pqxx::connection admin(server_url_);
      pqxx::nontransaction txn(admin);
      txn.exec0("DROP DATABASE IF EXISTS " + database_);
      txn.exec0("CREATE DATABASE " + database_ + " ENCODING 'UTF8' TEMPLATE template0");
    } catch (const std::exception& e) {
      return Unavailable(std::string("creating a test database on ") + url + ": " + e.what());
    }
    return OkStatus();
  }
  std::string url() const override { return WithDatabase(server_url_, database_); }
  std::string MissingUrl() const override { return WithDatabase(server_url_, database_ + "_x"); }
  Status Exec(const std::string& sql) override {
    try {
      pqxx::connection conn(url());
      pqxx::nontransaction txn(conn);
      txn.exec0(sql);
      return OkStatus();
    } catch (const std::exception& e) {
      return Internal(sql + ": " + e.what());
    }
  }
  Result<int64_t> QueryInt(const std::string& sql) override {
    try {
      pqxx::connection conn(url());
      pqxx::nontransaction txn(conn);
      return txn.exec1(sql)[0].as<int64_t>();
    } catch (const std::exception& e) {
      return Internal(sql + ": " + e.what());
    }
  }
  Result<std::string> QueryLines(const std::string& sql) override {
    try {
      pqxx::connection conn(url());
      pqxx::nontransaction txn(conn);
      std::string lines;
      for (const pqxx::row& row : txn.exec(sql)) {
        for (pqxx::row::size_type i = 0; i < row.size(); ++i) {
          lines += std::string(i == 0 ? "" : "|") + (row[i].is_null() ? "NULL" : row[i].c_str());
        }
        lines += "\n";
      }
      return lines;
    } catch (const std::exception& e) {
      return Internal(sql + ": " + e.what());
    }
  }

 private:
  std::string server_url_;
  std::string database_;
};

}  // namespace

std::unique_ptr<StoreHarness> MakeSqliteHarness() { return std::make_unique<SqliteHarness>(); }
std::unique_ptr<StoreHarness> MakePostgresHarness() { return std::make_unique<PostgresHarness>(); }

}  // namespace guild::store::testing
