// The demo firm's purpose, goals and roles: valid, aligned up the tree,
// measured over a year, and broken exactly where it is meant to be.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <unordered_map>

#include "demo/demo.h"
#include "demo/testing/demo_firm.h"
#include "domain/validate.h"
#include "engine/goals/goals.h"

namespace guild {
namespace {

using demo::testing::GenerateDemo;
using demo::testing::kDemoToday;

int Level(TeamKind kind) {
  switch (kind) {
    case TeamKind::kFirm: return 0;
    case TeamKind::kPractice: return 1;
    case TeamKind::kAccount: return 2;
    case TeamKind::kEngagement: return 3;
    default: return 4;
  }
}

// People teams (kOther) hold check-ins and are not in the goal tree.
bool InGoalTree(const Team& t) { return t.kind != TeamKind::kOther; }

size_t BrokenPerKind(const FirmData& f) {
  size_t teams = 0;
  for (const Team& t : f.teams) teams += InGoalTree(t) ? 1 : 0;
  return 1 + teams / 2000;
}

TEST(DemoGoals, EveryGoalValidAlignedUpwardsAndOwnedOnItsTeam) {
  for (int people : {50, 137, 1000}) {
    for (uint64_t seed : {1, 2, 99}) {
      SCOPED_TRACE(testing::Message() << "people=" << people << " seed=" << seed);
      const FirmData f = GenerateDemo(people, seed);
      std::unordered_map<std::string, const Team*> teams;
      for (const Team& t : f.teams) {
        teams[t.id] = &t;
        EXPECT_FALSE(t.purpose.empty()) << t.id;
        std::vector<FieldError> errors;
        ValidateTeam(t, errors);
        EXPECT_TRUE(errors.empty()) << t.id;
      }
      std::unordered_map<std::string, const Goal*> goals;
      std::map<std::string, int> per_team;
      for (const Goal& g : f.goals) {
        goals[g.id] = &g;
        std::vector<FieldError> errors;
        ValidateGoal(g, errors);
        EXPECT_TRUE(errors.empty()) << g.id << ": " << errors[0].field;
        if (!g.team_id.empty()) ++per_team[g.team_id];
      }
      for (const Team& t : f.teams) {
        if (!InGoalTree(t)) continue;
        EXPECT_GE(per_team[t.id], 2) << t.id;
        EXPECT_LE(per_team[t.id], 5) << t.id;
      }
      int aligned = 0;
      for (const Goal& g : f.goals) {
        if (g.parent_id.empty() || g.team_id.empty()) continue;
        ++aligned;
        const Goal* parent = goals.at(g.parent_id);
        EXPECT_LT(Level(teams.at(parent->team_id)->kind), Level(teams.at(g.team_id)->kind))
            << g.id << " aligns to " << parent->id;
      }
      EXPECT_GT(aligned, 0);
      std::vector<RecordError> rules;
      ValidateGoalRules(f, rules);
      for (const RecordError& e : rules) ADD_FAILURE() << e.message;
      for (const auto* kinds : {&f.goal_updates}) {
        for (const GoalUpdate& u : *kinds) {
          std::vector<FieldError> errors;
          ValidateGoalUpdate(u, errors);
          EXPECT_TRUE(errors.empty());
        }
      }
      for (const ClientLogEntry& e : f.client_log) {
        std::vector<FieldError> errors;
        ValidateClientLogEntry(e, errors);
        EXPECT_TRUE(errors.empty()) << e.id;
      }
      for (const PurposeChange& c : f.purpose_changes) {
        std::vector<FieldError> errors;
        ValidatePurposeChange(c, errors);
        EXPECT_TRUE(errors.empty());
        EXPECT_TRUE(teams.count(c.team_id));
      }
      for (const ClientRelationship& r : f.client_relationships) {
        std::vector<FieldError> errors;
        ValidateClientRelationship(r, errors);
        EXPECT_TRUE(errors.empty()) << r.id;
      }
    }
  }
}

// The RACI check finds exactly the deliberately broken teams: a few
// deliverables with two accountable people, a few with none, a few oversized
// leadership teams, and nothing else.
TEST(DemoGoals, WarningsShowExactlyTheBrokenTeams) {
  for (int people : {60, 1000, 5000}) {
    SCOPED_TRACE(people);
    const FirmData f = GenerateDemo(people, 3);
    std::map<std::string, size_t> counts;
    for (const goals::TeamRows& rows : goals::GroupRowsByTeam(f)) {
      if (!InGoalTree(*rows.team)) continue;
      for (const goals::RaciWarning& w :
           goals::CheckTeamRoles(rows, {}, [](std::string_view id) { return std::string(id); })) {
        ++counts[std::string(goals::ToString(w.kind))];
      }
    }
    const size_t expected = BrokenPerKind(f);
    EXPECT_EQ(counts["several-accountable"], expected);
    EXPECT_EQ(counts["no-accountable"], expected);
    EXPECT_EQ(counts["leadership-team-too-large"], expected);
    EXPECT_EQ(counts.size(), 3u);
    // The two-accountable rows are the only deliverables that fail validation.
    size_t invalid = 0;
    for (const Deliverable& d : f.deliverables) {
      std::vector<FieldError> errors;
      ValidateDeliverable(d, errors);
      invalid += errors.empty() ? 0 : 1;
    }
    EXPECT_EQ(invalid, expected);
  }
}

TEST(DemoGoals, AYearOfProgressAndEveryStatus) {
  const FirmData f = GenerateDemo(1000, 5);
  std::unordered_map<std::string, const Goal*> goals;
  for (const Goal& g : f.goals) goals[g.id] = &g;
  std::unordered_map<std::string, const GoalUpdate*> latest;
  std::set<std::pair<std::string, int32_t>> keys;
  Date first = kDemoToday;
  for (const GoalUpdate& u : f.goal_updates) {
    const Goal& g = *goals.at(u.goal_id);
    EXPECT_TRUE(keys.insert({u.goal_id, u.date.days}).second) << u.goal_id;
    EXPECT_GE(u.date, g.start_date);
    EXPECT_LE(u.date, kDemoToday);
    first = std::min(first, u.date);
    auto& l = latest[u.goal_id];
    if (l == nullptr || l->date < u.date) l = &u;
  }
  EXPECT_LE(first, AddDays(kDemoToday, -300));  // about a year of history
  for (const Goal& g : f.goals) {
    auto it = latest.find(g.id);
    if (it == latest.end()) {
      EXPECT_FALSE(g.current_value.has_value()) << g.id;
      continue;
    }
    EXPECT_EQ(g.current_value, it->second->value) << g.id;
    EXPECT_EQ(g.measured_on, it->second->date) << g.id;
  }
  std::map<goals::GoalStatus, int> statuses;
  for (const Goal& g : f.goals) ++statuses[goals::MeasureGoal(g, kDemoToday, {}).status];
  for (auto s : {goals::GoalStatus::kOnTrack, goals::GoalStatus::kAtRisk,
                 goals::GoalStatus::kOffTrack, goals::GoalStatus::kDone}) {
    EXPECT_GT(statuses[s], 0) << goals::ToString(s);
  }
  EXPECT_GT(f.client_log.size(), 0u);
  EXPECT_GT(f.purpose_changes.size(), 0u);
  size_t personal = 0, shared = 0;
  for (const Goal& g : f.goals) {
    if (!g.team_id.empty()) continue;
    ++personal;
    shared += g.shared ? 1 : 0;
  }
  EXPECT_GT(personal, 0u);
  EXPECT_GT(shared, 0u);
  EXPECT_LT(shared, personal);
}

TEST(DemoGoals, EveryTeamKindIsThere) {
  const FirmData f = GenerateDemo(300, 7);
  std::set<TeamKind> kinds;
  for (const Team& t : f.teams) kinds.insert(t.kind);
  EXPECT_EQ(kinds, (std::set<TeamKind>{TeamKind::kOther, TeamKind::kEngagement, TeamKind::kAccount,
                                       TeamKind::kPractice, TeamKind::kFirm}));
  std::set<std::string> engagement_ids;
  for (const Engagement& e : f.engagements) engagement_ids.insert(e.id);
  for (const Team& t : f.teams) {
    if (t.kind == TeamKind::kEngagement) {
      EXPECT_TRUE(engagement_ids.count(t.engagement_id)) << t.id;
    }
  }
}

}  // namespace
}  // namespace guild
