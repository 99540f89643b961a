#include "engine/network/internal/team_search.h"

#include <algorithm>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "engine/network/internal/exact_search.h"

namespace guild::network::internal {

namespace {

// Compound moves tried per descent round (Search::ImproveByGroups).
constexpr size_t kGroupTrials = 8;

Length SaturatingAdd(Length a, Length b) {
  return (a == kUnreachable || b == kUnreachable) ? kUnreachable : a + b;
}

// A cost pair compared lexicographically: the objective, then the other of
// diameter and sum as the tie-break.
struct Score {
  Length primary = kUnreachable;
  Length secondary = kUnreachable;
  bool operator<(const Score& o) const {
    return primary != o.primary ? primary < o.primary : secondary < o.secondary;
  }
};

// Diameter and sum of a set of pairs.
struct PairCosts {
  Length diameter = 0;
  Length sum = 0;
};

// A cover's distinct members with the number of task skills each covers.
struct Members {
  std::vector<NodeId> nodes;
  std::vector<Length> skills;
};

Members DistinctMembers(std::span<const NodeId> cover, const std::vector<bool>& skip = {}) {
  Members m;
  for (size_t i = 0; i < cover.size(); ++i) {
    if (!skip.empty() && skip[i]) continue;
    auto it = std::find(m.nodes.begin(), m.nodes.end(), cover[i]);
    if (it == m.nodes.end()) {
      m.nodes.push_back(cover[i]);
      m.skills.push_back(1);
    } else {
      ++m.skills[it - m.nodes.begin()];
    }
  }
  return m;
}

class Search {
 public:
  Search(const ExpertNetwork& network, const ResolvedTask& task, const FormOptions& options)
      : net_(network), task_(task), options_(options), pairs_(network), k_(task.skills.size()) {}

  Result<TeamProposal> Run() {
    FindNearestHolders();
    if (options_.objective == Objective::kLeaderDistance) return BestLeaderTeam();
    ASSIGN_OR_RETURN(std::vector<NodeId> best, BestCover());
    TeamProposal p = Propose(best, std::nullopt, std::nullopt);
    p.optimal = optimal_;
    return p;
  }

 private:
  [[nodiscard]] bool diameter_first() const { return options_.objective == Objective::kDiameter; }

  void FindNearestHolders() {
    ShortestPaths paths(net_.graph(), net_.lengths());
    near_.resize(k_);
    for (size_t i = 0; i < k_; ++i) {
      ShortestPaths::Nearest n = paths.FromNearest(task_.holders[i]);
      near_[i].distance.assign(n.distance.begin(), n.distance.end());
      near_[i].holder.assign(n.source.begin(), n.source.end());
    }
  }

  // Sum over skills of D_i(v); kUnreachable when a skill is out of reach.
  [[nodiscard]] Length SumToHolders(NodeId v) const {
    Length sum = 0;
    for (size_t i = 0; i < k_ && sum != kUnreachable; ++i) {
      sum = SaturatingAdd(sum, near_[i].distance[v]);
    }
    return sum;
  }
  [[nodiscard]] Length Radius(NodeId v) const {
    Length r = 0;
    for (size_t i = 0; i < k_; ++i) r = std::max(r, near_[i].distance[v]);
    return r;
  }
  [[nodiscard]] std::vector<NodeId> CoverFrom(NodeId centre) const {
    std::vector<NodeId> cover(k_);
    for (size_t i = 0; i < k_; ++i) cover[i] = near_[i].holder[centre];
    return cover;
  }

  Result<TeamProposal> BestLeaderTeam() {
    std::optional<NodeId> leader;
    Length best = kUnreachable;
    for (NodeId v = 0; v < net_.graph().node_count(); ++v) {
      const Length s = SumToHolders(v);
      if (s < best) {
        best = s;
        leader = v;
      }
    }
    if (!leader) return Disconnected();
    TeamProposal p = Propose(CoverFrom(*leader), leader, best);
    p.optimal = true;
    return p;
  }

  Status Disconnected() const {
    std::string names;
    for (uint32_t s : task_.skills) {
      names += (names.empty() ? "'" : ", '") + net_.skill_name(s) + "'";
    }
    return FailedPrecondition("no connected group of people covers every skill (" + names +
                              "): their holders are in different parts of the network");
  }

  [[nodiscard]] Score ScoreOf(PairCosts c) const {
    return diameter_first() ? Score{c.diameter, c.sum} : Score{c.sum, c.diameter};
  }

