// `guild network analyze` and `guild team form`: collaboration networks and
// team formation (docs/NETWORKS.md).
//
//   network analyze EDGES.tsv   metrics, communities and shape of an edge list;
//                               --format text|json|graphml|gexf (--json = json)
//   network team TEAM --db      the same for a team of the firm, from its
//                               co-staffing ties (--from, --to), with its timeline
//   network firm --db           the same for the whole firm or --practice
//   team form                   a team covering --skills on the network of
//                               --experts and --edges (the DBLP data set's TSV
//                               layout), for --objective diameter|sum|leader
#include <chrono>
#include <ctime>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "cli/files.h"
#include "common/progress.h"
#include "engine/network/edge_list.h"
#include "engine/network/export.h"
#include "engine/network/metrics.h"
#include "engine/network/shape.h"
#include "engine/network/team_formation.h"
#include "service/network/network_service.h"
#include "store/store.h"

namespace guild::cli {

namespace {

namespace net = ::guild::network;
using Json = nlohmann::json;

int Fail(const Status& status) {
  std::cerr << "error: " << status.message() << "\n";
  return ExitCodeFor(static_cast<int>(status.code()));
}

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// CPU time of the whole process (all threads), in seconds.
double ProcessCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

std::vector<std::string> Split(const std::string& text, char separator) {
  std::vector<std::string> out;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, separator)) {
    if (!item.empty()) out.push_back(item);
  }
  return out;
}

// --- network analyze ----------------------------------------------------------

struct AnalyzeArgs {
  std::string file;
  std::string format = "text";
  bool json = false;
  bool weighted = false;
  std::string communities = "louvain";
  std::string leader;
  uint64_t seed = 1;
  uint32_t samples = 0;
  int threads = 1;
};

Result<net::Graph> ReadGraph(const std::string& path, net::WeightRange range) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  std::vector<net::InputProblem> problems;
  ASSIGN_OR_RETURN(net::EdgeList edges,
                   net::ParseEdgeList(text, path, {.weights = range}, problems));
  net::GraphBuilder builder;
  for (const net::EdgeRow& row : edges.rows) {
    builder.AddEdge(builder.AddNode(row.source), builder.AddNode(row.target), row.weight);
  }
  return builder.Build();
}

Json Names(const net::Graph& g, const std::vector<net::NodeId>& nodes) {
  Json out = Json::array();
  for (net::NodeId v : nodes) out.push_back(g.name(v));
  return out;
}

// How the metrics were computed, as the JSON states it.
struct Method {
  bool weighted = false;
  std::string communities = "louvain";
};

Json AnalysisJson(const net::Graph& g, const net::NetworkMetrics& m, const net::ShapeReport& s,
                  const Method& method, double seconds, double cpu_seconds) {
  Json betweenness = Json::object();
  for (net::NodeId v = 0; v < g.node_count(); ++v) betweenness[g.name(v)] = m.betweenness[v];
  Json communities = Json::array();
  for (const auto& c : m.communities) communities.push_back(Names(g, c));
  Json components = Json::array();
  for (const auto& c : m.components) components.push_back(Names(g, c));
  Json out = {{"nodes", m.nodes},
              {"edges", m.edges},
              {"weighted", method.weighted},
              {"density", m.density},
              {"avg_clustering", m.avg_clustering},
              {"transitivity", m.transitivity},
              {"degree_centralization", m.degree_centralization},
              {"betweenness", betweenness},
              {"betweenness_sources", m.betweenness_sources},
              {"components", components},
              {"communities", communities},
              {"community_method", method.communities},
              {"modularity", m.modularity},
              {"shape", net::ToString(s.shape)},
              {"shape_reason", s.reason},
              {"hub_share", s.hub_share},
              {"hubs", Names(g, s.hubs)},
              {"brokers", Names(g, s.brokers)},
              {"isolates", Names(g, s.isolates)},
              {"seconds", seconds},
              {"cpu_seconds", cpu_seconds}};
  out["hub"] = s.hub ? Json(g.name(*s.hub)) : Json();
  if (s.leader) {
    out["leader"] = g.name(*s.leader);
    out["leader_share"] = s.leader_share;
  }
  return out;
}

