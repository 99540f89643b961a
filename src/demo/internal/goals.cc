// Purpose, goals and roles: teams of every kind, their goals aligned up the
// tree, deliverables and client relationships with their RACI, and a few
// deliberately broken teams so that the warnings show.
//
// Draws from its own generator (derived from the seed), so the entities of
// the earlier steps stay exactly as they were before this step existed.
#include "demo/internal/goals.h"

#include <algorithm>
#include <array>
#include <optional>
#include <unordered_set>

namespace guild::demo::internal {

namespace {

constexpr uint64_t kGoalsSalt = 0x60a1'5ea7'2024'0b1eULL;
constexpr int kThemeCount = 4;
enum Theme { kGrowth = 0, kSatisfaction = 1, kPeople = 2, kQuality = 3 };
using ThemeGoals = std::array<std::string, kThemeCount>;  // goal id per theme, or empty

constexpr int kMaxEngagementTeam = 10;
constexpr int kYear = 365;

struct GoalSpec {
  std::string title;
  std::string metric;
  std::string unit;
  double start;
  double target;
};

// What each level of the tree measures for each theme.
GoalSpec FirmSpec(Theme theme, int people) {
  const double fees = std::max(5.0, people / 40.0);
  switch (theme) {
    case kGrowth:
      return {"Grow fee income from our key clients", "fee income from key clients", "M EUR", fees,
              fees * 1.15};
    case kSatisfaction:
      return {"Be the first call of the clients we serve", "client net promoter score", "points",
              31, 45};
    case kPeople:
      return {"Keep the people we most want to keep", "regretted attrition", "%", 11, 7};
    case kQuality: return {"Stop giving our work away", "write-offs", "% of fees", 4.5, 2.5};
  }
  return {};
}

GoalSpec PracticeSpecFor(Theme theme, std::string_view practice, Random& rng) {
  const std::string p(practice);
  switch (theme) {
    case kGrowth: {
      const double fees = 2.0 + rng.Range(0, 40) / 4.0;
      return {"Grow " + p + " fee income", p + " fee income", "M EUR", fees, fees * 1.12};
    }
    case kSatisfaction:
      return {"Lift " + p + " client satisfaction", "client satisfaction", "points of 10", 7.2,
              8.5};
    case kPeople:
      return {"Ready " + p + " managers for promotion", "managers ready for promotion", "people", 2,
              static_cast<double>(rng.Range(5, 8))};
    case kQuality: return {"Cut " + p + " write-offs", "write-offs", "% of fees", 5, 3};
  }
  return {};
}

GoalSpec AccountSpec(Theme theme, const std::string& client, Random& rng) {
  switch (theme) {
    case kGrowth:
      return {"Serve " + client + " from a second practice", "practices serving the client",
              "practices", 1, static_cast<double>(rng.Range(2, 3))};
    case kSatisfaction:
      return {"Raise " + client + "'s satisfaction", "client satisfaction", "points of 10", 6.5,
              8.5};
    case kPeople:
      return {"Hold " + client + " across several partners", "partners with a relationship",
              "partners", 1, 3};
    case kQuality:
      return {"Renew " + client + "'s agreement on time", "renewal readiness", "%", 20, 100};
  }
  return {};
}

GoalSpec EngagementSpec(Theme theme, Random& rng) {
  switch (theme) {
    case kGrowth:
      return {"Deliver within the agreed fee", "budget overrun", "%",
              static_cast<double>(rng.Range(6, 15)), 0};
    case kSatisfaction:
      return {"Earn a strong client feedback score", "client feedback", "points of 10", 7, 9};
    case kPeople:
      return {"Give juniors client-facing work", "junior hours with the client", "hours/week", 2,
              static_cast<double>(rng.Range(6, 10))};
    case kQuality:
      return {"Close every open finding", "open findings", "findings",
              static_cast<double>(rng.Range(8, 20)), 0};
  }
  return {};
}

// How fast a goal moves against the expectation: most about on it, some
// behind, a few far behind, a few ahead of it.
double DrawPace(Random& rng) {
  const double u = rng.Unit();
  if (u < 0.50) return rng.Real(0.92, 1.12);
  if (u < 0.70) return rng.Real(0.70, 0.88);
  if (u < 0.85) return rng.Real(0.25, 0.60);
  return rng.Real(1.25, 1.8);
}

class Builder {
 public:
  explicit Builder(GoalsContext& g) : g_(g), c_(g.c) {}

