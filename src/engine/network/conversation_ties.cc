#include "engine/network/conversation_ties.h"

#include <algorithm>
#include <unordered_map>

namespace guild::network {

namespace {

constexpr int64_t kSecondsPerDay = 86400;

// The window from `from` to `to` (seconds), at least the day of `from`.
Period DaysBetween(int64_t from, std::optional<int64_t> to) {
  const Date first = DayOfTimestamp(from);
  const Date last = to ? std::max(first, DayOfTimestamp(*to)) : first;
  return {first, last};
}

}  // namespace

Date DayOfTimestamp(int64_t seconds) {
  // Floor division, so that instants before 1970 fall on their own day.
  int64_t day = seconds / kSecondsPerDay;
  if (seconds % kSecondsPerDay < 0) --day;
  return Date{static_cast<int32_t>(day)};
}

Status CheckinQuestionTies::AddTies(TieSink& sink) const {
  if (questions_.empty()) return OkStatus();
  ASSIGN_OR_RETURN(uint8_t kind, sink.Kind(kQuestionKind));
  for (const CheckinQuestion& q : questions_) {
    const std::optional<NodeId> a = sink.Find(q.asker_id);
    const std::optional<NodeId> b = sink.Find(q.addressee_id);
    if (!a || !b || *a == *b) continue;
    sink.Add(*a, *b, kind, DaysBetween(q.asked_at, q.answered_at), kQuestionHours);
  }
  return OkStatus();
}

Status FeedbackTies::AddTies(TieSink& sink) const {
  if (answers_.empty()) return OkStatus();
  std::unordered_map<std::string_view, const FeedbackRequest*> by_id;
  by_id.reserve(requests_.size());
  for (const FeedbackRequest& r : requests_) by_id.emplace(r.id, &r);
  ASSIGN_OR_RETURN(uint8_t kind, sink.Kind(kFeedbackKind));
  for (const FeedbackAnswer& answer : answers_) {
    if (answer.status == FeedbackAnswerStatus::kPending) continue;
    auto request = by_id.find(answer.request_id);
    if (request == by_id.end()) continue;
    const std::optional<NodeId> a = sink.Find(request->second->requester_id);
    const std::optional<NodeId> b = sink.Find(answer.reviewer_id);
    if (!a || !b || *a == *b) continue;
    sink.Add(*a, *b, kind, DaysBetween(request->second->asked_at, answer.responded_at),
             kFeedbackHours);
  }
  return OkStatus();
}

}  // namespace guild::network