void PrintAnalysis(const net::Graph& g, const net::NetworkMetrics& m, const net::ShapeReport& s,
                   double seconds) {
  std::printf("nodes                  %u\nedges                  %llu\n", m.nodes,
              static_cast<unsigned long long>(m.edges));
  std::printf("density                %.6f\naverage clustering     %.6f\n", m.density,
              m.avg_clustering);
  std::printf("transitivity           %.6f\ndegree centralization  %.6f\n", m.transitivity,
              m.degree_centralization);
  std::printf("components             %zu (largest %zu)\n", m.components.size(),
              m.components.empty() ? size_t{0} : m.components[0].size());
  std::printf("communities            %zu, modularity %.6f\n", m.communities.size(), m.modularity);
  std::printf("shape                  %s\n  %s\n", std::string(net::ToString(s.shape)).c_str(),
              s.reason.c_str());
  auto list = [&](const char* label, const std::vector<net::NodeId>& nodes) {
    std::printf("%-22s", label);
    for (size_t i = 0; i < nodes.size() && i < 10; ++i)
      std::printf(" %s", g.name(nodes[i]).c_str());
    if (nodes.size() > 10) std::printf(" ... (%zu)", nodes.size());
    std::printf("\n");
  };
  list("hubs", s.hubs);
  list("brokers", s.brokers);
  list("isolates", s.isolates);
  std::printf("seconds                %.3f\n", seconds);
}

Result<net::MetricsOptions> MetricsOptionsOf(const AnalyzeArgs& args) {
  net::MetricsOptions options;
  options.weighting = args.weighted ? net::Weighting::kWeighted : net::Weighting::kUnweighted;
  if (args.communities == "louvain") {
    options.communities = net::CommunityMethod::kLouvain;
  } else if (args.communities == "leiden") {
    options.communities = net::CommunityMethod::kLeiden;
  } else if (args.communities == "none") {
    options.communities = net::CommunityMethod::kNone;
  } else {
    return InvalidArgument("--communities: expected louvain, leiden or none, got '" +
                           args.communities + "'");
  }
  options.seed = args.seed;
  options.betweenness_samples = args.samples;
  options.threads = args.threads;
  return options;
}

int RunAnalyze(AnalyzeArgs args) {
  if (args.json) args.format = "json";
  const auto start = std::chrono::steady_clock::now();
  const double cpu_start = ProcessCpuSeconds();
  Result<net::MetricsOptions> options = MetricsOptionsOf(args);
  if (!options.ok()) return Fail(options.status());
  Result<net::Graph> graph = ReadGraph(args.file, net::WeightRange::kPositive);
  if (!graph.ok()) return Fail(graph.status());
  std::optional<net::NodeId> leader;
  if (!args.leader.empty()) {
    leader = graph->Find(args.leader);
    if (!leader)
      return Fail(InvalidArgument("--leader: '" + args.leader + "' is not a node of " + args.file));
  }
  ProgressBar bar("betweenness", graph->node_count());
  options->progress = [&bar](uint64_t done, uint64_t total) {
    bar.Update(static_cast<int64_t>(done));
  };
  Result<net::NetworkMetrics> metrics = net::ComputeMetrics(*graph, *options);
  bar.Finish();
  if (!metrics.ok()) return Fail(metrics.status());
  net::ShapeReport shape = net::ClassifyShape(*graph, *metrics, leader);
  const double seconds = SecondsSince(start);
  const double cpu_seconds = ProcessCpuSeconds() - cpu_start;
  if (args.format == "json") {
    std::cout << AnalysisJson(*graph, *metrics, shape, {args.weighted, args.communities}, seconds,
                              cpu_seconds)
                     .dump()
              << "\n";
  } else if (args.format == "graphml") {
    std::cout << net::WriteGraphml(*graph, {.metrics = &*metrics});
  } else if (args.format == "gexf") {
    std::cout << net::WriteGexf(*graph, {.metrics = &*metrics});
  } else {
    PrintAnalysis(*graph, *metrics, shape, seconds);
  }
  return kExitOk;
}

// --- network team / network firm ---------------------------------------------------

struct FirmArgs {
  std::string db = "guild.db";
  std::string team;      // network team
  std::string practice;  // network firm
  std::string from;
  std::string to;
  std::string today;
  std::string format = "text";
  bool json = false;
};

Result<std::optional<Date>> DateFlag(const std::string& name, const std::string& text) {
  if (text.empty()) return std::optional<Date>();
  std::optional<Date> d = ParseDate(text);
  if (!d)
    return InvalidArgument("--" + name + ": expected a date like 2026-03-02, got '" + text + "'");
  return d;
}

