// JSON views and request bodies of purpose, goals and roles.
#include "api/internal/goals_views.h"

#include <cmath>

namespace guild::api::internal {

namespace {

void OptionalText(http::JsonWriter& w, std::string_view key, std::string_view value) {
  w.Key(key);
  if (value.empty()) {
    w.Null();
  } else {
    w.String(value);
  }
}

// Numbers that are not finite (a goal written by another system) as null.
void Number(http::JsonWriter& w, std::string_view key, double value) {
  w.Key(key);
  if (std::isfinite(value)) {
    w.Double(value);
  } else {
    w.Null();
  }
}

void WriteRaci(http::JsonWriter& w, const FirmSnapshot& s, const std::vector<RaciEntry>& raci) {
  w.BeginArray();
  for (const RaciEntry& e : raci) {
    w.BeginObject().Key("person");
    WritePersonRef(w, s, e.person_id);
    w.Member("role", ToString(e.role)).EndObject();
  }
  w.EndArray();
}

void WriteTeamRef(http::JsonWriter& w, const FirmSnapshot& s, std::string_view team_id) {
  const Team* team = s.FindTeam(team_id);
  if (team == nullptr) {
    w.Null();
    return;
  }
  w.BeginObject().Member("id", team->id).Member("name", team->name);
  w.Member("kind", ToString(team->kind)).EndObject();
}

}  // namespace

void WriteGoal(http::JsonWriter& w, const GoalsState& state, const GoalView& view) {
  const FirmSnapshot& s = *state.snapshot;
  const Goal& g = s.data().goals[view.goal];
  const goals::Measure& m = state.measure[view.goal];
  const goals::RollUp& r = state.tree.rollup[view.goal];
  w.BeginObject().Member("id", g.id).Key("team");
  WriteTeamRef(w, s, g.team_id);
  w.Member("title", g.title).Member("metric", g.metric).Member("unit", g.unit);
  Number(w, "start_value", g.start_value);
  Number(w, "target_value", g.target_value);
  w.Member("direction", ToString(g.direction));
  w.Member("start_date", FormatDate(g.start_date)).Member("due_date", FormatDate(g.due_date));
  w.Key("owner");
  WritePersonRef(w, s, g.owner_id);
  w.Key("raci");
  WriteRaci(w, s, g.raci);
  OptionalText(w, "parent_id", g.parent_id);
  w.Member("shared", g.shared).Key("current_value");
  if (g.current_value && std::isfinite(*g.current_value)) {
    w.Double(*g.current_value);
  } else {
    w.Null();
  }
  OptionalText(w, "measured_on", g.measured_on ? FormatDate(*g.measured_on) : "");
  Number(w, "progress", m.progress);
  Number(w, "expected", m.expected);
  w.Member("status", goals::ToString(m.status));
  w.Key("rollup").BeginObject();
  Number(w, "progress", r.progress);
  w.Member("goals", static_cast<int64_t>(r.goals)).Member("status", goals::ToString(r.status));
  w.EndObject().Key("children").BeginArray();
  for (uint32_t child : view.children) w.String(s.data().goals[child].id);
  w.EndArray().Member("hidden_children", static_cast<int64_t>(view.hidden_children));
  w.Member("more_children", static_cast<int64_t>(view.more_children));
  w.Member("can_change", view.can_change).Member("can_update", view.can_update);
  w.EndObject();
}

void WritePurposeChange(http::JsonWriter& w, const FirmSnapshot& snapshot, const PurposeChange& c) {
  w.BeginObject().Member("at", FormatTimestamp(c.at)).Key("author");
  WritePersonRef(w, snapshot, c.author_id);
  w.Member("before", c.before).Member("after", c.after).EndObject();
}

void WriteTeamGoals(http::JsonWriter& w, const TeamGoals& page) {
  const FirmSnapshot& s = *page.state->snapshot;
  w.BeginObject().Key("team");
  WriteTeamSummary(w, s, page.team);
  w.Key("purpose_history").BeginArray();
  for (uint32_t i : page.purpose_history) WritePurposeChange(w, s, s.data().purpose_changes[i]);
  w.EndArray().Member("as_of", FormatDate(page.state->as_of));
  w.Member("can_change", page.can_change).Key("goals").BeginArray();
  for (const GoalView& view : page.goals) WriteGoal(w, *page.state, view);
  w.EndArray().Key("log_engagements").BeginArray();
  for (const LogEngagement& e : page.log_engagements) {
    const Engagement& engagement = s.data().engagements[e.engagement];
    w.BeginObject().Member("id", engagement.id).Member("name", engagement.name);
    w.Member("can_write", e.can_write).EndObject();
  }
  w.EndArray().EndObject();
}

void WriteDeliverable(http::JsonWriter& w, const FirmSnapshot& snapshot, const Deliverable& d) {
  w.BeginObject().Member("id", d.id).Member("team_id", d.team_id).Member("name", d.name);
  w.Member("due_date", FormatDate(d.due_date)).Member("status", ToString(d.status));
  w.Key("raci");
  WriteRaci(w, snapshot, d.raci);
  w.EndObject();
}

void WriteRelationship(http::JsonWriter& w, const FirmSnapshot& snapshot,
                       const ClientRelationship& r) {
  const Client* client = nullptr;
  if (auto c = snapshot.ClientIndex(r.client_id)) client = &snapshot.data().clients[*c];
  w.BeginObject().Member("id", r.id).Member("team_id", r.team_id);
  w.Key("client").BeginObject().Member("id", r.client_id);
  w.Member("name", client ? client->name : r.client_id).EndObject();
  w.Member("contact", r.contact).Key("raci");
  WriteRaci(w, snapshot, r.raci);
  w.EndObject();
}

void WriteTeamRoles(http::JsonWriter& w, const TeamRoles& roles) {
  const FirmSnapshot& s = *roles.state->snapshot;
  const FirmData& d = s.data();
  const Team& team = d.teams[roles.team];
  w.BeginObject().Key("team");
  WriteTeamSummary(w, s, roles.team);
  w.Member("can_change", roles.can_change).Key("people").BeginArray();
  for (uint32_t p : roles.people) {
    const Person& person = d.people[p];
    std::string role = person.id == team.leader_id ? "leader" : "";
    for (const TeamMember& m : team.members) {
      if (m.person_id == person.id && !m.role.empty()) role = m.role;
    }
    w.BeginObject().Key("person");
    WritePersonRef(w, s, person.id);
    w.Member("role", role).Member("on_team", true).EndObject();
  }
  w.EndArray().Key("rows").BeginArray();
  for (const RaciRow& row : roles.rows) {
    w.BeginObject().Member("kind", goals::ToString(row.kind));
    switch (row.kind) {
      case goals::RaciRowKind::kGoal: {
        const Goal& g = d.goals[row.item];
        w.Member("id", g.id).Member("label", g.title).Member("due_date", FormatDate(g.due_date));
        w.Member("status", goals::ToString(roles.state->measure[row.item].status));
        break;
      }
      case goals::RaciRowKind::kDeliverable: {
        const Deliverable& x = d.deliverables[row.item];
        w.Member("id", x.id).Member("label", x.name).Member("due_date", FormatDate(x.due_date));
        w.Member("status", ToString(x.status));
        break;
      }
      case goals::RaciRowKind::kClientRelationship: {
        const ClientRelationship& r = d.client_relationships[row.item];
        const Client* client = nullptr;
        if (auto c = s.ClientIndex(r.client_id)) client = &d.clients[*c];
        std::string label = client ? client->name : r.client_id;
        if (!r.contact.empty()) label += " — " + r.contact;
        w.Member("id", r.id).Member("label", label).Key("due_date").Null();
        w.Key("status").Null();
        break;
      }
    }
    w.Key("cells").BeginArray();
    for (const RaciEntry& e : row.cells) {
      w.BeginObject().Member("person_id", e.person_id).Member("role", ToString(e.role));
      w.EndObject();
    }
    w.EndArray().EndObject();
  }
  w.EndArray().Key("warnings").BeginArray();
  for (const goals::RaciWarning& warning : roles.warnings) {
    w.BeginObject().Member("kind", goals::ToString(warning.kind));
    if (warning.row_id.empty()) {
      w.Key("row_kind").Null().Key("row_id").Null();
    } else {
      w.Member("row_kind", goals::ToString(warning.row_kind)).Member("row_id", warning.row_id);
    }
    OptionalText(w, "person_id", warning.person_id);
    w.Member("message", warning.message).EndObject();
  }
  w.EndArray().EndObject();
}

void WriteLogEntry(http::JsonWriter& w, const FirmSnapshot& snapshot, const ClientLogEntry& e) {
  w.BeginObject().Member("id", e.id).Member("engagement_id", e.engagement_id);
  w.Member("date", FormatDate(e.date)).Key("author");
  WritePersonRef(w, snapshot, e.author_id);
  w.Member("changed", e.changed).Member("issues", e.issues);
  w.Member("resolution", e.resolution).EndObject();
}

// ---- Request bodies -----------------------------------------------------------

namespace {

// Reads an optional date field "YYYY-MM-DD"; a problem naming it otherwise.
std::optional<http::Problem> ReadDateField(const std::optional<std::string>& text,
                                           std::string_view field, std::optional<Date>& out) {
  if (!text) return std::nullopt;
  auto date = ParseDate(*text);
  if (!date) return FieldProblem(field, "body", "a date YYYY-MM-DD", *text);
  out = date;
  return std::nullopt;
}

// Takes `field` out of an object body (the ObjectReader rejects fields it is
// not told about); absent or null gives nullopt.
std::optional<nlohmann::json> Take(nlohmann::json& body, const char* field) {
  if (!body.is_object() || !body.contains(field)) return std::nullopt;
  nlohmann::json value = std::move(body[field]);
  body.erase(field);
  if (value.is_null()) return std::nullopt;
  return value;
}

http::ProblemOr<std::vector<RaciEntry>> ReadRaciList(const nlohmann::json& json) {
  constexpr std::string_view kExpected =
      "an array of {\"person_id\": \"...\", \"role\": \"R\", \"C\" or \"I\" (or \"A\")}";
  if (!json.is_array()) return FieldProblem("raci", "body", kExpected, json.dump());
  std::vector<RaciEntry> out;
  for (size_t i = 0; i < json.size(); ++i) {
    const std::string name = "raci[" + std::to_string(i) + "]";
    http::ObjectReader reader(json[i]);
    RaciEntry entry;
    std::string role;
    reader.Required("person_id", entry.person_id);
    reader.Required("role", role);
    if (auto problem = reader.Finish()) {
      for (http::FieldError& e : problem->errors) e.field = name + "." + e.field;
      return *problem;
    }
    auto parsed = ParseRaciRole(role);
    if (!parsed) return FieldProblem(name + ".role", "body", "R, A, C or I", role);
    entry.role = *parsed;
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace

http::ProblemOr<GoalDraft> ReadGoalDraft(const nlohmann::json& body) {
  nlohmann::json rest = body;
  std::optional<nlohmann::json> raci = Take(rest, "raci");
  GoalDraft d;
  std::optional<std::string> direction, start_date, due_date;
  http::ObjectReader reader(rest);
  reader.Optional("id", d.id);
  reader.Optional("team_id", d.team_id);
  reader.Optional("title", d.title);
  reader.Optional("metric", d.metric);
  reader.Optional("unit", d.unit);
  reader.Optional("start_value", d.start_value);
  reader.Optional("target_value", d.target_value);
  reader.Optional("direction", direction);
  reader.Optional("start_date", start_date);
  reader.Optional("due_date", due_date);
  reader.Optional("owner_id", d.owner_id);
  reader.Optional("parent_id", d.parent_id);
  reader.Optional("shared", d.shared);
  if (auto problem = reader.Finish()) return *problem;
  if (direction) {
    auto parsed = ParseGoalDirection(*direction);
    if (!parsed) return FieldProblem("direction", "body", "\"up\" or \"down\"", *direction);
    d.direction = *parsed;
  }
  if (auto problem = ReadDateField(start_date, "start_date", d.start_date)) return *problem;
  if (auto problem = ReadDateField(due_date, "due_date", d.due_date)) return *problem;
  if (raci) {
    auto list = ReadRaciList(*raci);
    if (!list.ok()) return list.problem();
    d.raci = std::move(list).value();
  }
  return d;
}

http::ProblemOr<std::vector<RaciCellChange>> ReadRaciChanges(const nlohmann::json& body) {
  constexpr std::string_view kExpected =
      "{\"changes\": [{\"row_kind\", \"row_id\", \"person_id\", \"role\"}]}";
  if (!body.is_object() || !body.contains("changes") || !body["changes"].is_array()) {
    return FieldProblem("changes", "body", kExpected, body.dump());
  }
  if (body.size() != 1) {
    for (const auto& [key, value] : body.items()) {
      if (key != "changes") return FieldProblem(key, "body", "no such field", value.dump());
    }
  }
  std::vector<RaciCellChange> out;
  const nlohmann::json& changes = body["changes"];
  for (size_t i = 0; i < changes.size(); ++i) {
    const std::string name = "changes[" + std::to_string(i) + "]";
    nlohmann::json item = changes[i];
    std::optional<nlohmann::json> role = Take(item, "role");
    http::ObjectReader reader(item);
    RaciCellChange c;
    std::string kind;
    reader.Required("row_kind", kind);
    reader.Required("row_id", c.row_id);
    reader.Required("person_id", c.person_id);
    if (auto problem = reader.Finish()) {
      for (http::FieldError& e : problem->errors) e.field = name + "." + e.field;
      return *problem;
    }
    auto row_kind = goals::ParseRaciRowKind(kind);
    if (!row_kind) {
      return FieldProblem(name + ".row_kind", "body",
                          "\"goal\", \"deliverable\" or \"client-relationship\"", kind);
    }
    c.row_kind = *row_kind;
    if (role) {
      auto parsed = role->is_string() ? ParseRaciRole(role->get<std::string>()) : std::nullopt;
      if (!parsed) {
        return FieldProblem(name + ".role", "body", "\"R\", \"A\", \"C\", \"I\" or null",
                            role->dump());
      }
      c.role = *parsed;
    }
    out.push_back(std::move(c));
  }
  return out;
}

http::ProblemOr<DeliverableDraft> ReadDeliverableDraft(const nlohmann::json& body) {
  DeliverableDraft d;
  std::optional<std::string> due, status;
  http::ObjectReader reader(body);
  reader.Optional("id", d.id);
  reader.Optional("name", d.name);
  reader.Optional("due_date", due);
  reader.Optional("status", status);
  if (auto problem = reader.Finish()) return *problem;
  if (auto problem = ReadDateField(due, "due_date", d.due_date)) return *problem;
  if (status) {
    auto parsed = ParseDeliverableStatus(*status);
    if (!parsed) {
      return FieldProblem("status", "body",
                          "\"planned\", \"in-progress\", \"done\" or \"cancelled\"", *status);
    }
    d.status = *parsed;
  }
  return d;
}

http::ProblemOr<RelationshipDraft> ReadRelationshipDraft(const nlohmann::json& body) {
  RelationshipDraft d;
  http::ObjectReader reader(body);
  reader.Optional("id", d.id);
  reader.Optional("client_id", d.client_id);
  reader.Optional("contact", d.contact);
  if (auto problem = reader.Finish()) return *problem;
  return d;
}

http::ProblemOr<ProgressDraft> ReadProgressDraft(const nlohmann::json& body) {
  ProgressDraft d;
  std::optional<std::string> date, comment;
  http::ObjectReader reader(body);
  reader.Required("value", d.value);
  reader.Optional("date", date);
  reader.Optional("comment", comment);
  if (auto problem = reader.Finish()) return *problem;
  if (auto problem = ReadDateField(date, "date", d.date)) return *problem;
  d.comment = comment.value_or("");
  return d;
}

http::ProblemOr<LogDraft> ReadLogDraft(const nlohmann::json& body) {
  LogDraft d;
  std::optional<std::string> date, issues, resolution;
  http::ObjectReader reader(body);
  reader.Optional("date", date);
  reader.Required("changed", d.changed);
  reader.Optional("issues", issues);
  reader.Optional("resolution", resolution);
  if (auto problem = reader.Finish()) return *problem;
  if (auto problem = ReadDateField(date, "date", d.date)) return *problem;
  d.issues = issues.value_or("");
  d.resolution = resolution.value_or("");
  return d;
}

}  // namespace guild::api::internal
