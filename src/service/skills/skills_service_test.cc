#include "service/skills/skills_service.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <thread>

#include "service/testing/skills_test_firm.h"

namespace guild {
namespace {

using service::testing::D;

class SkillsServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const Status opened = world_.Open("guild-skills-service");
    ASSERT_TRUE(opened.ok()) << opened.ToString();
    accounts_ = world_.accounts();
    holder_ = world_.holder();
  }

  SearchRequest Python4(std::optional<skills::AvailabilityWindow> window = std::nullopt) {
    SearchRequest request;
    request.query.needs = {{"python", 4}};
    if (window) {
      request.from = window->from;
      request.to = window->to;
      request.min_free_hours = window->min_free_hours;
    }
    return request;
  }
  std::vector<std::string> HitIds(const SkillSearch& search) {
    std::vector<std::string> ids;
    for (const auto& hit : search.response.hits) {
      ids.push_back(search.state->index.person_id(hit.person));
    }
    return ids;
  }

  service::testing::SnapshotWorld world_{service::testing::SkillsTestFirm()};
  AccountStore* accounts_ = nullptr;
  SnapshotHolder* holder_ = nullptr;
  FakeClock clock_{service::testing::kSkillsTestNow};
  Principal member_{"u-member", UserRole::kMember, "member"};
  Principal leader_{"u-lead", UserRole::kMember, "lead"};
  Principal outsider_{"u-out", UserRole::kMember, "outsider"};
  Principal firm_leader_{"u-fl", UserRole::kFirmLeader, "firmlead"};
  Principal admin_{"u-admin", UserRole::kAdministrator, ""};
};

TEST_F(SkillsServiceTest, BuildsOnceAndAgainOnlyWhenTheDataChanges) {
  SkillsService service(*holder_, clock_);
  auto first = service.State();
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  auto second = service.State();
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(first->get(), second->get());
  EXPECT_EQ(service.builds_for_testing(), 1);

  FirmData batch;
  batch.people = {service::testing::TestPerson("newbie", "Nell Newbie", "associate")};
  ASSERT_TRUE(world_.store().Upsert(batch).ok());
  ASSERT_TRUE(holder_->Refresh().ok());
  auto third = service.State();
  ASSERT_TRUE(third.ok());
  EXPECT_NE(first->get(), third->get());
  EXPECT_EQ(service.builds_for_testing(), 2);
  EXPECT_TRUE((*third)->index.FindPerson("newbie").has_value());
  EXPECT_FALSE((*first)->index.FindPerson("newbie").has_value());  // old state still valid
}

TEST_F(SkillsServiceTest, ConcurrentFirstRequestsBuildOnce) {
  SkillsService service(*holder_, clock_);
  std::vector<std::thread> threads;
  threads.reserve(8);
  std::atomic<int> failures{0};
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      if (!service.State().ok()) failures.fetch_add(1);
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(failures.load(), 0);
  EXPECT_EQ(service.builds_for_testing(), 1);
}

TEST_F(SkillsServiceTest, SearchShowsFreeHoursOnlyToThoseWhoMayReadThePersonsDetail) {
  SkillsService service(*holder_, clock_);
  const skills::AvailabilityWindow window{D("2023-11-13"), D("2023-11-26"), 0};
  auto as_member = service.Search(member_, Python4(window));
  ASSERT_TRUE(as_member.ok()) << as_member.status().ToString();
  const auto& member_view = std::get<SkillSearch>(*as_member);
  EXPECT_EQ(HitIds(member_view), (std::vector<std::string>{"lead", "lead2"}));
  EXPECT_EQ(member_view.free_hours,
            (std::vector<std::optional<double>>{std::nullopt, std::nullopt}));
  for (const auto& lines : member_view.why) {
    for (const auto& line : lines) EXPECT_EQ(line.find("free"), std::string::npos) << line;
  }

  auto as_lead = service.Search(leader_, Python4(window));
  ASSERT_TRUE(as_lead.ok());
  EXPECT_EQ(std::get<SkillSearch>(*as_lead).free_hours,
            (std::vector<std::optional<double>>{20.0, std::nullopt}));  // self only

  auto as_firm = service.Search(firm_leader_, Python4(window));
  ASSERT_TRUE(as_firm.ok());
  EXPECT_EQ(std::get<SkillSearch>(*as_firm).free_hours,
            (std::vector<std::optional<double>>{20.0, 0.0}));
}

