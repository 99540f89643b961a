// What happened to the demo's teams over the past year: progress updates of
// every goal, earlier purposes, and the client log of engagements.
#include <algorithm>
#include <cmath>

#include "demo/internal/goals.h"

namespace guild::demo::internal {

namespace {

constexpr int kDaysPerWeek = 7;
constexpr int kFriday = 4;
constexpr double kSkipShare = 0.15;
constexpr double kCommentShare = 0.2;
constexpr int64_t kSecondsPerDay = 86400;
constexpr int kYear = 365;

constexpr std::string_view kOnTrackComments[] = {
    "Client signed off the plan this week", "Ahead of the milestone", "Steady week",
    "Two items closed with the client", "Good feedback from the steering committee"};
constexpr std::string_view kBehindComments[] = {
    "Waiting on the client's data", "Key person on leave; catching up next week",
    "Scope grew; agreeing a change order", "Slipped: the review took longer than planned",
    "Escalated to the engagement partner"};

constexpr std::string_view kChanged[] = {
    "The client appointed a new CFO; introductions done.",
    "Fieldwork moved to the client's new office.",
    "The board asked for a shorter report with a one-page summary.",
    "The client's year-end moved to March.",
    "New regulation affects the client's reporting; scope reviewed.",
    "The client merged two business units; the plan follows the new structure.",
    "Weekly status calls agreed with the client's controller.",
    "The client approved the revised timetable."};
constexpr std::string_view kIssues[] = {
    "Data from the client's ERP arrives late.", "Two open questions on revenue recognition.",
    "The client's team is stretched during the month-end close.",
    "A key contact is leaving the client.", "Fees are running ahead of budget."};
constexpr std::string_view kResolutions[] = {
    "Agreed a weekly data drop with the controller.", "Partner to discuss with the CFO on Friday.",
    "Moved the interim visit by two weeks.",
    "Introduced ourselves to the successor; handover meeting booked.",
    "Change order drafted for the additional scope."};

constexpr std::string_view kOldPurposes[] = {
    "Hold the meetings, write the reports and send the invoices.",
    "Run the work plan and keep the files in order.",
    "Attend the quarterly reviews and send updates.",
    "Do the fieldwork and deliver the documents."};

template <size_t N>
std::string Pick(Random& rng, const std::string_view (&items)[N]) {
  return std::string(items[rng.Below(N)]);
}

double Round(double value, double step) { return std::round(value / step) * step; }

}  // namespace

void AddProgressUpdates(GoalsContext& g) {
  Context& c = g.c;
  const Date today = c.options.today;
  std::unordered_map<std::string_view, size_t> team;
  for (size_t t = 0; t < c.out.teams.size(); ++t) team.emplace(c.out.teams[t].id, t);
  for (size_t i = 0; i < c.out.goals.size(); ++i) {
    Goal& goal = c.out.goals.mut()[i];
    constexpr int kPersonalCadenceWeeks = 3;
    const int weeks =
        goal.team_id.empty() ? kPersonalCadenceWeeks : g.cadence_weeks[team.at(goal.team_id)];
    const int cadence = std::max(1, weeks) * kDaysPerWeek;
    const double way = goal.target_value - goal.start_value;
    const double step = std::abs(way) >= 5 ? 0.1 : 0.01;
    const double span = goal.due_date.days - goal.start_date.days;
    const Date last = std::min(today, goal.due_date);
    Date at = AddDays(WeekStart(AddDays(goal.start_date, cadence)), kFriday);
    for (; at <= last; at = AddDays(at, cadence)) {
      if (g.rng.Chance(kSkipShare)) continue;
      const double share = (at.days - goal.start_date.days) / span;
      const double done = std::clamp(g.pace[i] * share + g.rng.Real(-0.04, 0.04), -0.05, 1.0);
      GoalUpdate u;
      u.goal_id = goal.id;
      u.date = at;
      u.value = Round(goal.start_value + way * done, step);
      const bool behind = done < share - 0.1;
      if (g.rng.Chance(kCommentShare)) {
        u.comment = behind ? Pick(g.rng, kBehindComments) : Pick(g.rng, kOnTrackComments);
      }
      u.author_id = goal.owner_id;
      if (!goal.raci.empty() && g.rng.Chance(0.2)) {
        u.author_id = goal.raci[g.rng.Below(goal.raci.size())].person_id;
      }
      goal.current_value = u.value;
      goal.measured_on = u.date;
      c.out.goal_updates.push_back(std::move(u));
    }
  }
}

void AddPurposeHistory(GoalsContext& g) {
  Context& c = g.c;
  const int64_t today = c.options.today.days;
  for (const Team& t : c.out.teams) {
    const bool changes = g.rng.Chance(1.0 / 3) || t.kind == TeamKind::kFirm;
    if (t.purpose.empty() || !changes) continue;
    const int64_t changed = today - g.rng.Range(20, kYear);
    const int64_t at = changed * kSecondsPerDay + g.rng.Range(8 * 3600, 18 * 3600);
    const std::string old = Pick(g.rng, kOldPurposes);
    if (g.rng.Chance(0.5)) {  // the team first wrote a list of activities
      const int64_t founded = changed - g.rng.Range(30, 200);
      c.out.purpose_changes.push_back({t.id,
                                       founded * kSecondsPerDay + g.rng.Range(8 * 3600, 18 * 3600),
                                       t.leader_id, "", old});
      c.out.purpose_changes.push_back({t.id, at, t.leader_id, old, t.purpose});
    } else {
      c.out.purpose_changes.push_back({t.id, at, t.leader_id, old, t.purpose});
    }
  }
}

void AddClientLog(GoalsContext& g) {
  Context& c = g.c;
  const Date today = c.options.today;
  std::unordered_map<std::string_view, const Engagement*> engagement;
  for (const Engagement& e : c.out.engagements) engagement.emplace(e.id, &e);
  for (const Team& t : c.out.teams) {
    if (t.kind != TeamKind::kEngagement || t.members.empty()) continue;
    const Engagement& e = *engagement.at(t.engagement_id);
    Date at = AddDays(std::max(e.start, AddDays(today, -kYear)), g.rng.Range(5, 12));
    for (int n = 1; at <= today; ++n, at = AddDays(at, g.rng.Range(14, 28))) {
      ClientLogEntry entry;
      entry.id = "log-" + e.id + "-" + std::to_string(n);
      entry.engagement_id = e.id;
      entry.date = at;
      entry.author_id = t.members[g.rng.Below(t.members.size())].person_id;
      entry.changed = Pick(g.rng, kChanged);
      if (g.rng.Chance(0.45)) {
        entry.issues = Pick(g.rng, kIssues);
        entry.resolution = Pick(g.rng, kResolutions);
      }
      c.out.client_log.push_back(std::move(entry));
    }
  }
}

}  // namespace guild::demo::internal
