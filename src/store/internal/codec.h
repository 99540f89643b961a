// Entity <-> row codecs, one per entity kind, shared by both backends.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "domain/model.h"
#include "store/internal/row.h"
#include "store/internal/schema.h"

namespace guild::store::internal {

//! A list field of T stored in a child table.
template <typename T>
struct ChildCodec {
  const TableSpec* table;
  //! Writes every child row of `parent` (parent id, position, values...),
  //! calling sink.EndRow() after each.
  Status (*encode)(const T& parent, RowSink& sink);
  //! Appends the child in `row` (columns 0 and 1 are parent id and position)
  //! to `parent`'s list.
  Status (*decode)(const RowSource& row, T& parent);
};

template <typename T>
struct EntityCodec {
  EntityKind kind;
  const TableSpec* table;
  SharedVector<T> FirmData::*items;
  void (*encode)(const T& item, RowSink& sink);
  Status (*decode)(const RowSource& row, T& item);
  //! The item's key as one string (the Store::Delete id form).
  void (*key)(const T& item, std::string& out);
  std::optional<ChildCodec<T>> children;
};

extern const EntityCodec<Person> kPeopleCodec;
extern const EntityCodec<Skill> kSkillsCodec;
extern const EntityCodec<PersonSkill> kPersonSkillsCodec;
extern const EntityCodec<Role> kRolesCodec;
extern const EntityCodec<Client> kClientsCodec;
extern const EntityCodec<Engagement> kEngagementsCodec;
extern const EntityCodec<Opening> kOpeningsCodec;
extern const EntityCodec<Assignment> kAssignmentsCodec;
extern const EntityCodec<Team> kTeamsCodec;
extern const EntityCodec<TimeEntry> kTimeEntriesCodec;
extern const EntityCodec<SkillHistoryEntry> kSkillHistoryCodec;
extern const EntityCodec<OpeningPreference> kOpeningPreferencesCodec;
extern const EntityCodec<Goal> kGoalsCodec;
extern const EntityCodec<GoalUpdate> kGoalUpdatesCodec;
extern const EntityCodec<Deliverable> kDeliverablesCodec;
extern const EntityCodec<ClientRelationship> kClientRelationshipsCodec;
extern const EntityCodec<PurposeChange> kPurposeChangesCodec;
extern const EntityCodec<ClientLogEntry> kClientLogCodec;
// Check-ins and feedback (codec_checkins.cc).
extern const EntityCodec<Checkin> kCheckinsCodec;
extern const EntityCodec<CheckinBlocker> kCheckinBlockersCodec;
extern const EntityCodec<CheckinQuestion> kCheckinQuestionsCodec;
extern const EntityCodec<FeedbackRequest> kFeedbackRequestsCodec;
extern const EntityCodec<FeedbackAnswer> kFeedbackAnswersCodec;
extern const EntityCodec<InboxItem> kInboxItemsCodec;
extern const EntityCodec<Mentorship> kMentorshipsCodec;

//! Calls `f(codec)` for every kind, parents before children, stopping at the
//! first non-OK Status, which it returns.
template <typename F>
Status ForEachCodec(F&& f) {
  RETURN_IF_ERROR(f(kPeopleCodec));
  RETURN_IF_ERROR(f(kSkillsCodec));
  RETURN_IF_ERROR(f(kClientsCodec));
  RETURN_IF_ERROR(f(kEngagementsCodec));
  RETURN_IF_ERROR(f(kOpeningsCodec));
  RETURN_IF_ERROR(f(kAssignmentsCodec));
  RETURN_IF_ERROR(f(kRolesCodec));
  RETURN_IF_ERROR(f(kTeamsCodec));
  RETURN_IF_ERROR(f(kPersonSkillsCodec));
  RETURN_IF_ERROR(f(kTimeEntriesCodec));
  RETURN_IF_ERROR(f(kSkillHistoryCodec));
  RETURN_IF_ERROR(f(kOpeningPreferencesCodec));
  RETURN_IF_ERROR(f(kGoalsCodec));
  RETURN_IF_ERROR(f(kGoalUpdatesCodec));
  RETURN_IF_ERROR(f(kDeliverablesCodec));
  RETURN_IF_ERROR(f(kClientRelationshipsCodec));
  RETURN_IF_ERROR(f(kPurposeChangesCodec));
  RETURN_IF_ERROR(f(kClientLogCodec));
  RETURN_IF_ERROR(f(kCheckinsCodec));
  RETURN_IF_ERROR(f(kCheckinBlockersCodec));
  RETURN_IF_ERROR(f(kCheckinQuestionsCodec));
  RETURN_IF_ERROR(f(kFeedbackRequestsCodec));
  RETURN_IF_ERROR(f(kFeedbackAnswersCodec));
  RETURN_IF_ERROR(f(kInboxItemsCodec));
  return f(kMentorshipsCodec);
}

}  // namespace guild::store::internal
