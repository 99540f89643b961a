#include "service/snapshot/snapshot_holder.h"

#include <utility>

#include "store/apply_change.h"

namespace guild {
namespace {

int64_t MonotonicMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

// Adds the kinds `change` upserts or deletes to `kinds`.
void AddKindsOf(const FirmChange& change, FirmSnapshot::KindSet& kinds) {
  for (EntityKind kind : kAllEntityKinds) {
    if (change.upserts.Count(kind) > 0) kinds.set(static_cast<size_t>(kind));
  }
  for (const KindKeys& keys : change.deletes) {
    if (!keys.ids.empty()) kinds.set(static_cast<size_t>(keys.kind));
  }
}

}  // namespace

SnapshotHolder::SnapshotHolder(Store& store, SnapshotOptions options)
    : store_(store), options_(options) {}

void SnapshotHolder::Publish(std::shared_ptr<const FirmSnapshot> snapshot) {
  std::lock_guard lock(publish_mu_);
  current_ = std::move(snapshot);
}

void SnapshotHolder::Log(const std::string& line) const {
  if (options_.log) options_.log(line);
}

Status SnapshotHolder::LoadLocked(std::string_view why) {
  const auto started = std::chrono::steady_clock::now();
  ASSIGN_OR_RETURN(LoadedFirm loaded, store_.LoadAt(LoadOptions{}));
  const int64_t seq = loaded.seq;
  const size_t people = loaded.data.people.size();
  Publish(FirmSnapshot::Build(std::move(loaded.data), seq));
  {
    std::lock_guard lock(publish_mu_);
    ++stats_.loads;
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
  Log("snapshot: loaded the whole firm at change " + std::to_string(seq) + " (" +
      std::to_string(people) + " people) in " + std::to_string(ms) + " ms: " + std::string(why));
  return OkStatus();
}

Status SnapshotHolder::CatchUp(int64_t seq) {
  auto current = Peek();
  if (current == nullptr) return LoadLocked("no snapshot yet");
  if (current->version() >= seq) return OkStatus();
  const auto started = std::chrono::steady_clock::now();
  constexpr int kPage = 1000;
  FirmData data = current->data();
  int64_t at = current->version();
  int64_t applied = 0;
  FirmSnapshot::KindSet changed;  // every kind the applied changes touched
  while (at < seq) {
    ASSIGN_OR_RETURN(FeedPage page, store_.ReadFeed(at, kPage));
    if (page.too_far_behind) {
      return LoadLocked("the change feed no longer holds the changes after " + std::to_string(at));
    }
    if (page.entries.empty()) break;
    for (FeedEntry& entry : page.entries) {
      if (entry.reload) {
        return LoadLocked("change " + std::to_string(entry.seq) + " asks for a reload");
      }
      if (Status status = ApplyChange(entry.change, data); !status.ok()) {
        return LoadLocked("change " + std::to_string(entry.seq) +
                          " did not apply: " + status.ToString());
      }
      AddKindsOf(entry.change, changed);
      at = entry.seq;
      ++applied;
    }
  }
  if (applied == 0) return OkStatus();
  Publish(FirmSnapshot::Build(std::move(data), at, current.get(), changed));
  {
    std::lock_guard lock(publish_mu_);
    ++stats_.catch_ups;
    stats_.changes_applied += applied;
  }
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - started)
                      .count();
  Log("snapshot: applied " + std::to_string(applied) + " change(s) up to " + std::to_string(at) +
      " in " + std::to_string(ms) + " ms");
  return OkStatus();
}

Status SnapshotHolder::Load() {
  std::lock_guard lock(update_mu_);
  last_check_ms_ = MonotonicMs();
  return LoadLocked("start");
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
