// The practice leader's overdue view (CheckinsService::GetOverdueOfReports)
// against a brute-force reference — for every person, walk manager_id up to
// the top and keep those who reach the viewer; their statuses from the
// named-teams list — on random small firms, and who may ask for whose line.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <tuple>

#include "service/checkins/checkins_service.h"
#include "service/checkins/reporting_tree.h"
#include "service/testing/test_firm.h"

namespace guild {
namespace {

using checkins::MemberStatus;
using service::testing::SnapshotWorld;
using service::testing::TestPerson;

constexpr int64_t kDay = 86400;
constexpr int kPeople = 60;
constexpr size_t kMaxTeamMembers = 4;

Date D(const char* text) { return *ParseDate(text); }
std::string Id(int i) { return "p" + std::to_string(i); }
Principal As(const std::string& person) { return {"u-" + person, UserRole::kMember, person}; }

// (team id, person id, status) of everyone listed.
using Row = std::tuple<std::string, std::string, MemberStatus>;

// A random reporting tree of kPeople, a team per manager and up to
// kMaxTeamMembers of their reports (weekly, or fortnightly for every third),
// a team across branches ("mixed", led by p2, its leader also listed), one
// without check-ins ("quiet"), someone on leave (p7) and a joiner (p8).
FirmData RandomFirm(std::mt19937& rng) {
  FirmData firm;
  std::vector<std::vector<int>> reports(kPeople);
  for (int i = 0; i < kPeople; ++i) {
    const int manager = i == 0 ? -1 : static_cast<int>(rng() % i);
    if (manager >= 0) reports[manager].push_back(i);
    firm.people.mut().push_back(
        TestPerson(Id(i), "Person " + std::to_string(i), "associate", i ? Id(manager) : ""));
  }
  firm.people.mut()[8].start_date = D("2026-12-08");
  for (int m = 0; m < kPeople; ++m) {
    for (size_t from = 0; from < reports[m].size(); from += kMaxTeamMembers) {
      Team t{
          "t" + std::to_string(m) + "-" + std::to_string(from), "Team", "", Id(m), "", false, {}};
      for (size_t k = from; k < std::min(reports[m].size(), from + kMaxTeamMembers); ++k) {
        t.members.push_back({Id(reports[m][k]), "member"});
      }
      t.checkin_cadence_days = m % 3 == 0 ? 14 : 7;
      firm.teams.mut().push_back(std::move(t));
    }
  }
  Team mixed{"mixed",
             "Mixed",
             "",
             "p2",
             "",
             false,
             {{"p2", "lead"},
              {"p10", "member"},
              {"p20", "member"},
              {"p30", "member"},
              {"p40", "member"},
              {"p50", "member"}}};
  Team quiet{"quiet", "Quiet", "", "p1", "", false, {{"p3", "member"}, {"p4", "member"}}};
  quiet.checkin_cadence_days = 0;
  firm.teams.mut().push_back(std::move(mixed));
  firm.teams.mut().push_back(std::move(quiet));
  firm.time_entries = {{"off1", "p7", D("2026-12-07"), 8, TimeCategory::kTimeOff, ""},
                       {"off2", "p7", D("2026-12-08"), 8, TimeCategory::kTimeOff, ""},
                       {"off3", "p7", D("2026-12-09"), 8, TimeCategory::kTimeOff, ""}};
  return firm;
}

class ReportsOverdueTest : public ::testing::Test {
 protected:
  void Open(FirmData firm) {
    service_.reset();
    writer_.reset();
    world_ = std::make_unique<SnapshotWorld>(std::move(firm));
    ASSERT_TRUE(world_->Open("guild-reports-overdue").ok());
    writer_ = std::make_unique<FirmWriter>(world_->store(), world_->holder(), clock_);
    service_ =
        std::make_unique<CheckinsService>(world_->store(), *world_->holder(), *writer_, clock_);
  }

