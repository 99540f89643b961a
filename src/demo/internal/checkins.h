// State shared by the demo's check-in and feedback step: the people teams
// (people_teams.cc), a year of check-ins with their blockers and questions
// (checkin_history.cc), feedback requests (feedback.cc) and the inbox items
// that all of them leave in the last few weeks.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "demo/internal/context.h"

namespace guild::demo::internal {

//! Most check-ins a leader takes in a week (a fortnightly team's members
//! count as half).
inline constexpr double kMaxLeaderCheckinsPerWeek = 20;
//! People teams hold this many members (fewer only where a practice's
//! office has fewer staff).
inline constexpr int kMinPeopleTeam = 4;
inline constexpr int kMaxPeopleTeam = 10;
//! Teams one person leads at most.
inline constexpr int kMaxTeamsLed = 2;
//! Inbox items cover this many days before "now".
inline constexpr int kInboxDays = 28;
inline constexpr int64_t kSecondsPerDay = 86400;

struct CheckinsContext {
  Context& c;
  //! The firm's "now": today at options.time_of_day. Nothing is dated after it.
  int64_t now = 0;
  //! First day of the history (inclusive).
  Date first_day;
  std::unordered_map<std::string_view, uint32_t> person;  //!< id -> out.people index
  //! Per person: the people team (out.teams index) they check in with, or -1.
  std::vector<int32_t> team_of;
  //! Per person: engagements (out.engagements indices) they are assigned
  //! to or billed time to, the main one first.
  std::vector<std::vector<uint32_t>> worked_on;
  //! Per person: days of time off up to today (time-off entries).
  std::unordered_map<uint32_t, std::vector<Date>> time_off;

  const Person& P(uint32_t i) const { return c.out.people[i]; }
  //! An independent generator for one person and one purpose (`salt`), so
  //! that each person's history depends on nothing drawn for anyone else.
  Random PersonRandom(uint32_t person, uint64_t salt) const;
  //! Adds to `out` an inbox item when `created_at` falls in the last
  //! kInboxDays; most items older than three days are read.
  void Inbox(FirmData& out, std::string id, const std::string& to, InboxItemKind kind,
             std::string ref, const std::string& from, std::string text, int64_t created_at,
             Random& rng) const;
};

//! Sets every existing team's cadence to 0 (people sit on several of them)
//! and adds the people teams that hold everyone but the partners exactly
//! once; fills g.team_of.
void AddPeopleTeams(CheckinsContext& g);

//! Appends the check-ins of person `i` (if a member of a people team),
//! options.checkin_weeks back from today, with blockers, routed questions
//! and their inbox items, to `out`. `client_name`: client id -> name.
void AddCheckinHistory(const CheckinsContext& g,
                       const std::unordered_map<std::string_view, std::string_view>& client_name,
                       uint32_t i, FirmData& out);

//! Who worked with whom and when (feedback.cc), built once.
struct FeedbackBuilder;
struct FeedbackBuilderDelete {
  void operator()(FeedbackBuilder* builder) const;
};
std::unique_ptr<FeedbackBuilder, FeedbackBuilderDelete> MakeFeedbackBuilder(
    const CheckinsContext& g);
//! Appends person `i`'s feedback requests, their answers and inbox items to `out`.
void AddFeedback(const FeedbackBuilder& builder, uint32_t i, FirmData& out);

//! Each person's check-in and feedback history, generated on demand: what
//! it reads (people, teams, clients, engagements of g.c.out and the indices
//! built from them) must stay unchanged while it lives.
class PersonHistories {
 public:
  //! Sets up the people teams (AddPeopleTeams) and the indices the
  //! histories read. `c` must outlive this object.
  explicit PersonHistories(Context& c);
  ~PersonHistories();
  PersonHistories(const PersonHistories&) = delete;
  PersonHistories& operator=(const PersonHistories&) = delete;

  //! Appends the history of people [begin, end) (out.people indices) to
  //! `out`: check-ins, blockers, questions, about one feedback request per
  //! person and quarter with its answers, and the inbox items all of them
  //! leave. Each person's rows come from generators of their own, so any
  //! split of the people into ranges gives the same rows.
  void Generate(uint32_t begin, uint32_t end, FirmData& out) const;

 private:
  CheckinsContext g_;
  std::unordered_map<std::string_view, std::string_view> client_name_;
  std::unique_ptr<FeedbackBuilder, FeedbackBuilderDelete> feedback_;
};

//! Seconds since the epoch of `day` at `seconds_into_day`.
inline int64_t At(Date day, int64_t seconds_into_day) {
  return static_cast<int64_t>(day.days) * kSecondsPerDay + seconds_into_day;
}

template <size_t N>
std::string_view PickFrom(Random& rng, const std::string_view (&items)[N]) {
  return items[rng.Below(N)];
}

}  // namespace guild::demo::internal
