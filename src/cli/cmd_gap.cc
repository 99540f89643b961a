// `guild gap solve FILE`: solves one Generalized Assignment Problem file.
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "cli/files.h"
#include "engine/gap/gap.h"

namespace guild::cli {

namespace {

struct GapSolveArgs {
  std::string file;
  double time_limit = 10.0;
  uint64_t seed = 1;
  bool json = false;
};

nlohmann::json ToJson(const std::string& name, const gap::GapSolution& s, double seconds) {
  nlohmann::json steps = nlohmann::json::array();
  for (const gap::GapStepReport& step : s.steps) {
    nlohmann::json entry = {{"name", step.name},
                            {"seconds", step.seconds},
                            {"bound", step.lower_bound},
                            {"note", step.note}};
    entry["objective"] = step.has_objective ? nlohmann::json(step.objective) : nlohmann::json();
    steps.push_back(entry);
  }
  nlohmann::json out = {{"instance", name},     {"feasible", s.feasible},
                        {"optimal", s.optimal}, {"bound", s.lower_bound},
                        {"seconds", seconds},   {"assignment", s.assignment},
                        {"steps", steps}};
  out["objective"] = s.feasible ? nlohmann::json(s.objective) : nlohmann::json();
  if (!s.reason.empty()) out["reason"] = s.reason;
  return out;
}

void PrintSummary(const std::string& name, const gap::GapSolution& s, double seconds) {
  std::printf("instance   %s\n", name.c_str());
  if (s.feasible) {
    std::printf("objective  %lld%s\n", static_cast<long long>(s.objective),
                s.optimal ? " (optimal)" : "");
  } else {
    std::printf("infeasible %s\n", s.reason.c_str());
  }
  std::printf("bound      %lld\nseconds    %.3f\n", static_cast<long long>(s.lower_bound), seconds);
  std::printf("%-18s %9s %14s %14s  %s\n", "step", "seconds", "objective", "bound", "note");
  for (const gap::GapStepReport& step : s.steps) {
    std::string objective = step.has_objective ? std::to_string(step.objective) : "-";
    std::printf("%-18s %9.3f %14s %14lld  %s\n", step.name.c_str(), step.seconds, objective.c_str(),
                static_cast<long long>(step.lower_bound), step.note.c_str());
  }
}

int RunGapSolve(const GapSolveArgs& args) {
  Result<std::string> text = ReadFile(args.file);
  if (!text.ok()) {
    std::cerr << "error: " << text.status().message() << "\n";
    return kExitBadInput;
  }
  Result<gap::GapInstance> instance = gap::ParseGapText(*text, args.file);
  if (!instance.ok()) {
    std::cerr << "error: " << instance.status().message() << "\n";
    return kExitBadInput;
  }
  gap::GapOptions options;
  options.time_limit_seconds = args.time_limit;
  options.seed = args.seed;
  auto start = std::chrono::steady_clock::now();
  Result<gap::GapSolution> solution = gap::SolveGap(*instance, options);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!solution.ok()) {
    std::cerr << "error: " << solution.status().message() << "\n";
    return ExitCodeFor(static_cast<int>(solution.status().code()));
  }
  if (args.json) {
    std::cout << ToJson(args.file, *solution, seconds).dump() << "\n";
  } else {
    PrintSummary(args.file, *solution, seconds);
  }
  return kExitOk;
}

void RegisterGap(CLI::App& app, int& exit_code) {
  CLI::App* group = app.add_subcommand("gap", "Generalized Assignment Problem solver");
  group->require_subcommand(1);
  CLI::App* solve = group->add_subcommand("solve", "Solve one GAP instance file (minimisation)");
  auto args = std::make_shared<GapSolveArgs>();
  solve->add_option("FILE", args->file, "Instance: m n, costs m x n, weights m x n, capacities m")
      ->required();
  solve->add_option("--time-limit", args->time_limit, "Seconds (default 10)")
      ->check(CLI::NonNegativeNumber);
  solve->add_option("--seed", args->seed, "Random seed (default 1)");
  solve->add_flag("--json", args->json, "Print one JSON object");
  solve->callback([args, &exit_code] { exit_code = RunGapSolve(*args); });
}

}  // namespace

}  // namespace guild::cli

GUILD_REGISTER_COMMAND(gap, guild::cli::RegisterGap)
