// Demo firms for the demo module's tests.
#include "demo/testing/demo_firm.h"

#include <gtest/gtest.h>

#include "demo/demo.h"
#include "taxonomy/taxonomy.h"

namespace guild::demo::testing {

const FirmData& ShippedTaxonomy() {
  static const FirmData* data = [] {
    auto r = LoadTaxonomy({.directory = GUILD_TEST_TAXONOMY_DIR});
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return new FirmData(r.ok() ? std::move(r).value() : FirmData{});
  }();
  return *data;
}

FirmData GenerateDemo(int people, uint64_t seed) {
  auto r =
      GenerateDemoFirm({.people = people, .seed = seed, .today = kDemoToday}, ShippedTaxonomy());
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : FirmData{};
}

}  // namespace guild::demo::testing
