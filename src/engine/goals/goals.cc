#include "engine/goals/goals.h"

#include <algorithm>
#include <array>
#include <unordered_map>

namespace guild::goals {

namespace {

constexpr std::array<std::string_view, 5> kStatusNames = {"on-track", "at-risk", "off-track",
                                                          "done", "missed"};

double Clamp01(double x) { return std::clamp(x, 0.0, 1.0); }

}  // namespace

std::string_view ToString(GoalStatus status) { return kStatusNames[static_cast<size_t>(status)]; }

Status CheckStatusOptions(const StatusOptions& options) {
  if (!(options.at_risk_shortfall >= 0 && options.at_risk_shortfall <= 1)) {
    return InvalidField("at_risk_shortfall", "a share from 0 to 1");
  }
  if (!(options.off_track_shortfall >= options.at_risk_shortfall &&
        options.off_track_shortfall <= 1)) {
    return InvalidField("off_track_shortfall", "a share from at_risk_shortfall to 1");
  }
  return OkStatus();
}

GoalStatus StatusOf(double progress, double expected, bool past_due, const StatusOptions& options) {
  if (progress >= 1) return GoalStatus::kDone;
  if (past_due) return GoalStatus::kMissed;
  const double shortfall = expected - Clamp01(progress);
  if (shortfall > options.off_track_shortfall) return GoalStatus::kOffTrack;
  if (shortfall > options.at_risk_shortfall) return GoalStatus::kAtRisk;
  return GoalStatus::kOnTrack;
}

double ExpectedShare(Date start, Date due, Date as_of) {
  if (due <= start) return as_of >= due ? 1.0 : 0.0;
  return Clamp01(static_cast<double>(as_of.days - start.days) /
                 static_cast<double>(due.days - start.days));
}

Measure MeasureGoal(const Goal& goal, Date as_of, const StatusOptions& options) {
  Measure m;
  const double value = goal.current_value.value_or(goal.start_value);
  m.progress = (value - goal.start_value) / (goal.target_value - goal.start_value);
  m.expected = ExpectedShare(goal.start_date, goal.due_date, as_of);
  m.status = StatusOf(m.progress, m.expected, as_of > goal.due_date, options);
  return m;
}

GoalTree BuildGoalTree(std::span<const Goal> goals, Date as_of, const StatusOptions& options) {
  const size_t n = goals.size();
  GoalTree tree;
  tree.parent.assign(n, std::nullopt);
  std::unordered_map<std::string_view, uint32_t> by_id;
  by_id.reserve(n);
  for (uint32_t i = 0; i < n; ++i) by_id.emplace(goals[i].id, i);
  tree.child_offsets.assign(n + 1, 0);
  for (uint32_t i = 0; i < n; ++i) {
    if (goals[i].parent_id.empty()) continue;
    auto it = by_id.find(goals[i].parent_id);
    if (it == by_id.end() || it->second == i) continue;
    tree.parent[i] = it->second;
    ++tree.child_offsets[it->second + 1];
  }
  for (size_t g = 0; g < n; ++g) tree.child_offsets[g + 1] += tree.child_offsets[g];
  tree.child_values.resize(tree.child_offsets[n]);
  std::vector<uint32_t> fill(tree.child_offsets.begin(), tree.child_offsets.end() - 1);
  for (uint32_t i = 0; i < n; ++i) {
    if (tree.parent[i]) tree.child_values[fill[*tree.parent[i]]++] = i;
  }
  // Sums flow from the leaves up: a goal is finished once all its children are.
  std::vector<double> sum(n, 0);
  std::vector<uint32_t> count(n, 0);
  std::vector<uint32_t> pending(n, 0);
  std::vector<Measure> own(n);
  std::vector<uint32_t> ready;
  ready.reserve(n);
  for (uint32_t i = 0; i < n; ++i) {
    own[i] = MeasureGoal(goals[i], as_of, options);
    const bool team_goal = !goals[i].team_id.empty();
    sum[i] = team_goal ? Clamp01(own[i].progress) : 0;
    count[i] = team_goal ? 1 : 0;
    pending[i] = tree.child_offsets[i + 1] - tree.child_offsets[i];
    if (pending[i] == 0) ready.push_back(i);
  }
  for (size_t next = 0; next < ready.size(); ++next) {
    const uint32_t i = ready[next];
    if (!tree.parent[i]) continue;
    const uint32_t p = *tree.parent[i];
    sum[p] += sum[i];
    count[p] += count[i];
    if (--pending[p] == 0) ready.push_back(p);
  }
  tree.rollup.resize(n);
  for (uint32_t i = 0; i < n; ++i) {
    RollUp& r = tree.rollup[i];
    if (goals[i].team_id.empty()) {  // a personal goal: its own progress only
      r.progress = Clamp01(own[i].progress);
      r.goals = 1;
    } else {
      r.goals = count[i];
      r.progress = count[i] > 0 ? sum[i] / count[i] : 0;
    }
    r.status = StatusOf(r.progress, own[i].expected, as_of > goals[i].due_date, options);
  }
  return tree;
}

}  // namespace guild::goals
