#include "service/network/network_service.h"

#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "service/testing/network_test_firm.h"
#include "service/writes/firm_writer.h"

namespace guild {
namespace {

using service::testing::SnapshotWorld;
using service::testing::TestPerson;

constexpr int64_t kSecondsPerDay = 86400;
constexpr int32_t kToday = 160;

FirmData NetworkFirm() { return service::testing::NetworkTestFirm(Date{kToday}); }

Principal As(const std::string& person, UserRole role = UserRole::kMember) {
  return {"u-" + person, role, person};
}

class NetworkServiceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(world_.Open("guild-network").ok());
    skills_ = std::make_unique<SkillsService>(*world_.holder(), clock_);
    service_ = std::make_unique<NetworkService>(*world_.holder(), *skills_, clock_);
  }

  SnapshotWorld world_{NetworkFirm()};
  FakeClock clock_{kToday * kSecondsPerDay};
  std::unique_ptr<SkillsService> skills_;
  std::unique_ptr<NetworkService> service_;
};

double Weight(const network::Graph& g, const char* a, const char* b) {
  auto arc = g.FindArc(*g.Find(a), *g.Find(b));
  return arc ? g.arc_weight(*arc) : 0.0;
}

TEST_F(NetworkServiceTest, TeamNetworkHasTheTeamsTiesAndShape) {
  auto team = service_->TeamNetworkOf(As("member"), "alpha", {});
  ASSERT_TRUE(team.ok()) << team.status().message();
  const network::Graph& g = team->figures.graph;
  EXPECT_EQ(g.node_count(), 3u);
  EXPECT_EQ(g.name(0), "lead");  // the leader first
  EXPECT_DOUBLE_EQ(Weight(g, "lead", "member"), 6 + 8);
  EXPECT_DOUBLE_EQ(Weight(g, "lead", "peer"), 4);
  EXPECT_DOUBLE_EQ(Weight(g, "member", "peer"), 4);
  EXPECT_EQ(team->figures.shape.shape, network::Shape::kNetwork);
  EXPECT_DOUBLE_EQ(team->figures.shape.leader_share, 2.0 / 3.0);
  ASSERT_EQ(team->timeline.size(), 6u);
  // Days 150-151 are in the last 28-day period, ending today (day 160).
  EXPECT_EQ(team->timeline.back().ties, 3u);
  EXPECT_EQ(team->timeline.front().ties, 0u);
  EXPECT_EQ(team->timeline.back().period.to, Date{kToday});
}

TEST_F(NetworkServiceTest, APeriodReadsOnlyItsTies) {
  auto team = service_->TeamNetworkOf(As("lead"), "alpha", {Date{kToday - 9}, Date{kToday - 9}});
  ASSERT_TRUE(team.ok()) << team.status().message();
  EXPECT_EQ(team->figures.graph.edge_count(), 1u);  // only lead and member worked on day 151
  EXPECT_EQ(team->figures.shape.shape, network::Shape::kNone);
  auto bad = service_->TeamNetworkOf(As("lead"), "alpha", {Date{kToday - 9}, Date{kToday - 10}});
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(bad.status().message().find("to:"), std::string::npos);
}

TEST_F(NetworkServiceTest, WhoSeesATeamsNetwork) {
  EXPECT_TRUE(service_->TeamNetworkOf(As("peer"), "alpha", {}).ok());
  EXPECT_TRUE(service_->TeamNetworkOf(As("firmlead", UserRole::kFirmLeader), "alpha", {}).ok());
  EXPECT_TRUE(service_->TeamNetworkOf(As("admin", UserRole::kAdministrator), "alpha", {}).ok());
  // A team the viewer may not read answers as a missing one, word for word.
  const Status outsider = service_->TeamNetworkOf(As("outsider"), "alpha", {}).status();
  EXPECT_EQ(outsider.code(), StatusCode::kNotFound);
  EXPECT_EQ(outsider.message(), "team: no team 'alpha'");
  EXPECT_EQ(service_->TeamNetworkOf(As("lead2"), "alpha", {}).status().code(),
            StatusCode::kNotFound);
  EXPECT_EQ(service_->TeamNetworkOf(As("lead"), "nope", {}).status().code(), StatusCode::kNotFound);
}

