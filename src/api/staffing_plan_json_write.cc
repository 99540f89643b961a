// Writing a staffing plan as JSON (staffing_plan_json.h).
#include "api/internal/refs.h"
#include "api/staffing_plan_json.h"

namespace guild::api {

using staffing::ProposedAssignment;
using staffing::StaffingOptions;
using staffing::StaffingPlan;

namespace {

constexpr int kVersion = 2;

using Names = internal::RefWriter;  // names of people, skills, openings (or ids alone)

bool Allowed(const std::function<bool(std::string_view)>& rule, std::string_view person) {
  return !rule || rule(person);
}

// `value` when `shown`, else null.
void Figure(http::JsonWriter& w, std::string_view key, double value, bool shown) {
  w.Key(key);
  if (shown) {
    w.Double(value);
  } else {
    w.Null();
  }
}

void Strings(http::JsonWriter& w, std::string_view key, const std::vector<std::string>& list) {
  w.Key(key).BeginArray();
  for (const std::string& s : list) w.String(s);
  w.EndArray();
}

void Options(http::JsonWriter& w, const StaffingOptions& o) {
  const staffing::ObjectiveWeights& k = o.weights;
  w.Key("options").BeginObject();
  w.Member("horizon_weeks", o.horizon_weeks).Member("capacity_ceiling", o.capacity_ceiling);
  w.Member("time_limit_seconds", o.time_limit_seconds);
  w.Member("candidates_per_seat", o.candidates_per_seat).Member("max_scan", o.max_scan);
  Strings(w, "lead_grades", o.lead_grades);
  Strings(w, "partner_grades", o.partner_grades);
  w.Member("stretch_min_group", o.stretch_min_group);
  w.Member("max_tentative_moves", o.max_tentative_moves).Member("runner_ups", o.runner_ups);
  w.Member("explain", o.explain).Member("bound_iterations", o.bound_iterations);
  w.Key("weights").BeginObject();
  w.Member("unfilled", k.unfilled).Member("base", k.base).Member("skill_fit", k.skill_fit);
  w.Member("growth", k.growth).Member("volunteer", k.volunteer);
  w.Member("continuity", k.continuity).Member("worked_together", k.worked_together);
  w.Member("idle", k.idle).Member("load", k.load).Member("load_threshold", k.load_threshold);
  w.Member("cost", k.cost).Member("reference_rate", k.reference_rate);
  w.Member("key_client_partner", k.key_client_partner);
  w.EndObject().EndObject();
}

void Explanation(http::JsonWriter& w, const Names& names, const ProposedAssignment& pa,
                 const PlanJsonView& view) {
  const staffing::Explanation& e = pa.explanation;
  const bool loads = Allowed(view.loads, pa.assignment.person_id);
  w.Key("explanation").BeginObject().Key("fit").BeginArray();
  for (const staffing::SkillFit& f : e.fit) {
    w.BeginObject().Key("skill");
    names.Skill(w, f.skill_id);
    w.Member("required", f.required).Member("level", f.level).EndObject();
  }
  w.EndArray().Key("stretch_skill");
  if (e.stretch_skill_id.empty()) {
    w.Null();
  } else {
    names.Skill(w, e.stretch_skill_id);
  }
  w.Key("coach");
  names.Person(w, e.coach_id);
  Figure(w, "load_before", e.load_before, loads);
  Figure(w, "load_after", e.load_after, loads);
  w.Member("continuity", e.continuity).Member("volunteer", e.volunteer);
  w.Member("pinned", e.pinned).Member("key_client_partner", e.key_client_partner);
  w.Member("worked_with", e.worked_with).Key("runner_ups").BeginArray();
  for (const staffing::RunnerUp& r : e.runner_ups) {
    w.BeginObject().Key("person");
    names.Person(w, r.person_id);
    Figure(w, "cost", r.cost, Allowed(view.costs, r.person_id));
    w.Member("why_lost", r.why_lost).EndObject();
  }
  w.EndArray().EndObject();
}

void Entry(http::JsonWriter& w, const Names& names, const ProposedAssignment& pa,
           const PlanJsonView& view) {
  const Assignment& a = pa.assignment;
  w.BeginObject().Member("id", a.id).Member("seat_id", pa.seat_id).Key("person");
  names.Person(w, a.person_id);
  w.Key("opening");
  names.Opening(w, a.opening_id);
  w.Member("hours_per_week", a.hours_per_week).Member("start", FormatDate(a.start));
  w.Member("end", FormatDate(a.end)).Key("moved_from");
  names.Person(w, pa.moved_from_person_id);
  w.Member("stretch", pa.stretch);
  Figure(w, "cost", pa.cost, Allowed(view.costs, a.person_id));
  Explanation(w, names, pa, view);
  w.EndObject();
}

void Header(http::JsonWriter& w, const PlanDocument& d, const PlanJsonView& view) {
  const StaffingPlan& p = d.plan;
  w.Member("version", kVersion);
  if (view.id) w.Member("id", *view.id);
  if (view.created) w.Member("created", *view.created);
  if (view.accepted) w.Member("accepted", *view.accepted);
  w.Member("mode", d.mode == PlanMode::kFull ? "full" : "incremental").Key("opening_id");
  if (d.opening_id.empty()) {
    w.Null();
  } else {
    w.String(d.opening_id);
  }
  w.Member("today", FormatDate(p.today));
  Figure(w, "objective", p.objective, view.totals);
  Figure(w, "bound", p.bound, view.totals);
  Figure(w, "gap", p.gap, view.totals);
  Figure(w, "gap_assignable", p.gap_assignable, view.totals);
  w.Member("seats", p.seats).Member("candidates", p.candidates);
  Options(w, d.options);
}

void Lists(http::JsonWriter& w, const Names& names, const StaffingPlan& p,
           const PlanJsonView& view) {
  w.Key("steps").BeginArray();
  for (const staffing::StepReport& s : p.steps) {
    w.BeginObject().Member("name", s.name).Member("seconds", s.seconds).Key("effect");
    if (view.totals) {
      w.String(s.effect);
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray().Key("assignments").BeginArray();
  for (const ProposedAssignment& pa : p.assignments) Entry(w, names, pa, view);
  w.EndArray().Key("unfilled").BeginArray();
  for (const staffing::UnfilledSeat& u : p.unfilled) {
    w.BeginObject().Member("seat_id", u.seat_id).Key("opening");
    names.Opening(w, u.opening_id);
    w.Member("reason", u.reason).EndObject();
  }
  w.EndArray().Key("issues").BeginArray();
  for (const staffing::ConstraintIssue& i : p.issues) {
    w.BeginObject().Member("constraint", i.constraint).Member("subject_id", i.subject_id);
    w.Member("message", i.message);
    if (!i.detail.empty() && Allowed(view.loads, i.subject_id)) w.Member("detail", i.detail);
    Strings(w, "entry_ids", i.entry_ids);
    w.EndObject();
  }
  w.EndArray();
}

}  // namespace

void WriteStaffingPlanJson(http::JsonWriter& w, const PlanDocument& document,
                           const PlanJsonView& view) {
  const Names names(view.firm);
  w.BeginObject();
  Header(w, document, view);
  Lists(w, names, document.plan, view);
  w.EndObject();
}

std::string StaffingPlanJson(const PlanDocument& document, const PlanJsonView& view) {
  std::string out;
  http::JsonWriter w(out);
  WriteStaffingPlanJson(w, document, view);
  return out;
}

PlanCodec StaffingPlanCodec() {
  return {[](const PlanDocument& d) { return StaffingPlanJson(d); }, &ReadStoredStaffingPlan};
}

void WriteStaffingEntryJson(http::JsonWriter& w, const ProposedAssignment& entry,
                            const PlanJsonView& view) {
  Entry(w, Names(view.firm), entry, view);
}

}  // namespace guild::api
