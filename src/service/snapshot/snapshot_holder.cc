#include "service/snapshot/snapshot_holder.h"

namespace guild {
namespace {

int64_t MonotonicMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

SnapshotHolder::SnapshotHolder(Store& store, SnapshotOptions options)
    : store_(store), options_(options) {}

void SnapshotHolder::Publish(std::shared_ptr<const FirmSnapshot> snapshot) {
  std::lock_guard lock(publish_mu_);
  current_ = std::move(snapshot);
}

Status SnapshotHolder::LoadLocked() {
  ASSIGN_OR_RETURN(LoadedFirm loaded, store_.LoadAt(LoadOptions{}));
  Publish(FirmSnapshot::Build(std::move(loaded.data), loaded.seq));
  std::lock_guard lock(publish_mu_);
  ++stats_.loads;
  return OkStatus();
}

Status SnapshotHolder::CatchUp(int64_t seq) {
  auto current = Peek();
  if (current != nullptr && current->version() >= seq) return OkStatus();
  return LoadLocked();
}

Status SnapshotHolder::Load() {
  std::lock_guard lock(update_mu_);
  last_check_ms_ = MonotonicMs();
  return LoadLocked();
}

Status SnapshotHolder::Refresh() {
  std::lock_guard lock(update_mu_);
  last_check_ms_ = MonotonicMs();
  ASSIGN_OR_RETURN(int64_t head, store_.FeedHead());
  return CatchUp(head);
}

Status SnapshotHolder::Advance(int64_t seq) {
  std::lock_guard lock(update_mu_);
  return CatchUp(seq);
}

std::shared_ptr<const FirmSnapshot> SnapshotHolder::Current() {
  int64_t now = MonotonicMs();
  int64_t last = last_check_ms_.load();
  // One thread per interval checks; the others serve the snapshot they see.
  if (now - last >= options_.check_interval.count() &&
      last_check_ms_.compare_exchange_strong(last, now)) {
    Refresh().IgnoreError();  // a failed check keeps serving the previous snapshot
  }
  return Peek();
}

std::shared_ptr<const FirmSnapshot> SnapshotHolder::Peek() const {
  std::lock_guard lock(publish_mu_);
  return current_;
}

SnapshotStats SnapshotHolder::stats() const {
  std::lock_guard lock(publish_mu_);
  return stats_;
}

}  // namespace guild
