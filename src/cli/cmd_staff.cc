// `guild staff plan|accept|explain|market`: the staffing engine.
//
//   plan     what-if plan of every open seat (or --opening ID: that one only);
//            prints a summary, writes the plan file, never touches the store
//   accept   re-checks a plan file against the store and writes it, all
//            tentative, in one transaction, or nothing
//   explain  why a seat / assignment / person got what they got, from a plan
//   market   skill demand vs supply, unfilled seats, idle and overloaded people
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <unordered_map>

#include "cli/commands.h"
#include "common/json_text.h"
#include "common/progress.h"
#include "service/staffing/staffing_service.h"
#include "store/store.h"

namespace guild::cli {

namespace {

using Json = nlohmann::json;
using namespace ::guild::staffing;

constexpr const char* kDefaultPlanFile = "staff-plan.json";
constexpr int kProgressSteps = 1000;

struct Common {
  std::string db = "guild.db";
  std::string today;
  bool json = false;
  int horizon = 12;
  double ceiling = 1.0;
  double time_limit = 20;
};

Result<Date> TodayOf(const std::string& text) {
  if (text.empty()) return SystemClock().Today();
  auto d = ParseDate(text);
  if (!d) return InvalidArgument("--today: expected a date like 2026-03-02, got '" + text + "'");
  return *d;
}

Result<FirmData> LoadFirm(const std::string& db) {
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store,
                   OpenStore({.url = db, .create_if_missing = false}));
  return store->Load({});
}

//! People's and skills' display names, so output says "Ana Ruiz (p-12)"
//! rather than a bare id. Ids without a name are shown as they are.
class Names {
 public:
  Names() = default;
  explicit Names(const FirmData& firm) {
    for (const Person& p : firm.people) person_.emplace(p.id, p.name);
    for (const Skill& s : firm.skills) skill_.emplace(s.id, s.name);
  }
  [[nodiscard]] std::string PersonName(const std::string& id) const { return With(person_, id); }
  [[nodiscard]] std::string SkillName(const std::string& id) const { return With(skill_, id); }

 private:
  static std::string With(const std::unordered_map<std::string, std::string>& names,
                          const std::string& id) {
    auto it = names.find(id);
    return it == names.end() || it->second.empty() ? id : it->second + " (" + id + ")";
  }
  std::unordered_map<std::string, std::string> person_;
  std::unordered_map<std::string, std::string> skill_;
};

//! Names from `db` (people and skills only). An empty `db` means "guild.db
//! if it exists": the plan file alone is enough to explain, by id.
Result<Names> LoadNames(const std::string& db) {
  std::string url = db;
  if (url.empty()) {
    if (!std::ifstream("guild.db")) return Names();
    url = "guild.db";
  }
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store,
                   OpenStore({.url = url, .create_if_missing = false}));
  ASSIGN_OR_RETURN(FirmData firm,
                   store->Load({.kinds = {EntityKind::kPeople, EntityKind::kSkills}}));
  return Names(firm);
}

// ---- plan file (JSON lives only at the edges) ----

Json ToJson(const StaffingOptions& o) {
  return {{"horizon_weeks", o.horizon_weeks},
          {"capacity_ceiling", o.capacity_ceiling},
          {"stretch_min_group", o.stretch_min_group},
          {"lead_grades", o.lead_grades},
          {"partner_grades", o.partner_grades}};
}

Json ToJson(const Explanation& e) {
  Json fit = Json::array(), runner = Json::array();
  for (const SkillFit& f : e.fit) {
    fit.push_back({{"skill_id", f.skill_id}, {"required", f.required}, {"level", f.level}});
  }
  for (const RunnerUp& r : e.runner_ups) {
    runner.push_back({{"person_id", r.person_id}, {"cost", r.cost}, {"why_lost", r.why_lost}});
  }
  return {{"fit", fit},
          {"stretch_skill_id", e.stretch_skill_id},
          {"coach_id", e.coach_id},
          {"load_before", e.load_before},
          {"load_after", e.load_after},
          {"continuity", e.continuity},
          {"volunteer", e.volunteer},
          {"pinned", e.pinned},
          {"key_client_partner", e.key_client_partner},
          {"worked_with", e.worked_with},
          {"runner_ups", runner}};
}

