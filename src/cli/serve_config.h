// `guild serve`'s settings: its flags, and the JSON config file
// (`--config FILE`) whose keys mirror them (docs/NOTIFICATIONS.md,
// "Configuration file"). Flags given on the command line override the file.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "service/feedback/feedback_service.h"
#include "service/goals/goals_service.h"

namespace guild::cli {

//! Every setting of `guild serve`, with its default.
struct ServeFlags {
  std::string config;  //!< the JSON config file read first; empty: none
  std::string db = "guild.db";
  int port = 0;
  std::string bind = "127.0.0.1";
  std::string static_dir;
  bool secure_cookies = false;
  std::string tls_cert;            //!< PEM certificate chain: the server speaks HTTPS itself
  std::string tls_key;             //!< its PEM private key
  std::string breached_passwords;  //!< list of breached passwords to refuse
  std::string durability = "normal";
  int workers = 8;
  GoalsOptions goals;        //!< firm settings of goals and roles (docs/GOALS.md)
  FeedbackOptions feedback;  //!< expiry of feedback requests (docs/FEEDBACK.md)
  std::string smtp;          //!< smtp[s]://... : send the outbox's emails (docs/NOTIFICATIONS.md)
  std::string smtp_from;     //!< the From address of those emails
  int64_t smtp_retry_seconds = 60;   //!< first delay after a failed attempt
  int64_t smtp_lease_seconds = 300;  //!< how long a claimed email is this server's
};

//! The config file's keys, in flag order: each serve flag without its
//! leading dashes and with '_' for '-' ("smtp_from" for --smtp-from,
//! "static" for --static), every flag but --config itself.
[[nodiscard]] std::vector<std::string_view> ServeConfigKeys();

//! Whether the flag (e.g. "--port") was given on the command line.
using FlagGiven = std::function<bool(std::string_view flag)>;

//! Reads the JSON object in the file `path` into `flags`, except the
//! settings whose flag `given` says was on the command line (flags override
//! the file). A key absent or null keeps the setting. Nothing is changed on
//! error: kInvalidArgument whose message starts with `path` and names each
//! bad key and the expected form — a file that cannot be read or is not
//! JSON (with its line), not an object, an unknown key, a value of the wrong
//! type, a port outside 0..65535, a goal or feedback setting outside its
//! range (GoalsService::Validate, FeedbackService::Validate).
[[nodiscard]] Status ApplyServeConfig(const std::string& path, const FlagGiven& given,
                                      ServeFlags& flags);

}  // namespace guild::cli
