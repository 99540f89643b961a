// Builds the staffing context: interning, loads, postings, relations.
#include "engine/staffing/internal/context.h"

#include <algorithm>
#include <tuple>

namespace guild::staffing::internal {

namespace {

template <typename T>
void FinishRows(Rows<T>& rows, std::vector<std::pair<uint32_t, T>>& pairs, size_t keys,
                bool dedupe) {
  std::sort(pairs.begin(), pairs.end());
  if (dedupe) pairs.erase(std::unique(pairs.begin(), pairs.end()), pairs.end());
  rows.offsets.assign(keys + 1, 0);
  for (const auto& [k, v] : pairs) ++rows.offsets[k + 1];
  for (size_t k = 0; k < keys; ++k) rows.offsets[k + 1] += rows.offsets[k];
  rows.values.clear();
  rows.values.reserve(pairs.size());
  for (auto& [k, v] : pairs) rows.values.push_back(v);
  pairs.clear();
  pairs.shrink_to_fit();
}

Status CheckOptions(const StaffingOptions& o) {
  if (o.horizon_weeks < 1 || o.horizon_weeks > 104) {
    return InvalidField("horizon_weeks", "1..104", std::to_string(o.horizon_weeks));
  }
  if (!(o.capacity_ceiling > 0 && o.capacity_ceiling <= 2)) {
    return InvalidField("capacity_ceiling", "a share in (0, 2]",
                        std::to_string(o.capacity_ceiling));
  }
  if (o.candidates_per_seat < 1 || o.candidates_per_seat > 1000) {
    return InvalidField("candidates_per_seat", "1..1000");
  }
  if (o.max_scan < 1) return InvalidField("max_scan", ">= 1");
  if (!(o.time_limit_seconds > 0)) return InvalidField("time_limit_seconds", "> 0");
  if (o.stretch_min_group < 1) return InvalidField("stretch_min_group", ">= 1");
  if (o.max_tentative_moves < 0) return InvalidField("max_tentative_moves", ">= 0");
  if (o.runner_ups < 0) return InvalidField("runner_ups", ">= 0");
  if (o.bound_iterations < 0) return InvalidField("bound_iterations", ">= 0");
  if (o.weights.unfilled <= 0) return InvalidField("weights.unfilled", "> 0");
  if (o.weights.reference_rate <= 0) return InvalidField("weights.reference_rate", "> 0");
  return OkStatus();
}

bool InList(const std::vector<std::string>& list, std::string_view v) {
  return std::find(list.begin(), list.end(), v) != list.end();
}

void IndexEntities(Context& c) {
  const FirmData& f = *c.firm;
  for (size_t i = 0; i < f.people.size(); ++i) c.person_index.emplace(f.people[i].id, i);
  for (size_t i = 0; i < f.engagements.size(); ++i) {
    c.engagement_index.emplace(f.engagements[i].id, i);
  }
  for (size_t i = 0; i < f.clients.size(); ++i) c.client_index.emplace(f.clients[i].id, i);
  for (size_t i = 0; i < f.openings.size(); ++i) c.opening_index.emplace(f.openings[i].id, i);
  std::unordered_map<std::string_view, std::string_view>& name_of = c.taxonomy_names;
  for (const Skill& s : f.skills) {
    if (!s.name.empty()) name_of.emplace(s.id, s.name);
  }
  auto intern = [&](std::string_view id) {
    auto [it, added] = c.skill_index.emplace(id, c.skill_ids.size());
    if (!added) return;
    c.skill_ids.push_back(id);
    auto name = name_of.find(id);
    c.skill_names.push_back(name != name_of.end() ? name->second : id);
  };
  for (const PersonSkill& ps : f.person_skills) intern(ps.skill_id);
  c.engagement_client.assign(f.engagements.size(), kNoIndex);
  for (size_t i = 0; i < f.engagements.size(); ++i) {
    auto it = c.client_index.find(f.engagements[i].client_id);
    if (it != c.client_index.end()) c.engagement_client[i] = it->second;
  }
}

// Effective rating per (person, skill): highest precedence, then latest
// rated_on, then higher level; wants_to_grow when any rating says so.
void BuildSkills(Context& c) {
  const FirmData& f = *c.firm;
  struct Row {
    uint32_t person, skill;
    int precedence;
    int32_t rated;
    int level;
    bool wants;
  };
  std::vector<Row> rows;
  rows.reserve(f.person_skills.size());
  for (const PersonSkill& ps : f.person_skills) {
    auto p = c.person_index.find(ps.person_id);
    if (p == c.person_index.end()) continue;
    rows.push_back({p->second, c.skill_index.at(ps.skill_id), Precedence(ps.source),
                    ps.rated_on ? ps.rated_on->days : INT32_MIN, ps.level, ps.wants_to_grow});
  }
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    return std::tie(a.person, a.skill, b.precedence, b.rated, b.level) <
           std::tie(b.person, b.skill, a.precedence, a.rated, a.level);
  });
  std::vector<std::pair<uint32_t, HeldSkill>> held;
  std::vector<std::pair<uint32_t, Holder>> post, lead_post;
  for (size_t i = 0; i < rows.size();) {
    size_t j = i;
    bool wants = false;
    for (; j < rows.size() && rows[j].person == rows[i].person && rows[j].skill == rows[i].skill;
         ++j) {
      wants = wants || rows[j].wants;
    }
    const Row& r = rows[i];
    held.push_back({r.person, {r.skill, static_cast<int8_t>(r.level), wants}});
    // Negated level so that ascending pair order is level descending.
    post.push_back({r.skill, {r.person, static_cast<int8_t>(r.level)}});
    if (c.lead_grade[r.person]) {
      lead_post.push_back({r.skill, {r.person, static_cast<int8_t>(r.level)}});
    }
    i = j;
  }
  std::sort(held.begin(), held.end(), [](const auto& a, const auto& b) {
    return std::tie(a.first, a.second.skill) < std::tie(b.first, b.second.skill);
  });
  c.skills.offsets.assign(f.people.size() + 1, 0);
  for (const auto& [p, h] : held) ++c.skills.offsets[p + 1];
  for (size_t k = 0; k < f.people.size(); ++k) c.skills.offsets[k + 1] += c.skills.offsets[k];
  for (const auto& [p, h] : held) c.skills.values.push_back(h);
  c.skill_mask.assign(f.people.size(), 0);
  for (const auto& [p, h] : held) c.skill_mask[p] |= SkillBit(h.skill);
  for (auto* list : {&post, &lead_post}) {
    std::sort(list->begin(), list->end(), [](const auto& a, const auto& b) {
      return std::make_tuple(a.first, -a.second.level, a.second.person) <
             std::make_tuple(b.first, -b.second.level, b.second.person);
    });
    Rows<Holder>& rows_out = list == &post ? c.postings : c.lead_postings;
    rows_out.offsets.assign(c.skill_ids.size() + 1, 0);
    for (const auto& [s, h] : *list) ++rows_out.offsets[s + 1];
    for (size_t k = 0; k < c.skill_ids.size(); ++k) rows_out.offsets[k + 1] += rows_out.offsets[k];
    for (const auto& [s, h] : *list) rows_out.values.push_back(h);
  }
}