Json ToJson(const StaffingPlan& p, const StaffingOptions& o) {
  Json assignments = Json::array(), unfilled = Json::array(), issues = Json::array(),
       steps = Json::array();
  for (const ProposedAssignment& a : p.assignments) {
    assignments.push_back({{"seat_id", a.seat_id},
                           {"id", a.assignment.id},
                           {"person_id", a.assignment.person_id},
                           {"opening_id", a.assignment.opening_id},
                           {"hours_per_week", a.assignment.hours_per_week},
                           {"start", FormatDate(a.assignment.start)},
                           {"end", FormatDate(a.assignment.end)},
                           {"moved_from_person_id", a.moved_from_person_id},
                           {"stretch", a.stretch},
                           {"cost", a.cost},
                           {"explanation", ToJson(a.explanation)}});
  }
  for (const UnfilledSeat& u : p.unfilled) {
    unfilled.push_back(
        {{"seat_id", u.seat_id}, {"opening_id", u.opening_id}, {"reason", u.reason}});
  }
  for (const ConstraintIssue& i : p.issues) {
    issues.push_back(
        {{"constraint", i.constraint}, {"subject_id", i.subject_id}, {"message", i.message}});
  }
  for (const StepReport& s : p.steps) {
    steps.push_back({{"name", s.name}, {"seconds", s.seconds}, {"effect", s.effect}});
  }
  return {{"today", FormatDate(p.today)},
          {"objective", p.objective},
          {"bound", p.bound},
          {"gap", p.gap},
          {"gap_assignable", p.gap_assignable},
          {"seats", p.seats},
          {"candidates", p.candidates},
          {"options", ToJson(o)},
          {"assignments", assignments},
          {"unfilled", unfilled},
          {"issues", issues},
          {"steps", steps}};
}

// Reads fields with messages naming the file and the JSON path.
class Reader {
 public:
  explicit Reader(std::string file) : file_(std::move(file)) {}
  Status error;

  template <typename T>
  T Get(const Json& j, const std::string& path, const char* key, T fallback) {
    if (!error.ok()) return fallback;
    if (!j.is_object() || !j.contains(key)) return Fail(path + "." + key, "a value", fallback);
    try {
      return j.at(key).get<T>();
    } catch (const Json::exception&) {
      return Fail(path + "." + key, "a value of the right type", fallback);
    }
  }
  Date GetDate(const Json& j, const std::string& path, const char* key) {
    const std::string text = Get<std::string>(j, path, key, "");
    if (!error.ok()) return {};
    auto d = ParseDate(text);
    if (!d) return Fail(path + "." + key, "a date like 2026-03-02", Date{});
    return *d;
  }

 private:
  template <typename T>
  T Fail(const std::string& where, const std::string& what, T fallback) {
    error = InvalidArgument(file_ + ": " + where + ": expected " + what);
    return fallback;
  }
  std::string file_;
};

