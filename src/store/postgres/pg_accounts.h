// Account-table statements the Store's commits share with the AccountStore
// (one SQL for each, in whichever transaction runs them).
#pragma once

#include <cstdint>
#include <pqxx/pqxx>
#include <span>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "store/account_store.h"
#include "store/store.h"

namespace guild::store::internal {

//! Appends `entry` to guild_audit; returns its seq. libpqxx errors throw.
int64_t PgAppendAudit(pqxx::transaction_base& txn, const AuditEntry& entry);

//! Marks the staffing plan accepted when it is not yet: true when this call
//! did, false when it already was; kNotFound when there is no such plan.
Result<bool> PgClaimStaffingPlan(pqxx::transaction_base& txn, std::string_view id);

//! Inserts the emails (CommitRequest::outbox), skipping any whose
//! inbox_item_id is already queued. libpqxx errors throw.
void PgQueueOutbox(pqxx::transaction_base& txn, std::span<const OutboxMail> mails);
//! AccountStore::ClaimOutbox, FinishOutbox and ListOutbox in `txn`.
std::vector<OutboxMail> PgClaimOutbox(pqxx::transaction_base& txn, int64_t now,
                                      int64_t lease_seconds, int limit);
Status PgFinishOutbox(pqxx::transaction_base& txn, const OutboxUpdate& update);
std::vector<OutboxMail> PgListOutbox(pqxx::transaction_base& txn, int64_t after_id, int limit);

}  // namespace guild::store::internal
