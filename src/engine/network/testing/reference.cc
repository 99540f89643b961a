#include "engine/network/testing/reference.h"

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

namespace guild::network::testing {

namespace {

std::vector<std::vector<double>> WeightMatrix(const Graph& g) {
  const uint32_t n = g.node_count();
  std::vector<std::vector<double>> w(n, std::vector<double>(n, 0));
  for (NodeId v = 0; v < n; ++v) {
    auto row = g.neighbors(v);
    auto ws = g.weights(v);
    for (size_t i = 0; i < row.size(); ++i) w[v][row[i]] = ws[i];
  }
  return w;
}

Length ArcLength(const Graph& g, const std::vector<Length>& lengths, NodeId u, NodeId v) {
  if (lengths.empty()) return 1;
  return lengths[*g.FindArc(u, v)];
}

Length Add(Length a, Length b) {
  return (a == kUnreachable || b == kUnreachable) ? kUnreachable : a + b;
}

}  // namespace

Graph MakeGraph(uint32_t n, const std::vector<std::pair<NodeId, NodeId>>& edges,
                const std::vector<double>& weights) {
  GraphBuilder b;
  for (uint32_t v = 0; v < n; ++v) b.AddNode(std::to_string(v));
  for (size_t i = 0; i < edges.size(); ++i) {
    b.AddEdge(edges[i].first, edges[i].second, weights.empty() ? 1.0 : weights[i]);
  }
  return b.Build();
}

Graph RandomGraph(uint32_t n, double p, std::mt19937_64& rng) {
  std::uniform_real_distribution<double> coin(0, 1);
  std::uniform_int_distribution<int> tenth(1, 10);
  std::vector<std::pair<NodeId, NodeId>> edges;
  std::vector<double> weights;
  for (NodeId u = 0; u < n; ++u) {
    for (NodeId v = u + 1; v < n; ++v) {
      if (coin(rng) < p) {
        edges.emplace_back(u, v);
        weights.push_back(tenth(rng) / 10.0);
      }
    }
  }
  return MakeGraph(n, edges, weights);
}

std::vector<std::vector<Length>> AllPairs(const Graph& g, const std::vector<Length>& lengths) {
  const uint32_t n = g.node_count();
  std::vector<std::vector<Length>> d(n, std::vector<Length>(n, kUnreachable));
  for (NodeId v = 0; v < n; ++v) {
    d[v][v] = 0;
    for (NodeId w : g.neighbors(v)) d[v][w] = std::min(d[v][w], ArcLength(g, lengths, v, w));
  }
  for (NodeId k = 0; k < n; ++k) {
    for (NodeId i = 0; i < n; ++i) {
      for (NodeId j = 0; j < n; ++j) d[i][j] = std::min(d[i][j], Add(d[i][k], d[k][j]));
    }
  }
  return d;
}

std::vector<double> BruteBetweenness(const Graph& g, const std::vector<Length>& lengths) {
  const uint32_t n = g.node_count();
  std::vector<double> out(n, 0);
  if (n <= 2) return out;
  for (NodeId s = 0; s < n; ++s) {
    for (NodeId t = s + 1; t < n; ++t) {
      // Every simple path s -> t: its length and the nodes inside it.
      Length best = kUnreachable;
      std::vector<std::vector<NodeId>> best_paths;
      std::vector<NodeId> path{s};
      std::vector<bool> on(n, false);
      on[s] = true;
      std::function<void(NodeId, Length)> walk = [&](NodeId v, Length so_far) {
        if (v == t) {
          if (so_far < best) {
            best = so_far;
            best_paths.clear();
          }
          if (so_far == best) best_paths.push_back(path);
          return;
        }
        for (NodeId w : g.neighbors(v)) {
          if (on[w]) continue;
          on[w] = true;
          path.push_back(w);
          walk(w, so_far + ArcLength(g, lengths, v, w));
          path.pop_back();
          on[w] = false;
        }
      };
      walk(s, 0);
      for (const auto& p : best_paths) {
        for (size_t i = 1; i + 1 < p.size(); ++i) out[p[i]] += 1.0 / best_paths.size();
      }
    }
  }
  const double scale = 2.0 / ((n - 1.0) * (n - 2.0));
  for (double& b : out) b *= scale;
  return out;
}

std::vector<double> BruteClustering(const Graph& g, Weighting weighting) {
  const uint32_t n = g.node_count();
  auto w = WeightMatrix(g);
  double max_w = 0;
  for (const auto& row : w) {
    for (double x : row) max_w = std::max(max_w, x);
  }
  std::vector<double> out(n, 0);
  for (NodeId v = 0; v < n; ++v) {
    const double d = g.degree(v);
    if (d < 2) continue;
    double sum = 0;
    for (NodeId a = 0; a < n; ++a) {
      for (NodeId b = a + 1; b < n; ++b) {
        if (w[v][a] == 0 || w[v][b] == 0 || w[a][b] == 0) continue;
        sum += weighting == Weighting::kWeighted
                   ? std::cbrt(w[v][a] / max_w * w[v][b] / max_w * w[a][b] / max_w)
                   : 1.0;
      }
    }
    out[v] = sum / (d * (d - 1) / 2);
  }
  return out;
}

double BruteTransitivity(const Graph& g) {
  const uint32_t n = g.node_count();
  auto w = WeightMatrix(g);
  double triangles = 0, triples = 0;
  for (NodeId a = 0; a < n; ++a) {
    for (NodeId b = a + 1; b < n; ++b) {
      for (NodeId c = b + 1; c < n; ++c) {
        if (w[a][b] > 0 && w[b][c] > 0 && w[a][c] > 0) triangles += 1;
      }
    }
  }
  for (NodeId v = 0; v < n; ++v) triples += g.degree(v) * (g.degree(v) - 1.0) / 2;
  return triangles == 0 ? 0 : 3 * triangles / triples;
}

double BruteModularity(const Graph& g, const NodeSets& communities, Weighting weighting) {
  const uint32_t n = g.node_count();
  auto w = WeightMatrix(g);
  if (weighting == Weighting::kUnweighted) {
    for (auto& row : w) {
      for (double& x : row) x = x > 0 ? 1 : 0;
    }
  }
  std::vector<int> c(n, -1);
  for (size_t i = 0; i < communities.size(); ++i) {
    for (NodeId v : communities[i]) c[v] = static_cast<int>(i);
  }
  std::vector<double> k(n, 0);
  double two_m = 0;
  for (NodeId i = 0; i < n; ++i) {
    for (NodeId j = 0; j < n; ++j) k[i] += w[i][j];
    two_m += k[i];
  }
  if (two_m == 0) return 0;
  double q = 0;
  for (NodeId i = 0; i < n; ++i) {
    for (NodeId j = 0; j < n; ++j) {
      if (c[i] == c[j]) q += w[i][j] - k[i] * k[j] / two_m;
    }
  }
  return q / two_m;
}

Length CoverDiameter(const std::vector<std::vector<Length>>& d, const std::vector<NodeId>& cover) {
  Length out = 0;
  for (size_t i = 0; i < cover.size(); ++i) {
    for (size_t j = i + 1; j < cover.size(); ++j) out = std::max(out, d[cover[i]][cover[j]]);
  }
  return out;
}

Length CoverSum(const std::vector<std::vector<Length>>& d, const std::vector<NodeId>& cover) {
  Length out = 0;
  for (size_t i = 0; i < cover.size(); ++i) {
    for (size_t j = i + 1; j < cover.size(); ++j) out = Add(out, d[cover[i]][cover[j]]);
  }
  return out;
}

Length BruteTeamCost(const ExpertNetwork& net, const std::vector<std::string>& skills,
                     Objective objective) {
  std::vector<Length> lengths(net.lengths().begin(), net.lengths().end());
  auto d = AllPairs(net.graph(), lengths);
  std::vector<std::vector<NodeId>> holders;
  for (const auto& s : skills) {
    auto id = net.FindSkill(s);
    auto h = net.holders(*id);
    holders.emplace_back(h.begin(), h.end());
  }
  Length best = kUnreachable;
  std::vector<NodeId> cover(skills.size());
  std::function<void(size_t)> choose = [&](size_t i) {
    if (i == skills.size()) {
      Length cost = kUnreachable;
      if (objective == Objective::kDiameter) {
        cost = CoverDiameter(d, cover);
      } else if (objective == Objective::kSumOfDistances) {
        cost = CoverSum(d, cover);
      } else {
        for (NodeId l = 0; l < net.graph().node_count(); ++l) {
          Length s = 0;
          for (NodeId m : cover) s = Add(s, d[l][m]);
          cost = std::min(cost, s);
        }
      }
      best = std::min(best, cost);
      return;
    }
    for (NodeId h : holders[i]) {
      cover[i] = h;
      choose(i + 1);
    }
  };
  choose(0);
  return best;
}

std::vector<NodeId> RarestFirstCover(const ExpertNetwork& net,
                                     const std::vector<std::string>& skills) {
  std::vector<Length> lengths(net.lengths().begin(), net.lengths().end());
  auto d = AllPairs(net.graph(), lengths);
  std::vector<std::vector<NodeId>> holders;
  size_t rare = 0;
  for (size_t i = 0; i < skills.size(); ++i) {
    auto h = net.holders(*net.FindSkill(skills[i]));
    holders.emplace_back(h.begin(), h.end());
    if (holders[i].size() < holders[rare].size()) rare = i;
  }
  std::vector<NodeId> best_cover;
  Length best_radius = kUnreachable;
  for (NodeId i : holders[rare]) {
    std::vector<NodeId> cover(skills.size());
    Length radius = 0;
    for (size_t a = 0; a < skills.size(); ++a) {
      if (a == rare) {
        cover[a] = i;
        continue;
      }
      NodeId nearest = holders[a].front();
      for (NodeId j : holders[a]) {
        if (d[i][j] < d[i][nearest]) nearest = j;
      }
      cover[a] = nearest;
      radius = std::max(radius, d[i][nearest]);
    }
    if (radius < best_radius) {
      best_radius = radius;
      best_cover = cover;
    }
  }
  return best_cover;
}

}  // namespace guild::network::testing