Result<std::pair<StaffingPlan, StaffingOptions>> ReadPlan(const std::string& file) {
  std::ifstream in(file);
  if (!in) return NotFound(file + ": cannot open the plan file (run `guild staff plan` first)");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  constexpr int kMaxPlanDepth = 32;
  if (ScanJsonText(text, kMaxPlanDepth, 0).too_deep_at) {
    return InvalidArgument(file + ": not a plan: nests more than 32 arrays and objects");
  }
  Json j;
  try {
    j = Json::parse(text);
  } catch (const Json::exception& e) {
    return InvalidArgument(file + ": not JSON: " + e.what());
  }
  Reader r(file);
  StaffingPlan p;
  StaffingOptions o;
  p.today = r.GetDate(j, "$", "today");
  p.objective = r.Get<double>(j, "$", "objective", 0);
  p.bound = r.Get<double>(j, "$", "bound", 0);
  const Json opts = j.value("options", Json::object());
  o.horizon_weeks = r.Get<int>(opts, "$.options", "horizon_weeks", o.horizon_weeks);
  o.capacity_ceiling = r.Get<double>(opts, "$.options", "capacity_ceiling", o.capacity_ceiling);
  o.stretch_min_group = r.Get<int>(opts, "$.options", "stretch_min_group", o.stretch_min_group);
  o.lead_grades = r.Get<std::vector<std::string>>(opts, "$.options", "lead_grades", o.lead_grades);
  o.partner_grades =
      r.Get<std::vector<std::string>>(opts, "$.options", "partner_grades", o.partner_grades);
  const Json list = j.value("assignments", Json::array());
  for (size_t i = 0; i < list.size() && r.error.ok(); ++i) {
    const std::string path = "$.assignments[" + std::to_string(i) + "]";
    const Json& a = list[i];
    ProposedAssignment pa;
    pa.seat_id = r.Get<std::string>(a, path, "seat_id", "");
    pa.assignment.id = r.Get<std::string>(a, path, "id", "");
    pa.assignment.person_id = r.Get<std::string>(a, path, "person_id", "");
    pa.assignment.opening_id = r.Get<std::string>(a, path, "opening_id", "");
    pa.assignment.hours_per_week = r.Get<double>(a, path, "hours_per_week", 0);
    pa.assignment.start = r.GetDate(a, path, "start");
    pa.assignment.end = r.GetDate(a, path, "end");
    pa.moved_from_person_id = a.value("moved_from_person_id", "");
    pa.stretch = a.value("stretch", false);
    pa.cost = a.value("cost", 0.0);
    const Json e = a.value("explanation", Json::object());
    for (const Json& f : e.value("fit", Json::array())) {
      pa.explanation.fit.push_back(
          {f.value("skill_id", ""), f.value("required", 0), f.value("level", 0)});
    }
    pa.explanation.stretch_skill_id = e.value("stretch_skill_id", "");
    pa.explanation.coach_id = e.value("coach_id", "");
    pa.explanation.load_before = e.value("load_before", 0.0);
    pa.explanation.load_after = e.value("load_after", 0.0);
    pa.explanation.continuity = e.value("continuity", false);
    pa.explanation.volunteer = e.value("volunteer", false);
    pa.explanation.pinned = e.value("pinned", false);
    pa.explanation.key_client_partner = e.value("key_client_partner", false);
    pa.explanation.worked_with = e.value("worked_with", 0);
    for (const Json& ru : e.value("runner_ups", Json::array())) {
      pa.explanation.runner_ups.push_back(
          {ru.value("person_id", ""), ru.value("cost", 0.0), ru.value("why_lost", "")});
    }
    p.assignments.push_back(std::move(pa));
  }
  for (const Json& u : j.value("unfilled", Json::array())) {
    p.unfilled.push_back(
        {u.value("seat_id", ""), u.value("opening_id", ""), u.value("reason", "")});
  }
  for (const Json& i : j.value("issues", Json::array())) {
    p.issues.push_back(
        {i.value("constraint", ""), i.value("subject_id", ""), i.value("message", "")});
  }
  if (!r.error.ok()) return r.error;
  return std::make_pair(std::move(p), std::move(o));
}

// ---- commands ----

void PrintExplanation(const ProposedAssignment& a, const Names& names) {
  const Explanation& e = a.explanation;
  std::printf("%s -> %s (%s, %.0f h/week, %s..%s)%s\n", a.seat_id.c_str(),
              names.PersonName(a.assignment.person_id).c_str(), a.assignment.id.c_str(),
              a.assignment.hours_per_week, FormatDate(a.assignment.start).c_str(),
              FormatDate(a.assignment.end).c_str(),
              a.moved_from_person_id.empty()
                  ? ""
                  : (" moved from " + names.PersonName(a.moved_from_person_id)).c_str());
  std::printf("  cost %.2f\n", a.cost);
  for (const SkillFit& f : e.fit) {
    std::printf("  fit   %-48s required %d, has %d%s\n", names.SkillName(f.skill_id).c_str(),
                f.required, f.level, f.level < f.required ? "  (stretch)" : "");
  }
  if (!e.stretch_skill_id.empty()) {
    std::printf("  stretch on %s, coached by %s\n", names.SkillName(e.stretch_skill_id).c_str(),
                names.PersonName(e.coach_id).c_str());
  }
  std::printf("  load  %.0f%% before, %.0f%% after (peak of the seat's weeks)\n",
              100 * e.load_before, 100 * e.load_after);
  std::printf("  continuity %s, volunteered %s, pinned %s, worked with %d of the team%s\n",
              e.continuity ? "yes" : "no", e.volunteer ? "yes" : "no", e.pinned ? "yes" : "no",
              e.worked_with, e.key_client_partner ? ", keeps a key client's partners" : "");
  for (const RunnerUp& r : e.runner_ups) {
    std::printf("  runner-up %-30s cost %.2f  %s\n", names.PersonName(r.person_id).c_str(), r.cost,
                r.why_lost.c_str());
  }
}

