// Times the demo generator alone (no store): loads the taxonomy, generates a
// firm of N people, and prints seconds, entity counts and peak RSS. Used by
// bench/demo/run.sh to split `guild demo`'s time into generation and writing.
// With a DB argument it also writes the firm there (as `guild demo` does) and
// times that step.
//
//   demo_generate PEOPLE SEED TAXONOMY_DIR [DB]
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>
#include <vector>

#include "demo/demo.h"
#include "demo/write.h"
#include "taxonomy/taxonomy.h"

namespace {

constexpr double kKibPerGib = 1024.0 * 1024.0;
constexpr size_t kChunk = 100000;     // as `guild demo`
constexpr guild::Date kToday{20200};  // 2025-04-22, fixed so runs compare

double Since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

int Write(const char* db, const guild::FirmData& taxonomy, guild::FirmData& firm) {
  auto start = std::chrono::steady_clock::now();
  auto store = guild::OpenStore({.url = db, .durability = guild::Durability::kOff});
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 2;
  }
  guild::Status s = (*store)->Clear();
  // Per-kind write rates: each callback closes one batch of `step`.
  std::vector<std::string> order;
  std::map<std::string, std::pair<int64_t, double>> rates;  // rows, seconds
  int64_t last_done = 0;
  auto last = std::chrono::steady_clock::now();
  auto report = [&](std::string_view step, int64_t done, int64_t) {
    std::string key(step);
    if (!rates.count(key)) order.push_back(key);
    rates[key].first += done - last_done;
    rates[key].second += Since(last);
    last_done = done;
    last = std::chrono::steady_clock::now();
  };
  if (s.ok())
    s = guild::WriteDemoFirm(
        [&](guild::FirmChange&& change) { return (*store)->Commit(change).status(); }, taxonomy,
        firm, kChunk, report);
  for (const auto& key : order) {
    auto [rows, secs] = rates[key];
    std::printf("  write %-14s %9lld rows %7.2f s %9.0f rows/s\n", key.c_str(),
                static_cast<long long>(rows), secs, rows / std::max(secs, 1e-9));
  }
  if (!s.ok()) {
    std::fprintf(stderr, "%s\n", s.ToString().c_str());
    return 2;
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("write_s %.2f\npeak_rss_gib %.2f\n", Since(start), usage.ru_maxrss / kKibPerGib);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::fprintf(stderr, "usage: demo_generate PEOPLE SEED TAXONOMY_DIR [DB]\n");
    return 1;
  }
  auto start = std::chrono::steady_clock::now();
  auto taxonomy = guild::LoadTaxonomy({.directory = argv[3]});
  if (!taxonomy.ok()) {
    std::fprintf(stderr, "%s\n", taxonomy.status().ToString().c_str());
    return 2;
  }
  double load = Since(start);
  start = std::chrono::steady_clock::now();
  guild::DemoOptions options{
      .people = std::atoi(argv[1]), .seed = std::strtoull(argv[2], nullptr, 10), .today = kToday};
  auto firm = guild::GenerateDemoFirm(options, *taxonomy);
  if (!firm.ok()) {
    std::fprintf(stderr, "%s\n", firm.status().ToString().c_str());
    return 2;
  }
  double generate = Since(start);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("load_taxonomy_s %.2f\ngenerate_s %.2f\nentities %zu\n", load, generate,
              firm->TotalCount());
  for (guild::EntityKind k : guild::kAllEntityKinds) {
    std::printf("  %s %zu\n", std::string(guild::ToString(k)).c_str(), firm->Count(k));
  }
  std::printf("peak_rss_after_generate_gib %.2f\n", usage.ru_maxrss / kKibPerGib);
  if (argc == 5) return Write(argv[4], *taxonomy, *firm);
  return 0;
}
