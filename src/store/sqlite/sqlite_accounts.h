// Account-table statements the Store's commits share with the AccountStore
// (one SQL for each, on whichever connection runs the transaction).
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/account_store.h"
#include "store/sqlite/sqlite_handle.h"
#include "store/store.h"

namespace guild::store::internal {

//! Appends `entry` to guild_audit; returns its seq.
Result<int64_t> SqliteAppendAudit(SqliteDb& db, const AuditEntry& entry);

//! Marks the staffing plan accepted when it is not yet: true when this call
//! did, false when it already was; kNotFound when there is no such plan.
Result<bool> SqliteClaimStaffingPlan(SqliteDb& db, std::string_view id);

//! Inserts the emails (CommitRequest::outbox), skipping any whose
//! inbox_item_id is already queued.
Status SqliteQueueOutbox(SqliteDb& db, std::span<const OutboxMail> mails);
//! AccountStore::ClaimOutbox, FinishOutbox and ListOutbox on `db`.
Result<std::vector<OutboxMail>> SqliteClaimOutbox(SqliteDb& db, int64_t now, int64_t lease_seconds,
                                                  int limit);
Status SqliteFinishOutbox(SqliteDb& db, const OutboxUpdate& update);
Result<std::vector<OutboxMail>> SqliteListOutbox(SqliteDb& db, int64_t after_id, int limit);

}  // namespace guild::store::internal
