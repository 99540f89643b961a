// CheckStaffingPlan: every hard constraint, recomputed from the FirmData
// alone (no solver state, no context), so that it catches solver bugs.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include "engine/staffing/internal/context.h"
#include "engine/staffing/staffing.h"

namespace guild::staffing {

namespace {

constexpr double kHoursTolerance = 1e-3;

struct Effective {
  int level = 0;
  bool wants = false;
};

struct Checker {
  const FirmData& f;
  const StaffingPlan& plan;
  const StaffingOptions& o;
  std::vector<ConstraintIssue> out;
  std::unordered_map<std::string_view, const Person*> people;
  std::unordered_map<std::string_view, const Opening*> openings;
  std::unordered_map<std::string_view, const Engagement*> engagements;
  std::unordered_map<std::string_view, const Assignment*> existing;
  std::map<std::pair<std::string_view, std::string_view>, std::tuple<int, int32_t, Effective>>
      skills;
  std::vector<Assignment> after;  //!< every assignment after the plan
  std::unordered_map<std::string_view, std::vector<size_t>> after_by_engagement;
  std::set<std::pair<std::string_view, std::string_view>> seated;  //!< (opening, person)
  std::unordered_map<std::string_view, int> existing_on;           //!< opening -> count
  std::set<std::string_view> scope;                                //!< openings the plan seats
  std::multimap<std::pair<std::string_view, std::string_view>, const std::string*> issues;
  std::set<std::pair<std::string_view, std::string_view>> excluded;  //!< (opening, person)

  void Add(std::string c, std::string subject, std::string m) {
    out.push_back({std::move(c), std::move(subject), std::move(m)});
  }

  void Index() {
    for (const Person& p : f.people) people.emplace(p.id, &p);
    for (const Opening& op : f.openings) openings.emplace(op.id, &op);
    for (const Engagement& e : f.engagements) engagements.emplace(e.id, &e);
    for (const Assignment& a : f.assignments) existing.emplace(a.id, &a);
    for (const ConstraintIssue& i : plan.issues) {
      issues.insert({{i.constraint, i.subject_id}, &i.message});
    }
    for (const OpeningPreference& pr : f.opening_preferences) {
      if (pr.kind == PreferenceKind::kExcluded) excluded.insert({pr.opening_id, pr.person_id});
    }
    for (const PersonSkill& ps : f.person_skills) {
      auto& [prec, rated, eff] = skills[{ps.person_id, ps.skill_id}];
      const int32_t r = ps.rated_on ? ps.rated_on->days : INT32_MIN;
      const bool wants = eff.wants || ps.wants_to_grow;
      if (eff.level == 0 || std::make_tuple(prec, rated, eff.level) <
                                std::make_tuple(Precedence(ps.source), r, ps.level)) {
        prec = Precedence(ps.source);
        rated = r;
        eff.level = ps.level;
      }
      eff.wants = wants;
    }
  }

  [[nodiscard]] Effective Level(std::string_view person, std::string_view skill) const {
    auto it = skills.find({person, skill});
    return it == skills.end() ? Effective{} : std::get<2>(it->second);
  }

  void BuildAfter() {
    std::map<std::string_view, const ProposedAssignment*> moved;
    for (const ProposedAssignment& pa : plan.assignments) {
      scope.insert(pa.assignment.opening_id);
      if (!pa.moved_from_person_id.empty()) {
        auto it = existing.find(pa.assignment.id);
        if (it == existing.end()) {
          Add("id", pa.assignment.id, "moved assignment " + pa.assignment.id + " does not exist");
        } else if (it->second->status != AssignmentStatus::kTentative) {
          Add("confirmed", pa.assignment.id,
              "assignment " + pa.assignment.id + " is confirmed and may not move");
        } else if (it->second->person_id != pa.moved_from_person_id) {
          Add("id", pa.assignment.id,
              "assignment " + pa.assignment.id + " is not held by " + pa.moved_from_person_id);
        }
        moved[pa.assignment.id] = &pa;
      } else if (existing.count(pa.assignment.id)) {
        Add("id", pa.assignment.id, "assignment id " + pa.assignment.id + " already exists");
      }
    }
    for (const UnfilledSeat& u : plan.unfilled) scope.insert(u.opening_id);
    for (const Assignment& a : f.assignments) {
      if (!moved.count(a.id)) after.push_back(a);
    }
    for (const ProposedAssignment& pa : plan.assignments) after.push_back(pa.assignment);
    for (size_t i = 0; i < after.size(); ++i) {
      seated.insert({after[i].opening_id, after[i].person_id});
      auto op = openings.find(after[i].opening_id);
      if (op != openings.end()) after_by_engagement[op->second->engagement_id].push_back(i);
    }
    for (const Assignment& a : f.assignments) ++existing_on[a.opening_id];
  }

