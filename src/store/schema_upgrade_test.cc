// Upgrades from every schema that has landed: each fixture in
// tests/data/schemas/<backend>/ is a database as a released build left it
// (exact DDL from the repository's history, see extract.py there, with data
// in every table). Loading one into an empty database and opening it with
// this build must keep every row, reach the latest version, and leave the
// same schema a new database gets. Runs on SQLite and, through
// scripts/with-postgres.sh (schema_upgrade_postgres), on PostgreSQL.
#include <gtest/gtest.h>

#include <cstdint>
#include <fstream>
#include <iterator>
#include <ostream>
#include <sstream>
#include <string>

#include "store/account_store.h"
#include "store/internal/migration.h"
#include "store/store.h"
#include "store/store_test_support.h"

namespace guild {
namespace {

using store::testing::Dump;
using store::testing::SortedByKey;
using store::testing::StoreHarness;

struct Fixture {
  const char* backend;  //!< "sqlite" or "postgres": the folder
  const char* name;     //!< file name without ".sql"
  int firm_version;
  bool accounts;          //!< account tables present
  bool plans;             //!< guild_staffing_plans present
  int64_t feed_head = 0;  //!< the change feed's last seq (version 5 on; 0 before it)
  bool outbox = false;    //!< a sent mail and a calendar feed (version 8 on)
};

void PrintTo(const Fixture& f, std::ostream* out) { *out << f.backend << "/" << f.name; }

std::string TestName(const ::testing::TestParamInfo<Fixture>& info) {
  std::string name = info.param.name;
  for (char& c : name) {
    if (c == '-') c = '_';
  }
  return name;
}

// Describes tables, columns, indexes and constraints, one per line, so two
// schemas compare as text.
constexpr const char* kSqliteDescribe = R"sql(
SELECT 'table ' || m.name || ': ' || m.sql FROM sqlite_master m
 WHERE m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name <> 'schema_migrations'
UNION ALL
SELECT 'column ' || m.name || '.' || p.name || ' ' || p.type || ' notnull=' || p."notnull"
       || ' default=' || coalesce(p.dflt_value, '-') || ' pk=' || p.pk
  FROM sqlite_master m, pragma_table_info(m.name) p WHERE m.type = 'table'
UNION ALL
SELECT 'index ' || m.name || '.' || il.name || ' unique=' || il."unique" || ' (' || ii.seqno
       || ' ' || coalesce(ii.name, '?') || ')'
  FROM sqlite_master m, pragma_index_list(m.name) il, pragma_index_info(il.name) ii
 WHERE m.type = 'table'
UNION ALL
SELECT 'fk ' || m.name || '.' || f."from" || ' -> ' || f."table" || '.' || coalesce(f."to", '?')
       || ' on delete ' || f.on_delete
  FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
ORDER BY 1
)sql";

constexpr const char* kPostgresDescribe = R"sql(
SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || ' null='
       || is_nullable || ' default=' || coalesce(column_default, '-') || ' collation='
       || coalesce(collation_name, '-')
  FROM information_schema.columns
 WHERE table_schema = current_schema() AND table_name <> 'schema_migrations'
UNION ALL
SELECT 'index ' || indexdef FROM pg_indexes
 WHERE schemaname = current_schema() AND tablename <> 'schema_migrations'
UNION ALL
SELECT 'constraint ' || conrelid::regclass::text || ' ' || pg_get_constraintdef(oid)
  FROM pg_constraint
 WHERE connamespace = current_schema()::regnamespace
   AND conrelid <> 'schema_migrations'::regclass
ORDER BY 1
)sql";

