// Account-table statements the Store's commits share with the AccountStore
// (one SQL for each, on whichever connection runs the transaction).
#pragma once

#include <cstdint>
#include <string_view>

#include "common/status.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/store.h"

namespace guild::store::internal {

//! Appends `entry` to guild_audit; returns its seq.
Result<int64_t> SqliteAppendAudit(SqliteDb& db, const AuditEntry& entry);

//! Marks the staffing plan accepted when it is not yet: true when this call
//! did, false when it already was; kNotFound when there is no such plan.
Result<bool> SqliteClaimStaffingPlan(SqliteDb& db, std::string_view id);

}  // namespace guild::store::internal
