// The responsibility (RACI) check of one team, and grouping rows by team.
#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include "domain/validate.h"
#include "engine/goals/goals.h"

namespace guild::goals {

namespace {

constexpr std::array<std::string_view, 5> kWarningNames = {
    "no-accountable", "several-accountable", "member-without-role", "accountable-left-team",
    "leadership-team-too-large"};
constexpr std::array<std::string_view, 3> kRowKindNames = {"goal", "deliverable",
                                                           "client-relationship"};

// One row of the matrix as the check sees it.
struct Row {
  RaciRowKind kind;
  const std::string* id;
  std::string label;  // "Goal 'Acme renews'"
  std::vector<std::string_view> accountable;
};

class Checker {
 public:
  Checker(const TeamRows& rows, const RaciOptions& options, const NameOf& name_of)
      : rows_(rows), options_(options), name_of_(name_of) {}

  std::vector<RaciWarning> Run() {
    for (const Goal* g : rows_.goals) {
      Note(g->owner_id);
      for (const RaciEntry& e : g->raci) Note(e.person_id);
      Row row{RaciRowKind::kGoal, &g->id, "Goal '" + g->title + "'", {}};
      if (!g->owner_id.empty()) row.accountable.push_back(g->owner_id);
      CheckRow(row);
    }
    for (const Deliverable* d : rows_.deliverables) {
      if (d->status == DeliverableStatus::kCancelled) continue;
      CheckRaciRow(RaciRowKind::kDeliverable, d->id, "Deliverable '" + d->name + "'", d->raci);
    }
    for (const ClientRelationship* r : rows_.relationships) {
      std::string label = "Client relationship with " + r->client_id;
      if (!r->contact.empty()) label += " (" + r->contact + ")";
      CheckRaciRow(RaciRowKind::kClientRelationship, r->id, label, r->raci);
    }
    CheckMembers();
    CheckSize();
    return std::move(warnings_);
  }

 private:
  void Note(std::string_view person) { in_a_row_.insert(person); }

  void CheckRaciRow(RaciRowKind kind, const std::string& id, std::string label,
                    const std::vector<RaciEntry>& raci) {
    Row row{kind, &id, std::move(label), {}};
    for (const RaciEntry& e : raci) {
      Note(e.person_id);
      if (e.role == RaciRole::kAccountable) row.accountable.push_back(e.person_id);
    }
    CheckRow(row);
  }

  void CheckRow(const Row& row) {
    if (row.accountable.empty()) {
      Add(RaciWarningKind::kNoAccountable, row, "", row.label + " has no accountable person.");
    } else if (row.accountable.size() > 1) {
      std::string names;
      for (std::string_view p : row.accountable) {
        names += (names.empty() ? "" : " and ") + name_of_(p);
      }
      Add(RaciWarningKind::kSeveralAccountable, row, "",
          row.label + " has " + std::to_string(row.accountable.size()) + " accountable people (" +
              names + "); it needs exactly one.");
    }
    for (std::string_view p : row.accountable) {
      if (OnTeam(*rows_.team, p)) continue;
      Add(RaciWarningKind::kAccountableLeftTeam, row, std::string(p),
          row.label + ": accountable " + name_of_(p) + " is no longer on the team.");
    }
  }

  // Only a team with a matrix: a team with no goals, deliverables or client
  // relationships (a group that exists for check-ins) has no roles to miss.
  void CheckMembers() {
    if (in_a_row_.empty()) return;
    for (const TeamMember& m : rows_.team->members) {
      if (in_a_row_.count(m.person_id) > 0) continue;
      warnings_.push_back({RaciWarningKind::kMemberWithoutRole, RaciRowKind::kGoal, "", m.person_id,
                           name_of_(m.person_id) + " has no role in any goal, deliverable or "
                                                   "client relationship."});
    }
  }

  void CheckSize() {
    const Team& team = *rows_.team;
    if (!team.leadership_team) return;
    std::unordered_set<std::string_view> people;
    for (const TeamMember& m : team.members) people.insert(m.person_id);
    if (!team.leader_id.empty()) people.insert(team.leader_id);
    const int size = static_cast<int>(people.size());
    if (size <= options_.max_leadership_team) return;
    warnings_.push_back({RaciWarningKind::kLeadershipTeamTooLarge, RaciRowKind::kGoal, "", "",
                         "The leadership team has " + std::to_string(size) +
                             " people; the firm's bound is " +
                             std::to_string(options_.max_leadership_team) + "."});
  }

  void Add(RaciWarningKind kind, const Row& row, std::string person, std::string message) {
    warnings_.push_back({kind, row.kind, *row.id, std::move(person), std::move(message)});
  }

  const TeamRows& rows_;
  const RaciOptions& options_;
  const NameOf& name_of_;
  std::unordered_set<std::string_view> in_a_row_;
  std::vector<RaciWarning> warnings_;
};

}  // namespace

std::string_view ToString(RaciWarningKind kind) { return kWarningNames[static_cast<size_t>(kind)]; }

std::string_view ToString(RaciRowKind kind) { return kRowKindNames[static_cast<size_t>(kind)]; }

std::optional<RaciRowKind> ParseRaciRowKind(std::string_view text) {
  for (size_t i = 0; i < kRowKindNames.size(); ++i) {
    if (kRowKindNames[i] == text) return static_cast<RaciRowKind>(i);
  }
  return std::nullopt;
}

std::vector<RaciWarning> CheckTeamRoles(const TeamRows& rows, const RaciOptions& options,
                                        const NameOf& name_of) {
  return Checker(rows, options, name_of).Run();
}

std::vector<TeamRows> GroupRowsByTeam(const FirmData& data) {
  std::vector<TeamRows> out(data.teams.size());
  std::unordered_map<std::string_view, size_t> team_of;
  team_of.reserve(data.teams.size());
  for (size_t t = 0; t < data.teams.size(); ++t) {
    out[t].team = &data.teams[t];
    team_of.emplace(data.teams[t].id, t);
  }
  auto add = [&](const auto& items, auto member) {
    for (const auto& item : items) {
      auto it = team_of.find(item.team_id);
      if (it != team_of.end()) (out[it->second].*member).push_back(&item);
    }
  };
  add(data.goals, &TeamRows::goals);
  add(data.deliverables, &TeamRows::deliverables);
  add(data.client_relationships, &TeamRows::relationships);
  return out;
}

}  // namespace guild::goals
