#include "service/inbox/inbox_service.h"

#include <algorithm>

#include "service/common/paging.h"

namespace guild {

namespace {

Status NoPerson() { return NotFound("your account is linked to no person, so it has no inbox"); }

SelectQuery ByPerson(const std::string& person_id, int limit, std::string after) {
  return SelectQuery{.kind = EntityKind::kInboxItems,
                     .where = {{"person_id", Compare::kEq, person_id}},
                     .order_by = {"created_at"},
                     .order = SortOrder::kDescending,
                     .limit = std::clamp(limit, 1, kMaxSelectRows),
                     .after = std::move(after)};
}

}  // namespace

InboxService::InboxService(Store& store, SnapshotHolder& snapshots, FirmWriter& writer,
                           const Clock& clock, InboxOptions options)
    : store_(store), snapshots_(snapshots), writer_(writer), clock_(clock), options_(options) {}

Status InboxService::CheckAccess(const Principal& viewer, std::string_view person_id,
                                 const std::function<Status()>& refusal) {
  auto snapshot = snapshots_.Current();
  if (!snapshot) return Unavailable("the firm's data is not loaded yet");
  if (person_id.empty() || !Authorizer(*snapshot).CanUseInbox(viewer, person_id)) return refusal();
  return OkStatus();
}

Status InboxService::Commit(const Principal& actor, FirmChange change, std::string_view action,
                            std::string_view detail) {
  WriteRequest request{std::move(change),
                       AuditEntry{0, 0, actor.user_id, std::string(action), "inbox",
                                  actor.person_id, std::string(detail)},
                       ""};
  return writer_.Commit(request).status();
}

Result<std::vector<InboxItem>> InboxService::Unread(const std::string& person_id) {
  std::vector<InboxItem> out;
  std::string after;
  int scanned = 0;
  while (scanned < options_.max_scanned) {
    const int limit = std::min(options_.max_scanned - scanned, kMaxSelectRows);
    ASSIGN_OR_RETURN(SelectPage page, store_.Select(ByPerson(person_id, limit, after)));
    scanned += static_cast<int>(page.rows.inbox_items.size());
    for (const InboxItem& item : page.rows.inbox_items) {
      if (!item.read_at) out.push_back(item);
    }
    if (page.next_cursor.empty()) break;
    after = std::move(page.next_cursor);
  }
  return out;
}

Result<InboxPage> InboxService::List(const Principal& viewer, std::string_view cursor) {
  RETURN_IF_ERROR(CheckAccess(viewer, viewer.person_id, NoPerson));
  const auto bad_cursor = [&] {
    return InvalidField("cursor", "a next_cursor from a previous page of your inbox",
                        std::string(cursor), "query");
  };
  std::string after;
  if (!cursor.empty()) {
    auto key = DecodeCursor(cursor);
    if (!key.ok() || key->empty()) return bad_cursor();
    after = std::move(*key);
  }
  auto page = store_.Select(ByPerson(viewer.person_id, options_.page_size, after));
  if (!page.ok()) {
    if (!after.empty() && page.status().code() == StatusCode::kInvalidArgument) {
      return bad_cursor();
    }
    return page.status();
  }
  InboxPage out;
  out.items = page->rows.inbox_items.take();
  if (!page->next_cursor.empty()) out.next_cursor = EncodeCursor(page->next_cursor);
  ASSIGN_OR_RETURN(auto unread, Unread(viewer.person_id));
  out.unread = static_cast<int64_t>(unread.size());
  return out;
}

Result<InboxItem> InboxService::MarkRead(const Principal& viewer, std::string_view item_id) {
  const auto missing = [&] { return NotFound("no inbox item '" + std::string(item_id) + "'"); };
  std::lock_guard lock(write_mu_);
  SelectQuery q{.kind = EntityKind::kInboxItems,
                .where = {{"id", Compare::kEq, std::string(item_id)}},
                .limit = 1};
  ASSIGN_OR_RETURN(SelectPage page, store_.Select(q));
  if (page.rows.inbox_items.empty()) return missing();
  RETURN_IF_ERROR(CheckAccess(viewer, page.rows.inbox_items[0].person_id, missing));
  InboxItem item = page.rows.inbox_items[0];
  if (item.read_at) return item;
  item.read_at = std::max(clock_.NowSeconds(), item.created_at);
  FirmChange change;
  change.upserts.inbox_items.push_back(item);
  RETURN_IF_ERROR(Commit(viewer, std::move(change), "inbox.read", item.id));
  return item;
}

Result<int64_t> InboxService::MarkAllRead(const Principal& viewer) {
  RETURN_IF_ERROR(CheckAccess(viewer, viewer.person_id, NoPerson));
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(auto unread, Unread(viewer.person_id));
  if (unread.empty()) return int64_t{0};
  const int64_t now = clock_.NowSeconds();
  FirmChange change;
  for (InboxItem& item : unread) {
    item.read_at = std::max(now, item.created_at);
    change.upserts.inbox_items.push_back(std::move(item));
  }
  const auto count = static_cast<int64_t>(change.upserts.inbox_items.size());
  RETURN_IF_ERROR(Commit(viewer, std::move(change), "inbox.read-all", std::to_string(count)));
  return count;
}

}  // namespace guild
