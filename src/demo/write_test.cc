#include "demo/write.h"

#include <gtest/gtest.h>
#include <stdlib.h>

#include <cstdlib>

#include "demo/demo.h"
#include "taxonomy/taxonomy.h"

namespace guild {
namespace {

TEST(WriteDemoFirm, StoresEveryEntityAndCountsMatch) {
  auto taxonomy = LoadTaxonomy({.directory = GUILD_TEST_TAXONOMY_DIR});
  ASSERT_TRUE(taxonomy.ok()) << taxonomy.status().ToString();
  // 400 people: a year of check-ins (~15,000), feedback and inbox items too.
  auto firm = GenerateDemoFirm({.people = 400, .seed = 5, .today = Date{20200}}, *taxonomy);
  ASSERT_TRUE(firm.ok()) << firm.status().ToString();
  FirmData expected_counts = *firm;  // copied before WriteDemoFirm moves it out
  ASSERT_GT(expected_counts.checkins.size(), 10000u);
  ASSERT_GT(expected_counts.inbox_items.size(), 0u);
  char dir[] = "/tmp/guild_demo_write_XXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  auto store = OpenStore({.url = std::string(dir) + "/demo.db", .durability = Durability::kOff});
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  int64_t last_done = -1, total = 0;
  Status s = WriteDemoFirm([&](FirmChange&& change) { return (*store)->Commit(change).status(); },
                           *taxonomy, *firm, 1000,
                           [&](std::string_view, int64_t done, int64_t t) {
                             EXPECT_GE(done, last_done);
                             last_done = done;
                             total = t;
                           });
  ASSERT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(last_done, total);
  EXPECT_TRUE(firm->people.empty());
  for (EntityKind k : kAllEntityKinds) {
    auto n = (*store)->Count(k);
    ASSERT_TRUE(n.ok()) << n.status().ToString();
    EXPECT_EQ(static_cast<size_t>(*n), expected_counts.Count(k) + taxonomy->Count(k))
        << ToString(k);
  }
}

}  // namespace
}  // namespace guild