// The firm's network state from the store, as of --today.
Result<NetworkStateRef> LoadNetwork(const FirmArgs& args, PeriodRequest& period) {
  ASSIGN_OR_RETURN(period.from, DateFlag("from", args.from));
  ASSIGN_OR_RETURN(period.to, DateFlag("to", args.to));
  ASSIGN_OR_RETURN(std::optional<Date> today, DateFlag("today", args.today));
  ASSIGN_OR_RETURN(std::unique_ptr<Store> store,
                   OpenStore({.url = args.db, .create_if_missing = false}));
  ASSIGN_OR_RETURN(FirmData firm, store->Load({}));
  return BuildNetworkState(FirmSnapshot::Build(std::move(firm), 0),
                           today.value_or(SystemClock().Today()), NetworkOptions{});
}

std::vector<std::string> PersonLabels(const NetworkState& state, const net::Graph& g) {
  std::vector<std::string> out;
  for (const std::string& id : g.names()) {
    const Person* p = state.snapshot->FindPerson(id);
    out.push_back(p ? p->name : id);
  }
  return out;
}

int PrintFigures(const NetworkState& state, const NetworkFigures& f, const FirmArgs& args,
                 Json extra, double seconds) {
  const std::vector<std::string> labels = PersonLabels(state, f.graph);
  if (args.format == "graphml") {
    std::cout << net::WriteGraphml(f.graph, {.labels = labels, .metrics = &f.metrics});
  } else if (args.format == "tsv") {
    std::cout << net::WriteEdgeList(f.graph);
  } else if (args.format == "gexf") {
    std::cout << net::WriteGexf(f.graph, {.labels = labels, .metrics = &f.metrics});
  } else if (args.format == "json" || args.json) {
    Json out = AnalysisJson(f.graph, f.metrics, f.shape, {}, seconds, ProcessCpuSeconds());
    out.update(extra);
    std::cout << out.dump() << "\n";
  } else {
    PrintAnalysis(f.graph, f.metrics, f.shape, seconds);
  }
  return kExitOk;
}

int RunTeamNetwork(const FirmArgs& args) {
  const auto start = std::chrono::steady_clock::now();
  PeriodRequest period;
  Result<NetworkStateRef> state = LoadNetwork(args, period);
  if (!state.ok()) return Fail(state.status());
  const Team* team = (*state)->snapshot->FindTeam(args.team);
  if (team == nullptr) return Fail(NotFound("TEAM: no team '" + args.team + "'"));
  Result<TeamNetwork> network = TeamNetworkIn(*state, *team, period, NetworkOptions{});
  if (!network.ok()) return Fail(network.status());
  Json timeline = Json::array();
  for (const TimelinePoint& p : network->timeline) {
    timeline.push_back({{"from", FormatDate(p.period.from)},
                        {"to", FormatDate(p.period.to)},
                        {"shape", net::ToString(p.shape)},
                        {"ties", p.ties},
                        {"transitivity", p.transitivity},
                        {"leader_share", p.leader_share}});
  }
  Json extra = {{"team", team->id}, {"team_name", team->name}, {"timeline", timeline}};
  return PrintFigures(**state, network->figures, args, extra, SecondsSince(start));
}

int RunFirmNetwork(const FirmArgs& args) {
  const auto start = std::chrono::steady_clock::now();
  PeriodRequest period;
  Result<NetworkStateRef> state = LoadNetwork(args, period);
  if (!state.ok()) return Fail(state.status());
  Result<FirmNetwork> firm = FirmNetworkIn(*state, {args.practice, period}, NetworkOptions{});
  if (!firm.ok()) return Fail(firm.status());
  // The firm's graph itself, for the same output as a team's.
  std::vector<net::NodeId> nodes;
  for (const std::string& id : firm->node_ids) nodes.push_back(*(*state)->ties.Find(id));
  NetworkFigures figures;
  figures.graph = (*state)->ties.ReadAmong(nodes, {.period = firm->period});
  figures.metrics = firm->metrics;
  figures.shape = net::ClassifyShape(figures.graph, figures.metrics, std::nullopt);
  Json shapes = Json::object();
  for (const TeamShapeRow& t : firm->teams) {
    shapes[std::string(net::ToString(t.shape))] =
        shapes.value(std::string(net::ToString(t.shape)), 0) + 1;
  }
  Json extra = {
      {"practice", args.practice}, {"teams", firm->teams.size()}, {"team_shapes", shapes}};
  return PrintFigures(**state, figures, args, extra, SecondsSince(start));
}

