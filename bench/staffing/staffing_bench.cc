// Staffing benchmark: the demo firm at N people with M open openings.
//
// Prints: full-plan time, peak RSS, objective, bound, gap, the pipeline's
// steps, the checker's verdict, incremental one-opening latency, and the peer:
// COIN-OR CBC on the candidate model of a smaller demo firm, against our
// solver on the same firm, in the same run.
//
// Usage: staffing_bench [--people N] [--openings M] [--time-limit S]
//          [--incremental K] [--peer-people N] [--peer-openings M] [--peer-time-limit S]
//          [--taxonomy DIR] [--seed S] [--no-check] [--no-peer] [--shape]
//   --shape: also print the full instance's model shape (PrintModelShape).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

#include "demo/demo.h"
#include "engine/staffing/staffing.h"
#include "taxonomy/taxonomy.h"

namespace {

using guild::staffing::StaffingEngine;
using guild::staffing::StaffingOptions;
using guild::staffing::StaffingPlan;
using Clock = std::chrono::steady_clock;

struct Args {
  int people = 500000;
  int openings = 100000;
  double time_limit = 50;
  int incremental = 20;
  int peer_people = 3000;
  int peer_openings = 0;
  double peer_time_limit = 60;
  std::string taxonomy = "data/taxonomy";
  uint64_t seed = 1;
  bool check = true, peer = true, shape = false;
};

double Seconds(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

double PeakRssMiB() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_maxrss) / 1024.0;
}

Args Parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "%s: expected a value\n", flag.c_str());
        std::exit(1);
      }
      return argv[++i];
    };
    if (flag == "--people")
      a.people = std::stoi(next());
    else if (flag == "--openings")
      a.openings = std::stoi(next());
    else if (flag == "--time-limit")
      a.time_limit = std::stod(next());
    else if (flag == "--incremental")
      a.incremental = std::stoi(next());
    else if (flag == "--peer-people")
      a.peer_people = std::stoi(next());
    else if (flag == "--peer-openings")
      a.peer_openings = std::stoi(next());
    else if (flag == "--peer-time-limit")
      a.peer_time_limit = std::stod(next());
    else if (flag == "--taxonomy")
      a.taxonomy = next();
    else if (flag == "--seed")
      a.seed = std::stoull(next());
    else if (flag == "--no-check")
      a.check = false;
    else if (flag == "--no-peer")
      a.peer = false;
    else if (flag == "--shape")
      a.shape = true;
    else {
      std::fprintf(stderr, "unknown flag %s\n", flag.c_str());
      std::exit(1);
    }
  }
  return a;
}

bool Live(const guild::Engagement& e, guild::Date today) {
  return (e.status == guild::EngagementStatus::kConfirmed ||
          e.status == guild::EngagementStatus::kTentative) &&
         e.end >= guild::AddDays(today, 28);
}

// Adds openings (copies of the demo's, on random live engagements) until
// `target` openings have open seats. Returns how many were added.
int TopUpOpenings(guild::FirmData& firm, int target, guild::Date today, uint64_t seed) {
  std::vector<int> assigned(firm.openings.size(), 0);
  std::unordered_map<std::string, size_t> pos;
  for (size_t i = 0; i < firm.openings.size(); ++i) pos[firm.openings[i].id] = i;
  for (const guild::Assignment& a : firm.assignments) ++assigned[pos[a.opening_id]];
  int open = 0;
  for (size_t i = 0; i < firm.openings.size(); ++i)
    open += firm.openings[i].end >= today && assigned[i] < firm.openings[i].headcount;
  std::vector<size_t> live;
  for (size_t e = 0; e < firm.engagements.size(); ++e)
    if (Live(firm.engagements[e], today)) live.push_back(e);
  if (live.empty() || firm.openings.empty()) return 0;
  std::mt19937_64 rng(seed);
  const size_t templates = firm.openings.size();
  int added = 0;
  firm.openings.reserve(firm.openings.size() + std::max(0, target - open));
  for (; open < target; ++open, ++added) {
    guild::Opening o = firm.openings[rng() % templates];
    const guild::Engagement& e = firm.engagements[live[rng() % live.size()]];
    o.id = "bench-o" + std::to_string(added);
    o.engagement_id = e.id;
    o.lead = false;
    o.start = std::max(e.start, guild::AddDays(today, static_cast<int>(rng() % 14)));
    o.end = e.end;
    firm.openings.push_back(std::move(o));
  }
  return added;
}

