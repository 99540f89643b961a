// The email outbox (guild_outbox, migration 8) on every backend: mails are
// queued only with a committed change, once per inbox item; claims lease
// rows, a lease that ends hands the row to the next claim with the same
// Message-ID, retries wait for their time, and concurrent claimers on two
// connections never take one row twice.
#include <gtest/gtest.h>

#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "store/account_store.h"
#include "store/store.h"
#include "store/store_test_support.h"

namespace guild {
namespace {

using store::testing::Backend;
using store::testing::BackendName;
using store::testing::StoreHarness;

constexpr int64_t kLease = 60;

class OutboxTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    harness_ = GetParam().make();
    const Status created = harness_->Create();
    ASSERT_TRUE(created.ok()) << created.ToString();
    auto store = OpenStore({.url = harness_->url(), .durability = Durability::kOff});
    ASSERT_TRUE(store.ok()) << store.status().ToString();
    store_ = std::move(store).value();
    accounts_ = OpenAccounts();
    ASSERT_NE(accounts_, nullptr);
  }

  std::unique_ptr<AccountStore> OpenAccounts() {
    auto opened = OpenAccountStore({.url = harness_->url(), .durability = Durability::kOff});
    EXPECT_TRUE(opened.ok()) << opened.status().ToString();
    return opened.ok() ? std::move(opened).value() : nullptr;
  }

  static OutboxMail Mail(const std::string& item, int64_t due) {
    return OutboxMail{.inbox_item_id = item,
                      .person_id = "p-" + item,
                      .to_address = item + "@example.com",
                      .subject = "Subject " + item,
                      .body = "Body of " + item + "\nsecond line",
                      .created_at = due,
                      .next_attempt_at = due,
                      .message_id = "guild." + item};
  }

  static FirmChange OnePerson(const std::string& id, const std::string& manager = "") {
    FirmChange change;
    change.upserts.people.push_back(
        Person{.id = id, .name = "N " + id, .email = id + "@x", .manager_id = manager});
    return change;
  }

  Status Queue(const FirmChange& change, std::vector<OutboxMail> mails) {
    return store_->Commit(CommitRequest{.change = &change, .outbox = mails}).status();
  }

  std::vector<OutboxMail> All() {
    auto listed = accounts_->ListOutbox(0, 1000);
    EXPECT_TRUE(listed.ok()) << listed.status().ToString();
    return listed.ok() ? *listed : std::vector<OutboxMail>{};
  }

  std::vector<std::string> Claim(int64_t now, int limit = 100) {
    auto claimed = accounts_->ClaimOutbox(now, kLease, limit);
    EXPECT_TRUE(claimed.ok()) << claimed.status().ToString();
    std::vector<std::string> items;
    if (claimed.ok()) {
      for (const OutboxMail& m : *claimed) items.push_back(m.inbox_item_id);
    }
    return items;
  }

  std::unique_ptr<StoreHarness> harness_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<AccountStore> accounts_;
};

using Items = std::vector<std::string>;

TEST_P(OutboxTest, QueuedWithTheChangeOncePerInboxItemAndNeverWithAFailedOne) {
  ASSERT_TRUE(Queue(OnePerson("a"), {Mail("i1", 100), Mail("i2", 100)}).ok());
  // The same inbox item committed again (say, marked read) mails nothing new.
  ASSERT_TRUE(Queue(OnePerson("b"), {Mail("i1", 500)}).ok());
  // A change that fails (dangling manager) queues nothing.
  EXPECT_FALSE(Queue(OnePerson("c", "nobody"), {Mail("i3", 100)}).ok());

  const std::vector<OutboxMail> all = All();
  ASSERT_EQ(all.size(), 2u);
  const OutboxMail& first = all[0];
  EXPECT_EQ(first.inbox_item_id, "i1");
  EXPECT_EQ(first.person_id, "p-i1");
  EXPECT_EQ(first.to_address, "i1@example.com");
  EXPECT_EQ(first.subject, "Subject i1");
  EXPECT_EQ(first.body, "Body of i1\nsecond line");
  EXPECT_EQ(first.created_at, 100);
  EXPECT_EQ(first.next_attempt_at, 100);
  EXPECT_EQ(first.state, OutboxState::kPending);
  EXPECT_EQ(first.attempts, 0);
  EXPECT_EQ(first.sent_at, std::nullopt);
  EXPECT_EQ(first.message_id, "guild.i1");
  EXPECT_EQ(first.last_error, "");
  EXPECT_LT(all[0].id, all[1].id);
}

