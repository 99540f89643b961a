#include "demo/write.h"

#include <algorithm>
#include <future>
#include <iterator>
#include <string>
#include <utility>
#include <vector>

namespace guild {

namespace {

// Whether a kind's rows leave the firm as they are written or stay (the
// history still reads them) and are freed after it.
enum class Release { kNow, kAfterHistory };

constexpr EntityKind kHistoryKinds[] = {
    EntityKind::kCheckins,         EntityKind::kCheckinBlockers, EntityKind::kCheckinQuestions,
    EntityKind::kFeedbackRequests, EntityKind::kFeedbackAnswers, EntityKind::kInboxItems};

struct Writer {
  const DemoCommit& commit;
  FirmData& firm;
  size_t chunk;
  const DemoWriteProgress& progress;
  std::map<EntityKind, int64_t>* counts;
  int64_t done = 0;
  int64_t total = 0;

  void Written(EntityKind kind, size_t n) {
    done += static_cast<int64_t>(n);
    if (counts) (*counts)[kind] += static_cast<int64_t>(n);
  }

  template <typename T>
  Status Kind(SharedVector<T> FirmData::*member, EntityKind kind, Release release = Release::kNow) {
    std::vector<T>& items = (firm.*member).mut();
    const size_t step = kind == EntityKind::kPeople ? std::max<size_t>(items.size(), 1) : chunk;
    for (size_t begin = 0; begin < items.size(); begin += step) {
      size_t end = std::min(items.size(), begin + step);
      FirmChange change;
      auto& rows = (change.upserts.*member).mut();
      if (release == Release::kNow) {
        rows.assign(std::make_move_iterator(items.begin() + begin),
                    std::make_move_iterator(items.begin() + end));
      } else {
        rows.assign(items.begin() + begin, items.begin() + end);
      }
      RETURN_IF_ERROR(commit(std::move(change)));
      Written(kind, end - begin);
      if (progress) progress(ToString(kind), done, total);
    }
    if (release == Release::kNow) (firm.*member).clear();
    return OkStatus();
  }

  // The history of people [0, demo.people()), `people` at a time, one
  // change each. A second thread generates the next chunk while this one
  // commits the current one (a queue of one): the same chunks, in the same
  // order, as generating each just before its commit.
  Status History(const DemoFirm& demo, uint32_t people) {
    const int64_t most = demo.max_checkins_per_person();
    const uint32_t count = demo.people();
    const auto generate = [&demo](uint32_t begin, uint32_t end) {
      FirmChange change;
      demo.GenerateHistory(begin, end, change.upserts);
      return change;
    };
    std::future<FirmChange> next;
    if (count > 0) next = std::async(std::launch::async, generate, 0, std::min(count, people));
    for (uint32_t begin = 0; begin < count; begin += people) {
      const uint32_t end = std::min(count, begin + people);
      FirmChange change = next.get();
      if (end < count) {
        next = std::async(std::launch::async, generate, end, std::min(count, end + people));
      }
      std::vector<std::pair<EntityKind, size_t>> rows;
      for (EntityKind k : kHistoryKinds) rows.push_back({k, change.upserts.Count(k)});
      // On an error the pending chunk is waited for (~future) and dropped.
      RETURN_IF_ERROR(commit(std::move(change)));
      for (const auto& [kind, n] : rows) Written(kind, n);
      total = done + most * (count - end);
      if (progress) progress("history", done, total);
    }
    return OkStatus();
  }
};

}  // namespace

Status WriteDemoFirm(const DemoCommit& commit, const FirmData& taxonomy, DemoFirm& demo,
                     const DemoWriteOptions& options, const DemoWriteProgress& progress,
                     std::map<EntityKind, int64_t>* counts) {
  FirmData& firm = demo.firm();
  Writer w{commit, firm, std::max<size_t>(options.chunk, 1), progress, counts};
  const int64_t history_most = int64_t{demo.max_checkins_per_person()} * demo.people();
  w.total = static_cast<int64_t>(taxonomy.TotalCount() + firm.TotalCount()) + history_most;
  if (progress) progress("taxonomy", 0, w.total);
  FirmChange taxonomy_change;
  taxonomy_change.upserts = taxonomy;
  RETURN_IF_ERROR(commit(std::move(taxonomy_change)));
  for (EntityKind k : kAllEntityKinds) w.Written(k, taxonomy.Count(k));
  if (progress) progress("taxonomy", w.done, w.total);
  using F = FirmData;
  constexpr Release kKeep = Release::kAfterHistory;
  RETURN_IF_ERROR(w.Kind(&F::people, EntityKind::kPeople, kKeep));
  RETURN_IF_ERROR(w.Kind(&F::roles, EntityKind::kRoles));
  RETURN_IF_ERROR(w.Kind(&F::clients, EntityKind::kClients, kKeep));
  RETURN_IF_ERROR(w.Kind(&F::engagements, EntityKind::kEngagements, kKeep));
  RETURN_IF_ERROR(w.Kind(&F::openings, EntityKind::kOpenings));
  RETURN_IF_ERROR(w.Kind(&F::assignments, EntityKind::kAssignments));
  RETURN_IF_ERROR(w.Kind(&F::teams, EntityKind::kTeams, kKeep));
  RETURN_IF_ERROR(w.Kind(&F::person_skills, EntityKind::kPersonSkills));
  RETURN_IF_ERROR(w.Kind(&F::skill_history, EntityKind::kSkillHistory));
  RETURN_IF_ERROR(w.Kind(&F::time_entries, EntityKind::kTimeEntries));
  RETURN_IF_ERROR(w.Kind(&F::opening_preferences, EntityKind::kOpeningPreferences));
  RETURN_IF_ERROR(w.Kind(&F::goals, EntityKind::kGoals));
  RETURN_IF_ERROR(w.Kind(&F::goal_updates, EntityKind::kGoalUpdates));
  RETURN_IF_ERROR(w.Kind(&F::deliverables, EntityKind::kDeliverables));
  RETURN_IF_ERROR(w.Kind(&F::client_relationships, EntityKind::kClientRelationships));
  RETURN_IF_ERROR(w.Kind(&F::purpose_changes, EntityKind::kPurposeChanges));
  RETURN_IF_ERROR(w.Kind(&F::client_log, EntityKind::kClientLog));
  RETURN_IF_ERROR(w.Kind(&F::mentorships, EntityKind::kMentorships));
  const uint32_t history_people =
      options.history_people > 0
          ? options.history_people
          : static_cast<uint32_t>(
                std::max<size_t>(1, w.chunk / static_cast<size_t>(demo.max_checkins_per_person())));
  RETURN_IF_ERROR(w.History(demo, history_people));
  firm.people.clear();
  firm.clients.clear();
  firm.engagements.clear();
  firm.teams.clear();
  return OkStatus();
}

}  // namespace guild
