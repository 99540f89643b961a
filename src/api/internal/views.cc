// JSON views of domain values (docs/API.md "Shapes").
#include "api/internal/common.h"

namespace guild::api::internal {
namespace {

void OptionalString(http::JsonWriter& w, std::string_view key, std::string_view value) {
  w.Key(key);
  if (value.empty()) {
    w.Null();
  } else {
    w.String(value);
  }
}

void OptionalDate(http::JsonWriter& w, std::string_view key, const std::optional<Date>& date) {
  w.Key(key);
  if (date) {
    w.String(FormatDate(*date));
  } else {
    w.Null();
  }
}

void SummaryFields(http::JsonWriter& w, const Person& p) {
  w.Member("id", p.id).Member("name", p.name).Member("email", p.email);
  w.Member("title", p.title).Member("grade", p.grade);
  w.Member("practice", p.practice).Member("office", p.office);
}

}  // namespace

namespace {

void WriteApiToken(http::JsonWriter& w, const ApiTokenRecord& token) {
  w.BeginObject().Member("id", token.id).Member("name", token.name);
  w.Member("scope", ToString(token.scope));
  w.Member("created_at", Timestamp(token.created_at));
  for (const auto& [key, at] :
       {std::pair{"expires_at", token.expires_at}, std::pair{"last_used_at", token.last_used_at}}) {
    w.Key(key);
    if (at) {
      w.String(Timestamp(*at));
    } else {
      w.Null();
    }
  }
  w.EndObject();
}

}  // namespace

http::Response ApiTokensResponse(const Result<std::vector<ApiTokenRecord>>& tokens) {
  if (!tokens.ok()) return Fail(tokens.status(), "path");
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("items").BeginArray();
  for (const ApiTokenRecord& token : *tokens) WriteApiToken(w, token);
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

void WriteUser(http::JsonWriter& w, const UserView& view) {
  w.BeginObject();
  w.Member("id", view.user.id).Member("email", view.user.email);
  OptionalString(w, "person_id", view.user.person_id);
  w.Member("name", view.name).Member("role", ToString(view.user.role));
  w.Member("leads_teams", view.leads_teams).Member("disabled", view.user.disabled);
  w.EndObject();
}

void WritePersonSummary(http::JsonWriter& w, const Person& person) {
  w.BeginObject();
  SummaryFields(w, person);
  w.EndObject();
}

void WritePersonDetail(http::JsonWriter& w, const Person& p, bool detail_visible) {
  w.BeginObject();
  SummaryFields(w, p);
  OptionalString(w, "manager_id", p.manager_id);
  w.Key("weekly_capacity_hours");
  if (detail_visible) {
    w.Double(p.weekly_capacity_hours);
  } else {
    w.Null();
  }
  OptionalDate(w, "start_date", detail_visible ? p.start_date : std::nullopt);
  OptionalDate(w, "end_date", detail_visible ? p.end_date : std::nullopt);
  w.Key("tags");
  if (detail_visible) {
    w.BeginArray();
    for (const std::string& tag : p.tags) w.String(tag);
    w.EndArray();
  } else {
    w.Null();
  }
  w.Member("detail_visible", detail_visible);
  w.EndObject();
}

void WritePersonRef(http::JsonWriter& w, const FirmSnapshot& snapshot, std::string_view id) {
  WritePersonRef(w, id, id.empty() ? nullptr : snapshot.FindPerson(id));
}

void WritePersonRef(http::JsonWriter& w, std::string_view id, const Person* person) {
  if (id.empty()) {
    w.Null();
    return;
  }
  w.BeginObject().Member("id", id).Member("name", person ? person->name : std::string(id));
  if (person) {
    w.Member("grade", person->grade).Member("practice", person->practice);
    w.Member("office", person->office);
  }
  w.EndObject();
}

void WritePersonSkill(http::JsonWriter& w, const FirmSnapshot& snapshot, uint32_t rating) {
  const PersonSkill& ps = snapshot.data().person_skills[rating];
  const Skill* skill = snapshot.FindSkill(ps.skill_id);
  w.BeginObject();
  w.Member("skill_id", ps.skill_id).Member("name", skill ? skill->name : ps.skill_id);
  w.Member("level", ps.level).Member("level_name", LevelName(ps.level));
  w.Member("wants_to_grow", ps.wants_to_grow).Member("source", ToString(ps.source));
  OptionalDate(w, "last_used", ps.last_used);
  w.EndObject();
}

void WriteTeamSummary(http::JsonWriter& w, const FirmSnapshot& snapshot, uint32_t index) {
  const Team& team = snapshot.data().teams[index];
  w.BeginObject();
  w.Member("id", team.id).Member("name", team.name).Member("purpose", team.purpose);
  OptionalString(w, "leader_id", team.leader_id);
  OptionalString(w, "client_id", team.client_id);
  w.Member("leadership_team", team.leadership_team);
  w.Member("member_count", static_cast<int64_t>(snapshot.MemberCount(index)));
  w.Member("kind", ToString(team.kind));
  w.EndObject();
}

void WriteNextCursor(http::JsonWriter& w, const std::string& next_cursor) {
  OptionalString(w, "next_cursor", next_cursor);
}

}  // namespace guild::api::internal
