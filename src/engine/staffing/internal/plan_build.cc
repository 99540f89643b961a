// Plan extraction and explanations.
#include "engine/staffing/internal/plan_build.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <unordered_set>

namespace guild::staffing::internal {

namespace {

std::string NewAssignmentId(const Context& c, const std::string& seat_id,
                            std::unordered_set<std::string>& taken) {
  std::string id = "stf-" + seat_id;
  std::replace(id.begin(), id.end(), '#', '-');
  std::string candidate = id;
  for (int n = 2; taken.count(candidate) > 0; ++n) candidate = id + "-" + std::to_string(n);
  taken.insert(candidate);
  return candidate;
}

// Partners who served a short key client and are on its current work after
// the plan (existing leaders and assignments, plus planned seats).
void KeyClientIssues(const Problem& p, const State& s, StaffingPlan& plan) {
  const Context& c = *p.ctx;
  const FirmData& f = *c.firm;
  std::unordered_map<uint32_t, std::unordered_set<uint32_t>> partners;
  for (size_t e = 0; e < f.engagements.size(); ++e) {
    const uint32_t cl = c.engagement_client[e];
    if (cl == kNoIndex || !c.key_client_short[cl]) continue;
    for (uint32_t person : c.engagement_people.Row(e)) {
      if (c.partner_grade[person]) partners[cl].insert(person);
    }
  }
  for (uint32_t seat = 0; seat < p.seat_group.size(); ++seat) {
    if (s.pick[seat] < 0) continue;
    const Group& g = p.groups[p.seat_group[seat]];
    const uint32_t person = g.cands[static_cast<size_t>(s.pick[seat])].person;
    if (g.facts.client != kNoIndex && c.key_client_short[g.facts.client] &&
        c.partner_grade[person] && c.Served(person, g.facts.client)) {
      partners[g.facts.client].insert(person);
    }
  }
  for (size_t cl = 0; cl < f.clients.size(); ++cl) {
    if (!c.key_client_short[cl]) continue;
    const size_t now = partners[static_cast<uint32_t>(cl)].size();
    if (now >= 2) continue;
    const Client& client = f.clients[cl];
    plan.issues.push_back({"key_client", client.id,
                           "key client " + client.name + " (" + client.id + ") keeps " +
                               std::to_string(now) +
                               " partner(s) who served it on its current work, fewer than 2: "
                               "no other such partner fits one of its open seats"});
  }
}

void LeadIssues(const Problem& p, const State& s, StaffingPlan& plan) {
  const Context& c = *p.ctx;
  for (const Group& g : p.groups) {
    if (!g.facts.opening->lead || g.facts.engagement == kNoIndex) continue;
    bool filled = false;
    for (int k = 0; k < g.seats; ++k) filled |= s.pick[static_cast<size_t>(g.first_seat) + k] >= 0;
    if (filled || g.facts.blocked.rfind("lead:", 0) == 0 || g.seats == 0) continue;
    const Engagement& e = c.firm->engagements[g.facts.engagement];
    plan.issues.push_back({"lead", e.id,
                           "engagement " + e.id + " has no accountable lead: lead opening " +
                               g.facts.opening->id + " unfilled (" +
                               UnfilledReason(p, s, static_cast<uint32_t>(g.first_seat)) + ")"});
  }
}

std::string PersonName(const Context& c, uint32_t person) {
  const Person& p = c.firm->people[person];
  return p.name.empty() ? p.id : p.name + " (" + p.id + ")";
}

// "A", "A and B", "A, B, C and 4 others": at most three names.
std::string Who(const std::vector<std::string>& names) {
  constexpr size_t kNamed = 3;
  std::string out;
  const size_t shown = std::min(names.size(), kNamed);
  for (size_t i = 0; i < shown; ++i) {
    if (i > 0) out += i + 1 == shown && names.size() <= kNamed ? " and " : ", ";
    out += names[i];
  }
  if (names.size() > kNamed) out += " and " + std::to_string(names.size() - kNamed) + " others";
  return out;
}

}  // namespace

std::string DescribeBlocker(const Problem& p, uint32_t seat, const Cand& cand, const Blocker& b,
                            const std::string& who, bool plural) {
  const Context& c = *p.ctx;
  const OpeningFacts& f = p.groups[p.seat_group[seat]].facts;
  switch (b.rule) {
    case Blocker::kSameOpening:
      return "distinct: " + who + (plural ? " already hold" : " already holds") +
             " another seat of this opening (one seat per person)";
    case Blocker::kOneStretch:
      return "stretch: " + who +
             " would stretch, and the opening already has its one stretch person";
    case Blocker::kCapacity:
      return "capacity: " + who + (plural ? " have" : " has") + " no free hours in the week of " +
             FormatDate(AddDays(c.week0, 7 * b.week)) + " after the rest of the plan";
    case Blocker::kNoCoach: {
      const auto [skill, min] = f.required[static_cast<size_t>(cand.stretch_req)];
      return "stretch: " + who + " would stretch on " + std::string(c.skill_names[skill]) +
             ", and nobody on engagement " + c.firm->engagements[f.engagement].id +
             " holds it at level " + std::to_string(min + 1) + " to coach";
    }
    case Blocker::kNone: break;
  }
  return "";
}

std::string UnfilledReason(const Problem& p, const State& s, uint32_t seat) {
  const Group& g = p.groups[p.seat_group[seat]];
  if (!g.no_candidate_reason.empty()) return g.no_candidate_reason;
  // Candidates under the rule that keeps them off, rules in order of the
  // cheapest candidate each keeps off.
  struct Kept {
    Blocker blocker;
    const Cand* first = nullptr;
    std::vector<std::string> names;
  };
  std::map<std::string, Kept> by_rule;
  std::vector<std::string> order;
  for (size_t k = 0; k < g.cands.size(); ++k) {
    const Blocker b = FirstBlocker(p, s, seat, static_cast<int>(k));
    const std::string key = DescribeBlocker(p, seat, g.cands[k], b, "", false);
    auto [it, added] = by_rule.try_emplace(key, Kept{b, &g.cands[k], {}});
    if (added) order.push_back(key);
    it->second.names.push_back(PersonName(*p.ctx, g.cands[k].person));
  }
  std::string reason;
  for (const std::string& key : order) {
    const Kept& kept = by_rule[key];
    if (!reason.empty()) reason += "; ";
    const std::string who = Who(kept.names);
    const bool plural = kept.names.size() > 1;
    reason += kept.blocker.rule == Blocker::kNone
                  ? "search: " + who + (plural ? " are" : " is") +
                        " free for it, but the search stopped at its time limit first"
                  : DescribeBlocker(p, seat, *kept.first, kept.blocker, who, plural);
  }
  return reason;
}

std::string SeatId(const Problem& p, uint32_t seat) {
  const Group& g = p.groups[p.seat_group[seat]];
  return g.facts.opening->id + "#" + std::to_string(static_cast<int>(seat) - g.first_seat + 1);
}

void ExtractPlan(const Problem& p, const State& s, StaffingPlan& plan) {
  const Context& c = *p.ctx;
  std::unordered_set<std::string> taken;
  for (const Assignment& a : c.firm->assignments) taken.insert(a.id);
  for (uint32_t seat = 0; seat < p.seat_group.size(); ++seat) {
    const Group& g = p.groups[p.seat_group[seat]];
    const std::string seat_id = SeatId(p, seat);
    if (s.pick[seat] < 0) {
      plan.unfilled.push_back({seat_id, g.facts.opening->id, UnfilledReason(p, s, seat)});
      continue;
    }
    const Cand& cand = g.cands[static_cast<size_t>(s.pick[seat])];
    ProposedAssignment pa;
    pa.seat_id = seat_id;
    pa.assignment.id = NewAssignmentId(c, seat_id, taken);
    pa.assignment.person_id = c.firm->people[cand.person].id;
    pa.assignment.opening_id = g.facts.opening->id;
    pa.assignment.hours_per_week = g.facts.opening->hours_per_week;
    pa.assignment.start = g.facts.start;
    pa.assignment.end = g.facts.end;
    pa.assignment.status = AssignmentStatus::kTentative;
    pa.stretch = cand.stretch_req >= 0;
    pa.cost = cand.cost;
    plan.assignments.push_back(std::move(pa));
  }
  plan.issues.insert(plan.issues.end(), p.issues.begin(), p.issues.end());
  KeyClientIssues(p, s, plan);
  LeadIssues(p, s, plan);
}

namespace {

std::string WhyLost(const Problem& p, const State& s, uint32_t seat, const Cand& winner,
                    const Cand& loser, const CandidateFacts& wf, const CandidateFacts& lf,
                    const std::unordered_map<uint32_t, uint32_t>& placed_on) {
  const Group& g = p.groups[p.seat_group[seat]];
  if (loser.cost >= winner.cost) {
    // No figures: costs and loads are private to who may read rates and
    // free hours (RunnerUp::cost and the loads carry them).
    std::string why = "higher cost";
    if (wf.volunteer && !lf.volunteer) {
      why += ": did not volunteer";
    } else if (wf.continuity && !lf.continuity) {
      why += ": has not served the client";
    } else if (lf.load_before > wf.load_before + 1e-9) {
      why += ": busier before the plan";
    } else {
      why += ": lower skill fit or higher rate";
    }
    return why;
  }
  auto it = placed_on.find(loser.person);
  if (it != placed_on.end()) {
    return "cheaper here but placed on " + SeatId(p, it->second) + " where the plan gains more";
  }
  // FirstBlocker looks past the seat's own pick (the winner).
  int k = 0;
  while (g.cands[static_cast<size_t>(k)].person != loser.person) ++k;
  const Blocker b = FirstBlocker(p, s, seat, k);
  if (b.rule != Blocker::kNone) {
    return DescribeBlocker(p, seat, loser, b, PersonName(*p.ctx, loser.person), false);
  }
  return "seated elsewhere or kept for a better overall plan";
}

}  // namespace

void Explain(const Problem& p, const State& s, StaffingPlan& plan) {
  const Context& c = *p.ctx;
  std::unordered_map<uint32_t, uint32_t> placed_on;  // person -> a seat
  for (uint32_t seat = 0; seat < p.seat_group.size(); ++seat) {
    if (s.pick[seat] >= 0) {
      placed_on.emplace(p.groups[p.seat_group[seat]].cands[s.pick[seat]].person, seat);
    }
  }
  size_t next = 0;
  for (uint32_t seat = 0; seat < p.seat_group.size(); ++seat) {
    if (s.pick[seat] < 0) continue;
    ProposedAssignment& pa = plan.assignments[next++];
    const Group& g = p.groups[p.seat_group[seat]];
    const Cand& win = g.cands[static_cast<size_t>(s.pick[seat])];
    const CandidateFacts wf = c.Candidate(g.facts, win.person);
    Explanation& e = pa.explanation;
    for (const auto& [skill, min] : g.facts.required) {
      e.fit.push_back({std::string(c.skill_ids[skill]), min, c.Level(win.person, skill)});
    }
    if (win.stretch_req >= 0) {
      e.stretch_skill_id = std::string(c.skill_ids[g.facts.required[win.stretch_req].first]);
      const uint32_t coach = CoachOf(p, s, seat, s.pick[seat]);
      if (coach != kNoIndex) e.coach_id = c.firm->people[coach].id;
    }
    e.load_before = wf.load_before;
    const size_t base = static_cast<size_t>(win.agent) * c.weeks;
    for (int w = g.facts.w0; w < g.facts.w1; ++w) {
      const size_t k = static_cast<size_t>(win.person) * c.weeks + w;
      e.load_after = std::max(
          e.load_after, (c.load[k] + c.time_off[k] + s.used[base + w]) / c.capacity[win.person]);
    }
    if (g.facts.end_week > c.weeks) {
      const std::vector<Booking> planned = PlannedPastHorizon(p, s, win.agent);
      e.load_after = std::max(e.load_after,
                              c.UtilisationOver(win.person, std::max(g.facts.first_week, c.weeks),
                                                g.facts.end_week, planned)
                                  .peak);
    }
    e.continuity = wf.continuity;
    e.volunteer = wf.volunteer;
    e.pinned = wf.pinned;
    e.key_client_partner = wf.key_partner;
    e.worked_with = wf.worked_with;
    for (const Cand& other : g.cands) {
      if (static_cast<int>(e.runner_ups.size()) >= c.options.runner_ups) break;
      bool in_group = false;
      for (int k = 0; k < g.seats; ++k) {
        const int pk = s.pick[static_cast<size_t>(g.first_seat) + k];
        in_group |= pk >= 0 && g.cands[static_cast<size_t>(pk)].person == other.person;
      }
      if (in_group) continue;
      const CandidateFacts of = c.Candidate(g.facts, other.person);
      e.runner_ups.push_back({c.firm->people[other.person].id, other.cost,
                              WhyLost(p, s, seat, win, other, wf, of, placed_on)});
    }
  }
}

}  // namespace guild::staffing::internal
