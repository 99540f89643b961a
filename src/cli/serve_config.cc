// `guild serve --config FILE`: one table maps each key of the file to its
// flag and its setting; the strict JSON reader (http/json_reader.h) checks
// the types and names unknown keys.
#include "cli/serve_config.h"

#include <type_traits>
#include <variant>

#include "cli/files.h"
#include "http/json_reader.h"

namespace guild::cli {
namespace {

constexpr size_t kMaxConfigBytes = size_t{1} << 20;
constexpr int kMaxPort = 65535;

template <typename T>
using Setting = T& (*)(ServeFlags&);

//! One key of the file: the flag it mirrors and the setting both write.
struct ConfigKey {
  std::string_view key;
  std::string_view flag;
  std::variant<Setting<std::string>, Setting<int>, Setting<int64_t>, Setting<bool>, Setting<double>>
      setting;
  //! The field its options struct's Validate names (GoalsOptions,
  //! FeedbackOptions); empty for the others.
  std::string_view validated_as = {};
};

// In the order of the flags of `guild serve --help`.
const ConfigKey kConfigKeys[] = {
    {"db", "--db", +[](ServeFlags& f) -> std::string& { return f.db; }},
    {"port", "--port", +[](ServeFlags& f) -> int& { return f.port; }},
    {"bind", "--bind", +[](ServeFlags& f) -> std::string& { return f.bind; }},
    {"static", "--static", +[](ServeFlags& f) -> std::string& { return f.static_dir; }},
    {"secure_cookies", "--secure-cookies",
     +[](ServeFlags& f) -> bool& { return f.secure_cookies; }},
    {"tls_cert", "--tls-cert", +[](ServeFlags& f) -> std::string& { return f.tls_cert; }},
    {"tls_key", "--tls-key", +[](ServeFlags& f) -> std::string& { return f.tls_key; }},
    {"breached_passwords", "--breached-passwords",
     +[](ServeFlags& f) -> std::string& { return f.breached_passwords; }},
    {"durability", "--durability", +[](ServeFlags& f) -> std::string& { return f.durability; }},
    {"workers", "--workers", +[](ServeFlags& f) -> int& { return f.workers; }},
    {"goal_at_risk_shortfall", "--goal-at-risk-shortfall",
     +[](ServeFlags& f) -> double& { return f.goals.status.at_risk_shortfall; },
     "at_risk_shortfall"},
    {"goal_off_track_shortfall", "--goal-off-track-shortfall",
     +[](ServeFlags& f) -> double& { return f.goals.status.off_track_shortfall; },
     "off_track_shortfall"},
    {"feedback_expiry_days", "--feedback-expiry-days",
     +[](ServeFlags& f) -> int& { return f.feedback.expiry_days; }, "expiry_days"},
    {"leadership_team_max", "--leadership-team-max",
     +[](ServeFlags& f) -> int& { return f.goals.raci.max_leadership_team; },
     "max_leadership_team"},
    {"smtp", "--smtp", +[](ServeFlags& f) -> std::string& { return f.smtp; }},
    {"smtp_from", "--smtp-from", +[](ServeFlags& f) -> std::string& { return f.smtp_from; }},
    {"smtp_retry_seconds", "--smtp-retry-seconds",
     +[](ServeFlags& f) -> int64_t& { return f.smtp_retry_seconds; }},
    {"smtp_lease_seconds", "--smtp-lease-seconds",
     +[](ServeFlags& f) -> int64_t& { return f.smtp_lease_seconds; }},
};

// "FILE: key 'k': expected E (got V); key ...": every error of the problem.
Status BadConfig(const std::string& path, const http::Problem& problem) {
  std::string message = path + ":";
  if (problem.errors.empty()) return InvalidArgument(message + " " + problem.detail);
  for (size_t i = 0; i < problem.errors.size(); ++i) {
    const http::FieldError& e = problem.errors[i];
    message += (i == 0 ? " " : "; ");
    if (e.field != "body") message += "key '" + e.field + "': ";
    // An unknown key's "expected" is "no such field (allowed: ...)".
    const bool unknown = e.expected.rfind("no such field", 0) == 0;
    message += unknown ? "unknown key" + e.expected.substr(std::string_view("no such field").size())
                       : "expected " + e.expected;
    if (e.line > 0) message += " (line " + std::to_string(e.line) + ")";
    if (!e.value.empty()) message += " (got " + e.value + ")";
  }
  return InvalidArgument(message);
}

// The goal and feedback settings' own rules (their services' Validate),
// the first broken one named as the file's key when the file gave it (a
// flag's value is left to `guild serve`'s own check).
Status CheckRanges(const std::string& path, const FlagGiven& given, const ServeFlags& read) {
  for (const Status& status :
       {GoalsService::Validate(read.goals), FeedbackService::Validate(read.feedback)}) {
    const ErrorLocation* where = status.where();
    if (status.ok() || where == nullptr) continue;
    for (const ConfigKey& k : kConfigKeys) {
      if (k.validated_as.empty() || k.validated_as != where->field || given(k.flag)) continue;
      std::string message =
          path + ": key '" + std::string(k.key) + "': expected " + where->expected;
      if (!where->value.empty()) message += " (got " + where->value + ")";
      return InvalidArgument(message);
    }
  }
  return OkStatus();
}

}  // namespace

std::vector<std::string_view> ServeConfigKeys() {
  std::vector<std::string_view> keys;
  for (const ConfigKey& k : kConfigKeys) keys.push_back(k.key);
  return keys;
}

Status ApplyServeConfig(const std::string& path, const FlagGiven& given, ServeFlags& flags) {
  auto text = ReadFile(path, kMaxConfigBytes);
  if (!text.ok()) return InvalidArgument(path + ": " + text.status().message());
  http::JsonLimits limits;
  limits.max_bytes = kMaxConfigBytes;
  auto json = http::ParseJsonBody(*text, limits);
  if (!json.ok()) return BadConfig(path, json.problem());
  ServeFlags read = flags;
  http::ObjectReader reader(json.value(), "config");
  for (const ConfigKey& k : kConfigKeys) {
    std::visit(
        [&](auto setting) {
          using T = std::remove_reference_t<decltype(setting(read))>;
          std::optional<T> value;
          reader.Optional(k.key, value);
          if (value && !given(k.flag)) setting(read) = *value;
        },
        k.setting);
  }
  if (auto problem = reader.Finish()) return BadConfig(path, *problem);
  if (!given("--port") && (read.port < 0 || read.port > kMaxPort)) {
    return InvalidArgument(path + ": key 'port': expected 0 to 65535 (got " +
                           std::to_string(read.port) + ")");
  }
  RETURN_IF_ERROR(CheckRanges(path, given, read));
  flags = std::move(read);
  return OkStatus();
}

}  // namespace guild::cli