// Version 6's purpose, goals and roles (extract.py's GOALS_ROWS).
// Version 7 (extract.py CHECKIN_ROWS): a fortnightly team, two check-ins (one
// a draft), a blocker, an answered question, a shared feedback answer and an
// unread inbox item.
void AddCheckinsFixture(FirmData& firm) {
  firm.teams.mut()[0].checkin_cadence_days = 14;
  firm.checkins = {Checkin{.id = "ci1",
                           .team_id = "t1",
                           .person_id = "p2",
                           .cycle_start = *ParseDate("2026-10-05"),
                           .client_change = "New CFO",
                           .updated_at = 1764000900,
                           .submitted_at = 1764000950},
                   Checkin{.id = "ci2",
                           .team_id = "t1",
                           .person_id = "p2",
                           .cycle_start = *ParseDate("2026-10-19"),
                           .note = "draft",
                           .updated_at = 1764001000}};
  firm.checkin_blockers = {CheckinBlocker{.id = "b1",
                                          .team_id = "t1",
                                          .person_id = "p2",
                                          .checkin_id = "ci1",
                                          .text = "No ledger access",
                                          .opened_on = *ParseDate("2026-10-08")}};
  firm.checkin_questions = {CheckinQuestion{.id = "q1",
                                            .checkin_id = "ci1",
                                            .team_id = "t1",
                                            .asker_id = "p2",
                                            .addressee_id = "p1",
                                            .text = "Who signs the memo?",
                                            .asked_at = 1764000950,
                                            .answer = "I do",
                                            .answered_at = 1764001100}};
  firm.feedback_requests = {FeedbackRequest{.id = "f1",
                                            .requester_id = "p2",
                                            .event_kind = FeedbackEventKind::kMeeting,
                                            .event = "Steering committee",
                                            .event_date = *ParseDate("2026-10-05"),
                                            .engagement_id = "e1",
                                            .asked_at = 1764001200,
                                            .expires_on = *ParseDate("2026-10-19")}};
  firm.feedback_answers = {FeedbackAnswer{.request_id = "f1",
                                          .reviewer_id = "p1",
                                          .status = FeedbackAnswerStatus::kAnswered,
                                          .most_effective = "Clear numbers",
                                          .do_better = "Shorter slides",
                                          .responded_at = 1764001300,
                                          .shared_with_id = "p1",
                                          .shared_at = 1764001400}};
  firm.inbox_items = {InboxItem{.id = "i1",
                                .person_id = "p2",
                                .kind = InboxItemKind::kAnswer,
                                .ref_id = "q1",
                                .from_id = "p1",
                                .text = "Ada answered",
                                .created_at = 1764001100}};
}

void AddGoalsFixture(FirmData& firm) {
  firm.goals = {Goal{.id = "g1",
                     .team_id = "t1",
                     .title = "Northwind renews",
                     .metric = "satisfaction",
                     .unit = "points",
                     .start_value = 6,
                     .target_value = 9,
                     .start_date = *ParseDate("2026-01-01"),
                     .due_date = *ParseDate("2026-12-31"),
                     .owner_id = "p1",
                     .raci = {{"p2", RaciRole::kResponsible}},
                     .current_value = 7.5,
                     .measured_on = ParseDate("2026-10-01")},
                Goal{.id = "g2",
                     .title = "Learn VAT",
                     .metric = "level",
                     .start_value = 1,
                     .target_value = 3,
                     .start_date = *ParseDate("2026-01-01"),
                     .due_date = *ParseDate("2027-06-30"),
                     .owner_id = "p2",
                     .parent_id = "g1",
                     .shared = true}};
  firm.goal_updates = {{"g1", *ParseDate("2026-10-01"), 7.5, "After the review", "p1"}};
  firm.deliverables = {
      Deliverable{.id = "d1",
                  .team_id = "t1",
                  .name = "VAT memo",
                  .due_date = *ParseDate("2026-11-30"),
                  .status = DeliverableStatus::kInProgress,
                  .raci = {{"p1", RaciRole::kAccountable}, {"p2", RaciRole::kResponsible}}}};
  firm.client_relationships = {ClientRelationship{.id = "r1",
                                                  .team_id = "t1",
                                                  .client_id = "c1",
                                                  .contact = "CFO, Jane Roe",
                                                  .raci = {{"p1", RaciRole::kAccountable}}}};
  firm.purpose_changes = {{"t1", 1764000800, "p1", "", "VAT for retail"}};
  firm.client_log = {{"l1", "e1", *ParseDate("2026-10-06"), "p2", "New CFO", "", ""}};
}

