// State moves, pins, regret construction and local search.
#include <algorithm>
#include <queue>
#include <random>

#include "engine/staffing/internal/solver.h"

namespace guild::staffing::internal {

namespace {

constexpr double kEps = 1e-9;
constexpr float kHoursEps = 1e-4f;
constexpr size_t kMaxEjectionSeats = 8;  //!< seats of a blocking person tried

const Cand& CandOf(const Problem& p, uint32_t seat, int c) {
  return p.groups[p.seat_group[seat]].cands[static_cast<size_t>(c)];
}

double SeatCost(const Problem& p, const State& s, uint32_t seat) {
  return s.pick[seat] < 0 ? p.ctx->options.weights.unfilled : CandOf(p, seat, s.pick[seat]).cost;
}

// Every stretch pick on the engagement still has a coach.
bool StretchHolds(const Problem& p, const State& s, uint32_t engagement) {
  auto it = p.groups_of_engagement.find(engagement);
  if (it == p.groups_of_engagement.end()) return true;
  for (uint32_t gi : it->second) {
    const Group& g = p.groups[gi];
    int stretchers = 0;
    for (int k = 0; k < g.seats; ++k) {
      const uint32_t seat = static_cast<uint32_t>(g.first_seat + k);
      const int c = s.pick[seat];
      if (c < 0 || g.cands[static_cast<size_t>(c)].stretch_req < 0) continue;
      if (++stretchers > 1 || CoachOf(p, s, seat, c) == kNoIndex) return false;
    }
  }
  return true;
}

uint32_t EngagementOf(const Problem& p, uint32_t seat) {
  return p.groups[p.seat_group[seat]].facts.engagement;
}

// Best feasible candidate of `seat` other than person `skip`: (index, cost).
std::pair<int, double> BestFor(const Problem& p, const State& s, uint32_t seat, uint32_t skip) {
  const Group& g = p.groups[p.seat_group[seat]];
  for (size_t c = 0; c < g.cands.size(); ++c) {
    if (g.cands[c].person == skip) continue;
    if (CanTake(p, s, seat, static_cast<int>(c))) return {static_cast<int>(c), g.cands[c].cost};
  }
  return {-1, p.ctx->options.weights.unfilled};
}

// Places c on seat if it keeps the stretch rules; else leaves state as is.
bool TryPlace(const Problem& p, State& s, uint32_t seat, int c) {
  if (!CanTake(p, s, seat, c)) return false;
  Place(p, s, seat, c);
  return true;
}

bool ImproveShift(const Problem& p, State& s, uint32_t seat) {
  const Group& g = p.groups[p.seat_group[seat]];
  const int cur = s.pick[seat];
  const double cur_cost = SeatCost(p, s, seat);
  for (size_t c = 0; c < g.cands.size() && g.cands[c].cost < cur_cost - kEps; ++c) {
    if (cur >= 0 && g.cands[c].person == g.cands[static_cast<size_t>(cur)].person) continue;
    if (cur >= 0) Remove(p, s, seat);
    if (TryPlace(p, s, seat, static_cast<int>(c))) {
      if (StretchHolds(p, s, g.facts.engagement)) return true;
      Remove(p, s, seat);
    }
    if (cur >= 0) Place(p, s, seat, cur);
  }
  return false;
}

// Moves `t` (held by the blocking person) to its best other candidate so
// that `seat` can take candidate c.
bool ImproveEject(const Problem& p, State& s, uint32_t seat, int c) {
  const Cand& want = CandOf(p, seat, c);
  const int cur = s.pick[seat];
  const double cur_cost = SeatCost(p, s, seat);
  const std::vector<uint32_t> held = s.seats_of_agent[want.agent];
  for (size_t i = 0; i < held.size() && i < kMaxEjectionSeats; ++i) {
    const uint32_t t = held[i];
    if (t == seat || s.fixed[t]) continue;
    const int t_old = s.pick[t];
    const double t_old_cost = CandOf(p, t, t_old).cost;
    if (want.cost - t_old_cost - cur_cost >= -kEps) continue;  // cannot pay off even if t stays
    Remove(p, s, t);
    if (cur >= 0) Remove(p, s, seat);
    bool ok = TryPlace(p, s, seat, c);
    if (ok) {
      auto [r, r_cost] = BestFor(p, s, t, want.person);
      const double delta = want.cost + r_cost - cur_cost - t_old_cost;
      ok = delta < -kEps;
      if (ok && r >= 0) Place(p, s, t, r);
      ok =
          ok && StretchHolds(p, s, EngagementOf(p, seat)) && StretchHolds(p, s, EngagementOf(p, t));
      if (ok) return true;
      if (s.pick[t] >= 0) Remove(p, s, t);
      Remove(p, s, seat);
    }
    if (cur >= 0) Place(p, s, seat, cur);
    Place(p, s, t, t_old);
  }
  return false;
}

bool ImproveSwap(const Problem& p, State& s, uint32_t seat, int c) {
  const int cur = s.pick[seat];
  if (cur < 0) return false;
  const Cand& want = CandOf(p, seat, c);
  const Cand& mine = CandOf(p, seat, cur);
  const std::vector<uint32_t> held = s.seats_of_agent[want.agent];
  for (size_t i = 0; i < held.size() && i < kMaxEjectionSeats; ++i) {
    const uint32_t t = held[i];
    if (t == seat || s.fixed[t] || p.seat_group[t] == p.seat_group[seat]) continue;
    const Group& gt = p.groups[p.seat_group[t]];
    int back = -1;
    for (size_t k = 0; k < gt.cands.size(); ++k) {
      if (gt.cands[k].person == mine.person) back = static_cast<int>(k);
    }
    if (back < 0) continue;
    const int t_old = s.pick[t];
    const double delta =
        want.cost + gt.cands[static_cast<size_t>(back)].cost - mine.cost - CandOf(p, t, t_old).cost;
    if (delta >= -kEps) continue;
    Remove(p, s, t);
    Remove(p, s, seat);
    if (TryPlace(p, s, seat, c)) {
      if (TryPlace(p, s, t, back) && StretchHolds(p, s, EngagementOf(p, seat)) &&
          StretchHolds(p, s, EngagementOf(p, t))) {
        return true;
      }
      if (s.pick[t] >= 0) Remove(p, s, t);
      Remove(p, s, seat);
    }
    Place(p, s, seat, cur);
    Place(p, s, t, t_old);
  }
  return false;
}

bool ImproveSeat(const Problem& p, State& s, uint32_t seat) {
  if (ImproveShift(p, s, seat)) return true;
  const Group& g = p.groups[p.seat_group[seat]];
  const double cur_cost = SeatCost(p, s, seat);
  for (size_t c = 0; c < g.cands.size() && g.cands[c].cost < cur_cost - kEps; ++c) {
    if (ImproveEject(p, s, seat, static_cast<int>(c))) return true;
    if (ImproveSwap(p, s, seat, static_cast<int>(c))) return true;
  }
  return false;
}

}  // namespace

State EmptyState(const Problem& p) {
  State s;
  s.pick.assign(p.seat_group.size(), -1);
  s.fixed.assign(p.seat_group.size(), 0);
  s.used.assign(p.agent_person.size() * p.ctx->weeks, 0);
  s.seats_of_agent.resize(p.agent_person.size());
  s.objective = p.ctx->options.weights.unfilled * static_cast<double>(p.seat_group.size());
  return s;
}

uint32_t CoachOf(const Problem& p, const State& s, uint32_t seat, int c) {
  const Group& g = p.groups[p.seat_group[seat]];
  const Cand& cand = g.cands[static_cast<size_t>(c)];
  const auto [skill, min] = g.facts.required[static_cast<size_t>(cand.stretch_req)];
  uint32_t coach = kNoIndex;
  if (p.ctx->StaticCoach(g.facts.engagement, skill, min + 1, &coach)) return coach;
  auto it = p.groups_of_engagement.find(g.facts.engagement);
  if (it == p.groups_of_engagement.end()) return kNoIndex;
  for (uint32_t gi : it->second) {
    const Group& other = p.groups[gi];
    for (int k = 0; k < other.seats; ++k) {
      const uint32_t t = static_cast<uint32_t>(other.first_seat + k);
      if (t == seat || s.pick[t] < 0) continue;
      const uint32_t person = other.cands[static_cast<size_t>(s.pick[t])].person;
      if (p.ctx->Level(person, skill) >= min + 1) return person;
    }
  }
  return kNoIndex;
}

Blocker FirstBlocker(const Problem& p, const State& s, uint32_t seat, int c) {
  const Group& g = p.groups[p.seat_group[seat]];
  const Cand& cand = g.cands[static_cast<size_t>(c)];
  for (int k = 0; k < g.seats; ++k) {
    const uint32_t t = static_cast<uint32_t>(g.first_seat + k);
    if (t == seat || s.pick[t] < 0) continue;
    const Cand& other = g.cands[static_cast<size_t>(s.pick[t])];
    if (other.person == cand.person) return {Blocker::kSameOpening};
    if (cand.stretch_req >= 0 && other.stretch_req >= 0) return {Blocker::kOneStretch};
  }
  const int weeks = p.ctx->weeks;
  const float need = static_cast<float>(g.facts.opening->hours_per_week) - kHoursEps;
  const size_t base = static_cast<size_t>(cand.agent) * weeks;
  for (int w = g.facts.w0; w < g.facts.w1; ++w) {
    if (p.agent_free[base + w] - s.used[base + w] < need) return {Blocker::kCapacity, w};
  }
  if (const int w = FirstWeekOverPastHorizon(p, s, seat, cand); w >= 0) {
    return {Blocker::kCapacity, w};
  }
  if (cand.stretch_req >= 0 && CoachOf(p, s, seat, c) == kNoIndex) return {Blocker::kNoCoach};
  return {};
}

bool CanTake(const Problem& p, const State& s, uint32_t seat, int c) {
  return FirstBlocker(p, s, seat, c).rule == Blocker::kNone;
}

void Place(const Problem& p, State& s, uint32_t seat, int c) {
  const Group& g = p.groups[p.seat_group[seat]];
  const Cand& cand = g.cands[static_cast<size_t>(c)];
  const size_t base = static_cast<size_t>(cand.agent) * p.ctx->weeks;
  for (int w = g.facts.w0; w < g.facts.w1; ++w) {
    s.used[base + w] += static_cast<float>(g.facts.opening->hours_per_week);
  }
  s.pick[seat] = c;
  s.seats_of_agent[cand.agent].push_back(seat);
  s.objective += cand.cost - p.ctx->options.weights.unfilled;
}

void Remove(const Problem& p, State& s, uint32_t seat) {
  const Group& g = p.groups[p.seat_group[seat]];
  const Cand& cand = g.cands[static_cast<size_t>(s.pick[seat])];
  const size_t base = static_cast<size_t>(cand.agent) * p.ctx->weeks;
  for (int w = g.facts.w0; w < g.facts.w1; ++w) {
    s.used[base + w] -= static_cast<float>(g.facts.opening->hours_per_week);
  }
  auto& list = s.seats_of_agent[cand.agent];
  list.erase(std::find(list.begin(), list.end(), seat));
  s.pick[seat] = -1;
  s.objective += p.ctx->options.weights.unfilled - cand.cost;
}

int PlacePins(Problem& p, State& s) {
  int placed = 0;
  for (const Group& g : p.groups) {
    for (size_t c = 0; c < g.cands.size(); ++c) {
      if (!g.cands[c].pinned) continue;
      const std::string& who = p.ctx->firm->people[g.cands[c].person].id;
      int seat = -1;
      for (int k = 0; k < g.seats && seat < 0; ++k) {
        if (s.pick[static_cast<size_t>(g.first_seat) + k] < 0) seat = g.first_seat + k;
      }
      if (seat < 0) {
        p.issues.push_back({"pinned", g.facts.opening->id,
                            "pinned person " + who + " cannot be seated on opening " +
                                g.facts.opening->id + ": more pinned people than open seats"});
        continue;
      }
      const Blocker b = FirstBlocker(p, s, static_cast<uint32_t>(seat), static_cast<int>(c));
      if (b.rule != Blocker::kNone) {
        p.issues.push_back(
            {"pinned", g.facts.opening->id,
             "pinned person " + who + " cannot be seated on opening " + g.facts.opening->id +
                 " with the other pins: " +
                 DescribeBlocker(p, static_cast<uint32_t>(seat), g.cands[c], b, who, false)});
        continue;
      }
      Place(p, s, static_cast<uint32_t>(seat), static_cast<int>(c));
      s.fixed[static_cast<size_t>(seat)] = 1;
      ++placed;
    }
  }
  return placed;
}

void RecordPins(Problem& p, const State& s) {
  const int weeks = p.ctx->weeks;
  for (uint32_t gi = 0; gi < p.groups.size(); ++gi) {
    const Group& g = p.groups[gi];
    for (int k = 0; k < g.seats; ++k) {
      const size_t seat = static_cast<size_t>(g.first_seat + k);
      if (!s.fixed[seat] || s.pick[seat] < 0) continue;
      const size_t c = static_cast<size_t>(s.pick[seat]);
      const Cand& cand = g.cands[c];
      --p.free_seats[gi];
      p.pinned_cost += cand.cost;
      p.pinned_out[g.cand_offset + c] = 1;
      for (int w = g.facts.w0; w < g.facts.w1; ++w) {
        p.bound_free[static_cast<size_t>(cand.agent) * weeks + w] -=
            static_cast<float>(g.facts.opening->hours_per_week);
      }
      if (g.facts.end_week > weeks) {
        p.pinned_late.push_back({cand.agent,
                                 {std::max(g.facts.first_week, weeks), g.facts.end_week,
                                  static_cast<float>(g.facts.opening->hours_per_week)}});
      }
      if (cand.stretch_req < 0) continue;
      for (size_t o = 0; o < g.cands.size(); ++o) {
        if (g.cands[o].stretch_req >= 0) p.pinned_out[g.cand_offset + o] = 1;
      }
    }
  }
}

int ConstructRegret(const Problem& p, State& s, const std::vector<double>* adjusted) {
  const double unfilled = p.ctx->options.weights.unfilled;
  auto evaluate = [&](uint32_t seat, int* best) {
    const Group& g = p.groups[p.seat_group[seat]];
    double c1 = unfilled, c2 = unfilled;
    *best = -1;
    for (size_t c = 0; c < g.cands.size(); ++c) {
      const double cost = adjusted ? (*adjusted)[g.cand_offset + c] : g.cands[c].cost;
      if (cost >= c2 || !CanTake(p, s, seat, static_cast<int>(c))) continue;
      if (cost < c1) {
        c2 = c1;
        c1 = cost;
        *best = static_cast<int>(c);
      } else {
        c2 = cost;
      }
    }
    return c2 - c1;
  };
  std::priority_queue<std::pair<double, uint32_t>> queue;
  for (uint32_t seat = 0; seat < p.seat_group.size(); ++seat) {
    if (s.pick[seat] >= 0 || p.groups[p.seat_group[seat]].cands.empty()) continue;
    int best = -1;
    const double regret = evaluate(seat, &best);
    if (best >= 0) queue.push({regret, seat});
  }
  int filled = 0;
  while (!queue.empty()) {
    const uint32_t seat = queue.top().second;
    queue.pop();
    int best = -1;
    const double regret = evaluate(seat, &best);
    if (best < 0) continue;
    if (!queue.empty() && regret < queue.top().first - kEps) {
      queue.push({regret, seat});
      continue;
    }
    Place(p, s, seat, best);
    ++filled;
  }
  return filled;
}

int64_t LocalSearch(const Problem& p, State& s, SteadyClock::time_point deadline) {
  int64_t moves = 0;
  bool improved = true;
  while (improved) {
    improved = false;
    for (uint32_t seat = 0; seat < p.seat_group.size(); ++seat) {
      if ((seat & 255) == 0 && SteadyClock::now() > deadline) return moves;
      if (s.fixed[seat]) continue;
      if (ImproveSeat(p, s, seat)) {
        ++moves;
        improved = true;
      }
    }
  }
  return moves;
}

int64_t RuinRecreate(const Problem& p, State& s, SteadyClock::time_point deadline, uint64_t seed) {
  constexpr size_t kMaxRuined = 48;
  std::mt19937_64 rng(seed);
  std::vector<uint32_t> open;
  for (uint32_t seat = 0; seat < p.seat_group.size(); ++seat) {
    if (s.pick[seat] < 0 && !p.groups[p.seat_group[seat]].cands.empty()) open.push_back(seat);
  }
  int64_t kept = 0;
  std::vector<uint32_t> ruined;
  std::vector<std::pair<uint32_t, int>> saved;
  // Stops after this many rounds without progress (tiny instances end at once).
  const int64_t patience = 20 * static_cast<int64_t>(open.size()) + 200;
  int64_t stale = 0;
  for (int64_t round = 0; !open.empty() && stale < patience; ++round, ++stale) {
    if ((round & 15) == 0 && SteadyClock::now() > deadline) break;
    const uint32_t s0 = open[rng() % open.size()];
    if (s.pick[s0] >= 0) continue;
    ruined.assign(1, s0);
    const Group& g0 = p.groups[p.seat_group[s0]];
    for (const Cand& c : g0.cands) {
      for (uint32_t t : s.seats_of_agent[c.agent]) {
        if (!s.fixed[t] && ruined.size() < kMaxRuined &&
            std::find(ruined.begin(), ruined.end(), t) == ruined.end()) {
          ruined.push_back(t);
        }
      }
    }
    saved.clear();
    const double before = s.objective;
    for (uint32_t t : ruined) {
      saved.push_back({t, s.pick[t]});
      if (s.pick[t] >= 0) Remove(p, s, t);
    }
    std::shuffle(ruined.begin(), ruined.end(), rng);
    for (uint32_t t : ruined) {
      auto [c, cost] = BestFor(p, s, t, kNoIndex);
      if (c >= 0) Place(p, s, t, c);
    }
    for (uint32_t t : ruined) ImproveShift(p, s, t);  // moves only t: the undo stays exact
    bool ok = s.objective < before - kEps;
    for (uint32_t t : ruined) ok = ok && StretchHolds(p, s, EngagementOf(p, t));
    if (ok) {
      ++kept;
      stale = 0;
      continue;
    }
    // Undo: clear every seat the round touched, then restore the saved picks.
    for (const auto& [t, old] : saved) {
      if (s.pick[t] >= 0) Remove(p, s, t);
    }
    for (const auto& [t, old] : saved) {
      if (old >= 0) Place(p, s, t, old);
    }
  }
  return kept;
}

double Objective(const Problem& p, const State& s) {
  double total = 0;
  for (uint32_t seat = 0; seat < p.seat_group.size(); ++seat) total += SeatCost(p, s, seat);
  return total;
}

}  // namespace guild::staffing::internal
