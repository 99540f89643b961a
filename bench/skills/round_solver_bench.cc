// The mentoring round's solver alone, on a round saved from the demo firm, so
// the solver can be timed (and compared with LEMON) without regenerating the
// firm each time.
//
// Usage: round_solver_bench --save FILE [--people N] [--taxonomy DIR]
//        round_solver_bench --load FILE [--network-simplex 0|1]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <string>
#include <vector>

#include "demo/demo.h"
#include "engine/skills/internal/assignment.h"
#include "engine/skills/mentoring.h"
#include "taxonomy/taxonomy.h"

namespace {

using guild::skills::internal::AssignmentProblem;

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

template <typename T>
void Write(std::ofstream& out, const std::vector<T>& v) {
  const uint64_t n = v.size();
  out.write(reinterpret_cast<const char*>(&n), sizeof n);
  out.write(reinterpret_cast<const char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T)));
}

template <typename T>
bool Read(std::ifstream& in, std::vector<T>& v) {
  uint64_t n = 0;
  if (!in.read(reinterpret_cast<char*>(&n), sizeof n)) return false;
  v.resize(n);
  return static_cast<bool>(
      in.read(reinterpret_cast<char*>(v.data()), static_cast<std::streamsize>(n * sizeof(T))));
}

// The round's problem as MentoringRound builds it (mentees and mentors
// numbered in arc order).
AssignmentProblem FromArcs(int32_t people, const std::vector<guild::skills::MentorPair>& arcs) {
  AssignmentProblem p;
  p.capacity = guild::skills::RoundOptions{}.mentees_per_mentor;
  std::vector<int32_t> mentee(people, -1), mentor(people, -1);
  for (const auto& a : arcs) {
    if (mentee[a.mentee] < 0) mentee[a.mentee] = p.left++, p.offsets.push_back(0);
  }
  for (const auto& a : arcs) {
    if (mentor[a.mentor] < 0) mentor[a.mentor] = p.right++;
  }
  p.offsets.push_back(0);
  for (const auto& a : arcs) {
    ++p.offsets[mentee[a.mentee] + 1];
    p.to.push_back(mentor[a.mentor]);
    p.benefit.push_back(a.benefit);
  }
  for (int32_t m = 0; m < p.left; ++m) p.offsets[m + 1] += p.offsets[m];
  return p;
}

int Save(const std::string& file, int people, const std::string& taxonomy_dir) {
  const guild::Date today = *guild::ParseDate("2025-03-03");
  auto taxonomy = guild::LoadTaxonomy({.directory = taxonomy_dir});
  if (!taxonomy.ok()) return std::fprintf(stderr, "%s\n", taxonomy.status().ToString().c_str()), 1;
  auto firm = guild::GenerateDemoFirm({.people = people, .seed = 1, .today = today}, *taxonomy);
  if (!firm.ok()) return std::fprintf(stderr, "%s\n", firm.status().ToString().c_str()), 1;
  firm->skills = taxonomy->skills;
  auto index = guild::skills::SkillIndex::Build(*firm);
  if (!index.ok()) return std::fprintf(stderr, "%s\n", index.status().ToString().c_str()), 1;
  guild::skills::RoundOptions round;
  round.mentoring.today = today;
  const AssignmentProblem p = FromArcs(index->person_count(), CandidatePairs(*index, round));
  std::ofstream out(file, std::ios::binary);
  out.write(reinterpret_cast<const char*>(&p.left), sizeof p.left);
  out.write(reinterpret_cast<const char*>(&p.right), sizeof p.right);
  out.write(reinterpret_cast<const char*>(&p.capacity), sizeof p.capacity);
  Write(out, p.offsets);
  Write(out, p.to);
  Write(out, p.benefit);
  std::printf("saved %d mentees, %d mentors, %zu arcs to %s\n", p.left, p.right, p.to.size(),
              file.c_str());
  return out ? 0 : 1;
}

int64_t NetworkSimplexTotal(const AssignmentProblem& p) {
  return guild::skills::internal::AssignmentOptimumByFlow(
             p, guild::skills::internal::FlowAlgorithm::kNetworkSimplex)
      .value_or(-1);
}

int Load(const std::string& file, bool network_simplex) {
  std::ifstream in(file, std::ios::binary);
  AssignmentProblem p;
  in.read(reinterpret_cast<char*>(&p.left), sizeof p.left);
  in.read(reinterpret_cast<char*>(&p.right), sizeof p.right);
  in.read(reinterpret_cast<char*>(&p.capacity), sizeof p.capacity);
  if (!in || !Read(in, p.offsets) || !Read(in, p.to) || !Read(in, p.benefit)) {
    return std::fprintf(stderr, "%s: not a saved round\n", file.c_str()), 1;
  }
  auto start = std::chrono::steady_clock::now();
  double cpu = ThreadCpuSeconds();
  const auto chosen = guild::skills::internal::SolveAssignment(p);
  int64_t total = 0, pairs = 0;
  for (int32_t a : chosen) {
    if (a >= 0) total += p.benefit[a], ++pairs;
  }
  std::printf(
      "shortest paths: %d mentees, %d mentors, %zu arcs, %lld pairs, benefit %lld, "
      "%.2f s wall, %.2f s thread CPU\n",
      p.left, p.right, p.to.size(), static_cast<long long>(pairs), static_cast<long long>(total),
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
      ThreadCpuSeconds() - cpu);
  if (!network_simplex) return 0;
  start = std::chrono::steady_clock::now();
  cpu = ThreadCpuSeconds();
  const int64_t reference = NetworkSimplexTotal(p);
  std::printf("network simplex: benefit %lld, %.2f s wall, %.2f s thread CPU\n",
              static_cast<long long>(reference),
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(),
              ThreadCpuSeconds() - cpu);
  return reference == total ? 0 : 4;
}

}  // namespace

int main(int argc, char** argv) {
  std::string save, load, taxonomy = "data/taxonomy";
  int people = 500000;
  bool network_simplex = false;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--save") save = argv[i + 1];
    if (flag == "--load") load = argv[i + 1];
    if (flag == "--people") people = std::atoi(argv[i + 1]);
    if (flag == "--taxonomy") taxonomy = argv[i + 1];
    if (flag == "--network-simplex") network_simplex = std::string(argv[i + 1]) == "1";
  }
  if (!save.empty()) return Save(save, people, taxonomy);
  if (!load.empty()) return Load(load, network_simplex);
  std::fprintf(stderr, "usage: round_solver_bench --save FILE [--people N] | --load FILE\n");
  return 2;
}
