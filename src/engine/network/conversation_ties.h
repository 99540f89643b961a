// Ties from conversations: questions routed from check-ins and feedback
// requests (docs/CHECKINS.md, docs/FEEDBACK.md), as tie sources (ties.h).
//
//  - A routed check-in question is a tie of kind kQuestionKind between its
//    asker and its addressee, of kQuestionHours, windowed from the day it
//    was asked to the day it was answered (the day asked while unanswered).
//  - A feedback request is a tie of kind kFeedbackKind between the requester
//    and each reviewer who answered or declined, of kFeedbackHours, windowed
//    from the day it was asked to the day of the reviewer's response.
//    Pending reviewers make no tie (nothing has passed between them yet).
// Days are UTC days of the records' timestamps (seconds since the epoch).
//
// Units: one question or one feedback exchange counts as one hour of shared
// work (ties.h: weights are hours or their equivalent), so that a tie built
// only from such exchanges stays weak beside a week on an engagement.
//
// Both kinds are private to the records' people: a reader passes them as
// ReadOptions::private_kinds (docs/NETWORKS.md, "Privacy").
//
// People unknown to the sink are skipped (the firm's validation keeps
// references sound); a question to oneself (refused by validation) too.
#pragma once

#include <span>
#include <string_view>

#include "domain/model.h"
#include "engine/network/ties.h"

namespace guild::network {

inline constexpr std::string_view kQuestionKind = "check-in question";
inline constexpr std::string_view kFeedbackKind = "feedback";
inline constexpr double kQuestionHours = 1;
inline constexpr double kFeedbackHours = 1;

//! The UTC day of a timestamp in seconds since the epoch.
Date DayOfTimestamp(int64_t seconds);

class CheckinQuestionTies final : public TieSource {
 public:
  //! `questions` must outlive this object.
  explicit CheckinQuestionTies(std::span<const CheckinQuestion> questions)
      : questions_(questions) {}
  [[nodiscard]] Status AddTies(TieSink& sink) const override;

 private:
  std::span<const CheckinQuestion> questions_;
};

class FeedbackTies final : public TieSource {
 public:
  //! Both must outlive this object; answers whose request is not in
  //! `requests` are skipped.
  FeedbackTies(std::span<const FeedbackRequest> requests, std::span<const FeedbackAnswer> answers)
      : requests_(requests), answers_(answers) {}
  [[nodiscard]] Status AddTies(TieSink& sink) const override;

 private:
  std::span<const FeedbackRequest> requests_;
  std::span<const FeedbackAnswer> answers_;
};

}  // namespace guild::network
