// GoalsService reads: the state per snapshot and day, team goals, the
// matrix, the brief, the account leadership page, a person's goals, one goal
// with its history, the client log and the firm-wide checks.
#include "service/goals/goals_service.h"

#include <algorithm>
#include <unordered_set>

#include "service/common/paging.h"
#include "service/goals/internal/history.h"

namespace guild {

namespace {

std::string NameOf(const FirmSnapshot& s, std::string_view id) {
  const Person* p = s.FindPerson(id);
  return p ? p->name : std::string(id);
}

}  // namespace

GoalsService::GoalsService(Store& store, SnapshotHolder& snapshots, FirmWriter& writer,
                           const Clock& clock, GoalsOptions options)
    : store_(store),
      snapshots_(snapshots),
      writer_(writer),
      clock_(clock),
      options_(std::move(options)) {}

Status GoalsService::Validate(const GoalsOptions& options) {
  RETURN_IF_ERROR(goals::CheckStatusOptions(options.status));
  if (options.raci.max_leadership_team < 1) {
    return InvalidField("max_leadership_team", "a whole number of at least 1");
  }
  return OkStatus();
}

Result<std::shared_ptr<const FirmSnapshot>> GoalsService::Snapshot() {
  auto snapshot = snapshots_.Current();
  if (!snapshot) return Unavailable("the firm's data is not loaded yet");
  return snapshot;
}

Result<GoalsStateRef> GoalsService::State() {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const Date today = clock_.Today();
  auto fits = [&](const GoalsStateRef& s) {
    return s && s->snapshot->version() == snapshot->version() && s->as_of == today;
  };
  GoalsStateRef current;
  {
    std::lock_guard lock(state_mu_);
    current = current_;
  }
  if (fits(current)) return current;
  std::unique_lock build(build_mu_, std::defer_lock);
  if (current && current->as_of == today) {
    if (!build.try_lock()) return current;  // another request computes the new state
  } else {
    build.lock();
  }
  {
    std::lock_guard lock(state_mu_);
    if (fits(current_)) return current_;
  }
  auto state = std::make_shared<GoalsState>();
  state->snapshot = snapshot;
  state->as_of = today;
  const std::vector<Goal>& all = snapshot->data().goals;
  state->measure.reserve(all.size());
  for (const Goal& g : all) state->measure.push_back(goals::MeasureGoal(g, today, options_.status));
  state->tree = goals::BuildGoalTree(all, today, options_.status);
  std::lock_guard lock(state_mu_);
  current_ = state;
  return GoalsStateRef(state);
}

Result<uint32_t> GoalsService::ReadableTeam(const Authorizer& authorizer, const Principal& viewer,
                                            std::string_view team_id) const {
  auto team = authorizer.snapshot().TeamIndex(team_id);
  if (!team) return NotFound("no team '" + std::string(team_id) + "'");
  // A team the viewer may not see answers as if it did not exist.
  if (!authorizer.CanReadTeam(viewer, team_id)) {
    return NotFound("no team '" + std::string(team_id) + "'");
  }
  return *team;
}

Result<uint32_t> GoalsService::ChangeableTeam(const Authorizer& authorizer, const Principal& viewer,
                                              std::string_view team_id,
                                              std::string_view refusal) const {
  ASSIGN_OR_RETURN(uint32_t team, ReadableTeam(authorizer, viewer, team_id));
  if (!authorizer.CanChangeTeam(viewer, team_id)) return PermissionDenied(std::string(refusal));
  return team;
}

GoalView GoalsService::ViewOf(const Authorizer& authorizer, const Principal& viewer, uint32_t goal,
                              const std::unordered_set<uint32_t>* on_page) const {
  const FirmSnapshot& s = authorizer.snapshot();
  const Goal& g = s.data().goals[goal];
  GoalView view;
  view.goal = goal;
  for (uint32_t child : s.ChildGoals(goal)) {
    if (!authorizer.CanReadGoalAt(viewer, child)) {
      ++view.hidden_children;
    } else if (on_page == nullptr || on_page->contains(child)) {
      view.children.push_back(child);
    } else {
      ++view.more_children;
    }
  }
  view.can_change = authorizer.CanChangeGoal(viewer, g);
  view.can_update = authorizer.CanUpdateGoalProgress(viewer, g);
  return view;
}

TeamGoals GoalsService::BuildTeamGoals(const GoalsStateRef& state, const Principal& viewer,
                                       uint32_t team) const {
  const FirmSnapshot& s = *state->snapshot;
  Authorizer authorizer(s);
  TeamGoals out;
  out.state = state;
  out.team = team;
  out.can_change = authorizer.CanChangeTeam(viewer, s.data().teams[team].id);
  for (uint32_t e : s.EngagementsOfTeam(team)) {
    const std::string& id = s.data().engagements[e].id;
    if (authorizer.CanReadClientLog(viewer, id)) {
      out.log_engagements.push_back({e, authorizer.CanWriteClientLog(viewer, id)});
    }
  }
  std::unordered_set<uint32_t> listed;
  std::vector<uint32_t> order;
  for (uint32_t g : s.GoalsOfTeam(team)) {
    listed.insert(g);
    order.push_back(g);
  }
  // Parents before children inside the team: sort by depth below the team's roots.
  auto depth = [&](uint32_t g) {
    int d = 0;
    for (auto p = state->tree.parent[g]; p && listed.count(*p) && d < 64;
         p = state->tree.parent[*p]) {
      ++d;
    }
    return d;
  };
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return depth(a) < depth(b); });
  std::vector<uint32_t> context;  // parents from other teams, nearest first
  for (uint32_t g : s.GoalsOfTeam(team)) {
    for (auto p = state->tree.parent[g]; p && !listed.count(*p); p = state->tree.parent[*p]) {
      if (!authorizer.CanReadGoal(viewer, s.data().goals[*p])) break;
      listed.insert(*p);
      context.push_back(*p);
    }
  }
  std::reverse(context.begin(), context.end());  // the top of the tree first
  // Goals of other teams aligned to the team's, a bounded number under each.
  std::vector<uint32_t> aligned;
  const auto max_aligned = static_cast<size_t>(std::max(0, options_.max_aligned_listed));
  for (uint32_t g : order) {
    size_t under_g = 0;
    for (uint32_t child : s.ChildGoals(g)) {
      if (under_g == max_aligned) break;
      if (listed.count(child) || !authorizer.CanReadGoalAt(viewer, child)) continue;
      listed.insert(child);
      aligned.push_back(child);
      ++under_g;
    }
  }
  // Each goal names the goals of this page aligned to it and counts the rest:
  // the firm's goals have thousands aligned, which the page does not list.
  for (const auto* part : {&context, &order, &aligned}) {
    for (uint32_t g : *part) out.goals.push_back(ViewOf(authorizer, viewer, g, &listed));
  }
  auto history = s.PurposeChangesOfTeam(team);
  out.purpose_history.assign(history.begin(), history.end());
  return out;
}