void PrintPlan(const char* label, const StaffingPlan& p, double seconds) {
  std::printf("%s: %.2f s, seats %lld, assigned %zu, unfilled %zu, issues %zu, candidates %lld\n",
              label, seconds, static_cast<long long>(p.seats), p.assignments.size(),
              p.unfilled.size(), p.issues.size(), static_cast<long long>(p.candidates));
  std::printf("  objective %.2f  bound %.2f  gap %.4f%%  gap on assignable cost %.4f%%\n",
              p.objective, p.bound, 100 * p.gap, 100 * p.gap_assignable);
  for (const auto& s : p.steps)
    std::printf("  step %-17s %8.3f s  %s\n", s.name.c_str(), s.seconds, s.effect.c_str());
}

// CBC on the candidate model: binaries per (group, candidate), an unfilled
// count per group, one capacity row per touched person-week. `tight` also
// leaves out the stretch candidates no plan can seat and adds each
// opening's "at most one stretch person" row, and seats the pins our plan
// seats: only the coach and lead rules left out.
void RunPeer(const guild::staffing::CandidateModel& m, double time_limit, double ours,
             double our_bound, double our_seconds, bool tight) {
  const auto dir = std::filesystem::temp_directory_path() / "guild_staffing_peer";
  std::filesystem::create_directories(dir);
  const std::string lp = (dir / "model.lp").string(), sol = (dir / "sol.txt").string();
  std::ofstream out(lp);
  out << "Minimize\n obj:";
  for (size_t g = 0; g < m.groups.size(); ++g) {
    for (size_t k = 0; k < m.groups[g].candidates.size(); ++k)
      out << " + " << m.groups[g].candidates[k].cost << " x_" << g << "_" << k << "\n";
    out << " + " << m.unfilled << " y_" << g << "\n";
  }
  out << "Subject To\n";
  std::map<std::pair<int32_t, int>, std::vector<std::pair<size_t, size_t>>> rows;
  for (size_t g = 0; g < m.groups.size(); ++g) {
    const auto& gr = m.groups[g];
    out << " s_" << g << ":";
    int stretchers = 0;
    for (size_t k = 0; k < gr.candidates.size(); ++k) {
      out << " + x_" << g << "_" << k;
      for (int w = gr.w0; w < gr.w1; ++w) rows[{gr.candidates[k].person, w}].push_back({g, k});
      stretchers += gr.candidates[k].stretch && gr.candidates[k].seatable;
    }
    out << " + y_" << g << " = " << gr.seats << "\n";
    if (!tight) continue;
    for (size_t k = 0; k < gr.candidates.size(); ++k) {
      if (!gr.candidates[k].seatable)
        out << " u_" << g << "_" << k << ": x_" << g << "_" << k << " = 0\n";
      if (gr.candidates[k].pinned) {
        out << " p_" << g << "_" << k << ": x_" << g << "_" << k << " = 1\n";
      }
    }
    if (stretchers >= 2 && gr.seats >= 2) {
      out << " t_" << g << ":";
      for (size_t k = 0; k < gr.candidates.size(); ++k) {
        if (gr.candidates[k].stretch && gr.candidates[k].seatable) out << " + x_" << g << "_" << k;
      }
      out << " <= 1\n";
    }
  }
  int r = 0;
  for (const auto& [key, terms] : rows) {
    out << " c_" << r++ << ":";
    for (auto [g, k] : terms) out << " + " << m.groups[g].hours << " x_" << g << "_" << k;
    out << " <= " << m.free[static_cast<size_t>(key.first) * m.weeks + key.second] << "\n";
  }
  out << "Binary\n";
  for (size_t g = 0; g < m.groups.size(); ++g)
    for (size_t k = 0; k < m.groups[g].candidates.size(); ++k)
      out << " x_" << g << "_" << k << "\n";
  out << "End\n";
  out.close();
  std::filesystem::remove(sol);
  const std::string cmd = "cbc " + lp + " sec " + std::to_string(time_limit) +
                          " threads 1 solve solu " + sol + " > /dev/null 2>&1";
  const auto t0 = Clock::now();
  const int rc = std::system(cmd.c_str());
  const double secs = Seconds(t0);
  std::ifstream in(sol);
  std::string status;
  std::getline(in, status);
  double value = 0;
  const size_t at = status.find("objective value");
  if (at != std::string::npos) value = std::stod(status.substr(at + 15));
  std::printf("peer CBC, %s model (%zu groups, %zu capacity rows): rc %d, %.2f s, \"%s\"\n",
              tight ? "tight" : "relaxed", m.groups.size(), rows.size(), rc, secs, status.c_str());
  std::printf("  ours %.2f in %.2f s (bound %.2f)  CBC %.2f  ours/CBC %.5f\n", ours, our_seconds,
              our_bound, value, value > 0 ? ours / value : 0);
}