void PrintSummary(const StaffingPlan& p, const FirmData& firm, const std::string& out) {
  const Names names(firm);
  std::printf("seats %lld, assigned %zu, unfilled %zu, issues %zu\n",
              static_cast<long long>(p.seats), p.assignments.size(), p.unfilled.size(),
              p.issues.size());
  std::printf("objective %.2f, bound %.2f, gap %.3f%% (%.3f%% of the assignable cost)\n",
              p.objective, p.bound, 100 * p.gap, 100 * p.gap_assignable);
  for (const StepReport& s : p.steps) {
    std::printf("  %-20s %8.3f s  %s\n", s.name.c_str(), s.seconds, s.effect.c_str());
  }
  constexpr size_t kShown = 10;
  for (size_t i = 0; i < p.assignments.size() && i < kShown; ++i) {
    const ProposedAssignment& a = p.assignments[i];
    std::printf("  %-24s %s%s\n", a.seat_id.c_str(),
                names.PersonName(a.assignment.person_id).c_str(), a.stretch ? "  stretch" : "");
  }
  for (size_t i = 0; i < p.unfilled.size() && i < kShown; ++i) {
    std::printf("  unfilled %-24s %s\n", p.unfilled[i].seat_id.c_str(),
                p.unfilled[i].reason.c_str());
  }
  for (size_t i = 0; i < p.issues.size() && i < kShown; ++i) {
    std::printf("  issue %-10s %s\n", p.issues[i].constraint.c_str(), p.issues[i].message.c_str());
  }
  if (!out.empty()) std::printf("plan written to %s (what-if: nothing stored)\n", out.c_str());
}

struct PlanArgs {
  Common common;
  std::string out = kDefaultPlanFile;
  std::string opening;
  bool no_explain = false;
};

int RunPlan(const PlanArgs& a) {
  auto today = TodayOf(a.common.today);
  if (!today.ok()) return Fail(today.status());
  auto firm = LoadFirm(a.common.db);
  if (!firm.ok()) return Fail(firm.status());
  StaffingOptions o;
  o.horizon_weeks = a.common.horizon;
  o.capacity_ceiling = a.common.ceiling;
  o.time_limit_seconds = a.common.time_limit;
  o.explain = !a.no_explain;
  ProgressBar bar("staffing", kProgressSteps,
                  a.common.json ? ProgressMode::kNever : ProgressMode::kAuto);
  o.progress = [&bar](std::string_view step, double fraction) {
    bar.SetLabel(std::string(step));
    bar.Update(static_cast<int64_t>(fraction * kProgressSteps));
  };
  StaffingService service(*firm, *today, o);
  auto plan = a.opening.empty() ? service.Plan() : service.Incremental(a.opening);
  bar.Finish();
  if (!plan.ok()) return Fail(plan.status());
  const Json j = ToJson(*plan, o);
  if (!a.out.empty()) {
    std::ofstream file(a.out);
    file << j.dump(1) << "\n";
    if (!file) return Fail(Internal(a.out + ": cannot write the plan file"));
  }
  if (a.common.json) {
    std::cout << j.dump(2) << "\n";
  } else {
    PrintSummary(*plan, *firm, a.out);
  }
  return kExitOk;
}

