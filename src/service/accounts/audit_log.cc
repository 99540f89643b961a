#include "service/accounts/audit_log.h"

#include <charconv>
#include <string>

namespace guild {

Status AuditLog::Record(std::string_view user_id, std::string_view action, std::string_view entity,
                        std::string_view entity_id, std::string_view detail) {
  AuditEntry entry{0,
                   clock_.NowSeconds(),
                   std::string(user_id),
                   std::string(action),
                   std::string(entity),
                   std::string(entity_id),
                   std::string(detail)};
  return accounts_.AppendAudit(entry).status();
}

Result<Page<AuditEntry>> AuditLog::List(const Authorizer& authorizer, const Principal& viewer,
                                        const PageRequest& page) {
  if (!authorizer.CanReadAudit(viewer)) {
    return PermissionDenied("the audit log is for administrators");
  }
  RETURN_IF_ERROR(CheckPageLimit(page.limit));
  int64_t before = 0;
  if (!page.cursor.empty()) {
    ASSIGN_OR_RETURN(std::string key, DecodeCursor(page.cursor));
    auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), before);
    if (error != std::errc() || end != key.data() + key.size() || before <= 0) {
      return InvalidField("cursor", "a next_cursor from a previous page");
    }
  }
  ASSIGN_OR_RETURN(auto entries, accounts_.ListAudit(before, page.limit + 1));
  Page<AuditEntry> result;
  if (static_cast<int>(entries.size()) > page.limit) {
    entries.resize(static_cast<size_t>(page.limit));
    result.next_cursor = EncodeCursor(std::to_string(entries.back().seq));
  }
  result.items = std::move(entries);
  return result;
}

}  // namespace guild
