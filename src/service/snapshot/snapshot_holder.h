// SnapshotHolder: keeps the current FirmSnapshot and replaces it when the
// firm's data changes, whether through this server or another one on the
// same database.
//
// Writes go to the store first; the writer then bumps the data version
// (AccountStore::BumpDataVersion) and calls Refresh. Other servers notice the
// new version when Current() checks it (at most once per check_interval) and
// reload. Readers keep whatever snapshot they hold: an old snapshot stays
// valid, immutable and alive while anyone holds it.
//
// Thread safety: all methods may be called from several threads at once;
// reloads are serialised and readers never wait for one.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>

#include "common/status.h"
#include "service/snapshot/firm_snapshot.h"
#include "store/account_store.h"
#include "store/store.h"

namespace guild {

struct SnapshotOptions {
  //! How often Current() asks the database for its data version; zero asks
  //! every time.
  std::chrono::milliseconds check_interval{200};
};

class SnapshotHolder {
 public:
  //! `store` and `accounts` must outlive the holder.
  SnapshotHolder(Store& store, AccountStore& accounts, SnapshotOptions options);

  //! Reads the whole firm and publishes it. Errors are the store's.
  [[nodiscard]] Status Load();
  //! Reloads when the database's data version differs from the snapshot's.
  [[nodiscard]] Status Refresh();
  //! Bumps the data version after a write to the store, then reloads.
  [[nodiscard]] Status AfterWrite();

  //! The current snapshot, refreshed first when the check interval has passed.
  //! A failing refresh keeps the previous snapshot. nullptr before Load().
  [[nodiscard]] std::shared_ptr<const FirmSnapshot> Current();
  //! The current snapshot without checking the database.
  [[nodiscard]] std::shared_ptr<const FirmSnapshot> Peek() const;
  [[nodiscard]] bool loaded() const { return Peek() != nullptr; }

 private:
  Status LoadAt(int64_t version);

  Store& store_;
  AccountStore& accounts_;
  const SnapshotOptions options_;
  std::mutex reload_mu_;  // serialises reloads
  mutable std::mutex publish_mu_;
  std::shared_ptr<const FirmSnapshot> current_;  // GUARDED_BY(publish_mu_)
  std::atomic<int64_t> last_check_ms_{0};
};

//! For programs that write the firm's data outside a server (`guild import`,
//! `guild demo`): bumps the data version of the database at options.url so
//! running servers reload. Errors as OpenAccountStore.
[[nodiscard]] Status MarkFirmDataChanged(const StoreOptions& options);

}  // namespace guild
