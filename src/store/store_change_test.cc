// Changes, the change feed and Select, on every backend: SQLite in the
// normal CTest run, PostgreSQL through scripts/with-postgres.sh
// (store_change_postgres).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <thread>

#include "store/account_store.h"
#include "store/store.h"
#include "store/store_test_support.h"

namespace guild {
namespace {

using store::testing::BackendName;
using store::testing::Dump;
using store::testing::SampleFirm;
using store::testing::SortedByKey;

class StoreChangeTest : public store::testing::BackendStoreTest {
 protected:
  std::vector<FeedEntry> FeedAfter(int64_t after) {
    auto page = store_->ReadFeed(after, 1000);
    EXPECT_TRUE(page.ok()) << page.status().ToString();
    if (!page.ok()) return {};
    EXPECT_FALSE(page->too_far_behind);
    return page->entries;
  }

  static FirmChange Upserts(FirmData data) {
    FirmChange change;
    change.upserts = std::move(data);
    return change;
  }

  static FirmChange OnePerson(const std::string& id, const std::string& manager = "") {
    FirmData data;
    data.people.push_back(
        Person{.id = id, .name = "N " + id, .email = id + "@x", .manager_id = manager});
    return Upserts(std::move(data));
  }

  static FirmChange DeleteOf(EntityKind kind, std::vector<std::string> ids) {
    FirmChange change;
    change.deletes.push_back({kind, std::move(ids)});
    return change;
  }
};

TEST_P(StoreChangeTest, EachCommitGetsTheNextSeqAndTheFeedHoldsIt) {
  EXPECT_EQ(*store_->FeedHead(), 0);
  const FirmChange first = Upserts(SampleFirm());
  auto seq = store_->Commit(first);
  ASSERT_TRUE(seq.ok()) << seq.status().ToString();
  EXPECT_EQ(*seq, 1);
  const FirmChange second = DeleteOf(EntityKind::kSkillHistory, {"p2/firm:tax/2022-01-01"});
  EXPECT_EQ(*store_->Commit(second), 2);
  EXPECT_EQ(*store_->FeedHead(), 2);

  std::vector<FeedEntry> feed = FeedAfter(0);
  ASSERT_EQ(feed.size(), 2u);
  EXPECT_EQ(feed[0].seq, 1);
  EXPECT_FALSE(feed[0].reload);
  EXPECT_EQ(Dump(SortedByKey(feed[0].change.upserts)), Dump(SortedByKey(SampleFirm())));
  ASSERT_EQ(feed[1].change.deletes.size(), 1u);
  EXPECT_EQ(feed[1].change.deletes[0].kind, EntityKind::kSkillHistory);
  EXPECT_EQ(feed[1].change.deletes[0].ids, second.deletes[0].ids);
  EXPECT_EQ(FeedAfter(1).size(), 1u);
  EXPECT_TRUE(FeedAfter(2).empty());

  auto loaded = store_->LoadAt({});
  ASSERT_TRUE(loaded.ok());
  EXPECT_EQ(loaded->seq, 2);
}

TEST_P(StoreChangeTest, AFailingChangeOfABatchFailsAloneAndLeavesNoTrace) {
  ASSERT_TRUE(store_->Upsert(SampleFirm()).ok());
  const int64_t head = *store_->FeedHead();
  const FirmChange good1 = OnePerson("n1");
  FirmChange dangling = OnePerson("n2");
  dangling.upserts.person_skills.push_back({.person_id = "n2", .skill_id = "nothing"});
  const FirmChange bad_manager = OnePerson("n3", "nobody");               // checked at commit
  const FirmChange busy_manager = DeleteOf(EntityKind::kPeople, {"p1"});  // p2 reports to p1
  const FirmChange good2 = OnePerson("n4", "n1");
  const AuditEntry audit{0, 7, "u1", "test", "people", "n1", "good"};
  const AuditEntry lost{0, 8, "u1", "test", "people", "n2", "bad"};
  const CommitRequest requests[] = {
      {&good1, &audit}, {&dangling, &lost}, {&bad_manager}, {&busy_manager}, {&good2}};
  std::vector<Result<int64_t>> results = store_->CommitBatch(requests);
  ASSERT_EQ(results.size(), 5u);
  ASSERT_TRUE(results[0].ok()) << results[0].status().ToString();
  EXPECT_EQ(results[1].status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(results[2].status().code(), StatusCode::kFailedPrecondition)
      << results[2].status().ToString();
  EXPECT_EQ(results[3].status().code(), StatusCode::kFailedPrecondition)
      << results[3].status().ToString();
  ASSERT_TRUE(results[4].ok()) << results[4].status().ToString();
  EXPECT_EQ(*results[0], head + 1);
  EXPECT_EQ(*results[4], head + 2);

  FirmData expected = SampleFirm();
  expected.people.push_back(good1.upserts.people[0]);
  expected.people.push_back(good2.upserts.people[0]);
  EXPECT_EQ(Dump(LoadAll()), Dump(SortedByKey(expected)));
  std::vector<FeedEntry> feed = FeedAfter(head);
  ASSERT_EQ(feed.size(), 2u);
  EXPECT_EQ(feed[1].change.upserts.people[0].id, "n4");

  auto accounts = OpenAccountStore({.url = harness_->url(), .durability = Durability::kOff});
  ASSERT_TRUE(accounts.ok());
  auto log = (*accounts)->ListAudit(0, 10);
  ASSERT_TRUE(log.ok());
  ASSERT_EQ(log->size(), 1u);  // the failed change's entry went with it
  EXPECT_EQ((*log)[0].detail, "good");
}

TEST_P(StoreChangeTest, UpsertsComeBeforeDeletesAndAKeyCannotBeBoth) {
  FirmData firm;
  firm.people = {{.id = "x", .name = "X", .email = "x@x"},
                 {.id = "y", .name = "Y", .email = "y@x"}};
  firm.clients = {{.id = "c", .name = "C"}};
  firm.engagements = {{.id = "e", .client_id = "c", .name = "E"}};
  firm.openings = {{.id = "o", .engagement_id = "e", .title = "O", .hours_per_week = 8}};
  firm.assignments = {{.id = "a", .person_id = "x", .opening_id = "o", .hours_per_week = 8}};
  ASSERT_TRUE(store_->Upsert(firm).ok());
  // The assignment moves to y and x goes, in one change: the delete sees the
  // assignment already moved.
  FirmChange change;
  change.upserts.assignments = firm.assignments;
  change.upserts.assignments.mut()[0].person_id = "y";
  change.deletes.push_back({EntityKind::kPeople, {"x"}});
  auto committed = store_->Commit(change);
  ASSERT_TRUE(committed.ok()) << committed.status().ToString();
  FirmData after = LoadAll();
  ASSERT_EQ(after.people.size(), 1u);
  EXPECT_EQ(after.assignments[0].person_id, "y");

  FirmChange both = OnePerson("p9");
  both.deletes.push_back({EntityKind::kPeople, {"p9"}});
  EXPECT_EQ(store_->Commit(both).status().code(), StatusCode::kInvalidArgument);
}

TEST_P(StoreChangeTest, ClaimingAPlanCommitsWithTheChangeOnce) {
  auto accounts = OpenAccountStore({.url = harness_->url(), .durability = Durability::kOff});
  ASSERT_TRUE(accounts.ok());
  ASSERT_TRUE((*accounts)->CreateStaffingPlan({"plan_x", "u1", 1, false, "p"}).ok());
  const FirmChange change = OnePerson("n1");
  CommitRequest request{.change = &change, .claim_staffing_plan = "plan_x"};
  ASSERT_TRUE(store_->Commit(request).ok());
  EXPECT_EQ(*(*accounts)->StaffingPlanAccepted("plan_x"), std::optional<bool>(true));
  const FirmChange again = OnePerson("n2");
  request.change = &again;
  EXPECT_EQ(store_->Commit(request).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(*store_->Count(EntityKind::kPeople), 1);  // n2 not written
  request.claim_staffing_plan = "plan_none";
  EXPECT_EQ(store_->Commit(request).status().code(), StatusCode::kNotFound);
}

TEST_P(StoreChangeTest, LargeChangesAndClearAskReadersToReload) {
  FirmData many;
  for (size_t i = 0; i <= kMaxFeedEntities; ++i) {
    many.clients.push_back({.id = "c" + std::to_string(i), .name = "C"});
  }
  ASSERT_TRUE(store_->Upsert(many).ok());
  ASSERT_TRUE(store_->Clear().ok());
  std::vector<FeedEntry> feed = FeedAfter(0);
  ASSERT_EQ(feed.size(), 2u);
  EXPECT_TRUE(feed[0].reload);
  EXPECT_TRUE(feed[0].change.empty());
  EXPECT_TRUE(feed[1].reload);
  EXPECT_EQ(*store_->Count(EntityKind::kClients), 0);
}

TEST_P(StoreChangeTest, AReaderBehindThePrunedFeedIsToldToReload) {
  for (int i = 0; i < 3; ++i) ASSERT_TRUE(store_->Commit(OnePerson("n" + std::to_string(i))).ok());
  ASSERT_TRUE(harness_->Exec("DELETE FROM guild_changes WHERE seq <= 2").ok());  // as pruning does
  auto behind = store_->ReadFeed(0, 10);
  ASSERT_TRUE(behind.ok());
  EXPECT_TRUE(behind->too_far_behind);
  EXPECT_TRUE(behind->entries.empty());
  auto current = store_->ReadFeed(2, 10);
  ASSERT_TRUE(current.ok());
  EXPECT_FALSE(current->too_far_behind);
  EXPECT_EQ(current->entries.size(), 1u);
}

TEST_P(StoreChangeTest, AnotherStoreOnTheDatabaseReadsTheFeed) {
  std::unique_ptr<Store> other = Open();
  ASSERT_NE(other, nullptr);
  ASSERT_TRUE(store_->Commit(OnePerson("n1")).ok());
  auto page = other->ReadFeed(0, 10);
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->entries.size(), 1u);
  EXPECT_EQ(page->entries[0].change.upserts.people[0].id, "n1");
}

// Writers on their own connections commit while a reader follows the feed:
// the reader must never see a seq before a lower one has committed.
TEST_P(StoreChangeTest, TheFeedNeverShowsAChangeBeforeAnEarlierOne) {
  constexpr int kWriters = 3;
  constexpr int kPerWriter = 30;
  std::vector<std::unique_ptr<Store>> writers;
  for (int w = 0; w < kWriters; ++w) writers.push_back(Open());
  std::atomic<bool> done{false};
  std::atomic<int> gaps{0};
  std::thread reader([&] {
    std::unique_ptr<Store> follower = Open();
    int64_t last = 0;
    for (;;) {
      const bool finished = done.load();  // every writer returned before this read
      auto page = follower->ReadFeed(last, 100);
      if (!page.ok()) continue;
      for (const FeedEntry& entry : page->entries) {
        if (entry.seq != last + 1) ++gaps;
        last = entry.seq;
      }
      if (finished && page->entries.empty()) break;
    }
  });
  std::vector<std::thread> threads;
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int i = 0; i < kPerWriter; ++i) {
        const std::string id = "w" + std::to_string(w) + "_" + std::to_string(i);
        EXPECT_TRUE(writers[w]->Commit(OnePerson(id)).ok());
      }
    });
  }
  for (auto& t : threads) t.join();
  done = true;
  reader.join();
  EXPECT_EQ(gaps.load(), 0);
  EXPECT_EQ(*store_->FeedHead(), kWriters * kPerWriter);
}

