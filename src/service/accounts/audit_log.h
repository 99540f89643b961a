// AuditLog: who changed what and when. Every write a service makes on a
// user's behalf is recorded here, after it succeeded.
//
// Thread safety: as the AccountStore it writes to.
#pragma once

#include <string_view>

#include "common/date.h"
#include "service/access/authorizer.h"
#include "service/common/paging.h"
#include "store/account_store.h"

namespace guild {

class AuditLog {
 public:
  //! `accounts` and `clock` must outlive the log.
  AuditLog(AccountStore& accounts, const Clock& clock) : accounts_(accounts), clock_(clock) {}

  //! Appends one entry stamped with the clock's time.
  [[nodiscard]] Status Record(std::string_view user_id, std::string_view action,
                              std::string_view entity, std::string_view entity_id,
                              std::string_view detail);

  //! Newest first. kPermissionDenied unless the authorizer lets the viewer
  //! read the audit log; kInvalidArgument for a bad limit or cursor.
  [[nodiscard]] Result<Page<AuditEntry>> List(const Authorizer& authorizer, const Principal& viewer,
                                              const PageRequest& page);

 private:
  AccountStore& accounts_;
  const Clock& clock_;
};

}  // namespace guild
