// `guild goals list|add|update`: a team's or a person's goals with their
// computed status and roll-up, adding a goal, and writing progress or
// changing a goal (docs/GOALS.md). Through the GoalsService, as the operator
// or as the person named by --as.
#include <charconv>
#include <cstdio>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "cli/goals_world.h"

namespace guild::cli {
namespace {

using Json = nlohmann::json;

std::string Percent(double share) {
  char text[16];
  std::snprintf(text, sizeof text, "%.0f%%", share * 100);
  return text;
}

std::string Number(double value) {
  char text[32];
  // Six significant digits: measurements carry no more, and a sum of
  // decimals (42.900000000000006) should read as written.
  auto [end, error] = std::to_chars(text, text + sizeof text, value, std::chars_format::general, 6);
  return error == std::errc() ? std::string(text, end) : std::string("?");
}

Json GoalJson(const GoalsState& state, const GoalView& view) {
  const Goal& g = state.snapshot->data().goals[view.goal];
  const goals::Measure& m = state.measure[view.goal];
  const goals::RollUp& r = state.tree.rollup[view.goal];
  return {{"id", g.id},
          {"team_id", g.team_id},
          {"title", g.title},
          {"metric", g.metric},
          {"unit", g.unit},
          {"start_value", g.start_value},
          {"target_value", g.target_value},
          {"current_value", g.current_value ? Json(*g.current_value) : Json()},
          {"due_date", FormatDate(g.due_date)},
          {"owner_id", g.owner_id},
          {"parent_id", g.parent_id},
          {"progress", m.progress},
          {"expected", m.expected},
          {"status", goals::ToString(m.status)},
          {"rollup",
           {{"progress", r.progress}, {"goals", r.goals}, {"status", goals::ToString(r.status)}}}};
}

void PrintGoal(const GoalsState& state, const GoalView& view, int depth) {
  const FirmSnapshot& s = *state.snapshot;
  const Goal& g = s.data().goals[view.goal];
  const goals::Measure& m = state.measure[view.goal];
  const goals::RollUp& r = state.tree.rollup[view.goal];
  const Person* owner = s.FindPerson(g.owner_id);
  std::printf("%*s%-10s %-40s %s -> %s %s (now %s), %s of the way, %s expected; due %s; owner %s\n",
              depth * 2, "", std::string(goals::ToString(m.status)).c_str(), g.title.c_str(),
              Number(g.start_value).c_str(), Number(g.target_value).c_str(), g.unit.c_str(),
              g.current_value ? Number(*g.current_value).c_str() : "-", Percent(m.progress).c_str(),
              Percent(m.expected).c_str(), FormatDate(g.due_date).c_str(),
              owner ? owner->name.c_str() : g.owner_id.c_str());
  if (r.goals > 1) {
    std::printf("%*s%-10s roll-up of %u goals: %s, %s\n", depth * 2, "", "",
                static_cast<unsigned>(r.goals), Percent(r.progress).c_str(),
                std::string(goals::ToString(r.status)).c_str());
  }
}

// ---- list ----

struct ListFlags {
  GoalsWorldFlags world;
  std::string team;
  std::string person;
  bool json = false;
};

int List(const ListFlags& flags) {
  auto world = GoalsWorld::Open(flags.world);
  if (!world.ok()) return Fail(world.status());
  GoalsService& service = (*world)->goals();
  const Principal& who = (*world)->principal();
  if (!flags.team.empty() == !flags.person.empty()) {
    return Fail(InvalidArgument("give exactly one of --team TEAM or --person PERSON"));
  }
  Json out = Json::array();
  if (!flags.team.empty()) {
    auto page = service.GetTeamGoals(who, flags.team);
    if (!page.ok()) return Fail(page.status());
    const FirmSnapshot& s = *page->state->snapshot;
    if (!flags.json) {
      std::printf("%s — purpose: %s\n(as of %s)\n", s.data().teams[page->team].name.c_str(),
                  s.data().teams[page->team].purpose.c_str(),
                  FormatDate(page->state->as_of).c_str());
    }
    for (const GoalView& v : page->goals) {
      if (flags.json) {
        out.push_back(GoalJson(*page->state, v));
        continue;
      }
      int depth = 0;
      for (auto p = page->state->tree.parent[v.goal]; p && depth < 8;
           p = page->state->tree.parent[*p]) {
        ++depth;
      }
      PrintGoal(*page->state, v, depth);
    }
  } else {
    auto goals = service.GoalsOf(who, flags.person);
    if (!goals.ok()) return Fail(goals.status());
    for (const auto* list : {&goals->personal, &goals->team}) {
      if (!flags.json) std::printf("%s goals:\n", list == &goals->personal ? "Personal" : "Team");
      for (const GoalView& v : *list) {
        if (flags.json) {
          out.push_back(GoalJson(*goals->state, v));
        } else {
          PrintGoal(*goals->state, v, 1);
        }
      }
    }
  }
  if (flags.json) std::cout << out.dump(2) << "\n";
  return kExitOk;
}

// ---- add / update ----

struct GoalFlags {
  GoalsWorldFlags world;
  std::string id, team, title, metric, unit, direction, from, due, owner, parent;
  std::vector<std::string> contributors, consulted, informed;
  std::optional<double> start, target;
  std::optional<bool> shared;
  // update only: a progress update
  std::optional<double> value;
  std::string date, comment;
};

Result<std::optional<Date>> DateFlag(const std::string& flag, const std::string& text) {
  if (text.empty()) return std::optional<Date>();
  auto date = ParseDate(text);
  if (!date) return InvalidArgument(flag + ": expected a date YYYY-MM-DD, got '" + text + "'");
  return std::optional<Date>(*date);
}

Result<GoalDraft> DraftOf(const GoalFlags& f) {
  GoalDraft d;
  auto text = [](const std::string& v) { return v.empty() ? std::nullopt : std::optional(v); };
  d.id = text(f.id);
  d.team_id = text(f.team);
  d.title = text(f.title);
  d.metric = text(f.metric);
  d.unit = text(f.unit);
  d.start_value = f.start;
  d.target_value = f.target;
  d.owner_id = text(f.owner);
  d.parent_id = text(f.parent);
  d.shared = f.shared;
  if (!f.direction.empty()) {
    d.direction = ParseGoalDirection(f.direction);
    if (!d.direction) return InvalidArgument("--direction: expected up or down");
  }
  ASSIGN_OR_RETURN(d.start_date, DateFlag("--from", f.from));
  ASSIGN_OR_RETURN(d.due_date, DateFlag("--due", f.due));
  if (!f.contributors.empty() || !f.consulted.empty() || !f.informed.empty()) {
    std::vector<RaciEntry> raci;
    for (const std::string& p : f.contributors) raci.push_back({p, RaciRole::kResponsible});
    for (const std::string& p : f.consulted) raci.push_back({p, RaciRole::kConsulted});
    for (const std::string& p : f.informed) raci.push_back({p, RaciRole::kInformed});
    d.raci = std::move(raci);
  }
  return d;
}

void PrintWritten(GoalsWorld& world, const std::string& goal_id) {
  auto detail = world.goals().GetGoal(world.principal(), goal_id);
  if (detail.ok()) PrintGoal(*detail->state, detail->view, 0);
}

int Add(const GoalFlags& flags) {
  auto draft = DraftOf(flags);
  if (!draft.ok()) return Fail(draft.status());
  auto world = GoalsWorld::Open(flags.world);
  if (!world.ok()) return Fail(world.status());
  auto goal = (*world)->goals().CreateGoal((*world)->principal(), *draft);
  if (!goal.ok()) return Fail(goal.status());
  std::printf("added goal %s\n", goal->id.c_str());
  PrintWritten(**world, goal->id);
  return kExitOk;
}

int Update(const std::string& goal_id, const GoalFlags& flags) {
  auto draft = DraftOf(flags);
  if (!draft.ok()) return Fail(draft.status());
  auto date = DateFlag("--date", flags.date);
  if (!date.ok()) return Fail(date.status());
  auto world = GoalsWorld::Open(flags.world);
  if (!world.ok()) return Fail(world.status());
  GoalsService& service = (*world)->goals();
  const Principal& who = (*world)->principal();
  GoalDraft change = *draft;
  const bool fields = change.title || change.metric || change.unit || change.start_value ||
                      change.target_value || change.direction || change.start_date ||
                      change.due_date || change.owner_id || change.raci || change.parent_id ||
                      change.shared;
  if (!fields && !flags.value) {
    return Fail(InvalidArgument("nothing to update: give --value (a progress update) or a field"));
  }
  if (fields) {
    auto updated = service.UpdateGoal(who, goal_id, change);
    if (!updated.ok()) return Fail(updated.status());
  }
  if (flags.value) {
    auto progress = service.AddProgress(who, goal_id, {*flags.value, *date, flags.comment});
    if (!progress.ok()) return Fail(progress.status());
    std::printf("progress %s on %s\n", Number(progress->value).c_str(),
                FormatDate(progress->date).c_str());
  }
  PrintWritten(**world, goal_id);
  return kExitOk;
}

void AddGoalFields(CLI::App& command, GoalFlags& f) {
  AddGoalsWorldOptions(command, f.world);
  command.add_option("--title", f.title, "What the goal achieves");
  command.add_option("--metric", f.metric, "What is measured, e.g. \"client satisfaction\"");
  command.add_option("--unit", f.unit, "Unit of the metric, e.g. points, %, k EUR");
  command.add_option("--start", f.start, "Start value");
  command.add_option("--target", f.target, "Target value (not the start value)");
  command.add_option("--direction", f.direction, "up or down (default: from start and target)");
  command.add_option("--from", f.from, "Start date (default today)");
  command.add_option("--due", f.due, "Due date");
  command.add_option("--owner", f.owner, "The one accountable owner (a person on the team)");
  command.add_option("--parent", f.parent, "The goal this one aligns to (\"\" to clear)");
  command.add_option("--contributor", f.contributors, "A contributor (responsible); repeatable");
  command.add_option("--consulted", f.consulted, "A person consulted; repeatable");
  command.add_option("--informed", f.informed, "A person kept informed; repeatable");
  command.add_option("--shared", f.shared, "Personal goals: true to share beyond your leaders");
}

void RegisterGoals(CLI::App& app, int& exit_code) {
  CLI::App* goals = app.add_subcommand("goals", "Measurable goals of teams and people");
  goals->require_subcommand(1);

  auto list = std::make_shared<ListFlags>();
  CLI::App* ls = goals->add_subcommand("list", "A team's goal tree, or a person's goals");
  AddGoalsWorldOptions(*ls, list->world);
  ls->add_option("--team", list->team, "The team's goals, with the goals around them");
  ls->add_option("--person", list->person, "The person's personal and team goals");
  ls->add_flag("--json", list->json, "Print JSON");
  ls->callback([list, &exit_code] { exit_code = List(*list); });

  auto add_flags = std::make_shared<GoalFlags>();
  CLI::App* add = goals->add_subcommand("add", "Add a team goal (--team) or a personal goal");
  AddGoalFields(*add, *add_flags);
  add->add_option("--team", add_flags->team, "The team (none: a personal goal of --as)");
  add->add_option("--id", add_flags->id, "The goal's id (default: generated)");
  add->callback([add_flags, &exit_code] { exit_code = Add(*add_flags); });

  auto update_flags = std::make_shared<GoalFlags>();
  auto goal_id = std::make_shared<std::string>();
  CLI::App* update =
      goals->add_subcommand("update", "Write progress (--value) or change a goal's fields");
  update->add_option("GOAL", *goal_id, "The goal's id")->required();
  AddGoalFields(*update, *update_flags);
  update->add_option("--value", update_flags->value, "A progress update: the metric's value now");
  update->add_option("--date", update_flags->date, "The update's date (default today)");
  update->add_option("--comment", update_flags->comment, "What moved it");
  update->callback(
      [update_flags, goal_id, &exit_code] { exit_code = Update(*goal_id, *update_flags); });
}

}  // namespace

GUILD_REGISTER_COMMAND(goals, RegisterGoals)

}  // namespace guild::cli
