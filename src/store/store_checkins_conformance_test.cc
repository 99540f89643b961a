// Check-ins, feedback and the inbox on every backend (part of
// store_conformance_test): every index the services' Select queries rely on
// serves its query, one check-in per person, team and cycle, the composite
// key of a feedback answer, and the CHECKs of migration 7. Also, for every
// table: each index its TableSpec declares (which Select relies on) exists in
// the database with those columns in that order.
#include <gtest/gtest.h>

#include <string>
#include <tuple>
#include <vector>

#include "store/internal/schema.h"
#include "store/store.h"
#include "store/store_test_support.h"

namespace guild {
namespace {

using store::testing::BackendName;
using store::testing::SampleFirm;

using Ids = std::vector<std::string>;

// The keys of the rows of the one kind a Select returned, in its order.
Ids KeysOf(const FirmData& rows) {
  Ids ids;
  for (const Checkin& c : rows.checkins) ids.push_back(c.id);
  for (const CheckinBlocker& b : rows.checkin_blockers) ids.push_back(b.id);
  for (const CheckinQuestion& q : rows.checkin_questions) ids.push_back(q.id);
  for (const FeedbackRequest& r : rows.feedback_requests) ids.push_back(r.id);
  for (const FeedbackAnswer& a : rows.feedback_answers) {
    ids.push_back(a.request_id + "/" + a.reviewer_id);
  }
  for (const InboxItem& i : rows.inbox_items) ids.push_back(i.id);
  return ids;
}

class CheckinStore : public store::testing::BackendStoreTest {
 protected:
  void SetUp() override {
    BackendStoreTest::SetUp();
    if (store_ == nullptr) return;
    const Status status = store_->Upsert(SampleFirm());
    ASSERT_TRUE(status.ok()) << status.ToString();
  }

