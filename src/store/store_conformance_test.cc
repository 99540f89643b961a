// One suite, every backend: each test runs against SQLite (in the normal
// CTest run) and PostgreSQL (through scripts/with-postgres.sh).
#include <gtest/gtest.h>

#include <iterator>
#include <ostream>
#include <thread>

#include "store/internal/migration.h"
#include "store/store.h"
#include "store/store_test_support.h"

namespace guild {
namespace {

using store::testing::Dump;
using store::testing::SampleFirm;
using store::testing::SortedByKey;

using store::testing::BackendName;

class StoreConformance : public store::testing::BackendStoreTest {
 protected:
  int64_t CountOf(EntityKind kind) {
    Result<int64_t> count = store_->Count(kind);
    EXPECT_TRUE(count.ok()) << count.status().ToString();
    return count.ok() ? *count : -1;
  }

  int64_t TotalCount() {
    int64_t total = 0;
    for (EntityKind kind : kAllEntityKinds) total += CountOf(kind);
    return total;
  }

  void UpsertOk(const FirmData& batch) {
    const Status status = store_->Upsert(batch);
    ASSERT_TRUE(status.ok()) << status.ToString();
  }
};

int LatestVersion(std::string_view backend) {
  return backend == "sqlite" ? store::internal::SqliteMigrations().back().version
                             : store::internal::PostgresMigrations().back().version;
}

TEST_P(StoreConformance, ReportsLatestSchemaVersion) {
  Result<int> version = store_->SchemaVersion();
  ASSERT_TRUE(version.ok()) << version.status().ToString();
  EXPECT_EQ(*version, LatestVersion(store_->BackendName()));
  EXPECT_GE(*version, 1);
}

TEST_P(StoreConformance, NewStoreIsEmpty) {
  EXPECT_EQ(TotalCount(), 0);
  EXPECT_EQ(LoadAll(*store_).TotalCount(), 0u);
}

TEST_P(StoreConformance, RoundTripsEveryKindAndField) {
  const FirmData firm = SampleFirm();
  UpsertOk(firm);
  EXPECT_EQ(Dump(LoadAll(*store_)), Dump(SortedByKey(firm)));
}

TEST_P(StoreConformance, CountsEveryKind) {
  const FirmData firm = SampleFirm();
  UpsertOk(firm);
  for (EntityKind kind : kAllEntityKinds) {
    EXPECT_EQ(CountOf(kind), static_cast<int64_t>(firm.Count(kind))) << ToString(kind);
  }
}

TEST_P(StoreConformance, UpsertReplacesEntitiesAndTheirLists) {
  FirmData firm = SampleFirm();
  UpsertOk(firm);
  FirmData change;
  Person person = firm.people[0];  // p2, with three tags
  person.name = "Renamed";
  person.tags = {"only"};
  person.start_date.reset();
  person.cost_rate.reset();
  person.manager_id.clear();
  change.people.push_back(person);
  Role role = firm.roles[0];
  role.skills = {{.skill_id = "onet:2.A", .level = 1, .importance = 2, .essential = false}};
  change.roles.push_back(role);
  Team team = firm.teams[0];
  team.members.clear();
  change.teams.push_back(team);
  Skill skill = firm.skills[0];
  skill.synonyms = {"a", "b", "c"};
  change.skills.push_back(skill);
  Opening opening = firm.openings[0];
  opening.required.pop_back();
  change.openings.push_back(opening);
  Goal goal = firm.goals[0];  // g2, with two RACI entries
  goal.raci = {{"p2", RaciRole::kResponsible}};
  goal.current_value.reset();
  goal.measured_on.reset();
  change.goals.push_back(goal);
  Deliverable deliverable = firm.deliverables[0];
  deliverable.raci.clear();
  change.deliverables.push_back(deliverable);
  UpsertOk(change);

  firm.people.mut()[0] = person;
  firm.roles.mut()[0] = role;
  firm.teams.mut()[0] = team;
  firm.skills.mut()[0] = skill;
  firm.openings.mut()[0] = opening;
  firm.goals.mut()[0] = goal;
  firm.deliverables.mut()[0] = deliverable;
  EXPECT_EQ(Dump(LoadAll(*store_)), Dump(SortedByKey(firm)));
}

TEST_P(StoreConformance, LaterDuplicateInOneBatchWins) {
  FirmData firm = SampleFirm();
  Person again = firm.people[1];
  again.name = "Ada v2";
  again.tags = {"x"};
  firm.people.push_back(again);
  PersonSkill rating = firm.person_skills[0];
  rating.level = 1;
  firm.person_skills.push_back(rating);
  UpsertOk(firm);
  firm.people.erase(firm.people.begin() + 1);
  firm.person_skills.erase(firm.person_skills.begin());
  EXPECT_EQ(Dump(LoadAll(*store_)), Dump(SortedByKey(firm)));
}

TEST_P(StoreConformance, SelfReferencesResolveInAnyOrder) {
  FirmData firm;
  for (int i = 9; i >= 0; --i) {  // each person's manager comes later in the batch
    firm.people.push_back(Person{.id = "p" + std::to_string(i),
                                 .name = "P",
                                 .email = "p@x",
                                 .manager_id = i == 0 ? "" : "p" + std::to_string(i - 1)});
    firm.skills.push_back(Skill{.id = "s" + std::to_string(i),
                                .name = "S",
                                .broader_id = i == 0 ? "" : "s" + std::to_string(i - 1)});
  }
  UpsertOk(firm);
  EXPECT_EQ(CountOf(EntityKind::kPeople), 10);
  EXPECT_EQ(CountOf(EntityKind::kSkills), 10);
}

// A batch with one dangling reference of each kind writes nothing at all.
TEST_P(StoreConformance, DanglingReferenceFailsAndWritesNothing) {
  using Breaker = void (*)(FirmData&);
  const std::pair<const char*, Breaker> kBreakers[] = {
      {"manager", [](FirmData& f) { f.people.mut()[0].manager_id = "nobody"; }},
      {"broader", [](FirmData& f) { f.skills.mut()[0].broader_id = "nothing"; }},
      {"rating person", [](FirmData& f) { f.person_skills.mut().back().person_id = "nobody"; }},
      {"rating skill", [](FirmData& f) { f.person_skills.mut().back().skill_id = "nothing"; }},
      {"role skill", [](FirmData& f) { f.roles.mut()[0].skills[1].skill_id = "nothing"; }},
      {"client", [](FirmData& f) { f.engagements.mut()[1].client_id = "nobody"; }},
      {"engagement leader", [](FirmData& f) { f.engagements.mut()[0].leader_id = "nobody"; }},
      {"opening", [](FirmData& f) { f.openings.mut()[0].engagement_id = "none"; }},
      {"requirement", [](FirmData& f) { f.openings.mut()[0].required[0].skill_id = "nothing"; }},
      {"assignment", [](FirmData& f) { f.assignments.mut()[0].opening_id = "none"; }},
      {"team leader", [](FirmData& f) { f.teams.mut()[0].leader_id = "nobody"; }},
      {"team member", [](FirmData& f) { f.teams.mut()[0].members[2].person_id = "nobody"; }},
      {"time entry", [](FirmData& f) { f.time_entries.mut()[0].engagement_id = "none"; }},
      {"history", [](FirmData& f) { f.skill_history.mut()[0].skill_id = "nothing"; }},
      {"preference opening",
       [](FirmData& f) { f.opening_preferences.mut()[0].opening_id = "none"; }},
      {"preference person",
       [](FirmData& f) { f.opening_preferences.mut()[1].person_id = "nobody"; }},
      {"team engagement", [](FirmData& f) { f.teams.mut()[2].engagement_id = "none"; }},
      {"goal team", [](FirmData& f) { f.goals.mut()[1].team_id = "none"; }},
      {"goal owner", [](FirmData& f) { f.goals.mut()[1].owner_id = "nobody"; }},
      {"goal parent", [](FirmData& f) { f.goals.mut()[0].parent_id = "none"; }},
      {"goal raci", [](FirmData& f) { f.goals.mut()[0].raci[1].person_id = "nobody"; }},
      {"update goal", [](FirmData& f) { f.goal_updates.mut()[1].goal_id = "none"; }},
      {"update author", [](FirmData& f) { f.goal_updates.mut()[0].author_id = "nobody"; }},
      {"deliverable team", [](FirmData& f) { f.deliverables.mut()[1].team_id = "none"; }},
      {"deliverable raci",
       [](FirmData& f) { f.deliverables.mut()[0].raci[2].person_id = "nobody"; }},
      {"relationship client",
       [](FirmData& f) { f.client_relationships.mut()[0].client_id = "none"; }},
      {"relationship raci",
       [](FirmData& f) { f.client_relationships.mut()[0].raci[0].person_id = "nobody"; }},
      {"purpose team", [](FirmData& f) { f.purpose_changes.mut()[1].team_id = "none"; }},
      {"purpose author", [](FirmData& f) { f.purpose_changes.mut()[0].author_id = "nobody"; }},
      {"log engagement", [](FirmData& f) { f.client_log.mut()[1].engagement_id = "none"; }},
      {"log author", [](FirmData& f) { f.client_log.mut()[0].author_id = "nobody"; }},
      {"checkin team", [](FirmData& f) { f.checkins.mut()[0].team_id = "none"; }},
      {"checkin person", [](FirmData& f) { f.checkins.mut()[1].person_id = "nobody"; }},
      {"blocker checkin", [](FirmData& f) { f.checkin_blockers.mut()[0].checkin_id = "none"; }},
      {"blocker person", [](FirmData& f) { f.checkin_blockers.mut()[1].person_id = "nobody"; }},
      {"question checkin", [](FirmData& f) { f.checkin_questions.mut()[1].checkin_id = "none"; }},
      {"question addressee",
       [](FirmData& f) { f.checkin_questions.mut()[0].addressee_id = "nobody"; }},
      {"question team", [](FirmData& f) { f.checkin_questions.mut()[2].team_id = "none"; }},
      {"request requester",
       [](FirmData& f) { f.feedback_requests.mut()[0].requester_id = "nobody"; }},
      {"request engagement",
       [](FirmData& f) { f.feedback_requests.mut()[1].engagement_id = "none"; }},
      {"answer request", [](FirmData& f) { f.feedback_answers.mut()[2].request_id = "none"; }},
      {"answer reviewer", [](FirmData& f) { f.feedback_answers.mut()[0].reviewer_id = "nobody"; }},
      {"answer shared with",
       [](FirmData& f) { f.feedback_answers.mut()[1].shared_with_id = "nobody"; }},
      {"inbox person", [](FirmData& f) { f.inbox_items.mut()[1].person_id = "nobody"; }},
      {"inbox from", [](FirmData& f) { f.inbox_items.mut()[0].from_id = "nobody"; }},
  };
  for (const auto& [name, breaker] : kBreakers) {
    FirmData firm = SampleFirm();
    breaker(firm);
    const Status status = store_->Upsert(firm);
    EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition) << name << ": " << status.ToString();
    EXPECT_EQ(TotalCount(), 0) << name;
  }
}

TEST_P(StoreConformance, FailedBatchLeavesEarlierDataUnchanged) {
  const FirmData firm = SampleFirm();
  UpsertOk(firm);
  FirmData bad;
  bad.people.push_back(Person{.id = "p9", .name = "New", .email = "n@x"});
  Person changed = firm.people[1];
  changed.name = "Changed";
  bad.people.push_back(changed);
  bad.person_skills.push_back(PersonSkill{.person_id = "p9", .skill_id = "nothing"});
  EXPECT_EQ(store_->Upsert(bad).code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ(Dump(LoadAll(*store_)), Dump(SortedByKey(firm)));
}

TEST_P(StoreConformance, OutOfRangeLevelIsInvalidArgument) {
  FirmData firm = SampleFirm();
  firm.person_skills.mut()[0].level = 9;
  EXPECT_EQ(store_->Upsert(firm).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(TotalCount(), 0);
}

// Removes every check-in, feedback and inbox row (children first; a feedback
// answer by its composite key), so that teams and people may be deleted.
void DeleteCheckins(Store& store) {
  using Ids = std::vector<std::string>;
  ASSERT_TRUE(store.Delete(EntityKind::kInboxItems, Ids{"i1", "i2", "i3"}).ok());
  ASSERT_TRUE(store.Delete(EntityKind::kFeedbackAnswers, Ids{"fr1/p1", "fr1/p2", "fr2/p3"}).ok());
  ASSERT_TRUE(store.Delete(EntityKind::kFeedbackRequests, Ids{"fr1", "fr2"}).ok());
  ASSERT_TRUE(store.Delete(EntityKind::kCheckinQuestions, Ids{"q1", "q2", "q3"}).ok());
  ASSERT_TRUE(store.Delete(EntityKind::kCheckinBlockers, Ids{"b1", "b2"}).ok());
  ASSERT_TRUE(store.Delete(EntityKind::kCheckins, Ids{"ci1", "ci2", "ci3", "ci4"}).ok());
}

// Removes the check-ins, goals, deliverables, client relationships and
// purpose history that refer to teams t0 and t1, so that the teams may be
// deleted.
void DeleteTeamGoals(Store& store) {
  DeleteCheckins(store);
  ASSERT_TRUE(store.Delete(EntityKind::kGoals, std::vector<std::string>{"g2"}).ok());
  ASSERT_TRUE(store.Delete(EntityKind::kGoals, std::vector<std::string>{"g1"}).ok());
  ASSERT_TRUE(store.Delete(EntityKind::kDeliverables, std::vector<std::string>{"d1", "d0"}).ok());
  ASSERT_TRUE(store.Delete(EntityKind::kClientRelationships, std::vector<std::string>{"r1"}).ok());
  // A team's purpose history is an entity kind of its own (kept in memory),
  // so it restricts the team's delete like any other reference.
  EXPECT_EQ(store.Delete(EntityKind::kTeams, std::vector<std::string>{"t1"}).code(),
            StatusCode::kFailedPrecondition);
  ASSERT_TRUE(store
                  .Delete(EntityKind::kPurposeChanges,
                          std::vector<std::string>{"t1/1600000000", "t1/1700000000"})
                  .ok());
}

TEST_P(StoreConformance, DeleteRemovesEntityAndItsLists) {
  UpsertOk(SampleFirm());
  DeleteTeamGoals(*store_);
  const std::vector<std::string> teams = {"t1", "unknown-team"};
  ASSERT_TRUE(store_->Delete(EntityKind::kTeams, teams).ok());
  EXPECT_EQ(CountOf(EntityKind::kTeams), 2);
  Result<int64_t> members = harness_->QueryInt("SELECT count(*) FROM team_members");
  ASSERT_TRUE(members.ok()) << members.status().ToString();
  EXPECT_EQ(*members, 1);  // t2's
}

// A goal's RACI list and progress updates go with it; a goal another one
// aligns to, and a team with goals, stay.
TEST_P(StoreConformance, DeletingAGoalTakesItsUpdatesAndRaci) {
  UpsertOk(SampleFirm());
  EXPECT_EQ(store_->Delete(EntityKind::kGoals, std::vector<std::string>{"g1"}).code(),
            StatusCode::kFailedPrecondition);  // g2 aligns to it
  EXPECT_EQ(store_->Delete(EntityKind::kTeams, std::vector<std::string>{"t2"}).code(),
            StatusCode::kFailedPrecondition);  // g2 is its goal
  ASSERT_TRUE(store_->Delete(EntityKind::kGoals, std::vector<std::string>{"g2"}).ok());
  EXPECT_EQ(CountOf(EntityKind::kGoalUpdates), 0);
  Result<int64_t> raci = harness_->QueryInt("SELECT count(*) FROM goal_raci");
  ASSERT_TRUE(raci.ok()) << raci.status().ToString();
  EXPECT_EQ(*raci, 1);  // g1's
}

TEST_P(StoreConformance, DeleteOfReferencedEntityFails) {
  UpsertOk(SampleFirm());
  const int64_t before = TotalCount();
  const std::vector<std::pair<EntityKind, std::string>> kReferenced = {
      {EntityKind::kPeople, "p1"},        // a manager, engagement leader and team member
      {EntityKind::kPeople, "p3"},        // a team member and time entry's person
      {EntityKind::kSkills, "onet:2.A"},  // another skill's broader skill
      {EntityKind::kSkills, "firm:tax"},  // rated and required
      {EntityKind::kClients, "c0"},
      {EntityKind::kEngagements, "e2"},
      {EntityKind::kOpenings, "o1"},
      {EntityKind::kOpenings, "o2"},           // only an opening preference refers to it
      {EntityKind::kCheckins, "ci2"},          // its blocker and question refer to it
      {EntityKind::kCheckins, "ci4"},          // only a question refers to it
      {EntityKind::kFeedbackRequests, "fr2"},  // its answer refers to it
  };
  for (const auto& [kind, id] : kReferenced) {
    const std::vector<std::string> ids = {id};
    const Status status = store_->Delete(kind, ids);
    EXPECT_EQ(status.code(), StatusCode::kFailedPrecondition) << id << ": " << status.ToString();
  }
  EXPECT_EQ(TotalCount(), before);
}

TEST_P(StoreConformance, DeleteByCompositeKey) {
  UpsertOk(SampleFirm());
  const std::vector<std::string> ratings = {"p2/firm:tax/self", "p2/firm:tax/peer"};
  ASSERT_TRUE(store_->Delete(EntityKind::kPersonSkills, ratings).ok());
  EXPECT_EQ(CountOf(EntityKind::kPersonSkills), 2);
  const std::vector<std::string> history = {"p2/firm:tax/2022-01-01"};
  ASSERT_TRUE(store_->Delete(EntityKind::kSkillHistory, history).ok());
  EXPECT_EQ(CountOf(EntityKind::kSkillHistory), 1);
  const std::vector<std::string> malformed = {"p2-firm:tax"};
  EXPECT_EQ(store_->Delete(EntityKind::kPersonSkills, malformed).code(),
            StatusCode::kInvalidArgument);
  const std::vector<std::string> preferences = {"o1/p3", "o1/nobody"};
  ASSERT_TRUE(store_->Delete(EntityKind::kOpeningPreferences, preferences).ok());
  EXPECT_EQ(CountOf(EntityKind::kOpeningPreferences), 2);
  const std::vector<std::string> no_person = {"o1"};
  EXPECT_EQ(store_->Delete(EntityKind::kOpeningPreferences, no_person).code(),
            StatusCode::kInvalidArgument);
  const std::vector<std::string> updates = {"g2/2024-03-31", "g2/2030-01-01"};
  ASSERT_TRUE(store_->Delete(EntityKind::kGoalUpdates, updates).ok());
  EXPECT_EQ(CountOf(EntityKind::kGoalUpdates), 1);
  const std::vector<std::string> purposes = {"t1/1600000000"};
  ASSERT_TRUE(store_->Delete(EntityKind::kPurposeChanges, purposes).ok());
  EXPECT_EQ(CountOf(EntityKind::kPurposeChanges), 1);
}

TEST_P(StoreConformance, DeleteOfUnreferencedEntitySucceeds) {
  FirmData firm = SampleFirm();
  UpsertOk(firm);
  const std::vector<std::string> entries = {"te1"};
  ASSERT_TRUE(store_->Delete(EntityKind::kTimeEntries, entries).ok());
  DeleteTeamGoals(*store_);
  ASSERT_TRUE(store_->Delete(EntityKind::kGoals, std::vector<std::string>{"g3"}).ok());
  ASSERT_TRUE(store_->Delete(EntityKind::kTeams, std::vector<std::string>{"t2"}).ok());
  ASSERT_TRUE(store_->Delete(EntityKind::kClientLog, std::vector<std::string>{"l1", "l2"}).ok());
  const std::vector<std::string> teams = {"t1"};
  ASSERT_TRUE(store_->Delete(EntityKind::kTeams, teams).ok());
  const std::vector<std::string> preferences = {"o1/p3"};
  ASSERT_TRUE(store_->Delete(EntityKind::kOpeningPreferences, preferences).ok());
  const std::vector<std::string> person = {"p3"};  // now unreferenced
  const Status status = store_->Delete(EntityKind::kPeople, person);
  ASSERT_TRUE(status.ok()) << status.ToString();
  EXPECT_EQ(CountOf(EntityKind::kPeople), 2);
}

TEST_P(StoreConformance, LoadReadsOnlyRequestedKinds) {
  const FirmData firm = SampleFirm();
  UpsertOk(firm);
  Result<FirmData> data = store_->Load({.kinds = {EntityKind::kTeams, EntityKind::kSkills}});
  ASSERT_TRUE(data.ok()) << data.status().ToString();
  FirmData expected;
  expected.teams = firm.teams;
  expected.skills = firm.skills;
  EXPECT_EQ(Dump(*data), Dump(SortedByKey(expected)));
  // No kinds named: the in-memory kinds (ResidenceOf), not the store-only
  // ones (goal updates, the client log), which SampleFirm has.
  ASSERT_FALSE(firm.goal_updates.empty());
  ASSERT_FALSE(firm.client_log.empty());
  Result<FirmData> memory = store_->Load({});
  ASSERT_TRUE(memory.ok()) << memory.status().ToString();
  FirmData resident = firm;
  resident.goal_updates.clear();
  resident.client_log.clear();
  resident.checkins.clear();
  resident.checkin_blockers.clear();
  resident.checkin_questions.clear();
  resident.feedback_requests.clear();
  resident.feedback_answers.clear();
  resident.inbox_items.clear();
  EXPECT_EQ(Dump(*memory), Dump(SortedByKey(resident)));
}

TEST_P(StoreConformance, ClearEmptiesEveryKindAndKeepsSchema) {
  UpsertOk(SampleFirm());
  ASSERT_TRUE(store_->Clear().ok());
  EXPECT_EQ(TotalCount(), 0);
  Result<int> version = store_->SchemaVersion();
  ASSERT_TRUE(version.ok());
  EXPECT_EQ(*version, LatestVersion(store_->BackendName()));
  UpsertOk(SampleFirm());
  EXPECT_EQ(TotalCount(), static_cast<int64_t>(SampleFirm().TotalCount()));
}

TEST_P(StoreConformance, ReadsAreOrderedByKeyBytewise) {
  FirmData firm;
  for (const char* id : {"b", "B", "a", "é", "aa", "Z", "10", "9", "_"}) {
    firm.clients.push_back(Client{.id = id, .name = id});
  }
  UpsertOk(firm);
  std::vector<std::string> ids;
  for (const Client& c : LoadAll(*store_).clients) ids.push_back(c.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"10", "9", "B", "Z", "_", "a", "aa", "b", "é"}));
}

TEST_P(StoreConformance, ReopenedStoreSeesCommittedData) {
  const FirmData firm = SampleFirm();
  UpsertOk(firm);
  store_.reset();
  std::unique_ptr<Store> reopened = Open();
  ASSERT_NE(reopened, nullptr);
  EXPECT_EQ(Dump(LoadAll(*reopened)), Dump(SortedByKey(firm)));
}

// Two Store objects on one database: the basis of several servers on one
// PostgreSQL database (and of two processes on one SQLite file).
TEST_P(StoreConformance, SecondStoreOnSameDatabaseSeesWrites) {
  std::unique_ptr<Store> other = Open();
  ASSERT_NE(other, nullptr);
  UpsertOk(SampleFirm());
  Result<int64_t> people = other->Count(EntityKind::kPeople);
  ASSERT_TRUE(people.ok());
  EXPECT_EQ(*people, 3);
  FirmData more;
  more.clients.push_back(Client{.id = "c9", .name = "Other"});
  ASSERT_TRUE(other->Upsert(more).ok());
  EXPECT_EQ(CountOf(EntityKind::kClients), 3);
}

TEST_P(StoreConformance, MigrationsApplyOnce) {
  for (int i = 0; i < 2; ++i) ASSERT_NE(Open(), nullptr);
  Result<int64_t> rows = harness_->QueryInt("SELECT count(*) FROM schema_migrations");
  ASSERT_TRUE(rows.ok()) << rows.status().ToString();
  EXPECT_EQ(*rows, LatestVersion(store_->BackendName()));
}

// A database made before version 2 (no openings.lead, no opening_preferences)
// upgrades in place: its openings read as not lead, and the new kind works.
// Upgrades from older schemas: schema_upgrade_test.cc.

TEST_P(StoreConformance, NewerSchemaIsFailedPrecondition) {
  store_.reset();
  ASSERT_TRUE(
      harness_->Exec("INSERT INTO schema_migrations (version, name) VALUES (999, 'future')").ok());
  Result<std::unique_ptr<Store>> store = OpenStore(Options());
  EXPECT_EQ(store.status().code(), StatusCode::kFailedPrecondition) << store.status().ToString();
}

TEST_P(StoreConformance, MissingDatabaseWithoutCreateIsNotFound) {
  Result<std::unique_ptr<Store>> store =
      OpenStore(StoreOptions{.url = harness_->MissingUrl(), .create_if_missing = false});
  EXPECT_EQ(store.status().code(), StatusCode::kNotFound) << store.status().ToString();
}

TEST_P(StoreConformance, ConcurrentWritersAllLand) {
  constexpr int kThreads = 4;
  constexpr int kPerThread = 25;
  std::vector<std::thread> threads;
  threads.reserve(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kPerThread; ++i) {
        FirmData batch;
        batch.clients.push_back(Client{.id = "c" + std::to_string(t) + "-" + std::to_string(i)});
        EXPECT_TRUE(store_->Upsert(batch).ok());
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(CountOf(EntityKind::kClients), kThreads * kPerThread);
}

// Later features query the tables directly: people with a skill at a level.
TEST_P(StoreConformance, PersonSkillsAreQueryableBySkillAndLevel) {
  UpsertOk(SampleFirm());
  Result<int64_t> count = harness_->QueryInt(
      "SELECT count(DISTINCT person_id) FROM person_skills WHERE skill_id = 'firm:tax' AND level "
      ">= 3");
  ASSERT_TRUE(count.ok()) << count.status().ToString();
  EXPECT_EQ(*count, 1);
}

INSTANTIATE_TEST_SUITE_P(Sqlite, StoreConformance,
                         ::testing::Values(store::testing::kSqliteBackend), &BackendName);
INSTANTIATE_TEST_SUITE_P(Postgres, StoreConformance,
                         ::testing::Values(store::testing::kPostgresBackend), &BackendName);

}  // namespace
}  // namespace guild
