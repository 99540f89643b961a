// CheckStaffingPlan: every hard constraint, recomputed from the FirmData
// alone (no solver state, no context), so that it catches solver bugs.
#include <algorithm>
#include <cmath>
#include <cstdio>
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
  const CheckScope mode;
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

  //! A violation; `entry` names the plan entry that breaks it, if one does.
  void Add(std::string c, std::string subject, std::string m, const std::string& entry = "") {
    out.push_back({std::move(c), std::move(subject), std::move(m), "", {}});
    if (!entry.empty()) out.back().entry_ids.push_back(entry);
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
      const std::string& id = pa.assignment.id;
      if (!pa.moved_from_person_id.empty()) {
        auto it = existing.find(id);
        if (it == existing.end()) {
          Add("id", id, "moved assignment " + id + " does not exist", id);
        } else if (it->second->status != AssignmentStatus::kTentative) {
          Add("confirmed", id, "assignment " + id + " is confirmed and may not move", id);
        } else if (it->second->person_id != pa.moved_from_person_id) {
          Add("id", id, "assignment " + id + " is not held by " + pa.moved_from_person_id, id);
        } else if (it->second->start < plan.today) {
          Add("dates", id, "assignment " + id + " started " + FormatDate(it->second->start) +
                               " and may not move", id);
        } else if (!SameButPerson(*it->second, pa.assignment)) {
          Add("dates", id,
              "moved assignment " + id +
                  " changes more than its person (opening, hours per week or dates)",
              id);
        }
        moved[id] = &pa;
      } else if (existing.count(id)) {
        Add("id", id, "assignment id " + id + " already exists", id);
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

  static bool SameButPerson(const Assignment& a, const Assignment& b) {
    return a.opening_id == b.opening_id && std::abs(a.hours_per_week - b.hours_per_week) < 1e-9 &&
           a.start == b.start && a.end == b.end;
  }

  [[nodiscard]] bool HasIssue(std::string_view constraint, std::string_view subject,
                              std::string_view mention) const {
    auto [lo, hi] = issues.equal_range({constraint, subject});
    for (auto it = lo; it != hi; ++it) {
      if (it->second->find(mention) != std::string::npos) return true;
    }
    return false;
  }

  // "Ana Ruiz (p1)", or the id alone when the person is unknown or unnamed.
  [[nodiscard]] std::string Name(std::string_view person) const {
    auto p = people.find(person);
    if (p == people.end() || p->second->name.empty()) return std::string(person);
    return p->second->name + " (" + std::string(person) + ")";
  }

  // H1 in every week a plan entry touches from the week holding today, as
  // far as it runs: per person, the hours of every assignment after the plan
  // and of time off (on or after today) in those weeks.
  void CheckCapacity() {
    const Date week0 = WeekStart(plan.today);
    auto week_of = [&](Date d) { return (WeekStart(d).days - week0.days) / 7; };
    struct Weeks {
      int lo = 0;
      std::vector<double> hours;
      std::vector<std::vector<const std::string*>> entries;  //!< plan entries per week
    };
    std::unordered_map<std::string_view, Weeks> by_person;
    for (const ProposedAssignment& pa : plan.assignments) {
      const Assignment& a = pa.assignment;
      const int lo = std::max(0, week_of(a.start)), hi = week_of(a.end);
      if (hi < lo || !people.count(a.person_id)) continue;
      Weeks& w = by_person[a.person_id];
      if (w.entries.empty()) w.lo = lo;
      const int new_lo = std::min(w.lo, lo);
      const int new_size = std::max(w.lo + static_cast<int>(w.entries.size()), hi + 1) - new_lo;
      w.entries.insert(w.entries.begin(), static_cast<size_t>(w.lo - new_lo), {});
      w.entries.resize(static_cast<size_t>(new_size));
      w.lo = new_lo;
      for (int k = lo; k <= hi; ++k) w.entries[static_cast<size_t>(k - w.lo)].push_back(&a.id);
    }
    auto add = [&](std::string_view person, Date from, Date to, double hours) {
      auto it = by_person.find(person);
      if (it == by_person.end()) return;
      Weeks& w = it->second;
      w.hours.resize(w.entries.size(), 0);
      const int lo = std::max(week_of(from), w.lo);
      const int hi = std::min(week_of(to), w.lo + static_cast<int>(w.entries.size()) - 1);
      for (int k = lo; k <= hi; ++k) w.hours[static_cast<size_t>(k - w.lo)] += hours;
    };
    for (const Assignment& a : after) add(a.person_id, a.start, a.end, a.hours_per_week);
    for (const TimeEntry& t : f.time_entries) {
      if (t.category == TimeCategory::kTimeOff && t.date >= plan.today) {
        add(t.person_id, t.date, t.date, t.hours);
      }
    }
    for (auto& [person, w] : by_person) {
      w.hours.resize(w.entries.size(), 0);
      const Person& p = *people.at(person);
      const double limit = o.capacity_ceiling * p.weekly_capacity_hours;
      for (size_t k = 0; k < w.entries.size(); ++k) {
        if (w.entries[k].empty() || w.hours[k] <= limit + kHoursTolerance) continue;
        const Date monday = AddDays(week0, 7 * (w.lo + static_cast<int>(k)));
        ConstraintIssue issue{"capacity", std::string(person),
                              Name(person) + " would be above their capacity in the week of " +
                                  FormatDate(monday) + " with " + EntryList(w.entries[k])};
        issue.detail =
            "booked " + Hours(w.hours[k]) + " h against a ceiling of " + Hours(limit) + " h";
        for (const std::string* id : w.entries[k]) issue.entry_ids.push_back(*id);
        out.push_back(std::move(issue));
      }
    }
  }

  static std::string EntryList(const std::vector<const std::string*>& ids) {
    std::string list = ids.size() == 1 ? "entry " : "entries ";
    for (size_t i = 0; i < ids.size(); ++i) list += (i > 0 ? ", " : "") + *ids[i];
    return list;
  }

  static std::string Hours(double h) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", h);
    return buf;
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
    const std::string& entry = a.id;
    std::string stretched;
    for (const SkillRequirement& r : op.required) {
      const Effective eff = Level(a.person_id, r.skill_id);
      if (eff.level >= r.min_level) continue;
      const std::string who = a.person_id + " on " + op.id + ": " + r.skill_id + " level " +
                              std::to_string(eff.level) + " < " + std::to_string(r.min_level);
      if (eff.level != r.min_level - 1 || !eff.wants) {
        Add("skills", op.id, who + " (not a stretch: more than one level short or not wanted)",
            entry);
      } else if (!stretched.empty()) {
        Add("skills", op.id, who + " (a second stretch skill)", entry);
      } else if (op.headcount < o.stretch_min_group) {
        Add("skills", op.id,
            who + " (stretch on an opening of fewer than " + std::to_string(o.stretch_min_group) +
                " seats)",
            entry);
      } else if (!Coach(e, r.skill_id, r.min_level + 1, a.person_id)) {
        Add("skills", op.id,
            who + " (stretch without a coach at level " + std::to_string(r.min_level + 1) + " on " +
                e.id + ")",
            entry);
      } else {
        stretched = r.skill_id;
      }
    }
    return stretched;
  }

  // A new entry is its seat: the opening's hours, from max(opening start,
  // engagement start, today) to min(opening end, engagement end).
  void CheckSeat(const Assignment& a, const Opening& op, const Engagement& e) {
    if (std::abs(a.hours_per_week - op.hours_per_week) > 1e-9) {
      Add("hours", op.id,
          a.id + " books " + Hours(a.hours_per_week) + " h per week; opening " + op.id +
              " asks for " + Hours(op.hours_per_week),
          a.id);
    }
    const Date start = std::max({op.start, e.start, plan.today}), end = std::min(op.end, e.end);
    if (a.start != start || a.end != end) {
      Add("dates", op.id,
          a.id + " runs " + FormatDate(a.start) + " to " + FormatDate(a.end) + "; its seat runs " +
              FormatDate(start) + " to " + FormatDate(end),
          a.id);
    }
  }

  void CheckAssignments() {
    std::map<std::string_view, int> new_seats;
    for (const ProposedAssignment& pa : plan.assignments) {
      const Assignment& a = pa.assignment;
      auto pit = people.find(a.person_id);
      auto oit = openings.find(a.opening_id);
      if (pit == people.end() || oit == openings.end()) {
        Add("id", a.id, "assignment " + a.id + " names an unknown person or opening", a.id);
        continue;
      }
      const Person& p = *pit->second;
      const Opening& op = *oit->second;
      auto eit = engagements.find(op.engagement_id);
      if (eit == engagements.end()) {
        Add("id", op.id, "opening " + op.id + " has an unknown engagement", a.id);
        continue;
      }
      const Engagement& e = *eit->second;
      if (pa.moved_from_person_id.empty()) {
        ++new_seats[op.id];
        CheckSeat(a, op, e);
      }
      if ((p.start_date && *p.start_date > a.start) || (p.end_date && *p.end_date < a.end)) {
        Add("dates", op.id, p.id + " is not employed for the whole of " + a.id, a.id);
      }
      CheckSkills(a, op, e);
      if (excluded.count({op.id, p.id})) {
        Add("excluded", op.id, p.id + " is excluded from " + op.id, a.id);
      }
      if (op.lead &&
          std::find(o.lead_grades.begin(), o.lead_grades.end(), p.grade) == o.lead_grades.end()) {
        Add("lead", op.id, p.id + " (grade " + p.grade + ") cannot take lead opening " + op.id,
            a.id);
      }
      if (op.lead && !e.leader_id.empty()) {
        Add("lead", e.id, "engagement " + e.id + " already has leader " + e.leader_id, a.id);
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
          Add("distinct", op.id, Name(a->person_id) + " holds two seats of " + op.id,
              existing.count(a->id) ? "" : a->id);
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

  // H4: a whole plan seats each pinned person of the openings it covers or
  // says why; entries being written must not fill a pin's last seat.
  void CheckPins() {
    std::map<std::string_view, int> held;
    for (const Assignment& a : after) ++held[a.opening_id];
    for (const OpeningPreference& pr : f.opening_preferences) {
      if (pr.kind != PreferenceKind::kPinned || !scope.count(pr.opening_id)) continue;
      if (seated.count({pr.opening_id, pr.person_id})) continue;
      if (mode == CheckScope::kPlan && !HasIssue("pinned", pr.opening_id, pr.person_id)) {
        Add("pinned", pr.opening_id,
            "pinned person " + Name(pr.person_id) + " is not seated on " + pr.opening_id +
                " and the plan does not say why");
      }
      auto op = openings.find(pr.opening_id);
      if (mode == CheckScope::kEntries && op != openings.end() &&
          held[pr.opening_id] >= op->second->headcount && NewOn(pr.opening_id) > 0) {
        Add("pinned", pr.opening_id,
            "the entries fill the last seat of " + pr.opening_id + " without pinned person " +
                Name(pr.person_id));
        out.back().entry_ids = NewEntriesOn(pr.opening_id);
      }
    }
  }

  [[nodiscard]] std::vector<std::string> NewEntriesOn(std::string_view opening) const {
    std::vector<std::string> ids;
    for (const ProposedAssignment& pa : plan.assignments) {
      if (pa.assignment.opening_id == opening && pa.moved_from_person_id.empty()) {
        ids.push_back(pa.assignment.id);
      }
    }
    return ids;
  }
  [[nodiscard]] size_t NewOn(std::string_view opening) const {
    return NewEntriesOn(opening).size();
  }

  // H6: a whole plan says when it leaves an engagement without its lead.
  void CheckLeads() {
    if (mode != CheckScope::kPlan) return;
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
  }

  [[nodiscard]] bool Live(const Engagement& e) const {
    return (e.status == EngagementStatus::kTentative || e.status == EngagementStatus::kConfirmed) &&
           e.end >= plan.today;
  }

  // Per client: partner-grade people on its current work (leaders of live
  // engagements, people of `list` on them that have not ended) who served it
  // before the plan (led one of its engagements or held an assignment on it).
  [[nodiscard]] std::map<std::string_view, int> ServedPartners(
      const std::vector<Assignment>& list) const {
    std::map<std::string_view, std::set<std::string_view>> served, current;
    for (const Engagement& e : f.engagements) {
      if (e.leader_id.empty()) continue;
      served[e.client_id].insert(e.leader_id);
      if (Live(e)) current[e.client_id].insert(e.leader_id);
    }
    auto client_of = [&](const Assignment& a) -> const Engagement* {
      auto op = openings.find(a.opening_id);
      if (op == openings.end()) return nullptr;
      auto e = engagements.find(op->second->engagement_id);
      return e == engagements.end() ? nullptr : e->second;
    };
    for (const Assignment& a : f.assignments) {
      if (const Engagement* e = client_of(a)) served[e->client_id].insert(a.person_id);
    }
    for (const Assignment& a : list) {
      const Engagement* e = client_of(a);
      if (e && Live(*e) && a.end >= plan.today) current[e->client_id].insert(a.person_id);
    }
    std::map<std::string_view, int> n;
    for (const auto& [client, people_on] : current) {
      for (std::string_view p : people_on) n[client] += Partner(p) && served[client].count(p);
    }
    return n;
  }

  [[nodiscard]] bool Partner(std::string_view id) const {
    auto p = people.find(id);
    return p != people.end() && std::find(o.partner_grades.begin(), o.partner_grades.end(),
                                          p->second->grade) != o.partner_grades.end();
  }

  // H7: a key client keeps two served partners on its current work; a whole
  // plan says when it cannot, entries must not take one below two.
  void CheckKeyClients() {
    std::map<std::string_view, int> now = ServedPartners(after), before;
    if (mode == CheckScope::kEntries) before = ServedPartners(f.assignments);
    for (const Client& c : f.clients) {
      if (!c.key_client || now[c.id] >= 2) continue;
      if (mode == CheckScope::kPlan && !HasIssue("key_client", c.id, "")) {
        Add("key_client", c.id,
            "key client " + c.id + " keeps " + std::to_string(now[c.id]) +
                " partners who served it and the plan does not say so");
      }
      if (mode == CheckScope::kEntries && now[c.id] < before[c.id]) {
        Add("key_client", c.id,
            "the moves leave key client " + c.name + " (" + c.id + ") with " +
                std::to_string(now[c.id]) + " partners who served it on its current work");
        for (const ProposedAssignment& pa : plan.assignments) {
          if (!pa.moved_from_person_id.empty()) out.back().entry_ids.push_back(pa.assignment.id);
        }
      }
    }
  }
};

}  // namespace

std::vector<ConstraintIssue> CheckStaffingPlan(const FirmData& firm, const StaffingPlan& plan,
                                               const StaffingOptions& options, CheckScope scope) {
  Checker c{firm, plan, options, scope};
  c.Index();
  c.BuildAfter();
  c.CheckCapacity();
  c.CheckAssignments();
  c.CheckPerOpening();
  c.CheckPins();
  c.CheckLeads();
  c.CheckKeyClients();
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