  [[nodiscard]] bool HasIssue(std::string_view constraint, std::string_view subject,
                              std::string_view mention) const {
    auto [lo, hi] = issues.equal_range({constraint, subject});
    for (auto it = lo; it != hi; ++it) {
      if (it->second->find(mention) != std::string::npos) return true;
    }
    return false;
  }

  void CheckCapacity() {
    const Date week0 = WeekStart(plan.today);
    std::map<std::pair<std::string_view, int>, double> load;
    std::set<std::pair<std::string_view, int>> touched;
    auto weeks = [&](Date a, Date b, auto&& fn) {
      for (int w = 0; w < o.horizon_weeks; ++w) {
        const Date ws = AddDays(week0, 7 * w), we = AddDays(ws, 6);
        if (a <= we && b >= ws) fn(w);
      }
    };
    for (const ProposedAssignment& pa : plan.assignments) {
      weeks(pa.assignment.start, pa.assignment.end, [&](int w) {
        touched.insert({pa.assignment.person_id, w});
      });
    }
    for (const Assignment& a : after) {
      weeks(a.start, a.end, [&](int w) {
        if (touched.count({a.person_id, w})) load[{a.person_id, w}] += a.hours_per_week;
      });
    }
    for (const TimeEntry& t : f.time_entries) {
      if (t.category != TimeCategory::kTimeOff || t.date < plan.today) continue;
      weeks(t.date, t.date, [&](int w) {
        if (touched.count({t.person_id, w})) load[{t.person_id, w}] += t.hours;
      });
    }
    for (const auto& [key, hours] : load) {
      auto p = people.find(key.first);
      if (p == people.end()) continue;
      const double limit = o.capacity_ceiling * p->second->weekly_capacity_hours;
      if (hours > limit + kHoursTolerance) {
        Add("capacity", std::string(key.first),
            std::string(key.first) + " booked " + std::to_string(hours) + " h in week of " +
                FormatDate(AddDays(week0, 7 * key.second)) + ", above the ceiling " +
                std::to_string(limit));
      }
    }
  }

  // Engagement people able to coach `skill` at `level` after the plan.
  [[nodiscard]] bool Coach(const Engagement& e, std::string_view skill, int level,
                           std::string_view except) const {
    if (!e.leader_id.empty() && e.leader_id != except && Level(e.leader_id, skill).level >= level) {
      return true;
    }
    auto it = after_by_engagement.find(e.id);
    if (it == after_by_engagement.end()) return false;
    for (size_t i : it->second) {
      const Assignment& a = after[i];
      if (a.end < plan.today || a.person_id == except) continue;
      if (Level(a.person_id, skill).level >= level) return true;
    }
    return false;
  }

  // Returns the stretched skill, "" when none; adds violations.
  std::string CheckSkills(const Assignment& a, const Opening& op, const Engagement& e) {
    std::string stretched;
    for (const SkillRequirement& r : op.required) {
      const Effective eff = Level(a.person_id, r.skill_id);
      if (eff.level >= r.min_level) continue;
      const std::string who = a.person_id + " on " + op.id + ": " + r.skill_id + " level " +
                              std::to_string(eff.level) + " < " + std::to_string(r.min_level);
      if (eff.level != r.min_level - 1 || !eff.wants) {
        Add("skills", op.id, who + " (not a stretch: more than one level short or not wanted)");
      } else if (!stretched.empty()) {
        Add("skills", op.id, who + " (a second stretch skill)");
      } else if (op.headcount < o.stretch_min_group) {
        Add("skills", op.id,
            who + " (stretch on an opening of fewer than " + std::to_string(o.stretch_min_group) +
                " seats)");
      } else if (!Coach(e, r.skill_id, r.min_level + 1, a.person_id)) {
        Add("skills", op.id,
            who + " (stretch without a coach at level " + std::to_string(r.min_level + 1) + " on " +
                e.id + ")");
      } else {
        stretched = r.skill_id;
      }
    }
    return stretched;
  }

