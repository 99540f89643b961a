#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "domain/validate.h"

namespace guild {
namespace {

std::vector<std::string> Fields(const std::vector<FieldError>& errors) {
  std::vector<std::string> out;
  for (const FieldError& e : errors) out.push_back(e.field);
  return out;
}

Goal GoodGoal() {
  Goal g;
  g.id = "g1";
  g.team_id = "t1";
  g.title = "Acme renews";
  g.metric = "satisfaction";
  g.unit = "points";
  g.start_value = 6;
  g.target_value = 9;
  g.direction = GoalDirection::kUp;
  g.start_date = *ParseDate("2025-01-01");
  g.due_date = *ParseDate("2025-12-31");
  g.owner_id = "p1";
  g.raci = {{"p2", RaciRole::kResponsible}, {"p3", RaciRole::kInformed}};
  return g;
}

std::vector<std::string> GoalErrors(const Goal& g) {
  std::vector<FieldError> errors;
  ValidateGoal(g, errors);
  return Fields(errors);
}

TEST(ValidateGoalsTest, GoodGoalPasses) { EXPECT_TRUE(GoalErrors(GoodGoal()).empty()); }

TEST(ValidateGoalsTest, GoalRulesEachNameTheirField) {
  using Breaker = void (*)(Goal&);
  const std::vector<std::pair<std::string, Breaker>> cases = {
      {"id", [](Goal& g) { g.id = " "; }},
      {"title", [](Goal& g) { g.title = ""; }},
      {"metric", [](Goal& g) { g.metric = ""; }},
      {"target_value", [](Goal& g) { g.target_value = g.start_value; }},
      {"direction", [](Goal& g) { g.direction = GoalDirection::kDown; }},
      {"due_date", [](Goal& g) { g.due_date = g.start_date; }},
      {"owner_id", [](Goal& g) { g.owner_id = ""; }},
      {"raci",
       [](Goal& g) {
         g.raci.push_back({"p9", RaciRole::kAccountable});
       }},
      {"raci",
       [](Goal& g) {
         g.raci.push_back({"p1", RaciRole::kConsulted});
       }},
      {"raci",
       [](Goal& g) {
         g.raci.push_back({"p2", RaciRole::kConsulted});
       }},
      {"parent_id", [](Goal& g) { g.parent_id = g.id; }},
      {"measured_on", [](Goal& g) { g.current_value = 7; }},
      {"current_value",
       [](Goal& g) {
         g.current_value = std::numeric_limits<double>::infinity();
         g.measured_on = g.start_date;
       }},
      {"start_value", [](Goal& g) { g.start_value = std::nan(""); }},
      {"unit", [](Goal& g) { g.unit = std::string(kMaxShortTextBytes + 1, 'x'); }},
  };
  for (const auto& [field, breaker] : cases) {
    Goal g = GoodGoal();
    breaker(g);
    std::vector<std::string> errors = GoalErrors(g);
    EXPECT_NE(std::find(errors.begin(), errors.end(), field), errors.end()) << field;
  }
}

TEST(ValidateGoalsTest, DownwardGoalsTargetBelowStart) {
  Goal g = GoodGoal();
  g.direction = GoalDirection::kDown;
  g.target_value = 2;
  EXPECT_TRUE(GoalErrors(g).empty());
  g.target_value = 10;
  EXPECT_EQ(GoalErrors(g), std::vector<std::string>{"direction"});
}

TEST(ValidateGoalsTest, RowsHoldAtMostOneAccountable) {
  Deliverable d{"d1",
                "t1",
                "Board pack",
                *ParseDate("2025-03-01"),
                DeliverableStatus::kPlanned,
                {{"p1", RaciRole::kAccountable}, {"p2", RaciRole::kResponsible}}};
  std::vector<FieldError> errors;
  ValidateDeliverable(d, errors);
  EXPECT_TRUE(errors.empty());
  d.raci.push_back({"p3", RaciRole::kAccountable});
  ValidateDeliverable(d, errors);
  EXPECT_EQ(Fields(errors), std::vector<std::string>{"raci"});
  errors.clear();
  ClientRelationship r{"r1", "t1", "c1", "CFO", {{"p1", RaciRole::kAccountable}}};
  ValidateClientRelationship(r, errors);
  EXPECT_TRUE(errors.empty());
  r.raci.push_back({"p1", RaciRole::kInformed});  // the same person twice
  ValidateClientRelationship(r, errors);
  EXPECT_EQ(Fields(errors), std::vector<std::string>{"raci"});
}

TEST(ValidateGoalsTest, LogEntriesNeedWhatChanged) {
  ClientLogEntry e{"l1", "e1", *ParseDate("2025-02-03"), "p1", "", "", ""};
  std::vector<FieldError> errors;
  ValidateClientLogEntry(e, errors);
  EXPECT_EQ(Fields(errors), std::vector<std::string>{"changed"});
}

FirmData GoalFirm() {
  FirmData f;
  f.teams = {{"t1", "One", "", "p1", "", false, {{"p2", "member"}}},
             {"t2", "Two", "", "p3", "", false, {}}};
  Goal a = GoodGoal();
  a.raci.clear();
  Goal b = a;
  b.id = "g2";
  b.team_id = "t2";
  b.owner_id = "p3";
  b.parent_id = "g1";
  f.goals = {a, b};
  return f;
}

std::vector<std::string> RuleErrors(const FirmData& f) {
  std::vector<RecordError> errors;
  ValidateGoalRules(f, errors);
  std::vector<std::string> out;
  for (const RecordError& e : errors) out.push_back(e.id + "." + e.field + ": " + e.message);
  return out;
}

TEST(ValidateGoalsTest, GoodGoalTreePasses) { EXPECT_TRUE(RuleErrors(GoalFirm()).empty()); }

TEST(ValidateGoalsTest, OwnerMustBeOnTheTeam) {
  FirmData f = GoalFirm();
  f.goals.mut()[0].owner_id = "p2";  // a member: fine
  EXPECT_TRUE(RuleErrors(f).empty());
  f.goals.mut()[0].owner_id = "p3";
  EXPECT_EQ(RuleErrors(f),
            std::vector<std::string>{"g1.owner_id: goal g1: owner p3 is not on team t1"});
}

TEST(ValidateGoalsTest, PersonalGoalsAreNotParents) {
  FirmData f = GoalFirm();
  f.goals.mut()[0].team_id = "";
  EXPECT_EQ(RuleErrors(f),
            std::vector<std::string>{"g2.parent_id: goal g2: parent g1 is a personal goal"});
}

TEST(ValidateGoalsTest, EveryGoalOnACycleIsReported) {
  FirmData f = GoalFirm();
  Goal c = f.goals[1];
  c.id = "g3";
  c.parent_id = "g2";
  f.goals.push_back(c);  // g3 -> g2 -> g1
  Goal d = c;
  d.id = "g4";
  d.parent_id = "g3";
  f.goals.push_back(d);               // g4 hangs off the cycle, not on it
  f.goals.mut()[0].parent_id = "g3";  // g1 -> g3 closes g1 -> g3 -> g2 -> g1
  std::vector<std::string> errors = RuleErrors(f);
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0],
            "g1.parent_id: goal g1: aligning to g3 makes a cycle (g1 -> g3 -> g2 -> g1)");
  EXPECT_NE(errors[1].find("g2.parent_id"), std::string::npos);
  EXPECT_NE(errors[2].find("g3.parent_id"), std::string::npos);
}

