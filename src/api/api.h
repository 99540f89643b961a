// Guild's JSON API under /api/v1 (docs/API.md; OpenAPI 3.1 in openapi.json).
//
// ApiServices builds the services the API calls from the injected store,
// account store, snapshot holder and clock; AddApiRoutes registers every
// endpoint on a router. Handlers only parse requests and shape JSON: the
// services decide (through the Authorizer) who may do what, and
// http::ProblemFromStatus is the one place that maps a Status to an HTTP
// status and problem body.
//
// Authentication: the `guild_session` cookie (set by POST /session) or an
// `Authorization: Bearer <api token>` header. Requests other than GET/HEAD
// authenticated by cookie must carry the session's CSRF token in
// X-CSRF-Token (403 otherwise).
//
// Thread safety: handlers run concurrently; every service is thread-safe.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>

#include "common/date.h"
#include "http/router.h"
#include "service/accounts/audit_log.h"
#include "service/accounts/session_service.h"
#include "service/accounts/user_service.h"
#include "service/checkins/checkins_service.h"
#include "service/directory/directory_service.h"
#include "service/feedback/feedback_service.h"
#include "service/goals/goals_service.h"
#include "service/imports/import_service.h"
#include "service/inbox/inbox_service.h"
#include "service/mentoring/mentorship_service.h"
#include "service/network/network_service.h"
#include "service/notify/calendar_service.h"
#include "service/skills/skill_ratings_service.h"
#include "service/skills/skills_service.h"
#include "service/snapshot/snapshot_holder.h"
#include "service/staffing/staffing_board_service.h"
#include "service/staffing/volunteer_service.h"
#include "service/writes/firm_writer.h"

namespace guild::api {

enum class CookieSecurity {
  kWhenForwardedHttps,  //!< Secure only when X-Forwarded-Proto says https
  kAlways,              //!< the server runs behind TLS: always Secure
};

struct ApiOptions {
  SessionOptions sessions;
  PasswordOptions passwords;  //!< cost of hashes for new and changed passwords
  CookieSecurity cookie_security = CookieSecurity::kWhenForwardedHttps;
  size_t max_json_bytes = size_t{1} << 20;     //!< larger JSON bodies get 413
  size_t max_import_bytes = size_t{64} << 20;  //!< larger import files get 413
  StaffingBoardOptions staffing;               //!< defaults of plans proposed over the API
  GoalsOptions goals;                          //!< status thresholds and the leadership team bound
  FeedbackOptions feedback;                    //!< expiry of feedback requests, suggestions
  InboxOptions inbox;                          //!< inbox page size and unread scan
  CheckinsOptions checkins;                    //!< bounds of trends and question lists
};

//! The services behind the API, wired to the injected world.
class ApiServices {
 public:
  //! Every reference must outlive this object.
  ApiServices(Store& store, AccountStore& accounts, SnapshotHolder& snapshots, const Clock& clock,
              ApiOptions options);

  const ApiOptions& options() const { return options_; }
  SnapshotHolder& snapshots() { return snapshots_; }
  //! The one path of writes to the firm's data (group commit, audit, change
  //! feed, this server's snapshot).
  FirmWriter& writer() { return writer_; }
  AuditLog& audit() { return audit_; }
  SessionService& sessions() { return sessions_; }
  UserService& users() { return users_; }
  DirectoryService& directory() { return directory_; }
  ImportService& imports() { return imports_; }
  SkillsService& skills() { return skills_; }
  //! A person's skill ratings: self-service and colleagues' ratings.
  SkillRatingsService& ratings() { return ratings_; }
  StaffingBoardService& staffing() { return staffing_; }
  //! The openings that fit a person, volunteering and withdrawing.
  VolunteerService& volunteers() { return volunteers_; }
  NetworkService& network() { return network_; }
  GoalsService& goals() { return goals_; }
  FeedbackService& feedback() { return feedback_; }
  InboxService& inbox() { return inbox_; }
  MentorshipService& mentorships() { return mentorships_; }
  CheckinsService& checkins() { return checkins_; }
  CalendarService& calendar() { return calendar_; }

 private:
  const ApiOptions options_;
  SnapshotHolder& snapshots_;
  FirmWriter writer_;
  AuditLog audit_;
  SessionService sessions_;
  UserService users_;
  DirectoryService directory_;
  ImportService imports_;
  SkillsService skills_;
  SkillRatingsService ratings_;
  StaffingBoardService staffing_;
  VolunteerService volunteers_;
  NetworkService network_;
  GoalsService goals_;
  FeedbackService feedback_;
  InboxService inbox_;
  MentorshipService mentorships_;
  CheckinsService checkins_;
  CalendarService calendar_;
};

//! Registers every /api/v1 route (handlers keep a reference to `services`,
//! which must outlive the router). Fails only on a programming error
//! (duplicate route).
[[nodiscard]] Status AddApiRoutes(http::Router& router, ApiServices& services);

//! The OpenAPI 3.1 document describing every route AddApiRoutes registers.
std::string_view OpenApiJson();

}  // namespace guild::api
