#include "http/internal/server_core.h"

#include <openssl/err.h>
#include <openssl/x509.h>

#include <boost/asio/ssl.hpp>
#include <random>

#include "http/internal/session.h"
#include "http/problem.h"

namespace guild::http::internal {

using tcp = asio::ip::tcp;

namespace {

constexpr auto kAcceptRetryDelay = std::chrono::milliseconds(50);
constexpr int kMaxAcceptBatch = 256;
constexpr auto kRefusalLinger = std::chrono::milliseconds(200);
constexpr std::size_t kRefusalDrainBytes = 4096;
// A whole HTTP response refusing a connection (written before any request is read).
std::string RefusalResponse(const Problem& problem) {
  const std::string body = ProblemJson(problem);
  return "HTTP/1.1 " + std::to_string(problem.status) + " " + problem.title +
         "\r\nContent-Type: application/problem+json\r\nConnection: close\r\nRetry-After: "
         "1\r\nContent-Length: " +
         std::to_string(body.size()) + "\r\n\r\n" + body;
}

const std::string& BusyResponse() {
  static const std::string response =
      RefusalResponse(MakeProblem(503, "unavailable", "Too many connections."));
  return response;
}

const std::string& AddressBusyResponse() {
  static const std::string response = RefusalResponse(
      MakeProblem(429, "too_many_connections", "Too many connections from this address."));
  return response;
}

constexpr std::array<std::string_view, static_cast<int>(ErrorKind::kCount)> kErrorKindNames = {
    "bad_request",       "header_too_large", "body_too_large", "timeout",
    "handler_exception", "connection_limit", "body_budget",    "tls_handshake"};

ClientLimitOptions LimitsOf(const ServerOptions& options) {
  return ClientLimitOptions{options.max_connections_per_address, options.max_body_bytes_per_address,
                            options.max_body_bytes_in_flight};
}

std::uint64_t Mix(std::uint64_t value) {
  value += 0x9E3779B97F4A7C15ULL;
  value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ULL;
  value = (value ^ (value >> 27)) * 0x94D049BB133111EBULL;
  return value ^ (value >> 31);
}

RouteStats MakeStats(MetricsRegistry& registry, std::string_view method, std::string route) {
  constexpr std::array<std::string_view, RouteStats::kStatusClasses> kClasses = {
      "1xx", "2xx", "3xx", "4xx", "5xx"};
  RouteStats stats;
  for (int i = 0; i < RouteStats::kStatusClasses; ++i) {
    stats.by_class[i] = &registry.GetCounter(
        "guild_http_requests_total", "HTTP requests by route and status class.",
        {{"method", std::string(method)}, {"route", route}, {"status", std::string(kClasses[i])}});
  }
  stats.latency = &registry.GetHistogram("guild_http_request_duration_seconds",
                                         "Time from request headers to response written.",
                                         {{"method", std::string(method)}, {"route", route}});
  stats.route = std::move(route);
  return stats;
}

}  // namespace

ServerCore::ServerCore(ServerOptions options, Router router)
    : options_(std::move(options)), router_(std::move(router)), client_limits_(LimitsOf(options_)) {
  constexpr std::size_t kPressureNumerator = 3, kPressureDenominator = 4;
  pressure_connections_ =
      options_.pressure_connections > 0
          ? options_.pressure_connections
          : options_.max_connections * kPressureNumerator / kPressureDenominator;
  if (options_.metrics == nullptr) own_metrics_ = std::make_unique<MetricsRegistry>();
  metrics_ = options_.metrics != nullptr ? options_.metrics : own_metrics_.get();
  AddOperationsRoutes();
  RegisterMetrics();
  request_id_seed_ = options_.request_id_seed;
  if (request_id_seed_ == 0) {
    std::random_device device;
    request_id_seed_ = (std::uint64_t{device()} << 32) | device();
  }
}

ServerCore::~ServerCore() {
  Stop();
  acceptor_.reset();
  shards_.clear();
}

void ServerCore::AddOperationsRoutes() {
  const RouteOptions inline_route{Execution::kInline, std::nullopt};
  router_
      .Get(
          "/healthz", [](const Request&) { return TextResponse("ok\n", "text/plain"); },
          inline_route)
      .IgnoreError();  // the owner's own route wins
  router_
      .Get("/readyz",
           [this](const Request&) {
             const bool ready = !options_.ready || options_.ready();
             if (ready) return TextResponse("ready\n", "text/plain");
             return ProblemResponse(MakeProblem(503, "not_ready", "The service is not ready."));
           })
      .IgnoreError();
  router_
      .Get(
          "/metrics",
          [this](const Request&) {
            Response response =
                TextResponse(metrics_->Render(), "text/plain; version=0.0.4; charset=utf-8");
            response.cache_control = "no-store";
            return response;
          },
          inline_route)
      .IgnoreError();
}

void ServerCore::RegisterMetrics() {
  largest_body_limit_ = options_.max_body_bytes;
  for (const Route* route : router_.routes()) {
    route_stats_.push_back(MakeStats(*metrics_, MethodName(route->method), route->pattern));
    if (route->options.max_body_bytes) {
      largest_body_limit_ = std::max(largest_body_limit_, *route->options.max_body_bytes);
    }
  }
  unmatched_stats_ = MakeStats(*metrics_, "ANY", "<unmatched>");
  invalid_stats_ = MakeStats(*metrics_, "ANY", "<invalid>");
  in_flight_ = &metrics_->GetGauge("guild_http_in_flight_requests", "Requests being served.");
  connections_gauge_ = &metrics_->GetGauge("guild_http_open_connections", "Open connections.");
  for (int i = 0; i < static_cast<int>(ErrorKind::kCount); ++i) {
    errors_[i] = &metrics_->GetCounter("guild_http_errors_total",
                                       "Requests refused or failed by the server itself.",
                                       {{"kind", std::string(kErrorKindNames[i])}});
  }
}

std::string ServerCore::NextRequestId() {
  constexpr int kHexDigits = 16;
  constexpr char kHex[] = "0123456789abcdef";
  std::uint64_t value = Mix(request_id_seed_ + request_counter_.fetch_add(1));
  std::string id(kHexDigits, '0');
  for (int i = kHexDigits - 1; i >= 0; --i, value >>= 4) id[i] = kHex[value & 0xF];
  return id;
}

RouteStats& ServerCore::StatsFor(const Route* route) {
  return route == nullptr ? unmatched_stats_ : route_stats_[route->index];
}

void ServerCore::SessionEnded(const std::string& address) {
  client_limits_.RemoveConnection(address);
  connections_gauge_->Add(-1);
  std::lock_guard lock(mutex_);
  connections_.fetch_sub(1);
  connections_changed_.notify_all();
}

Status ServerCore::Bind() {
  boost::system::error_code ec;
  const auto address = asio::ip::make_address(options_.bind_address, ec);
  if (ec) {
    return InvalidArgument("bind address '" + options_.bind_address + "' is not an IP address");
  }
  const tcp::endpoint endpoint(address, options_.port);
  acceptor_.emplace(shards_.front()->context);
  acceptor_->open(endpoint.protocol(), ec);
  if (!ec) acceptor_->set_option(tcp::acceptor::reuse_address(true), ec);
  if (!ec) acceptor_->bind(endpoint, ec);
  if (!ec) acceptor_->listen(options_.listen_backlog, ec);
  if (!ec) acceptor_->non_blocking(true, ec);
  if (ec) {
    return Unavailable("cannot listen on " + options_.bind_address + ":" +
                       std::to_string(options_.port) + ": " + ec.message());
  }
  port_ = acceptor_->local_endpoint().port();
  return OkStatus();
}

Status ServerCore::LoadTls() {
  const bool has_cert = !options_.tls_certificate_file.empty();
  const bool has_key = !options_.tls_private_key_file.empty();
  if (!has_cert && !has_key) return OkStatus();
  if (has_cert != has_key) {
    return InvalidArgument(
        "TLS needs both a certificate file and a private key file (PEM), or neither");
  }
  auto context = std::make_unique<asio::ssl::context>(asio::ssl::context::tls_server);
  // TLS 1.2 and 1.3 only; no compression; a fresh key for each ECDHE exchange.
  context->set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                       asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                       asio::ssl::context::no_tlsv1_1 | asio::ssl::context::no_compression |
                       asio::ssl::context::single_dh_use);
  boost::system::error_code ec;
  context->use_certificate_chain_file(options_.tls_certificate_file, ec);
  if (ec) {
    return InvalidArgument("TLS certificate file '" + options_.tls_certificate_file +
                           "': not a readable PEM certificate chain (" + ec.message() + ")");
  }
  context->use_private_key_file(options_.tls_private_key_file, asio::ssl::context::pem, ec);
  if (ec && ERR_GET_REASON(static_cast<unsigned long>(ec.value())) ==  // NOLINT(google-runtime-int)
                X509_R_KEY_VALUES_MISMATCH) {
    return InvalidArgument("TLS private key file '" + options_.tls_private_key_file +
                           "' does not match the certificate in '" + options_.tls_certificate_file +
                           "'");
  }
  if (ec) {
    return InvalidArgument("TLS private key file '" + options_.tls_private_key_file +
                           "': not a readable PEM private key (" + ec.message() + ")");
  }
  tls_ = std::move(context);
  return OkStatus();
}

