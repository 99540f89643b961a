// FeedbackService: feedback requests about a named event and their answers
// (docs/FEEDBACK.md), for the API and the CLI.
//
// A person asks 1..kMaxFeedbackReviewers colleagues about an event (a pitch,
// a deliverable, a meeting); each answers the two questions (the one thing
// that was most effective, one thing to do better next time) or declines,
// until the request expires. An answer is final once given. The asker may
// share one answered answer with one of their leaders.
//
// Storage: requests, answers and inbox items are store-only kinds, read with
// Store::Select by their indexes (feedback_requests (requester_id, asked_at);
// feedback_answers by key (request_id, reviewer_id) and (reviewer_id,
// status); inbox_items (person_id, created_at)) and written through the
// FirmWriter: a request with its pending answers and one inbox item per
// reviewer in one FirmChange; an answer or a decline with the asker's inbox
// item in one FirmChange; each with its audit entry.
//
// Access: decided by the Authorizer (CanReadFeedbackRequest,
// CanReadFeedbackAnswer, CanShareFeedbackAnswer, LeadsPerson). No role
// overrides it: administrators and firm leaders read no one's feedback.
//
// Errors: kInvalidArgument naming the field ("reviewer_ids: expected ...")
// for bad input; kNotFound for a request the viewer may not see (as for one
// that does not exist); kPermissionDenied for an action on a request the
// viewer sees but may not take (answering a request one was not asked,
// sharing an answer to someone else's request); kFailedPrecondition for an
// action the request's state refuses (expired, already answered, sharing a
// pending answer). Nothing is written when a call fails.
//
// Thread safety: all methods may be called from several threads at once.
#pragma once

#include <cstdint>
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
#include "store/store.h"

namespace guild {

struct FeedbackOptions {
  int expiry_days = 14;  //!< a request expires this many days after it is asked (default)
  int suggestion_window_days = 14;  //!< time entries this close to the event make a suggestion
  int max_suggestions = 20;         //!< suggested reviewers returned at once
  int max_listed = 200;             //!< requests returned by one List call
};

//! A request to make; reviewer_ids are Person ids.
struct FeedbackRequestDraft {
  FeedbackEventKind event_kind = FeedbackEventKind::kOther;
  std::string event;
  std::optional<Date> event_date;  //!< required
  std::string engagement_id;       //!< optional
  std::vector<std::string> reviewer_ids;
  std::optional<Date> expires_on;  //!< default: today + expiry_days; not before today
};

//! A reviewer's answer, or a decline (then both texts empty).
struct FeedbackAnswerDraft {
  bool decline = false;
  std::string most_effective;
  std::string do_better;
};

//! A request as one viewer sees it.
struct FeedbackRequestView {
  FeedbackRequest request;
  bool expired = false;  //!< today is after expires_on
  //! The answers the viewer may read, texts included, in reviewer order: the
  //! asker all, a reviewer their own, a leader those shared with them (the
  //! operator's listing: all, texts left out).
  std::vector<FeedbackAnswer> answers;
  //! The answers' count by status, over all reviewers.
  int pending = 0, answered = 0, declined = 0;
};

enum class FeedbackRole { kMine, kAsked };

//! A suggested reviewer (feedback/internal/suggest.h).
struct SuggestedReviewer {
  std::string person_id;
  double shared_hours = 0;
};

class FeedbackService {
 public:
  //! Every reference must outlive the service.
  FeedbackService(Store& store, SnapshotHolder& snapshots, FirmWriter& writer, const Clock& clock,
                  FeedbackOptions options);

  //! kInvalidArgument naming the option when one is out of range.
  [[nodiscard]] static Status Validate(const FeedbackOptions& options);

  //! Asks the reviewers; returns the request with its pending answers.
  [[nodiscard]] Result<FeedbackRequestView> Ask(const Principal& actor,
                                                const FeedbackRequestDraft& draft);
  //! The viewer's requests (kMine: newest first) or the requests asked of
  //! them (kAsked: pending first, each group newest first), at most
  //! options.max_listed.
  [[nodiscard]] Result<std::vector<FeedbackRequestView>> List(const Principal& viewer,
                                                              FeedbackRole role);
  //! For the operator's CLI over the database (no viewer; answers' texts
  //! left out, statuses and sharing kept): the requests `person_id` made
  //! (newest first) then those asked of them (as kAsked); empty
  //! `person_id`: every request by id. At most options.max_listed of each.
  [[nodiscard]] Result<std::vector<FeedbackRequestView>> ListForOperator(
      std::string_view person_id);
  [[nodiscard]] Result<FeedbackRequestView> Get(const Principal& viewer,
                                                std::string_view request_id);
  //! The viewer answers or declines a request asked of them.
  [[nodiscard]] Result<FeedbackAnswer> Answer(const Principal& actor, std::string_view request_id,
                                              const FeedbackAnswerDraft& draft);
  //! The asker shares `reviewer_id`'s answered answer with `leader_id`, one
  //! of their leaders. Sharing again with the same leader changes nothing;
  //! with another is kFailedPrecondition (an answer is shared once).
  [[nodiscard]] Result<FeedbackAnswer> Share(const Principal& actor, std::string_view request_id,
                                             std::string_view reviewer_id,
                                             std::string_view leader_id);
  //! People to ask about an event on `event_date` (engagement optional):
  //! see feedback/internal/suggest.h.
  [[nodiscard]] Result<std::vector<SuggestedReviewer>> Suggest(const Principal& viewer,
                                                               Date event_date,
                                                               std::string_view engagement_id);

 private:
  struct Loaded {
    FeedbackRequest request;
    std::vector<FeedbackAnswer> answers;
  };
  Result<std::shared_ptr<const FirmSnapshot>> Snapshot();
  //! The request and its answers from the store; kNotFound when absent.
  Result<Loaded> Load(std::string_view request_id);
  //! `loaded` as the viewer sees it (null viewer: the operator, no texts).
  FeedbackRequestView ViewOf(const Authorizer* authorizer, const Principal* viewer,
                             Loaded loaded) const;
  //! Load, and kNotFound unless the viewer may see the request.
  Result<Loaded> Visible(const Authorizer& authorizer, const Principal& viewer,
                         std::string_view request_id);
  Status Commit(const Principal& actor, FirmChange change, std::string_view action,
                std::string_view entity_id, std::string_view detail);
  Result<std::vector<Loaded>> RequestsOf(std::string_view person_id, int limit);
  Result<std::vector<Loaded>> AskedOf(std::string_view person_id, int limit);

  Store& store_;
  SnapshotHolder& snapshots_;
  FirmWriter& writer_;
  const Clock& clock_;
  const FeedbackOptions options_;
  //! Answers and shares read, check and write a row: one at a time on this
  //! server (two servers may still race; the later write wins).
  std::mutex write_mu_;
};

}  // namespace guild
