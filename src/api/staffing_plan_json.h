// A staffing plan as JSON: the one codec for the shape, used by the API (a
// plan and one entry as a viewer sees them), by `guild staff plan|explain|
// accept` (the plan file) and by the staffing board's storage (plans kept
// in the database as text, so that every server can read them).
//
// The shape (docs/API.md, "Staffing"):
//   {"version": 2, "id"?, "created"?, "accepted"?, "mode", "opening_id",
//    "today", "objective", "bound", "gap", "gap_assignable", "seats",
//    "candidates", "options": {...every StaffingOptions field but progress},
//    "steps": [{"name","seconds","effect"}],
//    "assignments": [{"id","seat_id","person":PersonRef,"opening":OpeningRef,
//       "hours_per_week","start","end","moved_from":PersonRef|null,"stretch",
//       "cost","explanation":{"fit":[{"skill":SkillRef,"required","level"}],
//       "stretch_skill":SkillRef|null,"coach":PersonRef|null,"load_before",
//       "load_after","continuity","volunteer","pinned","key_client_partner",
//       "worked_with","runner_ups":[{"person":PersonRef,"cost","why_lost"}]}}],
//    "unfilled": [{"seat_id","opening":OpeningRef,"reason"}],
//    "issues": [{"constraint","subject_id","message","detail"?,"entry_ids"}]}
// where PersonRef is {"id", "name"?, "grade"?, "practice"?, "office"?},
// SkillRef {"id", "name"?} and OpeningRef {"id", "title"?, "engagement"?:
// {"id","name"}|null}: the names are written when the writer is given the
// firm, and ignored by the reader. Figures a viewer may not see (PlanView)
// are written as null: totals (objective, bound, gap, gap_assignable and
// each step's effect), a person's costs, a person's loads.
//
// ReadStaffingPlanJson is strict (the project's JSON reader, http/
// json_reader.h): every field of the shape is required unless marked "?"
// above, no unknown field is accepted, nothing is defaulted; each error
// names the source, the JSON path and what was expected. A plan some of
// whose figures were hidden (null) reads as a plan without them (0).
//
// ReadStaffingPlanJson also reads the plan files an older `guild staff
// plan` wrote (no "version": ids such as "person_id" instead of references,
// five options), as strictly; ReadStoredStaffingPlan also reads plans an
// older Guild stored in its own text format ("guild-plan/1;..."), so plan
// files and stored plans outlive an upgrade.
//
// Thread safety: pure functions.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "domain/model.h"
#include "engine/staffing/staffing.h"
#include "http/json_writer.h"
#include "service/staffing/plan_document.h"

namespace guild::api {

//! What the writer adds to, or leaves out of, a document.
struct PlanJsonView {
  //! Names of people, skills, openings and engagements; null writes ids only.
  const FirmData* firm = nullptr;
  //! The API's header: the stored plan's id, creation time, accepted mark.
  std::optional<std::string> id, created;
  std::optional<bool> accepted;
  bool totals = true;  //!< objective, bound, gaps, step effects
  //! Whose costs (entries', runner-ups') and loads (entries' before/after,
  //! an issue's detail) are written; empty means everyone's.
  std::function<bool(std::string_view person_id)> costs, loads;
};

//! Writes `document` as one JSON object.
void WriteStaffingPlanJson(http::JsonWriter& w, const PlanDocument& document,
                           const PlanJsonView& view = {});
std::string StaffingPlanJson(const PlanDocument& document, const PlanJsonView& view = {});
//! One entry of a plan (an element of "assignments").
void WriteStaffingEntryJson(http::JsonWriter& w, const staffing::ProposedAssignment& entry,
                            const PlanJsonView& view = {});

//! Reads a document written by WriteStaffingPlanJson. `source` names the
//! text in messages (a file name, "stored plan ID"); kInvalidArgument
//! "source: path: expected ..." on any error.
Result<PlanDocument> ReadStaffingPlanJson(std::string_view text, std::string_view source);
//! A stored plan: JSON, or an older Guild's "guild-plan/1;" text.
Result<PlanDocument> ReadStoredStaffingPlan(std::string_view text, std::string_view source);
//! The board's PlanCodec: StaffingPlanJson and ReadStoredStaffingPlan.
PlanCodec StaffingPlanCodec();

}  // namespace guild::api
