// Team formation on the DBLP data set's seven graphs: our FormTeam against
// RarestFirst (Lappas et al. 2009, baseline.cc) and the exact optimum, on the
// same random tasks in the same run.
//
//   team_bench --data DIR [--graphs db,sigmod,...] [--tasks 210] [--seed 2026]
//              [--exact-seconds 2] [--min-support 4] [--teams FILE]
//
// DIR holds <graph>.experts.tsv and <graph>.edges.tsv (the data set's tsv/
// folder; it is read in place, never copied). Tasks: `tasks` per graph, sizes
// 4..10 in turn, skills drawn uniformly without replacement from the skills
// held by at least min-support experts (the data set's own generator uses
// support > 3). --teams FILE writes every proposal (graph, task, objective,
// cost and cover, one line each), so that two builds can be checked to give
// the same answers (diff the files). Exit status 0 when every target is met, 3 when one is missed,
// 4 when an exact search disagrees with enumeration (a bug), 1 on bad input.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "bench/teamformation/baseline.h"

namespace guild::bench {
namespace {

using network::Objective;
using network::ToUnits;
using Clock = std::chrono::steady_clock;

constexpr uint64_t kEnumerateLimit = 20000;
constexpr double kMillis = 1000;

struct Args {
  std::string data;
  std::vector<std::string> graphs{"icdt", "pods", "edbt", "vldb", "icde", "sigmod", "db"};
  int tasks = 210;
  uint64_t seed = 2026;
  double exact_seconds = 2;
  size_t min_support = 4;
  network::FormOptions form;  // --centres, --descents, --exact-work
  bool verbose = false;
  std::string teams;  // --teams FILE: every proposal, one line each
};

// Where --teams lines go (nullptr: nowhere).
std::ofstream* teams_out = nullptr;

struct Stats {
  int tasks = 0;
  int diameter_not_worse = 0;  // ours <= RarestFirst's, diameter objective
  int sum_not_worse = 0;       // ours <= RarestFirst's team, sum objective
  double rf_diameter = 0, our_diameter = 0;
  double rf_sum = 0, our_sum = 0;
  int opt_diameter = 0, opt_sum = 0;        // optimum proven
  int within_diameter = 0, within_sum = 0;  // within 5 % of a proven optimum
  int equal_diameter = 0, equal_sum = 0;    // equal to it
  double worst_gap_diameter = 0, worst_gap_sum = 0;
  int leader_exact = 0;
  int enumerated = 0, enumeration_mismatch = 0;
  std::vector<double> ms[3];   // per FormTeam call, wall: diameter, sum, leader
  std::vector<double> cpu[3];  // the same, thread CPU time
  std::vector<double> exact_rows[2];
  std::vector<double> ms_rf;
};

std::string ReadText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// CPU time of this thread, in milliseconds: what the code costs when the
// machine's cores are shared with other work.
double ThreadMillis() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * kMillis + static_cast<double>(t.tv_nsec) / 1e6;
}

double Millis(Clock::time_point from) {
  return std::chrono::duration<double>(Clock::now() - from).count() * kMillis;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

double Mean(const std::vector<double>& v) {
  double s = 0;
  for (double x : v) s += x;
  return v.empty() ? 0 : s / static_cast<double>(v.size());
}

// Relative gap of `ours` to a proven optimum; an optimum of 0 allows only 0.
double Gap(Length ours, Length optimum) {
  if (optimum == 0) return ours == 0 ? 0 : 1;
  return static_cast<double>(ours - optimum) / static_cast<double>(optimum);
}

std::vector<std::vector<std::string>> MakeTasks(const ExpertNetwork& net, const Args& args,
                                                uint64_t salt) {
  std::vector<std::string> pool;
  for (uint32_t s = 0; s < net.skill_count(); ++s) {
    if (net.holders(s).size() >= args.min_support) pool.push_back(net.skill_name(s));
  }
  std::sort(pool.begin(), pool.end());
  std::mt19937_64 rng(args.seed ^ salt);
  std::vector<std::vector<std::string>> out;
  for (int t = 0; t < args.tasks; ++t) {
    const size_t size = std::min<size_t>(4 + t % 7, pool.size());
    std::vector<std::string> p = pool;
    for (size_t i = 0; i < size; ++i) std::swap(p[i], p[i + rng() % (p.size() - i)]);
    out.emplace_back(p.begin(), p.begin() + static_cast<ptrdiff_t>(size));
  }
  return out;
}

Task Resolve(const ExpertNetwork& net, const std::vector<std::string>& skills) {
  Task t;
  for (const std::string& s : skills) {
    auto h = net.holders(*net.FindSkill(s));
    t.holders.emplace_back(h.begin(), h.end());
  }
  return t;
}

uint64_t Product(const Task& t) {
  uint64_t p = 1;
  for (const auto& h : t.holders) {
    p *= h.size();
    if (p > kEnumerateLimit) return p;
  }
  return p;
}

void Compare(Length ours, const Exact& exact, int& proven, int& within, int& equal, double& worst) {
  if (!exact.proven) return;
  ++proven;
  const double gap = Gap(ours, exact.cost);
  within += gap <= 0.05 ? 1 : 0;
  equal += ours == exact.cost ? 1 : 0;
  worst = std::max(worst, gap);
}

// One task: RarestFirst, ours on three objectives, the optima.
void RunTask(const ExpertNetwork& net, const std::vector<std::string>& skills, const Args& args,
             Stats& st) {
  Task task = Resolve(net, skills);
  Distances d(net);
  auto t0 = Clock::now();
  std::vector<NodeId> rf = RarestFirst(task, d);
  st.ms_rf.push_back(Millis(t0));
  const Length rf_diameter = Diameter(rf, d), rf_sum = SumOfDistances(rf, d);
  if (rf_diameter == network::kUnreachable) return;  // cannot happen: the graphs are connected
  ++st.tasks;
  Length ours[3];
  const Objective objectives[] = {Objective::kDiameter, Objective::kSumOfDistances,
                                  Objective::kLeaderDistance};
  for (int o = 0; o < 3; ++o) {
    network::FormOptions options = args.form;
    options.objective = objectives[o];
    t0 = Clock::now();
    const double c0 = ThreadMillis();
    auto team = network::FormTeam(net, skills, options);
    st.cpu[o].push_back(ThreadMillis() - c0);
    st.ms[o].push_back(Millis(t0));
    if (!team.ok()) {
      std::fprintf(stderr, "FormTeam failed: %s\n", team.status().message().c_str());
      std::exit(2);
    }
    ours[o] = team->cost;
    if (teams_out != nullptr) {
      *teams_out << network::ToString(objectives[o]) << '\t' << team->cost;
      for (NodeId v : team->cover) *teams_out << '\t' << net.graph().name(v);
      for (const std::string& s : skills) *teams_out << '\t' << s;
      *teams_out << '\n';
    }
  }
  st.diameter_not_worse += ours[0] <= rf_diameter ? 1 : 0;
  st.sum_not_worse += ours[1] <= rf_sum ? 1 : 0;
  st.rf_diameter += ToUnits(rf_diameter);
  st.our_diameter += ToUnits(ours[0]);
  st.rf_sum += ToUnits(rf_sum);
  st.our_sum += ToUnits(ours[1]);
  st.leader_exact += ours[2] == ExactLeader(task, d, net.graph().node_count()) ? 1 : 0;

  const auto budget = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(args.exact_seconds));
  size_t rows = d.rows();
  Exact ed = ExactDiameter(task, ours[0], d, Clock::now() + budget);
  st.exact_rows[0].push_back(static_cast<double>(d.rows() - rows));
  rows = d.rows();
  Exact es = ExactSum(task, ours[1], d, Clock::now() + budget);
  st.exact_rows[1].push_back(static_cast<double>(d.rows() - rows));
  Compare(ours[0], ed, st.opt_diameter, st.within_diameter, st.equal_diameter,
          st.worst_gap_diameter);
  Compare(ours[1], es, st.opt_sum, st.within_sum, st.equal_sum, st.worst_gap_sum);
  if (args.verbose && es.proven && Gap(ours[1], es.cost) > 0.05) {
    auto team = network::FormTeam(net, skills, {.objective = Objective::kSumOfDistances});
    std::string line = "sum gap: skills";
    for (const auto& s : skills) line += " " + s;
    line += " | ours " + std::to_string(ToUnits(ours[1])) + ":";
    for (NodeId v : team->cover) line += " " + net.graph().name(v);
    line += " | optimum " + std::to_string(ToUnits(es.cost)) + ":";
    for (NodeId v : es.cover) line += " " + net.graph().name(v);
    line += " | holders";
    for (const auto& h : task.holders) line += " " + std::to_string(h.size());
    std::fprintf(stderr, "%s (optimal flag %d)\n", line.c_str(), team->optimal);
  }
  if (Product(task) <= kEnumerateLimit) {
    ++st.enumerated;
    if ((ed.proven && Enumerate(task, 0, d) != ed.cost) ||
        (es.proven && Enumerate(task, 1, d) != es.cost)) {
      ++st.enumeration_mismatch;
    }
  }
}

bool Report(const std::string& graph, const ExpertNetwork& net, const Stats& st,
            double load_seconds) {
  const double n = st.tasks;
  const double below = 100 * (1 - st.our_sum / st.rf_sum);
  std::printf(
      "%-7s nodes %5u edges %6llu load %.2fs | tasks %d | diameter: RF %.4f ours %.4f, "
      "ours<=RF %d/%d | sum: RF %.4f ours %.4f (%.1f %% below), ours<=RF %d/%d | "
      "optimum proven: diameter %d (equal %d, within 5%% %d, worst gap %.1f %%), sum %d (equal "
      "%d, within 5%% %d, worst gap %.1f %%) | leader exact %d/%d | enumeration checks %d, "
      "mismatches %d\n"
      "        ms per FormTeam call: diameter mean %.2f p95 %.2f max %.2f | sum mean %.2f p95 "
      "%.2f max %.2f | leader mean %.2f p95 %.2f max %.2f | RarestFirst mean %.2f max %.2f\n"
      "        thread CPU ms per call: diameter mean %.2f p95 %.2f max %.2f | sum mean %.2f p95 "
      "%.2f max %.2f | leader mean %.2f p95 %.2f max %.2f | rows of the exact searches: "
      "diameter mean %.0f max %.0f, sum mean %.0f max %.0f\n",
      graph.c_str(), net.graph().node_count(),
      static_cast<unsigned long long>(net.graph().edge_count()), load_seconds, st.tasks,
      st.rf_diameter / n, st.our_diameter / n, st.diameter_not_worse, st.tasks, st.rf_sum / n,
      st.our_sum / n, below, st.sum_not_worse, st.tasks, st.opt_diameter, st.equal_diameter,
      st.within_diameter, 100 * st.worst_gap_diameter, st.opt_sum, st.equal_sum, st.within_sum,
      100 * st.worst_gap_sum, st.leader_exact, st.tasks, st.enumerated, st.enumeration_mismatch,
      Mean(st.ms[0]), Percentile(st.ms[0], 0.95), Percentile(st.ms[0], 1.0), Mean(st.ms[1]),
      Percentile(st.ms[1], 0.95), Percentile(st.ms[1], 1.0), Mean(st.ms[2]),
      Percentile(st.ms[2], 0.95), Percentile(st.ms[2], 1.0), Mean(st.ms_rf),
      Percentile(st.ms_rf, 1.0), Mean(st.cpu[0]), Percentile(st.cpu[0], 0.95),
      Percentile(st.cpu[0], 1.0), Mean(st.cpu[1]), Percentile(st.cpu[1], 0.95),
      Percentile(st.cpu[1], 1.0), Mean(st.cpu[2]), Percentile(st.cpu[2], 0.95),
      Percentile(st.cpu[2], 1.0), Mean(st.exact_rows[0]), Percentile(st.exact_rows[0], 1.0),
      Mean(st.exact_rows[1]), Percentile(st.exact_rows[1], 1.0));
  std::fflush(stdout);
  return st.diameter_not_worse == st.tasks && st.sum_not_worse == st.tasks && below >= 10 &&
         st.within_diameter == st.opt_diameter && st.within_sum == st.opt_sum &&
         st.leader_exact == st.tasks;
}

Args Parse(int argc, char** argv) {
  Args a;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string flag = argv[i], value = argv[i + 1];
    if (flag == "--data") {
      a.data = value;
    } else if (flag == "--graphs") {
      a.graphs.clear();
      std::stringstream in(value);
      for (std::string g; std::getline(in, g, ',');) a.graphs.push_back(g);
    } else if (flag == "--tasks") {
      a.tasks = std::stoi(value);
    } else if (flag == "--seed") {
      a.seed = std::stoull(value);
    } else if (flag == "--exact-seconds") {
      a.exact_seconds = std::stod(value);
    } else if (flag == "--min-support") {
      a.min_support = std::stoul(value);
    } else if (flag == "--centres") {
      a.form.centres = std::stoi(value);
    } else if (flag == "--descents") {
      a.form.descents = std::stoi(value);
    } else if (flag == "--teams") {
      a.teams = value;
    } else if (flag == "--verbose") {
      a.verbose = value == "1";
    } else if (flag == "--exact-work") {
      a.form.exact_work = std::stoull(value);
    }
  }
  return a;
}

