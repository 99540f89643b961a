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

#include "api/staffing_plan_json.h"
#include "cli/commands.h"
#include "common/progress.h"
#include "service/staffing/staffing_accept.h"
#include "service/staffing/staffing_planner.h"
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

// ---- plan file: the API's plan codec (api/staffing_plan_json.h) ----

Result<PlanDocument> ReadPlan(const std::string& file) {
  std::ifstream in(file);
  if (!in) return NotFound(file + ": cannot open the plan file (run `guild staff plan` first)");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return api::ReadStaffingPlanJson(text, file);
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
  StaffingPlanner service(*firm, *today, o);
  auto plan = a.opening.empty() ? service.Plan() : service.Incremental(a.opening);
  bar.Finish();
  if (!plan.ok()) return Fail(plan.status());
  o.progress = nullptr;
  const PlanDocument document{a.opening.empty() ? PlanMode::kFull : PlanMode::kIncremental,
                              a.opening, o, *plan};
  const std::string text = api::StaffingPlanJson(document, {.firm = &*firm});
  if (!a.out.empty()) {
    std::ofstream file(a.out);
    file << text << "\n";
    if (!file) return Fail(Internal(a.out + ": cannot write the plan file"));
  }
  if (a.common.json) {
    std::cout << text << "\n";
  } else {
    PrintSummary(*plan, *firm, a.out);
  }
  return kExitOk;
}

struct AcceptArgs {
  std::string db = "guild.db";
  std::string file;
  std::string today;
  double ceiling = 1.0;
};

// The plan file's entries only: its options and date are what-if settings;
// the firm's options (the defaults and --ceiling) and today decide.
int RunAccept(const AcceptArgs& a) {
  auto today = TodayOf(a.today);
  if (!today.ok()) return Fail(today.status());
  auto plan = ReadPlan(a.file);
  if (!plan.ok()) return Fail(plan.status());
  auto store = OpenStore({.url = a.db, .create_if_missing = false});
  if (!store.ok()) return Fail(store.status());
  StaffingOptions firm;
  firm.capacity_ceiling = a.ceiling;
  auto accepted = AcceptStaffingEntries(**store, {plan->plan, firm, *today, {}});
  if (!accepted.ok()) return Fail(accepted.status());
  std::printf("accepted: %d new tentative assignments, %d moved (one transaction)\n",
              accepted->created, accepted->moved);
  return kExitOk;
}

int RunExplain(const std::string& key, const std::string& file, const std::string& db, bool json) {
  auto plan = ReadPlan(file);
  if (!plan.ok()) return Fail(plan.status());
  auto names = json ? Result<Names>(Names()) : LoadNames(db);
  if (!names.ok()) return Fail(names.status());
  auto found = StaffingPlanner::Explain(plan->plan, key);
  if (!found.ok()) {
    for (const UnfilledSeat& u : plan->plan.unfilled) {
      if (u.seat_id != key) continue;
      std::printf("%s is unfilled: %s\n", u.seat_id.c_str(), u.reason.c_str());
      return kExitOk;
    }
    return Fail(found.status());
  }
  if (json) {
    std::string text;
    http::JsonWriter w(text);
    api::WriteStaffingEntryJson(w, *found);
    std::cout << text << "\n";
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
  StaffingPlanner service(*firm, *today, o);
  auto plan = service.Plan();
  if (!plan.ok()) return Fail(plan.status());
  auto r = service.Market({.weeks = weeks, .limit = limit}, &*plan);
  if (!r.ok()) return Fail(r.status());
  if (c.json) {
    Json load_weeks = Json::array();
    for (Date d : r->load_weeks) load_weeks.push_back(FormatDate(d));
    Json out = {{"from", FormatDate(r->from)},
                {"weeks", r->weeks},
                {"load_weeks", load_weeks},
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
  std::printf("market over %d weeks from %s (the Monday of the week holding %s)\n", r->weeks,
              FormatDate(r->from).c_str(), FormatDate(*today).c_str());
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
  if (r->load_weeks.empty()) {
    std::printf("overloaded people: no time entries in the last 13 whole weeks\n");
  } else {
    std::printf(
        "overloaded people (%zu shown; logged hours per week over the %zu weeks from %s to "
        "the week of %s that hold time entries)\n",
        r->overloaded.size(), r->load_weeks.size(), FormatDate(r->load_weeks.front()).c_str(),
        FormatDate(r->load_weeks.back()).c_str());
  }
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

  auto accept = std::make_shared<AcceptArgs>();
  CLI::App* ac = group->add_subcommand(
      "accept",
      "Write a plan's entries, all tentative, or nothing (re-checked against the store).");
  AddDbOption(*ac, accept->db);
  ac->add_option("plan", accept->file, "Plan file from `guild staff plan`")->required();
  ac->add_option("--today", accept->today, "The firm's date YYYY-MM-DD (default: today)");
  ac->add_option("--ceiling", accept->ceiling,
                 "The firm's share of weekly capacity never exceeded (default 1.0); a plan "
                 "file's own ceiling is not used");
  ac->callback([accept, &exit_code] { exit_code = RunAccept(*accept); });

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