// Books `hours` per week on `person` from `from` to `to`: in `grid` for the
// horizon's weeks, in `late` for the weeks after it.
void AddWeeks(Context& c, std::vector<float>& grid, std::vector<std::pair<uint32_t, Booking>>& late,
              uint32_t person, Date from, Date to, double hours) {
  if (to < c.week0) return;
  const int a = std::max(0, c.WeekOf(std::max(from, c.week0)));
  const int last = c.WeekOf(to);
  for (int w = a; w <= std::min(c.weeks - 1, last); ++w) {
    grid[static_cast<size_t>(person) * c.weeks + w] += static_cast<float>(hours);
  }
  if (last >= c.weeks) {
    late.push_back({person, {std::max(a, c.weeks), last + 1, static_cast<float>(hours)}});
  }
}

void BuildLoads(Context& c) {
  const FirmData& f = *c.firm;
  const size_t n = f.people.size();
  c.capacity.resize(n);
  c.lead_grade.resize(n);
  c.partner_grade.resize(n);
  for (size_t i = 0; i < n; ++i) {
    c.capacity[i] = f.people[i].weekly_capacity_hours;
    c.lead_grade[i] = InList(c.options.lead_grades, f.people[i].grade);
    c.partner_grade[i] = InList(c.options.partner_grades, f.people[i].grade);
  }
  c.load.assign(n * c.weeks, 0);
  c.time_off.assign(n * c.weeks, 0);
  std::vector<std::pair<uint32_t, Booking>> late;
  for (const Assignment& a : f.assignments) {
    auto p = c.person_index.find(a.person_id);
    if (p != c.person_index.end()) {
      AddWeeks(c, c.load, late, p->second, a.start, a.end, a.hours_per_week);
    }
  }
  for (const TimeEntry& t : f.time_entries) {
    if (t.category != TimeCategory::kTimeOff || t.date < c.today) continue;
    auto p = c.person_index.find(t.person_id);
    if (p != c.person_index.end())
      AddWeeks(c, c.time_off, late, p->second, t.date, t.date, t.hours);
  }
  FinishRows(c.late, late, n, false);  // two equal bookings both count
}