int Main(int argc, char** argv) {
  Args args = Parse(argc, argv);
  if (args.data.empty()) {
    std::fprintf(stderr,
                 "usage: team_bench --data DIR [--graphs a,b] [--tasks N] [--seed S] "
                 "[--exact-seconds S] [--min-support K] [--teams FILE]\n");
    return 1;
  }
  std::ofstream teams;
  if (!args.teams.empty()) {
    teams.open(args.teams);
    if (!teams) {
      std::fprintf(stderr, "--teams: cannot write %s\n", args.teams.c_str());
      return 1;
    }
    teams_out = &teams;
  }
  bool all_met = true, mismatch = false;
  for (const std::string& graph : args.graphs) {
    uint64_t salt = 1469598103934665603ULL;  // FNV-1a of the name: tasks per graph are stable
    for (char c : graph) salt = (salt ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    auto t0 = Clock::now();
    const std::string experts = args.data + "/" + graph + ".experts.tsv";
    const std::string edges = args.data + "/" + graph + ".edges.tsv";
    std::vector<network::InputProblem> problems;
    auto net =
        network::ParseExpertNetwork(ReadText(experts), experts, ReadText(edges), edges, problems);
    if (!net.ok()) {
      std::fprintf(stderr, "%s\n", net.status().message().c_str());
      return 1;
    }
    const double load = Millis(t0) / kMillis;
    Stats st;
    for (const auto& skills : MakeTasks(*net, args, salt)) RunTask(*net, skills, args, st);
    all_met = Report(graph, *net, st, load) && all_met;
    mismatch = mismatch || st.enumeration_mismatch > 0;
  }
  if (mismatch) return 4;
  return all_met ? 0 : 3;
}

}  // namespace
}  // namespace guild::bench

int main(int argc, char** argv) { return guild::bench::Main(argc, argv); }
