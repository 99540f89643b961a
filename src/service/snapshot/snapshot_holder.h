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
// Catching up follows the change feed: the changes after the snapshot's
// version are read (Store::ReadFeed) and applied in order to a copy of its
// data (ApplyChange, store/apply_change.h), and one new snapshot is built and
// published for all of them, told which kinds they touched (so a change of a
// store-only kind gives it a new FirmSnapshot::StorageGeneration); the store
// is not read again. The whole firm is
// loaded instead when the holder starts, when the feed no longer holds the
// changes it missed (kFeedEntriesKept), when one of them was recorded as
// "reload" (a change of more than kMaxFeedEntities entities, or Clear), or
// when applying fails. Every catch-up and reload is logged
// (SnapshotOptions::log).
//
// Thread safety: all methods may be called from several threads at once;
// updates are serialised and readers never wait for one.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "common/status.h"
#include "service/snapshot/firm_snapshot.h"
#include "store/store.h"

namespace guild {

struct SnapshotOptions {
  //! How often Current() asks the store for its feed head; zero asks every
  //! time.
  std::chrono::milliseconds check_interval{200};
  //! Receives one line per catch-up and per whole-firm load (the server log);
  //! may be empty.
  std::function<void(std::string_view line)> log;
};

//! What the holder has done, for logs and tests.
struct SnapshotStats {
  int64_t loads = 0;            //!< whole firm read from the store
  int64_t catch_ups = 0;        //!< snapshots built by applying feed changes
  int64_t changes_applied = 0;  //!< feed changes applied in those
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
  Status LoadLocked(std::string_view why);
  void Log(const std::string& line) const;
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
