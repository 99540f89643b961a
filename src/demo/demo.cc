#include "demo/demo.h"

#include "demo/internal/context.h"

namespace guild {

namespace {
constexpr int kMinWeeks = 1;
constexpr int kMaxWeeks = 12;
constexpr int kLargeFirmPeople = 100000;
constexpr int kWeeksSmallFirm = 4;
constexpr int kWeeksLargeFirm = 1;
constexpr int kCheckinWeeksSmallFirm = 52;
constexpr int kCheckinWeeksLargeFirm = 2;
constexpr int kMaxCheckinWeeks = 104;
}  // namespace

int DefaultTimeEntryWeeks(int people) {
  return people > kLargeFirmPeople ? kWeeksLargeFirm : kWeeksSmallFirm;
}

int DefaultCheckinWeeks(int people) {
  return people > kLargeFirmPeople ? kCheckinWeeksLargeFirm : kCheckinWeeksSmallFirm;
}

Result<FirmData> GenerateDemoFirm(const DemoOptions& options, const FirmData& taxonomy) {
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
  DemoOptions resolved = options;
  if (resolved.checkin_weeks == 0) resolved.checkin_weeks = DefaultCheckinWeeks(options.people);
  if (resolved.time_entry_weeks == 0) {
    resolved.time_entry_weeks = DefaultTimeEntryWeeks(options.people);
  }
  FirmData out;
  demo::internal::Context c(resolved, taxonomy, out);
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
  demo::internal::GenerateCheckinsAndFeedback(c);
  return out;
}

}  // namespace guild