// --- Select -------------------------------------------------------------------

FirmData RatingsFirm() {
  FirmData firm = SampleFirm();
  for (int p = 0; p < 12; ++p) {
    const std::string id = "q" + std::to_string(p);
    firm.people.push_back(Person{.id = id, .name = "Q", .email = id + "@x"});
    for (RatingSource source : {RatingSource::kSelf, RatingSource::kPeer}) {
      firm.person_skills.push_back(
          PersonSkill{.person_id = id,
                      .skill_id = p % 2 ? "firm:tax" : "onet:2.A",
                      .source = source,
                      .level = 1 + (p * 7 + static_cast<int>(source)) % 5});
    }
  }
  return firm;
}

std::string RatingKey(const PersonSkill& r) {
  return r.person_id + "/" + r.skill_id + "/" + std::string(ToString(r.source));
}

TEST_P(StoreChangeTest, SelectPagesByAnIndexInItsOrder) {
  const FirmData firm = RatingsFirm();
  ASSERT_TRUE(store_->Upsert(firm).ok());
  // Reference: filter and sort the firm by hand.
  std::vector<PersonSkill> expected;
  for (const PersonSkill& r : firm.person_skills) {
    if (r.skill_id == "firm:tax" && r.level >= 2) expected.push_back(r);
  }
  std::sort(expected.begin(), expected.end(), [](const PersonSkill& a, const PersonSkill& b) {
    return std::make_tuple(a.level, a.person_id, a.skill_id, std::string(ToString(a.source))) >
           std::make_tuple(b.level, b.person_id, b.skill_id, std::string(ToString(b.source)));
  });
  SelectQuery query{.kind = EntityKind::kPersonSkills,
                    .where = {{"skill_id", Compare::kEq, std::string("firm:tax")},
                              {"level", Compare::kGe, int64_t{2}}},
                    .order_by = {"level"},
                    .order = SortOrder::kDescending,
                    .limit = 4};
  std::vector<std::string> got;
  for (int page = 0; page < 10; ++page) {
    auto result = store_->Select(query);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    EXPECT_LE(result->rows.person_skills.size(), 4u);
    for (const PersonSkill& r : result->rows.person_skills) got.push_back(RatingKey(r));
    if (result->next_cursor.empty()) break;
    query.after = result->next_cursor;
  }
  std::vector<std::string> want;
  for (const PersonSkill& r : expected) want.push_back(RatingKey(r));
  EXPECT_EQ(got, want);
}

