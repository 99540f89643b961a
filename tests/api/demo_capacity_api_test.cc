// What `guild demo` reports about loads agrees with the staffing board's
// capacity (issue 23): a generated demo firm served over HTTP, its summary
// (SummarizeDemoFirm, what the CLI prints) beside GET
// /api/v1/staffing/capacity for the same people in the week holding the
// demo's today and the weeks after.
//  - every overloaded partner (logs more than their capacity) is booked
//    beyond their capacity: no free hours;
//  - every under-used associate (bills under half their capacity) has at
//    least half their capacity free.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <map>

#include "api_fixture.h"
#include "demo/demo.h"
#include "taxonomy/taxonomy.h"

namespace guild::api::testing {
namespace {

using nlohmann::json;
constexpr int kPeople = 600;
constexpr int kWeeks = 4;
constexpr Date kToday{20200};  // 2025-04-22, a Tuesday
constexpr int64_t kNow = int64_t{20200} * 86400 + int64_t{9} * 3600;

struct Demo {
  FirmData firm;  // taxonomy and generated firm, ready to write
  DemoSummary summary;
};

const Demo& GeneratedDemo() {
  static const Demo* demo = [] {
    auto* d = new Demo;
    auto taxonomy = LoadTaxonomy({.directory = GUILD_TEST_TAXONOMY_DIR});
    EXPECT_TRUE(taxonomy.ok()) << taxonomy.status().ToString();
    if (!taxonomy.ok()) return d;
    auto firm = GenerateDemoFirm({.people = kPeople, .seed = 5, .today = kToday}, *taxonomy);
    EXPECT_TRUE(firm.ok()) << firm.status().ToString();
    if (!firm.ok()) return d;
    d->summary = SummarizeDemoFirm(*firm, DefaultTimeEntryWeeks(kPeople), kPeople);
    d->firm = std::move(*firm);
    auto skills = taxonomy->skills.take();
    for (const Skill& s : d->firm.skills) skills.push_back(s);
    d->firm.skills = std::move(skills);
    auto roles = taxonomy->roles.take();
    for (const Role& r : d->firm.roles) roles.push_back(r);
    d->firm.roles = std::move(roles);
    return d;
  }();
  return *demo;
}

class DemoCapacityApiTest : public ServerSuite {
 protected:
  static void SetUpTestSuite() {
    StartSuite("/tmp/guild-demo-capacity-XXXXXX", kNow, GeneratedDemo().firm,
               {{"u-admin", "admin@firm.test", "", UserRole::kAdministrator}});
  }
  static void TearDownTestSuite() { StopSuite(); }

  struct Week {
    double capacity = 0;
    double booked = 0;  // confirmed and tentative
    double time_off = 0;
    [[nodiscard]] double free() const { return capacity - booked - time_off; }
  };

  // Each person's weeks from the week holding kToday, as the board shows them.
  static std::map<std::string, std::vector<Week>> Capacity(const std::vector<PersonLoad>& loads) {
    std::string query = "/staffing/capacity?limit=500&weeks=" + std::to_string(kWeeks) +
                        "&from=" + FormatDate(kToday);
    for (const PersonLoad& l : loads) query += "&person=" + l.person_id;
    const json page = Ok(Call("admin", "GET", query));
    std::map<std::string, std::vector<Week>> rows;
    for (const json& row : page["items"]) {
      auto& weeks = rows[row["person"]["id"].get<std::string>()];
      for (const json& w : row["weeks"]) {
        weeks.push_back({w["capacity"].get<double>(),
                         w["confirmed"].get<double>() + w["tentative"].get<double>(),
                         w["time_off"].get<double>()});
      }
    }
    return rows;
  }
};

TEST_F(DemoCapacityApiTest, OverloadedPartnersHaveNoFreeHours) {
  const DemoSummary& s = GeneratedDemo().summary;
  ASSERT_GT(s.overloaded_partner_count, 3);
  ASSERT_EQ(static_cast<int>(s.overloaded_partners.size()), s.overloaded_partner_count);
  const auto rows = Capacity(s.overloaded_partners);
  for (const PersonLoad& l : s.overloaded_partners) {
    ASSERT_TRUE(rows.count(l.person_id)) << l.person_id << " has no capacity row";
    // The week holding today: the demo says they log more than their week.
    const Week& now = rows.at(l.person_id).at(0);
    EXPECT_EQ(now.capacity, l.capacity_hours) << l.person_id;
    EXPECT_LT(now.free(), 0) << l.name << " (" << l.person_id << ") logs " << l.total_hours
                             << " h/week against " << l.capacity_hours << " h but the board shows "
                             << now.free() << " h free";
  }
}

TEST_F(DemoCapacityApiTest, UnderusedAssociatesHaveHalfTheirWeekFree) {
  const DemoSummary& s = GeneratedDemo().summary;
  ASSERT_GT(s.underused_associate_count, 3);
  ASSERT_EQ(static_cast<int>(s.underused_associates.size()), s.underused_associate_count);
  const auto rows = Capacity(s.underused_associates);
  for (const PersonLoad& l : s.underused_associates) {
    ASSERT_TRUE(rows.count(l.person_id)) << l.person_id << " has no capacity row";
    const std::vector<Week>& weeks = rows.at(l.person_id);
    ASSERT_EQ(weeks.size(), static_cast<size_t>(kWeeks));
    EXPECT_GE(weeks[0].free(), 0.5 * l.capacity_hours)
        << l.name << " (" << l.person_id << ") bills " << l.billable_hours << " h/week of "
        << l.capacity_hours << " h but the board shows " << weeks[0].free() << " h free";
    // Later weeks: booked work stays under half their week (a planned week
    // off is not work).
    for (const Week& w : weeks) EXPECT_LE(w.booked, 0.5 * l.capacity_hours) << l.person_id;
  }
}

}  // namespace
}  // namespace guild::api::testing
