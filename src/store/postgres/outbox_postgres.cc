// The outbox table on PostgreSQL (migration 8): statements in the caller's
// transaction. Several servers share one database: a claim locks the rows it
// takes and skips rows another server's claim has locked.
#include <algorithm>
#include <string>

#include "store/internal/outbox_sql.h"
#include "store/postgres/pg_accounts.h"

namespace guild::store::internal {

namespace {

OutboxMail ReadMail(const pqxx::row& r) {
  OutboxMail mail;
  mail.id = r[0].as<int64_t>();
  mail.inbox_item_id = r[1].as<std::string>();
  mail.person_id = r[2].as<std::string>();
  mail.to_address = r[3].as<std::string>();
  mail.subject = r[4].as<std::string>();
  mail.body = r[5].as<std::string>();
  mail.created_at = r[6].as<int64_t>();
  mail.state = ParseOutboxState(r[7].as<std::string>()).value_or(OutboxState::kFailed);
  mail.attempts = r[8].as<int>();
  mail.next_attempt_at = r[9].as<int64_t>();
  if (!r[10].is_null()) mail.sent_at = r[10].as<int64_t>();
  mail.message_id = r[11].as<std::string>();
  mail.last_error = r[12].as<std::string>();
  return mail;
}

std::vector<OutboxMail> ReadMails(const pqxx::result& rows) {
  std::vector<OutboxMail> mails;
  for (const pqxx::row& row : rows) mails.push_back(ReadMail(row));
  std::sort(mails.begin(), mails.end(),
            [](const OutboxMail& a, const OutboxMail& b) { return a.id < b.id; });
  return mails;
}

}  // namespace

void PgQueueOutbox(pqxx::transaction_base& txn, std::span<const OutboxMail> mails) {
  for (const OutboxMail& m : mails) {
    txn.exec_params0(
        "INSERT INTO guild_outbox (inbox_item_id, person_id, to_address, subject, body, "
        "created_at, next_attempt_at, message_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) "
        "ON CONFLICT (inbox_item_id) DO NOTHING",
        m.inbox_item_id, m.person_id, m.to_address, m.subject, m.body, m.created_at,
        m.next_attempt_at, m.message_id);
  }
}

std::vector<OutboxMail> PgClaimOutbox(pqxx::transaction_base& txn, int64_t now,
                                      int64_t lease_seconds, int limit) {
  const std::string sql =
      "UPDATE guild_outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = $2 "
      "WHERE id IN (SELECT id FROM guild_outbox WHERE state IN ('pending', 'sending') AND "
      "next_attempt_at <= $1 ORDER BY next_attempt_at, id LIMIT $3 FOR UPDATE SKIP LOCKED) "
      "RETURNING " +
      std::string(kOutboxColumns);
  return ReadMails(txn.exec_params(sql, now, now + lease_seconds, limit));
}

Status PgFinishOutbox(pqxx::transaction_base& txn, const OutboxUpdate& u) {
  const pqxx::result r = txn.exec_params(
      "UPDATE guild_outbox SET state = $2, next_attempt_at = coalesce($3, next_attempt_at), "
      "sent_at = $4, last_error = $5 WHERE id = $1",
      u.id, std::string(ToString(u.state)), u.next_attempt_at, u.sent_at, u.last_error);
  if (r.affected_rows() == 0) return NotFound("email " + std::to_string(u.id) + ": no such email");
  return OkStatus();
}

std::vector<OutboxMail> PgListOutbox(pqxx::transaction_base& txn, int64_t after_id, int limit) {
  return ReadMails(txn.exec_params("SELECT " + std::string(kOutboxColumns) +
                                       " FROM guild_outbox WHERE id > $1 ORDER BY id "
                                       "LIMIT $2",
                                   after_id, limit));
}

}  // namespace guild::store::internal