// The firm the fixtures hold (extract.py's FIRM_*_ROWS).
FirmData FixtureFirm(int version) {
  FirmData firm;
  Person ada{"p1",
             "Ada Lovelace",
             "ada@firm.test",
             "Partner",
             "partner",
             "Tax",
             "London",
             "",
             40.0,
             ParseDate("2020-01-06"),
             std::nullopt,
             {"mentor", "speaker"},
             950.0};
  Person brian{"p2",
               "Brian Kernighan",
               "brian@firm.test",
               "Associate",
               "associate",
               "Tax",
               "Leeds",
               "p1",
               37.5,
               std::nullopt,
               ParseDate("2027-03-31"),
               {},
               std::nullopt};
  firm.people = {ada, brian};
  firm.skills = {{"firm:tax",
                  "Tax law",
                  "Direct and indirect tax",
                  "",
                  {},
                  SkillSource::kFirm,
                  SkillKind::kKnowledge},
                 {"firm:vat",
                  "VAT",
                  "",
                  "firm:tax",
                  {"value added tax"},
                  SkillSource::kFirm,
                  SkillKind::kKnowledge}};
  firm.person_skills = {{"p1", "firm:tax", RatingSource::kSelf, 5, false, ParseDate("2026-10-01"),
                         ParseDate("2026-10-02")},
                        {"p2", "firm:vat", RatingSource::kManager, 2, true, {}, {}}};
  firm.roles = {{"role:tax-senior",
                 "Senior tax adviser",
                 "Leads VAT work",
                 RoleSource::kFirm,
                 {{"firm:vat", 4, 0.75, true}}}};
  firm.clients = {{"c1", "Northwind", "Retail", true}};
  firm.engagements = {{"e1", "c1", "VAT review", "p1", *ParseDate("2026-09-01"),
                       *ParseDate("2026-12-18"), EngagementStatus::kConfirmed}};
  firm.openings = {{"o1",
                    "e1",
                    "VAT senior",
                    {{"firm:vat", 3}},
                    20.0,
                    *ParseDate("2026-10-05"),
                    *ParseDate("2026-12-18"),
                    2,
                    false}};
  firm.assignments = {{"a1", "p2", "o1", 20.0, *ParseDate("2026-10-05"), *ParseDate("2026-12-18"),
                       AssignmentStatus::kConfirmed}};
  // Version 6 makes every team with a client an account team.
  firm.teams = {{"t1",
                 "Indirect tax",
                 "VAT for retail",
                 "p1",
                 "c1",
                 false,
                 {{"p2", "member"}},
                 TeamKind::kAccount}};
  firm.time_entries = {{"te1", "p2", *ParseDate("2026-10-05"), 7.5, TimeCategory::kBillable, "e1"}};
  firm.skill_history = {{"p2", "firm:vat", *ParseDate("2026-06-30"), 1}};
  if (version >= 2) {
    firm.engagements.push_back({"e2", "c1", "Tax health check", "", *ParseDate("2026-11-02"),
                                *ParseDate("2027-01-29"), EngagementStatus::kTentative});
    firm.openings.push_back(
        {"o2", "e2", "Lead", {}, 8.0, *ParseDate("2026-11-02"), *ParseDate("2027-01-29"), 1, true});
    firm.opening_preferences = {{"o1", "p1", PreferenceKind::kExcluded, "on leave in November"}};
  }
  if (version >= 6) AddGoalsFixture(firm);
  if (version >= 7) AddCheckinsFixture(firm);
  return firm;
}

class SchemaUpgrade : public ::testing::TestWithParam<Fixture> {
 protected:
  void SetUp() override {
    const bool postgres = std::string(GetParam().backend) == "postgres";
    harness_ =
        postgres ? store::testing::MakePostgresHarness() : store::testing::MakeSqliteHarness();
    const Status created = harness_->Create();
    ASSERT_TRUE(created.ok()) << created.ToString();
    describe_ = postgres ? kPostgresDescribe : kSqliteDescribe;
  }

  StoreOptions Options() const {
    return StoreOptions{.url = harness_->url(), .durability = Durability::kOff};
  }

  static std::string ReadFixture(const Fixture& f) {
    const std::string path =
        std::string(GUILD_TEST_SCHEMAS_DIR) + "/" + f.backend + "/" + f.name + ".sql";
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    EXPECT_FALSE(text.str().empty()) << "cannot read " << path;
    return text.str();
  }

  int Latest() const {
    return std::string(GetParam().backend) == "postgres"
               ? store::internal::PostgresMigrations().back().version
               : store::internal::SqliteMigrations().back().version;
  }

  std::unique_ptr<StoreHarness> harness_;
  std::string describe_;
};