  void CheckAssignments() {
    std::map<std::string_view, int> new_seats;
    for (const ProposedAssignment& pa : plan.assignments) {
      const Assignment& a = pa.assignment;
      auto pit = people.find(a.person_id);
      auto oit = openings.find(a.opening_id);
      if (pit == people.end() || oit == openings.end()) {
        Add("id", a.id, "assignment " + a.id + " names an unknown person or opening");
        continue;
      }
      const Person& p = *pit->second;
      const Opening& op = *oit->second;
      auto eit = engagements.find(op.engagement_id);
      if (eit == engagements.end()) {
        Add("id", op.id, "opening " + op.id + " has an unknown engagement");
        continue;
      }
      const Engagement& e = *eit->second;
      if (pa.moved_from_person_id.empty()) ++new_seats[op.id];
      if (a.start < std::max({op.start, e.start}) || a.end > std::min(op.end, e.end) ||
          a.end < a.start || (pa.moved_from_person_id.empty() && a.start < plan.today)) {
        Add("dates", op.id, a.id + " runs outside its opening and engagement dates");
      }
      if ((p.start_date && *p.start_date > a.start) || (p.end_date && *p.end_date < a.end)) {
        Add("dates", op.id, p.id + " is not employed for the whole of " + a.id);
      }
      CheckSkills(a, op, e);
      if (excluded.count({op.id, p.id})) {
        Add("excluded", op.id, p.id + " is excluded from " + op.id);
      }
      if (op.lead &&
          std::find(o.lead_grades.begin(), o.lead_grades.end(), p.grade) == o.lead_grades.end()) {
        Add("lead", op.id, p.id + " (grade " + p.grade + ") cannot take lead opening " + op.id);
      }
      if (op.lead && !e.leader_id.empty()) {
        Add("lead", e.id, "engagement " + e.id + " already has leader " + e.leader_id);
      }
    }
    for (const auto& [id, n] : new_seats) {
      const Opening& op = *openings.at(id);
      const int had = existing_on.count(id) ? existing_on.at(id) : 0;
      if (n > op.headcount - had) {
        Add("seats", std::string(id),
            std::to_string(n) + " new people on " + std::string(id) + " which has " +
                std::to_string(op.headcount - had) + " open seats");
      }
    }
  }

  void CheckPerOpening() {
    std::map<std::string_view, std::vector<const Assignment*>> on;
    for (const Assignment& a : after) on[a.opening_id].push_back(&a);
    std::map<std::string_view, int> leads;
    for (const auto& [id, list] : on) {
      auto oit = openings.find(id);
      if (oit == openings.end()) continue;
      if (oit->second->lead) leads[oit->second->engagement_id] += static_cast<int>(list.size());
      if (!scope.count(id)) continue;  // earlier data is not the plan's doing
      const Opening& op = *oit->second;
      std::set<std::string_view> seen;
      int stretchers = 0, new_stretchers = 0;
      for (const Assignment* a : list) {
        if (!seen.insert(a->person_id).second) {
          Add("distinct", op.id, a->person_id + " holds two seats of " + op.id);
        }
        bool below = false;
        for (const SkillRequirement& r : op.required) {
          below |= Level(a->person_id, r.skill_id).level < r.min_level;
        }
        stretchers += below;
        new_stretchers += below && !existing.count(a->id);
      }
      if (new_stretchers > 0 && stretchers > 1) {
        Add("skills", op.id, std::to_string(stretchers) + " stretch people on " + op.id);
      }
    }
    for (const auto& [eid, n] : leads) {
      auto e = engagements.find(eid);
      const int total = n + (e != engagements.end() && !e->second->leader_id.empty());
      if (total > 1) {
        Add("lead", std::string(eid),
            "engagement " + std::string(eid) + " has " + std::to_string(total) +
                " accountable leads");
      }
    }
  }

  void CheckPins() {
    for (const OpeningPreference& pr : f.opening_preferences) {
      if (pr.kind != PreferenceKind::kPinned || !scope.count(pr.opening_id)) continue;
      if (!seated.count({pr.opening_id, pr.person_id}) &&
          !HasIssue("pinned", pr.opening_id, pr.person_id)) {
        Add("pinned", pr.opening_id,
            "pinned person " + pr.person_id + " is not seated on " + pr.opening_id +
                " and the plan does not say why");
      }
    }
  }

