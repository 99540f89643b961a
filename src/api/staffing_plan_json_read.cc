// Reading a staffing plan from JSON (staffing_plan_json.h): strict, every
// error named by its JSON path.
#include <limits>

#include "api/internal/staffing_plan_v1.h"
#include "api/staffing_plan_json.h"
#include "http/json_reader.h"

namespace guild::api {

using nlohmann::json;
using staffing::ProposedAssignment;

namespace {

constexpr int kVersion = 2;
constexpr size_t kErrorsInMessage = 5;
//! Plan files and stored plans of a firm-scale plan run to tens of MB.
constexpr size_t kMaxPlanBytes = size_t{1} << 30;

// Collects the errors of one document; each object is read by an
// ObjectReader whose errors are named by the object's path.
class Reader {
 public:
  //! Reads the object `value` at `path` with `fields(reader)`; false on errors.
  template <typename F>
  bool Object(const json& value, const std::string& path, F&& fields) {
    http::ObjectReader reader(value);
    fields(reader);
    std::optional<http::Problem> problem = reader.Finish();
    if (!problem) return true;
    for (http::FieldError& e : problem->errors) {
      const bool whole = e.field == "body";  // not an object at all
      e.field = whole ? (path.empty() ? "$" : path) : Join(path, e.field);
      errors_.push_back(std::move(e));
    }
    return false;
  }
  //! Calls item(element, path) for each element of the array at `path`.
  template <typename F>
  void Array(const json* value, const std::string& path, F&& item) {
    if (!value) return;
    if (!value->is_array()) {
      Error(path, "an array", *value);
      return;
    }
    for (size_t i = 0; i < value->size(); ++i)
      item((*value)[i], path + "[" + std::to_string(i) + "]");
  }
  Date Day(const std::string& text, const std::string& path) {
    auto d = ParseDate(text);
    if (!d) Error(path, "a date like 2026-03-02", json(text));
    return d.value_or(Date{});
  }
  void Error(const std::string& path, std::string_view expected, const json& value) {
    http::FieldError e;
    e.field = path;
    e.expected = std::string(expected);
    e.value = value.dump(-1, ' ', false, json::error_handler_t::replace).substr(0, 40);
    errors_.push_back(std::move(e));
  }
  [[nodiscard]] Status Done(std::string_view source) const {
    if (errors_.empty()) return OkStatus();
    std::string message = std::string(source) + ": " + std::to_string(errors_.size()) +
                          " error(s) in the staffing plan:";
    for (size_t i = 0; i < errors_.size() && i < kErrorsInMessage; ++i) {
      const http::FieldError& e = errors_[i];
      message += "\n  " + e.field + ": expected " + e.expected;
      if (!e.value.empty() && e.value != "missing") message += ", got " + e.value;
      if (e.value == "missing") message += " (missing)";
    }
    return InvalidArgument(message);
  }

