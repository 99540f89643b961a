// The outbox and calendar-feed tables on SQLite (migration 8): statements on
// the caller's connection, the caller holding its lock. One server per
// SQLite database, so a claim is one UPDATE ... RETURNING.
#include <algorithm>
#include <functional>
#include <string>

#include "store/internal/outbox_sql.h"
#include "store/sqlite/sqlite_accounts.h"

namespace guild::store::internal {

namespace {

OutboxMail ReadMail(const SqliteStatement& s) {
  auto text = [&](int column) { return std::string(s.ColumnText(column)); };
  OutboxMail mail;
  mail.id = s.ColumnInt(0);
  mail.inbox_item_id = text(1);
  mail.person_id = text(2);
  mail.to_address = text(3);
  mail.subject = text(4);
  mail.body = text(5);
  mail.created_at = s.ColumnInt(6);
  mail.state = ParseOutboxState(s.ColumnText(7)).value_or(OutboxState::kFailed);
  mail.attempts = static_cast<int>(s.ColumnInt(8));
  mail.next_attempt_at = s.ColumnInt(9);
  mail.sent_at = s.ColumnOptionalInt(10);
  mail.message_id = text(11);
  mail.last_error = text(12);
  return mail;
}

Result<std::vector<OutboxMail>> ReadMails(SqliteDb& db, const std::string& context,
                                          const std::string& sql,
                                          const std::function<void(SqliteStatement&)>& bind) {
  ASSIGN_OR_RETURN(SqliteStatement * s, db.Prepare(sql));
  bind(*s);
  std::vector<OutboxMail> mails;
  RETURN_IF_ERROR(s->ForEachRow(context, [&] {
    mails.push_back(ReadMail(*s));
    return OkStatus();
  }));
  return mails;
}

}  // namespace

Status SqliteQueueOutbox(SqliteDb& db, std::span<const OutboxMail> mails) {
  if (mails.empty()) return OkStatus();
  ASSIGN_OR_RETURN(
      SqliteStatement * s,
      db.Prepare("INSERT INTO guild_outbox (inbox_item_id, person_id, to_address, subject, body, "
                 "created_at, next_attempt_at, message_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                 "ON CONFLICT (inbox_item_id) DO NOTHING"));
  for (const OutboxMail& m : mails) {
    s->BindAll(m.inbox_item_id, m.person_id, m.to_address, m.subject, m.body, m.created_at,
               m.next_attempt_at, m.message_id);
    RETURN_IF_ERROR(s->Run("queueing an email"));
  }
  return OkStatus();
}

Result<std::vector<OutboxMail>> SqliteClaimOutbox(SqliteDb& db, int64_t now, int64_t lease_seconds,
                                                  int limit) {
  const std::string sql =
      "UPDATE guild_outbox SET state = 'sending', attempts = attempts + 1, next_attempt_at = ?2 "
      "WHERE id IN (SELECT id FROM guild_outbox WHERE state IN ('pending', 'sending') AND "
      "next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT ?3) RETURNING " +
      std::string(kOutboxColumns);
  ASSIGN_OR_RETURN(std::vector<OutboxMail> mails,
                   ReadMails(db, "claiming emails", sql, [&](SqliteStatement& s) {
                     s.BindAll(now, now + lease_seconds, int64_t{limit});
                   }));
  std::sort(mails.begin(), mails.end(),
            [](const OutboxMail& a, const OutboxMail& b) { return a.id < b.id; });
  return mails;
}

Status SqliteFinishOutbox(SqliteDb& db, const OutboxUpdate& update) {
  ASSIGN_OR_RETURN(SqliteStatement * s,
                   db.Prepare("UPDATE guild_outbox SET state = ?2, next_attempt_at = "
                              "coalesce(?3, next_attempt_at), sent_at = ?4, last_error = ?5 "
                              "WHERE id = ?1"));
  s->BindAll(update.id, ToString(update.state), update.next_attempt_at, update.sent_at,
             update.last_error);
  RETURN_IF_ERROR(s->Run("marking an email"));
  if (db.Changes() == 0) return NotFound("email " + std::to_string(update.id) + ": no such email");
  return OkStatus();
}

Result<std::vector<OutboxMail>> SqliteListOutbox(SqliteDb& db, int64_t after_id, int limit) {
  return ReadMails(db, "listing emails",
                   "SELECT " + std::string(kOutboxColumns) +
                       " FROM guild_outbox WHERE id > ? ORDER BY id LIMIT ?",
                   [&](SqliteStatement& s) { s.BindAll(after_id, int64_t{limit}); });
}

}  // namespace guild::store::internal