  void CheckLeadsAndKeyClients() {
    for (const UnfilledSeat& u : plan.unfilled) {
      auto op = openings.find(u.opening_id);
      if (op == openings.end() || !op->second->lead) continue;
      auto e = engagements.find(op->second->engagement_id);
      bool led = e != engagements.end() && !e->second->leader_id.empty();
      auto on_e = after_by_engagement.find(op->second->engagement_id);
      if (on_e != after_by_engagement.end()) {
        for (size_t i : on_e->second) led = led || openings.at(after[i].opening_id)->lead;
      }
      if (!led && !HasIssue("lead", op->second->engagement_id, "")) {
        Add("lead", op->second->engagement_id,
            "lead opening " + u.opening_id + " is unfilled and the plan does not say so");
      }
    }
    std::map<std::string_view, std::set<std::string_view>> served, current;
    auto partner = [&](std::string_view id) {
      auto p = people.find(id);
      return p != people.end() && std::find(o.partner_grades.begin(), o.partner_grades.end(),
                                            p->second->grade) != o.partner_grades.end();
    };
    auto live = [&](const Engagement& e) {
      return (e.status == EngagementStatus::kTentative ||
              e.status == EngagementStatus::kConfirmed) &&
             e.end >= plan.today;
    };
    for (const Engagement& e : f.engagements) {
      if (!e.leader_id.empty()) {
        served[e.client_id].insert(e.leader_id);
        if (live(e)) current[e.client_id].insert(e.leader_id);
      }
    }
    for (const Assignment& a : after) {
      auto op = openings.find(a.opening_id);
      if (op == openings.end()) continue;
      auto e = engagements.find(op->second->engagement_id);
      if (e == engagements.end()) continue;
      const bool is_new = !existing.count(a.id);
      if (!is_new) served[e->second->client_id].insert(a.person_id);
      if (live(*e->second) && a.end >= plan.today) {
        current[e->second->client_id].insert(a.person_id);
      }
    }
    for (const Client& c : f.clients) {
      if (!c.key_client) continue;
      int n = 0;
      for (std::string_view p : current[c.id]) n += partner(p) && served[c.id].count(p);
      if (n < 2 && !HasIssue("key_client", c.id, "")) {
        Add("key_client", c.id,
            "key client " + c.id + " keeps " + std::to_string(n) +
                " partners who served it and the plan does not say so");
      }
    }
  }
};

}  // namespace

std::vector<ConstraintIssue> CheckStaffingPlan(const FirmData& firm, const StaffingPlan& plan,
                                               const StaffingOptions& options) {
  Checker c{firm, plan, options, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}};
  c.Index();
  c.BuildAfter();
  c.CheckCapacity();
  c.CheckAssignments();
  c.CheckPerOpening();
  c.CheckPins();
  c.CheckLeadsAndKeyClients();
  return c.out;
}

double EvaluateStaffingPlan(const FirmData& firm, const StaffingPlan& plan,
                            const StaffingOptions& options) {
  auto ctx = internal::BuildContext(firm, plan.today, options);
  if (!ctx.ok()) return INFINITY;
  const internal::Context& c = **ctx;
  double total = 0;
  std::map<std::string_view, int> open;
  for (const UnfilledSeat& u : plan.unfilled) ++open[u.opening_id];
  for (const ProposedAssignment& pa : plan.assignments) {
    if (!pa.moved_from_person_id.empty()) continue;
    auto oi = c.opening_index.find(pa.assignment.opening_id);
    auto pi = c.person_index.find(pa.assignment.person_id);
    if (oi == c.opening_index.end() || pi == c.person_index.end()) return INFINITY;
    const internal::OpeningFacts f =
        c.Facts(c.firm->openings[oi->second], c.assigned_count[oi->second]);
    const internal::CandidateFacts cf = c.Candidate(f, pi->second);
    if (!cf.eligible) return INFINITY;
    total += cf.cost;
  }
  for (const auto& [id, n] : open) total += options.weights.unfilled * n;
  return total;
}

const ProposedAssignment* FindInPlan(const StaffingPlan& plan, std::string_view key) {
  const ProposedAssignment* by_person = nullptr;
  int persons = 0;
  for (const ProposedAssignment& pa : plan.assignments) {
    if (pa.seat_id == key || pa.assignment.id == key) return &pa;
    if (pa.assignment.person_id == key) by_person = &pa, ++persons;
  }
  return persons == 1 ? by_person : nullptr;
}

}  // namespace guild::staffing