TEST_P(OutboxTest, ClaimLeasesDueRowsAndAnEndedLeaseHandsThemOnWithTheSameMessageId) {
  ASSERT_TRUE(Queue(OnePerson("a"), {Mail("i1", 100), Mail("i2", 200)}).ok());
  EXPECT_EQ(Claim(99), Items{});
  EXPECT_EQ(Claim(150), Items{"i1"});
  EXPECT_EQ(Claim(200), Items{"i2"});  // i1 is leased until 210
  EXPECT_EQ(Claim(209), Items{});
  auto again = accounts_->ClaimOutbox(210, kLease, 10);  // i1's server died
  ASSERT_TRUE(again.ok());
  ASSERT_EQ(again->size(), 1u);
  EXPECT_EQ((*again)[0].inbox_item_id, "i1");
  EXPECT_EQ((*again)[0].state, OutboxState::kSending);
  EXPECT_EQ((*again)[0].attempts, 2);
  EXPECT_EQ((*again)[0].next_attempt_at, 210 + kLease);
  EXPECT_EQ((*again)[0].message_id, "guild.i1");
  EXPECT_EQ(Claim(10'000, 1), Items{"i2"});  // the limit; oldest due first
}

TEST_P(OutboxTest, SentIsFinalRetryWaitsForItsTimeFailedIsNeverClaimed) {
  ASSERT_TRUE(Queue(OnePerson("a"), {Mail("i1", 100), Mail("i2", 100), Mail("i3", 100)}).ok());
  std::vector<OutboxMail> all = All();
  ASSERT_EQ(Claim(100), (Items{"i1", "i2", "i3"}));
  ASSERT_TRUE(accounts_->FinishOutbox({all[0].id, OutboxState::kSent, {}, 101, ""}).ok());
  ASSERT_TRUE(
      accounts_->FinishOutbox({all[1].id, OutboxState::kPending, 400, {}, "421 busy"}).ok());
  ASSERT_TRUE(
      accounts_->FinishOutbox({all[2].id, OutboxState::kFailed, {}, {}, "550 no such user"}).ok());
  EXPECT_EQ(accounts_->FinishOutbox({999999, OutboxState::kSent, {}, 1, ""}).code(),
            StatusCode::kNotFound);

  EXPECT_EQ(Claim(399), Items{});
  EXPECT_EQ(Claim(400), Items{"i2"});
  EXPECT_EQ(Claim(100'000), Items{"i2"});  // lease over; the sent and failed rows never
  all = All();
  EXPECT_EQ(all[0].state, OutboxState::kSent);
  EXPECT_EQ(all[0].sent_at, std::optional<int64_t>(101));
  EXPECT_EQ(all[1].last_error, "421 busy");
  EXPECT_EQ(all[1].attempts, 3);
  EXPECT_EQ(all[2].state, OutboxState::kFailed);
  EXPECT_EQ(all[2].last_error, "550 no such user");
  EXPECT_EQ(all[2].attempts, 1);
}

TEST_P(OutboxTest, ConcurrentClaimersOnTwoConnectionsNeverTakeOneRowTwice) {
  constexpr int kMails = 120;
  std::vector<OutboxMail> mails;
  for (int i = 0; i < kMails; ++i) mails.push_back(Mail("m" + std::to_string(1000 + i), 100));
  ASSERT_TRUE(Queue(OnePerson("a"), mails).ok());
  std::unique_ptr<AccountStore> second = OpenAccounts();
  ASSERT_NE(second, nullptr);

  std::mutex mu;
  std::map<std::string, int> taken;
  auto claimer = [&](AccountStore& accounts) {
    for (;;) {
      auto claimed = accounts.ClaimOutbox(100, kLease, 7);
      if (!claimed.ok() || claimed->empty()) return;
      std::lock_guard lock(mu);
      for (const OutboxMail& m : *claimed) ++taken[m.inbox_item_id];
    }
  };
  std::vector<std::thread> threads;
  threads.emplace_back(claimer, std::ref(*accounts_));
  threads.emplace_back(claimer, std::ref(*second));
  for (std::thread& t : threads) t.join();
  EXPECT_EQ(taken.size(), static_cast<size_t>(kMails));
  for (const auto& [item, times] : taken) EXPECT_EQ(times, 1) << item;
}

INSTANTIATE_TEST_SUITE_P(Sqlite, OutboxTest, ::testing::Values(store::testing::kSqliteBackend),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, OutboxTest, ::testing::Values(store::testing::kPostgresBackend),
                         BackendName);

}  // namespace
}  // namespace guild