  int64_t CountOf(EntityKind kind) {
    Result<int64_t> count = store_->Count(kind);
    EXPECT_TRUE(count.ok()) << count.status().ToString();
    return count.ok() ? *count : -1;
  }
};

std::string S(const char* text) { return text; }
Date D(const char* text) { return *ParseDate(text); }

struct IndexedQuery {
  const char* index;  //!< the index (or key) that serves it
  SelectQuery query;
  Ids expected;
};

// One query per declared index of the six tables (schema.cc, migrations 7
// and 9).
std::vector<IndexedQuery> IndexedQueries() {
  using enum EntityKind;
  const SortOrder kNewest = SortOrder::kDescending;
  return {
      {"checkins_person_team_cycle",
       {.kind = kCheckins,
        .where = {{"person_id", Compare::kEq, S("p2")}, {"team_id", Compare::kEq, S("t1")}},
        .order_by = {"cycle_start"}},
       {"ci2", "ci3"}},
      {"checkins_team_cycle",
       {.kind = kCheckins,
        .where = {{"team_id", Compare::kEq, S("t1")},
                  {"cycle_start", Compare::kGe, D("2024-05-06")},
                  {"cycle_start", Compare::kLt, D("2024-05-13")}},
        .order_by = {"cycle_start"}},
       {"ci1", "ci2"}},
      {"checkins_cycle_team",
       {.kind = kCheckins,
        .where = {{"cycle_start", Compare::kEq, D("2024-05-13")},
                  {"team_id", Compare::kGe, S("t1")},
                  {"team_id", Compare::kLe, S("t2")}},
        .order_by = {"team_id"}},
       {"ci3", "ci4"}},
      {"checkins_cycle_team (a range of teams)",
       {.kind = kCheckins,
        .where = {{"cycle_start", Compare::kEq, D("2024-05-06")},
                  {"team_id", Compare::kGt, S("t0")},
                  {"team_id", Compare::kLt, S("t2")}},
        .order_by = {"team_id"}},
       {"ci1", "ci2"}},
      {"checkins_person_cycle",
       {.kind = kCheckins,
        .where = {{"person_id", Compare::kEq, S("p3")}},
        .order_by = {"cycle_start"},
        .order = kNewest},
       {"ci4", "ci1"}},
      {"checkin_blockers_person_opened",
       {.kind = kCheckinBlockers,
        .where = {{"person_id", Compare::kEq, S("p2")},
                  {"opened_on", Compare::kGt, D("2024-05-06")}},
        .order_by = {"opened_on"}},
       {"b2"}},
      {"checkin_blockers_team_opened",
       {.kind = kCheckinBlockers,
        .where = {{"team_id", Compare::kEq, S("t1")}},
        .order_by = {"opened_on"},
        .order = kNewest},
       {"b2", "b1"}},
      {"checkin_blockers_checkin",
       {.kind = kCheckinBlockers, .where = {{"checkin_id", Compare::kEq, S("ci2")}}},
       {"b1"}},
      {"checkin_questions_addressee_asked",
       {.kind = kCheckinQuestions,
        .where = {{"addressee_id", Compare::kEq, S("p1")}},
        .order_by = {"asked_at"},
        .order = kNewest},
       {"q1", "q2"}},
      {"checkin_questions_asker_asked",
       {.kind = kCheckinQuestions,
        .where = {{"asker_id", Compare::kEq, S("p2")},
                  {"asked_at", Compare::kGe, int64_t{1'714'986'000}}},
        .order_by = {"asked_at"}},
       {"q2", "q3"}},
      {"checkin_questions_team_asked",
       {.kind = kCheckinQuestions,
        .where = {{"team_id", Compare::kEq, S("t1")},
                  {"asked_at", Compare::kLt, int64_t{1'715'000'000}}},
        .order_by = {"asked_at"}},
       {"q2"}},
      {"checkin_questions_checkin",
       {.kind = kCheckinQuestions, .where = {{"checkin_id", Compare::kEq, S("ci3")}}},
       {"q3"}},
      {"feedback_requests_requester_asked",
       {.kind = kFeedbackRequests,
        .where = {{"requester_id", Compare::kEq, S("p3")}},
        .order_by = {"asked_at"},
        .order = kNewest},
       {"fr1"}},
      {"feedback_requests_engagement",
       {.kind = kFeedbackRequests, .where = {{"engagement_id", Compare::kEq, S("e1")}}},
       {"fr1"}},
      {"feedback_answers key",
       {.kind = kFeedbackAnswers, .where = {{"request_id", Compare::kEq, S("fr1")}}},
       {"fr1/p1", "fr1/p2"}},
      {"feedback_answers_reviewer_status",
       {.kind = kFeedbackAnswers,
        .where = {{"reviewer_id", Compare::kEq, S("p2")}, {"status", Compare::kEq, S("answered")}}},
       {"fr1/p2"}},
      {"feedback_answers_reviewer_status (pending)",
       {.kind = kFeedbackAnswers,
        .where = {{"reviewer_id", Compare::kEq, S("p3")}, {"status", Compare::kEq, S("pending")}}},
       {}},
      {"feedback_answers_shared_with",
       {.kind = kFeedbackAnswers, .where = {{"shared_with_id", Compare::kEq, S("p1")}}},
       {"fr1/p2"}},
      {"inbox_items_person_created",
       {.kind = kInboxItems,
        .where = {{"person_id", Compare::kEq, S("p2")}},
        .order_by = {"created_at"},
        .order = kNewest},
       {"i1", "i3"}},
      {"inbox_items_from",
       {.kind = kInboxItems, .where = {{"from_id", Compare::kEq, S("p3")}}},
       {"i3"}},
  };
}

TEST_P(CheckinStore, SelectIsServedByEveryDeclaredIndex) {
  for (const IndexedQuery& q : IndexedQueries()) {
    Result<SelectPage> page = store_->Select(q.query);
    ASSERT_TRUE(page.ok()) << q.index << ": " << page.status().ToString();
    EXPECT_EQ(KeysOf(page->rows), q.expected) << q.index;
    EXPECT_TRUE(page->next_cursor.empty()) << q.index;
  }
}

TEST_P(CheckinStore, QuestionsToAPersonPageNewestFirst) {
  SelectQuery query{.kind = EntityKind::kCheckinQuestions,
                    .where = {{"addressee_id", Compare::kEq, S("p1")}},
                    .order_by = {"asked_at"},
                    .order = SortOrder::kDescending,
                    .limit = 1};
  Ids got;
  for (int page = 0; page < 5; ++page) {
    Result<SelectPage> result = store_->Select(query);
    ASSERT_TRUE(result.ok()) << result.status().ToString();
    for (const std::string& id : KeysOf(result->rows)) got.push_back(id);
    if (result->next_cursor.empty()) break;
    query.after = result->next_cursor;
  }
  EXPECT_EQ(got, (Ids{"q1", "q2"}));
}

TEST_P(CheckinStore, SecondCheckinForOneCycleIsAlreadyExists) {
  FirmData again;
  again.checkins.push_back(Checkin{.id = "ci9",
                                   .team_id = "t1",
                                   .person_id = "p2",
                                   .cycle_start = D("2024-05-06"),
                                   .updated_at = 1'715'000'000});
  EXPECT_EQ(store_->Upsert(again).code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(CountOf(EntityKind::kCheckins), 4);
  // The same person's check-in with another team, or for the next cycle, is fine.
  again.checkins.mut()[0].team_id = "t2";
  const Status other_team = store_->Upsert(again);
  EXPECT_TRUE(other_team.ok()) << other_team.ToString();
  EXPECT_EQ(CountOf(EntityKind::kCheckins), 5);
}

TEST_P(CheckinStore, FeedbackAnswerDeletesByRequestAndReviewer) {
  ASSERT_TRUE(store_->Delete(EntityKind::kFeedbackAnswers, Ids{"fr1/p1", "fr1/nobody"}).ok());
  Result<SelectPage> left = store_->Select(
      {.kind = EntityKind::kFeedbackAnswers, .where = {{"request_id", Compare::kEq, S("fr1")}}});
  ASSERT_TRUE(left.ok()) << left.status().ToString();
  EXPECT_EQ(KeysOf(left->rows), (Ids{"fr1/p2"}));
  const Status malformed = store_->Delete(EntityKind::kFeedbackAnswers, Ids{"fr1"});
  EXPECT_EQ(malformed.code(), StatusCode::kInvalidArgument) << malformed.ToString();
  EXPECT_NE(malformed.message().find("request_id/reviewer_id"), std::string::npos)
      << malformed.ToString();
  EXPECT_EQ(CountOf(EntityKind::kFeedbackAnswers), 2);
}

// Who saved a check-in for a cycle of a range of teams, without the texts,
// by team then person; on SQLite read from the covering index alone.
TEST_P(CheckinStore, CycleCheckinStatusesReadTheCoveringIndex) {
  using Row = std::tuple<std::string, std::string, bool>;
  const auto rows = [&](const char* cycle, const char* first, const char* last) {
    std::vector<Row> out;
    Result<std::vector<CheckinStatusRow>> got = store_->CycleCheckinStatuses(D(cycle), first, last);
    EXPECT_TRUE(got.ok()) << got.status().ToString();
    if (got.ok()) {
      for (const CheckinStatusRow& r : *got) out.emplace_back(r.team_id, r.person_id, r.submitted);
    }
    return out;
  };
  EXPECT_EQ(rows("2024-05-06", "t1", "t2"),
            (std::vector<Row>{{"t1", "p2", true}, {"t1", "p3", false}}));
  EXPECT_EQ(rows("2024-05-13", "t1", "t2"),
            (std::vector<Row>{{"t1", "p2", true}, {"t2", "p3", true}}));
  EXPECT_EQ(rows("2024-05-13", "t2", "t2"), (std::vector<Row>{{"t2", "p3", true}}));
  EXPECT_EQ(rows("2024-05-13", "t3", "t9"), (std::vector<Row>{}));
  EXPECT_EQ(rows("2024-05-20", "t1", "t2"), (std::vector<Row>{}));
  // The statement of SelectCycleCheckinStatuses, with its parameters as literals.
  const std::string statement =
      "SELECT team_id, person_id, submitted_at FROM checkins "
      "WHERE cycle_start = '2024-05-13' AND team_id >= 't1' AND team_id <= 't2' "
      "ORDER BY team_id ASC, person_id ASC";
  if (store_->BackendName() == "sqlite") {
    Result<std::string> plan = harness_->QueryLines("EXPLAIN QUERY PLAN " + statement);
    ASSERT_TRUE(plan.ok()) << plan.status().ToString();
    EXPECT_NE(plan->find("USING COVERING INDEX checkins_cycle_team"), std::string::npos) << *plan;
    EXPECT_EQ(plan->find("TEMP B-TREE"), std::string::npos) << *plan;
    return;
  }
  // PostgreSQL picks a plan from statistics: on a handful of rows a
  // sequential scan is cheapest. With a firm's worth of cycles (every team
  // and person, weekly, for about 60 years: the sample's dates untouched)
  // analyzed, and the visibility map set by VACUUM, it reads the covering
  // index alone, in its order (no Sort), touching no table page. The
  // insert commits synchronously (scripts/with-postgres.sh turns
  // synchronous_commit off): VACUUM marks a page all-visible only once the
  // commits of its rows are flushed, the sample's included.
  ASSERT_TRUE(harness_
                  ->Exec("SET synchronous_commit = on; "
                         "INSERT INTO checkins (id, team_id, person_id, cycle_start, "
                         "client_change, note, updated_at, submitted_at) "
                         "SELECT 'gen-' || g || '-' || t.id || '-' || p.id, t.id, p.id, "
                         "DATE '1950-01-02' + 7 * g, 'Quiet week', '', 0, "
                         "CASE WHEN g % 3 = 0 THEN NULL ELSE 1 END "
                         "FROM generate_series(1, 3000) AS g, teams AS t, people AS p")
                  .ok());
  ASSERT_TRUE(harness_->Exec("VACUUM ANALYZE checkins").ok());
  ASSERT_GT(*harness_->QueryInt("SELECT count(*) FROM checkins"), 10000);
  Result<std::string> plan =
      harness_->QueryLines("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF, SUMMARY OFF) " + statement);
  ASSERT_TRUE(plan.ok()) << plan.status().ToString();
  EXPECT_NE(plan->find("Index Only Scan using checkins_cycle_team"), std::string::npos) << *plan;
  EXPECT_NE(plan->find("Heap Fetches: 0"), std::string::npos) << *plan;
  EXPECT_EQ(plan->find("Sort"), std::string::npos) << *plan;
  // The store's own read answers the same after the rows were added.
  EXPECT_EQ(rows("2024-05-13", "t1", "t2"),
            (std::vector<Row>{{"t1", "p2", true}, {"t2", "p3", true}}));
}

// Each CHECK of migration 7 rejects its row with kInvalidArgument and writes
// nothing of the batch.
TEST_P(CheckinStore, ChecksRejectBadRowsAndWriteNothing) {
  using Breaker = void (*)(FirmData&);
  const std::pair<const char*, Breaker> kBreakers[] = {
      {"cadence above 91", [](FirmData& f) { f.teams.mut()[0].checkin_cadence_days = 92; }},
      {"negative cadence", [](FirmData& f) { f.teams.mut()[1].checkin_cadence_days = -1; }},
      {"question to the asker",
       [](FirmData& f) { f.checkin_questions.mut()[0].addressee_id = "p2"; }},
      {"blocker resolved before opened",
       [](FirmData& f) { f.checkin_blockers.mut()[1].resolved_on = D("2024-05-01"); }},
      {"request expiring before the event",
       [](FirmData& f) { f.feedback_requests.mut()[1].expires_on = D("2024-05-01"); }},
  };
  ASSERT_TRUE(store_->Clear().ok());
  for (const auto& [name, breaker] : kBreakers) {
    FirmData firm = SampleFirm();
    breaker(firm);
    const Status status = store_->Upsert(firm);
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << name << ": " << status.ToString();
    EXPECT_EQ(CountOf(EntityKind::kTeams), 0) << name;
    EXPECT_EQ(CountOf(EntityKind::kCheckins), 0) << name;
  }
  // The limits themselves are allowed.
  FirmData firm = SampleFirm();
  firm.teams.mut()[0].checkin_cadence_days = 91;
  firm.teams.mut()[1].checkin_cadence_days = 0;
  firm.checkin_blockers.mut()[1].resolved_on = firm.checkin_blockers[1].opened_on;
  const Status limits = store_->Upsert(firm);
  EXPECT_TRUE(limits.ok()) << limits.ToString();
}

// The columns of index `name` in order, "a,b", as the database has them.
std::string IndexColumnsSql(std::string_view backend, std::string_view name) {
  const std::string index(name);
  if (backend == "sqlite") {
    return "SELECT coalesce(group_concat(name, ','), '') FROM (SELECT name FROM "
           "pragma_index_info('" +
           index + "') ORDER BY seqno)";
  }
  return "SELECT coalesce(string_agg(a.attname, ',' ORDER BY k.ord), '') FROM pg_index i "
         "CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) "
         "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum "
         "WHERE i.indexrelid = to_regclass('" +
         index + "')";
}

TEST_P(CheckinStore, EveryDeclaredIndexExistsWithItsColumns) {
  int checked = 0;
  for (const store::internal::TableSpec* table : store::internal::TablesChildrenFirst()) {
    for (const store::internal::IndexSpec& index : table->indexes) {
      std::string expected;
      for (std::string_view column : index.columns) {
        expected += (expected.empty() ? "" : ",") + std::string(column);
      }
      Result<std::string> got =
          harness_->QueryLines(IndexColumnsSql(store_->BackendName(), index.name));
      ASSERT_TRUE(got.ok()) << index.name << ": " << got.status().ToString();
      std::string columns = *got;
      while (!columns.empty() && columns.back() == '\n') columns.pop_back();
      EXPECT_EQ(columns, expected) << table->name << "." << index.name;
      ++checked;
    }
  }
  EXPECT_GE(checked, 15);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, CheckinStore, ::testing::Values(store::testing::kSqliteBackend),
                         &BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, CheckinStore,
                         ::testing::Values(store::testing::kPostgresBackend), &BackendName);

}  // namespace
}  // namespace guild
