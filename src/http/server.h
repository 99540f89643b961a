// Server: Guild's HTTP/1.1 server on Boost.Beast/Asio (C++20 coroutines).
//
// The server knows nothing about Guild's domain: it accepts connections,
// parses requests within limits, routes them to handlers (on a worker pool,
// or inline on the I/O thread for routes that ask), and writes responses with
// ETags, 304s, cache and security headers. It also serves GET /healthz,
// GET /readyz and GET /metrics unless the router already has those routes.
//
// Limits and failures: headers over max_header_bytes get 431, bodies over the
// route's limit 413, unparsable requests 400 (so does a Transfer-Encoding
// other than a single "chunked", RFC 9112 6.3); each then closes only that
// connection. A request not fully received within read_header_timeout /
// request_timeout is cut off: beast::tcp_stream closes the socket on expiry,
// so (as nginx does) no 408 is written; it is counted as a "timeout" error.
// Idle keep-alive connections are closed after idle_timeout, or after
// idle_timeout_under_pressure once pressure_connections are open. A client
// address holding max_connections_per_address gets 429 for more. At
// max_connections the connection that has waited longest for a request is
// closed to make room; only when none is idle does a new one get 503.
// A request with a body is checked by its route's Admission (router.h)
// before any body byte is read, and its body bytes are counted against
// max_body_bytes_per_address (429) and max_body_bytes_in_flight (503) until
// its response is written; such refusals carry Retry-After. A handler that
// throws gets 500. Bad percent-encoding or invalid UTF-8 in the path or
// query gives 400. Every error the server itself produces is
// application/problem+json.
//
// Lifecycle: Start() once, then Stop() (or the destructor). Stop() stops
// accepting, closes idle connections, lets requests in flight finish for up
// to shutdown_timeout, then closes everything and joins all threads.
//
// Thread safety: Start/Stop/port/metrics may be called from any one thread.
// Handlers run concurrently on several threads.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/status.h"
#include "http/access_log.h"
#include "http/metrics.h"
#include "http/router.h"

namespace guild::http {

//! A CSP for a Vite-built single-page app: own scripts/styles only, no
//! inline scripts, no framing, no plugins.
inline constexpr std::string_view kDefaultContentSecurityPolicy =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'";

struct ServerOptions {
  std::string bind_address = "127.0.0.1";  //!< IPv4 or IPv6 literal.
  std::uint16_t port = 0;                  //!< 0 picks a free port; see Server::port().
  int io_threads = 2;                      //!< Event-loop threads (each its own io_context).
  int worker_threads = 4;                  //!< Pool for Execution::kWorker handlers.
  std::size_t max_header_bytes = 8 << 10;  //!< Request line + headers.
  std::size_t max_body_bytes = 1 << 20;    //!< Default; RouteOptions may raise it.
  std::chrono::milliseconds read_header_timeout{10'000};  //!< From first byte to end of headers.
  std::chrono::milliseconds request_timeout{30'000};      //!< Reading the body, and writing.
  std::chrono::milliseconds idle_timeout{60'000};         //!< Keep-alive wait for the next request.
  std::chrono::milliseconds shutdown_timeout{10'000};     //!< Bound on Stop()'s wait.
  std::size_t max_connections = 10'000;
  //! Connections one client IP address may hold (more get 429); 0: no limit.
  //! Behind a reverse proxy every client has the proxy's address: raise it.
  std::size_t max_connections_per_address = 1'000;
  //! From this many open connections, idle waits use idle_timeout_under_pressure.
  //! 0: three quarters of max_connections.
  std::size_t pressure_connections = 0;
  std::chrono::milliseconds idle_timeout_under_pressure{2'000};
  //! Request body bytes being read or handled, all clients together (503 beyond).
  std::size_t max_body_bytes_in_flight = std::size_t{512} << 20;
  //! The same for one client IP address (429 beyond); at least the largest
  //! route limit, or that route can never be used.
  std::size_t max_body_bytes_per_address = std::size_t{96} << 20;
  int listen_backlog = 4096;
  std::string default_cache_control = "no-cache";  //!< When a Response leaves it empty.
  std::string content_security_policy{kDefaultContentSecurityPolicy};
  std::string referrer_policy = "no-referrer";
  //! Strict-Transport-Security, sent on responses to requests that came over
  //! TLS: always when `behind_tls`, else when a proxy said
  //! `X-Forwarded-Proto: https`. Empty: never sent.
  std::string strict_transport_security = "max-age=31536000";
  //! Every request reaches the client over TLS (`guild serve --secure-cookies`
  //! behind a TLS proxy, or the server's own TLS below).
  bool behind_tls = false;
  //! The server's own TLS (HTTPS only on its port; TLS 1.2 and 1.3): a PEM
  //! certificate chain (the server's certificate first) and its PEM private
  //! key. Both or neither; Start() gives kInvalidArgument naming the file when
  //! one cannot be read or the key does not match. The handshake is bounded by
  //! read_header_timeout; connections over the limits are closed without an
  //! answer (a TLS client cannot read a plain one).
  std::string tls_certificate_file;
  std::string tls_private_key_file;
  //! Answers /readyz (200 when true, else 503). Null: always ready.
  std::function<bool()> ready;
  //! Access log; null disables it. Default: one JSON line per request to stderr.
  LogSink access_log = StderrLogSink();
  //! Registry for the server's metrics and the owner's; not owned. Null: the
  //! server uses a private one (see Server::metrics()).
  MetricsRegistry* metrics = nullptr;
  //! Wall clock for log timestamps and the Date header.
  std::function<std::chrono::system_clock::time_point()> now = std::chrono::system_clock::now;
  //! Seed for generated request ids; 0 seeds from std::random_device.
  std::uint64_t request_id_seed = 0;
};

namespace internal {
class ServerCore;
}

class Server {
 public:
  Server(ServerOptions options, Router router);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  //! Binds and starts the threads. kInvalidArgument for a bad bind address
  //! or TLS files,
  //! kUnavailable when the port cannot be bound, kFailedPrecondition when
  //! already started.
  Status Start();
  //! The bound port. REQUIRES: Start() succeeded.
  std::uint16_t port() const;
  //! Graceful stop (see above); idempotent; no-op if never started.
  void Stop();
  //! The registry in use (ServerOptions::metrics or the private one).
  MetricsRegistry& metrics();

 private:
  std::unique_ptr<internal::ServerCore> core_;
};

//! Blocks the calling thread until SIGINT or SIGTERM arrives (for `guild
//! serve`'s main: start the server, wait, then Stop()).
void WaitForTerminationSignal();

}  // namespace guild::http
