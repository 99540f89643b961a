// VolunteerService: the open openings a person could take (self-selection,
// docs/STAFFING.md "Volunteers"), and volunteering for one or withdrawing.
//
// An opening is open when its engagement is live (tentative or confirmed)
// and has not ended, the opening ends today or later, and it has seats left
// (headcount minus its assignments). It is listed for a person when they are
// not on it already, the engagement leader has not excluded them, and it
// either fits them or has them volunteered:
//  - fit and stretch are the staffing engine's rule H3 (staffing::MatchSkills
//    on their effective levels, wants-to-grow from any rating): every
//    required skill at its level ("fit"), or all but one, held one level
//    below in a skill they want to grow, on an opening of at least
//    stretch_min_group seats with no one below a minimum on it yet
//    ("stretch"); a lead opening only for a lead grade, and only openings
//    inside their employment dates;
//  - a volunteered opening that no longer fits is listed as "short", so it
//    can be withdrawn.
// Ranked by the engine's reward for the seat, skill_fit * fit + growth *
// [stretch] (ObjectiveWeights), highest first, then start date, then id.
// Nothing of the list is private to others: no rates, costs, loads or anyone's
// free hours; only the person's own levels.
//
// Volunteering writes the OpeningPreference (opening, person, kVolunteer)
// through the FirmWriter with its audit entry ("opening.volunteer"); withdrawing
// deletes it ("opening.withdraw"). A pinned or excluded preference is the
// engagement leader's and is never replaced or removed here.
//
// Access: Authorizer::CanVolunteer (the person themself only).
//
// Errors: kPermissionDenied when the viewer may not volunteer (a user
// without a person); kNotFound naming "id" for an unknown opening, and for
// withdrawing where no volunteer preference exists; kFailedPrecondition
// naming "id" for an opening that is closed (engagement not live or ended,
// opening ended) or filled, or on which the leader has pinned or excluded the
// person; kInvalidArgument naming "limit", "cursor" or "note" (at most
// kMaxVolunteerNoteLength bytes); kUnavailable before the snapshot is loaded;
// the writer's errors.
//
// Thread safety: all methods may be called from several threads at once.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "engine/staffing/staffing.h"
#include "service/access/authorizer.h"
#include "service/common/paging.h"
#include "service/snapshot/snapshot_holder.h"
#include "service/writes/firm_writer.h"

namespace guild {

inline constexpr size_t kMaxVolunteerNoteLength = 500;

enum class OpeningFitKind {
  kFit,      //!< every required skill at its level
  kStretch,  //!< one required skill one level above theirs, one they want to grow
  kShort,    //!< volunteered, but their skills no longer meet it
};
std::string_view ToString(OpeningFitKind kind);  //!< "fit", "stretch", "short"

//! One opening as one person could take it.
struct OpeningForPerson {
  uint32_t opening = 0;     //!< position in snapshot->data().openings
  uint32_t engagement = 0;  //!< position in snapshot->data().engagements
  int seats_left = 0;
  OpeningFitKind kind = OpeningFitKind::kFit;
  //! Per opening.required: the requirement and the person's standing on it.
  std::vector<staffing::RequirementLevel> levels;
  int stretch = -1;   //!< index into opening.required of the stretched skill, or -1
  int short_of = -1;  //!< kShort: the first requirement not met, else -1
  double score = 0;   //!< the engine's reward: skill_fit * fit + growth * [stretch]
  bool volunteered = false;
  std::string why;  //!< plain words, names of skills and levels only
};

struct OpeningsForPerson {
  std::shared_ptr<const FirmSnapshot> snapshot;  //!< what the positions index
  std::vector<OpeningForPerson> items;           //!< best first (see the header comment)
  int64_t total = 0;                             //!< all pages
  std::string next_cursor;
};

//! Openings that would grow each of several skills (the gap actions).
struct OpeningsBySkill {
  std::shared_ptr<const FirmSnapshot> snapshot;  //!< what the positions index
  //! false when the viewer may not see the person's openings (they are the
  //! person's own: Authorizer::CanVolunteer); the lists are then empty.
  bool visible = false;
  std::vector<std::vector<OpeningForPerson>> openings;  //!< per skill id asked for
};

//! The state of one person's volunteering for one opening after a write.
struct VolunteerState {
  std::string opening_id;
  std::string person_id;
  bool volunteered = false;
};

class VolunteerService {
 public:
  //! Every reference must outlive the service. `options` gives the stretch
  //! group, lead grades and weights (the firm's staffing options).
  VolunteerService(SnapshotHolder& snapshots, FirmWriter& writer, const Clock& clock,
                   staffing::StaffingOptions options);

  //! The viewer's own openings (see the header comment), paged.
  [[nodiscard]] Result<OpeningsForPerson> Openings(const Principal& viewer,
                                                   const PageRequest& page);
  //! Every opening listed for `person` (position in snapshot.data().people)
  //! at `today`, best first. No access check: callers decide (the gap
  //! actions of SkillsService show them to the person only).
  [[nodiscard]] std::vector<OpeningForPerson> ListFor(const FirmSnapshot& snapshot, uint32_t person,
                                                      Date today) const;

  //! Per skill of `skill_ids`: up to `limit` of `person_id`'s openings
  //! (ListFor) that ask for it, stretch seats on it first, then in the
  //! list's order. Not visible (empty lists) unless the viewer is the person.
  //! kNotFound naming "id" for an unknown person.
  [[nodiscard]] Result<OpeningsBySkill> OpeningsGrowing(const Principal& viewer,
                                                        std::string_view person_id,
                                                        std::span<const std::string> skill_ids,
                                                        int limit);

  [[nodiscard]] Result<VolunteerState> Volunteer(const Principal& viewer,
                                                 std::string_view opening_id, std::string note);
  [[nodiscard]] Result<VolunteerState> Withdraw(const Principal& viewer,
                                                std::string_view opening_id);

 private:
  [[nodiscard]] Result<std::shared_ptr<const FirmSnapshot>> Snapshot();

  SnapshotHolder& snapshots_;
  FirmWriter& writer_;
  const Clock& clock_;
  const staffing::StaffingOptions options_;
};

}  // namespace guild
