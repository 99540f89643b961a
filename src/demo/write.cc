#include "demo/write.h"

#include <iterator>
#include <string>

namespace guild {

namespace {

struct Writer {
  const DemoCommit& commit;
  FirmData& firm;
  size_t chunk;
  const DemoWriteProgress& progress;
  int64_t done = 0;
  int64_t total = 0;

  template <typename T>
  Status Kind(SharedVector<T> FirmData::*member, EntityKind kind) {
    std::vector<T>& items = (firm.*member).mut();
    const size_t step = kind == EntityKind::kPeople ? std::max<size_t>(items.size(), 1) : chunk;
    for (size_t begin = 0; begin < items.size(); begin += step) {
      size_t end = std::min(items.size(), begin + step);
      FirmChange change;
      (change.upserts.*member)
          .mut()
          .assign(std::make_move_iterator(items.begin() + begin),
                  std::make_move_iterator(items.begin() + end));
      RETURN_IF_ERROR(commit(std::move(change)));
      done += static_cast<int64_t>(end - begin);
      if (progress) progress(ToString(kind), done, total);
    }
    (firm.*member).clear();
    return OkStatus();
  }
};

}  // namespace

Status WriteDemoFirm(const DemoCommit& commit, const FirmData& taxonomy, FirmData& firm,
                     size_t chunk, const DemoWriteProgress& progress) {
  Writer w{commit, firm, std::max<size_t>(chunk, 1), progress};
  w.total = static_cast<int64_t>(taxonomy.TotalCount() + firm.TotalCount());
  if (progress) progress("taxonomy", 0, w.total);
  FirmChange taxonomy_change;
  taxonomy_change.upserts = taxonomy;
  RETURN_IF_ERROR(commit(std::move(taxonomy_change)));
  w.done = static_cast<int64_t>(taxonomy.TotalCount());
  if (progress) progress("taxonomy", w.done, w.total);
  using F = FirmData;
  RETURN_IF_ERROR(w.Kind(&F::people, EntityKind::kPeople));
  RETURN_IF_ERROR(w.Kind(&F::roles, EntityKind::kRoles));
  RETURN_IF_ERROR(w.Kind(&F::clients, EntityKind::kClients));
  RETURN_IF_ERROR(w.Kind(&F::engagements, EntityKind::kEngagements));
  RETURN_IF_ERROR(w.Kind(&F::openings, EntityKind::kOpenings));
  RETURN_IF_ERROR(w.Kind(&F::assignments, EntityKind::kAssignments));
  RETURN_IF_ERROR(w.Kind(&F::teams, EntityKind::kTeams));
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
  RETURN_IF_ERROR(w.Kind(&F::checkins, EntityKind::kCheckins));
  RETURN_IF_ERROR(w.Kind(&F::checkin_blockers, EntityKind::kCheckinBlockers));
  RETURN_IF_ERROR(w.Kind(&F::checkin_questions, EntityKind::kCheckinQuestions));
  RETURN_IF_ERROR(w.Kind(&F::feedback_requests, EntityKind::kFeedbackRequests));
  RETURN_IF_ERROR(w.Kind(&F::feedback_answers, EntityKind::kFeedbackAnswers));
  return w.Kind(&F::inbox_items, EntityKind::kInboxItems);
}

}  // namespace guild
