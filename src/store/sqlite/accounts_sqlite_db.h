// A thin RAII layer over sqlite3 for the account tables: one connection,
// prepared statements bound by position, errors as Status.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"

namespace guild::internal {

//! One prepared statement. Bind by 1-based position, then Step.
class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, std::string_view sql);
  ~SqliteStatement();
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;

  //! The preparation error, if any.
  [[nodiscard]] Status status() const { return status_; }
  void Bind(int index, std::string_view text);
  void Bind(int index, int64_t value);
  void BindOptional(int index, const std::optional<int64_t>& value);
  //! true while a row is available; errors leave it false and set status().
  bool Step();
  //! Runs to completion; kAlreadyExists on a uniqueness violation.
  [[nodiscard]] Status Run();

  [[nodiscard]] std::string Text(int column) const;
  [[nodiscard]] int64_t Int(int column) const;
  [[nodiscard]] std::optional<int64_t> OptionalInt(int column) const;

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  Status status_;
};

//! Maps a sqlite3 result code to a Status naming `what`.
Status SqliteError(sqlite3* db, int code, std::string_view what);

}  // namespace guild::internal
