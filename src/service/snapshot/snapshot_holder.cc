#include "service/snapshot/snapshot_holder.h"

namespace guild {
namespace {

int64_t MonotonicMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

}  // namespace

SnapshotHolder::SnapshotHolder(Store& store, AccountStore& accounts, SnapshotOptions options)
    : store_(store), accounts_(accounts), options_(options) {}

Status SnapshotHolder::LoadAt(int64_t version) {
  ASSIGN_OR_RETURN(FirmData data, store_.Load(LoadOptions{}));
  auto snapshot = FirmSnapshot::Build(std::move(data), version);
  std::lock_guard lock(publish_mu_);
  current_ = std::move(snapshot);
  return OkStatus();
}

Status SnapshotHolder::Load() {
  std::lock_guard lock(reload_mu_);
  ASSIGN_OR_RETURN(int64_t version, accounts_.DataVersion());
  last_check_ms_ = MonotonicMs();
  return LoadAt(version);
}

Status SnapshotHolder::Refresh() {
  std::lock_guard lock(reload_mu_);
  ASSIGN_OR_RETURN(int64_t version, accounts_.DataVersion());
  last_check_ms_ = MonotonicMs();
  auto current = Peek();
  if (current != nullptr && current->version() == version) return OkStatus();
  return LoadAt(version);
}

Status SnapshotHolder::AfterWrite() {
  RETURN_IF_ERROR(accounts_.BumpDataVersion().status());
  return Refresh();
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

Status MarkFirmDataChanged(const StoreOptions& options) {
  ASSIGN_OR_RETURN(auto accounts, OpenAccountStore(options));
  return accounts->BumpDataVersion().status();
}

std::shared_ptr<const FirmSnapshot> SnapshotHolder::Peek() const {
  std::lock_guard lock(publish_mu_);
  return current_;
}

}  // namespace guild
