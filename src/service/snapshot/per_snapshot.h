// PerSnapshot<State>: a value derived from the firm snapshot (an index, a
// graph), built the first time it is needed and again whenever the
// snapshot's version changes.
//
// At most one build runs at a time, outside the lock readers take; while a
// newer state builds, other requests keep getting the previous one (the first
// build is waited for). A build that fails is remembered for that version and
// its status returned until the data changes.
//
// Thread safety: Get may be called from several threads at once.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>

#include "common/status.h"
#include "service/snapshot/snapshot_holder.h"

namespace guild {

template <typename State>
class PerSnapshot {
 public:
  using Ref = std::shared_ptr<const State>;
  //! Builds the state of one snapshot.
  using Builder = std::function<Result<Ref>(std::shared_ptr<const FirmSnapshot>)>;

  //! `snapshots` must outlive this object.
  PerSnapshot(SnapshotHolder& snapshots, Builder build)
      : snapshots_(snapshots), build_(std::move(build)) {}

  //! The state of the current snapshot. Errors: kUnavailable before the
  //! snapshot is loaded; the builder's error for this version.
  Result<Ref> Get() {
    auto snapshot = snapshots_.Current();
    if (!snapshot) return Unavailable("the firm's data is not loaded yet");
    Ref current;
    {
      std::lock_guard lock(state_mu_);
      current = current_;
      if (current && version_ == snapshot->version()) return current;
    }
    std::unique_lock build(build_mu_, std::defer_lock);
    if (current) {
      if (!build.try_lock()) return current;  // another request is building
    } else {
      build.lock();
    }
    {
      std::lock_guard lock(state_mu_);
      if (current_ && version_ == snapshot->version()) return current_;
      if (failed_version_ == snapshot->version()) return failed_status_;
    }
    builds_.fetch_add(1);
    Result<Ref> fresh = build_(snapshot);
    std::lock_guard lock(state_mu_);
    if (!fresh.ok()) {
      failed_version_ = snapshot->version();
      failed_status_ = fresh.status();
      return fresh.status();
    }
    current_ = *fresh;
    version_ = snapshot->version();
    return current_;
  }

  //! How many builds have run.
  [[nodiscard]] int64_t builds() const { return builds_.load(); }

 private:
  SnapshotHolder& snapshots_;
  const Builder build_;
  std::mutex build_mu_;  // held for a whole build: one build at a time
  std::mutex state_mu_;
  Ref current_;                  // GUARDED_BY(state_mu_)
  int64_t version_ = -1;         // GUARDED_BY(state_mu_)
  int64_t failed_version_ = -1;  // GUARDED_BY(state_mu_)
  Status failed_status_;         // GUARDED_BY(state_mu_)
  std::atomic<int64_t> builds_{0};
};

}  // namespace guild
