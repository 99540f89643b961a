// Plan extraction and explanations.
#include "engine/staffing/internal/plan_build.h"

#include <algorithm>
#include <cstdio>
#include <unordered_set>

namespace guild::staffing::internal {

namespace {

std::string Fixed1(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

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
    if (filled || g.facts.blocked.rfind("lead:", 0) == 0) continue;
    const Engagement& e = c.firm->engagements[g.facts.engagement];
    plan.issues.push_back(
        {"lead", e.id,
         "engagement " + e.id + " has no accountable lead: lead opening " + g.facts.opening->id +
             " unfilled (" + g.no_candidate_reason +
             (g.no_candidate_reason.empty() ? "no lead-grade candidate free" : "") + ")"});
  }
}

}  // namespace

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
      std::string reason = g.no_candidate_reason;
      if (reason.empty()) {
        reason = "capacity: every candidate (" + std::to_string(g.cands.size()) +
                 ") is fully booked by better uses, or the stretch/coach rule";
      }
      plan.unfilled.push_back({seat_id, g.facts.opening->id, reason});
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
  const Context& c = *p.ctx;
  const Group& g = p.groups[p.seat_group[seat]];
  if (loser.cost >= winner.cost) {
    std::string why = "cost " + Fixed1(loser.cost) + " vs " + Fixed1(winner.cost);
    if (wf.volunteer && !lf.volunteer) {
      why += ": did not volunteer";
    } else if (wf.continuity && !lf.continuity) {
      why += ": has not served the client";
    } else if (lf.load_before > wf.load_before + 1e-9) {
      why += ": busier (" + Fixed1(100 * lf.load_before) + "% booked)";
    } else {
      why += ": lower skill fit or higher rate";
    }
    return why;
  }
  auto it = placed_on.find(loser.person);
  if (it != placed_on.end()) {
    return "cheaper here but placed on " + SeatId(p, it->second) + " where the plan gains more";
  }
  const size_t base = static_cast<size_t>(loser.agent) * c.weeks;
  for (int w = g.facts.w0; w < g.facts.w1; ++w) {
    if (p.agent_free[base + w] - s.used[base + w] < g.facts.opening->hours_per_week) {
      return "capacity: week of " + FormatDate(AddDays(c.week0, 7 * w)) +
             " would exceed the ceiling after the rest of the plan";
    }
  }
  if (loser.stretch_req >= 0) return "stretch: another stretch person on the opening, or no coach";
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