  void Run() {
    const size_t account_teams = c_.out.teams.size();
    ThemeGoals firm = AddFirmTeam();
    std::vector<ThemeGoals> practice(c_.practice_count);
    for (int p = 0; p < c_.practice_count; ++p) practice[p] = AddPracticeSquad(p, firm);
    std::unordered_map<std::string_view, ThemeGoals> account;  // client id -> its goals
    for (size_t t = 0; t < account_teams; ++t) {
      ThemeGoals aligned = Fallback(practice[c_.team_practice[t]], firm);
      account[c_.out.teams[t].client_id] = AddTeamGoals(t, aligned, /*level=*/2);
    }
    AddEngagementTeams(account, practice, firm);
    engagement_of_.resize(c_.out.teams.size(), nullptr);
    deliverables_of_.resize(c_.out.teams.size());
    for (size_t t = 0; t < c_.out.teams.size(); ++t) AddDeliverables(t);
    for (size_t t = 0; t < account_teams; ++t) AddRelationships(t);
    BreakSomeTeams(account_teams);
    GiveEveryMemberARole();
    AddPersonalGoals();
  }

 private:
  Random& rng() { return g_.rng; }
  const Person& P(uint32_t i) const { return c_.out.people[i]; }

  static ThemeGoals Fallback(const ThemeGoals& preferred, const ThemeGoals& other) {
    ThemeGoals out = preferred;
    for (int k = 0; k < kThemeCount; ++k) {
      if (out[k].empty()) out[k] = other[k];
    }
    return out;
  }

  // A random person of `grade` or more senior, in practice p first.
  std::optional<uint32_t> Someone(int p, int grade) {
    for (int gr = grade; gr >= 0; --gr) {
      for (int q = 0; q < c_.practice_count; ++q) {
        const auto& pool = c_.Pool((p + q) % c_.practice_count, gr);
        if (!pool.empty()) return pool[rng().Below(pool.size())];
      }
    }
    return std::nullopt;
  }

  static void AddMember(Team& t, const std::string& person, std::string role) {
    for (const TeamMember& m : t.members) {
      if (m.person_id == person) return;
    }
    t.members.push_back({person, std::move(role)});
  }

  size_t NewTeam(Team t, int cadence_weeks) {
    c_.out.teams.push_back(std::move(t));
    g_.cadence_weeks.resize(c_.out.teams.size(), 1);
    g_.cadence_weeks.back() = cadence_weeks;
    return c_.out.teams.size() - 1;
  }

  int DrawCadence() { return rng().Chance(0.6) ? 1 : 2; }

  ThemeGoals AddFirmTeam() {
    Team t;
    t.id = "team-firm";
    t.kind = TeamKind::kFirm;
    t.name = "Firm leadership";
    t.purpose =
        "Be the advisers our clients trust with their hardest questions, and the firm our people "
        "are proudest to work for.";
    for (int p = 0; p < c_.practice_count; ++p) {
      if (auto partner = Someone(p, kPartner)) {
        if (t.leader_id.empty()) t.leader_id = P(*partner).id;
        AddMember(t, P(*partner).id, p == 0 ? "managing partner" : "practice head");
      }
      if (t.members.size() >= 6) break;
    }
    if (t.members.empty()) {  // a firm without partners: its most senior person leads
      t.leader_id = P(0).id;
      AddMember(t, t.leader_id, "managing partner");
    }
    const size_t team = NewTeam(std::move(t), 4);
    ThemeGoals out;
    for (int k = 0; k < kThemeCount; ++k) {
      out[k] = AddGoal(team, "g-firm-" + std::to_string(k + 1),
                       FirmSpec(static_cast<Theme>(k), c_.options.people), "", /*level=*/0);
    }
    return out;
  }

