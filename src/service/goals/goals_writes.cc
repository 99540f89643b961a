// GoalsService writes: goals, progress, purpose, the matrix, deliverables,
// client relationships and the client log. Each checks access, validates
// the new entities against the snapshot, and commits them in one batch.
#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>

#include "domain/validate.h"
#include "service/accounts/crypto.h"
#include "service/goals/goals_service.h"

namespace guild {

namespace {

constexpr size_t kGeneratedIdChars = 12;

Status Bad(std::string_view field, std::string_view expected) {
  return InvalidField(std::string(field), std::string(expected));
}

// The first broken rule of a value as a field error.
Status FirstFieldError(const std::vector<FieldError>& errors) {
  if (errors.empty()) return OkStatus();
  return Bad(errors.front().field, errors.front().expected);
}

std::string NewId(std::string_view prefix) {
  std::string token = GenerateToken("");
  return std::string(prefix) + token.substr(0, kGeneratedIdChars);
}

template <typename T>
void Set(std::optional<T> const& value, T& out) {
  if (value) out = *value;
}

Status CheckPerson(const FirmSnapshot& s, std::string_view field, std::string_view id) {
  if (s.PersonIndex(id)) return OkStatus();
  return Bad(field, "the id of an existing person (no person '" + std::string(id) + "')");
}

Status CheckRaciPeople(const FirmSnapshot& s, const std::vector<RaciEntry>& raci) {
  for (const RaciEntry& e : raci) RETURN_IF_ERROR(CheckPerson(s, "raci", e.person_id));
  return OkStatus();
}

// The rules of ValidateGoalRules that concern `id`, over `data`.
Status RuleErrorsOf(const FirmData& data, std::string_view id) {
  std::vector<RecordError> errors;
  ValidateGoalRules(data, errors);
  for (const RecordError& e : errors) {
    if (e.id != id) continue;
    if (e.field == "owner_id") {
      return Bad("owner_id", "a member or the leader of the team (" + e.message + ")");
    }
    if (e.field == "parent_id") {
      return Bad("parent_id",
                 "a team goal that does not lead back to this one (" + e.message + ")");
    }
    return Bad("raci", "an accountable person on the team (" + e.message + ")");
  }
  return OkStatus();
}

// The first rule `item` breaks (by `validate`, domain/validate.h) as a field error.
template <typename T>
Status FirstBrokenRule(const T& item, void (*validate)(const T&, std::vector<FieldError>&)) {
  std::vector<FieldError> errors;
  validate(item, errors);
  return FirstFieldError(errors);
}

// A batch that upserts `item` alone into `kind` (&FirmData::deliverables, ...).
template <typename T>
FirmData Alone(SharedVector<T> FirmData::*kind, T item) {
  FirmData batch;
  (batch.*kind).push_back(std::move(item));
  return batch;
}

// The goal `id` as the viewer may read it: absent and unreadable (a private
// goal: not even its existence) are the same kNotFound.
Result<const Goal*> ReadableGoal(const Authorizer& authorizer, const Principal& viewer,
                                 std::string_view id) {
  const Goal* goal = authorizer.snapshot().FindGoal(id);
  if (goal == nullptr || !authorizer.CanReadGoal(viewer, *goal)) {
    return NotFound("no goal '" + std::string(id) + "'");
  }
  return goal;
}

// Whether the viewer may change an item of a team (a deliverable, a client
// relationship) whose team is `team_id` (null: there is no such item): the
// item of a team they may not read is kNotFound (`what` 'id'), one they may
// read but not change kPermissionDenied(`refusal`).
Status ChangeableTeamItem(const Authorizer& authorizer, const Principal& viewer,
                          const std::string* team_id, std::string_view what, std::string_view id,
                          std::string_view refusal) {
  if (team_id == nullptr || !authorizer.CanReadTeam(viewer, *team_id)) {
    return NotFound("no " + std::string(what) + " '" + std::string(id) + "'");
  }
  if (!authorizer.CanChangeTeam(viewer, *team_id)) return PermissionDenied(std::string(refusal));
  return OkStatus();
}

// Sets, replaces or (role unset) removes `person` in `raci`.
void SetCell(std::vector<RaciEntry>& raci, const std::string& person,
             std::optional<RaciRole> role) {
  auto it = std::find_if(raci.begin(), raci.end(),
                         [&](const RaciEntry& e) { return e.person_id == person; });
  if (!role) {
    if (it != raci.end()) raci.erase(it);
    return;
  }
  if (it != raci.end()) {
    it->role = *role;
  } else {
    raci.push_back({person, *role});
  }
}

}  // namespace

Status GoalsService::Commit(const Principal& actor, FirmChange change, std::string_view action,
                            std::string_view entity, std::string_view entity_id,
                            std::string_view detail) {
  WriteRequest request{std::move(change),
                       AuditEntry{0, 0, actor.user_id, std::string(action), std::string(entity),
                                  std::string(entity_id), std::string(detail)},
                       ""};
  return writer_.Commit(request).status();
}

Status GoalsService::Commit(const Principal& actor, FirmData upserts, std::string_view action,
                            std::string_view entity, std::string_view entity_id,
                            std::string_view detail) {
  return Commit(actor, FirmChange{std::move(upserts), {}}, action, entity, entity_id, detail);
}

Status GoalsService::CommitDelete(const Principal& actor, EntityKind kind, const std::string& id,
                                  std::string_view action) {
  FirmChange change;
  change.deletes.push_back({kind, {id}});
  return Commit(actor, std::move(change), action, ToString(kind), id, "");
}

Status GoalsService::CheckGoal(const FirmSnapshot& s, const Goal& goal) const {
  RETURN_IF_ERROR(FirstBrokenRule(goal, &ValidateGoal));
  if (!goal.team_id.empty() && !s.TeamIndex(goal.team_id)) {
    return Bad("team_id", "the id of an existing team (no team '" + goal.team_id + "')");
  }
  RETURN_IF_ERROR(CheckPerson(s, "owner_id", goal.owner_id));
  RETURN_IF_ERROR(CheckRaciPeople(s, goal.raci));
  if (!goal.parent_id.empty() && !s.GoalIndex(goal.parent_id)) {
    return Bad("parent_id", "the id of an existing goal (no goal '" + goal.parent_id + "')");
  }
  // The goal's team and the chain of goals above it are all the rules need.
  FirmData data;
  if (const Team* team = s.FindTeam(goal.team_id)) data.teams.push_back(*team);
  for (const Goal* up = s.FindGoal(goal.parent_id);
       up != nullptr && up->id != goal.id && data.goals.size() <= s.data().goals.size();
       up = s.FindGoal(up->parent_id)) {
    data.goals.push_back(*up);
  }
  data.goals.push_back(goal);
  return RuleErrorsOf(data, goal.id);
}

Result<Goal> GoalsService::CreateGoal(const Principal& actor, const GoalDraft& draft) {
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  Authorizer authorizer(s);
  Goal g;
  g.id = draft.id.value_or(NewId("g-"));
  if (s.GoalIndex(g.id)) return AlreadyExists("id: goal '" + g.id + "' exists already");
  g.team_id = draft.team_id.value_or("");
  if (g.team_id.empty()) {
    if (!authorizer.CanCreatePersonalGoal(actor, actor.person_id)) {
      return PermissionDenied("a personal goal needs an account linked to a person");
    }
    g.owner_id = actor.person_id;
    if (draft.owner_id && *draft.owner_id != actor.person_id) {
      return Bad("owner_id", "your own person id (" + actor.person_id + ") for a personal goal");
    }
  } else {
    if (!s.TeamIndex(g.team_id) || !authorizer.CanReadTeam(actor, g.team_id)) {
      return NotFound("team_id: no team '" + g.team_id + "'");
    }
    if (!authorizer.CanChangeTeam(actor, g.team_id)) {
      return PermissionDenied("only the leaders of team " + g.team_id + " set its goals");
    }
    if (!draft.owner_id || draft.owner_id->empty()) {
      return Bad("owner_id", "the id of the goal's one accountable owner, on the team");
    }
    g.owner_id = *draft.owner_id;
  }
  if (!draft.title) return Bad("title", "a non-empty title");
  if (!draft.metric) return Bad("metric", "what the goal measures, e.g. \"client satisfaction\"");
  if (!draft.start_value) return Bad("start_value", "a number: where the metric stands now");
  if (!draft.target_value) return Bad("target_value", "a number: where the metric should get to");
  if (!draft.due_date) return Bad("due_date", "a date YYYY-MM-DD after start_date");
  g.title = *draft.title;
  g.metric = *draft.metric;
  Set(draft.unit, g.unit);
  g.start_value = *draft.start_value;
  g.target_value = *draft.target_value;
  g.direction = draft.direction.value_or(g.target_value > g.start_value ? GoalDirection::kUp
                                                                        : GoalDirection::kDown);
  g.start_date = draft.start_date.value_or(clock_.Today());
  g.due_date = *draft.due_date;
  Set(draft.raci, g.raci);
  Set(draft.parent_id, g.parent_id);
  Set(draft.shared, g.shared);
  RETURN_IF_ERROR(CheckGoal(s, g));
  RETURN_IF_ERROR(Commit(actor, Alone(&FirmData::goals, g), "goal.create", "goal", g.id, g.title));
  return g;
}

Result<Goal> GoalsService::UpdateGoal(const Principal& actor, std::string_view goal_id,
                                      const GoalDraft& change) {
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  Authorizer authorizer(s);
  ASSIGN_OR_RETURN(const Goal* found, ReadableGoal(authorizer, actor, goal_id));
  if (!authorizer.CanChangeGoal(actor, *found)) {
    return PermissionDenied("only the leaders of the goal's team change it");
  }
  if (change.id && *change.id != found->id) {
    return Bad("id", "the goal's own id (ids never change)");
  }
  if (change.team_id && *change.team_id != found->team_id) {
    return Bad("team_id", "the goal's own team (create a new goal for another team)");
  }
  Goal g = *found;
  Set(change.title, g.title);
  Set(change.metric, g.metric);
  Set(change.unit, g.unit);
  Set(change.start_value, g.start_value);
  Set(change.target_value, g.target_value);
  Set(change.direction, g.direction);
  Set(change.start_date, g.start_date);
  Set(change.due_date, g.due_date);
  Set(change.owner_id, g.owner_id);
  Set(change.raci, g.raci);
  Set(change.parent_id, g.parent_id);
  Set(change.shared, g.shared);
  if (g.team_id.empty() && g.owner_id != found->owner_id) {
    return Bad("owner_id", "the person's own id: a personal goal stays theirs");
  }
  RETURN_IF_ERROR(CheckGoal(s, g));
  RETURN_IF_ERROR(Commit(actor, Alone(&FirmData::goals, g), "goal.update", "goal", g.id, g.title));
  return g;
}

Status GoalsService::DeleteGoal(const Principal& actor, std::string_view goal_id) {
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  Authorizer authorizer(*snapshot);
  ASSIGN_OR_RETURN(const Goal* found, ReadableGoal(authorizer, actor, goal_id));
  if (!authorizer.CanChangeGoal(actor, *found)) {
    return PermissionDenied("only the leaders of the goal's team delete it");
  }
  if (!snapshot->ChildGoals(*snapshot->GoalIndex(goal_id)).empty()) {
    return FailedPrecondition("goal " + found->id +
                              " has goals aligned to it; align them elsewhere first");
  }
  return CommitDelete(actor, EntityKind::kGoals, found->id, "goal.delete");
}

Result<GoalUpdate> GoalsService::AddProgress(const Principal& actor, std::string_view goal_id,
                                             const ProgressDraft& draft) {
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  Authorizer authorizer(*snapshot);
  ASSIGN_OR_RETURN(const Goal* found, ReadableGoal(authorizer, actor, goal_id));
  if (!authorizer.CanUpdateGoalProgress(actor, *found)) {
    return PermissionDenied(
        "progress is written by the goal's owner, its contributors and its team's leaders");
  }
  const Date today = clock_.Today();
  GoalUpdate u{found->id, draft.date.value_or(today), draft.value, draft.comment, actor.person_id};
  if (u.date > today) return Bad("date", "a date on or before today (" + FormatDate(today) + ")");
  RETURN_IF_ERROR(FirstBrokenRule(u, &ValidateGoalUpdate));
  FirmData batch = Alone(&FirmData::goal_updates, u);
  if (!found->measured_on || u.date >= *found->measured_on) {
    Goal moved = *found;
    moved.current_value = u.value;
    moved.measured_on = u.date;
    batch.goals.push_back(std::move(moved));
  }
  RETURN_IF_ERROR(Commit(actor, std::move(batch), "goal.progress", "goal", found->id,
                         FormatDate(u.date) + " " + std::to_string(u.value)));
  return u;
}

Result<PurposeChange> GoalsService::SetPurpose(const Principal& actor, std::string_view team_id,
                                               std::string_view purpose,
                                               std::span<const std::string> if_match) {
  std::lock_guard lock(write_mu_);
  std::lock_guard record(writer_.RecordLock(EntityKind::kTeams, team_id));
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  ASSIGN_OR_RETURN(
      const uint32_t team,
      ChangeableTeam(Authorizer(s), actor, team_id, "only the team's leaders change its purpose"));
  const bool blank = std::all_of(purpose.begin(), purpose.end(),
                                 [](unsigned char c) { return std::isspace(c) != 0; });
  if (blank || purpose.size() > kMaxShortTextBytes) {
    return Bad("purpose", "the end the team serves for the client or the firm, 1 to 2000 bytes");
  }
  Team changed = s.data().teams[team];
  RETURN_IF_ERROR(CheckTeamVersion(changed, if_match));
  PurposeChange change{changed.id, clock_.NowSeconds(), actor.person_id, changed.purpose,
                       std::string(purpose)};
  auto history = s.PurposeChangesOfTeam(team);
  if (!history.empty()) {
    change.at = std::max(change.at, s.data().purpose_changes[history.back()].at + 1);
  }
  if (change.before == change.after) return change;  // nothing to record
  changed.purpose = change.after;
  FirmData batch;
  batch.teams.push_back(std::move(changed));
  batch.purpose_changes.push_back(change);
  RETURN_IF_ERROR(Commit(actor, std::move(batch), "team.purpose", "team", change.team_id, ""));
  return change;
}

Status GoalsService::SetRaci(const Principal& actor, std::string_view team_id,
                             const std::vector<RaciCellChange>& changes) {
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  ASSIGN_OR_RETURN(const uint32_t team,
                   ChangeableTeam(Authorizer(s), actor, team_id,
                                  "only the team's leaders change who does what"));
  if (changes.empty()) return Bad("changes", "at least one cell to set");
  std::map<std::string, Goal> goals;
  std::map<std::string, Deliverable> deliverables;
  std::map<std::string, ClientRelationship> relationships;
  for (const RaciCellChange& c : changes) {
    RETURN_IF_ERROR(CheckPerson(s, "person_id", c.person_id));
    const std::string not_row = "a goal, deliverable or client relationship of team " +
                                std::string(team_id) + " (no " +
                                std::string(goals::ToString(c.row_kind)) + " '" + c.row_id + "')";
    switch (c.row_kind) {
      case goals::RaciRowKind::kGoal: {
        const Goal* g = s.FindGoal(c.row_id);
        if (g == nullptr || g->team_id != team_id) return Bad("row_id", not_row);
        Goal& goal = goals.try_emplace(g->id, *g).first->second;
        if (c.role == RaciRole::kAccountable && !OnTeam(s.data().teams[team], c.person_id)) {
          return Bad("person_id", "a member or the leader of team " + std::string(team_id) +
                                      " to be accountable for a goal");
        }
        if (c.role == RaciRole::kAccountable) {
          if (goal.owner_id != c.person_id) {
            SetCell(goal.raci, goal.owner_id, RaciRole::kResponsible);
            goal.owner_id = c.person_id;
          }
          SetCell(goal.raci, c.person_id, std::nullopt);
        } else if (goal.owner_id == c.person_id) {
          return Bad("role",
                     "A for the goal's owner: a goal keeps one accountable person; make "
                     "another person accountable instead");
        } else {
          SetCell(goal.raci, c.person_id, c.role);
        }
        break;
      }
      case goals::RaciRowKind::kDeliverable: {
        auto i = s.DeliverableIndex(c.row_id);
        if (!i || s.data().deliverables[*i].team_id != team_id) return Bad("row_id", not_row);
        Deliverable& d =
            deliverables.try_emplace(c.row_id, s.data().deliverables[*i]).first->second;
        SetCell(d.raci, c.person_id, c.role);
        break;
      }
      case goals::RaciRowKind::kClientRelationship: {
        auto i = s.RelationshipIndex(c.row_id);
        if (!i || s.data().client_relationships[*i].team_id != team_id) {
          return Bad("row_id", not_row);
        }
        ClientRelationship& r =
            relationships.try_emplace(c.row_id, s.data().client_relationships[*i]).first->second;
        SetCell(r.raci, c.person_id, c.role);
        break;
      }
    }
  }
  FirmData batch;
  FirmData rules;
  rules.teams.push_back(s.data().teams[team]);
  for (auto& [id, goal] : goals) {
    RETURN_IF_ERROR(CheckGoal(s, goal));
    batch.goals.push_back(std::move(goal));
  }
  auto check_row = [&](const auto& row, auto validate) -> Status {
    std::vector<FieldError> errors;
    validate(row, errors);
    if (!errors.empty()) {
      return Bad("role", errors.front().expected + " (row " + row.id + ")");
    }
    return OkStatus();
  };
  for (auto& [id, d] : deliverables) {
    RETURN_IF_ERROR(check_row(d, &ValidateDeliverable));
    rules.deliverables.push_back(d);
    batch.deliverables.push_back(std::move(d));
  }
  for (auto& [id, r] : relationships) {
    RETURN_IF_ERROR(check_row(r, &ValidateClientRelationship));
    rules.client_relationships.push_back(r);
    batch.client_relationships.push_back(std::move(r));
  }
  std::vector<RecordError> errors;
  ValidateGoalRules(rules, errors);
  if (!errors.empty()) {
    return Bad("person_id",
               "a member or the leader of the team for A (" + errors.front().message + ")");
  }
  return Commit(actor, std::move(batch), "team.raci", "team", team_id,
                std::to_string(changes.size()) + " cells");
}

Result<Deliverable> GoalsService::CreateDeliverable(const Principal& actor,
                                                    std::string_view team_id,
                                                    const DeliverableDraft& draft) {
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  RETURN_IF_ERROR(ChangeableTeam(Authorizer(*snapshot), actor, team_id,
                                 "only the team's leaders add its deliverables")
                      .status());
  Deliverable d;
  d.id = draft.id.value_or(NewId("d-"));
  if (snapshot->DeliverableIndex(d.id)) {
    return AlreadyExists("id: deliverable '" + d.id + "' exists already");
  }
  d.team_id = std::string(team_id);
  if (!draft.name) return Bad("name", "a non-empty name");
  if (!draft.due_date) return Bad("due_date", "a date YYYY-MM-DD");
  d.name = *draft.name;
  d.due_date = *draft.due_date;
  Set(draft.status, d.status);
  RETURN_IF_ERROR(FirstBrokenRule(d, &ValidateDeliverable));
  RETURN_IF_ERROR(Commit(actor, Alone(&FirmData::deliverables, d), "deliverable.create",
                         "deliverable", d.id, d.name));
  return d;
}

Result<Deliverable> GoalsService::UpdateDeliverable(const Principal& actor,
                                                    std::string_view deliverable_id,
                                                    const DeliverableDraft& change) {
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  auto i = snapshot->DeliverableIndex(deliverable_id);
  RETURN_IF_ERROR(ChangeableTeamItem(
      Authorizer(*snapshot), actor, i ? &snapshot->data().deliverables[*i].team_id : nullptr,
      "deliverable", deliverable_id, "only the team's leaders change its deliverables"));
  Deliverable d = snapshot->data().deliverables[*i];
  if (change.id && *change.id != d.id) return Bad("id", "the deliverable's own id");
  Set(change.name, d.name);
  Set(change.due_date, d.due_date);
  Set(change.status, d.status);
  RETURN_IF_ERROR(FirstBrokenRule(d, &ValidateDeliverable));
  RETURN_IF_ERROR(Commit(actor, Alone(&FirmData::deliverables, d), "deliverable.update",
                         "deliverable", d.id, d.name));
  return d;
}

Status GoalsService::DeleteDeliverable(const Principal& actor, std::string_view deliverable_id) {
  return DeleteTeamItem(actor, EntityKind::kDeliverables, deliverable_id);
}

Result<ClientRelationship> GoalsService::CreateRelationship(const Principal& actor,
                                                            std::string_view team_id,
                                                            const RelationshipDraft& draft) {
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  ASSIGN_OR_RETURN(const uint32_t team_index,
                   ChangeableTeam(Authorizer(*snapshot), actor, team_id,
                                  "only the team's leaders add its client relationships"));
  const Team* team = &snapshot->data().teams[team_index];
  ClientRelationship r;
  r.id = draft.id.value_or(NewId("r-"));
  if (snapshot->RelationshipIndex(r.id)) {
    return AlreadyExists("id: client relationship '" + r.id + "' exists already");
  }
  r.team_id = team->id;
  r.client_id = draft.client_id.value_or(team->client_id);
  if (!snapshot->ClientIndex(r.client_id)) {
    return Bad("client_id", "the id of an existing client (no client '" + r.client_id + "')");
  }
  Set(draft.contact, r.contact);
  RETURN_IF_ERROR(FirstBrokenRule(r, &ValidateClientRelationship));
  RETURN_IF_ERROR(Commit(actor, Alone(&FirmData::client_relationships, r), "relationship.create",
                         "client-relationship", r.id, r.contact));
  return r;
}

Status GoalsService::DeleteRelationship(const Principal& actor, std::string_view relationship_id) {
  return DeleteTeamItem(actor, EntityKind::kClientRelationships, relationship_id);
}

Status GoalsService::DeleteTeamItem(const Principal& actor, EntityKind kind, std::string_view id) {
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmData& d = snapshot->data();
  const bool deliverable = kind == EntityKind::kDeliverables;
  const std::optional<uint32_t> i =
      deliverable ? snapshot->DeliverableIndex(id) : snapshot->RelationshipIndex(id);
  const std::string* team = !i            ? nullptr
                            : deliverable ? &d.deliverables[*i].team_id
                                          : &d.client_relationships[*i].team_id;
  RETURN_IF_ERROR(ChangeableTeamItem(
      Authorizer(*snapshot), actor, team, deliverable ? "deliverable" : "client relationship", id,
      deliverable ? "only the team's leaders remove its deliverables"
                  : "only the team's leaders remove its client relationships"));
  return CommitDelete(actor, kind, std::string(id),
                      deliverable ? "deliverable.delete" : "relationship.delete");
}

Result<ClientLogEntry> GoalsService::AddLogEntry(const Principal& actor,
                                                 std::string_view engagement_id,
                                                 const LogDraft& draft) {
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const Authorizer authorizer(*snapshot);
  if (!snapshot->EngagementIndex(engagement_id) ||
      !authorizer.CanReadClientLog(actor, engagement_id)) {
    return NotFound("no engagement '" + std::string(engagement_id) + "'");
  }
  if (!authorizer.CanWriteClientLog(actor, engagement_id)) {
    return PermissionDenied("the client log is written by the people who work on the engagement");
  }
  const Date today = clock_.Today();
  ClientLogEntry e{NewId("log-"),
                   std::string(engagement_id),
                   draft.date.value_or(today),
                   actor.person_id,
                   draft.changed,
                   draft.issues,
                   draft.resolution};
  if (e.date > today) return Bad("date", "a date on or before today (" + FormatDate(today) + ")");
  RETURN_IF_ERROR(FirstBrokenRule(e, &ValidateClientLogEntry));
  RETURN_IF_ERROR(Commit(actor, Alone(&FirmData::client_log, e), "log.create", "client-log", e.id,
                         e.engagement_id));
  return e;
}

}  // namespace guild