void AddFirmOptions(CLI::App* command, FirmArgs& args) {
  AddDbOption(*command, args.db);
  command->add_option("--from", args.from, "First day of the period (YYYY-MM-DD)");
  command->add_option("--to", args.to, "Last day of the period (YYYY-MM-DD)");
  command->add_option("--today", args.today, "The firm's today (default: the clock)");
  command
      ->add_option("--format", args.format,
                   "text (default), json, graphml, gexf, or tsv (the edge list)")
      ->check(CLI::IsMember({"text", "json", "graphml", "gexf", "tsv"}));
  command->add_flag("--json", args.json, "Same as --format json");
}

// --- team form ------------------------------------------------------------------

struct FormArgs {
  std::string experts;
  std::string edges;
  std::string skills;
  std::string objective = "sum";
  bool json = false;
};

struct LoadedNetwork {
  net::ExpertNetwork network;
  std::vector<std::string> names;  // display names by node
};

Result<LoadedNetwork> LoadExpertNetwork(const std::string& experts_path,
                                        const std::string& edges_path) {
  ASSIGN_OR_RETURN(std::string experts_text, ReadFile(experts_path));
  ASSIGN_OR_RETURN(std::string edges_text, ReadFile(edges_path));
  std::vector<net::InputProblem> problems;
  LoadedNetwork out;
  ASSIGN_OR_RETURN(out.network, net::ParseExpertNetwork(experts_text, experts_path, edges_text,
                                                        edges_path, problems, &out.names));
  return out;
}

Json TeamJson(const LoadedNetwork& loaded, const std::vector<std::string>& skills,
              const net::TeamProposal& team, double seconds) {
  const net::Graph& g = loaded.network.graph();
  Json cover = Json::object();
  for (size_t i = 0; i < skills.size(); ++i) cover[skills[i]] = g.name(team.cover[i]);
  Json members = Json::array();
  for (net::NodeId m : team.members) members.push_back(g.name(m));
  Json explanations = Json::array();
  for (const net::MemberReason& r : net::ExplainTeam(loaded.network, team)) {
    Json covers = Json::array();
    for (uint32_t i : r.covers) covers.push_back(skills[i]);
    Json ties = Json::array();
    for (const auto& t : r.ties) {
      ties.push_back({{"member", g.name(t.other)},
                      {"weight", t.weight},
                      {"distance", net::ToUnits(t.distance)}});
    }
    explanations.push_back({{"member", g.name(r.member)},
                            {"name", loaded.names[r.member]},
                            {"leader", r.leader},
                            {"covers", covers},
                            {"ties", ties}});
  }
  return {{"objective", net::ToString(team.objective)},
          {"members", members},
          {"cover", cover},
          {"cost", net::ToUnits(team.cost)},
          {"costs",
           {{"diameter", net::ToUnits(team.costs.diameter)},
            {"sum", net::ToUnits(team.costs.sum)},
            {"leader", net::ToUnits(team.costs.leader)}}},
          {"leader", g.name(team.costs.leader_node)},
          {"explanations", explanations},
          {"seconds", seconds}};
}

void PrintTeam(const Json& team) {
  std::printf("objective  %s\ncost       %.6f\n", team["objective"].get<std::string>().c_str(),
              team["cost"].get<double>());
  std::printf("costs      diameter %.6f, sum %.6f, leader %.6f (leader %s)\n",
              team["costs"]["diameter"].get<double>(), team["costs"]["sum"].get<double>(),
              team["costs"]["leader"].get<double>(), team["leader"].get<std::string>().c_str());
  for (const Json& e : team["explanations"]) {
    std::string covers;
    for (const Json& s : e["covers"]) covers += (covers.empty() ? "" : ", ") + s.get<std::string>();
    std::printf("member %s %s%s covers: %s\n", e["member"].get<std::string>().c_str(),
                e["name"].get<std::string>().c_str(), e["leader"].get<bool>() ? " (leader)" : "",
                covers.empty() ? "-" : covers.c_str());
    for (const Json& t : e["ties"]) {
      std::printf("    to %s: distance %.3f", t["member"].get<std::string>().c_str(),
                  t["distance"].get<double>());
      if (t["weight"].get<double>() > 0)
        std::printf(", direct tie %.3f", t["weight"].get<double>());
      std::printf("\n");
    }
  }
  std::printf("seconds    %.4f\n", team["seconds"].get<double>());
}

