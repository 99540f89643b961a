// SkillRatingsService: a person's skills as they and their colleagues rate
// them (docs/SKILLS.md) — reading every rating of every skill with the
// effective one, and writing one rating at a time: a person adds, changes and
// removes their own (self) ratings and marks the skills they want to grow;
// peers, leaders and administrators give the peer, manager and assessed
// ratings.
//
// Access (decided by the Authorizer, never here or in the API handlers):
//  - reading the ratings: Authorizer::CanReadPerson (the directory shows
//    everyone's skills); the skill history only with CanReadPersonDetail;
//  - writing or removing the `source` rating: Authorizer::CanRateSkill.
//
// Effective rating: of a skill's ratings, the one of highest precedence
// (assessed > manager > peer > self; model.h Precedence), as the firm
// snapshot's SkillsOf picks it. Wants-to-grow is the person's own wish, set
// only with the self rating; a skill is wanted when any of its ratings says
// so (as the skill index reads it), so a self write that sets it also sets it
// on the skill's other ratings.
//
// Each write is one FirmChange committed through the FirmWriter with its
// audit entry ("skill.rate", "skill.unrate"; the rater is the audit's user):
// the rating's upsert or delete, the other ratings' wants-to-grow when a self
// write changes it, and, when the skill's effective level changes to a level,
// the person's skill history row of today (SkillHistoryEntry: the effective
// level from that date on). Removing a skill's last rating leaves the history
// as it was: a history row holds a level 1..5 and no "removed" mark.
//
// Errors: kNotFound for an unknown person; kInvalidArgument naming
// "skill_id" (no such skill), "level" (not 1..5) or "wants_to_grow" (given
// with a source other than self); kPermissionDenied naming "source" when the
// viewer may not give that rating; kNotFound naming "skill_id" when removing
// a rating that does not exist; the writer's errors.
//
// Thread safety: all methods may be called from several threads at once.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "service/access/authorizer.h"
#include "service/snapshot/snapshot_holder.h"
#include "service/writes/firm_writer.h"

namespace guild {

//! One skill a person holds, with all its ratings.
struct HeldSkillRatings {
  uint32_t skill = 0;  //!< position in snapshot->data().skills
  //! Positions in snapshot->data().person_skills, highest precedence first.
  std::vector<uint32_t> ratings;
  uint32_t effective = 0;  //!< the first of `ratings`
  bool wants_to_grow = false;
};

//! A person's skills and skill history as one viewer sees them.
struct PersonRatings {
  std::shared_ptr<const FirmSnapshot> snapshot;
  uint32_t person = 0;                   //!< position in snapshot->data().people
  std::vector<HeldSkillRatings> skills;  //!< by skill name, then id
  bool history_visible = false;          //!< the viewer may read the history
  //! Positions in snapshot->data().skill_history, newest first (empty when
  //! not visible).
  std::vector<uint32_t> history;
  //! The rating sources the viewer may give this person, by precedence, lowest first.
  std::vector<RatingSource> may_rate;
};

//! One rating to give.
struct RatingDraft {
  std::string skill_id;
  RatingSource source = RatingSource::kSelf;
  int level = 0;  //!< kMinLevel..kMaxLevel
  //! Only with RatingSource::kSelf; nullopt keeps what the skill had (false
  //! for a new one).
  std::optional<bool> wants_to_grow;
};

class SkillRatingsService {
 public:
  //! Every reference must outlive the service.
  SkillRatingsService(SnapshotHolder& snapshots, FirmWriter& writer, const Clock& clock)
      : snapshots_(snapshots), writer_(writer), clock_(clock) {}

  [[nodiscard]] Result<PersonRatings> Ratings(const Principal& viewer, std::string_view person_id);
  //! Gives (or replaces) `draft.source`'s rating of the skill; returns the
  //! ratings after the write.
  [[nodiscard]] Result<PersonRatings> Rate(const Principal& viewer, std::string_view person_id,
                                           const RatingDraft& draft);
  //! Removes `source`'s rating of the skill; returns the ratings after.
  [[nodiscard]] Result<PersonRatings> Unrate(const Principal& viewer, std::string_view person_id,
                                             std::string_view skill_id, RatingSource source);

 private:
  [[nodiscard]] Result<std::shared_ptr<const FirmSnapshot>> Snapshot();
  // Commits `change` as `viewer` with the audit entry, then reads back.
  [[nodiscard]] Result<PersonRatings> CommitAndRead(const Principal& viewer,
                                                    std::string_view person_id, FirmChange change,
                                                    std::string_view action, std::string detail);

  SnapshotHolder& snapshots_;
  FirmWriter& writer_;
  const Clock& clock_;
  std::mutex write_mu_;  // one read-modify-write of a person's ratings at a time
};

}  // namespace guild
