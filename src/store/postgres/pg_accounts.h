// Account-table statements the Store's commits share with the AccountStore
// (one SQL for each, in whichever transaction runs them).
#pragma once

#include <cstdint>
#include <pqxx/pqxx>
#include <string_view>

#include "common/status.h"
#include "store/store.h"

namespace guild::store::internal {

//! Appends `entry` to guild_audit; returns its seq. libpqxx errors throw.
int64_t PgAppendAudit(pqxx::transaction_base& txn, const AuditEntry& entry);

//! Marks the staffing plan accepted when it is not yet: true when this call
//! did, false when it already was; kNotFound when there is no such plan.
Result<bool> PgClaimStaffingPlan(pqxx::transaction_base& txn, std::string_view id);

}  // namespace guild::store::internal
