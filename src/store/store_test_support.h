// Test support for the store conformance suite: one harness per backend
// (a fresh, empty database per test) and sample firms.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>

#include "common/status.h"
#include "domain/model.h"
#include "store/store.h"

namespace guild::store::testing {

//! A fresh database for one test, removed again by the destructor.
class StoreHarness {
 public:
  virtual ~StoreHarness() = default;
  //! Creates the empty database; fails with a message saying what is missing.
  [[nodiscard]] virtual Status Create() = 0;
  //! The StoreOptions::url of the database.
  [[nodiscard]] virtual std::string url() const = 0;
  //! A url of the same backend naming a database that does not exist.
  [[nodiscard]] virtual std::string MissingUrl() const = 0;
  //! Runs SQL directly against the database (outside any Store).
  [[nodiscard]] virtual Status Exec(const std::string& sql) = 0;
  //! Runs a query yielding one integer.
  [[nodiscard]] virtual Result<int64_t> QueryInt(const std::string& sql) = 0;
  //! Runs a query; the rows, one per line, their columns joined by "|".
  [[nodiscard]] virtual Result<std::string> QueryLines(const std::string& sql) = 0;
};

using HarnessFactory = std::unique_ptr<StoreHarness> (*)();
std::unique_ptr<StoreHarness> MakeSqliteHarness();
//! Uses the server named by the GUILD_TEST_PG_URL environment variable; each
//! harness creates (and later drops) its own database there.
std::unique_ptr<StoreHarness> MakePostgresHarness();

//! One backend under test: the parameter of the suites run on every backend.
struct Backend {
  const char* name;  //!< "sqlite" or "postgresql", the suffix of the test names
  HarnessFactory make;
};
inline void PrintTo(const Backend& backend, std::ostream* out) { *out << backend.name; }
inline std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param.name;
}
inline constexpr Backend kSqliteBackend{"sqlite", &MakeSqliteHarness};
inline constexpr Backend kPostgresBackend{"postgresql", &MakePostgresHarness};

//! A suite run on every backend (the parameter): each test gets a fresh
//! database (harness_) with a store open on it (store_, durability off).
class BackendStoreTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    harness_ = GetParam().make();
    const Status created = harness_->Create();
    ASSERT_TRUE(created.ok()) << created.ToString();
    store_ = Open();
    ASSERT_NE(store_, nullptr);
  }

  [[nodiscard]] StoreOptions Options() const {
    return StoreOptions{.url = harness_->url(), .durability = Durability::kOff};
  }

  //! Another store on the same database; nullptr (and a failure) when it
  //! does not open.
  std::unique_ptr<Store> Open() {
    Result<std::unique_ptr<Store>> store = OpenStore(Options());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(store).value() : nullptr;
  }

  //! Every kind, store-only ones too (Load({}) skips those).
  FirmData LoadAll(Store& store) {
    Result<FirmData> data = store.Load({{std::begin(kAllEntityKinds), std::end(kAllEntityKinds)}});
    EXPECT_TRUE(data.ok()) << data.status().ToString();
    return data.ok() ? *data : FirmData{};
  }
  FirmData LoadAll() { return LoadAll(*store_); }

  std::unique_ptr<StoreHarness> harness_;
  std::unique_ptr<Store> store_;
};

//! A small firm using every entity kind and every field: optional fields set
//! and unset, lists empty and non-empty, unicode and COPY-special text.
FirmData SampleFirm();

//! `data` with every list sorted by key: what Load must return.
FirmData SortedByKey(FirmData data);

//! Every field of every entity, one entity per line, for comparisons with
//! readable differences.
std::string Dump(const FirmData& data);

}  // namespace guild::store::testing
