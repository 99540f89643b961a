// Skills engine benchmark on the demo firm: a skill query in-process vs the
// same query in SQLite, and a firm-wide mentoring round.
//
// Usage: skills_bench [--people N] [--queries N] [--taxonomy DIR] [--seed S]
//                     [--network-simplex 0|1] [--cost-scaling 0|1]
// The round always runs with the default solver (successive shortest paths);
// the LEMON solvers are opt-in (minutes at 500k) and must reach the same total.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <random>
#include <string>

#include "demo/demo.h"
#include "engine/skills/mentoring.h"
#include "engine/skills/search.h"
#include "sqlite_peer.h"
#include "taxonomy/taxonomy.h"

namespace {

using Clock = std::chrono::steady_clock;
using guild::Date;
using namespace guild::skills;

constexpr int kWindowDays = 27;  // four ISO weeks
constexpr double kMinFreeHours = 20;
constexpr int kNeeds = 3;

struct Args {
  int people = 500000;
  int queries = 2000;
  uint64_t seed = 1;
  std::string taxonomy = "data/taxonomy";
  bool network_simplex = false;  // also time NetworkSimplex (slow at 500k)
  bool cost_scaling = false;     // also time CostScaling (> 900 s at 500k)
};

Args Parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i];
    if (flag == "--people") a.people = std::atoi(argv[i + 1]);
    if (flag == "--queries") a.queries = std::atoi(argv[i + 1]);
    if (flag == "--seed") a.seed = std::strtoull(argv[i + 1], nullptr, 10);
    if (flag == "--taxonomy") a.taxonomy = argv[i + 1];
    if (flag == "--network-simplex") a.network_simplex = std::string(argv[i + 1]) == "1";
    if (flag == "--cost-scaling") a.cost_scaling = std::string(argv[i + 1]) == "1";
  }
  return a;
}

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// CPU time of this thread, in ms: unlike wall time, not inflated when the
// shared machine deschedules us.
double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double Percentile(std::vector<double> v, double q) {
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(q * v.size()))];
}

// Queries of the benchmark's shape, seeded from real people's profiles: three
// of a random person's leaf skills at their level or one below, their practice.
std::vector<guild::bench::BenchQuery> MakeQueries(const SkillIndex& index, Date today, int count,
                                                  uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::vector<guild::bench::BenchQuery> out;
  while (static_cast<int>(out.size()) < count) {
    const PersonRef p = static_cast<PersonRef>(rng() % index.person_count());
    std::vector<HeldSkill> leaves;
    for (const HeldSkill& h : index.skills_of(p)) {
      if (index.SelfAndNarrower(h.skill).size() == 1) leaves.push_back(h);
    }
    if (leaves.size() < kNeeds) continue;
    std::shuffle(leaves.begin(), leaves.end(), rng);
    guild::bench::BenchQuery q;
    for (int i = 0; i < kNeeds; ++i) {
      q.needs.push_back(
          {leaves[i].skill, std::max(1, leaves[i].level - static_cast<int>(rng() % 2))});
    }
    q.practice = index.attribute(Attribute::kPractice, p);
    q.from = today;
    q.to = guild::AddDays(today, kWindowDays);
    q.min_free_hours = kMinFreeHours;
    out.push_back(q);
  }
  return out;
}

SkillQuery ToSkillQuery(const SkillIndex& index, const guild::bench::BenchQuery& b) {
  SkillQuery q;
  for (const auto& [skill, level] : b.needs) q.needs.push_back({index.skill_id(skill), level});
  q.practice = index.attribute_name(Attribute::kPractice, b.practice);
  q.availability = AvailabilityWindow{b.from, b.to, b.min_free_hours};
  q.limit = b.limit;
  return q;
}

int RunQueries(const SkillIndex& index, Date today, const Args& args);
int RunRounds(const SkillIndex& index, Date today, const Args& args);

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  const Args args = Parse(argc, argv);
  const Date today = *guild::ParseDate("2025-03-03");
  auto start = Clock::now();
  auto taxonomy = guild::LoadTaxonomy({.directory = args.taxonomy});
  if (!taxonomy.ok()) return std::fprintf(stderr, "%s\n", taxonomy.status().ToString().c_str()), 1;
  auto firm = guild::GenerateDemoFirm({.people = args.people, .seed = args.seed, .today = today},
                                      *taxonomy);
  if (!firm.ok()) return std::fprintf(stderr, "%s\n", firm.status().ToString().c_str()), 1;
  firm->skills = taxonomy->skills;
  std::printf("demo firm: %d people, %zu skills, %zu ratings, %zu assignments (%.1f s)\n",
              args.people, firm->skills.size(), firm->person_skills.size(),
              firm->assignments.size(), Seconds(start));
  start = Clock::now();
  auto index = SkillIndex::Build(*firm);
  if (!index.ok()) return std::fprintf(stderr, "%s\n", index.status().ToString().c_str()), 1;
  std::printf("index build: %.2f s\n", Seconds(start));

  if (args.queries > 0) {
    const int status = RunQueries(*index, today, args);
    if (status != 0) return status;
  }
  return RunRounds(*index, today, args);
}

