#include "api/staffing_plan_json.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace guild::api {
namespace {

using namespace ::guild::staffing;
using nlohmann::json;

// Every field set to a value other than its default, so a field the codec
// forgets shows up as a difference.
PlanDocument FullDocument() {
  PlanDocument d;
  d.mode = PlanMode::kIncremental;
  d.opening_id = "o-7";
  StaffingOptions& o = d.options;
  o.horizon_weeks = 9;
  o.capacity_ceiling = 0.85;
  o.weights = {999.5, 101, 21, 16, 22, 11, 6, 14, 26, 0.75, 9, 250, 31};
  o.candidates_per_seat = 5;
  o.max_scan = 123;
  o.time_limit_seconds = 0.1;  // not exact in binary: needs round-trip form
  o.lead_grades = {"partner", "senior director"};
  o.partner_grades = {"partner", ""};
  o.stretch_min_group = 4;
  o.max_tentative_moves = 2;
  o.runner_ups = 1;
  o.explain = false;
  o.bound_iterations = 77;
  StaffingPlan& p = d.plan;
  p.today = Date{20500};
  p.objective = 1234.5678901234;
  p.bound = 1200.25;
  p.gap = 1.0 / 3.0;
  p.gap_assignable = 2.0 / 7.0;
  p.seats = 42;
  p.candidates = 4242;
  ProposedAssignment a;
  a.seat_id = "o-7#2";
  a.assignment = {
      "stf-1", "p-1", "o-7", 12.5, Date{20501}, Date{20600}, AssignmentStatus::kTentative};
  a.moved_from_person_id = "p-9";
  a.stretch = true;
  a.cost = 88.125;
  a.explanation.fit = {{"onet:1", 3, 2}, {"esco:x;y:z", 2, 4}};
  a.explanation.stretch_skill_id = "onet:1";
  a.explanation.coach_id = "p-3";
  a.explanation.load_before = 0.5;
  a.explanation.load_after = 0.95;
  a.explanation.continuity = true;
  a.explanation.pinned = true;
  a.explanation.key_client_partner = true;
  a.explanation.worked_with = 3;
  a.explanation.runner_ups = {{"p-4", 90.5, "higher cost: lower skill fit"}, {"p-5", 91, ""}};
  ProposedAssignment b;
  b.seat_id = "o-7#3";
  b.assignment = {"stf-2", "p-2", "o-7", 8, Date{20501}, Date{20600}, AssignmentStatus::kTentative};
  p.assignments = {a, b};
  p.unfilled = {{"o-8#1", "o-8", "skills: nobody holds onet:9 at level 4"}};
  p.issues = {{"key_client", "c-1", "keeps 1 partner\nof 2", "", {"stf-1", "stf-2"}},
              {"capacity", "p-1", "p-1 would be above", "booked 50.0 h", {"stf-1"}}};
  p.steps = {{"construct", 0.125, "seated 40"}, {"explain", 1e-9, ""}};
  return d;
}

void ExpectSame(const PlanDocument& x, const PlanDocument& y, bool issue_details = true) {
  EXPECT_EQ(x.mode, y.mode);
  EXPECT_EQ(x.opening_id, y.opening_id);
  const StaffingOptions &a = x.options, &b = y.options;
  EXPECT_EQ(a.horizon_weeks, b.horizon_weeks);
  EXPECT_EQ(a.capacity_ceiling, b.capacity_ceiling);
  for (auto field :
       {&ObjectiveWeights::unfilled, &ObjectiveWeights::base, &ObjectiveWeights::skill_fit,
        &ObjectiveWeights::growth, &ObjectiveWeights::volunteer, &ObjectiveWeights::continuity,
        &ObjectiveWeights::worked_together, &ObjectiveWeights::idle, &ObjectiveWeights::load,
        &ObjectiveWeights::load_threshold, &ObjectiveWeights::cost,
        &ObjectiveWeights::reference_rate, &ObjectiveWeights::key_client_partner}) {
    EXPECT_EQ(a.weights.*field, b.weights.*field);
  }
  EXPECT_EQ(a.candidates_per_seat, b.candidates_per_seat);
  EXPECT_EQ(a.max_scan, b.max_scan);
  EXPECT_EQ(a.time_limit_seconds, b.time_limit_seconds);
  EXPECT_EQ(a.lead_grades, b.lead_grades);
  EXPECT_EQ(a.partner_grades, b.partner_grades);
  EXPECT_EQ(a.stretch_min_group, b.stretch_min_group);
  EXPECT_EQ(a.max_tentative_moves, b.max_tentative_moves);
  EXPECT_EQ(a.runner_ups, b.runner_ups);
  EXPECT_EQ(a.explain, b.explain);
  EXPECT_EQ(a.bound_iterations, b.bound_iterations);
  const StaffingPlan &p = x.plan, &q = y.plan;
  EXPECT_EQ(p.today, q.today);
  EXPECT_EQ(p.objective, q.objective);
  EXPECT_EQ(p.bound, q.bound);
  EXPECT_EQ(p.gap, q.gap);
  EXPECT_EQ(p.gap_assignable, q.gap_assignable);
  EXPECT_EQ(p.seats, q.seats);
  EXPECT_EQ(p.candidates, q.candidates);
  ASSERT_EQ(p.assignments.size(), q.assignments.size());
  for (size_t i = 0; i < p.assignments.size(); ++i) {
    const ProposedAssignment &e = p.assignments[i], &f = q.assignments[i];
    EXPECT_EQ(e.seat_id, f.seat_id);
    EXPECT_EQ(e.assignment.id, f.assignment.id);
    EXPECT_EQ(e.assignment.person_id, f.assignment.person_id);
    EXPECT_EQ(e.assignment.opening_id, f.assignment.opening_id);
    EXPECT_EQ(e.assignment.hours_per_week, f.assignment.hours_per_week);
    EXPECT_EQ(e.assignment.start, f.assignment.start);
    EXPECT_EQ(e.assignment.end, f.assignment.end);
    EXPECT_EQ(e.moved_from_person_id, f.moved_from_person_id);
    EXPECT_EQ(e.stretch, f.stretch);
    EXPECT_EQ(e.cost, f.cost);
    const Explanation &g = e.explanation, &h = f.explanation;
    ASSERT_EQ(g.fit.size(), h.fit.size());
    for (size_t k = 0; k < g.fit.size(); ++k) {
      EXPECT_EQ(g.fit[k].skill_id, h.fit[k].skill_id);
      EXPECT_EQ(g.fit[k].required, h.fit[k].required);
      EXPECT_EQ(g.fit[k].level, h.fit[k].level);
    }
    EXPECT_EQ(g.stretch_skill_id, h.stretch_skill_id);
    EXPECT_EQ(g.coach_id, h.coach_id);
    EXPECT_EQ(g.load_before, h.load_before);
    EXPECT_EQ(g.load_after, h.load_after);
    EXPECT_EQ(g.continuity, h.continuity);
    EXPECT_EQ(g.volunteer, h.volunteer);
    EXPECT_EQ(g.pinned, h.pinned);
    EXPECT_EQ(g.key_client_partner, h.key_client_partner);
    EXPECT_EQ(g.worked_with, h.worked_with);
    ASSERT_EQ(g.runner_ups.size(), h.runner_ups.size());
    for (size_t k = 0; k < g.runner_ups.size(); ++k) {
      EXPECT_EQ(g.runner_ups[k].person_id, h.runner_ups[k].person_id);
      EXPECT_EQ(g.runner_ups[k].cost, h.runner_ups[k].cost);
      EXPECT_EQ(g.runner_ups[k].why_lost, h.runner_ups[k].why_lost);
    }
  }
  ASSERT_EQ(p.unfilled.size(), q.unfilled.size());
  for (size_t i = 0; i < p.unfilled.size(); ++i) {
    EXPECT_EQ(p.unfilled[i].seat_id, q.unfilled[i].seat_id);
    EXPECT_EQ(p.unfilled[i].opening_id, q.unfilled[i].opening_id);
    EXPECT_EQ(p.unfilled[i].reason, q.unfilled[i].reason);
  }
  ASSERT_EQ(p.issues.size(), q.issues.size());
  for (size_t i = 0; i < p.issues.size(); ++i) {
    EXPECT_EQ(p.issues[i].constraint, q.issues[i].constraint);
    EXPECT_EQ(p.issues[i].subject_id, q.issues[i].subject_id);
    EXPECT_EQ(p.issues[i].message, q.issues[i].message);
    if (issue_details) {
      EXPECT_EQ(p.issues[i].detail, q.issues[i].detail);
      EXPECT_EQ(p.issues[i].entry_ids, q.issues[i].entry_ids);
    }
  }
  ASSERT_EQ(p.steps.size(), q.steps.size());
  for (size_t i = 0; i < p.steps.size(); ++i) {
    EXPECT_EQ(p.steps[i].name, q.steps[i].name);
    EXPECT_EQ(p.steps[i].seconds, q.steps[i].seconds);
    EXPECT_EQ(p.steps[i].effect, q.steps[i].effect);
  }
}

TEST(StaffingPlanJson, RoundTripsEveryField) {
  const PlanDocument in = FullDocument();
  auto out = ReadStaffingPlanJson(StaffingPlanJson(in), "plan.json");
  ASSERT_TRUE(out.ok()) << out.status().message();
  ExpectSame(in, *out);
  // The API's header and the firm's names are read past, not into the plan.
  FirmData firm;
  firm.people.push_back({});
  firm.people.mut().back().id = "p-1";
  firm.people.mut().back().name = "Ana Ruiz";
  PlanJsonView view;
  view.firm = &firm;
  view.id = "plan_1";
  view.created = "2026-03-02T09:00:00Z";
  view.accepted = true;
  const std::string named = StaffingPlanJson(in, view);
  EXPECT_NE(named.find(R"("person":{"id":"p-1","name":"Ana Ruiz")"), std::string::npos) << named;
  auto again = ReadStoredStaffingPlan(named, "stored plan plan_1");
  ASSERT_TRUE(again.ok()) << again.status().message();
  ExpectSame(in, *again);
}

// What a viewer may not read is null, not there to be worked back: totals,
// and each person's costs and loads.
TEST(StaffingPlanJson, HiddenFiguresAreNull) {
  PlanJsonView view;
  view.totals = false;
  view.costs = [](std::string_view person) { return person == "p-2"; };
  view.loads = [](std::string_view) { return false; };
  const json out = json::parse(StaffingPlanJson(FullDocument(), view));
  for (const char* total : {"objective", "bound", "gap", "gap_assignable"}) {
    EXPECT_TRUE(out[total].is_null()) << total;
  }
  for (const json& step : out["steps"]) EXPECT_TRUE(step["effect"].is_null());
  const json& first = out["assignments"][0];
  EXPECT_TRUE(first["cost"].is_null());
  EXPECT_TRUE(first["explanation"]["load_before"].is_null());
  EXPECT_TRUE(first["explanation"]["load_after"].is_null());
  EXPECT_TRUE(first["explanation"]["runner_ups"][0]["cost"].is_null());
  EXPECT_EQ(out["assignments"][1]["cost"], 0.0);  // p-2's cost may be read
  EXPECT_FALSE(out["issues"][1].contains("detail"));
  // A plan written so reads back without the figures.
  auto back = ReadStaffingPlanJson(out.dump(), "redacted");
  ASSERT_TRUE(back.ok()) << back.status().message();
  EXPECT_EQ(back->plan.objective, 0);
  EXPECT_EQ(back->plan.assignments[0].cost, 0);
}

// Strict: nothing missing, nothing unknown, nothing of the wrong type or
// form is defaulted; each error names the JSON path.
TEST(StaffingPlanJson, RejectsWhatIsNotThePlanShape) {
  const json good = json::parse(StaffingPlanJson(FullDocument()));
  struct Case {
    std::function<void(json&)> edit;
    std::string message;
  };
  const std::vector<Case> cases = {
      {[](json& j) { j["assignments"][0].erase("hours_per_week"); },
       "assignments[0].hours_per_week: expected a number (missing)"},
      {[](json& j) { j["assignments"][1]["hours_per_week"] = "16"; },
       "assignments[1].hours_per_week: expected a number, got \"16\""},
      {[](json& j) { j["assignments"][0]["end"] = "2026-02-30"; },
       "assignments[0].end: expected a date like 2026-03-02"},
      {[](json& j) { j["options"]["colour"] = "red"; }, "options.colour: expected no such field"},
      {[](json& j) { j["options"]["weights"].erase("cost"); },
       "options.weights.cost: expected a number (missing)"},
      {[](json& j) { j["mode"] = "some"; }, "mode: expected \"full\" or \"incremental\""},
      {[](json& j) { j["version"] = 3; }, "version: expected 2"},
      {[](json& j) { j["assignments"][0]["explanation"]["fit"] = 7; },
       "assignments[0].explanation.fit: expected an array"},
      {[](json& j) { j["assignments"][0]["person"] = json::object(); },
       "assignments[0].person.id: expected a string (missing)"},
      {[](json& j) { j["issues"][0]["entry_ids"] = {1}; },
       "issues[0].entry_ids: expected an array of strings"},
      {[](json& j) { j = json::array(); }, "$: expected a JSON object"},
  };
  for (const Case& c : cases) {
    json edited = good;
    c.edit(edited);
    auto read = ReadStaffingPlanJson(edited.dump(), "plan.json");
    ASSERT_FALSE(read.ok()) << c.message;
    EXPECT_EQ(read.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(read.status().message().find("plan.json: "), std::string::npos);
    EXPECT_NE(read.status().message().find(c.message), std::string::npos)
        << read.status().message();
  }
  EXPECT_NE(ReadStaffingPlanJson("{\"version\":", "p")
                .status()
                .message()
                .find("not a staffing "
                      "plan (line 1)"),
            std::string::npos);
  EXPECT_FALSE(ReadStaffingPlanJson(std::string(100000, '[') + std::string(100000, ']'), "p").ok());
  EXPECT_FALSE(ReadStaffingPlanJson(R"({"version":2,"seats":1e400})", "p").ok());
}

// A plan an older Guild stored in its own text format (this fixture is what
// that codec wrote for the same plan) still loads.
TEST(StaffingPlanJson, ReadsPlansStoredByAnOlderGuild) {
  const std::string v1 =
      "guild-plan/1;1;3:o-79;0.85;999.5;101;21;16;22;11;6;14;26;0.75;9;250;31;5;123;0.1;2;7:"
      "partner15:senior director2;7:partner0:4;2;1;0;77;20500;1234.5678901234;1200.25;"
      "0.3333333333333333;0.2857142857142857;42;4242;2;5:o-7#25:stf-13:p-13:o-712.5;20501;20600;"
      "1;3:p-91;88.125;2;6:onet:13;2;10:esco:x;y:z2;4;6:onet:13:p-30.5;0.95;13;3;2;3:p-490.5;28:"
      "cost 90.5 vs 88.1: lower fit3:p-591;0:0:0:3:p-20:0;0;0;0;0:0;0;0;0:0:0;0;0;0;0;1;5:o-8#13:"
      "o-844:no candidate: nobody holds onet:9 at level 41;10:key_client3:c-120:keeps 1 partner\n"
      "of 22;9:construct0.125;9:seated 407:explain1e-09;0:";
  auto read = ReadStoredStaffingPlan(v1, "stored plan plan_v1");
  ASSERT_TRUE(read.ok()) << read.status().message();
  const PlanDocument& d = *read;
  EXPECT_EQ(d.mode, PlanMode::kIncremental);
  EXPECT_EQ(d.opening_id, "o-7");
  EXPECT_EQ(d.options.horizon_weeks, 9);
  EXPECT_EQ(d.options.lead_grades, (std::vector<std::string>{"partner", "senior director"}));
  EXPECT_EQ(d.options.weights.key_client_partner, 31);
  EXPECT_EQ(d.options.bound_iterations, 77);
  EXPECT_EQ(d.plan.today, Date{20500});
  EXPECT_EQ(d.plan.objective, 1234.5678901234);
  ASSERT_EQ(d.plan.assignments.size(), 2u);
  const ProposedAssignment& a = d.plan.assignments[0];
  EXPECT_EQ(a.assignment.person_id, "p-1");
  EXPECT_EQ(a.assignment.hours_per_week, 12.5);
  EXPECT_EQ(a.moved_from_person_id, "p-9");
  EXPECT_EQ(a.explanation.fit[1].skill_id, "esco:x;y:z");
  EXPECT_EQ(a.explanation.runner_ups[0].why_lost, "cost 90.5 vs 88.1: lower fit");
  EXPECT_EQ(d.plan.issues[0].message, "keeps 1 partner\nof 2");
  EXPECT_EQ(d.plan.steps[1].seconds, 1e-9);
  // Once read, it is written as JSON and reads back the same. (The
  // fixture's second entry is the old codec's emptiest entry: a person and
  // nothing else.)
  EXPECT_EQ(d.plan.assignments[1].assignment.person_id, "p-2");
  auto json_again = ReadStoredStaffingPlan(StaffingPlanJson(d), "stored plan plan_v1");
  ASSERT_TRUE(json_again.ok()) << json_again.status().message();
  ExpectSame(d, *json_again);
  // An entry without a person is refused in either format (JSON could not
  // write it back: found by staffing_plan_json_fuzz, tests/fuzz).
  std::string no_person = v1;
  no_person.replace(no_person.find("0:0:0:3:p-20:0;"), 15, "0:0:0:0:0:0;");
  auto refused = ReadStoredStaffingPlan(no_person, "stored plan plan_v1");
  EXPECT_EQ(refused.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(refused.status().message().find("assignment.person_id: empty"), std::string::npos)
      << refused.status().message();
  std::string json_no_person = StaffingPlanJson(d);
  json_no_person.replace(json_no_person.find(R"({"id":"p-2"})"), 12, R"({"id":""})");
  auto refused_json = ReadStaffingPlanJson(json_no_person, "plan.json");
  ASSERT_FALSE(refused_json.ok());
  EXPECT_NE(
      refused_json.status().message().find("assignments[1].person.id: expected a person's id"),
      std::string::npos)
      << refused_json.status().message();
  // A truncated old plan is an error naming the byte, never a partial plan.
  auto cut = ReadStoredStaffingPlan(v1.substr(0, 200), "stored plan plan_v1");
  EXPECT_EQ(cut.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(cut.status().message().find("stored plan plan_v1: byte"), std::string::npos);
}

// A plan file an older `guild staff plan` wrote (this fixture has the
// fields, names and order of that writer, src/cli/cmd_staff.cc before the
// one codec) still loads, as strictly as the current shape.
TEST(StaffingPlanJson, ReadsPlanFilesOfAnOlderCommandLine) {
  const std::string old_file = R"({
    "today": "2026-03-02", "objective": 1234.5, "bound": 1200.25, "gap": 0.0279,
    "gap_assignable": 0.03, "seats": 3, "candidates": 42,
    "options": {"horizon_weeks": 12, "capacity_ceiling": 1.0, "stretch_min_group": 3,
                "lead_grades": ["partner", "director"], "partner_grades": ["partner"]},
    "assignments": [
      {"seat_id": "o-1#0", "id": "stf-1", "person_id": "p-1", "opening_id": "o-1",
       "hours_per_week": 16, "start": "2026-03-02", "end": "2026-05-29",
       "moved_from_person_id": "", "stretch": true, "cost": 88.5,
       "explanation": {"fit": [{"skill_id": "onet:1", "required": 3, "level": 2}],
                       "stretch_skill_id": "onet:1", "coach_id": "p-9",
                       "load_before": 0.5, "load_after": 0.9, "continuity": false,
                       "volunteer": true, "pinned": false, "key_client_partner": false,
                       "worked_with": 2,
                       "runner_ups": [{"person_id": "p-4", "cost": 90.5,
                                       "why_lost": "cost 90.5 vs 88.5"}]}},
      {"seat_id": "o-2#0", "id": "a-7", "person_id": "p-2", "opening_id": "o-2",
       "hours_per_week": 40, "start": "2026-04-06", "end": "2026-06-26",
       "moved_from_person_id": "p-3", "stretch": false, "cost": 20,
       "explanation": {"fit": [], "stretch_skill_id": "", "coach_id": "",
                       "load_before": 0, "load_after": 1, "continuity": true,
                       "volunteer": false, "pinned": true, "key_client_partner": true,
                       "worked_with": 0, "runner_ups": []}}],
    "unfilled": [{"seat_id": "o-3#1", "opening_id": "o-3", "reason": "no candidate"}],
    "issues": [{"constraint": "lead", "subject_id": "e-1", "message": "no lead"}],
    "steps": [{"name": "construct", "seconds": 0.25, "effect": "seated 2"}]})";
  auto read = ReadStaffingPlanJson(old_file, "plan.json");
  ASSERT_TRUE(read.ok()) << read.status().message();
  const PlanDocument& d = *read;
  EXPECT_EQ(d.mode, PlanMode::kFull);
  EXPECT_EQ(d.plan.today, *ParseDate("2026-03-02"));
  EXPECT_EQ(d.plan.objective, 1234.5);
  EXPECT_EQ(d.plan.candidates, 42);
  EXPECT_EQ(d.options.lead_grades, (std::vector<std::string>{"partner", "director"}));
  EXPECT_EQ(d.options.stretch_min_group, 3);
  ASSERT_EQ(d.plan.assignments.size(), 2u);
  const ProposedAssignment& a = d.plan.assignments[0];
  EXPECT_EQ(a.assignment.person_id, "p-1");
  EXPECT_EQ(a.assignment.opening_id, "o-1");
  EXPECT_EQ(a.assignment.end, *ParseDate("2026-05-29"));
  EXPECT_EQ(a.explanation.coach_id, "p-9");
  EXPECT_EQ(a.explanation.fit[0].level, 2);
  EXPECT_EQ(a.explanation.runner_ups[0].person_id, "p-4");
  EXPECT_EQ(d.plan.assignments[1].moved_from_person_id, "p-3");
  EXPECT_TRUE(d.plan.assignments[1].explanation.key_client_partner);
  EXPECT_EQ(d.plan.unfilled[0].opening_id, "o-3");
  EXPECT_EQ(d.plan.issues[0].message, "no lead");
  EXPECT_EQ(d.plan.steps[0].effect, "seated 2");
  // Written again, it is the current shape and reads back the same.
  auto again = ReadStaffingPlanJson(StaffingPlanJson(d), "plan.json");
  ASSERT_TRUE(again.ok()) << again.status().message();
  ExpectSame(d, *again);
  // The old reader defaulted missing fields; this one names them.
  json cut = json::parse(old_file);
  cut["assignments"][1].erase("hours_per_week");
  cut["assignments"][0]["explanation"].erase("coach_id");
  auto missing = ReadStaffingPlanJson(cut.dump(), "plan.json");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("assignments[1].hours_per_week: expected a number "
                                            "(missing)"),
            std::string::npos)
      << missing.status().message();
  EXPECT_NE(missing.status().message().find("assignments[0].explanation.coach_id"),
            std::string::npos);
}

}  // namespace
}  // namespace guild::api