TEST_F(NetworkServiceTest, FirmViewIsFirmWideOnly) {
  auto firm = service_->Firm(As("firmlead", UserRole::kFirmLeader), {});
  ASSERT_TRUE(firm.ok()) << firm.status().message();
  EXPECT_EQ(firm->people, 8u);
  EXPECT_EQ(firm->metrics.edges, 6u);  // the triangle plus englead with each of the three
  EXPECT_EQ(firm->teams.size(), 3u);
  EXPECT_FALSE(firm->communities.empty());
  EXPECT_EQ(service_->Firm(As("lead"), {}).status().code(), StatusCode::kPermissionDenied);
  auto practice = service_->Firm(As("admin", UserRole::kAdministrator), {.practice = "tax"});
  ASSERT_TRUE(practice.ok());
  EXPECT_EQ(practice->people, 8u);  // everyone is in Tax; case does not matter
  EXPECT_EQ(
      service_->Firm(As("admin", UserRole::kAdministrator), {.practice = "Law"}).status().code(),
      StatusCode::kNotFound);
}

TEST_F(NetworkServiceTest, ClientCoverageByRole) {
  // englead leads e1 (running today) for the key client c1: strong, partner.
  auto all = service_->Clients(As("firmlead", UserRole::kFirmLeader), {});
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->clients.size(), 1u);
  const network::ClientCoverage& c1 = all->state->coverage[0];
  ASSERT_FALSE(c1.holders.empty());
  EXPECT_EQ(all->state->snapshot->data().people[c1.holders[0].person].id, "englead");
  EXPECT_EQ(c1.risk, network::Risk::kSinglePartner);
  EXPECT_TRUE(c1.flagged);

  EXPECT_EQ(service_->Clients(As("englead"), {})->clients.size(), 1u);
  EXPECT_TRUE(service_->Clients(As("lead"), {})->clients.empty());  // partner, no engagement
  EXPECT_TRUE(service_->Clients(As("member"), {})->clients.empty());

  auto partner = service_->Client(As("englead"), "c1");
  ASSERT_TRUE(partner.ok()) << partner.status().message();
  EXPECT_FALSE(partner->capacity_visible);
  for (const auto& s : partner->successors) {
    EXPECT_EQ(s.free_hours_per_week, 0);
    EXPECT_EQ(s.reason.find("free hours"), std::string::npos) << s.reason;
  }
  auto leader = service_->Client(As("firmlead", UserRole::kFirmLeader), "c1");
  ASSERT_TRUE(leader.ok());
  EXPECT_TRUE(leader->capacity_visible);
  ASSERT_FALSE(leader->successors.empty());
  EXPECT_NE(leader->successors[0].reason.find("free hours"), std::string::npos);
  EXPECT_EQ(service_->Client(As("lead"), "c1").status().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(service_->Client(As("firmlead", UserRole::kFirmLeader), "c9").status().code(),
            StatusCode::kNotFound);
}

