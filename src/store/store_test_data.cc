// Sample firms and dumps for the store conformance suite.
#include <algorithm>
#include <sstream>
#include <tuple>

#include "store/store_test_checkins.h"
#include "store/store_test_support.h"

namespace guild::store::testing {

namespace {

Date D(const char* text) { return *ParseDate(text); }

std::string Opt(const std::optional<Date>& d) { return d ? FormatDate(*d) : "-"; }
std::string Opt(const std::optional<double>& v) {
  if (!v) return "-";
  std::ostringstream out;
  out.precision(17);
  out << *v;
  return out.str();
}
std::string Num(double v) { return Opt(std::optional<double>(v)); }

template <typename T>
std::string Join(const std::vector<T>& items, std::string (*one)(const T&)) {
  std::string out = "[";
  for (const T& item : items) out += one(item) + ";";
  return out + "]";
}
std::string Quote(const std::string& s) { return "'" + s + "'"; }

void AddPeopleAndSkills(FirmData& f) {
  f.people.push_back(Person{.id = "p2",
                            .name = "Zoë Ångström 山田 🚀",
                            .email = "zoe@example.com",
                            .title = "Senior\tManager\\Tax\nline",
                            .grade = "manager",
                            .practice = "Tax",
                            .office = "Zürich",
                            .manager_id = "p1",
                            .weekly_capacity_hours = 37.5,
                            .start_date = D("2019-03-01"),
                            .end_date = D("2030-12-31"),
                            .tags = {"mentor", "ünïcode", ""},
                            .cost_rate = 0.1});
  f.people.push_back(Person{.id = "p1",
                            .name = "Ada",
                            .email = "ada@example.com",
                            .title = "Partner",
                            .grade = "partner",
                            .practice = "Audit",
                            .office = "London",
                            .weekly_capacity_hours = 40});
  f.people.push_back(Person{.id = "p3",
                            .name = "Bo",
                            .email = "bo@example.com",
                            .title = "",
                            .grade = "associate",
                            .practice = "",
                            .office = "",
                            .manager_id = "p2",
                            .weekly_capacity_hours = 20.25,
                            .start_date = D("2024-02-29"),
                            .cost_rate = 0});
  f.skills.push_back(Skill{.id = "onet:2.A.1.b",
                           .name = "Active Listening",
                           .description = "Giving full attention",
                           .broader_id = "onet:2.A",
                           .synonyms = {"listening", "écoute"},
                           .source = SkillSource::kOnet,
                           .kind = SkillKind::kSkill});
  f.skills.push_back(Skill{.id = "onet:2.A",
                           .name = "Basic Skills",
                           .source = SkillSource::kOnet,
                           .kind = SkillKind::kKnowledge});
  f.skills.push_back(Skill{.id = "firm:tax",
                           .name = "Tax structuring",
                           .description = "Cross-border",
                           .source = SkillSource::kFirm,
                           .kind = SkillKind::kTechnology});
}

void AddRatings(FirmData& f) {
  f.person_skills.push_back(PersonSkill{.person_id = "p2",
                                        .skill_id = "firm:tax",
                                        .source = RatingSource::kSelf,
                                        .level = 4,
                                        .wants_to_grow = true,
                                        .last_used = D("2024-05-01"),
                                        .rated_on = D("2024-06-01")});
  f.person_skills.push_back(PersonSkill{
      .person_id = "p2", .skill_id = "firm:tax", .source = RatingSource::kManager, .level = 3});
  f.person_skills.push_back(PersonSkill{.person_id = "p1",
                                        .skill_id = "onet:2.A.1.b",
                                        .source = RatingSource::kAssessed,
                                        .level = 5,
                                        .rated_on = D("2023-01-15")});
  f.skill_history.push_back(SkillHistoryEntry{
      .person_id = "p2", .skill_id = "firm:tax", .date = D("2023-01-01"), .level = 2});
  f.skill_history.push_back(SkillHistoryEntry{
      .person_id = "p2", .skill_id = "firm:tax", .date = D("2022-01-01"), .level = 1});
}

void AddWork(FirmData& f) {
  f.roles.push_back(Role{
      .id = "onet:13-2011.00",
      .name = "Accountant",
      .description = "Counts",
      .source = RoleSource::kOnet,
      .skills = {{.skill_id = "firm:tax", .level = 4, .importance = 4.5, .essential = true},
                 {.skill_id = "onet:2.A.1.b", .level = 2, .importance = 1, .essential = false}}});
  f.roles.push_back(Role{.id = "firm:empty", .name = "Empty role", .source = RoleSource::kFirm});
  f.clients.push_back(
      Client{.id = "c1", .name = "Acme GmbH", .industry = "Manufacturing", .key_client = true});
  f.clients.push_back(Client{.id = "c0", .name = "Zed", .industry = "", .key_client = false});
  f.engagements.push_back(Engagement{.id = "e1",
                                     .client_id = "c1",
                                     .name = "Audit 2024",
                                     .leader_id = "p1",
                                     .start = D("2024-01-01"),
                                     .end = D("2024-12-31"),
                                     .status = EngagementStatus::kConfirmed});
  f.engagements.push_back(Engagement{.id = "e2",
                                     .client_id = "c0",
                                     .name = "Pitch",
                                     .start = D("2025-01-01"),
                                     .end = D("2025-01-01"),
                                     .status = EngagementStatus::kCancelled});
  f.openings.push_back(Opening{.id = "o1",
                               .engagement_id = "e1",
                               .title = "Tax lead",
                               .required = {{"firm:tax", 4}, {"onet:2.A.1.b", 2}},
                               .hours_per_week = 12.5,
                               .start = D("2024-02-01"),
                               .end = D("2024-06-30"),
                               .headcount = 2});
  f.openings.push_back(Opening{.id = "o2",
                               .engagement_id = "e2",
                               .title = "Any",
                               .hours_per_week = 40,
                               .start = D("2025-01-01"),
                               .end = D("2025-01-01"),
                               .lead = true});
  f.assignments.push_back(Assignment{.id = "a1",
                                     .person_id = "p2",
                                     .opening_id = "o1",
                                     .hours_per_week = 12.5,
                                     .start = D("2024-02-01"),
                                     .end = D("2024-03-31"),
                                     .status = AssignmentStatus::kConfirmed});
  f.teams.push_back(Team{.id = "t1",
                         .name = "Acme account",
                         .purpose = "Keep Acme 💼",
                         .leader_id = "p1",
                         .client_id = "c1",
                         .leadership_team = true,
                         .members = {{"p2", "lead"}, {"p1", "coach"}, {"p3", "member"}}});
  f.teams.push_back(Team{.id = "t0", .name = "Solo", .purpose = ""});
  f.teams.push_back(Team{.id = "t2",
                         .name = "Audit 2024 team",
                         .purpose = "Sign off a clean audit",
                         .leader_id = "p1",
                         .members = {{"p3", "member"}},
                         .kind = TeamKind::kEngagement,
                         .engagement_id = "e1"});
  f.teams.mut()[0].kind = TeamKind::kAccount;
  f.time_entries.push_back(TimeEntry{.id = "te2",
                                     .person_id = "p2",
                                     .date = D("2024-02-05"),
                                     .hours = 7.75,
                                     .category = TimeCategory::kBillable,
                                     .engagement_id = "e1"});
  f.time_entries.push_back(TimeEntry{.id = "te1",
                                     .person_id = "p3",
                                     .date = D("2024-02-06"),
                                     .hours = 1,
                                     .category = TimeCategory::kClientDevelopment});
  f.time_entries.push_back(TimeEntry{.id = "te3",
                                     .person_id = "p1",
                                     .date = D("2025-03-03"),
                                     .hours = 8,
                                     .category = TimeCategory::kTimeOff});
  // Out of key order on purpose: Load returns them by (opening_id, person_id).
  f.opening_preferences.push_back(OpeningPreference{.opening_id = "o2",
                                                    .person_id = "p1",
                                                    .kind = PreferenceKind::kPinned,
                                                    .note = "Knows Zed's \"CFO\"\tand\nboard"});
  f.opening_preferences.push_back(OpeningPreference{
      .opening_id = "o1", .person_id = "p3", .kind = PreferenceKind::kExcluded, .note = ""});
  f.opening_preferences.push_back(OpeningPreference{.opening_id = "o1",
                                                    .person_id = "p2",
                                                    .kind = PreferenceKind::kVolunteer,
                                                    .note = "Wants tax 🚀"});
}

void AddGoals(FirmData& f) {
  // Children before parents on purpose: parent_id is checked at commit.
  f.goals.push_back(Goal{.id = "g2",
                         .team_id = "t2",
                         .title = "Clean opinion 🚀",
                         .metric = "open findings",
                         .unit = "",
                         .start_value = 12,
                         .target_value = 0.5,
                         .direction = GoalDirection::kDown,
                         .start_date = D("2024-01-01"),
                         .due_date = D("2024-12-31"),
                         .owner_id = "p3",
                         .raci = {{"p1", RaciRole::kConsulted}, {"p2", RaciRole::kInformed}},
                         .parent_id = "g1",
                         .current_value = 3.25,
                         .measured_on = D("2024-06-30")});
  f.goals.push_back(Goal{.id = "g1",
                         .team_id = "t1",
                         .title = "Acme renews",
                         .metric = "satisfaction",
                         .unit = "points\t/10",
                         .start_value = -1,
                         .target_value = 9,
                         .start_date = D("2024-01-01"),
                         .due_date = D("2025-06-30"),
                         .owner_id = "p2",
                         .raci = {{"p3", RaciRole::kResponsible}}});
  f.goals.push_back(Goal{.id = "g3",
                         .title = "Learn German",
                         .metric = "CEFR level",
                         .unit = "level",
                         .start_value = 1,
                         .target_value = 4,
                         .start_date = D("2024-03-01"),
                         .due_date = D("2025-03-01"),
                         .owner_id = "p3",
                         .shared = true});
  f.goal_updates.push_back(GoalUpdate{.goal_id = "g2",
                                      .date = D("2024-06-30"),
                                      .value = 3.25,
                                      .comment = "Two \"findings\" closed\nmore",
                                      .author_id = "p3"});
  f.goal_updates.push_back(
      GoalUpdate{.goal_id = "g2", .date = D("2024-03-31"), .value = 8, .comment = ""});
  f.deliverables.push_back(Deliverable{.id = "d1",
                                       .team_id = "t1",
                                       .name = "Board pack",
                                       .due_date = D("2024-09-30"),
                                       .status = DeliverableStatus::kInProgress,
                                       .raci = {{"p2", RaciRole::kAccountable},
                                                {"p3", RaciRole::kResponsible},
                                                {"p1", RaciRole::kConsulted}}});
  f.deliverables.push_back(Deliverable{.id = "d0",
                                       .team_id = "t0",
                                       .name = "Nothing yet",
                                       .due_date = D("2025-01-01"),
                                       .status = DeliverableStatus::kCancelled});
  f.client_relationships.push_back(
      ClientRelationship{.id = "r1",
                         .team_id = "t1",
                         .client_id = "c1",
                         .contact = "CFO, Jane Roe",
                         .raci = {{"p1", RaciRole::kAccountable}, {"p2", RaciRole::kInformed}}});
  f.purpose_changes.push_back(PurposeChange{.team_id = "t1",
                                            .at = 1'700'000'000,
                                            .author_id = "p1",
                                            .before = "",
                                            .after = "Keep Acme 💼"});
  f.purpose_changes.push_back(
      PurposeChange{.team_id = "t1", .at = 1'600'000'000, .before = "x", .after = ""});
  f.client_log.push_back(ClientLogEntry{.id = "l2",
                                        .engagement_id = "e1",
                                        .date = D("2024-05-02"),
                                        .author_id = "p2",
                                        .changed = "New CFO",
                                        .issues = "Late data",
                                        .resolution = "Weekly call"});
  f.client_log.push_back(ClientLogEntry{
      .id = "l1", .engagement_id = "e1", .date = D("2024-04-01"), .changed = "Kick-off"});
}

template <typename T, typename Key>
void SortBy(SharedVector<T>& shared, Key key) {
  std::vector<T>& items = shared.mut();
  std::stable_sort(items.begin(), items.end(),
                   [&](const T& a, const T& b) { return key(a) < key(b); });
}

std::string Raci(const RaciEntry& e) { return e.person_id + ":" + std::string(ToString(e.role)); }

void DumpGoals(const FirmData& f, std::ostringstream& out) {
  for (const Goal& g : f.goals) {
    out << "goal " << Quote(g.id) << Quote(g.team_id) << Quote(g.title) << Quote(g.metric)
        << Quote(g.unit) << Num(g.start_value) << " " << Num(g.target_value) << " "
        << ToString(g.direction) << " " << FormatDate(g.start_date) << " " << FormatDate(g.due_date)
        << " " << Quote(g.owner_id) << Quote(g.parent_id) << g.shared << " " << Opt(g.current_value)
        << " " << Opt(g.measured_on) << " " << Join<RaciEntry>(g.raci, &Raci) << "\n";
  }
  for (const GoalUpdate& u : f.goal_updates) {
    out << "update " << Quote(u.goal_id) << FormatDate(u.date) << " " << Num(u.value) << " "
        << Quote(u.comment) << Quote(u.author_id) << "\n";
  }
  for (const Deliverable& d : f.deliverables) {
    out << "deliverable " << Quote(d.id) << Quote(d.team_id) << Quote(d.name)
        << FormatDate(d.due_date) << " " << ToString(d.status) << " "
        << Join<RaciEntry>(d.raci, &Raci) << "\n";
  }
  for (const ClientRelationship& r : f.client_relationships) {
    out << "relationship " << Quote(r.id) << Quote(r.team_id) << Quote(r.client_id)
        << Quote(r.contact) << Join<RaciEntry>(r.raci, &Raci) << "\n";
  }
  for (const PurposeChange& c : f.purpose_changes) {
    out << "purpose " << Quote(c.team_id) << c.at << " " << Quote(c.author_id) << Quote(c.before)
        << Quote(c.after) << "\n";
  }
  for (const ClientLogEntry& e : f.client_log) {
    out << "log " << Quote(e.id) << Quote(e.engagement_id) << FormatDate(e.date) << " "
        << Quote(e.author_id) << Quote(e.changed) << Quote(e.issues) << Quote(e.resolution) << "\n";
  }
}

}  // namespace

FirmData SampleFirm() {
  FirmData f;
  AddPeopleAndSkills(f);
  AddRatings(f);
  AddWork(f);
  AddGoals(f);
  AddCheckins(f);
  return f;
}

FirmData SortedByKey(FirmData f) {
  auto by_id = [](const auto& x) { return x.id; };
  SortBy(f.people, by_id);
  SortBy(f.skills, by_id);
  SortBy(f.roles, by_id);
  SortBy(f.clients, by_id);
  SortBy(f.engagements, by_id);
  SortBy(f.openings, by_id);
  SortBy(f.assignments, by_id);
  SortBy(f.teams, by_id);
  SortBy(f.time_entries, by_id);
  SortBy(f.goals, by_id);
  SortBy(f.deliverables, by_id);
  SortBy(f.client_relationships, by_id);
  SortBy(f.client_log, by_id);
  SortBy(f.goal_updates, [](const GoalUpdate& u) { return std::make_tuple(u.goal_id, u.date); });
  SortBy(f.purpose_changes,
         [](const PurposeChange& c) { return std::make_tuple(c.team_id, c.at); });
  // Person skills order by the source's name, as stored.
  SortBy(f.person_skills, [](const PersonSkill& p) {
    return std::make_tuple(p.person_id, p.skill_id, std::string(ToString(p.source)));
  });
  SortBy(f.skill_history, [](const SkillHistoryEntry& h) {
    return std::make_tuple(h.person_id, h.skill_id, h.date);
  });
  SortBy(f.opening_preferences,
         [](const OpeningPreference& p) { return std::make_tuple(p.opening_id, p.person_id); });
  SortCheckinsByKey(f);
  return f;
}

std::string Dump(const FirmData& f) {
  std::ostringstream out;
  for (const Person& p : f.people) {
    out << "person " << Quote(p.id) << Quote(p.name) << Quote(p.email) << Quote(p.title)
        << Quote(p.grade) << Quote(p.practice) << Quote(p.office) << Quote(p.manager_id) << " "
        << Num(p.weekly_capacity_hours) << " " << Opt(p.start_date) << " " << Opt(p.end_date) << " "
        << Opt(p.cost_rate) << " " << Join<std::string>(p.tags, &Quote) << "\n";
  }
  for (const Skill& s : f.skills) {
    out << "skill " << Quote(s.id) << Quote(s.name) << Quote(s.description) << Quote(s.broader_id)
        << ToString(s.source) << " " << ToString(s.kind) << " "
        << Join<std::string>(s.synonyms, &Quote) << "\n";
  }
  for (const PersonSkill& p : f.person_skills) {
    out << "rating " << Quote(p.person_id) << Quote(p.skill_id) << ToString(p.source) << " "
        << p.level << " " << p.wants_to_grow << " " << Opt(p.last_used) << " " << Opt(p.rated_on)
        << "\n";
  }
  for (const Role& r : f.roles) {
    out << "role " << Quote(r.id) << Quote(r.name) << Quote(r.description) << ToString(r.source)
        << " "
        << Join<RoleSkill>(r.skills,
                           [](const RoleSkill& k) {
                             return k.skill_id + "@" + std::to_string(k.level) + "/" +
                                    Num(k.importance) + "/" + std::to_string(k.essential);
                           })
        << "\n";
  }
  for (const Client& c : f.clients) {
    out << "client " << Quote(c.id) << Quote(c.name) << Quote(c.industry) << c.key_client << "\n";
  }
  for (const Engagement& e : f.engagements) {
    out << "engagement " << Quote(e.id) << Quote(e.client_id) << Quote(e.name) << Quote(e.leader_id)
        << FormatDate(e.start) << " " << FormatDate(e.end) << " " << ToString(e.status) << "\n";
  }
  for (const Opening& o : f.openings) {
    out << "opening " << Quote(o.id) << Quote(o.engagement_id) << Quote(o.title)
        << Num(o.hours_per_week) << " " << FormatDate(o.start) << " " << FormatDate(o.end) << " "
        << o.headcount << " " << (o.lead ? "lead " : "")
        << Join<SkillRequirement>(o.required,
                                  [](const SkillRequirement& r) {
                                    return r.skill_id + ">=" + std::to_string(r.min_level);
                                  })
        << "\n";
  }
  for (const Assignment& a : f.assignments) {
    out << "assignment " << Quote(a.id) << Quote(a.person_id) << Quote(a.opening_id)
        << Num(a.hours_per_week) << " " << FormatDate(a.start) << " " << FormatDate(a.end) << " "
        << ToString(a.status) << "\n";
  }
  for (const Team& t : f.teams) {
    out << "team " << Quote(t.id) << Quote(t.name) << Quote(t.purpose) << Quote(t.leader_id)
        << Quote(t.client_id) << t.leadership_team << " "
        << Join<TeamMember>(t.members,
                            [](const TeamMember& m) { return m.person_id + ":" + m.role; })
        << " " << ToString(t.kind) << " " << Quote(t.engagement_id) << t.checkin_cadence_days
        << "\n";
  }
  for (const TimeEntry& e : f.time_entries) {
    out << "time " << Quote(e.id) << Quote(e.person_id) << FormatDate(e.date) << " " << Num(e.hours)
        << " " << ToString(e.category) << " " << Quote(e.engagement_id) << "\n";
  }
  for (const SkillHistoryEntry& h : f.skill_history) {
    out << "history " << Quote(h.person_id) << Quote(h.skill_id) << FormatDate(h.date) << " "
        << h.level << "\n";
  }
  for (const OpeningPreference& p : f.opening_preferences) {
    out << "preference " << Quote(p.opening_id) << Quote(p.person_id) << ToString(p.kind) << " "
        << Quote(p.note) << "\n";
  }
  DumpGoals(f, out);
  DumpCheckins(f, out);
  return out.str();
}

}  // namespace guild::store::testing
