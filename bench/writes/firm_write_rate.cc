// Small firm writes through the FirmWriter (the path every service writes
// by): each write upserts one person-skill rating with its audit entry, in
// one transaction with its change-feed record, and moves this server's
// snapshot before it returns. Concurrent clients, on a SQLite store with
// durable commits (synchronous=FULL) or on PostgreSQL.
//
// The peer, in the same run on the same firm: the same writes with group
// commit off (max_batch = 1: one durable commit per write, what a store
// without batching does). Prints writes/s, latency percentiles and the ratio.
//
// Usage: firm_write_rate [--people N] [--seconds S] [--clients C] [--url URL]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "service/snapshot/snapshot_holder.h"
#include "service/writes/firm_writer.h"
#include "store/store.h"

namespace {

using Steady = std::chrono::steady_clock;

struct Flags {
  int people = 2000;
  double seconds = 5;
  int clients = 16;
  std::string url;  // empty: a temporary SQLite file
};

Flags ParseFlags(int argc, char** argv) {
  Flags flags;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    const char* value = argv[i + 1];
    if (name == "--people") {
      flags.people = std::atoi(value);
    } else if (name == "--seconds") {
      flags.seconds = std::atof(value);
    } else if (name == "--clients") {
      flags.clients = std::atoi(value);
    } else if (name == "--url") {
      flags.url = value;
    } else {
      std::fprintf(stderr, "unknown flag %s\n", name.c_str());
      std::exit(2);
    }
  }
  return flags;
}

constexpr int kSkills = 200;
constexpr int kSkillsPerPerson = 8;

std::string PersonId(int i) { return "p" + std::to_string(i); }
std::string SkillId(int i) { return "firm:s" + std::to_string(i); }

guild::FirmData Firm(int people) {
  guild::FirmData firm;
  for (int s = 0; s < kSkills; ++s) {
    firm.skills.push_back({SkillId(s), "Skill " + std::to_string(s), "", "", {}, {}, {}});
  }
  std::mt19937 rng(7);
  for (int p = 0; p < people; ++p) {
    guild::Person person;
    person.id = PersonId(p);
    person.name = "Person " + std::to_string(p);
    person.email = person.id + "@firm.test";
    person.grade = "associate";
    if (p > 0) person.manager_id = PersonId(p / 10);
    firm.people.push_back(std::move(person));
    for (int k = 0; k < kSkillsPerPerson; ++k) {
      firm.person_skills.push_back({PersonId(p), SkillId(static_cast<int>(rng() % kSkills)),
                                    guild::RatingSource::kManager, 1 + static_cast<int>(rng() % 5),
                                    false, std::nullopt, std::nullopt});
    }
  }
  return firm;
}

struct RunResult {
  double writes_per_second = 0;
  double p50_ms = 0;
  double p99_ms = 0;
  int64_t batches = 0;
};

RunResult Run(guild::Store& store, guild::SnapshotHolder& holder, const Flags& flags,
              size_t max_batch) {
  guild::SystemClock clock;
  guild::FirmWriter writer(store, &holder, clock, guild::FirmWriterOptions{max_batch});
  std::vector<std::vector<double>> latencies(flags.clients);
  std::atomic<int> failures{0};
  const auto deadline = Steady::now() + std::chrono::duration_cast<Steady::duration>(
                                            std::chrono::duration<double>(flags.seconds));
  const auto started = Steady::now();
  std::vector<std::thread> threads;
  for (int c = 0; c < flags.clients; ++c) {
    threads.emplace_back([&, c] {
      std::mt19937 rng(100 + c);
      while (Steady::now() < deadline) {
        const std::string person = PersonId(static_cast<int>(rng() % flags.people));
        guild::WriteRequest request;
        request.change.upserts.person_skills.push_back(
            {person, SkillId(static_cast<int>(rng() % kSkills)), guild::RatingSource::kSelf,
             1 + static_cast<int>(rng() % 5), true, std::nullopt, std::nullopt});
        request.audit = guild::AuditEntry{0, 0, "bench", "skill.rate", "person_skills", person, ""};
        const auto t0 = Steady::now();
        if (!writer.Commit(request).ok()) ++failures;
        latencies[c].push_back(
            std::chrono::duration<double, std::milli>(Steady::now() - t0).count());
      }
    });
  }
  for (std::thread& t : threads) t.join();
  const double elapsed = std::chrono::duration<double>(Steady::now() - started).count();
  if (failures > 0) {
    std::fprintf(stderr, "%d writes failed\n", failures.load());
    std::exit(1);
  }
  std::vector<double> all;
  for (const auto& l : latencies) all.insert(all.end(), l.begin(), l.end());
  std::sort(all.begin(), all.end());
  RunResult result;
  result.writes_per_second = static_cast<double>(all.size()) / elapsed;
  result.p50_ms = all[all.size() / 2];
  result.p99_ms = all[std::min(all.size() - 1, all.size() * 99 / 100)];
  result.batches = writer.batches_for_testing();
  return result;
}

}  // namespace

int main(int argc, char** argv) {
  const Flags flags = ParseFlags(argc, argv);
  std::string url = flags.url;
  std::filesystem::path dir;
  if (url.empty()) {
    char pattern[] = "/tmp/guild-bench-writes-XXXXXX";
    if (mkdtemp(pattern) == nullptr) return 1;
    dir = pattern;
    url = (dir / "guild.db").string();
  }
  auto store = guild::OpenStore({url, true, guild::Durability::kFull});
  if (!store.ok()) {
    std::fprintf(stderr, "%s\n", store.status().ToString().c_str());
    return 1;
  }
  if (!(*store)->Clear().ok() || !(*store)->Upsert(Firm(flags.people)).ok()) {
    std::fprintf(stderr, "cannot write the firm\n");
    return 1;
  }
  guild::SnapshotHolder holder(**store, guild::SnapshotOptions{});
  if (!holder.Load().ok()) return 1;

  std::printf("backend=%s durability=full people=%d clients=%d seconds=%.0f\n",
              (*store)->BackendName().c_str(), flags.people, flags.clients, flags.seconds);
  const RunResult single = Run(**store, holder, flags, 1);
  const RunResult group = Run(**store, holder, flags, 256);
  std::printf(
      "one commit per write (peer): %8.0f writes/s  p50 %6.2f ms  p99 %7.2f ms  "
      "transactions %lld\n",
      single.writes_per_second, single.p50_ms, single.p99_ms,
      static_cast<long long>(single.batches));
  std::printf(
      "group commit (FirmWriter):   %8.0f writes/s  p50 %6.2f ms  p99 %7.2f ms  "
      "transactions %lld\n",
      group.writes_per_second, group.p50_ms, group.p99_ms, static_cast<long long>(group.batches));
  std::printf("ratio group/single %.2f; snapshot loads %lld, catch-ups %lld\n",
              group.writes_per_second / single.writes_per_second,
              static_cast<long long>(holder.stats().loads),
              static_cast<long long>(holder.stats().catch_ups));
  if (!dir.empty()) std::filesystem::remove_all(dir);
  return 0;
}
