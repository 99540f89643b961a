// SmtpTransport: a MailTransport over libcurl's SMTP (docs/NOTIFICATIONS.md).
//
// smtp://host:port sends in clear unless the server offers STARTTLS, which
// is then used; with StartTls::kRequired a server that does not offer it is
// an error. smtps://host:port speaks TLS from the start. Credentials, when
// given, are sent with AUTH; they never appear in a Status or a log line.
//
// Thread safety: Send may be called from several threads (one curl handle
// per call).
#pragma once

#include <string>
#include <string_view>

#include "common/status.h"
#include "service/notify/outbox_sender.h"

namespace guild {

enum class StartTls { kWhenOffered, kRequired };

struct SmtpOptions {
  //! "smtp://host:port" or "smtps://host:port", without user or query.
  std::string server;
  std::string user;      //!< empty: no AUTH
  std::string password;  //!< secret
  StartTls starttls = StartTls::kWhenOffered;
  //! Seconds for connecting and for the whole exchange.
  long connect_timeout_seconds = 10;
  long timeout_seconds = 60;
};

//! Parses `guild serve --smtp URL`: smtp[s]://[user[:password]@]host[:port]
//! [?starttls=required|when-offered]. The password comes from the URL or,
//! when the URL has none, from `env_password` (GUILD_SMTP_PASSWORD).
//! kInvalidArgument naming what is wrong (never echoing the password).
Result<SmtpOptions> ParseSmtpUrl(std::string_view url, std::string_view env_password);

class SmtpTransport final : public MailTransport {
 public:
  explicit SmtpTransport(SmtpOptions options);
  //! OK on the server's 250 after DATA; kInvalidArgument on a 5xx reply;
  //! kUnavailable when the server cannot be reached or answers 4xx.
  [[nodiscard]] Status Send(std::string_view from, std::string_view to,
                            std::string_view message) override;

 private:
  const SmtpOptions options_;
};

}  // namespace guild