  ThemeGoals AddPracticeSquad(int p, const ThemeGoals& firm) {
    const std::string name(Practices()[p].name);
    Team t;
    t.id = "team-practice-" + std::to_string(p + 1);
    t.kind = TeamKind::kPractice;
    t.name = name + " practice squad";
    t.purpose = "Make " + name +
                " the practice clients ask for by name, and the one our people choose to grow in.";
    const int size = rng().Range(3, 6);
    for (int k = 0; k < size * 3 && static_cast<int>(t.members.size()) < size; ++k) {
      auto person = Someone(p, k == 0 ? kPartner : rng().Range(kPartner, kManager));
      if (!person) break;
      if (t.leader_id.empty()) t.leader_id = P(*person).id;
      AddMember(t, P(*person).id, t.members.empty() ? "practice head" : "member");
    }
    const size_t team = NewTeam(std::move(t), 4);
    return AddTeamGoals(team, firm, /*level=*/1);
  }

  // Two to five goals, each aligned to the goal of its theme one level up.
  ThemeGoals AddTeamGoals(size_t team, const ThemeGoals& up, int level) {
    std::array<int, kThemeCount> themes = {kGrowth, kSatisfaction, kPeople, kQuality};
    for (int k = kThemeCount - 1; k > 0; --k) std::swap(themes[k], themes[rng().Below(k + 1)]);
    const int count = rng().Range(2, 5);
    ThemeGoals out;
    const std::string& id = c_.out.teams[team].id;
    for (int k = 0; k < count; ++k) {
      const auto theme = static_cast<Theme>(themes[k % kThemeCount]);
      GoalSpec spec = Spec(team, theme, level);
      const std::string goal =
          AddGoal(team, "g-" + id.substr(5) + "-" + std::to_string(k + 1), spec, up[theme], level);
      if (out[theme].empty()) out[theme] = goal;
    }
    return out;
  }

  GoalSpec Spec(size_t team, Theme theme, int level) {
    switch (level) {
      case 1: return PracticeSpecFor(theme, PracticeName(team), rng());
      case 2: return AccountSpec(theme, ClientName(team), rng());
      default: return EngagementSpec(theme, rng());
    }
  }

  std::string_view PracticeName(size_t team) const {
    const std::string& name = c_.out.teams[team].name;
    return std::string_view(name).substr(0,
                                         name.size() - std::string_view(" practice squad").size());
  }

  std::string ClientName(size_t team) const {
    const std::string& client = c_.out.teams[team].client_id;
    for (const Client& cl : c_.out.clients) {
      if (cl.id == client) return cl.name;
    }
    return client;
  }

  // Dates: firm and practice goals run for the year that ends in about a
  // month; account goals started up to a year ago; engagement goals run
  // with the engagement.
  std::pair<Date, Date> Dates(size_t team, int level) {
    const Date today = c_.options.today;
    if (level <= 1) {
      const Date start = AddDays(today, -(kYear - 35));
      return {start, AddDays(start, kYear)};
    }
    if (level == 2) {
      const Date start = AddDays(today, -rng().Range(120, kYear - 5));
      return {start, AddDays(start, kYear)};
    }
    const Engagement& e = *engagement_of_[team];
    const Date start = std::max(e.start, AddDays(today, -kYear));
    return {start, std::max(e.end, AddDays(start, 30))};
  }

