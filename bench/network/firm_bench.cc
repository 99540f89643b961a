// The firm's collaboration graph at scale: from a firm in a Guild store (a
// `guild demo` database), build the tie set and graph (co-staffing), every
// client's coverage, and every team's metrics (density, clustering,
// transitivity, centralization, exact betweenness, components, Louvain
// communities and modularity) and shape. Prints each step's time and the
// peak resident set size.
//
//   firm_bench --db PATH --today YYYY-MM-DD
//
// Target (issue 26): the 500,000-person demo firm in under 60 s and 4 GiB.
// Loading the store is timed and reported apart: a server holds the firm in
// memory already (FirmSnapshot).
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <map>
#include <string>

#include "service/network/network_service.h"
#include "store/store.h"

namespace guild {
namespace {

using Clock = std::chrono::steady_clock;

double Since(Clock::time_point t) {
  return std::chrono::duration<double>(Clock::now() - t).count();
}

double CpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

double PeakGiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / (1024.0 * 1024.0);  // ru_maxrss is in KiB
}

int Main(int argc, char** argv) {
  std::string db, today_text;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--db") db = argv[i + 1];
    if (flag == "--today") today_text = argv[i + 1];
  }
  const std::optional<Date> today = ParseDate(today_text);
  if (db.empty() || !today) {
    std::fprintf(stderr, "usage: firm_bench --db PATH --today YYYY-MM-DD\n");
    return 1;
  }
  auto t0 = Clock::now();
  auto store = OpenStore({.url = db, .create_if_missing = false});
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  auto firm = (*store)->Load({});
  if (!firm.ok()) {
    std::fprintf(stderr, "%s\n", firm.status().ToString().c_str());
    return 1;
  }
  const double load = Since(t0);
  std::printf(
      "firm: %zu people, %zu teams, %zu clients, %zu engagements, %zu assignments, %zu time "
      "entries (loaded in %.1f s, not counted)\n",
      firm->people.size(), firm->teams.size(), firm->clients.size(), firm->engagements.size(),
      firm->assignments.size(), firm->time_entries.size(), load);
  std::fflush(stdout);

  const auto start = Clock::now();
  const double cpu_start = CpuSeconds();
  t0 = Clock::now();
  auto snapshot = FirmSnapshot::Build(std::move(firm).value(), 0);
  const double snapshot_s = Since(t0);
  const double snapshot_cpu = CpuSeconds() - cpu_start;
  t0 = Clock::now();
  double c0 = CpuSeconds();
  NetworkOptions options;
  auto state = BuildNetworkState(snapshot, *today, options);
  if (!state.ok()) {
    std::fprintf(stderr, "%s\n", state.status().ToString().c_str());
    return 2;
  }
  const double build_s = Since(t0);
  const double build_cpu = CpuSeconds() - c0;
  const NetworkState& s = **state;
  size_t flagged = 0, key = 0;
  std::map<network::Risk, size_t> risks;
  for (const network::ClientCoverage& c : s.coverage) {
    flagged += c.flagged ? 1 : 0;
    key += snapshot->data().clients[c.client].key_client ? 1 : 0;
    ++risks[c.risk];
  }
  std::printf(
      "snapshot %.1f s (CPU %.1f s); ties, graph and coverage %.1f s (CPU %.1f s): %zu ties, "
      "%llu edges, %zu clients (%zu key, %zu flagged; uncovered %zu, single partner %zu, "
      "covered %zu)\n",
      snapshot_s, snapshot_cpu, build_s, build_cpu, s.ties.ties().size(),
      static_cast<unsigned long long>(s.graph->edge_count()), s.coverage.size(), key, flagged,
      risks[network::Risk::kUncovered], risks[network::Risk::kSinglePartner],
      risks[network::Risk::kCovered]);
  std::fflush(stdout);

  t0 = Clock::now();
  c0 = CpuSeconds();
  std::map<network::Shape, size_t> shapes;
  size_t members = 0, ties = 0;
  for (const Team& team : snapshot->data().teams) {
    auto network = TeamNetworkIn(*state, team, {}, [] {
      NetworkOptions o;
      o.timeline_periods = 0;  // every team's metrics now; the timeline is per page view
      return o;
    }());
    if (!network.ok()) {
      std::fprintf(stderr, "team %s: %s\n", team.id.c_str(), network.status().ToString().c_str());
      return 2;
    }
    ++shapes[network->figures.shape.shape];
    members += network->figures.graph.node_count();
    ties += network->figures.graph.edge_count();
  }
  const double teams_s = Since(t0);
  const double teams_cpu = CpuSeconds() - c0;
  const double total = Since(start);
  const double total_cpu = CpuSeconds() - cpu_start;
  std::printf(
      "every team's metrics and shape %.1f s (CPU %.1f s): %zu teams, %zu members, %zu ties; "
      "network "
      "%zu, org chart %zu, wagon wheel %zu, none %zu\n",
      teams_s, teams_cpu, snapshot->data().teams.size(), members, ties,
      shapes[network::Shape::kNetwork], shapes[network::Shape::kOrgChart],
      shapes[network::Shape::kWagonWheel], shapes[network::Shape::kNone]);
  const bool time_met = total_cpu < 60, memory_met = PeakGiB() < 4;
  std::printf(
      "total (snapshot + graph + coverage + teams) %.1f s wall, %.1f s CPU; target < 60 s: %s; "
      "peak RSS %.2f GiB (the loaded firm included), target < 4 GiB: %s\n",
      total, total_cpu, time_met ? "met" : "MISSED", PeakGiB(), memory_met ? "met" : "MISSED");
  return time_met && memory_met ? 0 : 3;
}

}  // namespace
}  // namespace guild

int main(int argc, char** argv) { return guild::Main(argc, argv); }
