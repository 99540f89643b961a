// What `guild goals`, `guild team` and `guild checkins` stand on: the store,
// the snapshot, the FirmWriter, the GoalsService and the CheckinsService,
// opened on --db; and the person
// the command acts as (--as PERSON: that person's rights; otherwise the
// operator, an administrator recorded in the audit log as user "cli").
#pragma once

#include <memory>
#include <string>

#include "cli/commands.h"
#include "service/checkins/checkins_service.h"
#include "service/goals/goals_service.h"
#include "store/store.h"

namespace guild::cli {

//! Flags every goals and team command has.
struct GoalsWorldFlags {
  std::string db = "guild.db";
  std::string as_person;     //!< --as: act as this person (member rights)
  double at_risk = -1;       //!< --at-risk-shortfall, when given
  double off_track = -1;     //!< --off-track-shortfall, when given
  int leadership_bound = 0;  //!< --leadership-team-max, when given
  std::string today;         //!< --today YYYY-MM-DD: the date statuses are computed for
};

inline void AddGoalsWorldOptions(CLI::App& command, GoalsWorldFlags& flags) {
  AddDbOption(command, flags.db);
  command.add_option("--as", flags.as_person,
                     "Act as this person (their rights); default: the operator (administrator)");
  command.add_option("--at-risk-shortfall", flags.at_risk,
                     "Status: at risk when progress trails the expectation by more than this "
                     "share of the way (default 0.10)");
  command.add_option("--off-track-shortfall", flags.off_track,
                     "Status: off track beyond this share (default 0.25)");
  command.add_option("--leadership-team-max", flags.leadership_bound,
                     "Most people a leadership team may have before a warning (default 7)");
  command.add_option("--today", flags.today, "The date to compute statuses for (default: today)");
}

class GoalsWorld {
 public:
  static Result<std::unique_ptr<GoalsWorld>> Open(const GoalsWorldFlags& flags) {
    auto world = std::unique_ptr<GoalsWorld>(new GoalsWorld());
    if (flags.today.empty()) {
      world->clock_ = std::make_unique<SystemClock>();
    } else {
      auto today = ParseDate(flags.today);
      if (!today)
        return InvalidArgument("--today: expected a date YYYY-MM-DD, got '" + flags.today + "'");
      constexpr int64_t kNoon = 12 * 3600;
      world->clock_ = std::make_unique<FakeClock>(int64_t{today->days} * 86400 + kNoon);
    }
    StoreOptions options{flags.db, false, Durability::kFull};
    ASSIGN_OR_RETURN(world->store_, OpenStore(options));
    world->snapshots_ = std::make_unique<SnapshotHolder>(*world->store_, SnapshotOptions{});
    RETURN_IF_ERROR(world->snapshots_->Load());
    world->writer_ =
        std::make_unique<FirmWriter>(*world->store_, world->snapshots_.get(), *world->clock_);
    GoalsOptions goals;
    if (flags.at_risk >= 0) goals.status.at_risk_shortfall = flags.at_risk;
    if (flags.off_track >= 0) goals.status.off_track_shortfall = flags.off_track;
    if (flags.leadership_bound > 0) goals.raci.max_leadership_team = flags.leadership_bound;
    RETURN_IF_ERROR(GoalsService::Validate(goals));
    world->service_ = std::make_unique<GoalsService>(*world->store_, *world->snapshots_,
                                                     *world->writer_, *world->clock_, goals);
    world->checkins_ = std::make_unique<CheckinsService>(*world->store_, *world->snapshots_,
                                                         *world->writer_, *world->clock_);
    if (flags.as_person.empty()) {
      world->principal_ = {"cli", UserRole::kAdministrator, ""};
    } else {
      if (!world->snapshots_->Peek()->PersonIndex(flags.as_person)) {
        return InvalidArgument("--as: expected the id of a person, got '" + flags.as_person + "'");
      }
      world->principal_ = {"cli", UserRole::kMember, flags.as_person};
    }
    return world;
  }

  GoalsService& goals() { return *service_; }
  CheckinsService& checkins() { return *checkins_; }
  const Principal& principal() const { return principal_; }
  const Clock& clock() const { return *clock_; }
  SnapshotHolder& snapshots() { return *snapshots_; }

 private:
  GoalsWorld() = default;
  std::unique_ptr<Clock> clock_;
  std::unique_ptr<Store> store_;
  std::unique_ptr<SnapshotHolder> snapshots_;
  std::unique_ptr<FirmWriter> writer_;
  std::unique_ptr<GoalsService> service_;
  std::unique_ptr<CheckinsService> checkins_;
  Principal principal_;
};

}  // namespace guild::cli
