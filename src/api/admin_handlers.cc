// /admin: imports, users and the audit log (administrators only; the
// services' authorizer decides).
#include "api/internal/common.h"
#include "io/import.h"

namespace guild::api::internal {
namespace {

constexpr std::string_view kRoleExpected = "\"administrator\", \"firm_leader\" or \"member\"";

http::Problem ImportProblem(const io::ImportReport& report) {
  http::Problem problem = http::MakeProblem(
      422, "import_rejected",
      report.file + ": " + std::to_string(report.errors_total) + " errors; nothing was written");
  for (const io::ImportProblem& error : report.errors) {
    problem.errors.push_back(
        {error.field, "body", error.expected, error.value, static_cast<int>(error.line)});
  }
  return problem;
}

// The import format: ?format=csv|json, else by Content-Type.
std::optional<io::Format> ImportFormat(const http::Request& request) {
  if (auto format = request.query("format")) return io::ParseFormat(*format);
  auto type = request.header("Content-Type").value_or("");
  if (type.starts_with("text/csv")) return io::Format::kCsv;
  if (type.starts_with("application/json")) return io::Format::kJson;
  return std::nullopt;
}

http::Response Import(ApiServices& services, const http::Request& request,
                      const Authenticated& who) {
  std::string_view kind_name = request.param("kind").value_or("");
  auto kind = ParseEntityKind(kind_name);
  if (!kind) return BadParameter("kind", "path", "an entity kind such as \"people\"", kind_name);
  auto format = ImportFormat(request);
  if (!format) {
    http::Problem problem =
        http::MakeProblem(415, "unsupported_media_type",
                          "expected ?format=csv|json or Content-Type text/csv or application/json");
    return http::ProblemResponse(problem);
  }
  std::string file = std::string(request.query("file").value_or(
      std::string(kind_name) + "." + std::string(io::ToString(*format))));
  auto report = services.imports().Import(who.principal, *kind, *format, file, request.body);
  if (!report.ok()) return Fail(report.status());
  if (!report->errors.empty()) return http::ProblemResponse(ImportProblem(*report));
  return http::JsonResponse(io::ReportToJson(*report));
}

http::Response UserResponse(const Result<UserView>& user, int status) {
  if (!user.ok()) return Fail(user.status());
  std::string body;
  http::JsonWriter w(body);
  WriteUser(w, *user);
  return http::JsonResponse(std::move(body), status);
}

http::Response BadRole(std::string_view value) {
  return BadParameter("role", "body", kRoleExpected, value);
}

http::Response CreateUser(ApiServices& services, const http::Request& request,
                          const Authenticated& who) {
  auto json = JsonBody(request, services.options().max_json_bytes);
  if (!json.ok()) return http::ProblemResponse(json.problem());
  NewUser input;
  std::string role;
  std::optional<std::string> person_id;
  http::ObjectReader reader(json.value());
  reader.Required("email", input.email);
  reader.Required("password", input.password);
  reader.Optional("person_id", person_id);
  reader.Required("role", role);
  if (auto problem = reader.Finish()) return http::ProblemResponse(*problem);
  auto parsed_role = ParseUserRole(role);
  if (!parsed_role) return BadRole(role);
  input.role = *parsed_role;
  input.person_id = person_id.value_or("");
  return UserResponse(services.users().Create(who.principal, input), 201);
}

http::Response UpdateUser(ApiServices& services, const http::Request& request,
                          const Authenticated& who) {
  auto json = JsonBody(request, services.options().max_json_bytes);
  if (!json.ok()) return http::ProblemResponse(json.problem());
  UserPatch patch;
  std::optional<std::string> role;
  http::ObjectReader reader(json.value());
  reader.Optional("role", role);
  reader.Optional("disabled", patch.disabled);
  reader.Optional("password", patch.password);
  if (auto problem = reader.Finish()) return http::ProblemResponse(*problem);
  if (role) {
    patch.role = ParseUserRole(*role);
    if (!patch.role) return BadRole(*role);
  }
  return UserResponse(
      services.users().Update(who.principal, request.param("id").value_or(""), patch), 200);
}

http::Response ListUsers(ApiServices& services, const http::Request& request,
                         const Authenticated& who) {
  auto page = ReadPage(request);
  if (!page.ok()) return http::ProblemResponse(page.problem());
  auto users = services.users().List(who.principal, page.value());
  if (!users.ok()) return Fail(users.status(), "query");
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("items").BeginArray();
  for (const UserView& user : users->items) WriteUser(w, user);
  w.EndArray();
  WriteNextCursor(w, users->next_cursor);
  w.EndObject();
  return http::JsonResponse(std::move(body));
}

http::Response ListAudit(ApiServices& services, const http::Request& request,
                         const Authenticated& who) {
  auto page = ReadPage(request);
  if (!page.ok()) return http::ProblemResponse(page.problem());
  auto snapshot = services.snapshots().Current();
  auto entries = services.audit().List(Authorizer(*snapshot), who.principal, page.value());
  if (!entries.ok()) return Fail(entries.status(), "query");
  std::string body;
  http::JsonWriter w(body);
  w.BeginObject().Key("items").BeginArray();
  for (const AuditEntry& e : entries->items) {
    w.BeginObject().Member("at", Timestamp(e.at)).Member("user_id", e.user_id);
    w.Member("action", e.action).Member("entity", e.entity).Member("entity_id", e.entity_id);
    w.Member("detail", e.detail).EndObject();
  }
  w.EndArray();
  WriteNextCursor(w, entries->next_cursor);
  w.EndObject();
  return http::JsonResponse(std::move(body));
}

// Imports may carry 64 MiB: who sends one is known, and allowed, first.
std::optional<http::Response> AdmitImport(ApiServices& services, const http::Request& request) {
  Identity identity = Identify(services, request);
  if (!identity.who) return std::move(identity.refusal);
  Status allowed = services.imports().CheckMayImport(identity.who->principal);
  if (!allowed.ok()) return Fail(allowed);
  return std::nullopt;
}

}  // namespace

http::Response ListUserTokens(ApiServices& services, const http::Request& request,
                              const Authenticated& who) {
  return ApiTokensResponse(
      services.users().ListTokens(who.principal, request.param("id").value_or("")));
}

http::Response RevokeUserToken(ApiServices& services, const http::Request& request,
                               const Authenticated& who) {
  Status revoked = services.users().RevokeToken(who.principal, request.param("id").value_or(""),
                                                request.param("token").value_or(""));
  if (!revoked.ok()) return Fail(revoked, "path");
  return http::NoContentResponse();
}

Status AddAdminRoutes(http::Router& router, ApiServices& s) {
  using namespace std::placeholders;
  http::RouteOptions import_options;
  import_options.max_body_bytes = s.options().max_import_bytes;
  import_options.admission = [&s](const http::Request& r) { return AdmitImport(s, r); };
  RETURN_IF_ERROR(router.Post("/api/v1/admin/import/{kind}",
                              Authed(s, std::bind(Import, std::ref(s), _1, _2)), import_options));
  RETURN_IF_ERROR(
      router.Get("/api/v1/admin/users", Authed(s, std::bind(ListUsers, std::ref(s), _1, _2))));
  RETURN_IF_ERROR(
      router.Post("/api/v1/admin/users", Authed(s, std::bind(CreateUser, std::ref(s), _1, _2))));
  RETURN_IF_ERROR(router.Add(http::Method::kPatch, "/api/v1/admin/users/{id}",
                             Authed(s, std::bind(UpdateUser, std::ref(s), _1, _2))));
  RETURN_IF_ERROR(router.Get("/api/v1/admin/users/{id}/tokens",
                             Authed(s, std::bind(ListUserTokens, std::ref(s), _1, _2))));
  RETURN_IF_ERROR(router.Add(http::Method::kDelete, "/api/v1/admin/users/{id}/tokens/{token}",
                             Authed(s, std::bind(RevokeUserToken, std::ref(s), _1, _2))));
  return router.Get("/api/v1/admin/audit", Authed(s, std::bind(ListAudit, std::ref(s), _1, _2)));
}

}  // namespace guild::api::internal