  std::string AddGoal(size_t team_index, std::string id, const GoalSpec& spec,
                      const std::string& parent, int level) {
    const Team& team = c_.out.teams[team_index];
    Goal goal;
    goal.id = std::move(id);
    goal.team_id = team.id;
    goal.title = spec.title;
    goal.metric = spec.metric;
    goal.unit = spec.unit;
    goal.start_value = spec.start;
    goal.target_value = spec.target;
    goal.direction = spec.target > spec.start ? GoalDirection::kUp : GoalDirection::kDown;
    std::tie(goal.start_date, goal.due_date) = Dates(team_index, level);
    goal.parent_id = parent;
    // The owner: the leader half the time, else a member.
    std::vector<std::string_view> people;
    if (!team.leader_id.empty()) people.push_back(team.leader_id);
    for (const TeamMember& m : team.members) {
      if (m.person_id != team.leader_id) people.push_back(m.person_id);
    }
    goal.owner_id = std::string(people.size() > 1 && rng().Chance(0.5)
                                    ? people[1 + rng().Below(people.size() - 1)]
                                    : people[0]);
    std::unordered_set<std::string_view> used = {goal.owner_id};
    auto pick = [&](RaciRole role) {
      for (int tries = 0; tries < 4; ++tries) {
        std::string_view p = people[rng().Below(people.size())];
        if (used.insert(p).second) {
          goal.raci.push_back({std::string(p), role});
          return;
        }
      }
    };
    const int contributors = rng().Range(1, 2);
    for (int k = 0; k < contributors; ++k) pick(RaciRole::kResponsible);
    if (rng().Chance(0.4)) pick(RaciRole::kConsulted);
    if (rng().Chance(0.3)) pick(RaciRole::kInformed);
    c_.out.goals.push_back(std::move(goal));
    g_.pace.push_back(DrawPace(rng()));
    return c_.out.goals.back().id;
  }

  // One team per live engagement: its leader and the people staffed on it.
  void AddEngagementTeams(const std::unordered_map<std::string_view, ThemeGoals>& account,
                          const std::vector<ThemeGoals>& practice, const ThemeGoals& firm) {
    const Date today = c_.options.today;
    std::unordered_map<std::string_view, uint32_t> engagement_of_opening;
    std::unordered_map<std::string_view, uint32_t> engagement;
    for (uint32_t e = 0; e < c_.out.engagements.size(); ++e) {
      engagement.emplace(c_.out.engagements[e].id, e);
    }
    for (const Opening& o : c_.out.openings) {
      engagement_of_opening.emplace(o.id, engagement.at(o.engagement_id));
    }
    std::vector<std::vector<std::pair<uint32_t, const std::string*>>> staffed(
        c_.out.engagements.size());
    for (const Assignment& a : c_.out.assignments) {
      auto e = engagement_of_opening.find(a.opening_id);
      auto person = g_.person.find(a.person_id);
      if (e == engagement_of_opening.end() || person == g_.person.end()) continue;
      staffed[e->second].push_back({person->second, &a.opening_id});
    }
    std::unordered_map<std::string_view, const Opening*> opening;
    for (const Opening& o : c_.out.openings) opening.emplace(o.id, &o);
    for (uint32_t ei = 0; ei < c_.out.engagements.size(); ++ei) {
      const Engagement& e = c_.out.engagements[ei];
      if (e.status != EngagementStatus::kConfirmed || e.start > today || e.end < today) continue;
      Team t;
      t.id = "team-" + e.id;
      t.kind = TeamKind::kEngagement;
      t.engagement_id = e.id;
      t.name = e.name;
      const std::string kind = e.name.substr(0, e.name.rfind(", "));  // "Statutory audit 2025"
      t.purpose = "Leave " + ClientOf(e) + " certain of where it stands after the " +
                  LowerFirst(kind) + ": on time, within the agreed fee, with no surprises.";
      t.leader_id = e.leader_id;
      if (!t.leader_id.empty()) AddMember(t, t.leader_id, "engagement lead");
      for (const auto& [person, opening_id] : staffed[ei]) {
        if (static_cast<int>(t.members.size()) >= kMaxEngagementTeam) break;
        const Opening* o = opening.at(*opening_id);
        if (t.leader_id.empty() && o->lead) t.leader_id = P(person).id;
        AddMember(t, P(person).id, o->lead ? "engagement lead" : o->title);
      }
      if (t.members.empty()) continue;
      if (t.leader_id.empty()) t.leader_id = t.members.front().person_id;
      const size_t team = NewTeam(std::move(t), DrawCadence());
      engagement_of_.resize(c_.out.teams.size(), nullptr);
      engagement_of_[team] = &c_.out.engagements[ei];
      auto acct = account.find(e.client_id);
      ThemeGoals up = Fallback(acct != account.end() ? acct->second : ThemeGoals{},
                               Fallback(practice[c_.engagement_practice[ei]], firm));
      AddTeamGoals(team, up, /*level=*/3);
    }
  }

