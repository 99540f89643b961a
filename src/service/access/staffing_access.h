// StaffingAccess: who may do what on the staffing board, one viewer at a
// time. Part of the Authorizer (Authorizer::Staffing builds it): the board
// service asks it and never decides on its own.
//
// Rules:
//  - the board (openings, plans, capacity): administrators and firm leaders
//    (firm-wide), and engagement leaders (Engagement::leader_id is the
//    viewer's person) for the engagements they lead;
//  - a stored plan (read, accept): its author and firm-wide viewers; one
//    entry's explanation also to the person it seats;
//  - a person's loads (their capacity row of hours booked per week, an
//    entry's load before and after, the hours booked behind a conflict):
//    firm-wide viewers, whoever may read their details
//    (Authorizer::CanReadPersonDetail), and the leader of an engagement they
//    hold an assignment on;
//  - a person's costs in a plan (an entry's or a runner-up's cost, which
//    give back their cost rate): whoever may read their details; plan totals
//    (objective, bound, gap, the steps' effects), which add up everyone's
//    costs: firm-wide viewers;
//  - the market report: firm-wide viewers.
//
// Thread safety: one request's object; not shared between threads.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "service/access/authorizer.h"

namespace guild {

class StaffingAccess {
 public:
  //! `snapshot` must outlive the object.
  StaffingAccess(const FirmSnapshot& snapshot, Principal viewer);

  [[nodiscard]] bool FirmWide() const { return firm_wide_; }
  //! The staffing board at all.
  [[nodiscard]] bool MayUseBoard() const { return firm_wide_ || !led_.empty(); }
  //! Plan for, and accept entries on, this engagement.
  [[nodiscard]] bool MayStaff(std::string_view engagement_id) const;
  //! Engagement ids the viewer leads (empty for firm-wide viewers who lead none).
  [[nodiscard]] const std::set<std::string, std::less<>>& Led() const { return led_; }
  //! Read or accept a stored plan proposed by `owner_user_id`.
  [[nodiscard]] bool MayActOnPlan(std::string_view owner_user_id) const;
  //! Read the explanation of one entry of that plan, seating `person_id`.
  [[nodiscard]] bool MayReadEntry(std::string_view owner_user_id, std::string_view person_id) const;
  //! A person's loads: capacity row, load before/after, hours behind a conflict.
  [[nodiscard]] bool MayReadLoads(std::string_view person_id) const;
  //! A person's costs in plans.
  [[nodiscard]] bool MayReadCosts(std::string_view person_id) const;
  //! Plan totals: objective, bound, gap, step effects.
  [[nodiscard]] bool MayReadTotals() const { return firm_wide_; }
  //! The market report.
  [[nodiscard]] bool MayReadMarket() const { return firm_wide_; }

 private:
  const FirmSnapshot& snapshot_;
  Authorizer authorizer_;
  Principal viewer_;
  bool firm_wide_ = false;
  std::set<std::string, std::less<>> led_;
  //! People holding an assignment on a led engagement, built on first use.
  mutable std::optional<std::set<std::string, std::less<>>> on_led_;
};

}  // namespace guild