// Whether the candidate model could be stated as a GAP (one capacity per
// agent, independent jobs): people whose candidate seats cover different
// weeks, or whose free hours differ between the weeks their seats cover,
// need a capacity row per week; openings of two or more seats need their
// seats on distinct people.
void PrintModelShape(const char* label, const guild::staffing::CandidateModel& m) {
  std::vector<std::pair<int, int>> span(m.person_ids.size(), {-1, -1});
  std::vector<uint8_t> multi(m.person_ids.size(), 0), uneven(m.person_ids.size(), 0);
  std::vector<int> seats_of(m.person_ids.size(), 0);
  size_t multi_seat_groups = 0, multi_seat_seats = 0, seats = 0;
  for (const auto& g : m.groups) {
    seats += static_cast<size_t>(g.seats);
    if (g.seats >= 2) ++multi_seat_groups, multi_seat_seats += static_cast<size_t>(g.seats);
    for (const auto& c : g.candidates) {
      const size_t p = static_cast<size_t>(c.person);
      ++seats_of[p];
      if (span[p].first < 0) {
        span[p] = {g.w0, g.w1};
      } else if (span[p] != std::pair<int, int>{g.w0, g.w1}) {
        multi[p] = 1;
      }
      for (int w = g.w0 + 1; w < g.w1; ++w) {
        const size_t k = p * static_cast<size_t>(m.weeks);
        if (m.free[k + static_cast<size_t>(w)] != m.free[k + static_cast<size_t>(g.w0)]) {
          uneven[p] = 1;
        }
      }
    }
  }
  size_t people = m.person_ids.size(), several = 0, not_gap = 0;
  for (size_t p = 0; p < people; ++p) {
    if (seats_of[p] < 2) continue;
    ++several;
    not_gap += multi[p] || uneven[p];
  }
  std::printf(
      "%s model shape: %zu people, %zu with 2+ candidate openings, %zu of those (%.1f %%) "
      "need a capacity per week (their openings cover different weeks or their free hours "
      "differ by week); %zu of %zu openings (%zu of %zu seats) have 2+ seats (distinct "
      "people)\n",
      label, people, several, not_gap, several ? 100.0 * not_gap / several : 0.0, multi_seat_groups,
      m.groups.size(), multi_seat_seats, seats);
}

guild::Result<guild::FirmData> Firm(const Args& a, int people, int openings, guild::Date today,
                                    const guild::FirmData& taxonomy) {
  auto firm = guild::GenerateDemoFirm({.people = people, .seed = a.seed, .today = today}, taxonomy);
  if (!firm.ok()) return firm.status();
  const int added = TopUpOpenings(*firm, openings, today, a.seed);
  std::printf(
      "firm: %d people, %zu openings (%d added by the bench), %zu assignments, %zu person "
      "skills, %zu time entries\n",
      people, firm->openings.size(), added, firm->assignments.size(), firm->person_skills.size(),
      firm->time_entries.size());
  return firm;
}

}  // namespace

