#include "api/api.h"

#include "api/internal/common.h"
#include "api/staffing_plan_json.h"

namespace guild::api {

namespace {

// The board keeps plans as the API's JSON.
StaffingBoardOptions WithPlanCodec(StaffingBoardOptions options) {
  options.codec = StaffingPlanCodec();
  return options;
}

}  // namespace

ApiServices::ApiServices(Store& store, AccountStore& accounts, SnapshotHolder& snapshots,
                         const Clock& clock, ApiOptions options)
    : options_(std::move(options)),
      snapshots_(snapshots),
      writer_(store, &snapshots, clock),
      audit_(accounts, clock),
      sessions_(accounts, audit_, clock, options_.sessions),
      users_(accounts, snapshots, audit_, clock, options_.passwords),
      directory_(snapshots),
      imports_(store, snapshots, writer_),
      skills_(snapshots, clock),
      ratings_(snapshots, writer_, clock),
      staffing_(store, accounts, snapshots, writer_, clock, WithPlanCodec(options_.staffing)),
      volunteers_(snapshots, writer_, clock, options_.staffing.staffing),
      network_(snapshots, skills_, clock, {}, &store),
      goals_(store, snapshots, writer_, clock, options_.goals),
      feedback_(store, snapshots, writer_, clock, options_.feedback),
      inbox_(store, snapshots, writer_, clock, options_.inbox),
      mentorships_(snapshots, writer_, clock),
      checkins_(store, snapshots, writer_, clock, options_.checkins),
      calendar_(accounts, snapshots, feedback_, clock) {}

Status AddApiRoutes(http::Router& router, ApiServices& services) {
  router.SetDefaultAdmission(internal::SignedIn(services));
  RETURN_IF_ERROR(router.Get(
      "/api/v1/openapi.json",
      [](const http::Request&) { return http::JsonResponse(std::string(OpenApiJson())); },
      http::RouteOptions{http::Execution::kInline, std::nullopt}));
  RETURN_IF_ERROR(internal::AddSessionRoutes(router, services));
  RETURN_IF_ERROR(internal::AddDirectoryRoutes(router, services));
  RETURN_IF_ERROR(internal::AddSkillsRoutes(router, services));
  RETURN_IF_ERROR(internal::AddSkillRatingsRoutes(router, services));
  RETURN_IF_ERROR(internal::AddStaffingRoutes(router, services));
  RETURN_IF_ERROR(internal::AddVolunteerRoutes(router, services));
  RETURN_IF_ERROR(internal::AddNetworkRoutes(router, services));
  RETURN_IF_ERROR(internal::AddGoalsRoutes(router, services));
  RETURN_IF_ERROR(internal::AddFeedbackRoutes(router, services));
  RETURN_IF_ERROR(internal::AddMentoringRoutes(router, services));
  RETURN_IF_ERROR(internal::AddCheckinsRoutes(router, services));
  RETURN_IF_ERROR(internal::AddCalendarRoutes(router, services));
  return internal::AddAdminRoutes(router, services);
}

}  // namespace guild::api