TEST_P(SchemaUpgrade, KeepsEveryRowAndReachesTheLatestVersion) {
  const Fixture& f = GetParam();
  ASSERT_TRUE(harness_->Exec("BEGIN;\n" + ReadFixture(f) + "COMMIT;\n").ok());
  auto store = OpenStore(Options());
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  auto accounts = OpenAccountStore(Options());
  ASSERT_TRUE(accounts.ok()) << accounts.status().ToString();
  EXPECT_EQ(*(*store)->SchemaVersion(), Latest());
  // Every kind, the store-only ones too; teams get the default cadence (7).
  auto firm = (*store)->Load({{std::begin(kAllEntityKinds), std::end(kAllEntityKinds)}});
  ASSERT_TRUE(firm.ok()) << firm.status().ToString();
  EXPECT_EQ(Dump(*firm), Dump(SortedByKey(FixtureFirm(f.firm_version))));

  AccountStore& a = **accounts;
  auto user = a.FindUserById("u1");
  ASSERT_TRUE(user.ok());
  EXPECT_EQ(user->has_value(), f.accounts);
  if (f.accounts) {
    EXPECT_EQ((*user)->email, "ada@firm.test");
    EXPECT_EQ((*user)->role, UserRole::kAdministrator);
    EXPECT_TRUE((*a.FindUserById("u2"))->disabled);
    EXPECT_EQ((*a.FindSession("sessionhash1"))->csrf_token, "csrf1");
    auto token = *a.FindApiTokenByHash("tokenhash1");
    EXPECT_EQ(token->last_used_at, std::nullopt);
    // Tokens made before version 5 never expire and keep writing.
    EXPECT_EQ(token->expires_at, std::nullopt);
    EXPECT_EQ(token->scope, TokenScope::kWrite);
    EXPECT_EQ(a.ListAudit(0, 10)->size(), 2u);
  }
  // The change feed (version 4) replaces the data version and starts empty;
  // a database that had one keeps its position.
  EXPECT_EQ(*(*store)->FeedHead(), f.feed_head);
  // The audit sequence continues after the rows that were there.
  auto seq = a.AppendAudit({0, 1, "u1", "test", "test", "x", ""});
  ASSERT_TRUE(seq.ok()) << seq.status().ToString();
  EXPECT_EQ(*seq, f.accounts ? 3 : 1);
  auto plan = a.FindStaffingPlan("plan_1");
  ASSERT_TRUE(plan.ok());
  EXPECT_EQ(plan->has_value(), f.plans);
  if (f.plans) {
    EXPECT_EQ((*plan)->payload, "fixture plan text");
  }
  EXPECT_TRUE(a.CreateStaffingPlan({"plan_2", "u1", 5, false, "new"}).ok());
  auto mails = a.ListOutbox(0, 10);
  ASSERT_TRUE(mails.ok()) << mails.status().ToString();
  ASSERT_EQ(mails->size(), f.outbox ? 1u : 0u);
  if (f.outbox) {
    EXPECT_EQ(mails->front().inbox_item_id, "i1");
    EXPECT_EQ(*a.FindCalendarFeedUser("feedhash1"), std::optional<std::string>("u2"));
  }
  // The upgraded database takes writes of every kind, and the feed numbers them.
  EXPECT_TRUE((*store)->Upsert(store::testing::SampleFirm()).ok());
  EXPECT_EQ(*(*store)->FeedHead(), f.feed_head + 1);
}

TEST_P(SchemaUpgrade, LeavesTheSchemaOfANewDatabase) {
  auto fresh = store::testing::MakeSqliteHarness();
  if (std::string(GetParam().backend) == "postgres") fresh = store::testing::MakePostgresHarness();
  ASSERT_TRUE(fresh->Create().ok());
  ASSERT_TRUE(OpenAccountStore({.url = fresh->url(), .durability = Durability::kOff}).ok());
  auto expected = fresh->QueryLines(describe_);
  ASSERT_TRUE(expected.ok()) << expected.status().ToString();

  ASSERT_TRUE(harness_->Exec("BEGIN;\n" + ReadFixture(GetParam()) + "COMMIT;\n").ok());
  ASSERT_TRUE(OpenStore(Options()).ok());
  auto upgraded = harness_->QueryLines(describe_);
  ASSERT_TRUE(upgraded.ok()) << upgraded.status().ToString();
  EXPECT_EQ(*upgraded, *expected);
  // Opening again applies nothing more.
  ASSERT_TRUE(OpenAccountStore(Options()).ok());
  EXPECT_EQ(*harness_->QueryInt("SELECT count(*) FROM schema_migrations"), Latest());
  EXPECT_EQ(*harness_->QueryLines(describe_), *expected);
}

constexpr Fixture kSqliteFixtures[] = {
    {"sqlite", "v1", 1, false, false},         {"sqlite", "v1-accounts", 1, true, false},
    {"sqlite", "v2-accounts", 2, true, false}, {"sqlite", "v2-accounts-plans", 2, true, true},
    {"sqlite", "v3", 2, true, true},           {"sqlite", "v4", 2, true, true},
    {"sqlite", "v5", 2, true, true, 1},        {"sqlite", "v6", 6, true, true, 1},
    {"sqlite", "v7", 7, true, true, 1},        {"sqlite", "v8", 7, true, true, 1, true},
    {"sqlite", "v9", 7, true, true, 1, true},
};
constexpr Fixture kPostgresFixtures[] = {
    {"postgres", "v1", 1, false, false},         {"postgres", "v1-accounts", 1, true, false},
    {"postgres", "v2-accounts", 2, true, false}, {"postgres", "v2-accounts-plans", 2, true, true},
    {"postgres", "v3", 2, true, true},           {"postgres", "v4", 2, true, true},
    {"postgres", "v5", 2, true, true, 1},        {"postgres", "v6", 6, true, true, 1},
    {"postgres", "v7", 7, true, true, 1},        {"postgres", "v8", 7, true, true, 1, true},
    {"postgres", "v9", 7, true, true, 1, true},
};

INSTANTIATE_TEST_SUITE_P(Sqlite, SchemaUpgrade, ::testing::ValuesIn(kSqliteFixtures), TestName);
INSTANTIATE_TEST_SUITE_P(Postgres, SchemaUpgrade, ::testing::ValuesIn(kPostgresFixtures), TestName);

}  // namespace
}  // namespace guild