namespace {

int RunQueries(const SkillIndex& index, Date today, const Args& args) {
  auto start = Clock::now();
  const auto queries = MakeQueries(index, today, args.queries, args.seed);
  std::vector<std::vector<PersonRef>> engine_results;
  std::vector<double> engine_ms, engine_cpu, sqlite_cpu;
  int64_t hits = 0;
  for (const auto& b : queries) {
    const SkillQuery q = ToSkillQuery(index, b);
    const auto t = Clock::now();
    const double cpu = ThreadCpuMs();
    auto r = FindPeople(index, q);
    engine_cpu.push_back(ThreadCpuMs() - cpu);
    engine_ms.push_back(Seconds(t) * 1000);
    if (!r.ok()) return std::fprintf(stderr, "%s\n", r.status().ToString().c_str()), 1;
    std::vector<PersonRef> refs;
    for (const SearchHit& h : r->hits) refs.push_back(h.person);
    hits += static_cast<int64_t>(refs.size());
    engine_results.push_back(std::move(refs));
  }

  start = Clock::now();
  guild::bench::SqlitePeer peer;
  std::string error;
  if (!peer.Load(index, guild::WeekStart(today), guild::AddDays(today, kWindowDays), error)) {
    return std::fprintf(stderr, "sqlite: %s\n", error.c_str()), 1;
  }
  std::printf("sqlite load + indexes: %.1f s\n", Seconds(start));
  std::vector<double> sqlite_ms;
  int mismatches = 0;
  for (size_t i = 0; i < queries.size(); ++i) {
    const auto t = Clock::now();
    const double cpu = ThreadCpuMs();
    auto refs = peer.Run(queries[i]);
    sqlite_cpu.push_back(ThreadCpuMs() - cpu);
    sqlite_ms.push_back(Seconds(t) * 1000);
    mismatches += refs == engine_results[i] ? 0 : 1;
  }
  const double e50 = Percentile(engine_ms, 0.5), e99 = Percentile(engine_ms, 0.99);
  const double s50 = Percentile(sqlite_ms, 0.5), s99 = Percentile(sqlite_ms, 0.99);
  std::printf(
      "queries: %zu (3 skills with levels, one practice, 4-week window >= %.0fh free, top 20); "
      "%.1f hits on average\n",
      queries.size(), kMinFreeHours, static_cast<double>(hits) / queries.size());
  std::printf("engine : p50 %.3f ms  p99 %.3f ms\n", e50, e99);
  std::printf("sqlite : p50 %.3f ms  p99 %.3f ms\n", s50, s99);
  std::printf("ratio  : p50 %.1fx  p99 %.1fx (sqlite / engine)\n", s50 / e50, s99 / e99);
  std::printf(
      "thread CPU time: engine p50 %.3f p99 %.3f ms; sqlite p50 %.3f p99 %.3f ms; "
      "ratio p50 %.1fx p99 %.1fx\n",
      Percentile(engine_cpu, 0.5), Percentile(engine_cpu, 0.99), Percentile(sqlite_cpu, 0.5),
      Percentile(sqlite_cpu, 0.99), Percentile(sqlite_cpu, 0.5) / Percentile(engine_cpu, 0.5),
      Percentile(sqlite_cpu, 0.99) / Percentile(engine_cpu, 0.99));
  std::printf("result sets identical: %zu of %zu\n", queries.size() - mismatches, queries.size());

  return mismatches == 0 ? 0 : 3;
}

int RunRounds(const SkillIndex& index, Date today, const Args& args) {
  {
    RoundOptions round;
    round.mentoring.today = today;
    const auto start = Clock::now();
    const double cpu = ThreadCpuMs();
    const auto arcs = CandidatePairs(index, round);
    std::printf("mentoring candidates alone: %zu arcs, %.2f s wall, %.2f s thread CPU\n",
                arcs.size(), Seconds(start), (ThreadCpuMs() - cpu) / 1000);
  }
  int64_t first_total = -1;
  bool totals_agree = true;
  for (FlowSolver solver :
       {FlowSolver::kShortestPaths, FlowSolver::kNetworkSimplex, FlowSolver::kCostScaling}) {
    if (solver == FlowSolver::kNetworkSimplex && !args.network_simplex) continue;
    if (solver == FlowSolver::kCostScaling && !args.cost_scaling) continue;
    RoundOptions round;
    round.mentoring.today = today;
    round.solver = solver;
    const auto start = Clock::now();
    const double cpu = ThreadCpuMs();
    auto result = MentoringRound(index, round);
    if (!result.ok()) return std::fprintf(stderr, "%s\n", result.status().ToString().c_str()), 1;
    const char* name = solver == FlowSolver::kShortestPaths    ? "ShortestPaths"
                       : solver == FlowSolver::kNetworkSimplex ? "NetworkSimplex"
                                                               : "CostScaling";
    std::printf(
        "mentoring round (%s): %d mentees, %d mentors, %lld arcs, %zu pairs, "
        "benefit %lld, %.2f s wall, %.2f s thread CPU\n",
        name, result->mentees, result->mentors, static_cast<long long>(result->candidate_arcs),
        result->pairs.size(), static_cast<long long>(result->total_benefit), Seconds(start),
        (ThreadCpuMs() - cpu) / 1000);
    if (first_total >= 0 && result->total_benefit != first_total) totals_agree = false;
    if (first_total < 0) first_total = result->total_benefit;
    std::fflush(stdout);
  }
  if (!totals_agree) std::printf("mentoring round: solvers DISAGREE on the optimum\n");
  return totals_agree ? 0 : 4;
}

}  // namespace