  // The exact score of a cover when its objective is at most limit.primary;
  // nullopt when it is more (found out early, by bounded searches).
  std::optional<Score> Evaluate(const std::vector<NodeId>& cover, Score limit) {
    const Members m = DistinctMembers(cover);
    PairCosts c;
    for (size_t a = 0; a < m.nodes.size(); ++a) {
      const std::span<const NodeId> later(m.nodes.data() + a + 1, m.nodes.size() - a - 1);
      if (later.empty()) break;
      const Length bound = diameter_first()                ? limit.primary
                           : limit.primary == kUnreachable ? kUnreachable
                                                           : limit.primary - c.sum;
      pairs_.From(m.nodes[a], later, bound, found_);
      for (size_t b = 0; b < later.size(); ++b) {
        if (found_[b] == kUnreachable) return std::nullopt;
        c.diameter = std::max(c.diameter, found_[b]);
        c.sum += m.skills[a] * m.skills[a + 1 + b] * found_[b];
      }
      if (!diameter_first() && c.sum > limit.primary) return std::nullopt;
    }
    return ScoreOf(c);
  }

  void Consider(std::vector<NodeId> cover) {
    if (!seen_.insert(cover).second) return;
    std::optional<Score> s = Evaluate(cover, best_);
    if (!s) return;
    best_ = std::min(best_, *s);
    candidates_.push_back({*s, std::move(cover)});
  }

  [[nodiscard]] size_t RarestSkill() const {
    size_t rare = 0;
    for (size_t i = 1; i < k_; ++i) {
      if (task_.holders[i].size() < task_.holders[rare].size()) rare = i;
    }
    return rare;
  }

  // RarestFirst's centres (holders h of the rarest skill) by radius; its own
  // team first, then for the diameter every centre whose radius, a lower
  // bound on its team's diameter, is below the best found.
  void AddRarestFirstCandidates(bool all) {
    const size_t rare = RarestSkill();
    std::vector<std::pair<Length, NodeId>> centres;
    for (NodeId h : task_.holders[rare]) {
      const Length r = Radius(h);
      if (r != kUnreachable) centres.emplace_back(r, h);
    }
    std::sort(centres.begin(), centres.end());
    for (const auto& [radius, h] : centres) {
      if (!candidates_.empty() && radius >= best_.primary) break;
      std::vector<NodeId> cover = CoverFrom(h);
      cover[rare] = h;
      Consider(std::move(cover));
      if (!all) break;
    }
  }

  // The options.centres best centres anywhere.
  void AddCentreCandidates() {
    std::vector<std::pair<Length, NodeId>> centres;
    for (NodeId v = 0; v < net_.graph().node_count(); ++v) {
      const Length key = diameter_first() ? Radius(v) : SumToHolders(v);
      if (key != kUnreachable) centres.emplace_back(key, v);
    }
    const size_t keep = std::min<size_t>(centres.size(), std::max(0, options_.centres));
    std::partial_sort(centres.begin(), centres.begin() + static_cast<ptrdiff_t>(keep),
                      centres.end());
    for (size_t c = 0; c < keep; ++c) Consider(CoverFrom(centres[c].second));
  }

  // Re-covers one skill at a time by the holder that most lowers the score;
  // when none does, moves every task skill a person holds onto that person
  // (a group move: one person covering several skills is the cheapest
  // communication there is).
  Score Descend(std::vector<NodeId>& cover, Score score) {
    bool improved = true;
    while (improved) {
      improved = false;
      for (size_t i = 0; i < k_; ++i) {
        const size_t moved[] = {i};
        if (ImproveBy(cover, moved, task_.holders[i], score)) improved = true;
      }
      if (!improved) improved = ImproveByGroups(cover, score);
    }
    return score;
  }

  // Costs of the pairs of skills both outside `moved` (all known exactly).
  PairCosts CostsOutside(const std::vector<NodeId>& cover, const std::vector<bool>& moved) {
    PairCosts rest;
    for (size_t a = 0; a < k_; ++a) {
      for (size_t b = a + 1; b < k_; ++b) {
        if (moved[a] || moved[b]) continue;
        const Length d = pairs_.Between(cover[a], cover[b]);
        rest.diameter = std::max(rest.diameter, d);
        rest.sum = SaturatingAdd(rest.sum, d);
      }
    }
    return rest;
  }

