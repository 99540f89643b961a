#include "service/notify/calendar_service.h"

#include <algorithm>
#include <tuple>

#include "service/accounts/crypto.h"
#include "service/checkins/checkin_rules.h"

namespace guild {

namespace {

constexpr std::string_view kUidDomain = "@guild";

std::string NameOf(const FirmSnapshot& firm, std::string_view person_id) {
  const Person* person = firm.FindPerson(person_id);
  return person != nullptr ? person->name : std::string(person_id);
}

}  // namespace

CalendarService::CalendarService(AccountStore& accounts, SnapshotHolder& snapshots,
                                 FeedbackService& feedback, const Clock& clock)
    : accounts_(accounts), snapshots_(snapshots), feedback_(feedback), clock_(clock) {}

Result<std::string> CalendarService::RotateFeed(const Principal& viewer) {
  std::string token = GenerateToken(kCalendarTokenPrefix);
  RETURN_IF_ERROR(accounts_.SetCalendarFeed(viewer.user_id, HashToken(token), clock_.NowSeconds()));
  return token;
}

Result<std::optional<int64_t>> CalendarService::FeedCreatedAt(const Principal& viewer) {
  return accounts_.CalendarFeedCreatedAt(viewer.user_id);
}

Result<io::Calendar> CalendarService::Feed(std::string_view token) {
  const Status unknown = NotFound("calendar feed: no such feed");
  if (token.substr(0, kCalendarTokenPrefix.size()) != kCalendarTokenPrefix) return unknown;
  ASSIGN_OR_RETURN(std::optional<std::string> user_id,
                   accounts_.FindCalendarFeedUser(HashToken(token)));
  if (!user_id) return unknown;
  ASSIGN_OR_RETURN(std::optional<UserRecord> user, accounts_.FindUserById(*user_id));
  if (!user || user->disabled) return unknown;
  const std::shared_ptr<const FirmSnapshot> firm = snapshots_.Current();
  if (firm == nullptr) return Unavailable("the firm's data is not loaded");
  const Principal viewer{user->id, user->role, user->person_id};
  io::Calendar calendar;
  calendar.made_at = clock_.NowSeconds();
  calendar.name =
      "Guild: " + (user->person_id.empty() ? user->email : NameOf(*firm, user->person_id));
  if (!viewer.person_id.empty()) {
    AddCheckins(*firm, viewer, clock_.Today(), calendar);
    RETURN_IF_ERROR(AddFeedback(*firm, viewer, calendar));
  }
  std::sort(calendar.events.begin(), calendar.events.end(),
            [](const io::CalendarEvent& a, const io::CalendarEvent& b) {
              return std::tie(a.date, a.uid) < std::tie(b.date, b.uid);
            });
  return calendar;
}

void CalendarService::AddCheckins(const FirmSnapshot& firm, const Principal& viewer, Date today,
                                  io::Calendar& calendar) const {
  for (const Team& team : firm.data().teams) {
    if (team.checkin_cadence_days <= 0) continue;
    const bool member =
        std::any_of(team.members.begin(), team.members.end(),
                    [&](const TeamMember& m) { return m.person_id == viewer.person_id; });
    if (!member) continue;
    checkins::Cycle cycle = checkins::CycleOf(today, team.checkin_cadence_days);
    for (int i = 0; i < kCalendarCycles; ++i) {
      calendar.events.push_back(
          {"checkin-" + team.id + "-" + FormatDate(cycle.due) + std::string(kUidDomain), cycle.due,
           "Check-in due: " + team.name,
           "Your check-in with " + team.name + " for the cycle starting " +
               FormatDate(cycle.start) + "."});
      cycle = checkins::CycleOf(Date{cycle.due.days + 1}, team.checkin_cadence_days);
    }
  }
}

Status CalendarService::AddFeedback(const FirmSnapshot& firm, const Principal& viewer,
                                    io::Calendar& calendar) {
  ASSIGN_OR_RETURN(std::vector<FeedbackRequestView> asked,
                   feedback_.List(viewer, FeedbackRole::kAsked));
  for (const FeedbackRequestView& view : asked) {
    if (view.expired) continue;
    const bool pending =
        std::any_of(view.answers.begin(), view.answers.end(), [&](const FeedbackAnswer& answer) {
          return answer.reviewer_id == viewer.person_id &&
                 answer.status == FeedbackAnswerStatus::kPending;
        });
    if (!pending) continue;
    const FeedbackRequest& r = view.request;
    calendar.events.push_back({"feedback-" + r.id + std::string(kUidDomain), r.expires_on,
                               "Feedback due: " + r.event,
                               NameOf(firm, r.requester_id) + " asked for your feedback on " +
                                   r.event + " (" + FormatDate(r.event_date) +
                                   "): the one thing most effective, and one thing to do "
                                   "better next time."});
  }
  return OkStatus();
}

}  // namespace guild