TEST_F(SkillsServiceTest, OnlyFirmWideViewersFilterByFreeHours) {
  SkillsService service(*holder_, clock_);
  const skills::AvailabilityWindow window{D("2023-11-13"), D("2023-11-26"), 10};
  auto denied = service.Search(member_, Python4(window));
  ASSERT_FALSE(denied.ok());
  EXPECT_EQ(denied.status().code(), StatusCode::kPermissionDenied);
  EXPECT_NE(denied.status().message().find("min_free_hours"), std::string::npos);
  auto allowed = service.Search(firm_leader_, Python4(window));
  ASSERT_TRUE(allowed.ok());
  EXPECT_EQ(HitIds(std::get<SkillSearch>(*allowed)), (std::vector<std::string>{"lead"}));
}

TEST_F(SkillsServiceTest, UnknownSkillComesWithSuggestionsAndBadInputIsNamed) {
  SkillsService service(*holder_, clock_);
  SearchRequest request;
  request.query.needs = {{"Pythn", 2}};
  auto result = service.Search(member_, request);
  ASSERT_TRUE(result.ok());
  ASSERT_TRUE(std::holds_alternative<UnknownSkill>(*result));
  const UnknownSkill& unknown = std::get<UnknownSkill>(*result);
  EXPECT_EQ(unknown.parameter, "need");
  ASSERT_FALSE(unknown.suggestions.empty());
  EXPECT_EQ(unknown.suggestions[0], "Python");

  request.query.needs = {{"Python", 6}};
  auto bad = service.Search(member_, request);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(bad.status().message().rfind("need:", 0), 0u) << bad.status().message();
}