int main(int argc, char** argv) {
  const Args a = Parse(argc, argv);
  const guild::Date today = *guild::ParseDate("2026-03-02");
  auto taxonomy = guild::LoadTaxonomy({.directory = a.taxonomy});
  if (!taxonomy.ok()) return std::fprintf(stderr, "%s\n", taxonomy.status().ToString().c_str()), 1;
  auto t0 = Clock::now();
  auto firm = Firm(a, a.people, a.openings, today, *taxonomy);
  if (!firm.ok()) return std::fprintf(stderr, "%s\n", firm.status().ToString().c_str()), 1;
  std::printf("generate: %.2f s, RSS %.0f MiB\n", Seconds(t0), PeakRssMiB());
  StaffingOptions options;
  options.time_limit_seconds = a.time_limit;
  options.explain = true;
  t0 = Clock::now();
  const double cpu0 = CpuSeconds();
  auto engine = StaffingEngine::Build(*firm, today, options);
  if (!engine.ok()) return std::fprintf(stderr, "%s\n", engine.status().ToString().c_str()), 1;
  const double build = Seconds(t0);
  t0 = Clock::now();
  auto plan = (*engine)->PlanAll();
  const double solve = Seconds(t0);
  if (!plan.ok()) return std::fprintf(stderr, "%s\n", plan.status().ToString().c_str()), 1;
  std::printf("index build: %.2f s\n", build);
  PrintPlan("full plan", *plan, solve);
  std::printf(
      "full plan total (index + plan): %.2f s wall, %.2f s CPU, peak RSS %.0f MiB (firm "
      "data included)\n",
      build + solve, CpuSeconds() - cpu0, PeakRssMiB());
  if (a.shape) PrintModelShape("full", (*engine)->Candidates());
  if (a.check) {
    t0 = Clock::now();
    auto violations = guild::staffing::CheckStaffingPlan(*firm, *plan, options);
    std::printf("checker: %zu violations in %.2f s\n", violations.size(), Seconds(t0));
    for (size_t i = 0; i < violations.size() && i < 5; ++i)
      std::printf("  %s %s: %s\n", violations[i].constraint.c_str(),
                  violations[i].subject_id.c_str(), violations[i].message.c_str());
  }
  std::vector<double> latency, cpu_latency;
  std::mt19937_64 rng(a.seed + 7);
  for (int i = 0; i < a.incremental; ++i) {
    guild::Opening o = firm->openings[rng() % firm->openings.size()];
    o.id = "incremental-" + std::to_string(i);
    o.lead = false;
    o.start = std::max(o.start, today);
    if (o.end < o.start) o.end = guild::AddDays(o.start, 56);
    t0 = Clock::now();
    const double c0 = CpuSeconds();
    auto inc = (*engine)->PlanOpening(o);
    latency.push_back(1000 * Seconds(t0));
    cpu_latency.push_back(1000 * (CpuSeconds() - c0));
    if (!inc.ok()) std::printf("  incremental %d: %s\n", i, inc.status().ToString().c_str());
  }
  if (!latency.empty()) {
    std::sort(latency.begin(), latency.end());
    std::sort(cpu_latency.begin(), cpu_latency.end());
    std::printf(
        "incremental (%zu new openings): median %.2f ms, max %.2f ms wall; median %.2f ms "
        "CPU\n",
        latency.size(), latency[latency.size() / 2], latency.back(),
        cpu_latency[cpu_latency.size() / 2]);
  }
  if (a.peer) {
    engine->reset();
    auto small = Firm(a, a.peer_people, a.peer_openings, today, *taxonomy);
    if (!small.ok()) return 1;
    StaffingOptions peer_options = options;
    peer_options.time_limit_seconds = std::min(a.time_limit, 10.0);
    auto peer_engine = StaffingEngine::Build(*small, today, peer_options);
    t0 = Clock::now();
    auto peer_plan = (*peer_engine)->PlanAll();
    const double ours = Seconds(t0);
    PrintPlan("peer instance, ours", *peer_plan, ours);
    const guild::staffing::CandidateModel model = (*peer_engine)->Candidates();
    PrintModelShape("peer", model);
    RunPeer(model, a.peer_time_limit, peer_plan->objective, peer_plan->bound, ours, false);
    RunPeer(model, a.peer_time_limit, peer_plan->objective, peer_plan->bound, ours, true);
  }
  return 0;
}
