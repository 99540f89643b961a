// SnapshotHolder: keeps the current FirmSnapshot and moves it forward as the
// firm's data changes, whether through this server or another one on the
// same database.
//
// The snapshot's version is the store's change-feed position (Store::FeedHead)
// it reflects. Writes go through the FirmWriter (service/writes/firm_writer.h),
// which commits them and then calls Advance, so the writer sees its own write
// when Commit returns. Other servers' changes are noticed when Current()
// checks the feed head (at most once per check_interval). Readers keep
// whatever snapshot they hold: an old snapshot stays valid, immutable and
// alive while anyone holds it.
//
// Thread safety: all methods may be called from several threads at once;
// updates are serialised and readers never wait for one.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>

#include "common/status.h"
#include "service/snapshot/firm_snapshot.h"
#include "store/store.h"

namespace guild {

struct SnapshotOptions {
  //! How often Current() asks the store for its feed head; zero asks every
  //! time.
  std::chrono::milliseconds check_interval{200};
};

//! What the holder has done, for logs and tests.
struct SnapshotStats {
  int64_t loads = 0;  //!< whole firm read from the store
};

class SnapshotHolder {
 public:
  //! `store` must outlive the holder.
  SnapshotHolder(Store& store, SnapshotOptions options);

  //! Reads the whole firm and publishes it. Errors are the store's.
  [[nodiscard]] Status Load();
  //! Brings the snapshot up to the store's feed head.
  [[nodiscard]] Status Refresh();
  //! Called by the FirmWriter after it committed changes up to feed
  //! position `seq`: the snapshot reflects them (and anything before) when
  //! this returns OK.
  [[nodiscard]] Status Advance(int64_t seq);

  //! The current snapshot, refreshed first when the check interval has passed.
  //! A failing refresh keeps the previous snapshot. nullptr before Load().
  [[nodiscard]] std::shared_ptr<const FirmSnapshot> Current();
  //! The current snapshot without checking the store.
  [[nodiscard]] std::shared_ptr<const FirmSnapshot> Peek() const;
  [[nodiscard]] bool loaded() const { return Peek() != nullptr; }
  [[nodiscard]] SnapshotStats stats() const;

 private:
  // REQUIRES: update_mu_ held.
  Status CatchUp(int64_t seq);
  Status LoadLocked();
  void Publish(std::shared_ptr<const FirmSnapshot> snapshot);

  Store& store_;
  const SnapshotOptions options_;
  std::mutex update_mu_;  // serialises loads and catch-ups
  mutable std::mutex publish_mu_;
  std::shared_ptr<const FirmSnapshot> current_;  // GUARDED_BY(publish_mu_)
  SnapshotStats stats_;                          // GUARDED_BY(publish_mu_)
  std::atomic<int64_t> last_check_ms_{0};
};

}  // namespace guild