int RunAccept(const std::string& db, const std::string& file) {
  auto plan = ReadPlan(file);
  if (!plan.ok()) return Fail(plan.status());
  auto store = OpenStore({.url = db, .create_if_missing = false});
  if (!store.ok()) return Fail(store.status());
  auto report = StaffingService::Accept(**store, plan->first, plan->second);
  if (!report.ok()) return Fail(report.status());
  std::printf("accepted: %d new tentative assignments, %d moved (one transaction)\n",
              report->created, report->moved);
  return kExitOk;
}

int RunExplain(const std::string& key, const std::string& file, const std::string& db, bool json) {
  auto plan = ReadPlan(file);
  if (!plan.ok()) return Fail(plan.status());
  auto names = json ? Result<Names>(Names()) : LoadNames(db);
  if (!names.ok()) return Fail(names.status());
  auto found = StaffingService::Explain(plan->first, key);
  if (!found.ok()) {
    for (const UnfilledSeat& u : plan->first.unfilled) {
      if (u.seat_id != key) continue;
      std::printf("%s is unfilled: %s\n", u.seat_id.c_str(), u.reason.c_str());
      return kExitOk;
    }
    return Fail(found.status());
  }
  if (json) {
    std::cout << ToJson(found->explanation).dump(2) << "\n";
  } else {
    PrintExplanation(*found, *names);
  }
  return kExitOk;
}

int RunMarket(const Common& c, int weeks, int limit) {
  auto today = TodayOf(c.today);
  if (!today.ok()) return Fail(today.status());
  auto firm = LoadFirm(c.db);
  if (!firm.ok()) return Fail(firm.status());
  StaffingOptions o;
  o.horizon_weeks = std::max(c.horizon, weeks);
  o.capacity_ceiling = c.ceiling;
  o.time_limit_seconds = c.time_limit;
  o.explain = false;
  StaffingService service(*firm, *today, o);
  auto plan = service.Plan();
  if (!plan.ok()) return Fail(plan.status());
  auto r = service.Market({.weeks = weeks, .limit = limit}, &*plan);
  if (!r.ok()) return Fail(r.status());
  if (c.json) {
    Json out = {{"weeks", r->weeks},
                {"delegable_leadership_hours_per_week", r->delegable_leadership_hours_per_week},
                {"skills", Json::array()},
                {"unfilled", Json::array()},
                {"idle", Json::array()},
                {"overloaded", Json::array()}};
    for (const SkillBalance& s : r->skills) {
      out["skills"].push_back({{"skill_id", s.skill_id},
                               {"demand_hours", s.demand_hours},
                               {"supply_hours", s.supply_hours}});
    }
    for (const UnfilledSeat& u : r->unfilled) {
      out["unfilled"].push_back(
          {{"seat_id", u.seat_id}, {"opening_id", u.opening_id}, {"reason", u.reason}});
    }
    for (const IdlePerson& p : r->idle) {
      out["idle"].push_back(
          {{"person_id", p.person_id}, {"utilisation", p.utilisation}, {"skills", p.skills}});
    }
    for (const OverloadedPerson& p : r->overloaded) {
      out["overloaded"].push_back({{"person_id", p.person_id},
                                   {"logged_hours_per_week", p.logged_hours_per_week},
                                   {"capacity_hours", p.capacity_hours},
                                   {"leadership_hours_per_week", p.leadership_hours_per_week},
                                   {"delegable_hours_per_week", p.delegable_hours_per_week}});
    }
    std::cout << out.dump(2) << "\n";
    return kExitOk;
  }
  const Names names(*firm);
  std::printf("market over %d weeks from %s\n", r->weeks, FormatDate(*today).c_str());
  std::printf("%-56s %12s %12s\n", "skill", "demand h", "supply h");
  for (const SkillBalance& s : r->skills) {
    std::printf("%-56s %12.0f %12.0f\n", names.SkillName(s.skill_id).c_str(), s.demand_hours,
                s.supply_hours);
  }
  std::printf("unfilled seats (%zu shown)\n", r->unfilled.size());
  for (const UnfilledSeat& u : r->unfilled) {
    std::printf("  %-24s %s\n", u.seat_id.c_str(), u.reason.c_str());
  }
  std::printf("idle people (%zu shown)\n", r->idle.size());
  for (const IdlePerson& p : r->idle) {
    std::string skills;
    for (const std::string& s : p.skills) {
      skills += (skills.empty() ? "" : ", ") + names.SkillName(s);
    }
    std::printf("  %-30s %5.0f%% booked  %s\n", names.PersonName(p.person_id).c_str(),
                100 * p.utilisation, skills.c_str());
  }
  std::printf("overloaded people (%zu shown)\n", r->overloaded.size());
  for (const OverloadedPerson& p : r->overloaded) {
    std::printf("  %-30s %5.1f h/week logged of %4.1f, leadership %4.1f, delegable %4.1f\n",
                names.PersonName(p.person_id).c_str(), p.logged_hours_per_week, p.capacity_hours,
                p.leadership_hours_per_week, p.delegable_hours_per_week);
  }
  std::printf("delegable leadership hours: %.1f per week\n",
              r->delegable_leadership_hours_per_week);
  return kExitOk;
}

