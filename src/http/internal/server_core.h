// The machinery behind Server: I/O shards, the accept loop, worker pool,
// per-route metrics and access logging. Sessions (session.h) call back here.
#pragma once

#include <array>
#include <atomic>
#include <condition_variable>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "http/internal/asio.h"
#include "http/internal/client_limits.h"
#include "http/server.h"

namespace boost::asio::ssl {
class context;
}

namespace guild::http::internal {

namespace asio = boost::asio;

class Session;

//! One event loop run by one thread; its sessions never need a strand.
struct IoShard {
  std::list<Session*> sessions;            // touched only on this shard's thread
  std::list<Session*> idle;                // waiting for a request, longest first; this thread only
  std::atomic<std::size_t> idle_count{0};  // idle.size(), readable from any thread
  asio::io_context context{1};             // declared after `sessions`: destroyed first
  std::optional<asio::executor_work_guard<asio::io_context::executor_type>> guard;
  std::thread thread;
};

//! Counters and latency histogram of one route (or pseudo-route).
struct RouteStats {
  static constexpr int kStatusClasses = 5;  // 1xx..5xx
  std::array<Counter*, kStatusClasses> by_class{};
  Histogram* latency = nullptr;
  std::string route;  // label and log value
};

//! Kinds of framework-level errors counted in guild_http_errors_total.
enum class ErrorKind {
  kBadRequest,
  kHeaderTooLarge,
  kBodyTooLarge,
  kTimeout,
  kHandlerException,
  kConnectionLimit,
  kBodyBudget,
  kTlsHandshake,
  kCount
};

class ServerCore {
 public:
  ServerCore(ServerOptions options, Router router);
  ~ServerCore();

  Status Start();
  void Stop();
  std::uint16_t port() const { return port_; }
  MetricsRegistry& metrics() { return *metrics_; }

  // For sessions, from any I/O thread.
  const ServerOptions& options() const { return options_; }
  const Router& router() const { return router_; }
  asio::thread_pool& workers() { return *workers_; }
  bool stopping() const { return stopping_.load(std::memory_order_acquire); }
  std::size_t largest_body_limit() const { return largest_body_limit_; }
  std::string NextRequestId();
  //! Stats for a matched route; nullptr gives the "<unmatched>" stats.
  RouteStats& StatsFor(const Route* route);
  RouteStats& InvalidStats() { return invalid_stats_; }
  Gauge& in_flight() { return *in_flight_; }
  void CountError(ErrorKind kind) { errors_[static_cast<int>(kind)]->Increment(); }
  ClientLimits& client_limits() { return client_limits_; }
  //! The TLS context when the server has a certificate, else null.
  asio::ssl::context* tls() { return tls_.get(); }
  //! True while so many connections are open that idle ones get short waits.
  bool UnderPressure() const { return connections_.load() >= pressure_connections_; }
  void SessionEnded(const std::string& address);

 private:
  void AddOperationsRoutes();
  void RegisterMetrics();
  Status Bind();
  Status LoadTls();
  asio::awaitable<void> AcceptLoop();
  void Reject(asio::ip::tcp::socket& socket, std::string_view response);
  void Admit(asio::ip::tcp::socket socket, IoShard& shard);
  //! Asks the shard with the most idle connections to close its oldest one;
  //! false when every idle connection is already being closed.
  bool EvictOneIdle();

  ServerOptions options_;
  Router router_;
  std::unique_ptr<MetricsRegistry> own_metrics_;
  MetricsRegistry* metrics_ = nullptr;
  std::vector<RouteStats> route_stats_;  // by Route::index
  RouteStats unmatched_stats_;
  RouteStats invalid_stats_;
  Gauge* in_flight_ = nullptr;
  Gauge* connections_gauge_ = nullptr;
  std::array<Counter*, static_cast<int>(ErrorKind::kCount)> errors_{};
  std::size_t largest_body_limit_ = 0;
  std::uint64_t request_id_seed_ = 0;
  std::atomic<std::uint64_t> request_counter_{0};

  std::atomic<bool> stopping_{false};
  bool started_ = false;
  bool stopped_ = false;
  std::uint16_t port_ = 0;
  std::mutex mutex_;
  std::condition_variable connections_changed_;
  std::atomic<std::size_t> connections_{0};
  std::size_t pressure_connections_ = 0;
  ClientLimits client_limits_;
  std::atomic<std::size_t> evictions_pending_{0};

  std::unique_ptr<asio::ssl::context> tls_;
  std::unique_ptr<asio::thread_pool> workers_;
  std::vector<std::unique_ptr<IoShard>> shards_;
  std::optional<asio::ip::tcp::acceptor> acceptor_;  // on shards_[0]
};

}  // namespace guild::http::internal