TeamRoles GoalsService::BuildTeamRoles(const GoalsStateRef& state, const Principal& viewer,
                                       uint32_t team) const {
  const FirmSnapshot& s = *state->snapshot;
  const FirmData& d = s.data();
  const Team& t = d.teams[team];
  TeamRoles out;
  out.state = state;
  out.team = team;
  out.can_change = Authorizer(s).CanChangeTeam(viewer, t.id);
  auto add_person = [&](std::string_view id) {
    auto p = s.PersonIndex(id);
    if (p && std::find(out.people.begin(), out.people.end(), *p) == out.people.end()) {
      out.people.push_back(*p);
    }
  };
  add_person(t.leader_id);
  for (const TeamMember& m : t.members) add_person(m.person_id);
  goals::TeamRows rows{&t, {}, {}, {}};
  for (uint32_t g : s.GoalsOfTeam(team)) {
    const Goal& goal = d.goals[g];
    rows.goals.push_back(&goal);
    RaciRow row{goals::RaciRowKind::kGoal, g, {{goal.owner_id, RaciRole::kAccountable}}};
    row.cells.insert(row.cells.end(), goal.raci.begin(), goal.raci.end());
    out.rows.push_back(std::move(row));
  }
  for (uint32_t i : s.DeliverablesOfTeam(team)) {
    rows.deliverables.push_back(&d.deliverables[i]);
    out.rows.push_back({goals::RaciRowKind::kDeliverable, i, d.deliverables[i].raci});
  }
  for (uint32_t i : s.RelationshipsOfTeam(team)) {
    rows.relationships.push_back(&d.client_relationships[i]);
    out.rows.push_back(
        {goals::RaciRowKind::kClientRelationship, i, d.client_relationships[i].raci});
  }
  out.warnings = goals::CheckTeamRoles(rows, options_.raci,
                                       [&](std::string_view id) { return NameOf(s, id); });
  return out;
}

