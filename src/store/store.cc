#include "store/store.h"

#include <string_view>

#include "store/internal/outbox_sql.h"
#include "store/internal/url.h"
#include "store/postgres/pg_store.h"
#include "store/sqlite/sqlite_store.h"

namespace guild {

namespace store::internal {

bool IsPostgresUrl(std::string_view url) {
  constexpr std::string_view kSchemes[] = {"postgresql://", "postgres://"};
  for (std::string_view scheme : kSchemes) {
    if (url.starts_with(scheme)) return true;
  }
  return false;
}

}  // namespace store::internal

std::string_view ToString(OutboxState state) {
  switch (state) {
    case OutboxState::kPending: return "pending";
    case OutboxState::kSending: return "sending";
    case OutboxState::kSent: return "sent";
    case OutboxState::kFailed: return "failed";
  }
  return "pending";
}

namespace store::internal {

std::optional<OutboxState> ParseOutboxState(std::string_view text) {
  for (OutboxState state :
       {OutboxState::kPending, OutboxState::kSending, OutboxState::kSent, OutboxState::kFailed}) {
    if (ToString(state) == text) return state;
  }
  return std::nullopt;
}

}  // namespace store::internal

size_t FirmChange::size() const {
  size_t n = upserts.TotalCount();
  for (const KindKeys& keys : deletes) n += keys.ids.size();
  return n;
}

Result<int64_t> Store::Commit(const CommitRequest& request) {
  std::vector<Result<int64_t>> results = CommitBatch(std::span<const CommitRequest>(&request, 1));
  return std::move(results.front());
}

Result<int64_t> Store::Commit(const FirmChange& change) {
  return Commit(CommitRequest{.change = &change});
}

Status Store::Upsert(const FirmData& batch) {
  FirmChange change;
  change.upserts = batch;
  return Commit(change).status();
}

Status Store::Delete(EntityKind kind, std::span<const std::string> ids) {
  FirmChange change;
  change.deletes.push_back(KindKeys{kind, {ids.begin(), ids.end()}});
  return Commit(change).status();
}

Result<FirmData> Store::Load(const LoadOptions& options) {
  ASSIGN_OR_RETURN(LoadedFirm loaded, LoadAt(options));
  return std::move(loaded.data);
}

Result<std::unique_ptr<Store>> OpenStore(const StoreOptions& options) {
  if (store::internal::IsPostgresUrl(options.url)) {
    return store::internal::OpenPostgresStore(options);
  }
  return store::internal::OpenSqliteStore(options);
}

}  // namespace guild