  // Members of every team with check-ins submit (2 in 5), draft (1 in 5) or
  // save nothing this cycle; 1 in 3 submitted late for the cycle of `past`.
  void SaveCheckins(const FirmData& firm, std::mt19937& rng, Date past) {
    for (const Team& t : firm.teams) {
      if (t.checkin_cadence_days <= 0) continue;
      for (const TeamMember& m : t.members) {
        if (m.person_id == t.leader_id) continue;
        CheckinDraft d;
        d.client_change = "Changed";
        const unsigned roll = rng() % 5;
        if (roll < 3) {
          d.submit = roll < 2;
          ASSERT_TRUE(service_->Save(As(m.person_id), t.id, d).ok()) << m.person_id;
        }
        if (rng() % 3 == 0) {
          d.submit = true;
          d.cycle = past;
          ASSERT_TRUE(service_->Save(As(m.person_id), t.id, d).ok()) << m.person_id;
        }
      }
    }
  }

  // The reference: everyone whose manager chain reaches `viewer`, with their
  // statuses as the named-teams list gives them.
  std::vector<Row> Reference(const FirmData& firm, const std::string& viewer, Date day,
                             size_t* line) {
    std::map<std::string, std::string> manager_of;
    for (const Person& p : firm.people) manager_of[p.id] = p.manager_id;
    std::set<std::string> below;
    for (const Person& p : firm.people) {
      for (std::string m = p.manager_id; !m.empty(); m = manager_of[m]) {
        if (m == viewer) below.insert(p.id);
      }
    }
    *line = below.size();
    std::vector<std::string> teams;
    for (const Team& t : firm.teams) {
      if (t.checkin_cadence_days > 0) teams.push_back(t.id);
    }
    const Principal admin{"u-admin", UserRole::kAdministrator, ""};
    auto all = service_->GetOverdueOf(admin, teams, day);
    EXPECT_TRUE(all.ok()) << all.status().ToString();
    std::vector<Row> out;
    for (const OverdueList::Team& t : all->teams) {
      for (const MemberCheckin& m : t.members) {
        const std::string& person = all->snapshot->data().people[m.person].id;
        if (below.count(person)) {
          out.emplace_back(all->snapshot->data().teams[t.team].id, person, m.status);
        }
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  static std::vector<Row> Rows(const ReportsOverdue& got) {
    std::vector<Row> out;
    for (const OverdueList::Team& t : got.teams) {
      EXPECT_FALSE(t.members.empty());
      for (const MemberCheckin& m : t.members) {
        EXPECT_FALSE(m.checkin);  // statuses only
        out.emplace_back(got.snapshot->data().teams[t.team].id,
                         got.snapshot->data().people[m.person].id, m.status);
      }
    }
    std::sort(out.begin(), out.end());
    return out;
  }

  FakeClock clock_{int64_t{D("2026-12-09").days} * kDay + 10 * 3600};
  std::unique_ptr<SnapshotWorld> world_;
  std::unique_ptr<FirmWriter> writer_;
  std::unique_ptr<CheckinsService> service_;
};

TEST_F(ReportsOverdueTest, MatchesAWalkUpEveryManagerChain) {
  const Date past = D("2026-11-18");
  int compared = 0;
  for (unsigned seed = 1; seed <= 3; ++seed) {
    std::mt19937 rng(seed);
    const FirmData firm = RandomFirm(rng);
    Open(firm);
    SaveCheckins(firm, rng, past);
    for (const Person& viewer : firm.people) {
      for (std::optional<Date> day : {std::optional<Date>(), std::optional<Date>(past)}) {
        size_t line = 0;
        const std::vector<Row> expected =
            Reference(firm, viewer.id, day.value_or(clock_.Today()), &line);
        auto got = service_->GetOverdueOfReports(As(viewer.id), "", day);
        ASSERT_TRUE(got.ok()) << got.status().ToString();
        EXPECT_EQ(got->reporting_line, line) << viewer.id;
        const std::vector<Row> rows = Rows(*got);
        EXPECT_EQ(rows, expected) << "seed " << seed << ", viewer " << viewer.id;
        int due = 0, draft = 0, overdue = 0;
        for (const Row& r : rows) {
          const MemberStatus s = std::get<2>(r);
          (s == MemberStatus::kDue ? due : s == MemberStatus::kDraft ? draft : overdue)++;
        }
        EXPECT_EQ(std::tie(got->due, got->draft, got->overdue), std::tie(due, draft, overdue));
        compared += static_cast<int>(rows.size());
      }
    }
  }
  EXPECT_GT(compared, 500);  // the firms are not trivially empty
}

TEST_F(ReportsOverdueTest, ManagersUpTheLineFirmLeadersAndAdministratorsOnly) {
  // top -> mid -> low -> leaf; side reports to top; "team" (led by mid) has
  // low and leaf, who have not checked in.
  FirmData firm;
  firm.people = {TestPerson("top", "Top", "partner"), TestPerson("mid", "Mid", "senior", "top"),
                 TestPerson("low", "Low", "associate", "mid"),
                 TestPerson("leaf", "Leaf", "associate", "low"),
                 TestPerson("side", "Side", "associate", "top")};
  firm.teams = {{"team", "Team", "", "mid", "", false, {{"low", "member"}, {"leaf", "member"}}}};
  Open(firm);
  struct Case {
    Principal viewer;
    std::string line_of;
    StatusCode code;
    size_t listed;
  };
  const Case cases[] = {
      {As("top"), "", StatusCode::kOk, 2},     // indirect reports, through mid
      {As("top"), "low", StatusCode::kOk, 1},  // anyone below them
      {As("mid"), "", StatusCode::kOk, 2},
      {As("low"), "", StatusCode::kOk, 1},  // leaf only: low is not below low
      {As("leaf"), "", StatusCode::kOk, 0},
      {As("low"), "mid", StatusCode::kNotFound, 0},   // not up the line
      {As("side"), "low", StatusCode::kNotFound, 0},  // a peer branch
      {As("side"), "ghost", StatusCode::kNotFound, 0},
      {{"u-fl", UserRole::kFirmLeader, ""}, "top", StatusCode::kOk, 2},
      {{"u-admin", UserRole::kAdministrator, ""}, "mid", StatusCode::kOk, 2},
      {{"u-none", UserRole::kMember, ""}, "", StatusCode::kInvalidArgument, 0},
  };
  for (const Case& c : cases) {
    auto got = service_->GetOverdueOfReports(c.viewer, c.line_of, std::nullopt);
    const std::string what = c.viewer.user_id + " asks for " + c.line_of;
    ASSERT_EQ(got.status().code(), c.code) << what << ": " << got.status().ToString();
    if (!got.ok()) continue;
    size_t listed = 0;
    for (const auto& t : got->teams) listed += t.members.size();
    EXPECT_EQ(listed, c.listed) << what;
  }
  auto none = service_->GetOverdueOfReports({"u-none", UserRole::kMember, ""}, "", std::nullopt);
  EXPECT_EQ(none.status().message().substr(0, 7), "person:");
}

TEST(ReportingTreeTest, RangesHoldEveryoneBelowAndCyclesEndTheWalk) {
  FirmData firm;
  firm.people = {TestPerson("a", "A", "partner"),     TestPerson("b", "B", "senior", "a"),
                 TestPerson("c", "C", "junior", "b"), TestPerson("d", "D", "junior", "a"),
                 TestPerson("x", "X", "junior", "y"), TestPerson("y", "Y", "junior", "x"),
                 TestPerson("z", "Z", "junior", "x")};
  auto snapshot = FirmSnapshot::Build(std::move(firm), 1);
  const auto tree = checkins::ReportingTree::Build(*snapshot);
  const auto below = [&](const char* id) {
    std::set<std::string> out;
    for (uint32_t p : tree.Below(*snapshot->PersonIndex(id))) {
      out.insert(snapshot->data().people[p].id);
    }
    return out;
  };
  EXPECT_EQ(below("a"), (std::set<std::string>{"b", "c", "d"}));
  EXPECT_EQ(below("b"), (std::set<std::string>{"c"}));
  EXPECT_TRUE(below("c").empty());
  // x and y manage each other: the walk starts at x, the first of the cycle.
  EXPECT_EQ(below("x"), (std::set<std::string>{"y", "z"}));
  EXPECT_TRUE(below("y").empty());
  EXPECT_TRUE(tree.IsBelow(*snapshot->PersonIndex("c"), *snapshot->PersonIndex("a")));
  EXPECT_FALSE(tree.IsBelow(*snapshot->PersonIndex("a"), *snapshot->PersonIndex("a")));
  EXPECT_FALSE(tree.IsBelow(*snapshot->PersonIndex("d"), *snapshot->PersonIndex("b")));
}

}  // namespace
}  // namespace guild