TEST_F(NetworkServiceTest, TeamFormationByRoleAndBadInput) {
  FormTeamRequest request;
  request.needs = {{"Tax law", 2}};
  auto outcome = service_->FormTeam(As("lead"), request);
  ASSERT_TRUE(outcome.ok()) << outcome.status().message();
  const FormedTeam& team = std::get<FormedTeam>(*outcome);
  ASSERT_EQ(team.proposal.cover.size(), 1u);
  EXPECT_EQ(team.proposal.cover[0], *team.state->ties.Find("member"));

  EXPECT_EQ(service_->FormTeam(As("member"), request).status().code(),
            StatusCode::kPermissionDenied);
  EXPECT_TRUE(service_->FormTeam(As("englead"), request).ok());  // leads an engagement
  request.hours = 10;
  EXPECT_EQ(service_->FormTeam(As("lead"), request).status().code(), StatusCode::kPermissionDenied);
  EXPECT_TRUE(service_->FormTeam(As("firmlead", UserRole::kFirmLeader), request).ok());
  request.hours = 0;

  request.needs = {{"Tax law", 5}, {"Juggling", 1}};
  auto bad = service_->FormTeam(As("lead"), request);
  ASSERT_TRUE(bad.ok());
  const auto& unmet = std::get<std::vector<UnmetNeed>>(*bad);
  ASSERT_EQ(unmet.size(), 2u);
  EXPECT_EQ(unmet[0].need, "Tax law:5");
  EXPECT_NE(unmet[0].expected.find("no one holds 'Tax law' at level 5"), std::string::npos)
      << unmet[0].expected;
  EXPECT_EQ(unmet[1].need, "Juggling:1");
  request.needs = {{"Tax law", 7}};
  EXPECT_EQ(service_->FormTeam(As("lead"), request).status().code(), StatusCode::kInvalidArgument);
  request.needs = {};
  EXPECT_EQ(service_->FormTeam(As("lead"), request).status().code(), StatusCode::kInvalidArgument);
}

TEST_F(NetworkServiceTest, TheStateIsBuiltOncePerSnapshot) {
  ASSERT_TRUE(service_->State().ok());
  ASSERT_TRUE(service_->State().ok());
  EXPECT_EQ(service_->builds_for_testing(), 1);
}