Status ServerCore::Start() {
  if (started_) return FailedPrecondition("the server was already started");
  RETURN_IF_ERROR(LoadTls());
  const int io_threads = std::max(1, options_.io_threads);
  for (int i = 0; i < io_threads; ++i) shards_.push_back(std::make_unique<IoShard>());
  RETURN_IF_ERROR(Bind());
  started_ = true;
  workers_ = std::make_unique<asio::thread_pool>(std::max(1, options_.worker_threads));
  for (auto& shard : shards_) {
    shard->guard.emplace(shard->context.get_executor());
    shard->thread = std::thread([context = &shard->context] { context->run(); });
  }
  asio::co_spawn(shards_.front()->context, AcceptLoop(), asio::detached);
  return OkStatus();
}

namespace {

// Writes the refusal, then reads what the client sends for a moment before
// closing, so that its request does not turn the close into a reset that
// would discard the refusal before the client reads it.
asio::awaitable<void> RefuseAndClose(std::shared_ptr<tcp::socket> socket,
                                     std::string_view response) {
  boost::system::error_code ec;
  co_await asio::async_write(*socket, asio::buffer(response.data(), response.size()),
                             asio::redirect_error(asio::use_awaitable, ec));
  socket->shutdown(tcp::socket::shutdown_send, ec);
  asio::steady_timer deadline(co_await asio::this_coro::executor, kRefusalLinger);
  deadline.async_wait([socket](const boost::system::error_code&) {
    boost::system::error_code ignored;
    socket->close(ignored);
  });
  std::array<char, kRefusalDrainBytes> sink;
  while (!ec) {
    co_await socket->async_read_some(asio::buffer(sink),
                                     asio::redirect_error(asio::use_awaitable, ec));
  }
  deadline.cancel();
  socket->close(ec);
}

}  // namespace