  std::string ClientOf(const Engagement& e) const {
    for (const Client& cl : c_.out.clients) {
      if (cl.id == e.client_id) return cl.name;
    }
    return e.client_id;
  }

  // "Statutory audit" -> "statutory audit"; "VAT review" stays.
  static std::string LowerFirst(std::string s) {
    const bool word = s.size() > 1 && s[1] >= 'a' && s[1] <= 'z';
    if (word && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
  }

  // The people of a team, leader first.
  static std::vector<std::string_view> People(const Team& t) {
    std::vector<std::string_view> out;
    if (!t.leader_id.empty()) out.push_back(t.leader_id);
    for (const TeamMember& m : t.members) {
      if (m.person_id != t.leader_id) out.push_back(m.person_id);
    }
    return out;
  }

  std::vector<RaciEntry> RowRaci(const Team& t) {
    std::vector<std::string_view> people = People(t);
    std::vector<RaciEntry> raci;
    const std::string_view accountable = people.size() > 1 && rng().Chance(0.3)
                                             ? people[1 + rng().Below(people.size() - 1)]
                                             : people[0];
    raci.push_back({std::string(accountable), RaciRole::kAccountable});
    for (std::string_view p : people) {
      if (p == accountable) continue;
      const double u = rng().Unit();
      if (u < 0.45) {
        raci.push_back({std::string(p), RaciRole::kResponsible});
      } else if (u < 0.6) {
        raci.push_back({std::string(p), RaciRole::kConsulted});
      } else if (u < 0.75) {
        raci.push_back({std::string(p), RaciRole::kInformed});
      }
    }
    return raci;
  }

  void AddDeliverables(size_t team) {
    const Team& t = c_.out.teams[team];
    if (t.members.empty() && t.leader_id.empty()) return;
    static constexpr std::string_view kEngagement[] = {"Kick-off plan", "Interim findings",
                                                       "Draft report", "Final report"};
    static constexpr std::string_view kAccount[] = {"Quarterly account review",
                                                    "Annual relationship plan"};
    const Date today = c_.options.today;
    std::vector<std::pair<std::string, Date>> items;
    switch (t.kind) {
      case TeamKind::kEngagement: {
        const Engagement& e = *engagement_of_[team];
        const int n = rng().Range(2, 4);
        for (int k = 0; k < n; ++k) {
          const int span = std::max(1, e.end.days - e.start.days);
          items.push_back({std::string(kEngagement[k]),
                           AddDays(e.start, span * (k + 1) / (n + 1) + rng().Range(0, 6))});
        }
        break;
      }
      case TeamKind::kAccount:
        for (int k = 0; k < rng().Range(1, 2); ++k) {
          items.push_back({std::string(kAccount[k]), AddDays(today, rng().Range(-60, 120))});
        }
        break;
      case TeamKind::kPractice:
        items.push_back({PracticeNameOf(t) + " plan for next year", AddDays(today, 40)});
        break;
      default: items.push_back({"Firm strategy refresh", AddDays(today, 60)}); break;
    }
    for (size_t k = 0; k < items.size(); ++k) {
      Deliverable d;
      d.id = "d-" + t.id.substr(5) + "-" + std::to_string(k + 1);
      d.team_id = t.id;
      d.name = items[k].first;
      d.due_date = items[k].second;
      d.status = d.due_date < today                ? (rng().Chance(0.9) ? DeliverableStatus::kDone
                                                                        : DeliverableStatus::kInProgress)
                 : d.due_date < AddDays(today, 30) ? DeliverableStatus::kInProgress
                                                   : DeliverableStatus::kPlanned;
      d.raci = RowRaci(t);
      c_.out.deliverables.push_back(std::move(d));
      deliverables_of_[team].push_back(c_.out.deliverables.size() - 1);
    }
  }

  static std::string PracticeNameOf(const Team& t) {
    return t.name.substr(0, t.name.size() - std::string_view(" practice squad").size());
  }

  void AddRelationships(size_t team) {
    static constexpr std::string_view kContacts[] = {"CFO", "General Counsel", "CEO", "Head of Tax",
                                                     "Chief Risk Officer"};
    const Team& t = c_.out.teams[team];
    const int n = rng().Range(1, 3);
    for (int k = 0; k < n; ++k) {
      ClientRelationship r;
      r.id = "r-" + t.id.substr(5) + "-" + std::to_string(k + 1);
      r.team_id = t.id;
      r.client_id = t.client_id;
      r.contact = std::string(kContacts[k]) + ", " +
                  std::string(FirstNames()[rng().Below(FirstNames().size())]) + " " +
                  std::string(LastNames()[rng().Below(LastNames().size())]);
      r.raci = RowRaci(t);
      c_.out.client_relationships.push_back(std::move(r));
    }
  }

  // A few teams of each broken kind, spread over the teams: an oversized
  // leadership team, a deliverable with two accountable people, one with none.
  void BreakSomeTeams(size_t account_teams) {
    const size_t per_kind = 1 + c_.out.teams.size() / kTeamsPerBrokenTeam;
    size_t oversized = 0;
    for (size_t t = 0; t < account_teams && oversized < per_kind; t += 7) {
      Team& team = c_.out.teams.mut()[t];
      if (!team.leadership_team) continue;
      // Partners and directors first, then anyone, until two above the bound.
      for (uint32_t i = 0;
           i < c_.out.people.size() && People(team).size() <= kDemoLeadershipBound + 1; ++i) {
        const uint32_t person = static_cast<uint32_t>((t * 7919 + i) % c_.out.people.size());
        if (c_.grade[person] <= kDirector || i >= c_.out.people.size() / 2) {
          AddMember(team, P(person).id, "member");
        }
      }
      ++oversized;
    }
    size_t two = 0;
    size_t none = 0;
    const size_t stride = std::max<size_t>(1, c_.out.teams.size() / (2 * per_kind + 1));
    for (size_t t = 1; t < c_.out.teams.size(); t += stride) {
      if (deliverables_of_[t].empty()) continue;
      Deliverable& d = c_.out.deliverables.mut()[deliverables_of_[t].front()];
      const std::vector<std::string_view> people = People(c_.out.teams[t]);
      if (two <= none && people.size() >= 2 && two < per_kind) {
        d.raci.clear();
        d.raci.push_back({std::string(people[0]), RaciRole::kAccountable});
        d.raci.push_back({std::string(people[1]), RaciRole::kAccountable});
        ++two;
      } else if (none < per_kind) {
        for (RaciEntry& e : d.raci) {
          if (e.role == RaciRole::kAccountable) e.role = RaciRole::kResponsible;
        }
        ++none;
      }
    }
  }

  // A member in no row gets a part in the team's first goal.
  void GiveEveryMemberARole() {
    std::vector<std::vector<size_t>> goals_of(c_.out.teams.size());
    std::unordered_map<std::string_view, size_t> team_index;
    for (size_t t = 0; t < c_.out.teams.size(); ++t) team_index.emplace(c_.out.teams[t].id, t);
    std::vector<std::unordered_set<std::string>> involved(c_.out.teams.size());
    auto note = [&](const std::string& team, const auto& raci) {
      auto& set = involved[team_index.at(team)];
      for (const RaciEntry& e : raci) set.insert(e.person_id);
    };
    for (size_t i = 0; i < c_.out.goals.size(); ++i) {
      const Goal& goal = c_.out.goals[i];
      if (goal.team_id.empty()) continue;
      goals_of[team_index.at(goal.team_id)].push_back(i);
      involved[team_index.at(goal.team_id)].insert(goal.owner_id);
      note(goal.team_id, goal.raci);
    }
    for (const Deliverable& d : c_.out.deliverables) note(d.team_id, d.raci);
    for (const ClientRelationship& r : c_.out.client_relationships) note(r.team_id, r.raci);
    for (size_t t = 0; t < c_.out.teams.size(); ++t) {
      if (goals_of[t].empty()) continue;
      Goal& first = c_.out.goals.mut()[goals_of[t].front()];
      for (const TeamMember& m : c_.out.teams[t].members) {
        if (involved[t].count(m.person_id) > 0) continue;
        first.raci.push_back({m.person_id, RaciRole::kInformed});
        involved[t].insert(m.person_id);
      }
    }
  }

  // About 3% of people keep one or two personal goals; some align to a goal
  // of a team they are on, some are shared.
  void AddPersonalGoals() {
    struct Spec {
      std::string_view title, metric, unit;
      double start, target;
    };
    static constexpr Spec kSpecs[] = {
        {"Pass the professional exams", "exam papers passed", "papers", 0, 4},
        {"Lead client meetings on my own", "client meetings led", "meetings", 0, 6},
        {"Write for the firm's client newsletter", "articles published", "articles", 0, 3},
        {"Bill fewer hours on weekends", "weekend hours per month", "hours", 12, 4},
        {"Coach a junior colleague", "coaching sessions", "sessions", 0, 10}};
    // Owner -> position of their first goal. Keyed by the people's ids, which
    // stay put: the goals vector grows below.
    std::unordered_map<std::string_view, size_t> first_goal_team;
    for (size_t i = 0; i < c_.out.goals.size(); ++i) {
      first_goal_team.emplace(P(g_.person.at(c_.out.goals[i].owner_id)).id, i);
    }
    const Date today = c_.options.today;
    for (uint32_t p = 0; p < c_.out.people.size(); ++p) {
      if (!rng().Chance(0.03)) continue;
      const int count = rng().Range(1, 2);
      for (int k = 0; k < count; ++k) {
        const Spec& spec = kSpecs[rng().Below(std::size(kSpecs))];
        Goal goal;
        goal.id = "g-" + P(p).id + "-" + std::to_string(k + 1);
        goal.title = std::string(spec.title);
        goal.metric = std::string(spec.metric);
        goal.unit = std::string(spec.unit);
        goal.start_value = spec.start;
        goal.target_value = spec.target;
        goal.direction = spec.target > spec.start ? GoalDirection::kUp : GoalDirection::kDown;
        goal.start_date = AddDays(today, -rng().Range(30, 300));
        goal.due_date = AddDays(goal.start_date, kYear);
        goal.owner_id = P(p).id;
        goal.shared = rng().Chance(0.4);
        auto team_goal = first_goal_team.find(P(p).id);
        if (team_goal != first_goal_team.end() && rng().Chance(0.3)) {
          goal.parent_id = c_.out.goals[team_goal->second].id;
        }
        c_.out.goals.push_back(std::move(goal));
        g_.pace.push_back(DrawPace(rng()));
      }
    }
  }

  GoalsContext& g_;
  Context& c_;
  std::vector<const Engagement*> engagement_of_;      // per team, for engagement teams
  std::vector<std::vector<size_t>> deliverables_of_;  // per team
};

}  // namespace

void GenerateGoalsAndRoles(Context& c) {
  GoalsContext g{c, Random(c.options.seed ^ kGoalsSalt), {}, {}, {}};
  g.person.reserve(c.out.people.size());
  for (uint32_t i = 0; i < c.out.people.size(); ++i) g.person.emplace(c.out.people[i].id, i);
  g.cadence_weeks.assign(c.out.teams.size(), 0);
  for (int& weeks : g.cadence_weeks) weeks = g.rng.Chance(0.6) ? 1 : 2;
  Builder(g).Run();
  AddProgressUpdates(g);
  AddPurposeHistory(g);
  AddClientLog(g);
}

}  // namespace guild::demo::internal