  // A lower bound on the score with the moved skills covered by h: every
  // other skill b is at least D_b(h) away from h.
  [[nodiscard]] Score LowerBound(const PairCosts& rest, const std::vector<bool>& moved,
                                 Length count, NodeId h) const {
    PairCosts c = rest;
    for (size_t b = 0; b < k_; ++b) {
      if (moved[b]) continue;
      c.diameter = std::max(c.diameter, near_[b].distance[h]);
      c.sum = SaturatingAdd(c.sum, count * near_[b].distance[h]);
    }
    return ScoreOf(c);
  }

  // The best of `holders` to cover every skill in `moved_skills` at once;
  // applies it and returns true when it lowers the score.
  bool ImproveBy(std::vector<NodeId>& cover, std::span<const size_t> moved_skills,
                 std::span<const NodeId> holders, Score& score) {
    std::vector<bool> moved(k_, false);
    for (size_t i : moved_skills) moved[i] = true;
    const Length count = static_cast<Length>(moved_skills.size());
    const PairCosts rest = CostsOutside(cover, moved);
    const Members others = DistinctMembers(cover, moved);
    std::vector<std::pair<Score, NodeId>> order;
    for (NodeId h : holders) {
      bool same = true;
      for (size_t i : moved_skills) same = same && cover[i] == h;
      if (same) continue;
      const Score lb = LowerBound(rest, moved, count, h);
      if (!(score < lb)) order.emplace_back(lb, h);
    }
    std::sort(order.begin(), order.end(), [](const auto& a, const auto& b) {
      return a.first < b.first || (!(b.first < a.first) && a.second < b.second);
    });
    std::optional<NodeId> best_holder;
    Score best = score;
    for (const auto& [lb, h] : order) {
      if (!(lb < best)) break;  // sorted: no later holder can do better
      const Length bound = diameter_first() ? best.primary : (best.primary - rest.sum) / count;
      pairs_.From(h, others.nodes, bound, found_);
      PairCosts c = rest;
      bool within = true;
      for (size_t b = 0; b < others.nodes.size() && within; ++b) {
        within = found_[b] != kUnreachable;
        c.diameter = std::max(c.diameter, found_[b]);
        c.sum = SaturatingAdd(c.sum, count * others.skills[b] * found_[b]);
      }
      if (!within) continue;
      const Score s = ScoreOf(c);
      if (s < best) {
        best = s;
        best_holder = h;
      }
    }
    if (!best_holder) return false;
    for (size_t i : moved_skills) cover[i] = *best_holder;
    score = best;
    return true;
  }