void ServerCore::Reject(tcp::socket& socket, std::string_view response) {
  CountError(ErrorKind::kConnectionLimit);
  if (tls_) {
    // A TLS client cannot read a plain-text answer: refuse by closing.
    boost::system::error_code ec;
    socket.close(ec);
    return;
  }
  const auto executor = socket.get_executor();
  asio::co_spawn(executor,
                 RefuseAndClose(std::make_shared<tcp::socket>(std::move(socket)), response),
                 asio::detached);
}

bool ServerCore::EvictOneIdle() {
  IoShard* target = nullptr;
  std::size_t idle = 0, most = 0;
  for (auto& shard : shards_) {
    const std::size_t count = shard->idle_count.load();
    idle += count;
    if (count > most) most = count, target = shard.get();
  }
  if (target == nullptr || evictions_pending_.load() >= idle) return false;
  evictions_pending_.fetch_add(1);
  asio::post(target->context, [this, target] {
    EvictOldestIdle(*target);
    evictions_pending_.fetch_sub(1);
  });
  return true;
}

void ServerCore::Admit(tcp::socket socket, IoShard& shard) {
  boost::system::error_code ec;
  const tcp::endpoint peer = socket.remote_endpoint(ec);
  std::string address = ec ? std::string() : peer.address().to_string();
  if (!client_limits_.AddConnection(address)) {
    Reject(socket, AddressBusyResponse());
    return;
  }
  // At the limit, the connection idle the longest makes room; 503 when none is idle.
  if (connections_.load() >= options_.max_connections && !EvictOneIdle()) {
    client_limits_.RemoveConnection(address);
    Reject(socket, BusyResponse());
    return;
  }
  socket.set_option(tcp::no_delay(true), ec);
  connections_.fetch_add(1);
  connections_gauge_->Add(1);
  SpawnSession(*this, shard, std::move(socket), std::move(address));
}

asio::awaitable<void> ServerCore::AcceptLoop() {
  // After each awaited accept, drain the backlog without waiting so that a
  // burst of new connections is not served one event-loop turn at a time.
  std::size_t next = 0;
  while (!stopping()) {
    boost::system::error_code ec;
    IoShard* shard = shards_[next++ % shards_.size()].get();
    tcp::socket socket = co_await acceptor_->async_accept(
        shard->context, asio::redirect_error(asio::use_awaitable, ec));
    for (int drained = 0; !ec && drained < kMaxAcceptBatch; ++drained) {
      Admit(std::move(socket), *shard);
      shard = shards_[next++ % shards_.size()].get();
      socket = acceptor_->accept(shard->context, ec);
    }
    if (!ec || ec == asio::error::would_block || ec == asio::error::try_again) continue;
    if (stopping() || ec == asio::error::operation_aborted) break;
    asio::steady_timer pause(co_await asio::this_coro::executor, kAcceptRetryDelay);
    co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
  }
}

void ServerCore::Stop() {
  if (!started_ || stopped_) return;
  stopped_ = true;
  stopping_.store(true, std::memory_order_release);
  asio::post(shards_.front()->context, [this] {
    boost::system::error_code ec;
    acceptor_->close(ec);
  });
  for (auto& shard : shards_) {
    asio::post(shard->context, [shard = shard.get()] {
      for (Session* session : shard->sessions) session->CloseIfIdle();
    });
  }
  {
    std::unique_lock lock(mutex_);
    connections_changed_.wait_for(lock, options_.shutdown_timeout,
                                  [this] { return connections_.load() == 0; });
  }
  for (auto& shard : shards_) {
    shard->guard.reset();
    shard->context.stop();
  }
  for (auto& shard : shards_) shard->thread.join();
  workers_->stop();
  workers_->join();
}

}  // namespace guild::http::internal
