#include "demo/demo.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "demo/testing/demo_firm.h"
#include "domain/validate.h"

namespace guild {
namespace {

using demo::testing::GenerateDemo;
using demo::testing::kDemoToday;
using demo::testing::ShippedTaxonomy;

template <typename T>
void ExpectValid(const SharedVector<T>& items, void (*validate)(const T&, std::vector<FieldError>&),
                 const char* kind) {
  for (const auto& item : items) {
    std::vector<FieldError> errors;
    validate(item, errors);
    ASSERT_TRUE(errors.empty()) << kind << ": " << errors[0].field << " expected "
                                << errors[0].expected;
  }
}

template <typename T>
std::unordered_set<std::string> UniqueIds(const SharedVector<T>& items, const char* kind) {
  std::unordered_set<std::string> ids;
  for (const auto& item : items) EXPECT_TRUE(ids.insert(item.id).second) << kind << " " << item.id;
  return ids;
}

void ExpectAllValid(const FirmData& f) {
  ExpectValid(f.people, &ValidatePerson, "person");
  ExpectValid(f.person_skills, &ValidatePersonSkill, "person skill");
  ExpectValid(f.roles, &ValidateRole, "role");
  ExpectValid(f.clients, &ValidateClient, "client");
  ExpectValid(f.engagements, &ValidateEngagement, "engagement");
  ExpectValid(f.openings, &ValidateOpening, "opening");
  ExpectValid(f.assignments, &ValidateAssignment, "assignment");
  ExpectValid(f.teams, &ValidateTeam, "team");
  ExpectValid(f.time_entries, &ValidateTimeEntry, "time entry");
  ExpectValid(f.skill_history, &ValidateSkillHistoryEntry, "skill history");
  ExpectValid(f.opening_preferences, &ValidateOpeningPreference, "opening preference");
  std::vector<RecordError> errors;
  ValidateFirmRules(f, /*check_references=*/true, errors);
  for (const RecordError& e : errors) ADD_FAILURE() << e.message;
}

void ExpectManagersFormAForest(const FirmData& f) {
  std::unordered_map<std::string, std::string> manager;
  for (const auto& p : f.people) manager[p.id] = p.manager_id;
  for (const auto& p : f.people) {
    std::string at = p.id;
    for (size_t steps = 0; !manager[at].empty(); ++steps) {
      ASSERT_LE(steps, f.people.size()) << "manager cycle through " << p.id;
      ASSERT_TRUE(manager.count(manager[at])) << p.id << " manager " << manager[at];
      at = manager[at];
    }
  }
}

void ExpectReferencesResolve(const FirmData& f) {
  auto people = UniqueIds(f.people, "person");
  auto clients = UniqueIds(f.clients, "client");
  auto engagements = UniqueIds(f.engagements, "engagement");
  auto openings = UniqueIds(f.openings, "opening");
  UniqueIds(f.assignments, "assignment");
  UniqueIds(f.teams, "team");
  UniqueIds(f.time_entries, "time entry");
  UniqueIds(f.roles, "role");
  auto skills = UniqueIds(ShippedTaxonomy().skills, "skill");
  std::set<std::string> emails;
  for (const auto& p : f.people) {
    EXPECT_TRUE(emails.insert(NormalizeEmail(p.email)).second) << p.email;
    if (!p.manager_id.empty()) {
      EXPECT_TRUE(people.count(p.manager_id)) << p.id;
    }
  }
  std::set<std::tuple<std::string, std::string, RatingSource>> ps_keys;
  for (const auto& ps : f.person_skills) {
    EXPECT_TRUE(ps_keys.insert({ps.person_id, ps.skill_id, ps.source}).second);
    EXPECT_TRUE(people.count(ps.person_id) && skills.count(ps.skill_id)) << ps.skill_id;
  }
  std::set<std::tuple<std::string, std::string, int32_t>> history_keys;
  for (const auto& h : f.skill_history) {
    EXPECT_TRUE(history_keys.insert({h.person_id, h.skill_id, h.date.days}).second);
    EXPECT_TRUE(people.count(h.person_id) && skills.count(h.skill_id));
  }
  for (const auto& r : f.roles) {
    for (const auto& rs : r.skills) EXPECT_TRUE(skills.count(rs.skill_id)) << r.id;
  }
  std::map<std::string, int> lead_openings;
  for (const auto& o : f.openings) lead_openings[o.engagement_id] += o.lead;
  for (const auto& e : f.engagements) {
    EXPECT_TRUE(clients.count(e.client_id)) << e.id;
    if (e.leader_id.empty()) {
      EXPECT_EQ(lead_openings[e.id], 1) << e.id << " needs exactly one leader";
    } else {
      EXPECT_TRUE(people.count(e.leader_id)) << e.id << " needs exactly one leader";
      EXPECT_EQ(lead_openings[e.id], 0) << e.id << " needs exactly one leader";
    }
  }
  std::set<std::pair<std::string, std::string>> preference_keys;
  for (const auto& p : f.opening_preferences) {
    EXPECT_TRUE(openings.count(p.opening_id) && people.count(p.person_id)) << p.opening_id;
    EXPECT_TRUE(preference_keys.insert({p.opening_id, p.person_id}).second) << p.opening_id;
  }
  for (const auto& o : f.openings) {
    EXPECT_TRUE(engagements.count(o.engagement_id));
    for (const auto& r : o.required) EXPECT_TRUE(skills.count(r.skill_id));
  }
  std::map<std::string, int> seats;
  std::set<std::pair<std::string, std::string>> person_on_opening;
  for (const auto& a : f.assignments) {
    EXPECT_TRUE(people.count(a.person_id) && openings.count(a.opening_id));
    EXPECT_TRUE(person_on_opening.insert({a.opening_id, a.person_id}).second);
    ++seats[a.opening_id];
  }
  for (const auto& o : f.openings) EXPECT_LE(seats[o.id], o.headcount) << o.id;
  for (const auto& t : f.teams) {
    if (!t.leader_id.empty()) {
      EXPECT_TRUE(people.count(t.leader_id));
    }
    if (!t.client_id.empty()) {
      EXPECT_TRUE(clients.count(t.client_id));
    }
    for (const auto& m : t.members) EXPECT_TRUE(people.count(m.person_id));
  }
  for (const auto& t : f.time_entries) {
    EXPECT_TRUE(people.count(t.person_id));
    if (!t.engagement_id.empty()) {
      EXPECT_TRUE(engagements.count(t.engagement_id));
    }
  }
}

TEST(DemoFirm, EveryEntityValidAndEveryReferenceResolves) {
  for (int people : {50, 137, 1000}) {
    for (uint64_t seed : {1, 2, 99}) {
      SCOPED_TRACE(testing::Message() << "people=" << people << " seed=" << seed);
      FirmData f = GenerateDemo(people, seed);
      ASSERT_EQ(f.people.size(), static_cast<size_t>(people));
      ExpectAllValid(f);
      ExpectReferencesResolve(f);
      ExpectManagersFormAForest(f);
      for (EntityKind k : kAllEntityKinds) {
        if (k != EntityKind::kSkills) {
          EXPECT_GT(f.Count(k), 0u) << ToString(k);
        }
      }
    }
  }
}

// A digest of every field the generator sets, to compare two runs.
size_t Digest(const FirmData& f) {
  size_t h = 0;
  auto mix = [&](const auto& v) { h = h * 1000003u ^ std::hash<std::decay_t<decltype(v)>>{}(v); };
  for (const auto& p : f.people) {
    for (const auto* s :
         {&p.id, &p.name, &p.email, &p.title, &p.grade, &p.practice, &p.office, &p.manager_id}) {
      mix(*s);
    }
    mix(p.weekly_capacity_hours);
    mix(p.cost_rate.value_or(-1));
    mix(p.start_date->days);
    for (const auto& t : p.tags) mix(t);
  }
  for (const auto& ps : f.person_skills) {
    mix(ps.person_id + ps.skill_id);
    mix(ps.level * 10 + ps.wants_to_grow + 100 * static_cast<int>(ps.source));
    mix(ps.rated_on->days);
    mix(ps.last_used ? ps.last_used->days : -1);
  }
  for (const auto& h2 : f.skill_history) mix(h2.skill_id + std::to_string(h2.date.days + h2.level));
  for (const auto& c : f.clients) mix(c.id + c.name + c.industry + (c.key_client ? "k" : ""));
  for (const auto& e : f.engagements) {
    mix(e.id + e.name + e.leader_id + std::to_string(e.start.days) + std::to_string(e.end.days));
  }
  for (const auto& o : f.openings) {
    mix(o.id + o.title + std::to_string(o.hours_per_week + o.headcount) +
        std::to_string(o.required.size()));
  }
  for (const auto& a : f.assignments) {
    mix(a.id + a.person_id + std::to_string(static_cast<int>(a.status)));
  }
  for (const auto& t : f.teams) mix(t.id + t.leader_id + std::to_string(t.members.size()));
  for (const auto& t : f.time_entries) {
    mix(t.id + t.person_id + t.engagement_id + std::to_string(t.hours + t.date.days) +
        std::string(ToString(t.category)));
  }
  for (const auto& o : f.openings) mix(o.id + (o.lead ? "lead" : ""));
  for (const auto& p : f.opening_preferences) {
    mix(p.opening_id + p.person_id + std::string(ToString(p.kind)) + p.note);
  }
  return h;
}

TEST(DemoFirm, SameSeedGivesIdenticalFirmOtherSeedDiffers) {
  FirmData a = GenerateDemo(300, 42), b = GenerateDemo(300, 42), c = GenerateDemo(300, 43);
  EXPECT_EQ(a.TotalCount(), b.TotalCount());
  EXPECT_EQ(Digest(a), Digest(b));
  EXPECT_NE(Digest(a), Digest(c));
}

TEST(DemoFirm, HasAPyramidAndSeniorsKnowMore) {
  FirmData f = GenerateDemo(2000, 7);
  std::map<std::string, int> grades;
  for (const auto& p : f.people) ++grades[p.grade];
  EXPECT_GE(grades["partner"], 100);  // 5%..8% of 2000
  EXPECT_LE(grades["partner"], 160);
  EXPECT_NEAR(grades["associate"], 800, 40);
  std::unordered_map<std::string, std::string> grade_of;
  for (const auto& p : f.people) grade_of[p.id] = p.grade;
  std::map<std::string, std::pair<double, int>> levels;
  int growing = 0;
  for (const auto& ps : f.person_skills) {
    auto& [sum, n] = levels[grade_of[ps.person_id]];
    sum += ps.level;
    ++n;
    growing += ps.wants_to_grow;
  }
  auto mean = [&](const char* g) { return levels[g].first / levels[g].second; };
  EXPECT_GT(mean("partner"), mean("manager"));
  EXPECT_GT(mean("manager"), mean("associate"));
  EXPECT_GT(growing, 0);
}

TEST(DemoFirm, SomePartnersOverloadedSomeAssociatesUnderused) {
  FirmData f = GenerateDemo(1000, 3);
  DemoSummary s = SummarizeDemoFirm(f, DefaultTimeEntryWeeks(1000), 5);
  EXPECT_GT(s.overloaded_partner_count, 0);
  EXPECT_GT(s.underused_associate_count, 0);
  ASSERT_FALSE(s.overloaded_partners.empty());
  EXPECT_GT(s.overloaded_partners[0].total_hours, s.overloaded_partners[0].capacity_hours);
  EXPECT_GT(s.key_client_count, 0);
}

TEST(DemoFirm, HasStaffingPreferencesLeadOpeningsAndPlannedTimeOff) {
  FirmData f = GenerateDemo(2000, 5);
  std::unordered_map<std::string, const Person*> person;
  for (const auto& p : f.people) person[p.id] = &p;
  std::unordered_map<std::string, const Opening*> opening;
  for (const auto& o : f.openings) opening[o.id] = &o;
  std::map<std::string, std::map<std::string, int>> held;  // person -> skill -> level
  for (const auto& ps : f.person_skills) held[ps.person_id][ps.skill_id] = ps.level;

  std::map<PreferenceKind, int> kinds;
  std::set<std::string> with_volunteers;
  for (const auto& p : f.opening_preferences) {
    ++kinds[p.kind];
    const Opening& o = *opening.at(p.opening_id);
    const auto& skills = held[p.person_id];
    if (p.kind == PreferenceKind::kVolunteer) {
      with_volunteers.insert(p.opening_id);
      EXPECT_TRUE(std::any_of(o.required.begin(), o.required.end(),
                              [&](const auto& r) { return skills.count(r.skill_id) > 0; }))
          << p.person_id << " volunteers for " << o.id << " without any required skill";
    }
    if (p.kind == PreferenceKind::kPinned) {
      for (const auto& r : o.required) {
        auto it = skills.find(r.skill_id);
        EXPECT_TRUE(it != skills.end() && it->second >= r.min_level)
            << p.person_id << " pinned to " << o.id << " lacks " << r.skill_id;
      }
    }
  }
  std::map<std::string, int> seated;
  for (const auto& a : f.assignments) ++seated[a.opening_id];
  size_t open = 0;  // openings on live work with a free seat
  for (const auto& o : f.openings) open += o.end >= kDemoToday && seated[o.id] < o.headcount;
  ASSERT_GT(open, 100u);
  EXPECT_NEAR(static_cast<double>(with_volunteers.size()) / open, 1.0 / 3, 0.08);
  EXPECT_GT(kinds[PreferenceKind::kPinned], 0);
  EXPECT_GT(kinds[PreferenceKind::kExcluded], 0);
  EXPECT_GT(kinds[PreferenceKind::kVolunteer], kinds[PreferenceKind::kPinned]);

  int leads = 0;
  for (const auto& o : f.openings) leads += o.lead;
  EXPECT_GT(leads, 0);

  std::set<std::string> off_people;
  for (const auto& t : f.time_entries) {
    if (t.category != TimeCategory::kTimeOff) continue;
    EXPECT_GT(t.date, kDemoToday);
    EXPECT_LE(t.date, AddDays(kDemoToday, 13 * 7));
    EXPECT_EQ(t.hours, 8);
    EXPECT_TRUE(t.engagement_id.empty());
    off_people.insert(t.person_id);
  }
  EXPECT_NEAR(static_cast<double>(off_people.size()) / f.people.size(), 0.05, 0.015);

  // Key clients whose past (completed) engagements seated a partner.
  std::unordered_map<std::string, const Engagement*> engagement;
  for (const auto& e : f.engagements) engagement[e.id] = &e;
  std::set<std::string> key_clients_with_partner;
  for (const auto& a : f.assignments) {
    const Engagement& e = *engagement.at(opening.at(a.opening_id)->engagement_id);
    if (e.end < kDemoToday && person.at(a.person_id)->grade == "partner") {
      key_clients_with_partner.insert(e.client_id);
    }
  }
  int key_with_partner = 0;
  for (const auto& c : f.clients) {
    key_with_partner += c.key_client && key_clients_with_partner.count(c.id);
  }
  EXPECT_GE(key_with_partner, 2);
}

TEST(DemoFirm, SkillHistoryRisesOverTime) {
  FirmData f = GenerateDemo(200, 11);
  std::map<std::pair<std::string, std::string>, std::vector<const SkillHistoryEntry*>> paths;
  for (const auto& h : f.skill_history) paths[{h.person_id, h.skill_id}].push_back(&h);
  ASSERT_FALSE(paths.empty());
  for (auto& [key, entries] : paths) {
    std::sort(entries.begin(), entries.end(), [](auto* a, auto* b) { return a->date < b->date; });
    for (size_t i = 1; i < entries.size(); ++i) {
      EXPECT_EQ(entries[i]->level, entries[i - 1]->level + 1);
    }
  }
}

TEST(DemoFirm, RejectsBadOptionsAndEmptyTaxonomy) {
  EXPECT_EQ(
      GenerateDemoFirm({.people = 49, .today = kDemoToday}, ShippedTaxonomy()).status().code(),
      StatusCode::kInvalidArgument);
  EXPECT_EQ(
      GenerateDemoFirm({.people = 500001, .today = kDemoToday}, ShippedTaxonomy()).status().code(),
      StatusCode::kInvalidArgument);
  EXPECT_EQ(GenerateDemoFirm({.people = 100, .today = kDemoToday, .time_entry_weeks = 13},
                             ShippedTaxonomy())
                .status()
                .code(),
            StatusCode::kInvalidArgument);
  EXPECT_EQ(GenerateDemoFirm({.people = 100, .today = kDemoToday}, FirmData{}).status().code(),
            StatusCode::kInvalidArgument);
}

TEST(DemoSummary, FindsOverloadAndUnderuseFromTimeEntries) {
  FirmData f;
  for (auto [id, grade] : {std::pair{"a", "partner"}, {"b", "associate"}, {"c", "associate"}}) {
    Person p;
    p.id = id;
    p.name = id;
    p.grade = grade;
    f.people.push_back(p);
  }
  auto entry = [&](const char* person, double hours, TimeCategory cat) {
    TimeEntry t;
    t.id = std::to_string(f.time_entries.size());
    t.person_id = person;
    t.hours = hours;
    t.category = cat;
    f.time_entries.push_back(t);
  };
  entry("a", 24, TimeCategory::kLeadership);
  entry("a", 20, TimeCategory::kBillable);  // 44h > 40h
  entry("b", 19, TimeCategory::kBillable);  // 47.5% billable
  entry("c", 20, TimeCategory::kBillable);  // exactly 50%: not under-used
  DemoSummary s = SummarizeDemoFirm(f, 1, 10);
  ASSERT_EQ(s.overloaded_partners.size(), 1u);
  EXPECT_DOUBLE_EQ(s.overloaded_partners[0].total_hours, 44);
  ASSERT_EQ(s.underused_associates.size(), 1u);
  EXPECT_EQ(s.underused_associates[0].person_id, "b");
  EXPECT_EQ(s.grades[0], (std::pair<std::string, int>{"partner", 1}));
  EXPECT_EQ(s.grades[4], (std::pair<std::string, int>{"associate", 2}));
}

}  // namespace
}  // namespace guild
