#include "io/testing/io_test_support.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <sstream>

namespace guild::io::testing {

namespace {

Date D(const char* text) { return *ParseDate(text); }

std::string Opt(const std::optional<Date>& d) { return d ? FormatDate(*d) : "-"; }
std::string Opt(const std::optional<double>& v) { return v ? std::to_string(*v) : "-"; }
std::string Opt(const std::optional<int64_t>& v) { return v ? std::to_string(*v) : "-"; }

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += "[" + i + "]";
  return out;
}

void DumpPeople(const FirmData& d, std::ostream& out) {
  for (const auto& p : d.people) {
    out << p.id << "|" << p.name << "|" << p.email << "|" << p.title << "|" << p.grade << "|"
        << p.practice << "|" << p.office << "|" << p.manager_id << "|" << p.weekly_capacity_hours
        << "|" << Opt(p.start_date) << "|" << Opt(p.end_date) << "|" << Join(p.tags) << "|"
        << Opt(p.cost_rate) << "\n";
  }
}

void DumpSkills(const FirmData& d, std::ostream& out) {
  for (const auto& s : d.skills) {
    out << s.id << "|" << s.name << "|" << s.description << "|" << s.broader_id << "|"
        << Join(s.synonyms) << "|" << ToString(s.source) << "|" << ToString(s.kind) << "\n";
  }
  for (const auto& s : d.person_skills) {
    out << s.person_id << "|" << s.skill_id << "|" << ToString(s.source) << "|" << s.level << "|"
        << s.wants_to_grow << "|" << Opt(s.last_used) << "|" << Opt(s.rated_on) << "\n";
  }
  for (const auto& r : d.roles) {
    out << r.id << "|" << r.name << "|" << r.description << "|" << ToString(r.source);
    for (const auto& s : r.skills) {
      out << "|" << s.skill_id << ":" << s.level << ":" << s.importance << ":" << s.essential;
    }
    out << "\n";
  }
  for (const auto& h : d.skill_history) {
    out << h.person_id << "|" << h.skill_id << "|" << FormatDate(h.date) << "|" << h.level << "\n";
  }
}

void DumpWork(const FirmData& d, std::ostream& out) {
  for (const auto& c : d.clients) {
    out << c.id << "|" << c.name << "|" << c.industry << "|" << c.key_client << "\n";
  }
  for (const auto& e : d.engagements) {
    out << e.id << "|" << e.client_id << "|" << e.name << "|" << e.leader_id << "|"
        << FormatDate(e.start) << "|" << FormatDate(e.end) << "|" << ToString(e.status) << "\n";
  }
  for (const auto& o : d.openings) {
    out << o.id << "|" << o.engagement_id << "|" << o.title << "|" << o.hours_per_week << "|"
        << FormatDate(o.start) << "|" << FormatDate(o.end) << "|" << o.headcount << "|" << o.lead;
    for (const auto& r : o.required) out << "|" << r.skill_id << ":" << r.min_level;
    out << "\n";
  }
  for (const auto& a : d.assignments) {
    out << a.id << "|" << a.person_id << "|" << a.opening_id << "|" << a.hours_per_week << "|"
        << FormatDate(a.start) << "|" << FormatDate(a.end) << "|" << ToString(a.status) << "\n";
  }
  for (const auto& t : d.teams) {
    out << t.id << "|" << t.name << "|" << t.purpose << "|" << t.leader_id << "|" << t.client_id
        << "|" << t.leadership_team;
    for (const auto& m : t.members) out << "|" << m.person_id << ":" << m.role;
    out << "|" << ToString(t.kind) << "|" << t.engagement_id << "|" << t.checkin_cadence_days
        << "\n";
  }
  for (const auto& t : d.time_entries) {
    out << t.id << "|" << t.person_id << "|" << FormatDate(t.date) << "|" << t.hours << "|"
        << ToString(t.category) << "|" << t.engagement_id << "\n";
  }
  for (const auto& p : d.opening_preferences) {
    out << p.opening_id << "|" << p.person_id << "|" << ToString(p.kind) << "|" << p.note << "\n";
  }
}

std::string Raci(const std::vector<RaciEntry>& raci) {
  std::string out;
  for (const auto& e : raci) out += "[" + e.person_id + ":" + std::string(ToString(e.role)) + "]";
  return out;
}

void DumpGoals(const FirmData& d, std::ostream& out) {
  for (const auto& g : d.goals) {
    out << g.id << "|" << g.team_id << "|" << g.title << "|" << g.metric << "|" << g.unit << "|"
        << g.start_value << "|" << g.target_value << "|" << ToString(g.direction) << "|"
        << FormatDate(g.start_date) << "|" << FormatDate(g.due_date) << "|" << g.owner_id << "|"
        << Raci(g.raci) << "|" << g.parent_id << "|" << g.shared << "|" << Opt(g.current_value)
        << "|" << Opt(g.measured_on) << "\n";
  }
  for (const auto& u : d.goal_updates) {
    out << u.goal_id << "|" << FormatDate(u.date) << "|" << u.value << "|" << u.comment << "|"
        << u.author_id << "\n";
  }
  for (const auto& x : d.deliverables) {
    out << x.id << "|" << x.team_id << "|" << x.name << "|" << FormatDate(x.due_date) << "|"
        << ToString(x.status) << "|" << Raci(x.raci) << "\n";
  }
  for (const auto& r : d.client_relationships) {
    out << r.id << "|" << r.team_id << "|" << r.client_id << "|" << r.contact << "|" << Raci(r.raci)
        << "\n";
  }
  for (const auto& c : d.purpose_changes) {
    out << c.team_id << "|" << c.at << "|" << c.author_id << "|" << c.before << "|" << c.after
        << "\n";
  }
  for (const auto& e : d.client_log) {
    out << e.id << "|" << e.engagement_id << "|" << FormatDate(e.date) << "|" << e.author_id << "|"
        << e.changed << "|" << e.issues << "|" << e.resolution << "\n";
  }
}

void AddGoals(FirmData& f) {
  f.teams.push_back({"t3",
                     "Audit 2024 team",
                     "A clean opinion",
                     "p1",
                     "",
                     false,
                     {{"p3", "senior"}},
                     TeamKind::kEngagement,
                     "e1"});
  Goal renew;
  renew.id = "g1";
  renew.team_id = "t1";
  renew.title = "Acme renews, \"for 3 years\"";
  renew.metric = "satisfaction";
  renew.unit = "points";
  renew.start_value = 6.5;
  renew.target_value = 9;
  renew.start_date = D("2024-01-01");
  renew.due_date = D("2024-12-31");
  renew.owner_id = "p1";
  renew.raci = {{"p2", RaciRole::kResponsible}, {"p3", RaciRole::kInformed}};
  renew.current_value = 7.25;
  renew.measured_on = D("2024-03-31");
  Goal clean = renew;
  clean.id = "g2";
  clean.team_id = "t3";
  clean.title = "Clean opinion";
  clean.metric = "open findings";
  clean.unit = "";
  clean.start_value = 12;
  clean.target_value = 0;
  clean.direction = GoalDirection::kDown;
  clean.owner_id = "p3";
  clean.raci = {};
  clean.parent_id = "g1";
  clean.current_value.reset();
  clean.measured_on.reset();
  Goal german = clean;
  german.id = "g3";
  german.team_id = "";
  german.title = "Learn German";
  german.metric = "CEFR level";
  german.start_value = 1;
  german.target_value = 4;
  german.direction = GoalDirection::kUp;
  german.owner_id = "p2";
  german.parent_id = "";
  german.shared = true;
  f.goals = {renew, clean, german};
  f.goal_updates = {{"g1", D("2024-02-29"), 6.75, "first, \"early\"\nsigns", "p1"},
                    {"g1", D("2024-03-31"), 7.25, "", ""}};
  f.deliverables = {
      {"d1",
       "t1",
       "Board pack",
       D("2024-06-30"),
       DeliverableStatus::kInProgress,
       {{"p1", RaciRole::kAccountable}, {"p2", RaciRole::kResponsible}}},
      {"d2", "t3", "Findings memo", D("2024-09-30"), DeliverableStatus::kPlanned, {}}};
  f.client_relationships = {{"r1", "t1", "c1", "CFO, Jane Roe", {{"p1", RaciRole::kAccountable}}}};
  f.purpose_changes = {{"t1", 1'700'000'000, "p1", "Keep Acme", "Keep Acme \"delighted\""}};
  f.client_log = {{"l1", "e1", D("2024-02-01"), "p1", "New CFO; budget, cut", "Late data",
                   "Weekly call\nwith controller"}};
}

void DumpCheckins(const FirmData& d, std::ostream& out) {
  for (const auto& c : d.checkins) {
    out << c.id << "|" << c.team_id << "|" << c.person_id << "|" << FormatDate(c.cycle_start) << "|"
        << c.client_change << "|" << c.note << "|" << c.updated_at << "|" << Opt(c.submitted_at)
        << "\n";
  }
  for (const auto& b : d.checkin_blockers) {
    out << b.id << "|" << b.team_id << "|" << b.person_id << "|" << b.checkin_id << "|" << b.text
        << "|" << FormatDate(b.opened_on) << "|" << Opt(b.resolved_on) << "\n";
  }
  for (const auto& q : d.checkin_questions) {
    out << q.id << "|" << q.checkin_id << "|" << q.team_id << "|" << q.asker_id << "|"
        << q.addressee_id << "|" << q.text << "|" << q.asked_at << "|" << q.answer << "|"
        << Opt(q.answered_at) << "\n";
  }
  for (const auto& r : d.feedback_requests) {
    out << r.id << "|" << r.requester_id << "|" << ToString(r.event_kind) << "|" << r.event << "|"
        << FormatDate(r.event_date) << "|" << r.engagement_id << "|" << r.asked_at << "|"
        << FormatDate(r.expires_on) << "\n";
  }
  for (const auto& a : d.feedback_answers) {
    out << a.request_id << "|" << a.reviewer_id << "|" << ToString(a.status) << "|"
        << a.most_effective << "|" << a.do_better << "|" << Opt(a.responded_at) << "|"
        << a.shared_with_id << "|" << Opt(a.shared_at) << "\n";
  }
  for (const auto& i : d.inbox_items) {
    out << i.id << "|" << i.person_id << "|" << ToString(i.kind) << "|" << i.ref_id << "|"
        << i.from_id << "|" << i.text << "|" << i.created_at << "|" << Opt(i.read_at) << "\n";
  }
  for (const auto& m : d.mentorships) {
    out << m.id << "|" << m.mentee_id << "|" << m.mentor_id << "|" << Join(m.skill_ids) << "|"
        << ToString(m.status) << "|" << m.asked_at << "|" << Opt(m.started_on) << "|"
        << Opt(m.review_on) << "|" << m.message << "|" << Opt(m.ended_on) << "\n";
  }
}

void AddCheckins(FirmData& f) {
  f.teams.mut()[1].checkin_cadence_days = 14;
  f.teams.mut()[2].checkin_cadence_days = 0;
  f.checkins = {{"ci1", "t1", "p2", D("2024-03-04"), "CFO left, \"interim\" named",
                 "Busy week,\nsee notes", 1'709'550'000, 1'709'560'000},
                {"ci2", "t1", "p3", D("2024-03-04"), "", "", 1'709'551'000, std::nullopt}};
  f.checkin_blockers = {
      {"b1", "t1", "p2", "ci1", "No data, \"yet\"", D("2024-03-04"), std::nullopt},
      {"b2", "t1", "p2", "ci1", "VPN", D("2024-02-26"), D("2024-03-04")}};
  f.checkin_questions = {
      {"q1", "ci1", "t1", "p2", "p1", "Which format, PDF?", 1'709'560'000, "PDF, signed",
       1'709'600'000},
      {"q2", "ci1", "t1", "p2", "p3", "Cover Friday?", 1'709'560'000, "", std::nullopt}};
  f.feedback_requests = {{"fr1", "p2", FeedbackEventKind::kPitch, "Pitch to Acme, \"board\"",
                          D("2024-03-01"), "e1", 1'709'300'000, D("2024-03-31")},
                         {"fr2", "p3", FeedbackEventKind::kMeeting, "Offsite", D("2024-03-05"), "",
                          1'709'650'000, D("2024-03-05")}};
  f.feedback_answers = {
      {"fr1", "p1", FeedbackAnswerStatus::kAnswered, "Clear story", "Shorter deck;\nfewer slides",
       1'709'400'000, "p3", 1'709'500'000},
      {"fr1", "p3", FeedbackAnswerStatus::kPending, "", "", std::nullopt, "", std::nullopt},
      {"fr2", "p1", FeedbackAnswerStatus::kDeclined, "", "", 1'709'700'000, "", std::nullopt}};
  f.inbox_items = {{"i1", "p1", InboxItemKind::kQuestion, "q1", "p2", "Bob asks, \"format?\"",
                    1'709'560'000, 1'709'600'000},
                   {"i2", "p2", InboxItemKind::kNudge, "t1", "", "", 1'709'700'000, std::nullopt}};
  f.mentorships = {{"m1",
                    "p2",
                    "p1",
                    {"firm:tax", "esco:1f2e"},
                    MentorshipStatus::kActive,
                    1'709'560'000,
                    D("2024-03-05"),
                    D("2024-06-03"),
                    "Help with \"tax\",\nplease",
                    std::nullopt},
                   {"m2",
                    "p3",
                    "p1",
                    {"onet:2.A.1.a"},
                    MentorshipStatus::kRequested,
                    1'709'700'000,
                    std::nullopt,
                    std::nullopt,
                    "",
                    std::nullopt}};
}

}  // namespace

TempStore::TempStore() {
  std::string pattern = (std::filesystem::temp_directory_path() / "guild_io_XXXXXX").string();
  dir_ = mkdtemp(pattern.data());
  StoreOptions options;
  options.url = dir_ + "/guild.db";
  options.durability = Durability::kOff;
  auto store = OpenStore(options);
  if (!store.ok()) ADD_FAILURE() << store.status().ToString();
  if (store.ok()) store_ = std::move(store).value();
}

TempStore::~TempStore() {
  store_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(dir_, ignored);
}

int64_t TempStore::TotalCount() {
  int64_t total = 0;
  for (EntityKind kind : kAllEntityKinds) {
    auto count = store_->Count(kind);
    total += count.ok() ? *count : -1'000'000;
  }
  return total;
}

FirmData RichFirm() {
  FirmData f;
  Person ann{"p1",           "Ann \"Nan\" O'Neil, CPA",
             "ann@firm.com", "Tax\nPartner",
             "partner",      "Tax",
             "Zürich",       "",
             45.5,           D("2010-01-04"),
             std::nullopt,   {"mentor", "tax-lead"},
             180.25};
  Person bob{"p2", "Bob Lee", "Bob@Firm.com", "",           "associate", "",          "",
             "p1", 40,        std::nullopt,   std::nullopt, {},          std::nullopt};
  Person cy{"p3", "Cy 東京", "cy@firm.com",   "Manager",       "manager",     "Audit", "London",
            "p1", 37.5,      D("2019-09-01"), D("2024-12-31"), {"part-time"}, 0};
  f.people = {ann, bob, cy};
  f.skills = {
      {"firm:tax",
       "Tax, corporate",
       "Company tax\n\"structuring\"",
       "",
       {"CIT", "tax"},
       SkillSource::kFirm,
       SkillKind::kKnowledge},
      {"onet:2.A.1.a", "Reading", "", "firm:tax", {}, SkillSource::kOnet, SkillKind::kSkill},
      {"esco:1f2e", "Excel", "", "", {"spreadsheets"}, SkillSource::kEsco, SkillKind::kTechnology}};
  f.person_skills = {
      {"p1", "firm:tax", RatingSource::kSelf, 5, true, D("2024-01-02"), D("2024-02-03")},
      {"p1", "firm:tax", RatingSource::kManager, 4, false, std::nullopt, std::nullopt},
      {"p2", "onet:2.A.1.a", RatingSource::kAssessed, 2, true, std::nullopt, D("2023-05-06")}};
  f.roles = {{"firm:senior",
              "Senior, tax",
              "Leads \"small\" jobs",
              RoleSource::kFirm,
              {{"firm:tax", 3, 4.5, true}, {"onet:2.A.1.a", 2, 3, false}}},
             {"onet:13-2011.00", "Accountant", "", RoleSource::kOnet, {}}};
  f.clients = {{"c1", "Acme, Inc.", "Manufacturing", true}, {"c2", "Béta", "", false}};
  f.engagements = {
      {"e1", "c1", "Audit 2024", "p1", D("2024-01-01"), D("2024-06-30"),
       EngagementStatus::kConfirmed},
      {"e2", "c2", "Advice", "", D("2024-03-01"), D("2024-03-01"), EngagementStatus::kTentative}};
  f.openings = {{"o1",
                 "e1",
                 "Senior, audit",
                 {{"firm:tax", 3}, {"onet:2.A.1.a", 2}},
                 20.5,
                 D("2024-01-01"),
                 D("2024-03-31"),
                 2},
                {"o2", "e2", "", {}, 8, D("2024-03-01"), D("2024-03-01"), 1, true}};
  f.assignments = {
      {"a1", "p2", "o1", 20.5, D("2024-01-01"), D("2024-03-31"), AssignmentStatus::kConfirmed}};
  f.teams = {{"t1",
              "Acme account",
              "Keep Acme \"delighted\"",
              "p1",
              "c1",
              true,
              {{"p1", "lead"}, {"p2", "member"}, {"p3", ""}}},
             {"t2", "Tax guild", "", "", "", false, {}}};
  f.time_entries = {{"te1", "p2", D("2024-01-08"), 7.25, TimeCategory::kBillable, "e1"},
                    {"te2", "p1", D("2024-01-09"), 1.5, TimeCategory::kClientDevelopment, ""},
                    {"te3", "p3", D("2024-02-12"), 8, TimeCategory::kTimeOff, ""}};
  f.skill_history = {{"p2", "onet:2.A.1.a", D("2022-01-01"), 1},
                     {"p2", "onet:2.A.1.a", D("2023-05-06"), 2}};
  f.opening_preferences = {
      {"o1", "p2", PreferenceKind::kVolunteer, "Wants audit work, \"any\" role,\nsoon"},
      {"o1", "p3", PreferenceKind::kExcluded, ""},
      {"o2", "p1", PreferenceKind::kPinned, "Knows the client"}};
  f.teams.mut()[0].kind = TeamKind::kAccount;
  AddGoals(f);
  AddCheckins(f);
  return f;
}

std::string Dump(const FirmData& data, EntityKind kind) {
  FirmData only;
  switch (kind) {
    case EntityKind::kPeople: only.people = data.people; break;
    case EntityKind::kSkills: only.skills = data.skills; break;
    case EntityKind::kPersonSkills: only.person_skills = data.person_skills; break;
    case EntityKind::kRoles: only.roles = data.roles; break;
    case EntityKind::kClients: only.clients = data.clients; break;
    case EntityKind::kEngagements: only.engagements = data.engagements; break;
    case EntityKind::kOpenings: only.openings = data.openings; break;
    case EntityKind::kAssignments: only.assignments = data.assignments; break;
    case EntityKind::kTeams: only.teams = data.teams; break;
    case EntityKind::kTimeEntries: only.time_entries = data.time_entries; break;
    case EntityKind::kSkillHistory: only.skill_history = data.skill_history; break;
    case EntityKind::kOpeningPreferences:
      only.opening_preferences = data.opening_preferences;
      break;
    case EntityKind::kGoals: only.goals = data.goals; break;
    case EntityKind::kGoalUpdates: only.goal_updates = data.goal_updates; break;
    case EntityKind::kDeliverables: only.deliverables = data.deliverables; break;
    case EntityKind::kClientRelationships:
      only.client_relationships = data.client_relationships;
      break;
    case EntityKind::kPurposeChanges: only.purpose_changes = data.purpose_changes; break;
    case EntityKind::kClientLog: only.client_log = data.client_log; break;
    case EntityKind::kCheckins: only.checkins = data.checkins; break;
    case EntityKind::kCheckinBlockers: only.checkin_blockers = data.checkin_blockers; break;
    case EntityKind::kCheckinQuestions: only.checkin_questions = data.checkin_questions; break;
    case EntityKind::kFeedbackRequests: only.feedback_requests = data.feedback_requests; break;
    case EntityKind::kFeedbackAnswers: only.feedback_answers = data.feedback_answers; break;
    case EntityKind::kInboxItems: only.inbox_items = data.inbox_items; break;
    case EntityKind::kMentorships: only.mentorships = data.mentorships; break;
  }
  std::ostringstream out;
  out.precision(17);
  DumpPeople(only, out);
  DumpSkills(only, out);
  DumpWork(only, out);
  DumpGoals(only, out);
  DumpCheckins(only, out);
  return out.str();
}

}  // namespace guild::io::testing