void BuildRelations(Context& c) {
  const FirmData& f = *c.firm;
  const size_t n = f.people.size(), ne = f.engagements.size(), no = f.openings.size();
  std::vector<std::pair<uint32_t, uint32_t>> eng_of, served, people_of, assignees;
  c.assigned_count.assign(no, 0);
  c.lead_assigned.assign(ne, 0);
  for (size_t e = 0; e < ne; ++e) {
    auto p = c.person_index.find(f.engagements[e].leader_id);
    if (p == c.person_index.end()) continue;
    eng_of.push_back({p->second, static_cast<uint32_t>(e)});
    if (c.Live(f.engagements[e])) people_of.push_back({static_cast<uint32_t>(e), p->second});
  }
  std::vector<std::pair<uint32_t, uint32_t>> by_person;
  for (uint32_t i = 0; i < f.assignments.size(); ++i) {
    const Assignment& a = f.assignments[i];
    auto p = c.person_index.find(a.person_id);
    if (p != c.person_index.end()) by_person.push_back({p->second, i});
    auto o = c.opening_index.find(a.opening_id);
    if (p == c.person_index.end() || o == c.opening_index.end()) continue;
    const Opening& op = f.openings[o->second];
    ++c.assigned_count[o->second];
    assignees.push_back({o->second, p->second});
    auto e = c.engagement_index.find(op.engagement_id);
    if (e == c.engagement_index.end()) continue;
    eng_of.push_back({p->second, e->second});
    if (op.lead) ++c.lead_assigned[e->second];
    if (a.end >= c.today && c.Live(f.engagements[e->second])) {
      people_of.push_back({e->second, p->second});
    }
  }
  for (const auto& [p, e] : eng_of) {
    if (c.engagement_client[e] != kNoIndex) served.push_back({p, c.engagement_client[e]});
  }
  FinishRows(c.engagements_of, eng_of, n, true);
  FinishRows(c.clients_served, served, n, true);
  FinishRows(c.engagement_people, people_of, ne, true);
  FinishRows(c.assignees, assignees, no, true);
  FinishRows(c.assignments_of, by_person, n, true);
  std::vector<std::pair<uint32_t, std::pair<uint32_t, PreferenceKind>>> prefs;
  for (const OpeningPreference& pr : f.opening_preferences) {
    auto p = c.person_index.find(pr.person_id);
    auto o = c.opening_index.find(pr.opening_id);
    if (p != c.person_index.end() && o != c.opening_index.end()) {
      prefs.push_back({o->second, {p->second, pr.kind}});
    }
  }
  FinishRows(c.preferences, prefs, no, true);
}