// Against a brute force: a goal is on a cycle when following parents from it
// for n steps comes back to it.
TEST(ValidateGoalsTest, CyclesMatchBruteForceOnRandomForests) {
  uint64_t state = 7;
  auto next = [&](uint64_t n) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (state >> 33) % n;
  };
  for (int round = 0; round < 300; ++round) {
    const size_t n = 1 + next(12);
    FirmData f;
    f.teams = {{"t1", "One", "", "p1", "", false, {}}};
    for (size_t i = 0; i < n; ++i) {
      Goal g = GoodGoal();
      g.raci.clear();
      g.id = "g" + std::to_string(i);
      f.goals.push_back(g);
    }
    for (Goal& g : f.goals.mut()) {
      if (next(3) != 0) g.parent_id = "g" + std::to_string(next(n + 1));  // may dangle
    }
    std::set<std::string> expected;
    for (const Goal& g : f.goals) {
      std::string at = g.id;
      for (size_t step = 0; step < n; ++step) {
        auto it =
            std::find_if(f.goals.begin(), f.goals.end(), [&](const Goal& x) { return x.id == at; });
        if (it == f.goals.end() || it->parent_id.empty()) break;
        at = it->parent_id;
        if (at == g.id) {
          expected.insert(g.id);
          break;
        }
      }
    }
    std::vector<RecordError> errors;
    ValidateGoalRules(f, errors);
    std::set<std::string> found;
    for (const RecordError& e : errors) {
      if (e.field == "parent_id" && e.message.find("cycle") != std::string::npos)
        found.insert(e.id);
    }
    for (const Goal& g : f.goals) {  // a goal that is its own parent is a one-goal cycle too
      if (g.parent_id == g.id) expected.insert(g.id);
    }
    EXPECT_EQ(found, expected) << "round " << round;
  }
}

TEST(ValidateGoalsTest, AccountableOfARowMustBeOnTheTeam) {
  FirmData f = GoalFirm();
  f.deliverables = {{"d1",
                     "t1",
                     "Pack",
                     *ParseDate("2025-03-01"),
                     DeliverableStatus::kPlanned,
                     {{"p3", RaciRole::kAccountable}}}};
  f.client_relationships = {{"r1", "t2", "c1", "CFO", {{"p3", RaciRole::kAccountable}}}};
  EXPECT_EQ(RuleErrors(f),
            std::vector<std::string>{"d1.raci: deliverable d1: accountable p3 is not on team t1"});
}

TEST(ValidateGoalsTest, TeamKindAndEngagement) {
  Team t{"t1", "One", "", "p1", "", false, {}};
  t.engagement_id = "e1";
  std::vector<FieldError> errors;
  ValidateTeam(t, errors);
  EXPECT_EQ(Fields(errors), std::vector<std::string>{"engagement_id"});
  errors.clear();
  t.kind = TeamKind::kEngagement;
  ValidateTeam(t, errors);
  EXPECT_TRUE(errors.empty());
}

TEST(ValidateGoalsTest, RaciRolesParseLettersAndWords) {
  EXPECT_EQ(ParseRaciRole("A"), RaciRole::kAccountable);
  EXPECT_EQ(ParseRaciRole("c"), RaciRole::kConsulted);
  EXPECT_EQ(ParseRaciRole("informed"), RaciRole::kInformed);
  EXPECT_EQ(ParseRaciRole("X"), std::nullopt);
  EXPECT_EQ(ParseRaciRole(""), std::nullopt);
  EXPECT_EQ(ToString(RaciRole::kResponsible), "R");
}

}  // namespace
}  // namespace guild