TEST_F(SkillsServiceTest, GrowthForSelfAndThoseWhoMayReadDetail) {
  SkillsService service(*holder_, clock_);
  auto own = service.GrowthOf(member_, "member", 10);
  ASSERT_TRUE(own.ok()) << own.status().ToString();
  const skills::SkillIndex& index = own->state->index;
  ASSERT_FALSE(own->mentors.empty());
  bool lead_mentors_python = false;
  for (const PairView& p : own->mentors) {
    if (index.person_id(p.pair.mentor) == "lead" && index.skill_id(p.pair.skill) == "firm:python") {
      lead_mentors_python = true;
      EXPECT_EQ(p.why.find("h/week"), std::string::npos) << p.why;  // lead's hours are private
    }
  }
  EXPECT_TRUE(lead_mentors_python);
  ASSERT_EQ(own->role_models.size(), 1u);
  EXPECT_EQ(index.person_id(own->role_models[0].model.person), "lead");
  ASSERT_TRUE(own->circle.has_value());

  auto by_firm = service.GrowthOf(firm_leader_, "member", 10);
  ASSERT_TRUE(by_firm.ok());
  bool hours_shown = false;
  for (const PairView& p : by_firm->mentors) {
    hours_shown |= p.why.find("10h/week free") != std::string::npos;
  }
  EXPECT_TRUE(hours_shown);

  EXPECT_TRUE(service.GrowthOf(leader_, "member", 10).ok());  // leads member's team
  auto other = service.GrowthOf(outsider_, "member", 10);
  EXPECT_EQ(other.status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(service.GrowthOf(member_, "ghost", 10).status().code(), StatusCode::kNotFound);
}

// Mentoring as a flow (issue 23): an active mentorship in a skill hides the
// other suggested mentors for it and shows its own mentor as the pair.
TEST_F(SkillsServiceTest, GrowthShowsTheActiveMentorAndNoOtherForItsSkill) {
  SkillsService service(*holder_, clock_);
  auto mentors_for_python = [&]() {
    std::vector<std::string> out;
    auto growth = service.GrowthOf(member_, "member", 10);
    EXPECT_TRUE(growth.ok()) << growth.status().ToString();
    for (const PairView& p : growth->mentors) {
      if (growth->state->index.skill_id(p.pair.skill) != "firm:python") continue;
      out.push_back(growth->state->index.person_id(p.pair.mentor) + ": " + p.why.substr(0, 23));
    }
    return out;
  };
  const std::vector<std::string> before = mentors_for_python();
  ASSERT_FALSE(before.empty());
  auto round_pairs_member = [&]() {
    auto round = service.MentoringRound(admin_, 3);
    EXPECT_TRUE(round.ok()) << round.status().ToString();
    int n = 0;
    for (const skills::MentorPair& p : round->result.pairs) {
      n += round->state->index.person_id(p.mentee) == "member" &&
           round->state->index.skill_id(p.skill) == "firm:python";
    }
    return n;
  };
  EXPECT_EQ(round_pairs_member(), 1);
  const Date today = clock_.Today();
  Mentorship active{.id = "mt-1",
                    .mentee_id = "member",
                    .mentor_id = "lead",
                    .skill_ids = {"firm:python"},
                    .status = MentorshipStatus::kActive,
                    .started_on = today,
                    .review_on = AddDays(today, 90)};
  FirmData batch;
  batch.mentorships = {active};
  ASSERT_TRUE(world_.store().Upsert(batch).ok());
  ASSERT_TRUE(holder_->Refresh().ok());
  EXPECT_EQ(mentors_for_python(), std::vector<std::string>{"lead: active mentorship since"});

  // Mentored by someone the suggestions do not list: nobody is offered.
  batch.mentorships.mut()[0].mentor_id = "firmlead";
  ASSERT_TRUE(world_.store().Upsert(batch).ok());
  ASSERT_TRUE(holder_->Refresh().ok());
  EXPECT_TRUE(mentors_for_python().empty());

  // The firm's mentoring round offers member no mentor for python either.
  EXPECT_EQ(round_pairs_member(), 0);

  // Ended: the suggestions are back.
  batch.mentorships.mut()[0].status = MentorshipStatus::kEnded;
  batch.mentorships.mut()[0].ended_on = today;
  ASSERT_TRUE(world_.store().Upsert(batch).ok());
  ASSERT_TRUE(holder_->Refresh().ok());
  EXPECT_EQ(mentors_for_python(), before);
  EXPECT_EQ(round_pairs_member(), 1);
}

TEST_F(SkillsServiceTest, GapsToARole) {
  SkillsService service(*holder_, clock_);
  auto gaps = service.Gaps(member_, "member", "firm:senior");
  ASSERT_TRUE(gaps.ok()) << gaps.status().ToString();
  ASSERT_EQ(gaps->report.gaps.size(), 2u);
  EXPECT_EQ(gaps->report.gaps[0].skill_id, "firm:python");
  EXPECT_EQ(gaps->report.gaps[0].have, 2);
  EXPECT_EQ(gaps->report.gaps[1].skill_id, "firm:audit");
  ASSERT_EQ(gaps->report.met.size(), 1u);
  EXPECT_EQ(gaps->report.met[0].skill_id, "firm:tax");
  auto unknown = service.Gaps(member_, "member", "firm:astronaut");
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(unknown.status().message().rfind("role:", 0), 0u);
  EXPECT_EQ(service.Gaps(outsider_, "member", "firm:senior").status().code(),
            StatusCode::kPermissionDenied);
}

TEST_F(SkillsServiceTest, RolesByNamePrefixFirst) {
  SkillsService service(*holder_, clock_);
  auto roles = service.Roles(member_, "comp", 10);
  ASSERT_TRUE(roles.ok());
  ASSERT_EQ(roles->roles.size(), 1u);
  EXPECT_EQ(roles->state->snapshot->data().roles[roles->roles[0]].id, "onet:15-1251.00");
  auto all = service.Roles(member_, "", 10);
  ASSERT_TRUE(all.ok());
  EXPECT_EQ(all->roles.size(), 2u);
  EXPECT_EQ(service.Roles(member_, "", 0).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SkillsServiceTest, TeamCoverageOfAnEngagement) {
  SkillsService service(*holder_, clock_);
  // peer is on alpha and on the account team of e2's client.
  const Principal peer{"u-peer", UserRole::kMember, "peer"};
  auto coverage = service.TeamCoverage(peer, "alpha", "e2");
  ASSERT_TRUE(coverage.ok()) << coverage.status().ToString();
  ASSERT_EQ(coverage->needs.size(), 2u);
  EXPECT_EQ(coverage->needs[0].skill_id, "firm:audit");
  EXPECT_EQ(coverage->needs[0].coverage, skills::Coverage::kLacking);
  EXPECT_EQ(coverage->needs[1].skill_id, "firm:python");
  EXPECT_EQ(coverage->needs[1].coverage, skills::Coverage::kSinglePerson);
  // A team or engagement the viewer may not see answers as a missing one:
  // a plain member read 212 of 221 engagements this way (issue 27 item 3).
  EXPECT_EQ(service.TeamCoverage(outsider_, "alpha", "e2").status().code(), StatusCode::kNotFound);
  EXPECT_EQ(service.TeamCoverage(member_, "alpha", "e2").status().message(),
            "engagement: no engagement 'e2'");
  EXPECT_EQ(service.TeamCoverage(member_, "alpha", "nope").status().code(), StatusCode::kNotFound);
  EXPECT_TRUE(service.TeamCoverage(firm_leader_, "alpha", "e2").ok());
  EXPECT_TRUE(service.TeamCoverage(admin_, "alpha", "e2").ok());
  // Without an engagement: the open engagements of the team's client.
  auto account = service.TeamCoverage(firm_leader_, "account", "");
  ASSERT_TRUE(account.ok()) << account.status().ToString();
  EXPECT_EQ(account->needs.size(), 2u);
  EXPECT_EQ(service.TeamCoverage(member_, "alpha", "").status().code(),
            StatusCode::kInvalidArgument);
}

TEST_F(SkillsServiceTest, RemediesAndRoundAreForFirmLeadersAndAdministrators) {
  SkillsService service(*holder_, clock_);
  RemediesRequest request{"Python", 4, 0, 5};
  EXPECT_EQ(service.Remedies(member_, request).status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(service.MentoringRound(member_, 3).status().code(), StatusCode::kPermissionDenied);
  auto remedies = service.Remedies(firm_leader_, request);
  ASSERT_TRUE(remedies.ok()) << remedies.status().ToString();
  const RemediesView& view = std::get<RemediesView>(*remedies);
  std::vector<std::string> redeploy, develop;
  for (const auto& c : view.remedies.redeploy) {
    redeploy.push_back(view.state->index.person_id(c.person));
  }
  for (const auto& c : view.remedies.develop) {
    develop.push_back(view.state->index.person_id(c.person));
  }
  EXPECT_EQ(redeploy, (std::vector<std::string>{"lead", "lead2"}));  // most free hours first
  EXPECT_EQ(develop, (std::vector<std::string>{"peer"}));
  EXPECT_FALSE(view.remedies.hire);
  request.level = 0;
  EXPECT_EQ(service.Remedies(firm_leader_, request).status().code(), StatusCode::kInvalidArgument);

  auto round = service.MentoringRound(admin_, 3);
  ASSERT_TRUE(round.ok()) << round.status().ToString();
  EXPECT_FALSE(round->result.pairs.empty());
  EXPECT_GT(round->result.total_benefit, 0);
  EXPECT_EQ(service.MentoringRound(admin_, 0).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SkillsServiceTest, SuggestSkillsAndPeople) {
  SkillsService service(*holder_, clock_);
  auto s = service.Suggest(member_, "py", 5);
  ASSERT_TRUE(s.ok());
  ASSERT_FALSE(s->skills.empty());
  EXPECT_EQ(s->state->index.skill_id(s->skills[0].ref), "firm:python");
  auto p = service.Suggest(member_, "mia", 5);
  ASSERT_TRUE(p.ok());
  ASSERT_EQ(p->people.size(), 1u);
  EXPECT_EQ(p->state->index.person_id(p->people[0].ref), "member");
}

TEST(SkillsSpellingTest, RolesMatchEitherSpellingAndTwinsAreListedOnce) {
  FirmData firm = service::testing::SkillsTestFirm();
  auto& roles = firm.roles.mut();
  roles.push_back({"esco:tax-adviser", "Tax adviser", "", RoleSource::kEsco, {}});
  roles.push_back({"onet:13-2082.00", "Tax Advisor", "", RoleSource::kOnet, {}});
  roles.push_back({"esco:contact-centre", "Contact centre manager", "", RoleSource::kEsco, {}});
  roles.push_back(
      {"onet:11-9199.00", "Organizational Behavior Specialist", "", RoleSource::kOnet, {}});
  firm.skills.push_back({"esco:org-behaviour",
                         "Organisational behaviour",
                         "",
                         "",
                         {},
                         SkillSource::kEsco,
                         SkillKind::kKnowledge});
  firm.skills.push_back({"onet:org-behavior",
                         "Organizational Behavior",
                         "",
                         "",
                         {},
                         SkillSource::kOnet,
                         SkillKind::kKnowledge});
  service::testing::SnapshotWorld world{std::move(firm)};
  ASSERT_TRUE(world.Open("guild-skills-spelling").ok());
  FakeClock clock{service::testing::kSkillsTestNow};
  SkillsService service(*world.holder(), clock);
  const Principal member{"u-member", UserRole::kMember, "member"};
  auto ids = [](const RoleMatches& m) {
    std::vector<std::string> out;
    for (uint32_t i : m.roles) out.push_back(m.state->snapshot->data().roles[i].id);
    return out;
  };
  using Ids = std::vector<std::string>;
  // Both spellings find the role; its O*NET and ESCO twins are one entry (the
  // first by name: "Tax Advisor" sorts before "Tax adviser").
  EXPECT_EQ(ids(*service.Roles(member, "tax adviser", 10)), Ids{"onet:13-2082.00"});
  EXPECT_EQ(ids(*service.Roles(member, "TAX ADVISOR", 10)), Ids{"onet:13-2082.00"});
  EXPECT_EQ(ids(*service.Roles(member, "contact center", 10)), Ids{"esco:contact-centre"});
  EXPECT_EQ(ids(*service.Roles(member, "centre", 10)), Ids{"esco:contact-centre"});
  EXPECT_EQ(ids(*service.Roles(member, "organisational behaviour", 10)), Ids{"onet:11-9199.00"});
  // The skill type-ahead offers one of the two taxonomies' "organisational behaviour".
  auto suggested = service.Suggest(member, "organi", 5);
  ASSERT_TRUE(suggested.ok());
  ASSERT_EQ(suggested->skills.size(), 1u);
  EXPECT_EQ(skills::FoldSpelling(suggested->skills[0].label), "organizational behavior");
}

TEST_F(SkillsServiceTest, MarketShowsDemandForTheOpening) {
  SkillsService service(*holder_, clock_);
  MarketRequest options;
  options.from = D("2023-11-13");
  options.periods = 2;
  options.period_weeks = 2;
  auto market = service.SkillsMarket(firm_leader_, options);
  ASSERT_TRUE(market.ok()) << market.status().ToString();
  EXPECT_FALSE(market->redacted);
  bool python = false;
  for (const auto& b : market->report.balances) {
    if (market->state->index.skill_id(b.skill) != "firm:python") continue;
    python = true;
    EXPECT_DOUBLE_EQ(b.demand_hours, 20.0 * 4);  // 20h/week for 4 weeks
  }
  EXPECT_TRUE(python);
  options.periods = 0;
  EXPECT_EQ(service.SkillsMarket(member_, options).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(SkillsServiceTest, MarketIsRedactedForViewersWhoAreNotFirmWide) {
  SkillsService service(*holder_, clock_);
  MarketRequest options;
  options.from = D("2023-11-13");
  auto full = service.SkillsMarket(admin_, options);
  auto member = service.SkillsMarket(member_, options);
  ASSERT_TRUE(full.ok() && member.ok());
  EXPECT_FALSE(full->redacted);
  EXPECT_TRUE(member->redacted);
  size_t small = 0;
  double small_demand = 0;
  for (const auto& b : full->report.balances) {
    if (b.holders >= kMinMarketHolders) continue;
    ++small;
    small_demand += b.demand_hours;
  }
  ASSERT_GT(small, 0u) << "the test firm should have a skill with few holders";
  EXPECT_EQ(member->report.balances.size(), full->report.balances.size() - small);
  // What is hidden is said (how many skills, how much demand), not who holds it.
  EXPECT_EQ(member->hidden_skills, static_cast<int>(small));
  EXPECT_DOUBLE_EQ(member->hidden_demand_hours, small_demand);
  EXPECT_EQ(full->hidden_skills, 0);
  EXPECT_EQ(full->hidden_demand_hours, 0);
  for (const auto& b : member->report.balances) EXPECT_GE(b.holders, kMinMarketHolders);
  ASSERT_EQ(member->report.key_person.size(), full->report.key_person.size());
  for (size_t i = 0; i < member->report.key_person.size(); ++i) {
    EXPECT_TRUE(member->report.key_person[i].holders.empty());
    EXPECT_EQ(member->key_person_holder_counts[i],
              static_cast<int>(full->report.key_person[i].holders.size()));
  }
}

}  // namespace
}  // namespace guild
