// FeedbackService reads: a request and its answers, the lists, suggestions.
#include "service/feedback/feedback_service.h"

#include <algorithm>
#include <string>

#include "service/feedback/internal/suggest.h"

namespace guild {

namespace {

Status NoRequest(std::string_view id) {
  return NotFound("no feedback request '" + std::string(id) + "'");
}

Result<std::vector<FeedbackAnswer>> AnswersOf(Store& store, std::string_view request_id) {
  SelectQuery q{.kind = EntityKind::kFeedbackAnswers,
                .where = {{"request_id", Compare::kEq, std::string(request_id)}},
                .limit = kMaxFeedbackReviewers + 1};
  ASSIGN_OR_RETURN(SelectPage page, store.Select(q));
  return page.rows.feedback_answers.take();
}

std::vector<std::string> ReviewersOf(const std::vector<FeedbackAnswer>& answers) {
  std::vector<std::string> out;
  for (const FeedbackAnswer& a : answers) out.push_back(a.reviewer_id);
  return out;
}

}  // namespace

FeedbackService::FeedbackService(Store& store, SnapshotHolder& snapshots, FirmWriter& writer,
                                 const Clock& clock, FeedbackOptions options)
    : store_(store),
      snapshots_(snapshots),
      writer_(writer),
      clock_(clock),
      options_(std::move(options)) {}

Status FeedbackService::Validate(const FeedbackOptions& o) {
  constexpr int kMaxDays = 366;
  if (o.expiry_days < 1 || o.expiry_days > kMaxDays) {
    return InvalidField("expiry_days", "a whole number of days from 1 to 366",
                        std::to_string(o.expiry_days));
  }
  if (o.suggestion_window_days < 0 || o.suggestion_window_days > kMaxDays) {
    return InvalidField("suggestion_window_days", "a whole number of days from 0 to 366",
                        std::to_string(o.suggestion_window_days));
  }
  if (o.max_suggestions < 1 || o.max_listed < 1 || o.max_listed > kMaxSelectRows) {
    return InvalidField("max_listed", "max_suggestions >= 1 and max_listed from 1 to 10000");
  }
  return OkStatus();
}

Result<std::shared_ptr<const FirmSnapshot>> FeedbackService::Snapshot() {
  auto snapshot = snapshots_.Current();
  if (!snapshot) return Unavailable("the firm's data is not loaded yet");
  return snapshot;
}

Result<FeedbackService::Loaded> FeedbackService::Load(std::string_view request_id) {
  SelectQuery q{.kind = EntityKind::kFeedbackRequests,
                .where = {{"id", Compare::kEq, std::string(request_id)}},
                .limit = 1};
  ASSIGN_OR_RETURN(SelectPage page, store_.Select(q));
  if (page.rows.feedback_requests.empty()) return NoRequest(request_id);
  Loaded out{page.rows.feedback_requests[0], {}};
  ASSIGN_OR_RETURN(out.answers, AnswersOf(store_, request_id));
  return out;
}

Result<FeedbackService::Loaded> FeedbackService::Visible(const Authorizer& authorizer,
                                                         const Principal& viewer,
                                                         std::string_view request_id) {
  auto loaded = Load(request_id);
  if (!loaded.ok()) return loaded.status();
  const std::vector<std::string> reviewers = ReviewersOf(loaded->answers);
  if (authorizer.CanReadFeedbackRequest(viewer, loaded->request.requester_id, reviewers)) {
    return loaded;
  }
  // A leader an answer was shared with sees the request's event and that answer.
  for (const FeedbackAnswer& a : loaded->answers) {
    if (!a.shared_with_id.empty() &&
        authorizer.CanReadFeedbackAnswer(viewer, loaded->request.requester_id, a.reviewer_id,
                                         a.shared_with_id)) {
      return loaded;
    }
  }
  return NoRequest(request_id);
}

FeedbackRequestView FeedbackService::ViewOf(const Authorizer* authorizer, const Principal* viewer,
                                            Loaded loaded) const {
  FeedbackRequestView view;
  view.expired = clock_.Today() > loaded.request.expires_on;
  for (FeedbackAnswer& a : loaded.answers) {
    switch (a.status) {
      case FeedbackAnswerStatus::kPending: ++view.pending; break;
      case FeedbackAnswerStatus::kAnswered: ++view.answered; break;
      case FeedbackAnswerStatus::kDeclined: ++view.declined; break;
    }
    if (viewer == nullptr) {
      a.most_effective.clear();
      a.do_better.clear();
      view.answers.push_back(std::move(a));
    } else if (authorizer->CanReadFeedbackAnswer(*viewer, loaded.request.requester_id,
                                                 a.reviewer_id, a.shared_with_id)) {
      view.answers.push_back(std::move(a));
    }
  }
  view.request = std::move(loaded.request);
  return view;
}

Result<FeedbackRequestView> FeedbackService::Get(const Principal& viewer,
                                                 std::string_view request_id) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  Authorizer authorizer(*snapshot);
  ASSIGN_OR_RETURN(Loaded loaded, Visible(authorizer, viewer, request_id));
  return ViewOf(&authorizer, &viewer, std::move(loaded));
}