TEST_P(StoreChangeTest, SelectReadsByKeyWithListsAndByDateRange) {
  ASSERT_TRUE(store_->Upsert(SampleFirm()).ok());
  auto person = store_->Select(
      {.kind = EntityKind::kPeople, .where = {{"id", Compare::kEq, std::string("p2")}}});
  ASSERT_TRUE(person.ok()) << person.status().ToString();
  ASSERT_EQ(person->rows.people.size(), 1u);
  EXPECT_EQ(person->rows.people[0].tags, (std::vector<std::string>{"mentor", "ünïcode", ""}));
  EXPECT_TRUE(person->next_cursor.empty());

  const FirmData firm = SampleFirm();
  const TimeEntry& entry = firm.time_entries.front();
  auto entries = store_->Select({.kind = EntityKind::kTimeEntries,
                                 .where = {{"person_id", Compare::kEq, entry.person_id},
                                           {"entry_date", Compare::kGe, entry.date},
                                           {"entry_date", Compare::kLe, entry.date}}});
  ASSERT_TRUE(entries.ok()) << entries.status().ToString();
  size_t expected = 0;
  for (const TimeEntry& e : firm.time_entries) {
    expected += e.person_id == entry.person_id && e.date == entry.date ? 1 : 0;
  }
  EXPECT_EQ(entries->rows.time_entries.size(), expected);
}

