// FirmWriter: the one path by which the firm's data changes.
//
// Services (and the CLI's import and demo) hand it a FirmChange — upserts and
// deletes of any kinds — with the audit entry that records it. It decides no
// access: callers ask the Authorizer first. Commit writes the change through
// the store in one transaction together with its change-feed record and its
// audit entry (and, for a staffing plan's accept, the plan's claim), then
// moves this server's snapshot forward so the writer reads its own write
// as soon as Commit returns. Other servers follow the change feed.
//
// Group commit: concurrent Commit calls are batched into one store
// transaction (Store::CommitBatch, one durable commit for the batch); each
// change stays all-or-nothing and a failing one fails alone. While a batch
// is being written the next callers queue; the first of them writes the
// next batch (at most options.max_batch changes; a change of more than
// kMaxFeedEntities entities always in a batch of its own).
//
// Thread safety: all methods may be called from several threads at once.
#pragma once

#include <array>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "common/status.h"
#include "service/snapshot/snapshot_holder.h"
#include "store/store.h"

namespace guild {

//! Whether a change's new inbox items are announced by email.
enum class InboxMail {
  kQueue,  //!< one outbox mail per new, unread item whose person has an email
  kNone,   //!< no mail (imports of history, `guild demo`)
};

struct FirmWriterOptions {
  //! Most changes in one store transaction.
  size_t max_batch = 256;
  //! Mails for new inbox items, queued in the change's own transaction
  //! (CommitRequest::outbox; docs/NOTIFICATIONS.md). Needs the snapshot
  //! (people's emails): a writer without one queues none.
  InboxMail inbox_mail = InboxMail::kQueue;
};

//! One change and what goes with it.
struct WriteRequest {
  FirmChange change;
  //! The audit entry written with the change; `at` is set from the clock
  //! when 0. None for writes no user made (`guild demo`).
  std::optional<AuditEntry> audit;
  //! See CommitRequest::claim_staffing_plan.
  std::string claim_staffing_plan;
};

class FirmWriter {
 public:
  //! `store` and `clock` must outlive the writer. `snapshots` is this
  //! server's snapshot, moved forward after each commit; nullptr for a
  //! program that keeps none (the CLI).
  FirmWriter(Store& store, SnapshotHolder* snapshots, const Clock& clock,
             FirmWriterOptions options = {});

  //! Commits `request` and returns its feed seq. Errors: the store's for
  //! this change (kFailedPrecondition for a dangling or still-used
  //! reference, kInvalidArgument for a value the schema refuses or a key both
  //! upserted and deleted, ...): nothing of it was written. When the
  //! snapshot cannot be moved forward after a successful commit, the error
  //! says so; the change is committed all the same.
  [[nodiscard]] Result<int64_t> Commit(const WriteRequest& request);

  //! The lock of one record's read-check-commit. A service that writes a
  //! record from its value in the snapshot (a team's purpose, its check-in
  //! cadence) holds it while it reads the current snapshot, checks (If-Match:
  //! CheckTeamVersion) and commits, so that writes of the record from any
  //! service run one at a time, each seeing the one before (no lost
  //! update). Within this server: another server's writes reach it through
  //! the change feed.
  std::mutex& RecordLock(EntityKind kind, std::string_view id);

  //! Test-only: how many store transactions Commit has run.
  [[nodiscard]] int64_t batches_for_testing() const;
  //! Test-only: Commit calls queued or being written.
  [[nodiscard]] size_t waiting_for_testing() const;

 private:
  struct Pending {
    const WriteRequest* request;
    std::optional<AuditEntry> audit;  // stamped copy
    std::vector<OutboxMail> outbox;   // mails for the change's new inbox items
    Result<int64_t> result = Internal("not written");
    bool done = false;
    std::condition_variable cv;
  };

  // The mails announcing `change`'s unread inbox items (InboxMail::kQueue).
  std::vector<OutboxMail> MailsFor(const FirmChange& change, int64_t now);

  // Writes the queue's first changes as one batch. REQUIRES: mu_ held by
  // `lock`; the caller is at the front of the queue.
  void WriteBatch(std::unique_lock<std::mutex>& lock);

  Store& store_;
  SnapshotHolder* snapshots_;
  const Clock& clock_;
  const FirmWriterOptions options_;
  mutable std::mutex mu_;
  std::deque<Pending*> queue_;  // GUARDED_BY(mu_): the first is the writer
  int64_t batches_ = 0;         // GUARDED_BY(mu_)
  static constexpr size_t kRecordLockStripes = 64;
  std::array<std::mutex, kRecordLockStripes> record_mu_;
};

//! OkStatus when `if_match` is empty (no precondition) or holds the team's
//! TeamVersion; else kFailedPrecondition located at the If-Match header
//! (the API answers 412): the team changed since the writer read it.
Status CheckTeamVersion(const Team& team, std::span<const std::string> if_match);

}  // namespace guild
