// JSON views of check-ins (docs/API.md "Check-ins"), and the request body
// of a check-in save.
#pragma once

#include "api/internal/common.h"
#include "service/checkins/checkins_service.h"

namespace guild::api::internal {

//! {"id","team_id","person":PersonRef,"cycle_start","client_change","note",
//!  "updated_at","submitted_at"|null}
void WriteCheckin(http::JsonWriter& w, const FirmSnapshot& s, const Checkin& c);
//! {"id","team_id","person":PersonRef,"checkin_id","text","opened_on","resolved_on"|null}
void WriteBlocker(http::JsonWriter& w, const FirmSnapshot& s, const CheckinBlocker& b);
//! {"id","checkin_id","team_id","asker":PersonRef,"addressee":PersonRef,
//!  "text","asked_at","answer"|null,"answered_at"|null}
void WriteQuestion(http::JsonWriter& w, const FirmSnapshot& s, const CheckinQuestion& q);
//! {"cycle_start","due_on"}
void WriteCycle(http::JsonWriter& w, const checkins::Cycle& cycle);
//! {"person":PersonRef,"status","excluded_because"|null,"checkin":Checkin|null}
void WriteMemberCheckin(http::JsonWriter& w, const FirmSnapshot& s, const MemberCheckin& m);

//! {"person_id"?, "cycle"?, "client_change"?, "note"?, "blockers":[{"text"}]?,
//!  "resolve_blockers":[id]?, "question":{"addressee_id","text"}?, "submit"?};
//! errors name the field ("blockers[1].text", "question.addressee_id").
http::ProblemOr<CheckinDraft> ReadCheckinDraft(const nlohmann::json& body);

}  // namespace guild::api::internal