void AddCommon(CLI::App& cmd, Common& c) {
  AddDbOption(cmd, c.db);
  cmd.add_option("--today", c.today, "Planning date YYYY-MM-DD (default: today)");
  cmd.add_flag("--json", c.json, "Print JSON");
  cmd.add_option("--horizon", c.horizon, "Weeks checked for capacity (1..104)");
  cmd.add_option("--ceiling", c.ceiling, "Share of weekly capacity never exceeded (default 1.0)");
  cmd.add_option("--time-limit", c.time_limit, "Solver seconds");
}

void RegisterStaff(CLI::App& app, int& exit_code) {
  CLI::App* group = app.add_subcommand("staff", "Staffing: plan, accept, explain, market.");
  group->require_subcommand(1);

  auto plan = std::make_shared<PlanArgs>();
  CLI::App* p = group->add_subcommand("plan", "What-if plan of every open seat (nothing stored).");
  AddCommon(*p, plan->common);
  p->add_option("--out", plan->out, "Plan file to write (default staff-plan.json; '' = none)");
  p->add_option("--opening", plan->opening, "Incremental: seat only this opening");
  p->add_flag("--no-explain", plan->no_explain, "Skip explanations (faster on large firms)");
  p->callback([plan, &exit_code] { exit_code = RunPlan(*plan); });

  auto accept = std::make_shared<std::pair<std::string, std::string>>("guild.db", "");
  CLI::App* ac = group->add_subcommand("accept", "Write a plan, all tentative, or nothing.");
  AddDbOption(*ac, accept->first);
  ac->add_option("plan", accept->second, "Plan file from `guild staff plan`")->required();
  ac->callback([accept, &exit_code] { exit_code = RunAccept(accept->first, accept->second); });

  auto explain = std::make_shared<std::tuple<std::string, std::string, bool, std::string>>(
      "", kDefaultPlanFile, false, "");
  CLI::App* ex = group->add_subcommand("explain", "Why an assignment or seat went as it did.");
  ex->add_option("key", std::get<0>(*explain), "Seat id (OPENING#n), assignment id or person id")
      ->required();
  ex->add_option("--plan", std::get<1>(*explain), "Plan file (default: the last plan)");
  ex->add_flag("--json", std::get<2>(*explain));
  ex->add_option("--db", std::get<3>(*explain),
                 "Store for people's and skills' names (default: guild.db if present)");
  ex->callback([explain, &exit_code] {
    exit_code = RunExplain(std::get<0>(*explain), std::get<1>(*explain), std::get<3>(*explain),
                           std::get<2>(*explain));
  });

  auto market = std::make_shared<std::tuple<Common, int, int>>(Common{}, 8, 30);
  CLI::App* m = group->add_subcommand("market", "Demand vs supply, unfilled, idle, overloaded.");
  AddCommon(*m, std::get<0>(*market));
  m->add_option("--weeks", std::get<1>(*market), "Weeks from today (default 8)");
  m->add_option("--limit", std::get<2>(*market), "Rows per list (default 30)");
  m->callback([market, &exit_code] {
    exit_code = RunMarket(std::get<0>(*market), std::get<1>(*market), std::get<2>(*market));
  });
}

}  // namespace

}  // namespace guild::cli

GUILD_REGISTER_COMMAND(staff, ::guild::cli::RegisterStaff)
