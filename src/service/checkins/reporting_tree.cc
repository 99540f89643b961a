#include "service/checkins/reporting_tree.h"

#include <utility>

namespace guild::checkins {

namespace {

constexpr uint32_t kUnvisited = UINT32_MAX;

}  // namespace

ReportingTree ReportingTree::Build(const FirmSnapshot& snapshot) {
  const auto& people = snapshot.data().people;
  const uint32_t n = static_cast<uint32_t>(people.size());
  ReportingTree tree;
  tree.order_.reserve(n);
  tree.enter_.assign(n, kUnvisited);
  tree.leave_.assign(n, kUnvisited);
  // Iterative depth-first walk: (person, index of the next report to visit).
  std::vector<std::pair<uint32_t, uint32_t>> stack;
  const auto walk = [&](uint32_t root) {
    tree.enter_[root] = static_cast<uint32_t>(tree.order_.size());
    tree.order_.push_back(root);
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
      auto& [person, next] = stack.back();
      const auto reports = snapshot.ReportsOf(person);
      if (next == reports.size()) {
        tree.leave_[person] = static_cast<uint32_t>(tree.order_.size());
        stack.pop_back();
        continue;
      }
      const uint32_t report = reports[next++];
      if (tree.enter_[report] != kUnvisited) continue;  // a cycle's way back
      tree.enter_[report] = static_cast<uint32_t>(tree.order_.size());
      tree.order_.push_back(report);
      stack.emplace_back(report, 0);
    }
  };
  for (uint32_t p = 0; p < n; ++p) {
    const std::string& manager = people[p].manager_id;
    if (manager.empty() || !snapshot.PersonIndex(manager)) walk(p);
  }
  // People left unvisited sit on a manager_id cycle (or below one).
  for (uint32_t p = 0; p < n; ++p) {
    if (tree.enter_[p] == kUnvisited) walk(p);
  }
  return tree;
}

}  // namespace guild::checkins
