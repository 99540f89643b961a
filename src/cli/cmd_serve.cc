// `guild serve`: the HTTP server — the JSON API under /api/v1, its OpenAPI
// document, and the web application's static files, from one process. Its
// settings come from the flags and from `--config FILE` (serve_config.h).
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <string>

#include "api/api.h"
#include "cli/commands.h"
#include "cli/serve_config.h"
#include "http/readiness.h"
#include "http/server.h"
#include "http/static_files.h"
#include "service/accounts/breached_passwords.h"
#include "service/accounts/cached_account_store.h"
#include "service/notify/outbox_sender.h"
#include "service/notify/smtp_transport.h"
#include "store/account_store.h"
#include "store/store.h"

namespace guild::cli {
namespace {

constexpr uint16_t kMaxPort = 65535;

// The outbox's sender when --smtp is given; nullptr otherwise. The password
// comes from the URL or GUILD_SMTP_PASSWORD and is never printed.
Result<std::unique_ptr<OutboxSender>> MakeMailSender(const ServeFlags& flags,
                                                     AccountStore& accounts, const Clock& clock,
                                                     std::unique_ptr<MailTransport>& transport) {
  if (flags.smtp.empty()) {
    if (!flags.smtp_from.empty()) return InvalidArgument("--smtp-from: needs --smtp");
    return std::unique_ptr<OutboxSender>();
  }
  if (flags.smtp_from.empty() || flags.smtp_from.find('@') == std::string::npos) {
    return InvalidArgument("--smtp-from: expected the From address (local@domain) of the emails");
  }
  if (flags.smtp_retry_seconds < 1) return InvalidArgument("--smtp-retry-seconds: expected >= 1");
  if (flags.smtp_lease_seconds < 1) return InvalidArgument("--smtp-lease-seconds: expected >= 1");
  const char* password = std::getenv("GUILD_SMTP_PASSWORD");
  ASSIGN_OR_RETURN(SmtpOptions smtp, ParseSmtpUrl(flags.smtp, password ? password : ""));
  transport = std::make_unique<SmtpTransport>(std::move(smtp));
  OutboxSenderOptions options{.from_address = flags.smtp_from,
                              .lease_seconds = flags.smtp_lease_seconds,
                              .first_retry_seconds = flags.smtp_retry_seconds};
  options.poll = std::chrono::milliseconds(500);
  options.log = [](const std::string& line) { std::cerr << "guild serve: " << line << "\n"; };
  return std::make_unique<OutboxSender>(accounts, *transport, clock, std::move(options));
}

// web/dist next to the executable, or in the source tree this file is in.
std::string DefaultStaticDir() {
  namespace fs = std::filesystem;
  std::error_code error;
  fs::path exe = fs::read_symlink("/proc/self/exe", error);
  std::vector<fs::path> candidates;
  if (!error) {
    candidates.push_back(exe.parent_path() / "web" / "dist");
    candidates.push_back(exe.parent_path().parent_path() / "web" / "dist");
  }
  candidates.push_back(fs::path(__FILE__).parent_path().parent_path().parent_path() / "web" /
                       "dist");
  for (const fs::path& candidate : candidates) {
    if (fs::is_directory(candidate, error)) return candidate.string();
  }
  return "";
}

Result<Durability> ParseDurability(const std::string& text) {
  if (text == "full") return Durability::kFull;
  if (text == "normal") return Durability::kNormal;
  if (text == "off") return Durability::kOff;
  return InvalidArgument("--durability: expected full, normal or off, got '" + text + "'");
}

Status AddStaticFiles(http::Router& router, const std::string& flag) {
  std::string root = flag.empty() ? DefaultStaticDir() : flag;
  if (root.empty()) {
    std::cerr << "guild serve: no web/dist found; serving the API only\n";
    return OkStatus();
  }
  ASSIGN_OR_RETURN(auto files, http::StaticFiles::Open(http::StaticFilesOptions{root}));
  std::shared_ptr<http::StaticFiles> shared(std::move(files));
  router.SetFallback([shared](const http::Request& request) { return shared->Serve(request); });
  return OkStatus();
}

// Settings checked before anything is opened: a bad one fails at once.
Status CheckSettings(const ServeFlags& flags) {
  RETURN_IF_ERROR(GoalsService::Validate(flags.goals));
  return FeedbackService::Validate(flags.feedback);
}

int Serve(const ServeFlags& flags) {
  if (flags.port < 0 || flags.port > kMaxPort) {
    return Fail(InvalidArgument("--port: expected 0 to 65535"));
  }
  auto durability = ParseDurability(flags.durability);
  if (!durability.ok()) return Fail(durability.status());
  if (Status settings = CheckSettings(flags); !settings.ok()) return Fail(settings);
  // Files named on the command line are checked before the firm loads (which
  // takes a minute at 500,000 people), so a bad one fails at once.
  api::ApiOptions api_options;
  if (!flags.breached_passwords.empty()) {
    auto breached = BreachedPasswords::Open(flags.breached_passwords);
    if (!breached.ok()) return Fail(breached.status());
    api_options.passwords.breached = *breached;
  }
  StoreOptions store_options{flags.db, true, *durability};
  auto store = OpenStore(store_options);
  if (!store.ok()) return Fail(store.status());
  auto accounts = OpenAccountStore(store_options);
  if (!accounts.ok()) return Fail(accounts.status());
  SystemClock clock;
  // The --smtp flags are checked before the firm loads, too.
  std::unique_ptr<MailTransport> transport;
  auto mail = MakeMailSender(flags, **accounts, clock, transport);
  if (!mail.ok()) return Fail(mail.status());
  SnapshotOptions snapshot_options;
  snapshot_options.log = [](std::string_view line) {
    std::cerr << "guild serve: " << line << "\n";
  };
  SnapshotHolder snapshots(**store, snapshot_options);
  if (Status loaded = snapshots.Load(); !loaded.ok()) return Fail(loaded);
  // Credentials of every request come from memory; writes through this server
  // are seen at once, other servers' within a second.
  CachedAccountStore cached_accounts(**accounts, clock, CredentialCacheOptions{});
  const bool own_tls = !flags.tls_cert.empty();
  if (flags.secure_cookies || own_tls) api_options.cookie_security = api::CookieSecurity::kAlways;
  api_options.goals = flags.goals;
  api_options.feedback = flags.feedback;
  api::ApiServices services(**store, cached_accounts, snapshots, clock, api_options);
  http::Router router;
  if (Status added = api::AddApiRoutes(router, services); !added.ok()) return Fail(added);
  if (Status added = AddStaticFiles(router, flags.static_dir); !added.ok()) return Fail(added);
  http::ServerOptions server_options;
  server_options.bind_address = flags.bind;
  server_options.port = static_cast<uint16_t>(flags.port);
  server_options.worker_threads = flags.workers;
  server_options.behind_tls = flags.secure_cookies || own_tls;
  server_options.tls_certificate_file = flags.tls_cert;
  server_options.tls_private_key_file = flags.tls_key;
  // Ready means able to take writes: a query on each connection writes use
  // (on PostgreSQL, that query is what reconnects after an outage).
  Store& firm_store = **store;
  AccountStore& account_store = **accounts;
  auto probe = std::make_shared<http::ReadinessProbe>(std::vector<http::ReadinessCheck>{
      {"firm data",
       [&snapshots] {
         return snapshots.loaded() ? OkStatus() : Unavailable("the firm's data is not loaded");
       }},
      {"firm store", [&firm_store] { return firm_store.FeedHead().status(); }},
      {"account store", [&account_store] { return account_store.CountUsers().status(); }}});
  server_options.ready = [probe] { return (*probe)(); };
  http::Server server(server_options, std::move(router));
  if (Status started = server.Start(); !started.ok()) return Fail(started);
  if (*mail) (*mail)->Start();
  std::cout << "listening on " << (own_tls ? "https" : "http") << "://" << flags.bind << ":"
            << server.port() << std::endl;
  http::WaitForTerminationSignal();
  server.Stop();
  if (*mail) (*mail)->Stop();
  std::cerr << "guild serve: stopped\n";
  return kExitOk;
}

void RegisterServe(CLI::App& app, int& exit_code) {
  auto flags = std::make_shared<ServeFlags>();
  CLI::App* serve = app.add_subcommand("serve", "Serve the API and the web application");
  AddDbOption(*serve, flags->db);
  serve->add_option("--port", flags->port, "TCP port; 0 picks a free one (printed)");
  serve->add_option("--bind", flags->bind, "Address to listen on (default 127.0.0.1)");
  serve->add_option("--static", flags->static_dir,
                    "Web application files (default: web/dist next to the program or source)");
  serve->add_flag("--secure-cookies", flags->secure_cookies,
                  "Always mark the session cookie Secure (when behind a TLS proxy)");
  auto* cert =
      serve->add_option("--tls-cert", flags->tls_cert,
                        "Serve HTTPS with this PEM certificate chain (server certificate "
                        "first); needs --tls-key; cookies are then Secure and HSTS is sent");
  auto* key = serve->add_option("--tls-key", flags->tls_key, "The PEM private key of --tls-cert");
  cert->needs(key);
  serve->add_option("--breached-passwords", flags->breached_passwords,
                    "Refuse new and changed passwords on this list of breached passwords (Have I "
                    "Been Pwned's SHA-1 list ordered by hash; docs/SECURITY.md)");
  key->needs(cert);
  serve->add_option("--durability", flags->durability,
                    "SQLite commit durability: full, normal (default) or off");
  serve->add_option("--workers", flags->workers, "Worker threads for handlers (default 8)");
  serve->add_option("--goal-at-risk-shortfall", flags->goals.status.at_risk_shortfall,
                    "A goal is at risk when its progress trails the linear expectation by more "
                    "than this share of the way (default 0.10)");
  serve->add_option("--goal-off-track-shortfall", flags->goals.status.off_track_shortfall,
                    "... and off track beyond this share (default 0.25)");
  serve->add_option("--feedback-expiry-days", flags->feedback.expiry_days,
                    "Days after which a feedback request takes no answers (default 14)");
  serve->add_option("--leadership-team-max", flags->goals.raci.max_leadership_team,
                    "Most people a leadership team may have before a warning (default 7)");
  serve->add_option("--smtp", flags->smtp,
                    "Send the email outbox through this SMTP server: smtp://host:port (STARTTLS "
                    "when offered; ?starttls=required to insist) or smtps://host:port, with "
                    "user[:password]@ (password also from GUILD_SMTP_PASSWORD)");
  serve->add_option("--smtp-from", flags->smtp_from, "The From address of the emails");
  serve->add_option("--smtp-retry-seconds", flags->smtp_retry_seconds,
                    "Delay after a failed send, doubling per attempt (default 60)");
  serve->add_option("--smtp-lease-seconds", flags->smtp_lease_seconds,
                    "How long an email claimed by a server that died waits before another "
                    "sends it (default 300)");
  std::string keys;
  for (std::string_view key : ServeConfigKeys())
    keys += (keys.empty() ? "" : ", ") + std::string(key);
  serve->add_option("--config", flags->config,
                    "Read settings from this JSON file, an object whose keys mirror the flags (" +
                        keys + "); flags given here override it (docs/NOTIFICATIONS.md)");
  serve->callback([flags, serve, &exit_code] {
    if (!flags->config.empty()) {
      const FlagGiven given = [serve](std::string_view flag) {
        const CLI::Option* option = serve->get_option_no_throw(std::string(flag));
        return option != nullptr && option->count() > 0;
      };
      if (Status read = ApplyServeConfig(flags->config, given, *flags); !read.ok()) {
        exit_code = Fail(read);
        return;
      }
    }
    exit_code = Serve(*flags);
  });
}

}  // namespace

GUILD_REGISTER_COMMAND(serve, RegisterServe)

}  // namespace guild::cli
