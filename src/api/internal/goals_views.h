// JSON views of purpose, goals and roles (docs/API.md "Goals and roles"),
// and the request bodies they accept.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "api/internal/common.h"
#include "service/goals/goals_service.h"

namespace guild::api::internal {

//! {"id","team":{"id","name","kind"}|null,"title","metric","unit",
//! "start_value","target_value","direction","start_date","due_date",
//! "owner":PersonRef,"raci":[{"person":PersonRef,"role"}],"parent_id",
//! "shared","current_value","measured_on","progress","expected","status",
//! "rollup":{"progress","goals","status"},"children":[id],"hidden_children",
//! "can_change","can_update"}
void WriteGoal(http::JsonWriter& w, const GoalsState& state, const GoalView& view);
//! {"team":TeamSummary+kind,"purpose_history":[...],"as_of","can_change","goals":[Goal],
//!  "log_engagements":[{"id","name","can_write"}]}
void WriteTeamGoals(http::JsonWriter& w, const TeamGoals& page);
//! {"team","can_change","people":[{"person":PersonRef,"role"}],"rows":[...],"warnings":[...]}
void WriteTeamRoles(http::JsonWriter& w, const TeamRoles& roles);
void WriteLogEntry(http::JsonWriter& w, const FirmSnapshot& snapshot, const ClientLogEntry& e);
void WriteDeliverable(http::JsonWriter& w, const FirmSnapshot& snapshot, const Deliverable& d);
void WriteRelationship(http::JsonWriter& w, const FirmSnapshot& snapshot,
                       const ClientRelationship& r);
void WritePurposeChange(http::JsonWriter& w, const FirmSnapshot& snapshot, const PurposeChange& c);
//! The fields of a goal in a request body: every field optional (creating
//! checks the required ones); "raci" an array of {"person_id","role"}.
http::ProblemOr<GoalDraft> ReadGoalDraft(const nlohmann::json& body);
//! {"changes":[{"row_kind","row_id","person_id","role":"R|A|C|I"|null}]};
//! errors name "changes[i].field".
http::ProblemOr<std::vector<RaciCellChange>> ReadRaciChanges(const nlohmann::json& body);
http::ProblemOr<DeliverableDraft> ReadDeliverableDraft(const nlohmann::json& body);
http::ProblemOr<RelationshipDraft> ReadRelationshipDraft(const nlohmann::json& body);
http::ProblemOr<ProgressDraft> ReadProgressDraft(const nlohmann::json& body);
http::ProblemOr<LogDraft> ReadLogDraft(const nlohmann::json& body);

}  // namespace guild::api::internal