// The state is kept while its input kinds keep their storage: a write to
// each input kind (the conversation kinds with a store) builds it again and
// the answer follows the write; a write to any other kind builds nothing.
TEST_F(NetworkServiceTest, TheStateIsRebuiltExactlyWhenAnInputKindChanges) {
  NetworkService talk(*world_.holder(), *skills_, clock_, {}, &world_.store());
  FirmWriter writer(world_.store(), world_.holder(), clock_);
  const Date today{kToday};
  struct Case {
    std::string name;
    FirmChange change;
    bool rebuilds;
    // What the new state shows of the write (for the rebuilding cases).
    std::function<bool(const NetworkState&)> follows;
  };
  std::vector<Case> cases;
  const auto add = [&](std::string name, bool rebuilds, auto fill,
                       std::function<bool(const NetworkState&)> follows = nullptr) {
    Case c{std::move(name), {}, rebuilds, std::move(follows)};
    fill(c.change.upserts);
    cases.push_back(std::move(c));
  };
  add(
      "people", true,
      [](FirmData& d) { d.people.push_back(TestPerson("newbie", "Nia New", "associate", "lead")); },
      [](const NetworkState& s) { return s.ties.Find("newbie").has_value(); });
  add(
      "teams", true,
      [](FirmData& d) {
        d.teams.push_back({"gamma", "Gamma", "New work", "lead2", "", false, {{"peer", "member"}}});
      },
      [](const NetworkState& s) { return s.snapshot->FindTeam("gamma") != nullptr; });
  add(
      "skills", true,
      [](FirmData& d) {
        d.skills.push_back(
            {"firm:vat", "VAT", "", "", {}, SkillSource::kFirm, SkillKind::kKnowledge});
      },
      [](const NetworkState& s) { return s.snapshot->FindSkill("firm:vat") != nullptr; });
  add(
      "clients", true,
      [](FirmData& d) {
        d.clients.push_back({"c2", "Client Two", "Banks", true});
      },
      [](const NetworkState& s) { return s.coverage.size() == 2; });
  add(
      "engagements", true,
      [&](FirmData& d) {
        d.engagements.push_back({"e2", "c2", "Audit 2025", "lead", AddDays(today, -5),
                                 AddDays(today, 50), EngagementStatus::kConfirmed});
      },
      [](const NetworkState& s) {
        return s.coverage.size() == 2 && !s.coverage[1].holders.empty();
      });
  add(
      "openings", true,
      [&](FirmData& d) {
        Opening o;
        o.id = "o2";
        o.engagement_id = "e2";
        o.title = "Audit senior";
        o.hours_per_week = 10;
        o.start = today;
        o.end = AddDays(today, 20);
        d.openings.push_back(o);
      },
      [](const NetworkState& s) { return s.snapshot->data().openings.size() == 2; });
  add(
      "assignments", true,
      [&](FirmData& d) {
        d.assignments.push_back({"a1", "outsider", "o1", 10, AddDays(today, -20),
                                 AddDays(today, 20), AssignmentStatus::kConfirmed});
      },
      [](const NetworkState& s) { return s.snapshot->data().assignments.size() == 1; });
  add(
      "time entries", true,
      [&](FirmData& d) {
        d.time_entries.push_back(
            {"outsider-10", "outsider", AddDays(today, -10), 5, TimeCategory::kBillable, "e1"});
      },
      [](const NetworkState& s) { return Weight(*s.graph, "outsider", "lead") > 0; });
  add("a check-in", false, [&](FirmData& d) {
    d.checkins.push_back({"k1", "alpha", "member", today, "", "Quiet week", 1'800'000'000, {}});
  });
  add(
      "check-in questions", true,
      [](FirmData& d) {
        d.checkin_questions.push_back(
            {"q1", "k1", "alpha", "member", "lead", "Is it Friday?", 1'800'000'000, "", {}});
      },
      [](const NetworkState& s) {
        // The private tie counts for member's own view only.
        const network::Graph mine =
            s.ties.Read({.private_kinds = s.private_kinds, .viewer = s.ties.Find("member")});
        return Weight(mine, "member", "lead") > Weight(*s.graph, "member", "lead");
      });
  add("feedback requests", true, [&](FirmData& d) {
    d.feedback_requests.push_back({"f1", "peer", FeedbackEventKind::kPitch, "Pitch to C2", today,
                                   "", 1'800'000'000, AddDays(today, 14)});
  });
  add("feedback answers", true, [](FirmData& d) {
    d.feedback_answers.push_back(
        {"f1", "lead2", FeedbackAnswerStatus::kPending, "", "", {}, "", {}});
  });
  add("a skill rating", false, [](FirmData& d) {
    d.person_skills.push_back({"peer", "firm:tax", RatingSource::kSelf, 4, false, {}, {}});
  });
  add("a role", false, [](FirmData& d) {
    Role r;
    r.id = "firm:auditor";
    r.name = "Auditor";
    d.roles.push_back(r);
  });

  ASSERT_TRUE(talk.State().ok());
  int64_t builds = talk.builds_for_testing();
  ASSERT_EQ(builds, 1);
  for (Case& c : cases) {
    const Status committed =
        writer.Commit(WriteRequest{std::move(c.change), std::nullopt, ""}).status();
    ASSERT_TRUE(committed.ok()) << c.name << ": " << committed.ToString();
    auto state = talk.State();
    ASSERT_TRUE(state.ok()) << c.name << ": " << state.status().ToString();
    if (c.rebuilds) ++builds;
    EXPECT_EQ(talk.builds_for_testing(), builds) << c.name;
    if (c.rebuilds) {
      EXPECT_EQ((*state)->snapshot->version(), world_.holder()->Current()->version()) << c.name;
      if (c.follows) {
        EXPECT_TRUE(c.follows(**state)) << c.name;
      }
    }
  }
  // A new day builds it again: coverage and timelines are as of today.
  clock_.Advance(kSecondsPerDay);
  auto tomorrow = talk.State();
  ASSERT_TRUE(tomorrow.ok());
  EXPECT_EQ(talk.builds_for_testing(), builds + 1);
  EXPECT_EQ((*tomorrow)->today, AddDays(today, 1));

  // Without a store the conversation kinds are no input.
  ASSERT_TRUE(service_->State().ok());
  EXPECT_EQ(service_->builds_for_testing(), 1);
  FirmChange question;
  question.upserts.checkin_questions.push_back(
      {"q2", "k1", "alpha", "peer", "lead", "And Monday?", 1'800'000'000, "", {}});
  ASSERT_TRUE(writer.Commit(WriteRequest{std::move(question), std::nullopt, ""}).ok());
  ASSERT_TRUE(service_->State().ok());
  EXPECT_EQ(service_->builds_for_testing(), 1);
}

}  // namespace
}  // namespace guild