// Key clients: distinct partner-grade people on the current work (leaders and
// current assignments of live engagements) of each key client.
void BuildKeyClients(Context& c) {
  const FirmData& f = *c.firm;
  c.key_client_partners.assign(f.clients.size(), 0);
  c.key_client_short.assign(f.clients.size(), 0);
  std::vector<std::pair<uint32_t, uint32_t>> partners;
  for (size_t e = 0; e < f.engagements.size(); ++e) {
    const uint32_t cl = c.engagement_client[e];
    if (cl == kNoIndex || !f.clients[cl].key_client) continue;
    for (uint32_t p : c.engagement_people.Row(e)) {
      if (c.partner_grade[p]) partners.push_back({cl, p});
    }
  }
  std::sort(partners.begin(), partners.end());
  partners.erase(std::unique(partners.begin(), partners.end()), partners.end());
  for (const auto& [cl, p] : partners) ++c.key_client_partners[cl];
  std::vector<std::pair<uint32_t, uint32_t>> served;
  for (uint32_t p = 0; p < f.people.size(); ++p) {
    if (c.partner_grade[p]) {
      for (uint32_t cl : c.clients_served.Row(p)) {
        if (f.clients[cl].key_client) served.push_back({cl, p});
      }
    }
  }
  FinishRows(c.client_partners, served, f.clients.size(), true);
  for (size_t cl = 0; cl < f.clients.size(); ++cl) {
    c.key_client_short[cl] = f.clients[cl].key_client && c.key_client_partners[cl] < 2;
  }
}

}  // namespace

bool HasPreference(std::span<const std::pair<uint32_t, PreferenceKind>> prefs, uint32_t person,
                   PreferenceKind kind) {
  return std::find(prefs.begin(), prefs.end(), std::make_pair(person, kind)) != prefs.end();
}

int Context::Level(uint32_t person, uint32_t skill, bool* wants) const {
  auto row = skills.Row(person);
  auto it = std::lower_bound(row.begin(), row.end(), skill,
                             [](const HeldSkill& h, uint32_t s) { return h.skill < s; });
  if (it == row.end() || it->skill != skill) {
    if (wants) *wants = false;
    return 0;
  }
  if (wants) *wants = it->wants_to_grow;
  return it->level;
}

bool Context::Served(uint32_t person, uint32_t client) const {
  auto row = clients_served.Row(person);
  return std::binary_search(row.begin(), row.end(), client);
}

bool Context::Live(const Engagement& e) const {
  return (e.status == EngagementStatus::kTentative || e.status == EngagementStatus::kConfirmed) &&
         e.end >= today;
}

bool Context::StaticCoach(uint32_t engagement, uint32_t skill, int level, uint32_t* coach) const {
  for (uint32_t p : engagement_people.Row(engagement)) {
    if (Level(p, skill) >= level) {
      if (coach) *coach = p;
      return true;
    }
  }
  return false;
}

Result<std::unique_ptr<Context>> BuildContext(const FirmData& firm, Date today,
                                              const StaffingOptions& options) {
  RETURN_IF_ERROR(CheckOptions(options));
  auto c = std::make_unique<Context>();
  c->firm = &firm;
  c->today = today;
  c->week0 = WeekStart(today);
  c->options = options;
  c->weeks = options.horizon_weeks;
  IndexEntities(*c);
  BuildLoads(*c);
  BuildSkills(*c);
  BuildRelations(*c);
  BuildKeyClients(*c);
  return c;
}

}  // namespace guild::staffing::internal