 private:
  static std::string Join(const std::string& path, const std::string& field) {
    return path.empty() ? field : path + "." + field;
  }
  std::vector<http::FieldError> errors_;
};

// A {"id", ...names} reference; the names are ignored.
void Ref(Reader& r, const json& value, const std::string& path, std::string& id) {
  r.Object(value, path, [&](http::ObjectReader& o) {
    std::optional<std::string> ignored;
    o.Required("id", id);
    for (const char* name : {"name", "grade", "practice", "office", "title"}) {
      o.Optional(name, ignored);
    }
    const json* engagement = nullptr;
    std::optional<const json*> maybe;
    o.Optional("engagement", maybe);
    engagement = maybe.value_or(nullptr);
    if (engagement) {
      r.Object(*engagement, path + ".engagement", [](http::ObjectReader& e) {
        std::string id, name;
        e.Required("id", id);
        e.Required("name", name);
      });
    }
  });
}

// A person an entry or a runner-up cannot do without: the reference must
// name one ({"id": ""} would be written back as null, which no reader takes).
void RequiredPersonRef(Reader& r, const json& value, const std::string& path, std::string& id) {
  Ref(r, value, path, id);
  if (value.is_object() && value.contains("id") && value["id"].is_string() && id.empty()) {
    r.Error(path + ".id", "a person's id (not empty)", json(id));
  }
}

void OptionalRef(Reader& r, const std::optional<const json*>& value, const std::string& path,
                 std::string& id) {
  if (value && *value) Ref(r, **value, path, id);
}

void Options(Reader& r, const json& value, staffing::StaffingOptions& o) {
  const json* weights = nullptr;
  r.Object(value, "options", [&](http::ObjectReader& f) {
    f.Required("horizon_weeks", o.horizon_weeks);
    f.Required("capacity_ceiling", o.capacity_ceiling);
    f.Required("time_limit_seconds", o.time_limit_seconds);
    f.Required("candidates_per_seat", o.candidates_per_seat);
    f.Required("max_scan", o.max_scan);
    f.Required("lead_grades", o.lead_grades);
    f.Required("partner_grades", o.partner_grades);
    f.Required("stretch_min_group", o.stretch_min_group);
    f.Required("max_tentative_moves", o.max_tentative_moves);
    f.Required("runner_ups", o.runner_ups);
    f.Required("explain", o.explain);
    f.Required("bound_iterations", o.bound_iterations);
    f.Required("weights", weights);
  });
  if (!weights) return;
  staffing::ObjectiveWeights& k = o.weights;
  r.Object(*weights, "options.weights", [&](http::ObjectReader& f) {
    f.Required("unfilled", k.unfilled);
    f.Required("base", k.base);
    f.Required("skill_fit", k.skill_fit);
    f.Required("growth", k.growth);
    f.Required("volunteer", k.volunteer);
    f.Required("continuity", k.continuity);
    f.Required("worked_together", k.worked_together);
    f.Required("idle", k.idle);
    f.Required("load", k.load);
    f.Required("load_threshold", k.load_threshold);
    f.Required("cost", k.cost);
    f.Required("reference_rate", k.reference_rate);
    f.Required("key_client_partner", k.key_client_partner);
  });
}

void Explanation(Reader& r, const json& value, const std::string& path, staffing::Explanation& e) {
  const json* fit = nullptr;
  const json* runners = nullptr;
  std::optional<const json*> stretch, coach;
  std::optional<double> before, after;
  r.Object(value, path, [&](http::ObjectReader& f) {
    f.Required("fit", fit);
    f.Optional("stretch_skill", stretch);
    f.Optional("coach", coach);
    f.Optional("load_before", before);
    f.Optional("load_after", after);
    f.Required("continuity", e.continuity);
    f.Required("volunteer", e.volunteer);
    f.Required("pinned", e.pinned);
    f.Required("key_client_partner", e.key_client_partner);
    f.Required("worked_with", e.worked_with);
    f.Required("runner_ups", runners);
  });
  e.load_before = before.value_or(0);
  e.load_after = after.value_or(0);
  OptionalRef(r, stretch, path + ".stretch_skill", e.stretch_skill_id);
  OptionalRef(r, coach, path + ".coach", e.coach_id);
  r.Array(fit, path + ".fit", [&](const json& item, const std::string& at) {
    staffing::SkillFit s;
    const json* skill = nullptr;
    r.Object(item, at, [&](http::ObjectReader& f) {
      f.Required("skill", skill);
      f.Required("required", s.required);
      f.Required("level", s.level);
    });
    if (skill) Ref(r, *skill, at + ".skill", s.skill_id);
    e.fit.push_back(std::move(s));
  });
  r.Array(runners, path + ".runner_ups", [&](const json& item, const std::string& at) {
    staffing::RunnerUp u;
    const json* person = nullptr;
    std::optional<double> cost;
    r.Object(item, at, [&](http::ObjectReader& f) {
      f.Required("person", person);
      f.Optional("cost", cost);
      f.Required("why_lost", u.why_lost);
    });
    u.cost = cost.value_or(0);
    if (person) RequiredPersonRef(r, *person, at + ".person", u.person_id);
    e.runner_ups.push_back(std::move(u));
  });
}

ProposedAssignment Entry(Reader& r, const json& value, const std::string& path) {
  ProposedAssignment pa;
  Assignment& a = pa.assignment;
  const json* person = nullptr;
  const json* opening = nullptr;
  const json* explanation = nullptr;
  std::optional<const json*> moved_from;
  std::string start, end;
  std::optional<double> cost;
  r.Object(value, path, [&](http::ObjectReader& f) {
    f.Required("id", a.id);
    f.Required("seat_id", pa.seat_id);
    f.Required("person", person);
    f.Required("opening", opening);
    f.Required("hours_per_week", a.hours_per_week);
    f.Required("start", start);
    f.Required("end", end);
    f.Optional("moved_from", moved_from);
    f.Required("stretch", pa.stretch);
    f.Optional("cost", cost);
    f.Required("explanation", explanation);
  });
  a.status = AssignmentStatus::kTentative;
  pa.cost = cost.value_or(0);
  if (!start.empty()) a.start = r.Day(start, path + ".start");
  if (!end.empty()) a.end = r.Day(end, path + ".end");
  if (person) RequiredPersonRef(r, *person, path + ".person", a.person_id);
  if (opening) Ref(r, *opening, path + ".opening", a.opening_id);
  OptionalRef(r, moved_from, path + ".moved_from", pa.moved_from_person_id);
  if (explanation) Explanation(r, *explanation, path + ".explanation", pa.explanation);
  return pa;
}

void Lists(Reader& r, const json* steps, const json* entries, const json* unfilled,
           const json* issues, staffing::StaffingPlan& p) {
  r.Array(steps, "steps", [&](const json& item, const std::string& at) {
    staffing::StepReport s;
    std::optional<std::string> effect;
    r.Object(item, at, [&](http::ObjectReader& f) {
      f.Required("name", s.name);
      f.Required("seconds", s.seconds);
      f.Optional("effect", effect);
    });
    s.effect = effect.value_or("");
    p.steps.push_back(std::move(s));
  });
  r.Array(entries, "assignments", [&](const json& item, const std::string& at) {
    p.assignments.push_back(Entry(r, item, at));
  });
  r.Array(unfilled, "unfilled", [&](const json& item, const std::string& at) {
    staffing::UnfilledSeat u;
    const json* opening = nullptr;
    r.Object(item, at, [&](http::ObjectReader& f) {
      f.Required("seat_id", u.seat_id);
      f.Required("opening", opening);
      f.Required("reason", u.reason);
    });
    if (opening) Ref(r, *opening, at + ".opening", u.opening_id);
    p.unfilled.push_back(std::move(u));
  });
  r.Array(issues, "issues", [&](const json& item, const std::string& at) {
    staffing::ConstraintIssue i;
    std::optional<std::string> detail;
    r.Object(item, at, [&](http::ObjectReader& f) {
      f.Required("constraint", i.constraint);
      f.Required("subject_id", i.subject_id);
      f.Required("message", i.message);
      f.Optional("detail", detail);
      f.Required("entry_ids", i.entry_ids);
    });
    i.detail = detail.value_or("");
    p.issues.push_back(std::move(i));
  });
}

// A plan file of an older `guild staff plan` (no "version", no "mode"):
// ids instead of references, five of the options, no issue entry ids. Every
// field that writer wrote is required; the options it did not write keep
// their defaults (an accept never reads a plan's options).
void ReadCliV1(Reader& r, const json& root, PlanDocument& d) {
  staffing::StaffingPlan& p = d.plan;
  staffing::StaffingOptions& o = d.options;
  std::string today;
  const json* options = nullptr;
  const json* steps = nullptr;
  const json* entries = nullptr;
  const json* unfilled = nullptr;
  const json* issues = nullptr;
  r.Object(root, "", [&](http::ObjectReader& f) {
    f.Required("today", today);
    f.Required("objective", p.objective);
    f.Required("bound", p.bound);
    f.Required("gap", p.gap);
    f.Required("gap_assignable", p.gap_assignable);
    f.Required("seats", p.seats);
    f.Required("candidates", p.candidates);
    f.Required("options", options);
    f.Required("steps", steps);
    f.Required("assignments", entries);
    f.Required("unfilled", unfilled);
    f.Required("issues", issues);
  });
  if (!today.empty()) p.today = r.Day(today, "today");
  if (options) {
    r.Object(*options, "options", [&](http::ObjectReader& f) {
      f.Required("horizon_weeks", o.horizon_weeks);
      f.Required("capacity_ceiling", o.capacity_ceiling);
      f.Required("stretch_min_group", o.stretch_min_group);
      f.Required("lead_grades", o.lead_grades);
      f.Required("partner_grades", o.partner_grades);
    });
  }
  r.Array(steps, "steps", [&](const json& item, const std::string& at) {
    staffing::StepReport s;
    r.Object(item, at, [&](http::ObjectReader& f) {
      f.Required("name", s.name);
      f.Required("seconds", s.seconds);
      f.Required("effect", s.effect);
    });
    p.steps.push_back(std::move(s));
  });
  r.Array(entries, "assignments", [&](const json& item, const std::string& at) {
    ProposedAssignment pa;
    Assignment& a = pa.assignment;
    staffing::Explanation& e = pa.explanation;
    std::string start, end;
    const json* explanation = nullptr;
    r.Object(item, at, [&](http::ObjectReader& f) {
      f.Required("seat_id", pa.seat_id);
      f.Required("id", a.id);
      f.Required("person_id", a.person_id);
      f.Required("opening_id", a.opening_id);
      f.Required("hours_per_week", a.hours_per_week);
      f.Required("start", start);
      f.Required("end", end);
      f.Required("moved_from_person_id", pa.moved_from_person_id);
      f.Required("stretch", pa.stretch);
      f.Required("cost", pa.cost);
      f.Required("explanation", explanation);
    });
    a.status = AssignmentStatus::kTentative;
    if (!start.empty()) a.start = r.Day(start, at + ".start");
    if (!end.empty()) a.end = r.Day(end, at + ".end");
    const json* fit = nullptr;
    const json* runners = nullptr;
    if (explanation) {
      r.Object(*explanation, at + ".explanation", [&](http::ObjectReader& f) {
        f.Required("fit", fit);
        f.Required("stretch_skill_id", e.stretch_skill_id);
        f.Required("coach_id", e.coach_id);
        f.Required("load_before", e.load_before);
        f.Required("load_after", e.load_after);
        f.Required("continuity", e.continuity);
        f.Required("volunteer", e.volunteer);
        f.Required("pinned", e.pinned);
        f.Required("key_client_partner", e.key_client_partner);
        f.Required("worked_with", e.worked_with);
        f.Required("runner_ups", runners);
      });
    }
    r.Array(fit, at + ".explanation.fit", [&](const json& value, const std::string& path) {
      staffing::SkillFit s;
      r.Object(value, path, [&](http::ObjectReader& f) {
        f.Required("skill_id", s.skill_id);
        f.Required("required", s.required);
        f.Required("level", s.level);
      });
      e.fit.push_back(std::move(s));
    });
    r.Array(runners, at + ".explanation.runner_ups",
            [&](const json& value, const std::string& path) {
              staffing::RunnerUp u;
              r.Object(value, path, [&](http::ObjectReader& f) {
                f.Required("person_id", u.person_id);
                f.Required("cost", u.cost);
                f.Required("why_lost", u.why_lost);
              });
              e.runner_ups.push_back(std::move(u));
            });
    p.assignments.push_back(std::move(pa));
  });
  r.Array(unfilled, "unfilled", [&](const json& item, const std::string& at) {
    staffing::UnfilledSeat u;
    r.Object(item, at, [&](http::ObjectReader& f) {
      f.Required("seat_id", u.seat_id);
      f.Required("opening_id", u.opening_id);
      f.Required("reason", u.reason);
    });
    p.unfilled.push_back(std::move(u));
  });
  r.Array(issues, "issues", [&](const json& item, const std::string& at) {
    staffing::ConstraintIssue i;
    r.Object(item, at, [&](http::ObjectReader& f) {
      f.Required("constraint", i.constraint);
      f.Required("subject_id", i.subject_id);
      f.Required("message", i.message);
    });
    p.issues.push_back(std::move(i));
  });
}

}  // namespace

Result<PlanDocument> ReadStaffingPlanJson(std::string_view text, std::string_view source) {
  http::JsonLimits limits;
  limits.max_bytes = kMaxPlanBytes;
  auto parsed = http::ParseJsonBody(text, limits);
  if (!parsed.ok()) {
    const http::Problem& problem = parsed.problem();
    std::string where;
    if (!problem.errors.empty() && problem.errors[0].line > 0) {
      where = " (line " + std::to_string(problem.errors[0].line) + ")";
    }
    return InvalidArgument(std::string(source) + ": not a staffing plan" + where + ": " +
                           problem.detail);
  }
  const json& root = parsed.value();
  Reader r;
  PlanDocument d;
  if (root.is_object() && !root.contains("version") && !root.contains("mode")) {
    ReadCliV1(r, root, d);  // a plan file of an older `guild staff plan`
    RETURN_IF_ERROR(r.Done(source));
    return d;
  }
  staffing::StaffingPlan& p = d.plan;
  int version = 0;
  std::string mode;
  std::optional<std::string> id, created, opening_id;
  std::optional<bool> accepted;
  std::optional<double> objective, bound, gap, gap_assignable;
  std::string today;
  const json* options = nullptr;
  const json* steps = nullptr;
  const json* entries = nullptr;
  const json* unfilled = nullptr;
  const json* issues = nullptr;
  r.Object(root, "", [&](http::ObjectReader& f) {
    f.Required("version", version);
    f.Optional("id", id);
    f.Optional("created", created);
    f.Optional("accepted", accepted);
    f.Required("mode", mode);
    f.Optional("opening_id", opening_id);
    f.Required("today", today);
    f.Optional("objective", objective);
    f.Optional("bound", bound);
    f.Optional("gap", gap);
    f.Optional("gap_assignable", gap_assignable);
    f.Required("seats", p.seats);
    f.Required("candidates", p.candidates);
    f.Required("options", options);
    f.Required("steps", steps);
    f.Required("assignments", entries);
    f.Required("unfilled", unfilled);
    f.Required("issues", issues);
  });
  if (version != 0 && version != kVersion) r.Error("version", "2", json(version));
  if (!mode.empty() && mode != "full" && mode != "incremental") {
    r.Error("mode", "\"full\" or \"incremental\"", json(mode));
  }
  d.mode = mode == "incremental" ? PlanMode::kIncremental : PlanMode::kFull;
  d.opening_id = opening_id.value_or("");
  if (!today.empty()) p.today = r.Day(today, "today");
  p.objective = objective.value_or(0);
  p.bound = bound.value_or(0);
  p.gap = gap.value_or(0);
  p.gap_assignable = gap_assignable.value_or(0);
  if (options) Options(r, *options, d.options);
  Lists(r, steps, entries, unfilled, issues, p);
  RETURN_IF_ERROR(r.Done(source));
  return d;
}

Result<PlanDocument> ReadStoredStaffingPlan(std::string_view text, std::string_view source) {
  if (internal::IsStaffingPlanV1(text)) return internal::ReadStaffingPlanV1(text, source);
  return ReadStaffingPlanJson(text, source);
}

}  // namespace guild::api
