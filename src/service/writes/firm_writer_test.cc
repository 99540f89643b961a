// FirmWriter: commits with their audit entries, reads its own writes, and
// batches concurrent commits into one store transaction where a failing
// change fails alone.
#include "service/writes/firm_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "service/testing/test_firm.h"

namespace guild {
namespace {

using service::testing::SnapshotWorld;
using service::testing::TestFirm;
using service::testing::TestPerson;

constexpr int64_t kNow = 1'800'000'000;

WriteRequest NewPerson(const std::string& id, const std::string& manager = "") {
  WriteRequest request;
  request.change.upserts.people.push_back(TestPerson(id, "Name " + id, "associate", manager));
  request.audit = AuditEntry{0, 0, "admin", "person.create", "people", id, ""};
  return request;
}

const Person* FindPerson(const FirmSnapshot& snapshot, const std::string& id) {
  for (const Person& p : snapshot.data().people) {
    if (p.id == id) return &p;
  }
  return nullptr;
}

// Forwards to a real store; its first CommitBatch waits until the test
// releases it, so the test can queue more commits behind it.
class GatedStore final : public Store {
 public:
  explicit GatedStore(Store& inner) : inner_(inner) {}
  void Release() {
    std::lock_guard lock(mu_);
    released_ = true;
    cv_.notify_all();
  }
  [[nodiscard]] std::vector<size_t> batch_sizes() {
    std::lock_guard lock(mu_);
    return batch_sizes_;
  }
  std::string BackendName() const override { return inner_.BackendName(); }
  Result<int> SchemaVersion() override { return inner_.SchemaVersion(); }
  std::vector<Result<int64_t>> CommitBatch(std::span<const CommitRequest> requests) override {
    {
      std::unique_lock lock(mu_);
      batch_sizes_.push_back(requests.size());
      cv_.wait(lock, [&] { return released_; });
    }
    return inner_.CommitBatch(requests);
  }
  Result<LoadedFirm> LoadAt(const LoadOptions& options) override { return inner_.LoadAt(options); }
  Result<int64_t> FeedHead() override { return inner_.FeedHead(); }
  Result<FeedPage> ReadFeed(int64_t after, int max_entries) override {
    return inner_.ReadFeed(after, max_entries);
  }
  Result<SelectPage> Select(const SelectQuery& query) override { return inner_.Select(query); }
  Result<std::vector<CheckinStatusRow>> CycleCheckinStatuses(
      Date cycle_start, std::string_view first_team_id, std::string_view last_team_id) override {
    return inner_.CycleCheckinStatuses(cycle_start, first_team_id, last_team_id);
  }
  Result<int64_t> Count(EntityKind kind) override { return inner_.Count(kind); }
  Status Clear() override { return inner_.Clear(); }

 private:
  Store& inner_;
  std::mutex mu_;
  std::condition_variable cv_;
  bool released_ = false;
  std::vector<size_t> batch_sizes_;
};

class FirmWriterTest : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(world_.Open("guild-firm-writer").ok()); }

  SnapshotWorld world_{TestFirm()};
  FakeClock clock_{kNow};
};

TEST_F(FirmWriterTest, CommitWritesTheChangeItsAuditAndTheSnapshotAtOnce) {
  FirmWriter writer(world_.store(), world_.holder(), clock_);
  const int64_t before = world_.holder()->Peek()->version();
  auto seq = writer.Commit(NewPerson("newbie", "lead"));
  ASSERT_TRUE(seq.ok()) << seq.status().ToString();
  EXPECT_EQ(*seq, before + 1);
  EXPECT_EQ(*world_.store().FeedHead(), *seq);
  // Read-your-write: this server's snapshot has it when Commit returns.
  auto snapshot = world_.holder()->Peek();
  EXPECT_EQ(snapshot->version(), *seq);
  ASSERT_NE(FindPerson(*snapshot, "newbie"), nullptr);
  EXPECT_EQ(FindPerson(*snapshot, "newbie")->manager_id, "lead");

  auto audit = world_.accounts()->ListAudit(0, 10);
  ASSERT_TRUE(audit.ok());
  ASSERT_EQ(audit->size(), 1u);
  EXPECT_EQ((*audit)[0].action, "person.create");
  EXPECT_EQ((*audit)[0].entity_id, "newbie");
  EXPECT_EQ((*audit)[0].at, kNow);
}

