// Validation of purpose changes, goals, progress updates, deliverables,
// client relationships and client log entries (validate.h).
#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <set>
#include <unordered_map>

#include "domain/internal/validate_rules.h"
#include "domain/validate.h"

namespace guild {

namespace {

using internal::Blank;
using internal::LimitText;
using internal::Require;
using internal::RequireId;

void RequireText(const std::string& text, const char* field, const char* expected,
                 std::vector<FieldError>& errors) {
  internal::RequireText(text, kMaxShortTextBytes, field, expected, errors);
}

constexpr const char* kShortTextLimit = "text of at most 2000 bytes";
constexpr const char* kLongTextLimit = "text of at most 8000 bytes";

// Person ids set, each person once; `accountable` counts the A entries.
void CheckRaci(const std::vector<RaciEntry>& raci, std::vector<FieldError>& errors,
               int& accountable) {
  std::set<std::string_view> seen;
  bool unique = true;
  bool ids = true;
  accountable = 0;
  for (const RaciEntry& e : raci) {
    ids = ids && !Blank(e.person_id);
    unique = seen.insert(e.person_id).second && unique;
    if (e.role == RaciRole::kAccountable) ++accountable;
  }
  Require(ids, "raci", "person ids, each with a role R, A, C or I", errors);
  Require(unique, "raci", "each person at most once", errors);
}

void CheckRowRaci(const std::vector<RaciEntry>& raci, std::vector<FieldError>& errors) {
  int accountable = 0;
  CheckRaci(raci, errors, accountable);
  Require(accountable <= 1, "raci", "at most one accountable (A) person on a row", errors);
}

}  // namespace

bool OnTeam(const Team& team, std::string_view person_id) {
  if (person_id.empty()) return false;
  if (team.leader_id == person_id) return true;
  return std::any_of(team.members.begin(), team.members.end(),
                     [&](const TeamMember& m) { return m.person_id == person_id; });
}

void ValidateGoal(const Goal& g, std::vector<FieldError>& errors) {
  RequireId(g.id, "id", errors);
  RequireText(g.title, "title", "a non-empty title of at most 2000 bytes", errors);
  RequireText(g.metric, "metric", "a non-empty metric of at most 2000 bytes", errors);
  LimitText(g.unit, kMaxShortTextBytes, "unit", kShortTextLimit, errors);
  Require(std::isfinite(g.start_value), "start_value", "a finite number", errors);
  Require(std::isfinite(g.target_value) && g.target_value != g.start_value, "target_value",
          "a finite number different from start_value", errors);
  if (g.target_value != g.start_value) {
    const bool up = g.target_value > g.start_value;
    Require(up == (g.direction == GoalDirection::kUp), "direction",
            "up when target_value is above start_value, down when it is below", errors);
  }
  Require(g.due_date > g.start_date, "due_date", "a date after start_date", errors);
  Require(!Blank(g.owner_id), "owner_id", "the id of the goal's one accountable owner", errors);
  int accountable = 0;
  CheckRaci(g.raci, errors, accountable);
  Require(accountable == 0, "raci",
          "R, C or I entries: the owner is the goal's one accountable person", errors);
  Require(std::none_of(g.raci.begin(), g.raci.end(),
                       [&](const RaciEntry& e) { return e.person_id == g.owner_id; }),
          "raci", "people other than the owner (the owner is accountable)", errors);
  Require(g.parent_id.empty() || g.parent_id != g.id, "parent_id", "a goal other than itself",
          errors);
  Require(g.current_value.has_value() == g.measured_on.has_value(), "measured_on",
          "a date exactly when current_value is set", errors);
  if (g.current_value) {
    Require(std::isfinite(*g.current_value), "current_value", "a finite number", errors);
  }
}

void ValidateGoalUpdate(const GoalUpdate& u, std::vector<FieldError>& errors) {
  RequireId(u.goal_id, "goal_id", errors);
  Require(std::isfinite(u.value), "value", "a finite number", errors);
  LimitText(u.comment, kMaxLongTextBytes, "comment", kLongTextLimit, errors);
}

void ValidateDeliverable(const Deliverable& d, std::vector<FieldError>& errors) {
  RequireId(d.id, "id", errors);
  RequireId(d.team_id, "team_id", errors);
  RequireText(d.name, "name", "a non-empty name of at most 2000 bytes", errors);
  Require(ParseDeliverableStatus(ToString(d.status)).has_value(), "status",
          "one of planned, in-progress, done, cancelled", errors);
  CheckRowRaci(d.raci, errors);
}

void ValidateClientRelationship(const ClientRelationship& r, std::vector<FieldError>& errors) {
  RequireId(r.id, "id", errors);
  RequireId(r.team_id, "team_id", errors);
  RequireId(r.client_id, "client_id", errors);
  LimitText(r.contact, kMaxShortTextBytes, "contact", kShortTextLimit, errors);
  CheckRowRaci(r.raci, errors);
}

void ValidatePurposeChange(const PurposeChange& c, std::vector<FieldError>& errors) {
  RequireId(c.team_id, "team_id", errors);
  LimitText(c.before, kMaxShortTextBytes, "before", kShortTextLimit, errors);
  LimitText(c.after, kMaxShortTextBytes, "after", kShortTextLimit, errors);
}

void ValidateClientLogEntry(const ClientLogEntry& e, std::vector<FieldError>& errors) {
  RequireId(e.id, "id", errors);
  RequireId(e.engagement_id, "engagement_id", errors);
  Require(!Blank(e.changed) && e.changed.size() <= kMaxLongTextBytes, "changed",
          "a non-empty note of what changed for the client, at most 8000 bytes", errors);
  LimitText(e.issues, kMaxLongTextBytes, "issues", kLongTextLimit, errors);
  LimitText(e.resolution, kMaxLongTextBytes, "resolution", kLongTextLimit, errors);
}

namespace {

const RaciEntry* Accountable(const std::vector<RaciEntry>& raci) {
  for (const RaciEntry& e : raci) {
    if (e.role == RaciRole::kAccountable) return &e;
  }
  return nullptr;
}

template <typename Row>
void CheckAccountableOnTeam(const std::vector<Row>& rows, EntityKind kind, const char* noun,
                            const std::unordered_map<std::string_view, const Team*>& teams,
                            std::vector<RecordError>& errors) {
  for (const Row& row : rows) {
    auto team = teams.find(row.team_id);
    const RaciEntry* a = Accountable(row.raci);
    if (team == teams.end() || a == nullptr || OnTeam(*team->second, a->person_id)) continue;
    errors.push_back({kind, row.id, "raci",
                      std::string(noun) + " " + row.id + ": accountable " + a->person_id +
                          " is not on team " + row.team_id});
  }
}

// Every goal on a cycle of parent links, with the cycle as text from that goal.
void CheckCycles(const std::vector<Goal>& goals,
                 const std::unordered_map<std::string_view, size_t>& by_id,
                 std::vector<RecordError>& errors) {
  constexpr int kUnvisited = -1;
  std::vector<int> walk(goals.size(), kUnvisited);  // which walk first reached the goal
  std::vector<std::vector<size_t>> cycles;          // each cycle, in parent order
  std::vector<std::pair<size_t, size_t>> on_cycle(goals.size(), {SIZE_MAX, 0});  // (cycle, index)
  for (size_t start = 0; start < goals.size(); ++start) {
    if (walk[start] != kUnvisited) continue;
    std::vector<size_t> path;
    size_t at = start;
    while (true) {
      walk[at] = static_cast<int>(start);
      path.push_back(at);
      auto parent = by_id.find(goals[at].parent_id);
      if (goals[at].parent_id.empty() || parent == by_id.end()) break;
      at = parent->second;
      if (walk[at] == kUnvisited) continue;
      if (walk[at] == static_cast<int>(start)) {  // back on this walk: a cycle from `at`
        std::vector<size_t> cycle(std::find(path.begin(), path.end(), at), path.end());
        for (size_t k = 0; k < cycle.size(); ++k) on_cycle[cycle[k]] = {cycles.size(), k};
        cycles.push_back(std::move(cycle));
      }
      break;
    }
  }
  for (size_t i = 0; i < goals.size(); ++i) {
    const auto [c, k] = on_cycle[i];
    if (c == SIZE_MAX) continue;
    const std::vector<size_t>& cycle = cycles[c];
    std::string text;
    for (size_t step = 0; step <= cycle.size(); ++step) {
      text += (step == 0 ? "" : " -> ") + goals[cycle[(k + step) % cycle.size()]].id;
    }
    errors.push_back({EntityKind::kGoals, goals[i].id, "parent_id",
                      "goal " + goals[i].id + ": aligning to " + goals[i].parent_id +
                          " makes a cycle (" + text + ")"});
  }
}

}  // namespace

void ValidateGoalRules(const FirmData& data, std::vector<RecordError>& errors) {
  std::unordered_map<std::string_view, const Team*> teams;
  teams.reserve(data.teams.size());
  for (const Team& t : data.teams) teams[t.id] = &t;
  std::unordered_map<std::string_view, size_t> goals;
  goals.reserve(data.goals.size());
  for (size_t i = 0; i < data.goals.size(); ++i) goals[data.goals[i].id] = i;
  for (const Goal& g : data.goals) {
    auto team = teams.find(g.team_id);
    if (!g.team_id.empty() && !g.owner_id.empty() && team != teams.end() &&
        !OnTeam(*team->second, g.owner_id)) {
      errors.push_back({EntityKind::kGoals, g.id, "owner_id",
                        "goal " + g.id + ": owner " + g.owner_id + " is not on team " + g.team_id});
    }
    auto parent = goals.find(g.parent_id);
    if (!g.parent_id.empty() && parent != goals.end() &&
        data.goals[parent->second].team_id.empty()) {
      errors.push_back({EntityKind::kGoals, g.id, "parent_id",
                        "goal " + g.id + ": parent " + g.parent_id + " is a personal goal"});
    }
  }
  CheckAccountableOnTeam(data.deliverables.get(), EntityKind::kDeliverables, "deliverable", teams,
                         errors);
  CheckAccountableOnTeam(data.client_relationships.get(), EntityKind::kClientRelationships,
                         "client relationship", teams, errors);
  CheckCycles(data.goals, goals, errors);
}

}  // namespace guild
