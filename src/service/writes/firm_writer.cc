#include "service/writes/firm_writer.h"

#include <algorithm>
#include <memory>
#include <vector>

#include "domain/team_version.h"
#include "service/notify/inbox_mail.h"

namespace guild {

FirmWriter::FirmWriter(Store& store, SnapshotHolder* snapshots, const Clock& clock,
                       FirmWriterOptions options)
    : store_(store), snapshots_(snapshots), clock_(clock), options_(options) {}

Result<int64_t> FirmWriter::Commit(const WriteRequest& request) {
  Pending pending{&request, request.audit};
  if (pending.audit && pending.audit->at == 0) pending.audit->at = clock_.NowSeconds();
  pending.outbox = MailsFor(request.change, clock_.NowSeconds());
  std::unique_lock lock(mu_);
  queue_.push_back(&pending);
  while (!pending.done && queue_.front() != &pending) pending.cv.wait(lock);
  if (!pending.done) WriteBatch(lock);
  return std::move(pending.result);
}

void FirmWriter::WriteBatch(std::unique_lock<std::mutex>& lock) {
  // A large change (an import, guild demo) is written in a transaction of
  // its own: the others' savepoints would make it slow (see CommitBatch).
  const auto large = [](const Pending* p) { return p->request->change.size() > kMaxFeedEntities; };
  const size_t most = std::min(queue_.size(), std::max<size_t>(options_.max_batch, 1));
  size_t count = 1;
  if (!large(queue_.front())) {
    while (count < most && !large(queue_[count])) ++count;
  }
  std::vector<Pending*> batch(queue_.begin(), queue_.begin() + static_cast<long>(count));
  ++batches_;
  lock.unlock();
  std::vector<CommitRequest> requests;
  requests.reserve(batch.size());
  for (Pending* p : batch) {
    requests.push_back(CommitRequest{&p->request->change, p->audit ? &*p->audit : nullptr,
                                     p->request->claim_staffing_plan, p->outbox});
  }
  std::vector<Result<int64_t>> results = store_.CommitBatch(requests);
  int64_t last = 0;
  for (const Result<int64_t>& result : results) {
    if (result.ok()) last = std::max(last, *result);
  }
  // The writers read their own writes: the snapshot moves before they return.
  Status advanced = OkStatus();
  if (snapshots_ != nullptr && last > 0) advanced = snapshots_->Advance(last);
  lock.lock();
  for (size_t i = 0; i < batch.size(); ++i) {
    Pending* p = batch[i];
    if (results[i].ok() && !advanced.ok()) {
      p->result = Unavailable("committed as change " + std::to_string(*results[i]) +
                              ", but this server's data could not catch up: " + advanced.message());
    } else {
      p->result = std::move(results[i]);
    }
    p->done = true;
    queue_.pop_front();
    if (p != batch.front()) p->cv.notify_one();
  }
  if (!queue_.empty()) queue_.front()->cv.notify_one();
}

std::vector<OutboxMail> FirmWriter::MailsFor(const FirmChange& change, int64_t now) {
  std::vector<OutboxMail> mails;
  const auto& items = change.upserts.inbox_items.get();
  if (options_.inbox_mail == InboxMail::kNone || snapshots_ == nullptr || items.empty()) {
    return mails;
  }
  const std::shared_ptr<const FirmSnapshot> firm = snapshots_->Current();
  if (firm == nullptr) return mails;
  for (const InboxItem& item : items) {
    const Person* to = firm->FindPerson(item.person_id);
    if (to == nullptr) continue;
    const Person* from = item.from_id.empty() ? nullptr : firm->FindPerson(item.from_id);
    if (std::optional<OutboxMail> mail = MailForInboxItem(item, *to, from, now)) {
      mails.push_back(std::move(*mail));
    }
  }
  return mails;
}

std::mutex& FirmWriter::RecordLock(EntityKind kind, std::string_view id) {
  const size_t key = std::hash<std::string_view>{}(id) ^ static_cast<size_t>(kind);
  return record_mu_[key % kRecordLockStripes];
}

Status CheckTeamVersion(const Team& team, std::span<const std::string> if_match) {
  if (if_match.empty()) return OkStatus();
  const std::string current = TeamVersion(team);
  if (std::find(if_match.begin(), if_match.end(), current) != if_match.end()) return OkStatus();
  const std::string expected =
      "the team's current ETag (GET /api/v1/teams/" + team.id + "): it changed since you read it";
  return Status(StatusCode::kFailedPrecondition,
                "If-Match: team '" + team.id +
                    "' was changed by someone else since you read it; read it again and "
                    "redo your change",
                ErrorLocation{"If-Match", "header", expected, "", 0});
}

int64_t FirmWriter::batches_for_testing() const {
  std::lock_guard lock(mu_);
  return batches_;
}

size_t FirmWriter::waiting_for_testing() const {
  std::lock_guard lock(mu_);
  return queue_.size();
}

}  // namespace guild
