// Seat facts and the seat cost function.
#include <algorithm>
#include <cmath>

#include "engine/staffing/internal/context.h"

namespace guild::staffing::internal {

namespace {

constexpr int kMaxTeamCompared = 20;  //!< team members compared for worked-together

void FillRequirements(const Context& c, const Opening& o, OpeningFacts& f) {
  for (const SkillRequirement& r : o.required) {
    auto it = c.skill_index.find(r.skill_id);
    if (it == c.skill_index.end()) {
      auto name = c.taxonomy_names.find(r.skill_id);
      f.blocked = "skills: nobody holds required skill " +
                  std::string(name == c.taxonomy_names.end() ? r.skill_id : name->second);
      return;
    }
    f.required.push_back({it->second, r.min_level});
    f.required_mask |= SkillBit(it->second);
  }
}

bool Shared(const Context& c, uint32_t a, uint32_t b, uint32_t except) {
  auto x = c.engagements_of.Row(a), y = c.engagements_of.Row(b);
  size_t i = 0, j = 0;
  while (i < x.size() && j < y.size()) {
    if (x[i] < y[j]) {
      ++i;
    } else if (y[j] < x[i]) {
      ++j;
    } else {
      if (x[i] != except) return true;
      ++i, ++j;
    }
  }
  return false;
}

}  // namespace

OpeningFacts Context::Facts(const Opening& o, int assigned) const {
  OpeningFacts f;
  f.opening = &o;
  f.open_seats = std::max(0, o.headcount - assigned);
  auto e = engagement_index.find(o.engagement_id);
  if (e == engagement_index.end()) {
    f.blocked = "engagement " + o.engagement_id + " not found";
    return f;
  }
  f.engagement = e->second;
  f.client = engagement_client[e->second];
  const Engagement& eng = firm->engagements[e->second];
  f.start = std::max({o.start, eng.start, today});
  f.end = std::min(o.end, eng.end);
  f.first_week = std::max(0, WeekOf(f.start));
  f.end_week = std::max(f.first_week, WeekOf(f.end) + 1);
  f.w0 = std::min(f.first_week, weeks);
  f.w1 = std::min(f.end_week, weeks);
  f.stretch_allowed = o.headcount >= options.stretch_min_group;
  f.key_client_short = f.client != kNoIndex && key_client_short[f.client];
  if (auto it = opening_index.find(o.id); it != opening_index.end()) {
    f.prefs = preferences.Row(it->second);
    f.assignees = assignees.Row(it->second);
  }
  if (!Live(eng)) f.blocked = "dates: engagement " + eng.id + " is not live";
  if (f.blocked.empty() && f.end < f.start) f.blocked = "dates: the seat ends before it can start";
  if (f.blocked.empty() && o.lead && !eng.leader_id.empty()) {
    f.blocked = "lead: engagement " + eng.id + " already has its accountable lead " + eng.leader_id;
  }
  if (f.blocked.empty() && o.lead &&
      lead_assigned[f.engagement] > static_cast<uint32_t>(assigned)) {
    f.blocked = "lead: another lead opening of engagement " + eng.id + " is filled";
  }
  if (f.blocked.empty()) FillRequirements(*this, o, f);
  for (uint32_t p : f.assignees) {
    for (const auto& [s, min] : f.required) f.existing_stretch |= Level(p, s) < min;
  }
  return f;
}

CandidateFacts Context::Candidate(const OpeningFacts& f, uint32_t p) const {
  CandidateFacts c;
  const Person& person = firm->people[p];
  const Opening& o = *f.opening;
  if (HasPreference(f.prefs, p, PreferenceKind::kExcluded)) {
    c.why_not = "excluded by the engagement leader";
    return c;
  }
  if (person.start_date && *person.start_date > f.start) {
    c.why_not = "dates: starts " + FormatDate(*person.start_date) + ", after the seat starts";
    return c;
  }
  if (person.end_date && *person.end_date < f.end) {
    c.why_not = "dates: leaves " + FormatDate(*person.end_date) + ", before the seat ends";
    return c;
  }
  if (o.lead && !lead_grade[p]) {
    c.why_not = "lead: grade '" + person.grade + "' is not a lead grade";
    return c;
  }
  if (std::find(f.assignees.begin(), f.assignees.end(), p) != f.assignees.end()) {
    c.why_not = "distinct: already on this opening";
    return c;
  }
  const SkillMatch match =
      MatchSkills(f.required.size(), f.stretch_allowed && !f.existing_stretch, [&](size_t i) {
        const auto [s, min] = f.required[i];
        RequirementLevel r{min, 0, false};
        r.level = Level(p, s, &r.wants_to_grow);
        return r;
      });
  if (!match.eligible) {
    const auto [s, min] = f.required[static_cast<size_t>(match.short_of)];
    c.why_not = "skills: " + std::string(skill_names[s]) + " level " + std::to_string(Level(p, s)) +
                " below " + std::to_string(min);
    return c;
  }
  c.stretch_req = match.stretch;
  const double fit = match.fit;
  c.eligible = true;
  c.volunteer = HasPreference(f.prefs, p, PreferenceKind::kVolunteer);
  c.pinned = HasPreference(f.prefs, p, PreferenceKind::kPinned);
  c.continuity = f.client != kNoIndex && Served(p, f.client);
  c.key_partner = f.key_client_short && partner_grade[p] && c.continuity;
  int members = 0;
  for (uint32_t m : engagement_people.Row(f.engagement)) {
    if (m == p || members >= kMaxTeamCompared) continue;
    ++members;
    c.worked_with += Shared(*this, p, m, f.engagement);
  }
  const Utilisation before = UtilisationOver(p, f.first_week, f.end_week);
  c.load_before = before.peak;
  const double util_mean = before.mean;
  const double peak_after = before.peak + o.hours_per_week / capacity[p];
  const ObjectiveWeights& wt = options.weights;
  const double room = options.capacity_ceiling - wt.load_threshold;
  const double overload = room > 0 ? std::clamp((peak_after - wt.load_threshold) / room, 0.0, 1.0)
                                   : (peak_after > wt.load_threshold ? 1.0 : 0.0);
  double cost = wt.base - wt.skill_fit * fit;
  if (c.stretch_req >= 0) cost -= wt.growth;
  if (c.volunteer) cost -= wt.volunteer;
  if (c.continuity) cost -= wt.continuity;
  if (members > 0) cost -= wt.worked_together * c.worked_with / members;
  cost -= wt.idle * (1 - util_mean);
  cost += wt.load * overload;
  if (person.cost_rate) cost += wt.cost * std::min(2.0, *person.cost_rate / wt.reference_rate);
  if (c.key_partner) cost -= wt.key_client_partner;
  c.cost = std::max(0.0, cost);
  return c;
}

}  // namespace guild::staffing::internal
