// PerSnapshot<State>: a value derived from the firm snapshot (an index, a
// graph), built the first time it is needed and again when what it was
// derived from changes.
//
// What "changes" means is the constructor's choice. By default the state
// belongs to one snapshot version, and any write (the version is the change
// feed's position) builds it again. Given its input kinds, the state is kept
// for every later snapshot whose input kinds still share their storage with
// the snapshot it was built from (FirmSnapshot::StorageGeneration, the
// mechanism FirmSnapshot::Build uses for its own index groups): a write to
// another kind — a check-in, a store-only kind — reuses it. A state that
// also depends on something outside the data (the day: "as of today") names
// it with an `also` function; a new value builds the state again.
//
// At most one build runs at a time, outside the lock readers take; while a
// newer state builds, Get() keeps returning the previous one (the first
// build is waited for). Get(snapshot) instead returns a state that matches
// that snapshot, waiting for or running the build it needs. A build that
// fails is remembered for that snapshot and its status returned until the
// data changes.
//
// Thread safety: Get may be called from several threads at once.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "common/status.h"
#include "domain/model.h"
#include "service/snapshot/snapshot_holder.h"

namespace guild {

template <typename State>
class PerSnapshot {
 public:
  using Ref = std::shared_ptr<const State>;
  //! Builds the state of one snapshot.
  using Builder = std::function<Result<Ref>(std::shared_ptr<const FirmSnapshot>)>;

  //! A state of one snapshot version. `snapshots` must outlive this object.
  PerSnapshot(SnapshotHolder& snapshots, Builder build)
      : snapshots_(snapshots), build_(std::move(build)) {}
  //! A state derived from the kinds `inputs` only (non-empty): kept while
  //! they are unchanged.
  PerSnapshot(SnapshotHolder& snapshots, std::vector<EntityKind> inputs, Builder build)
      : snapshots_(snapshots), build_(std::move(build)), inputs_(std::move(inputs)) {}
  //! As above, and kept only while `also()` (e.g. the day's number) returns
  //! the value the state was built with.
  PerSnapshot(SnapshotHolder& snapshots, std::vector<EntityKind> inputs,
              std::function<int64_t()> also, Builder build)
      : snapshots_(snapshots),
        build_(std::move(build)),
        inputs_(std::move(inputs)),
        also_(std::move(also)) {}

  //! The state of the current snapshot (or the previous state while another
  //! request builds the current one). Errors: kUnavailable before the
  //! snapshot is loaded; the builder's error for this snapshot.
  Result<Ref> Get() {
    auto snapshot = snapshots_.Current();
    if (!snapshot) return Unavailable("the firm's data is not loaded yet");
    return Get(snapshot, Stale::kAllowed);
  }

  //! A state that holds for `snapshot` (positions of its entities), built
  //! from it when the current state does not. Errors: the builder's.
  Result<Ref> Get(const std::shared_ptr<const FirmSnapshot>& snapshot) {
    return Get(snapshot, Stale::kRefused);
  }

  //! How many builds have run.
  [[nodiscard]] int64_t builds() const { return builds_.load(); }

 private:
  enum class Stale { kAllowed, kRefused };
  // What a state was built from: the snapshot's version, or the storage
  // generations of the input kinds.
  using Key = std::vector<uint64_t>;

  [[nodiscard]] Key KeyOf(const FirmSnapshot& snapshot) const {
    if (inputs_.empty()) return {static_cast<uint64_t>(snapshot.version())};
    Key key;
    for (EntityKind kind : inputs_) key.push_back(snapshot.StorageGeneration(kind));
    if (also_) key.push_back(static_cast<uint64_t>(also_()));
    return key;
  }

  Result<Ref> Get(const std::shared_ptr<const FirmSnapshot>& snapshot, Stale stale) {
    const Key key = KeyOf(*snapshot);
    Ref current;
    {
      std::lock_guard lock(state_mu_);
      current = current_;
      if (current && key_ == key) return current;
    }
    std::unique_lock build(build_mu_, std::defer_lock);
    if (current && stale == Stale::kAllowed) {
      if (!build.try_lock()) return current;  // another request is building
    } else {
      build.lock();
    }
    {
      std::lock_guard lock(state_mu_);
      if (current_ && key_ == key) return current_;
      if (failed_key_ == key) return failed_status_;
    }
    builds_.fetch_add(1);
    Result<Ref> fresh = build_(snapshot);
    std::lock_guard lock(state_mu_);
    if (!fresh.ok()) {
      failed_key_ = key;
      failed_status_ = fresh.status();
      return fresh.status();
    }
    current_ = *fresh;
    key_ = key;
    return current_;
  }

  SnapshotHolder& snapshots_;
  const Builder build_;
  const std::vector<EntityKind> inputs_;  // empty: keyed by the snapshot's version
  const std::function<int64_t()> also_;   // may be empty
  std::mutex build_mu_;                   // held for a whole build: one build at a time
  std::mutex state_mu_;
  Ref current_;           // GUARDED_BY(state_mu_)
  Key key_;               // GUARDED_BY(state_mu_)
  Key failed_key_;        // GUARDED_BY(state_mu_)
  Status failed_status_;  // GUARDED_BY(state_mu_)
  std::atomic<int64_t> builds_{0};
};

}  // namespace guild