// The store-only kinds of goals (docs/GOALS.md): a goal's progress by its
// key, an engagement's client log by its index, newest first.
TEST_P(StoreChangeTest, SelectReadsGoalProgressAndTheClientLogNewestFirst) {
  ASSERT_TRUE(store_->Upsert(SampleFirm()).ok());
  auto updates = store_->Select({.kind = EntityKind::kGoalUpdates,
                                 .where = {{"goal_id", Compare::kEq, std::string("g2")}},
                                 .order_by = {"entry_date"},
                                 .order = SortOrder::kDescending,
                                 .limit = 1});
  ASSERT_TRUE(updates.ok()) << updates.status().ToString();
  ASSERT_EQ(updates->rows.goal_updates.size(), 1u);
  EXPECT_EQ(updates->rows.goal_updates[0].date, *ParseDate("2024-06-30"));
  EXPECT_FALSE(updates->next_cursor.empty());
  auto log = store_->Select({.kind = EntityKind::kClientLog,
                             .where = {{"engagement_id", Compare::kEq, std::string("e1")}},
                             .order_by = {"entry_date"},
                             .order = SortOrder::kDescending});
  ASSERT_TRUE(log.ok()) << log.status().ToString();
  ASSERT_EQ(log->rows.client_log.size(), 2u);
  EXPECT_EQ(log->rows.client_log[0].id, "l2");
  EXPECT_EQ(log->rows.client_log[1].id, "l1");
}

TEST_P(StoreChangeTest, SelectRefusesWhatNoIndexServesAndBadInput) {
  const struct {
    const char* what;
    SelectQuery query;
  } kBad[] = {
      {"unknown column",
       {.kind = EntityKind::kPeople, .where = {{"shoe_size", Compare::kEq, int64_t{9}}}}},
      {"unindexed column",
       {.kind = EntityKind::kPeople, .where = {{"name", Compare::kEq, std::string("Ada")}}}},
      {"wrong type",
       {.kind = EntityKind::kPersonSkills, .where = {{"skill_id", Compare::kEq, int64_t{3}}}}},
      {"order not served",
       {.kind = EntityKind::kPersonSkills,
        .where = {{"skill_id", Compare::kEq, std::string("x")}},
        .order_by = {"rated_on"}}},
      {"two ranges",
       {.kind = EntityKind::kTimeEntries,
        .where = {{"person_id", Compare::kGt, std::string("a")},
                  {"entry_date", Compare::kGt, Date{0}}}}},
      {"limit", {.kind = EntityKind::kPeople, .limit = 0}},
      {"cursor", {.kind = EntityKind::kPeople, .after = "not\ta\tcursor\tat\tall"}},
  };
  for (const auto& bad : kBad) {
    EXPECT_EQ(store_->Select(bad.query).status().code(), StatusCode::kInvalidArgument) << bad.what;
  }
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreChangeTest, ::testing::Values(store::testing::kSqliteBackend),
                         BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, StoreChangeTest,
                         ::testing::Values(store::testing::kPostgresBackend), BackendName);

}  // namespace
}  // namespace guild
