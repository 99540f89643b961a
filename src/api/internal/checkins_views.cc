#include "api/internal/checkins_views.h"

namespace guild::api::internal {

namespace {

void MaybeTimestamp(http::JsonWriter& w, std::string_view key, const std::optional<int64_t>& t) {
  w.Key(key);
  if (t) {
    w.String(Timestamp(*t));
  } else {
    w.Null();
  }
}

// Takes `field` out of `body` (the ObjectReader rejects fields it is not
// told about); absent or null gives nullopt.
std::optional<nlohmann::json> TakeField(nlohmann::json& body, const char* field) {
  if (!body.is_object() || !body.contains(field)) return std::nullopt;
  nlohmann::json value = std::move(body[field]);
  body.erase(field);
  if (value.is_null()) return std::nullopt;
  return value;
}

std::optional<http::Problem> ReadBlockers(const nlohmann::json& json,
                                          std::vector<std::string>& out) {
  constexpr std::string_view kExpected = "an array of {\"text\": \"...\"}";
  if (!json.is_array()) return FieldProblem("blockers", "body", kExpected, json.dump());
  for (size_t i = 0; i < json.size(); ++i) {
    std::string text;
    http::ObjectReader reader(json[i]);
    reader.Required("text", text);
    if (auto problem = reader.Finish()) {
      for (http::FieldError& e : problem->errors) {
        e.field = "blockers[" + std::to_string(i) + "]." + e.field;
      }
      return *problem;
    }
    out.push_back(std::move(text));
  }
  return std::nullopt;
}

std::optional<http::Problem> ReadQuestion(const nlohmann::json& json, CheckinDraft& d) {
  std::string addressee, text;
  http::ObjectReader reader(json);
  reader.Required("addressee_id", addressee);
  reader.Required("text", text);
  if (auto problem = reader.Finish()) {
    for (http::FieldError& e : problem->errors) e.field = "question." + e.field;
    return *problem;
  }
  d.question_addressee_id = std::move(addressee);
  d.question_text = std::move(text);
  return std::nullopt;
}

}  // namespace

void WriteCheckin(http::JsonWriter& w, const FirmSnapshot& s, const Checkin& c) {
  w.BeginObject().Member("id", c.id).Member("team_id", c.team_id).Key("person");
  WritePersonRef(w, s, c.person_id);
  w.Member("cycle_start", FormatDate(c.cycle_start)).Member("client_change", c.client_change);
  w.Member("note", c.note).Member("updated_at", Timestamp(c.updated_at));
  MaybeTimestamp(w, "submitted_at", c.submitted_at);
  w.EndObject();
}

void WriteBlocker(http::JsonWriter& w, const FirmSnapshot& s, const CheckinBlocker& b) {
  w.BeginObject().Member("id", b.id).Member("team_id", b.team_id).Key("person");
  WritePersonRef(w, s, b.person_id);
  w.Member("checkin_id", b.checkin_id).Member("text", b.text);
  w.Member("opened_on", FormatDate(b.opened_on)).Key("resolved_on");
  if (b.resolved_on) {
    w.String(FormatDate(*b.resolved_on));
  } else {
    w.Null();
  }
  w.EndObject();
}

void WriteQuestion(http::JsonWriter& w, const FirmSnapshot& s, const CheckinQuestion& q) {
  w.BeginObject().Member("id", q.id).Member("checkin_id", q.checkin_id);
  w.Member("team_id", q.team_id).Key("asker");
  WritePersonRef(w, s, q.asker_id);
  w.Key("addressee");
  WritePersonRef(w, s, q.addressee_id);
  w.Member("text", q.text).Member("asked_at", Timestamp(q.asked_at)).Key("answer");
  if (q.answered_at) {
    w.String(q.answer);
  } else {
    w.Null();
  }
  MaybeTimestamp(w, "answered_at", q.answered_at);
  w.EndObject();
}

void WriteCycle(http::JsonWriter& w, const checkins::Cycle& cycle) {
  w.BeginObject().Member("cycle_start", FormatDate(cycle.start));
  w.Member("due_on", FormatDate(cycle.due)).EndObject();
}

void WriteMemberCheckin(http::JsonWriter& w, const FirmSnapshot& s, const MemberCheckin& m) {
  w.BeginObject().Key("person");
  WritePersonRef(w, s, s.data().people[m.person].id);
  w.Member("status", checkins::ToString(m.status)).Key("excluded_because");
  if (m.status == checkins::MemberStatus::kExcluded) {
    w.String(checkins::ToString(m.exclusion));
  } else {
    w.Null();
  }
  w.Key("checkin");
  if (m.checkin) {
    WriteCheckin(w, s, *m.checkin);
  } else {
    w.Null();
  }
  w.EndObject();
}

http::ProblemOr<CheckinDraft> ReadCheckinDraft(const nlohmann::json& body) {
  nlohmann::json rest = body;
  std::optional<nlohmann::json> blockers = TakeField(rest, "blockers");
  std::optional<nlohmann::json> question = TakeField(rest, "question");
  CheckinDraft d;
  std::optional<std::string> cycle;
  std::optional<std::vector<std::string>> resolve;
  std::optional<bool> submit;
  http::ObjectReader reader(rest);
  reader.Optional("person_id", d.person_id);
  reader.Optional("cycle", cycle);
  reader.Optional("client_change", d.client_change);
  reader.Optional("note", d.note);
  reader.Optional("resolve_blockers", resolve);
  reader.Optional("submit", submit);
  if (auto problem = reader.Finish()) return *problem;
  if (cycle) {
    d.cycle = ParseDate(*cycle);
    if (!d.cycle) return FieldProblem("cycle", "body", "a date YYYY-MM-DD", *cycle);
  }
  d.resolve_blockers = resolve.value_or(std::vector<std::string>{});
  d.submit = submit.value_or(false);
  if (blockers) {
    if (auto problem = ReadBlockers(*blockers, d.blockers)) return *problem;
  }
  if (question) {
    if (auto problem = ReadQuestion(*question, d)) return *problem;
  }
  return d;
}

}  // namespace guild::api::internal