Result<TeamGoals> GoalsService::GetTeamGoals(const Principal& viewer, std::string_view team_id) {
  ASSIGN_OR_RETURN(GoalsStateRef state, State());
  ASSIGN_OR_RETURN(uint32_t team, ReadableTeam(Authorizer(*state->snapshot), viewer, team_id));
  return BuildTeamGoals(state, viewer, team);
}

Result<TeamRoles> GoalsService::GetTeamRoles(const Principal& viewer, std::string_view team_id) {
  ASSIGN_OR_RETURN(GoalsStateRef state, State());
  ASSIGN_OR_RETURN(uint32_t team, ReadableTeam(Authorizer(*state->snapshot), viewer, team_id));
  return BuildTeamRoles(state, viewer, team);
}

Result<TeamBrief> GoalsService::GetBrief(const Principal& viewer, std::string_view team_id) {
  ASSIGN_OR_RETURN(GoalsStateRef state, State());
  const FirmSnapshot& s = *state->snapshot;
  Authorizer authorizer(s);
  ASSIGN_OR_RETURN(uint32_t team, ReadableTeam(authorizer, viewer, team_id));
  TeamBrief brief{BuildTeamGoals(state, viewer, team), BuildTeamRoles(state, viewer, team), {}};
  std::vector<std::string> engagements;
  for (uint32_t e : s.EngagementsOfTeam(team)) {
    const std::string& id = s.data().engagements[e].id;
    if (authorizer.CanReadClientLog(viewer, id)) engagements.push_back(id);
  }
  ASSIGN_OR_RETURN(brief.log, goals::internal::LatestLogEntries(store_, engagements,
                                                                options_.brief_log_entries));
  return brief;
}

Result<AccountLeadership> GoalsService::GetAccountLeadership(const Principal& viewer,
                                                             std::string_view client_id) {
  ASSIGN_OR_RETURN(GoalsStateRef state, State());
  const FirmSnapshot& s = *state->snapshot;
  Authorizer authorizer(s);
  auto client = s.ClientIndex(client_id);
  if (!client) return NotFound("no client '" + std::string(client_id) + "'");
  AccountLeadership out;
  out.state = state;
  out.client = *client;
  std::optional<uint32_t> team;
  for (uint32_t t = 0; t < s.data().teams.size(); ++t) {
    const Team& candidate = s.data().teams[t];
    if (candidate.client_id == client_id && candidate.leadership_team) {
      team = t;
      break;
    }
  }
  if (!team) {
    if (!authorizer.CanReadFirmWide(viewer)) {
      return NotFound("client " + std::string(client_id) + " has no leadership team you are on");
    }
    return out;
  }
  ASSIGN_OR_RETURN(uint32_t readable, ReadableTeam(authorizer, viewer, s.data().teams[*team].id));
  out.goals = BuildTeamGoals(state, viewer, readable);
  out.roles = BuildTeamRoles(state, viewer, readable);
  out.accountable = s.PersonIndex(s.data().teams[readable].leader_id);
  return out;
}