TEST_F(FirmWriterTest, AFailedChangeWritesNothingNotEvenItsAudit) {
  FirmWriter writer(world_.store(), world_.holder(), clock_);
  const int64_t before = world_.holder()->Peek()->version();
  auto seq = writer.Commit(NewPerson("orphan", "no-such-manager"));
  EXPECT_EQ(seq.status().code(), StatusCode::kFailedPrecondition) << seq.status().ToString();
  EXPECT_EQ(*world_.store().FeedHead(), before);
  EXPECT_EQ(world_.accounts()->ListAudit(0, 10)->size(), 0u);
  EXPECT_EQ(FindPerson(*world_.holder()->Peek(), "orphan"), nullptr);

  WriteRequest both = NewPerson("twice");
  both.change.deletes.push_back({EntityKind::kPeople, {"twice"}});
  EXPECT_EQ(writer.Commit(both).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(FirmWriterTest, DeletesAndUpsertsOfSeveralKindsCommitTogether) {
  FirmWriter writer(world_.store(), world_.holder(), clock_);
  WriteRequest request;
  request.change.upserts.clients.push_back({"c2", "Client Two", "Energy", true});
  request.change.deletes.push_back({EntityKind::kPersonSkills, {"member/firm:audit/self"}});
  ASSERT_TRUE(writer.Commit(request).ok());
  const FirmData& data = world_.holder()->Peek()->data();
  EXPECT_EQ(data.clients.size(), 2u);
  EXPECT_EQ(data.person_skills.size(), 2u);
  // A reload equals what the writer left in memory.
  auto loaded = world_.store().Load({});
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->person_skills.size(), 2u);
  EXPECT_EQ(loaded->clients.size(), 2u);
}

InboxItem Item(const std::string& id, const std::string& person, InboxItemKind kind,
               std::optional<int64_t> read_at = std::nullopt) {
  return InboxItem{id, person, kind, "ref", "lead", "Text of " + id, kNow, read_at};
}

TEST_F(FirmWriterTest, NewUnreadInboxItemsQueueOneMailEachInTheChangesTransaction) {
  FirmWriter writer(world_.store(), world_.holder(), clock_);
  WriteRequest request;
  request.change.upserts.inbox_items.push_back(Item("q1", "member", InboxItemKind::kQuestion));
  request.change.upserts.inbox_items.push_back(Item("f1", "peer", InboxItemKind::kFeedbackRequest));
  request.change.upserts.inbox_items.push_back(
      Item("r1", "peer", InboxItemKind::kNudge, kNow));  // already read: no mail
  ASSERT_TRUE(writer.Commit(request).ok());
  // Marking q1 read commits it again: no second mail.
  WriteRequest read;
  read.change.upserts.inbox_items.push_back(
      Item("q1", "member", InboxItemKind::kQuestion, kNow + 5));
  ASSERT_TRUE(writer.Commit(read).ok());
  // A failed change queues nothing.
  WriteRequest failed = NewPerson("orphan", "no-such-manager");
  failed.change.upserts.inbox_items.push_back(Item("x1", "member", InboxItemKind::kNudge));
  EXPECT_FALSE(writer.Commit(failed).ok());

  auto mails = world_.accounts()->ListOutbox(0, 10);
  ASSERT_TRUE(mails.ok()) << mails.status().ToString();
  ASSERT_EQ(mails->size(), 2u);
  const OutboxMail& q1 = (*mails)[0];
  EXPECT_EQ(q1.inbox_item_id, "q1");
  EXPECT_EQ(q1.person_id, "member");
  EXPECT_EQ(q1.to_address, "member@firm.test");
  EXPECT_EQ(q1.subject, "Guild: a question for you");
  EXPECT_NE(q1.body.find("Hello Mia Member"), std::string::npos) << q1.body;
  EXPECT_NE(q1.body.find("Text of q1"), std::string::npos) << q1.body;
  EXPECT_NE(q1.body.find("From: Liam Lead"), std::string::npos) << q1.body;
  EXPECT_EQ(q1.state, OutboxState::kPending);
  EXPECT_EQ(q1.next_attempt_at, kNow);
  EXPECT_EQ(q1.message_id, "guild.inbox.q1." + std::to_string(kNow));
  EXPECT_EQ((*mails)[1].inbox_item_id, "f1");
  EXPECT_EQ((*mails)[1].subject, "Guild: feedback requested");

  // A writer told not to mail (imports, the demo) queues nothing.
  FirmWriter quiet(world_.store(), world_.holder(), clock_, {.inbox_mail = InboxMail::kNone});
  WriteRequest more;
  more.change.upserts.inbox_items.push_back(Item("n2", "member", InboxItemKind::kNudge));
  ASSERT_TRUE(quiet.Commit(more).ok());
  EXPECT_EQ(world_.accounts()->ListOutbox(0, 10)->size(), 2u);
}

TEST_F(FirmWriterTest, ConcurrentCommitsShareATransactionAndAFailingOneFailsAlone) {
  GatedStore gated(world_.store());
  FirmWriter writer(gated, world_.holder(), clock_);
  // The first commit holds the store; the next five queue behind it and are
  // written together as the second batch, one of them failing.
  std::vector<Result<int64_t>> results(6, Internal("not run"));
  std::vector<std::thread> threads;
  threads.emplace_back([&] { results[0] = writer.Commit(NewPerson("w0")); });
  while (gated.batch_sizes().empty()) std::this_thread::yield();
  for (int i = 1; i < 6; ++i) {
    threads.emplace_back([&, i] {
      results[i] = writer.Commit(i == 3 ? NewPerson("bad", "no-such-manager")
                                        : NewPerson("w" + std::to_string(i)));
    });
  }
  while (writer.waiting_for_testing() < 6) std::this_thread::yield();
  gated.Release();
  for (std::thread& t : threads) t.join();

  EXPECT_EQ(gated.batch_sizes(), (std::vector<size_t>{1, 5}));
  EXPECT_EQ(writer.batches_for_testing(), 2);
  std::vector<int64_t> seqs;
  for (int i = 0; i < 6; ++i) {
    if (i == 3) {
      EXPECT_EQ(results[i].status().code(), StatusCode::kFailedPrecondition);
      continue;
    }
    ASSERT_TRUE(results[i].ok()) << i << ": " << results[i].status().ToString();
    seqs.push_back(*results[i]);
  }
  // The threads queued in any order; the batch numbered its changes one after
  // another, and the failed change took no number.
  std::sort(seqs.begin(), seqs.end());
  for (size_t k = 1; k < seqs.size(); ++k) EXPECT_EQ(seqs[k], seqs[k - 1] + 1);
  auto snapshot = world_.holder()->Peek();
  EXPECT_EQ(snapshot->version(), seqs.back());
  for (const char* id : {"w0", "w1", "w2", "w4", "w5"}) {
    EXPECT_NE(FindPerson(*snapshot, id), nullptr) << id;
  }
  EXPECT_EQ(FindPerson(*snapshot, "bad"), nullptr);
  EXPECT_EQ(world_.accounts()->ListAudit(0, 10)->size(), 5u);
}

// A change of more than kMaxFeedEntities entities (an import, guild demo) is
// written in a transaction of its own, never batched with others: inside the
// others' savepoints SQLite writes it many times slower.
TEST_F(FirmWriterTest, ALargeChangeIsWrittenInATransactionOfItsOwn) {
  GatedStore gated(world_.store());
  FirmWriter writer(gated, world_.holder(), clock_);
  WriteRequest large;
  for (size_t i = 0; i <= kMaxFeedEntities; ++i) {
    large.change.upserts.clients.push_back({"bulk" + std::to_string(i), "Bulk", "", true});
  }
  std::vector<Result<int64_t>> results(6, Internal("not run"));
  std::vector<std::thread> threads;
  threads.emplace_back([&] { results[0] = writer.Commit(NewPerson("w0")); });
  while (gated.batch_sizes().empty()) std::this_thread::yield();
  // Queued in this order behind the first: two small, the large, two small.
  for (size_t i = 1; i < 6; ++i) {
    threads.emplace_back([&, i] {
      results[i] = writer.Commit(i == 3 ? large : NewPerson("w" + std::to_string(i)));
    });
    while (writer.waiting_for_testing() < i + 1) std::this_thread::yield();
  }
  gated.Release();
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(gated.batch_sizes(), (std::vector<size_t>{1, 2, 1, 2}));
  for (const Result<int64_t>& result : results)
    EXPECT_TRUE(result.ok()) << result.status().ToString();
  EXPECT_EQ(world_.holder()->Peek()->data().clients.size(), kMaxFeedEntities + 2);
}

TEST_F(FirmWriterTest, AWriterWithoutASnapshotOnlyWrites) {
  FirmWriter writer(world_.store(), nullptr, clock_);
  auto seq = writer.Commit(NewPerson("cli"));
  ASSERT_TRUE(seq.ok()) << seq.status().ToString();
  ASSERT_TRUE(world_.holder()->Refresh().ok());
  EXPECT_NE(FindPerson(*world_.holder()->Peek(), "cli"), nullptr);
}

}  // namespace
}  // namespace guild
