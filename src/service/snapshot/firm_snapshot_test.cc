#include "service/snapshot/firm_snapshot.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "service/testing/feedback_test_firm.h"
#include "service/testing/test_firm.h"

namespace guild {
namespace {

std::vector<std::string> PersonIds(const FirmSnapshot& s, std::span<const uint32_t> rows) {
  std::vector<std::string> ids;
  for (uint32_t i : rows) ids.push_back(s.data().people[i].id);
  return ids;
}

std::vector<std::string> TeamIds(const FirmSnapshot& s, std::span<const uint32_t> rows) {
  std::vector<std::string> ids;
  for (uint32_t i : rows) ids.push_back(s.data().teams[i].id);
  return ids;
}

TEST(FirmSnapshotTest, FindsEntitiesById) {
  auto s = FirmSnapshot::Build(service::testing::TestFirm(), 7);
  EXPECT_EQ(s->version(), 7);
  ASSERT_NE(s->FindPerson("member"), nullptr);
  EXPECT_EQ(s->FindPerson("member")->name, "Mia Member");
  EXPECT_EQ(s->FindPerson("ghost"), nullptr);
  EXPECT_EQ(s->FindTeam("beta")->leader_id, "lead2");
  EXPECT_EQ(s->FindSkill("firm:tax")->name, "Tax law");
}

TEST(FirmSnapshotTest, DirectoryOrderIsByNameThenId) {
  FirmData firm = service::testing::TestFirm();
  firm.people.push_back(service::testing::TestPerson("aaa", "Mia Member", "associate"));
  auto s = FirmSnapshot::Build(firm, 1);
  auto ids = PersonIds(*s, s->PeopleByName());
  std::vector<std::string> expected = {"admin", "englead", "firmlead", "lead", "lead2",
                                       "aaa",   "member",  "outsider", "peer"};
  EXPECT_EQ(ids, expected);
}

// Reference: derive each relation by brute force from the FirmData.
TEST(FirmSnapshotTest, RelationsMatchBruteForce) {
  FirmData firm = service::testing::TestFirm();
  auto s = FirmSnapshot::Build(firm, 1);
  for (uint32_t p = 0; p < firm.people.size(); ++p) {
    const std::string& id = firm.people[p].id;
    std::vector<std::string> on, led;
    for (const Team& team : firm.teams) {
      bool member = team.leader_id == id;
      for (const auto& m : team.members) member |= m.person_id == id;
      if (member) on.push_back(team.id);
      bool leads = team.leader_id == id;
      for (const auto& e : firm.engagements) {
        leads |= !team.client_id.empty() && e.client_id == team.client_id && e.leader_id == id;
      }
      if (leads) led.push_back(team.id);
    }
    EXPECT_EQ(TeamIds(*s, s->TeamsOf(p)), on) << id;
    EXPECT_EQ(TeamIds(*s, s->TeamsLedBy(p)), led) << id;
    std::vector<std::string> reports;
    for (uint32_t q : s->PeopleByName()) {
      if (firm.people[q].manager_id == id) reports.push_back(firm.people[q].id);
    }
    EXPECT_EQ(PersonIds(*s, s->ReportsOf(p)), reports) << id;
  }
  EXPECT_EQ(s->MemberCount(*s->TeamIndex("alpha")), 3u);
  EXPECT_EQ(s->MemberCount(*s->TeamIndex("beta")), 2u);  // leader + one member
}

TEST(FirmSnapshotTest, EffectiveSkillIsTheRatingOfHighestPrecedence) {
  auto s = FirmSnapshot::Build(service::testing::TestFirm(), 1);
  auto skills = s->SkillsOf(*s->PersonIndex("member"));
  ASSERT_EQ(skills.size(), 2u);
  for (uint32_t rating : skills) {
    const PersonSkill& ps = s->data().person_skills[rating];
    if (ps.skill_id == "firm:tax") {
      EXPECT_EQ(ps.source, RatingSource::kManager);
      EXPECT_EQ(ps.level, 3);
    }
  }
  EXPECT_TRUE(s->SkillsOf(*s->PersonIndex("lead")).empty());
}

// Every index of the snapshot, by ids: equal for two snapshots of equal data.
std::string Describe(const FirmSnapshot& s) {
  std::string out;
  const FirmData& data = s.data();
  for (uint32_t p : s.PeopleByName()) out += data.people[p].id + " ";
  out += "| ";
  for (uint32_t t : s.TeamsByName())
    out += data.teams[t].id + "/" + std::to_string(s.MemberCount(t)) + " ";
  out += "| ";
  for (uint32_t k : s.SkillsByName()) out += data.skills[k].id + " ";
  for (uint32_t p = 0; p < data.people.size(); ++p) {
    const std::string& id = data.people[p].id;
    out += "\n" + id + (s.PersonIndex(id) == p ? "" : " MISPLACED") + " teams:";
    for (uint32_t t : s.TeamsOf(p)) out += " " + data.teams[t].id;
    out += " leads:";
    for (uint32_t t : s.TeamsLedBy(p)) out += " " + data.teams[t].id;
    out += " reports:";
    for (uint32_t q : s.ReportsOf(p)) out += " " + data.people[q].id;
    out += " skills:";
    std::vector<std::string> skills;
    for (uint32_t r : s.SkillsOf(p)) {
      const PersonSkill& ps = data.person_skills[r];
      skills.push_back(ps.skill_id + "=" + std::string(ToString(ps.source)));
    }
    std::sort(skills.begin(), skills.end());
    for (const std::string& skill : skills) out += " " + skill;
    out += " ratings:";
    for (uint32_t r : s.RatingsOf(p)) {
      const PersonSkill& ps = data.person_skills[r];
      out += " " + ps.skill_id + "=" + std::string(ToString(ps.source));
    }
    out += " history:";
    for (uint32_t h : s.SkillHistoryOf(p)) {
      out += " " + data.skill_history[h].skill_id + "@" +
             std::to_string(data.skill_history[h].date.days);
    }
    out += " engagements:";
    for (uint32_t e : s.EngagementsOf(p)) out += " " + data.engagements[e].id;
  }
  for (const Team& t : data.teams) out += s.FindTeam(t.id) == &t ? "" : " lost team " + t.id;
  for (const Skill& k : data.skills) out += s.FindSkill(k.id) == &k ? "" : " lost skill " + k.id;
  return out;
}

// Build's `changed` names kinds the changes touched: each gets a new storage
// generation even though its storage is shared (a store-only kind's always
// is); the other kinds keep theirs.
TEST(FirmSnapshotTest, AChangedKindGetsANewGenerationThoughItsStorageIsShared) {
  auto first = FirmSnapshot::Build(service::testing::TestFirm(), 1);
  auto same = FirmSnapshot::Build(first->data(), 2, first.get());
  FirmSnapshot::KindSet changed;
  changed.set(static_cast<size_t>(EntityKind::kFeedbackAnswers));
  auto next = FirmSnapshot::Build(first->data(), 3, same.get(), changed);
  for (EntityKind kind : kAllEntityKinds) {
    EXPECT_EQ(same->StorageGeneration(kind), first->StorageGeneration(kind)) << ToString(kind);
    EXPECT_EQ(next->StorageGeneration(kind) == same->StorageGeneration(kind),
              kind != EntityKind::kFeedbackAnswers)
        << ToString(kind);
  }
  // Without a previous snapshot every generation is new.
  auto fresh = FirmSnapshot::Build(first->data(), 3);
  EXPECT_NE(fresh->StorageGeneration(EntityKind::kPeople),
            first->StorageGeneration(EntityKind::kPeople));
}

// A snapshot built from a changed copy of another's data shares each kind
// and each index group the change left alone, and answers exactly as a
// snapshot built from scratch on the same data.
TEST(FirmSnapshotTest, ANextSnapshotSharesWhatDidNotChangeAndEqualsAFreshBuild) {
  using service::testing::TestPerson;
  auto first = FirmSnapshot::Build(service::testing::TestFirm(), 1);
  struct Case {
    std::string name;
    void (*change)(FirmData&);
    bool people_shared, teams_shared, skills_shared, ratings_shared;
  };
  const std::vector<Case> cases = {
      {"a time entry",
       [](FirmData& d) {
         d.time_entries.push_back({"te1", "member", Date{20000}, 8});
       },
       true, true, true, true},
      {"a new person (positions move)",
       [](FirmData& d) {
         d.people.insert(d.people.begin(), TestPerson("a0", "Zed", "associate", "lead"));
       },
       false, true, true, false},
      {"a team's members",
       [](FirmData& d) {
         d.teams.mut().front().members.push_back({"outsider", "member"});
       },
       true, false, true, true},
      {"an engagement's leader",
       [](FirmData& d) { d.engagements.mut().front().leader_id = "peer"; }, true, true, true, true},
      // The group indexes positions by person, skill and source: a level
      // alone leaves it as it was.
      {"a rating's level", [](FirmData& d) { d.person_skills.mut().front().level = 5; }, true, true,
       true, true},
      {"a skill's name", [](FirmData& d) { d.skills.mut().back().name = "Aardvark"; }, true, true,
       false, false},
  };
  for (const Case& c : cases) {
    FirmData data = first->data();  // shares every kind
    c.change(data);
    auto next = FirmSnapshot::Build(data, 2, first.get());
    auto fresh = FirmSnapshot::Build(data, 2);
    EXPECT_EQ(Describe(*next), Describe(*fresh)) << c.name;
    // Kinds the change left alone are the same storage.
    EXPECT_EQ(next->data().clients.data(), first->data().clients.data()) << c.name;
    // Index groups are shared exactly when their input kinds are unchanged.
    EXPECT_EQ(next->PeopleByName().data() == first->PeopleByName().data(), c.people_shared)
        << c.name;
    EXPECT_EQ(next->TeamsByName().data() == first->TeamsByName().data(), c.teams_shared) << c.name;
    EXPECT_EQ(next->SkillsByName().data() == first->SkillsByName().data(), c.skills_shared)
        << c.name;
    const uint32_t member = *first->PersonIndex("member");
    EXPECT_EQ(next->SkillsOf(member).data() == first->SkillsOf(member).data(), c.ratings_shared)
        << c.name;
  }
}

// The firm with skill history and work on engagements, for the per-person
// indexes: "peer" is assigned to o1 on e1 (FeedbackTestFirm), "outsider" to
// o2 on e2, led by "lead"; an assignment to an unknown opening counts for no
// engagement; a history row of an unknown person is left out.
FirmData PerPersonFirm() {
  FirmData firm = service::testing::FeedbackTestFirm();
  firm.engagements.push_back(
      {"e2", "c1", "Tax 2025", "lead", Date{150}, Date{250}, EngagementStatus::kTentative});
  firm.openings.push_back({"o2", "e2", "Adviser", {}, 10, Date{150}, Date{250}});
  firm.assignments.push_back(
      {"a2", "outsider", "o2", 10, Date{150}, Date{250}, AssignmentStatus::kTentative});
  firm.assignments.push_back(
      {"a3", "member", "nowhere", 10, Date{150}, Date{250}, AssignmentStatus::kTentative});
  firm.skill_history = {{"ghost", "firm:tax", Date{90}, 2},
                        {"member", "firm:audit", Date{100}, 1},
                        {"member", "firm:tax", Date{100}, 2},
                        {"member", "firm:tax", Date{110}, 3},
                        {"peer", "firm:audit", Date{120}, 4}};
  // A rating of a skill not in the taxonomy is not a rating the indexes hold.
  firm.person_skills.push_back({"peer", "firm:gone", RatingSource::kSelf, 3, false, {}, {}});
  return firm;
}

// Reference: every rating, history row and engagement of each person by
// brute force from the FirmData.
TEST(FirmSnapshotTest, PerPersonIndexesMatchBruteForce) {
  const FirmData firm = PerPersonFirm();
  auto s = FirmSnapshot::Build(firm, 1);
  for (uint32_t p = 0; p < firm.people.size(); ++p) {
    const std::string& id = firm.people[p].id;
    std::vector<uint32_t> ratings, history, engagements;
    for (uint32_t r = 0; r < firm.person_skills.size(); ++r) {
      const PersonSkill& ps = firm.person_skills[r];
      if (ps.person_id == id && s->FindSkill(ps.skill_id) != nullptr) ratings.push_back(r);
    }
    for (uint32_t h = 0; h < firm.skill_history.size(); ++h) {
      if (firm.skill_history[h].person_id == id) history.push_back(h);
    }
    for (uint32_t e = 0; e < firm.engagements.size(); ++e) {
      bool works = firm.engagements[e].leader_id == id;
      for (const Assignment& a : firm.assignments) {
        for (const Opening& o : firm.openings) {
          works |= a.person_id == id && a.opening_id == o.id &&
                   o.engagement_id == firm.engagements[e].id;
        }
      }
      if (works) engagements.push_back(e);
    }
    const auto as_vector = [](std::span<const uint32_t> row) {
      return std::vector<uint32_t>(row.begin(), row.end());
    };
    EXPECT_EQ(as_vector(s->RatingsOf(p)), ratings) << id;
    EXPECT_EQ(as_vector(s->SkillHistoryOf(p)), history) << id;
    EXPECT_EQ(as_vector(s->EngagementsOf(p)), engagements) << id;
  }
  // Spot checks of the reference itself.
  EXPECT_EQ(s->RatingsOf(*s->PersonIndex("member")).size(), 3u);
  EXPECT_TRUE(s->RatingsOf(*s->PersonIndex("peer")).empty());  // only firm:gone
  EXPECT_EQ(s->SkillHistoryOf(*s->PersonIndex("member")).size(), 3u);
  EXPECT_EQ(s->EngagementsOf(*s->PersonIndex("lead")).size(), 1u);     // leads e2
  EXPECT_EQ(s->EngagementsOf(*s->PersonIndex("englead")).size(), 1u);  // leads e1
  EXPECT_EQ(s->EngagementsOf(*s->PersonIndex("member")).size(), 0u);   // "nowhere" is no opening
}

// Each per-person group is rebuilt exactly when one of its input kinds
// changed, and then answers as a fresh build.
TEST(FirmSnapshotTest, PerPersonGroupsAreSharedWhileTheirKindsAreUnchanged) {
  auto first = FirmSnapshot::Build(PerPersonFirm(), 1);
  struct Case {
    std::string name;
    void (*change)(FirmData&);
    bool ratings_shared, history_shared, engagements_shared;
  };
  const std::vector<Case> cases = {
      {"a time entry",
       [](FirmData& d) {
         d.time_entries.push_back({"te9", "member", Date{9}, 8});
       },
       true, true, true},
      {"a rating",
       [](FirmData& d) {
         d.person_skills.push_back(
             {"outsider", "firm:audit", RatingSource::kPeer, 2, false, {}, {}});
       },
       false, true, true},
      {"a rating inserted first (every later position moves)",
       [](FirmData& d) {
         d.person_skills.insert(
             d.person_skills.begin(),
             PersonSkill{"admin", "firm:tax", RatingSource::kAssessed, 4, false, {}, {}});
       },
       false, true, true},
      {"a rating removed (the effective one)",
       [](FirmData& d) { d.person_skills.erase(d.person_skills.begin() + 1); }, false, true, true},
      {"a rating's source (the effective one changes)",
       [](FirmData& d) { d.person_skills.mut()[2].source = RatingSource::kAssessed; }, false, true,
       true},
      {"a history row",
       [](FirmData& d) {
         d.skill_history.push_back({"outsider", "firm:audit", Date{130}, 2});
       },
       true, false, true},
      {"an assignment",
       [](FirmData& d) {
         d.assignments.push_back(
             {"a9", "lead2", "o1", 5, Date{120}, Date{130}, AssignmentStatus::kConfirmed});
       },
       true, true, false},
      {"an opening's engagement",
       [](FirmData& d) { d.openings.mut().front().engagement_id = "e2"; }, true, true, false},
      {"a new person (positions move)",
       [](FirmData& d) {
         d.people.insert(d.people.begin(), service::testing::TestPerson("a0", "Zed", "associate"));
       },
       false, false, false},
  };
  const uint32_t member = *first->PersonIndex("member");
  const uint32_t englead = *first->PersonIndex("englead");
  for (const Case& c : cases) {
    FirmData data = first->data();
    c.change(data);
    auto next = FirmSnapshot::Build(data, 2, first.get());
    EXPECT_EQ(Describe(*next), Describe(*FirmSnapshot::Build(data, 2))) << c.name;
    EXPECT_EQ(next->RatingsOf(member).data() == first->RatingsOf(member).data(), c.ratings_shared)
        << c.name;
    EXPECT_EQ(next->SkillHistoryOf(member).data() == first->SkillHistoryOf(member).data(),
              c.history_shared)
        << c.name;
    EXPECT_EQ(next->EngagementsOf(englead).data() == first->EngagementsOf(englead).data(),
              c.engagements_shared)
        << c.name;
  }
}

TEST(SharedVectorTest, CopiesShareUntilOneChanges) {
  SharedVector<std::string> a = std::vector<std::string>{"x", "y"};
  SharedVector<std::string> b = a;
  EXPECT_TRUE(b.SharesWith(a));
  EXPECT_EQ(&b[0], &a[0]);  // reading a non-const copy does not copy
  b.push_back("z");
  EXPECT_FALSE(b.SharesWith(a));
  EXPECT_EQ(a.get(), (std::vector<std::string>{"x", "y"}));
  EXPECT_EQ(b.get(), (std::vector<std::string>{"x", "y", "z"}));
  SharedVector<std::string> c = b;
  c.mut()[0] = "w";
  c.erase(c.begin() + 1);
  c.insert(c.begin(), "v");
  EXPECT_EQ(b.get(), (std::vector<std::string>{"x", "y", "z"}));
  EXPECT_EQ(c.get(), (std::vector<std::string>{"v", "w", "z"}));
  std::vector<std::string>& own = c.mut();
  EXPECT_EQ(&own, &c.mut());  // not shared: changed in place
  c.clear();
  EXPECT_TRUE(c.empty());
  EXPECT_EQ(b.size(), 3u);
  SharedVector<std::string> d = b;
  EXPECT_EQ(d.take(), b.get());  // shared: taken as a copy
  EXPECT_TRUE(d.empty());
  EXPECT_EQ(b.size(), 3u);
}

}  // namespace
}  // namespace guild
