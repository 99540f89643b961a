#include "domain/team_version.h"

#include <gtest/gtest.h>

#include <functional>
#include <vector>

namespace guild {
namespace {

Team Alpha() {
  Team t{"alpha", "Alpha", "Win tax work", "lead", "c1", false, {{"member", "member"}}};
  t.engagement_id = "e1";
  return t;
}

// The version is 16 hex digits, the same for equal teams, and different
// after a change to any one field (what If-Match relies on).
TEST(TeamVersion, ChangesWithEveryField) {
  const std::string base = TeamVersion(Alpha());
  ASSERT_EQ(base.size(), 16u);
  EXPECT_EQ(base.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(TeamVersion(Alpha()), base);
  const std::vector<std::function<void(Team&)>> changes = {
      [](Team& t) { t.id = "alpha2"; },
      [](Team& t) { t.name = "Alpha!"; },
      [](Team& t) { t.purpose = "Win more tax work"; },
      [](Team& t) { t.leader_id = "lead2"; },
      [](Team& t) { t.client_id = ""; },
      [](Team& t) { t.leadership_team = true; },
      [](Team& t) {
        t.members.push_back({"peer", "member"});
      },
      [](Team& t) { t.members[0].role = "coach"; },
      [](Team& t) { t.kind = TeamKind::kEngagement; },
      [](Team& t) { t.engagement_id = "e2"; },
      [](Team& t) { t.checkin_cadence_days = 14; },
      // The same characters split differently between two fields.
      [](Team& t) {
        t.name = "AlphaW";
        t.purpose = "in tax work";
      },
  };
  for (size_t i = 0; i < changes.size(); ++i) {
    Team t = Alpha();
    changes[i](t);
    EXPECT_NE(TeamVersion(t), base) << "change " << i;
  }
}

}  // namespace
}  // namespace guild
