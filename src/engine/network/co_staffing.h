// Co-staffing ties: people on the same engagement at the same time, weighted
// by the hours they overlap.
//
// Two records say who worked on what:
//  - time entries with an engagement (what happened): for each engagement and
//    day, two people who both logged time on it overlap by the smaller of
//    their hours that day. Their overlaps are summed per ISO week into one
//    tie whose window runs from the first to the last shared day of that
//    week.
//  - assignments (what is planned), through their opening's engagement: two
//    assignments on the same engagement overlap on the days both run, by
//    min(hours_per_week) / 7 hours a day; one tie per pair of assignments,
//    windowed on the overlap.
// Actuals replace plans: time entries count up to and including
// `actuals_through`, assignments only after it. By default actuals_through
// is the last day any time entry was logged, so the graph holds what was
// logged and, after that, what is planned.
//
// Cost: O(entries log entries) to group, then the pairs of people who share
// an engagement day (k people on one engagement-day make k (k - 1) / 2).
#pragma once

#include <optional>

#include "common/date.h"
#include "domain/model.h"
#include "engine/network/ties.h"

namespace guild::network {

struct CoStaffingOptions {
  //! Time entries count up to this day, assignments after it; nullopt: the
  //! last time entry's day (no time entries: assignments count from the
  //! first day).
  std::optional<Date> actuals_through;
};

class CoStaffingTies final : public TieSource {
 public:
  //! `firm` must outlive this object. People unknown to the sink are skipped
  //! (the firm's own validation keeps references sound).
  CoStaffingTies(const FirmData& firm, CoStaffingOptions options)
      : firm_(firm), options_(options) {}
  [[nodiscard]] Status AddTies(TieSink& sink) const override;

 private:
  const FirmData& firm_;
  CoStaffingOptions options_;
};

}  // namespace guild::network
