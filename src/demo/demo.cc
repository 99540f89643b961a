#include "demo/demo.h"

#include "demo/internal/checkins.h"
#include "demo/internal/context.h"

namespace guild {

namespace {
constexpr int kMinWeeks = 1;
constexpr int kMaxWeeks = 12;
constexpr int kLargeFirmPeople = 100000;
constexpr int kWeeksSmallFirm = 4;
constexpr int kWeeksLargeFirm = 1;
constexpr int kCheckinWeeks = 52;
constexpr int kMaxCheckinWeeks = 104;
constexpr int kSecondsPerDay = 86400;
}  // namespace

namespace demo::internal {

//! The options as resolved, the firm generated so far and the history's
//! generators, which refer to both (hence held in one place that never moves).
struct DemoParts {
  DemoParts(const DemoOptions& resolved, const FirmData& taxonomy)
      : options(resolved), c(options, taxonomy, out) {}
  DemoOptions options;
  FirmData out;
  Context c;
  std::unique_ptr<PersonHistories> histories;
};

}  // namespace demo::internal

DemoFirm::DemoFirm(std::unique_ptr<demo::internal::DemoParts> parts) : parts_(std::move(parts)) {}
DemoFirm::~DemoFirm() = default;
DemoFirm::DemoFirm(DemoFirm&&) noexcept = default;
DemoFirm& DemoFirm::operator=(DemoFirm&&) noexcept = default;

FirmData& DemoFirm::firm() { return parts_->out; }

uint32_t DemoFirm::people() const { return static_cast<uint32_t>(parts_->out.people.size()); }

int DemoFirm::max_checkins_per_person() const { return parts_->options.checkin_weeks + 1; }

void DemoFirm::GenerateHistory(uint32_t begin, uint32_t end, FirmData& out) const {
  parts_->histories->Generate(begin, end, out);
}

int DemoTimeOfDay(const Clock& clock) {
  const int64_t now = clock.NowSeconds();
  return static_cast<int>(((now % kSecondsPerDay) + kSecondsPerDay) % kSecondsPerDay);
}

int DefaultTimeEntryWeeks(int people) {
  return people > kLargeFirmPeople ? kWeeksLargeFirm : kWeeksSmallFirm;
}

int DefaultCheckinWeeks(int /*people*/) { return kCheckinWeeks; }

Result<DemoFirm> GenerateDemoFirmInParts(const DemoOptions& options, const FirmData& taxonomy) {
  if (options.people < kMinDemoPeople || options.people > kMaxDemoPeople) {
    return InvalidArgument(
        "people: expected a whole number from " + std::to_string(kMinDemoPeople) + " to " +
        std::to_string(kMaxDemoPeople) + ", got " + std::to_string(options.people));
  }
  if (options.time_entry_weeks != 0 &&
      (options.time_entry_weeks < kMinWeeks || options.time_entry_weeks > kMaxWeeks)) {
    return InvalidArgument("time_entry_weeks: expected 0 (default) or a whole number from 1 to 12");
  }
  if (options.checkin_weeks < 0 || options.checkin_weeks > kMaxCheckinWeeks) {
    return InvalidArgument("checkin_weeks: expected 0 (default) or a whole number from 1 to " +
                           std::to_string(kMaxCheckinWeeks));
  }
  if (options.time_of_day < 0 || options.time_of_day >= kSecondsPerDay) {
    return InvalidArgument("time_of_day: expected seconds after midnight, 0 to 86399, got " +
                           std::to_string(options.time_of_day));
  }
  DemoOptions resolved = options;
  if (resolved.checkin_weeks == 0) resolved.checkin_weeks = DefaultCheckinWeeks(options.people);
  if (resolved.time_entry_weeks == 0) {
    resolved.time_entry_weeks = DefaultTimeEntryWeeks(options.people);
  }
  auto parts = std::make_unique<demo::internal::DemoParts>(resolved, taxonomy);
  demo::internal::Context& c = parts->c;
  demo::internal::GeneratePeople(c);
  RETURN_IF_ERROR(demo::internal::BuildPracticeSkills(c));
  demo::internal::GeneratePersonSkills(c);
  demo::internal::GenerateFirmRoles(c);
  c.live_engagements.assign(c.practice_count, {});
  demo::internal::GenerateClientsAndTeams(c);
  demo::internal::EnsureLiveEngagements(c);
  demo::internal::GenerateOpeningsAndAssignments(c);
  demo::internal::GenerateStaffing(c);
  demo::internal::GenerateTimeEntries(c);
  demo::internal::GenerateGoalsAndRoles(c);
  demo::internal::GenerateMentorships(c);
  parts->histories = std::make_unique<demo::internal::PersonHistories>(c);
  return DemoFirm(std::move(parts));
}

Result<FirmData> GenerateDemoFirm(const DemoOptions& options, const FirmData& taxonomy) {
  ASSIGN_OR_RETURN(DemoFirm demo, GenerateDemoFirmInParts(options, taxonomy));
  FirmData history;
  demo.GenerateHistory(0, demo.people(), history);
  FirmData out = std::move(demo.firm());
  out.checkins = history.checkins.take();
  out.checkin_blockers = history.checkin_blockers.take();
  out.checkin_questions = history.checkin_questions.take();
  out.feedback_requests = history.feedback_requests.take();
  out.feedback_answers = history.feedback_answers.take();
  out.inbox_items = history.inbox_items.take();
  return out;
}

}  // namespace guild