Result<std::vector<FeedbackService::Loaded>> FeedbackService::RequestsOf(std::string_view person_id,
                                                                         int limit) {
  SelectQuery q{.kind = EntityKind::kFeedbackRequests,
                .where = {{"requester_id", Compare::kEq, std::string(person_id)}},
                .order_by = {"asked_at"},
                .order = SortOrder::kDescending,
                .limit = limit};
  ASSIGN_OR_RETURN(SelectPage page, store_.Select(q));
  std::vector<Loaded> out;
  for (FeedbackRequest& r : page.rows.feedback_requests.mut()) {
    ASSIGN_OR_RETURN(auto answers, AnswersOf(store_, r.id));
    out.push_back({std::move(r), std::move(answers)});
  }
  return out;
}

Result<std::vector<FeedbackService::Loaded>> FeedbackService::AskedOf(std::string_view person_id,
                                                                      int limit) {
  std::vector<Loaded> out;
  for (FeedbackAnswerStatus status :
       {FeedbackAnswerStatus::kPending, FeedbackAnswerStatus::kAnswered,
        FeedbackAnswerStatus::kDeclined}) {
    SelectQuery q{.kind = EntityKind::kFeedbackAnswers,
                  .where = {{"reviewer_id", Compare::kEq, std::string(person_id)},
                            {"status", Compare::kEq, std::string(ToString(status))}},
                  .limit = limit};
    ASSIGN_OR_RETURN(SelectPage page, store_.Select(q));
    std::vector<Loaded> group;
    for (const FeedbackAnswer& a : page.rows.feedback_answers) {
      ASSIGN_OR_RETURN(Loaded loaded, Load(a.request_id));
      group.push_back(std::move(loaded));
    }
    std::stable_sort(group.begin(), group.end(), [](const Loaded& a, const Loaded& b) {
      return a.request.asked_at > b.request.asked_at;
    });
    for (Loaded& l : group) {
      if (out.size() >= static_cast<size_t>(limit)) return out;
      out.push_back(std::move(l));
    }
  }
  return out;
}

Result<std::vector<FeedbackRequestView>> FeedbackService::List(const Principal& viewer,
                                                               FeedbackRole role) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  Authorizer authorizer(*snapshot);
  std::vector<FeedbackRequestView> out;
  if (viewer.person_id.empty()) return out;
  auto rows = role == FeedbackRole::kMine ? RequestsOf(viewer.person_id, options_.max_listed)
                                          : AskedOf(viewer.person_id, options_.max_listed);
  if (!rows.ok()) return rows.status();
  for (Loaded& l : *rows) out.push_back(ViewOf(&authorizer, &viewer, std::move(l)));
  return out;
}

Result<std::vector<FeedbackRequestView>> FeedbackService::ListForOperator(
    std::string_view person_id) {
  std::vector<FeedbackRequestView> out;
  if (person_id.empty()) {
    SelectQuery q{.kind = EntityKind::kFeedbackRequests, .limit = options_.max_listed};
    ASSIGN_OR_RETURN(SelectPage page, store_.Select(q));
    for (FeedbackRequest& r : page.rows.feedback_requests.mut()) {
      ASSIGN_OR_RETURN(auto answers, AnswersOf(store_, r.id));
      out.push_back(ViewOf(nullptr, nullptr, {std::move(r), std::move(answers)}));
    }
    return out;
  }
  ASSIGN_OR_RETURN(auto mine, RequestsOf(person_id, options_.max_listed));
  ASSIGN_OR_RETURN(auto asked, AskedOf(person_id, options_.max_listed));
  for (Loaded& l : mine) out.push_back(ViewOf(nullptr, nullptr, std::move(l)));
  for (Loaded& l : asked) out.push_back(ViewOf(nullptr, nullptr, std::move(l)));
  return out;
}

Result<std::vector<SuggestedReviewer>> FeedbackService::Suggest(const Principal& viewer,
                                                                Date event_date,
                                                                std::string_view engagement_id) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  if (viewer.person_id.empty() || !snapshot->PersonIndex(viewer.person_id)) {
    return NotFound("your account is linked to no person, so it asks no one for feedback");
  }
  if (!engagement_id.empty() && !snapshot->EngagementIndex(engagement_id)) {
    return InvalidField("engagement", "the id of an existing engagement",
                        std::string(engagement_id), "query");
  }
  const feedback::internal::SuggestQuery query{viewer.person_id, event_date,
                                               std::string(engagement_id), clock_.Today(),
                                               options_.suggestion_window_days};
  std::vector<SuggestedReviewer> out;
  for (const auto& s : feedback::internal::SuggestReviewers(snapshot->data(), query)) {
    if (out.size() >= static_cast<size_t>(options_.max_suggestions)) break;
    out.push_back({snapshot->data().people[s.person].id, s.shared_hours});
  }
  return out;
}

}  // namespace guild
