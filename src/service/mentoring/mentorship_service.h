// MentorshipService: mentoring as a flow. A mentee asks a colleague to
// mentor them in named skills; the mentor accepts (the pair is active from
// today, with a review date) or declines; either of the two ends an active
// pair or moves its review date. The mentoring round and a person's growth
// suggestions read the active pairs (service/skills).
//
// Storage: mentorships live in every server's snapshot (Residence::kMemory:
// a few per person); reads come from it, writes go through the FirmWriter:
// the mentorship and the inbox item it causes (to the mentor on a request,
// to the mentee on an answer) in one FirmChange with its audit entry.
//
// Access: the Authorizer (CanReadMentorship, CanAnswerMentorship,
// CanChangeMentorship): the two people and administrators see a mentorship;
// nobody else learns that it exists.
//
// Errors: kInvalidArgument naming the field for bad input (mentor_id,
// skill_ids, message, review_on; mentor_id also when the two already have
// an open request or an active pair, either way round); kNotFound for a
// mentorship the viewer may not see (as for one that does not exist);
// kPermissionDenied for an action the viewer sees but may not take (a
// mentee accepting, an administrator ending); kFailedPrecondition for an
// action the status refuses (accepting an active pair, ending a request).
// Nothing is written when a call fails.
//
// Thread safety: all methods may be called from several threads at once;
// one server checks and writes one mentorship change at a time.
#pragma once

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

//! A request to make: the viewer asks `mentor_id`.
struct MentorshipDraft {
  std::string mentor_id;
  std::vector<std::string> skill_ids;
  std::string message;
};

//! The viewer's mentorships, each list newest asked first.
struct MyMentorships {
  std::vector<Mentorship> asked_of_me;  //!< requests waiting for my answer
  std::vector<Mentorship> as_mentee;    //!< every status
  std::vector<Mentorship> as_mentor;    //!< every status but requested (see asked_of_me)
};

class MentorshipService {
 public:
  //! Every reference must outlive the service.
  MentorshipService(SnapshotHolder& snapshots, FirmWriter& writer, const Clock& clock);

  //! The viewer (a person) asks draft.mentor_id: an existing person other
  //! than the viewer, with no open request or active pair between the two
  //! (either way round); 1..10 distinct existing skills; a message of at
  //! most 1000 bytes. Writes the request and the mentor's inbox item.
  [[nodiscard]] Result<Mentorship> Ask(const Principal& actor, const MentorshipDraft& draft);
  [[nodiscard]] Result<MyMentorships> Mine(const Principal& viewer);
  [[nodiscard]] Result<Mentorship> Get(const Principal& viewer, std::string_view id);
  //! The mentor accepts a request: active from today, review on
  //! `review_on` (today or later; default today + kMentorshipReviewDays).
  [[nodiscard]] Result<Mentorship> Accept(const Principal& actor, std::string_view id,
                                          std::optional<Date> review_on);
  //! The mentor declines a request.
  [[nodiscard]] Result<Mentorship> Decline(const Principal& actor, std::string_view id);
  //! Either of the two ends an active pair today.
  [[nodiscard]] Result<Mentorship> End(const Principal& actor, std::string_view id);
  //! Either of the two moves an active pair's review date (today or later).
  [[nodiscard]] Result<Mentorship> SetReviewDate(const Principal& actor, std::string_view id,
                                                 Date review_on);

 private:
  Result<std::shared_ptr<const FirmSnapshot>> Snapshot();
  //! The mentorship, or kNotFound when absent or not visible to the viewer.
  static Result<Mentorship> Visible(const FirmSnapshot& s, const Principal& viewer,
                                    std::string_view id);
  //! An answer (accept or decline) by the mentor to a request.
  Result<Mentorship> Answer(const Principal& actor, std::string_view id,
                            std::optional<Date> review_on, bool accept);
  //! A change by either party to an active pair.
  Result<Mentorship> Change(const Principal& actor, std::string_view id,
                            std::optional<Date> review_on);
  Status Commit(const Principal& actor, const Mentorship& m, std::optional<InboxItem> notice,
                std::string_view action, std::string detail);

  SnapshotHolder& snapshots_;
  FirmWriter& writer_;
  const Clock& clock_;
  std::mutex write_mu_;
};

}  // namespace guild