  // Group moves: a person holding two or more task skills takes all of them,
  // and the other skills are then re-covered one at a time (a compound move:
  // replacing a member who covers several skills by another rarely pays off
  // before their neighbours move too). The kGroupTrials moves of least lower
  // bound are tried; the best result is kept when it lowers the score.
  bool ImproveByGroups(std::vector<NodeId>& cover, Score& score) {
    if (!groups_found_) FindGroups();
    std::vector<std::pair<Score, size_t>> ranked;
    for (size_t g = 0; g < groups_.size(); ++g) {
      const auto& [h, skills] = groups_[g];
      std::vector<bool> moved(k_, false);
      bool same = true;
      for (size_t i : skills) {
        moved[i] = true;
        same = same && cover[i] == h;
      }
      if (same) continue;
      const Score lb =
          LowerBound(CostsOutside(cover, moved), moved, static_cast<Length>(skills.size()), h);
      if (lb < score) ranked.emplace_back(lb, g);
    }
    std::sort(ranked.begin(), ranked.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    if (ranked.size() > kGroupTrials) ranked.resize(kGroupTrials);
    std::vector<NodeId> best_cover;
    Score best = score;
    for (const auto& [lb, g] : ranked) {
      std::vector<NodeId> trial = cover;
      for (size_t i : groups_[g].second) trial[i] = groups_[g].first;
      std::optional<Score> s = Evaluate(trial, Score{});
      if (!s) continue;
      Score t = *s;
      for (bool again = true; again;) {
        again = false;
        for (size_t i = 0; i < k_; ++i) {
          const size_t moved[] = {i};
          if (ImproveBy(trial, moved, task_.holders[i], t)) again = true;
        }
      }
      if (t < best) {
        best = t;
        best_cover = std::move(trial);
      }
    }
    if (best_cover.empty()) return false;
    cover = std::move(best_cover);
    score = best;
    return true;
  }

  // People holding two or more task skills, with those skills.
  void FindGroups() {
    std::unordered_map<NodeId, std::vector<size_t>> held;
    for (size_t i = 0; i < k_; ++i) {
      for (NodeId h : task_.holders[i]) held[h].push_back(i);
    }
    for (auto& [h, skills] : held) {
      if (skills.size() >= 2) groups_.emplace_back(h, std::move(skills));
    }
    std::sort(groups_.begin(), groups_.end());
    groups_found_ = true;
  }

  Result<std::vector<NodeId>> BestCover() {
    AddRarestFirstCandidates(false);
    AddCentreCandidates();
    if (diameter_first()) AddRarestFirstCandidates(true);
    if (candidates_.empty()) return Disconnected();
    std::stable_sort(candidates_.begin(), candidates_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<NodeId> best = candidates_.front().second;
    Score best_score = candidates_.front().first;
    const size_t descents = std::min<size_t>(candidates_.size(), std::max(1, options_.descents));
    for (size_t c = 0; c < descents; ++c) {
      std::vector<NodeId> cover = candidates_[c].second;
      const Score s = Descend(cover, candidates_[c].first);
      if (s < best_score) {
        best_score = s;
        best = std::move(cover);
      }
    }
    if (options_.exact_work > 0) {
      const uint64_t budget = options_.exact_work * net_.graph().node_count();
      ExactOutcome exact =
          SearchBelow({task_, near_, pairs_, options_.objective, budget}, best_score.primary);
      optimal_ = exact.complete;
      if (!exact.cover.empty()) {
        std::optional<Score> s = Evaluate(exact.cover, Score{});
        if (s) Descend(exact.cover, *s);  // same objective; may lower the tie-break
        best = std::move(exact.cover);
      }
    }
    return best;
  }

  TeamProposal Propose(std::vector<NodeId> cover, std::optional<NodeId> leader,
                       std::optional<Length> leader_cost) {
    TeamProposal p;
    p.objective = options_.objective;
    p.costs = EvaluateCover(pairs_, cover, leader, leader_cost);
    p.cover = std::move(cover);
    p.members = p.cover;
    if (leader) p.members.push_back(*leader);
    std::sort(p.members.begin(), p.members.end());
    p.members.erase(std::unique(p.members.begin(), p.members.end()), p.members.end());
    switch (options_.objective) {
      case Objective::kDiameter: p.cost = p.costs.diameter; break;
      case Objective::kSumOfDistances: p.cost = p.costs.sum; break;
      case Objective::kLeaderDistance: p.cost = p.costs.leader; break;
    }
    return p;
  }

  const ExpertNetwork& net_;
  const ResolvedTask& task_;
  const FormOptions& options_;
  PairDistances pairs_;
  const size_t k_;
  std::vector<NearestHolders> near_;
  std::vector<std::pair<Score, std::vector<NodeId>>> candidates_;
  std::set<std::vector<NodeId>> seen_;
  Score best_;
  std::vector<Length> found_;
  bool optimal_ = false;
  std::vector<std::pair<NodeId, std::vector<size_t>>> groups_;
  bool groups_found_ = false;
};

std::string Quoted(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "'" : ", '") + n + "'";
  return out;
}

}  // namespace

std::optional<Length> PairDistances::Known(NodeId a, NodeId b, Length bound) const {
  for (const auto& [from, to] : {std::pair{a, b}, std::pair{b, a}}) {
    auto ball = balls_.find(from);
    if (ball == balls_.end()) continue;
    const std::vector<NodeId>& nodes = ball->second.nodes;
    auto it = std::lower_bound(nodes.begin(), nodes.end(), to);
    if (it != nodes.end() && *it == to) {
      const Length d = ball->second.distances[it - nodes.begin()];
      return d <= bound ? d : kUnreachable;
    }
    if (ball->second.radius >= bound) return kUnreachable;  // d > radius >= bound
  }
  return std::nullopt;
}

void PairDistances::From(NodeId source, std::span<const NodeId> targets, Length bound,
                         std::vector<Length>& out) {
  out.assign(targets.size(), kUnreachable);
  missing_.clear();
  for (size_t i = 0; i < targets.size(); ++i) {
    if (targets[i] == source) {
      out[i] = 0;
    } else if (bound >= 0) {
      std::optional<Length> known = Known(source, targets[i], bound);
      if (known) {
        out[i] = *known;
      } else {
        missing_.push_back(i);
      }
    }
  }
  if (missing_.empty()) return;
  targets_.clear();
  for (size_t i : missing_) targets_.push_back(targets[i]);
  auto it = balls_.find(source);
  const Length grow_to = it == balls_.end() ? 0 : it->second.radius + it->second.radius / 4;
  Ball ball;
  ball.radius = paths_.Ball(source, targets_, grow_to, bound, ball.nodes, ball.distances);
  if (it != balls_.end()) {
    cached_nodes_ -= it->second.nodes.size();
    balls_.erase(it);
  }
  if (cached_nodes_ + ball.nodes.size() > kMaxCachedNodes) {
    balls_.clear();
    cached_nodes_ = 0;
  }
  cached_nodes_ += ball.nodes.size();
  const Ball& kept = balls_.emplace(source, std::move(ball)).first->second;
  for (size_t i : missing_) {
    auto at = std::lower_bound(kept.nodes.begin(), kept.nodes.end(), targets[i]);
    if (at != kept.nodes.end() && *at == targets[i]) {
      const Length d = kept.distances[at - kept.nodes.begin()];
      out[i] = d <= bound ? d : kUnreachable;
    }  // else beyond the bound (or unreachable): the ball reached it
  }
}

Length PairDistances::Between(NodeId a, NodeId b) {
  std::vector<Length> out;
  const NodeId target[] = {b};
  From(a, target, kUnreachable, out);
  return out[0];
}

TeamCosts EvaluateCover(PairDistances& pairs, std::span<const NodeId> cover,
                        std::optional<NodeId> leader, std::optional<Length> leader_cost) {
  TeamCosts c;
  std::vector<NodeId> members(cover.begin(), cover.end());
  if (leader) members.push_back(*leader);
  std::sort(members.begin(), members.end());
  members.erase(std::unique(members.begin(), members.end()), members.end());
  std::vector<Length> found;
  for (NodeId m : members) pairs.From(m, members, kUnreachable, found);  // fills the cache
  for (size_t i = 0; i < cover.size(); ++i) {
    for (size_t j = i + 1; j < cover.size(); ++j) {
      const Length d = pairs.Between(cover[i], cover[j]);
      c.diameter = std::max(c.diameter, d);
      c.sum = SaturatingAdd(c.sum, d);
    }
  }
  std::vector<NodeId> leaders;
  if (leader) {
    leaders.push_back(*leader);
  } else {
    leaders.assign(cover.begin(), cover.end());
    std::sort(leaders.begin(), leaders.end());
  }
  c.leader = kUnreachable;
  for (NodeId l : leaders) {
    Length sum = 0;
    for (NodeId m : cover) sum = SaturatingAdd(sum, pairs.Between(l, m));
    if (sum < c.leader) {  // leaders ascend: the lowest node wins ties
      c.leader = sum;
      c.leader_node = l;
    }
  }
  if (leader_cost) c.leader = *leader_cost;
  if (c.leader == kUnreachable && !leaders.empty()) c.leader_node = leaders.front();
  return c;
}

Result<ResolvedTask> ResolveTask(const ExpertNetwork& network, std::span<const std::string> skills,
                                 std::span<const uint8_t> eligible) {
  if (skills.empty()) return InvalidArgument("skills: expected at least one skill");
  ResolvedTask task;
  std::unordered_set<std::string_view> seen;
  std::vector<std::string> unheld, without_capacity;
  for (const std::string& name : skills) {
    if (name.empty()) return InvalidArgument("skills: expected non-empty skill ids");
    if (!seen.insert(name).second) {
      return InvalidArgument("skills: '" + name + "' is listed twice; expected distinct skills");
    }
    std::optional<uint32_t> skill = network.FindSkill(name);
    if (!skill) {
      unheld.push_back(name);
      continue;
    }
    std::vector<NodeId> holders;
    for (NodeId v : network.holders(*skill)) {
      if (eligible.empty() || eligible[v] != 0) holders.push_back(v);
    }
    if (holders.empty()) without_capacity.push_back(name);
    task.skills.push_back(*skill);
    task.holders.push_back(std::move(holders));
  }
  if (!unheld.empty() || !without_capacity.empty()) {
    std::string message = "skills:";
    if (!unheld.empty()) message += " no one holds " + Quoted(unheld) + ";";
    if (!without_capacity.empty()) {
      message += " no one with capacity holds " + Quoted(without_capacity) + ";";
    }
    message.back() = '.';
    return InvalidArgument(message);
  }
  return task;
}

Result<TeamProposal> SearchTeam(const ExpertNetwork& network, const ResolvedTask& task,
                                const FormOptions& options) {
  Search search(network, task, options);
  return search.Run();
}

}  // namespace guild::network::internal
