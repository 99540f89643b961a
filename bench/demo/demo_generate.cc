// Times the demo generator alone (no store): loads the taxonomy, generates a
// firm of N people, then its check-in and feedback history in chunks of
// people (counted and dropped, as `guild demo` writes and frees them), and
// prints seconds, entity counts and peak RSS. Used by bench/demo/run.sh to
// split `guild demo`'s time into generation and writing. With a DB argument
// it writes the firm and its history there instead (as `guild demo` does)
// and times that step.
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

int Write(const char* db, const guild::FirmData& taxonomy, guild::DemoFirm& demo) {
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
        demo, guild::DemoWriteOptions{.chunk = kChunk}, report);
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
  auto demo = guild::GenerateDemoFirmInParts(options, *taxonomy);
  if (!demo.ok()) {
    std::fprintf(stderr, "%s\n", demo.status().ToString().c_str());
    return 2;
  }
  double generate = Since(start);
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("load_taxonomy_s %.2f\ngenerate_s %.2f (without the history)\n", load, generate);
  std::printf("peak_rss_after_generate_gib %.2f\n", usage.ru_maxrss / kKibPerGib);
  if (argc == 5) return Write(argv[4], *taxonomy, *demo);
  start = std::chrono::steady_clock::now();
  std::map<guild::EntityKind, size_t> history;
  const uint32_t people = static_cast<uint32_t>(kChunk) / demo->max_checkins_per_person();
  for (uint32_t begin = 0; begin < demo->people(); begin += people) {
    guild::FirmData part;
    demo->GenerateHistory(begin, std::min(demo->people(), begin + people), part);
    for (guild::EntityKind k : guild::kAllEntityKinds) history[k] += part.Count(k);
  }
  std::printf("generate_history_s %.2f\n", Since(start));
  for (guild::EntityKind k : guild::kAllEntityKinds) {
    std::printf("  %s %zu\n", std::string(guild::ToString(k)).c_str(),
                demo->firm().Count(k) + history[k]);
  }
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak_rss_after_history_gib %.2f\n", usage.ru_maxrss / kKibPerGib);
  return 0;
}
