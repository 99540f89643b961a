// Test support for the io module: a SQLite store in a fresh temporary
// directory, a small firm that uses every field, and field-by-field dumps.
#pragma once

#include <memory>
#include <string>

#include "domain/model.h"
#include "store/store.h"

namespace guild::io::testing {

//! A SQLite store in its own mkdtemp directory, removed by the destructor.
class TempStore {
 public:
  TempStore();
  ~TempStore();
  TempStore(const TempStore&) = delete;
  TempStore& operator=(const TempStore&) = delete;

  Store& store() { return *store_; }
  [[nodiscard]] const std::string& dir() const { return dir_; }
  //! Total number of entities of every kind.
  int64_t TotalCount();

 private:
  std::string dir_;
  std::unique_ptr<Store> store_;
};

//! A firm using every kind and every field, with optional fields both set
//! and unset, empty and non-empty lists, and CSV-special text (commas,
//! quotes, line breaks, non-ASCII).
FirmData RichFirm();

//! Every field of every entity of `kind`, one entity per line.
std::string Dump(const FirmData& data, EntityKind kind);

}  // namespace guild::io::testing