Result<GoalDetail> GoalsService::GetGoal(const Principal& viewer, std::string_view goal_id) {
  ASSIGN_OR_RETURN(GoalsStateRef state, State());
  const FirmSnapshot& s = *state->snapshot;
  Authorizer authorizer(s);
  auto goal = s.GoalIndex(goal_id);
  if (!goal) return NotFound("no goal '" + std::string(goal_id) + "'");
  const Goal& g = s.data().goals[*goal];
  if (!authorizer.CanReadGoal(viewer, g)) {
    return NotFound("no goal '" + std::string(goal_id) + "'");  // not even its existence
  }
  GoalDetail detail;
  detail.state = state;
  detail.view = ViewOf(authorizer, viewer, *goal);
  if (auto parent = state->tree.parent[*goal];
      parent && authorizer.CanReadGoal(viewer, s.data().goals[*parent])) {
    detail.parent = parent;
  }
  ASSIGN_OR_RETURN(detail.updates, goals::internal::UpdatesOf(store_, g.id, options_.max_history));
  return detail;
}

Result<PersonGoals> GoalsService::GoalsOf(const Principal& viewer, std::string_view person_id) {
  ASSIGN_OR_RETURN(GoalsStateRef state, State());
  const FirmSnapshot& s = *state->snapshot;
  Authorizer authorizer(s);
  auto person = s.PersonIndex(person_id);
  if (!person) return NotFound("no person '" + std::string(person_id) + "'");
  PersonGoals out;
  out.state = state;
  out.person = *person;
  for (uint32_t g : s.GoalsOfPerson(*person)) {
    const Goal& goal = s.data().goals[g];
    if (!authorizer.CanReadGoal(viewer, goal)) continue;
    (goal.team_id.empty() ? out.personal : out.team).push_back(ViewOf(authorizer, viewer, g));
  }
  return out;
}

Result<LogPage> GoalsService::GetLog(const Principal& viewer, std::string_view engagement_id,
                                     int limit, std::string_view cursor) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  Authorizer authorizer(*snapshot);
  if (!snapshot->EngagementIndex(engagement_id)) {
    return NotFound("no engagement '" + std::string(engagement_id) + "'");
  }
  if (!authorizer.CanReadClientLog(viewer, engagement_id)) {
    return NotFound("no engagement '" + std::string(engagement_id) + "'");
  }
  if (limit < 1 || limit > options_.max_log_entries) {
    return InvalidField("limit",
                        "a whole number from 1 to " + std::to_string(options_.max_log_entries),
                        std::to_string(limit), "query");
  }
  const auto bad_cursor = [&] {
    return InvalidField("cursor", "a next_cursor from a previous page of this log",
                        std::string(cursor), "query");
  };
  std::string after;
  if (!cursor.empty()) {
    auto key = DecodeCursor(cursor);
    if (!key.ok() || key->empty()) return bad_cursor();
    after = std::move(*key);
  }
  auto rows = goals::internal::LogEntriesOf(store_, engagement_id, limit, after);
  if (!rows.ok()) {
    // A cursor that decodes but that the store cannot place.
    if (!after.empty() && rows.status().code() == StatusCode::kInvalidArgument) {
      return bad_cursor();
    }
    return rows.status();
  }
  LogPage page{std::move(rows->entries), {}};
  if (!rows->next.empty()) page.next_cursor = EncodeCursor(rows->next);
  return page;
}

Result<FirmRolesCheck> GoalsService::CheckAllTeams(const Principal& viewer) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  if (!Authorizer(*snapshot).CanReadFirmWide(viewer)) {
    return PermissionDenied("the firm-wide check is for firm leaders and administrators");
  }
  FirmRolesCheck out;
  out.snapshot = snapshot;
  const FirmSnapshot& s = *snapshot;
  const auto name_of = [&](std::string_view id) { return NameOf(s, id); };
  std::vector<goals::TeamRows> rows = goals::GroupRowsByTeam(s.data());
  for (uint32_t t = 0; t < rows.size(); ++t) {
    std::vector<goals::RaciWarning> warnings =
        goals::CheckTeamRoles(rows[t], options_.raci, name_of);
    if (warnings.empty()) continue;
    out.warnings += warnings.size();
    out.teams.emplace_back(t, std::move(warnings));
  }
  return out;
}

}  // namespace guild
