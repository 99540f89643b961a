// /people/{id}/skill-ratings: a person's skills with every rating, the
// effective one and the skill history; giving and removing one rating
// (SkillRatingsService decides who may, through the Authorizer).
#include "api/internal/common.h"

namespace guild::api::internal {
namespace {

constexpr std::string_view kSources = "one of self, peer, manager, assessed";

void WriteDate(http::JsonWriter& w, std::string_view key, const std::optional<Date>& date) {
  w.Key(key);
  if (date) {
    w.String(FormatDate(*date));
  } else {
    w.Null();
  }
}

void WriteSkillRef(http::JsonWriter& w, const Skill& skill) {
  w.BeginObject().Member("id", skill.id).Member("name", skill.name).EndObject();
}

void WriteHeld(http::JsonWriter& w, const FirmSnapshot& s, const HeldSkillRatings& held) {
  const auto& ratings = s.data().person_skills;
  const PersonSkill& effective = ratings[held.effective];
  w.BeginObject().Key("skill");
  WriteSkillRef(w, s.data().skills[held.skill]);
  w.Key("effective").BeginObject().Member("level", effective.level);
  w.Member("level_name", LevelName(effective.level)).Member("source", ToString(effective.source));
  w.EndObject().Member("wants_to_grow", held.wants_to_grow).Key("ratings").BeginArray();
  for (uint32_t i : held.ratings) {
    const PersonSkill& r = ratings[i];
    w.BeginObject().Member("source", ToString(r.source)).Member("level", r.level);
    w.Member("level_name", LevelName(r.level)).Member("wants_to_grow", r.wants_to_grow);
    WriteDate(w, "rated_on", r.rated_on);
    w.EndObject();
  }
  w.EndArray().EndObject();
}

http::Response RatingsResponse(const Result<PersonRatings>& result) {
  if (!result.ok()) return Fail(result.status(), "body");
  const PersonRatings& v = *result;
  const FirmSnapshot& s = *v.snapshot;
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("person");
  WritePersonSummary(w, s.data().people[v.person]);
  w.Key("skills").BeginArray();
  for (const HeldSkillRatings& held : v.skills) WriteHeld(w, s, held);
  w.EndArray().Member("history_visible", v.history_visible).Key("history").BeginArray();
  for (uint32_t i : v.history) {
    const SkillHistoryEntry& e = s.data().skill_history[i];
    const Skill* skill = s.FindSkill(e.skill_id);
    w.BeginObject().Key("skill").BeginObject().Member("id", e.skill_id);
    w.Member("name", skill ? skill->name : e.skill_id).EndObject();
    w.Member("date", FormatDate(e.date)).Member("level", e.level);
    w.Member("level_name", LevelName(e.level)).EndObject();
  }
  w.EndArray().Key("may_rate").BeginArray();
  for (RatingSource source : v.may_rate) w.String(ToString(source));
  w.EndArray().Key("levels").BeginArray();
  for (int level = kMinLevel; level <= kMaxLevel; ++level) {
    w.BeginObject().Member("level", level).Member("name", LevelName(level));
    w.Member("meaning", LevelMeaning(level)).EndObject();
  }
  w.EndArray().Key("precedence").BeginArray();
  for (std::string_view source : {"assessed", "manager", "peer", "self"}) w.String(source);
  w.EndArray().EndObject();
  return http::JsonResponse(std::move(body));
}

std::string PersonParam(const http::Request& r) { return std::string(r.param("id").value_or("")); }

http::ProblemOr<RatingDraft> ReadDraft(const nlohmann::json& body) {
  RatingDraft d;
  std::string source;
  int64_t level = 0;
  http::ObjectReader reader(body);
  reader.Required("skill_id", d.skill_id);
  reader.Required("source", source);
  reader.Required("level", level);
  reader.Optional("wants_to_grow", d.wants_to_grow);
  if (auto problem = reader.Finish()) return *problem;
  auto parsed = ParseRatingSource(source);
  if (!parsed) return FieldProblem("source", "body", kSources, source);
  d.source = *parsed;
  if (level < kMinLevel || level > kMaxLevel) {
    return FieldProblem("level", "body", "a level from 1 to 5", std::to_string(level));
  }
  d.level = static_cast<int>(level);
  return d;
}

http::Response GetRatings(ApiServices& s, const http::Request& r, const Authenticated& who) {
  return RatingsResponse(s.ratings().Ratings(who.principal, PersonParam(r)));
}

http::Response PutRating(ApiServices& s, const http::Request& r, const Authenticated& who) {
  auto json = JsonBody(r, s.options().max_json_bytes);
  if (!json.ok()) return http::ProblemResponse(json.problem());
  auto draft = ReadDraft(json.value());
  if (!draft.ok()) return http::ProblemResponse(draft.problem());
  return RatingsResponse(s.ratings().Rate(who.principal, PersonParam(r), draft.value()));
}

http::Response DeleteRating(ApiServices& s, const http::Request& r, const Authenticated& who) {
  const auto skill = r.query("skill_id");
  if (!skill || skill->empty()) return BadParameter("skill_id", "query", "a skill id", "missing");
  const std::string source_text(r.query("source").value_or(""));
  const auto source = ParseRatingSource(source_text);
  if (!source) return BadParameter("source", "query", kSources, source_text);
  return RatingsResponse(
      s.ratings().Unrate(who.principal, PersonParam(r), std::string(*skill), *source));
}

}  // namespace

Status AddSkillRatingsRoutes(http::Router& router, ApiServices& s) {
  const AuthedRoute routes[] = {
      {http::Method::kGet, "/api/v1/people/{id}/skill-ratings", GetRatings},
      {http::Method::kPut, "/api/v1/people/{id}/skill-ratings", PutRating},
      {http::Method::kDelete, "/api/v1/people/{id}/skill-ratings", DeleteRating},
  };
  return AddAuthedRoutes(router, s, routes);
}

}  // namespace guild::api::internal