int RunForm(const FormArgs& args) {
  std::optional<net::Objective> objective = net::ParseObjective(args.objective);
  if (!objective) {
    return Fail(InvalidArgument("--objective: expected diameter, sum or leader, got '" +
                                args.objective + "'"));
  }
  std::vector<std::string> skills = Split(args.skills, ',');
  Result<LoadedNetwork> loaded = LoadExpertNetwork(args.experts, args.edges);
  if (!loaded.ok()) return Fail(loaded.status());
  const auto start = std::chrono::steady_clock::now();
  Result<net::TeamProposal> team =
      net::FormTeam(loaded->network, skills, {.objective = *objective});
  const double seconds = SecondsSince(start);
  if (!team.ok()) return Fail(team.status());
  Json out = TeamJson(*loaded, skills, *team, seconds);
  if (args.json) {
    std::cout << out.dump() << "\n";
  } else {
    PrintTeam(out);
  }
  return kExitOk;
}

void RegisterNetwork(CLI::App& app, int& exit_code) {
  CLI::App* group = app.add_subcommand("network", "Collaboration networks: metrics and shape");
  group->require_subcommand(1);
  CLI::App* analyze =
      group->add_subcommand("analyze", "Metrics, communities and shape of an edge list");
  auto a = std::make_shared<AnalyzeArgs>();
  analyze->add_option("EDGES", a->file, "TSV with header source<TAB>target<TAB>weight")->required();
  analyze->add_option("--format", a->format, "text (default), json, graphml or gexf")
      ->check(CLI::IsMember({"text", "json", "graphml", "gexf"}));
  analyze->add_flag("--json", a->json, "Same as --format json");
  analyze->add_flag("--weighted", a->weighted,
                    "Weighted clustering, betweenness (on lengths) and communities");
  analyze->add_option("--communities", a->communities, "louvain (default), leiden or none");
  analyze->add_option("--leader", a->leader, "Node id of the leader, for the shape");
  analyze->add_option("--seed", a->seed, "Seed of community detection and sampling (default 1)");
  analyze->add_option("--samples", a->samples,
                      "Betweenness from this many sampled sources (default 0: exact)");
  analyze->add_option("--threads", a->threads, "Threads for betweenness (default 1)")
      ->check(CLI::Range(1, 64));
  analyze->callback([a, &exit_code] { exit_code = RunAnalyze(*a); });

  CLI::App* team =
      group->add_subcommand("team", "A team's network and shape, from the firm's records");
  auto t = std::make_shared<FirmArgs>();
  team->add_option("TEAM", t->team, "Team id")->required();
  AddFirmOptions(team, *t);
  team->callback([t, &exit_code] { exit_code = RunTeamNetwork(*t); });

  CLI::App* firm = group->add_subcommand("firm", "The whole firm's (or one practice's) network");
  auto f = std::make_shared<FirmArgs>();
  firm->add_option("--practice", f->practice, "Only this practice");
  AddFirmOptions(firm, *f);
  firm->callback([f, &exit_code] { exit_code = RunFirmNetwork(*f); });
}

void RegisterTeam(CLI::App& app, int& exit_code) {
  CLI::App* group = app.add_subcommand("team", "Team formation on a collaboration network");
  group->require_subcommand(1);
  CLI::App* form = group->add_subcommand("form", "Propose a team covering the skills");
  auto f = std::make_shared<FormArgs>();
  form->add_option("--experts", f->experts, "TSV: node, author_id, name, skills")->required();
  form->add_option("--edges", f->edges, "TSV: u, v, jaccard (similarity in (0, 1])")->required();
  form->add_option("--skills", f->skills, "Comma-separated skill ids")->required();
  form->add_option("--objective", f->objective, "diameter, sum (default) or leader");
  form->add_flag("--json", f->json, "Print one JSON object");
  form->callback([f, &exit_code] { exit_code = RunForm(*f); });
}

}  // namespace

}  // namespace guild::cli

GUILD_REGISTER_COMMAND(network, guild::cli::RegisterNetwork)
GUILD_REGISTER_COMMAND(team, guild::cli::RegisterTeam)
