#include "service/access/staffing_access.h"

namespace guild {

StaffingAccess::StaffingAccess(const FirmSnapshot& snapshot, Principal viewer)
    : snapshot_(snapshot), authorizer_(snapshot), viewer_(std::move(viewer)) {
  firm_wide_ = authorizer_.CanReadFirmWide(viewer_);
  if (viewer_.person_id.empty()) return;
  for (const Engagement& e : snapshot_.data().engagements) {
    if (e.leader_id == viewer_.person_id) led_.insert(e.id);
  }
}

StaffingAccess Authorizer::Staffing(const Principal& viewer) const {
  return StaffingAccess(snapshot_, viewer);
}

bool StaffingAccess::MayStaff(std::string_view engagement_id) const {
  return firm_wide_ || led_.count(engagement_id) > 0;
}

bool StaffingAccess::MayActOnPlan(std::string_view owner_user_id) const {
  return firm_wide_ || (!viewer_.user_id.empty() && viewer_.user_id == owner_user_id);
}

bool StaffingAccess::MayReadEntry(std::string_view owner_user_id,
                                  std::string_view person_id) const {
  const bool own = !viewer_.person_id.empty() && viewer_.person_id == person_id;
  return own || MayActOnPlan(owner_user_id);
}

bool StaffingAccess::MayReadCosts(std::string_view person_id) const {
  return authorizer_.CanReadPersonDetail(viewer_, person_id);
}

bool StaffingAccess::MayReadLoads(std::string_view person_id) const {
  if (firm_wide_ || authorizer_.CanReadPersonDetail(viewer_, person_id)) return true;
  if (led_.empty()) return false;
  if (!on_led_) {
    on_led_.emplace();
    std::set<std::string_view> openings;
    for (const Opening& o : snapshot_.data().openings) {
      if (led_.count(o.engagement_id)) openings.insert(o.id);
    }
    for (const Assignment& a : snapshot_.data().assignments) {
      if (openings.count(a.opening_id)) on_led_->insert(a.person_id);
    }
  }
  return on_led_->count(person_id) > 0;
}

}  // namespace guild
