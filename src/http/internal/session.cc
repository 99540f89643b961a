#include "http/internal/session.h"

#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <chrono>
#include <type_traits>

#include "http/internal/respond.h"
#include "http/internal/worker.h"
#include "http/problem.h"
#include "http/uri.h"

namespace guild::http::internal {

namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;
using SteadyClock = std::chrono::steady_clock;
using PlainStream = beast::tcp_stream;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;

namespace {

constexpr std::size_t kReadChunk = 4096;
constexpr auto kErrorWriteTimeout = std::chrono::seconds(2);
constexpr auto kLingerTimeout = std::chrono::milliseconds(500);
constexpr std::size_t kLingerBytes = 1 << 20;
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

auto Redirect(beast::error_code& ec) { return asio::redirect_error(asio::use_awaitable, ec); }

std::string_view View(beast::string_view text) { return {text.data(), text.size()}; }

}  // namespace

// One connection over `Stream`: PlainStream, or TlsStream when the server
// has a certificate (the TLS handshake comes first, bounded by the header
// timeout).
template <class Stream>
class Connection final : public Session {
 public:
  template <class... StreamArgs>
  Connection(ServerCore& core, IoShard& shard, std::string address, StreamArgs&&... stream_args)
      : core_(core),
        shard_(shard),
        stream_(std::forward<StreamArgs>(stream_args)...),
        address_(std::move(address)) {
    beast::error_code ec;
    const tcp::endpoint peer = Tcp().socket().remote_endpoint(ec);
    if (!ec) client_ = peer.address().to_string() + ":" + std::to_string(peer.port());
  }
  ~Connection() override {
    SetIdle(false);
    if (registered_) shard_.sessions.erase(position_);
    core_.SessionEnded(address_);
  }
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  asio::awaitable<void> Run();
  void CloseIfIdle() override {
    if (idle_position_) Tcp().cancel();
  }
  //! Closes this idle connection to make room for a new one.
  void Evict() override {
    SetIdle(false);
    Tcp().cancel();
  }

 private:
  // One request/response exchange.
  struct Exchange {
    Request request;
    RouteMatch match;
    SteadyClock::time_point started = SteadyClock::now();
  };
  enum class Outcome { kKeepAlive, kClose, kCloseLingering };
  using Parser = bhttp::request_parser<bhttp::string_body>;

  // Body bytes reserved in the server's client limits, released on destruction.
  class BodyReservation {
   public:
    BodyReservation(ServerCore& core, const std::string& address)
        : core_(core), address_(address) {}
    ~BodyReservation() {
      if (bytes_ > 0) core_.client_limits().ReleaseBody(address_, bytes_);
    }
    BodyReservation(const BodyReservation&) = delete;
    BodyReservation& operator=(const BodyReservation&) = delete;
    ClientLimits::Reservation Reserve(std::size_t bytes) {
      const auto granted = core_.client_limits().ReserveBody(address_, bytes);
      if (granted == ClientLimits::Reservation::kGranted) bytes_ = bytes;
      return granted;
    }

   private:
    ServerCore& core_;
    const std::string& address_;
    std::size_t bytes_ = 0;
  };

  static constexpr bool kTls = std::is_same_v<Stream, TlsStream>;
  //! The TCP layer: timeouts, cancel, the socket.
  beast::tcp_stream& Tcp() { return beast::get_lowest_layer(stream_); }
  void SetIdle(bool idle);
  asio::awaitable<bool> Handshake();
  asio::awaitable<bool> WaitForRequest(bool first);
  asio::awaitable<Outcome> ServeOne();
  void PrepareRequest(const Parser& parser, Exchange& exchange);
  std::optional<Response> RouteRequest(Exchange& exchange);
  asio::awaitable<Outcome> ServeBodyRequest(Parser& parser, Exchange& exchange,
                                            BodyReservation& reservation);
  asio::awaitable<Outcome> ReadBody(Parser& parser, Exchange& exchange,
                                    BodyReservation& reservation);
  asio::awaitable<Outcome> FailRead(const beast::error_code& ec);
  asio::awaitable<Outcome> SendError(const Problem& problem, ErrorKind kind,
                                     std::string_view retry_after = {});
  asio::awaitable<Outcome> Refuse(Exchange& exchange, Response response);
  asio::awaitable<Response> Respond(Exchange& exchange);
  asio::awaitable<bool> Write(Exchange& exchange, Response response, bool keep_alive,
                              RouteStats& stats);
  asio::awaitable<void> Close(Outcome outcome);
  void SetHeaders(bhttp::response<bhttp::string_body>& out, const Response& response,
                  const Request& request);
  void Record(const Exchange& exchange, int status, std::size_t bytes, RouteStats& stats);

  ServerCore& core_;
  IoShard& shard_;
  Stream stream_;
  beast::flat_buffer buffer_;
  std::string client_;
  const std::string address_;  // the peer's IP address: the key of its limits
  std::list<Session*>::iterator position_;
  std::optional<std::list<Session*>::iterator> idle_position_;  // in shard_.idle
  bool registered_ = false;
};

namespace {

template <class Stream>
asio::awaitable<void> RunSession(std::unique_ptr<Connection<Stream>> session) {
  co_await session->Run();
}

Response InternalError() {
  return ProblemResponse(MakeProblem(500, "internal", "The server failed to handle the request."));
}

Response CallHandler(ServerCore& core, const Handler& handler, const Request& request) {
  try {
    return handler(request);
  } catch (...) {
    core.CountError(ErrorKind::kHandlerException);
    return InternalError();
  }
}

std::optional<Response> CallAdmission(ServerCore& core, const Admission& admission,
                                      const Request& request) {
  try {
    return admission(request);
  } catch (...) {
    core.CountError(ErrorKind::kHandlerException);
    return InternalError();
  }
}

// RFC 9112 6.3: a request whose Transfer-Encoding is not (only) chunked has no
// knowable length; it must get 400 and the connection closed.
bool UnsupportedTransferEncoding(const bhttp::request_parser<bhttp::string_body>& parser) {
  const auto& header = parser.get();
  const auto count = header.count(bhttp::field::transfer_encoding);
  if (count == 0) return false;
  return count > 1 || !beast::iequals(header[bhttp::field::transfer_encoding], "chunked");
}

}  // namespace

void SpawnSession(ServerCore& core, IoShard& shard, tcp::socket socket, std::string address) {
  if (asio::ssl::context* tls = core.tls()) {
    auto session = std::make_unique<Connection<TlsStream>>(core, shard, std::move(address),
                                                           std::move(socket), *tls);
    asio::co_spawn(shard.context, RunSession(std::move(session)), asio::detached);
    return;
  }
  auto session =
      std::make_unique<Connection<PlainStream>>(core, shard, std::move(address), std::move(socket));
  asio::co_spawn(shard.context, RunSession(std::move(session)), asio::detached);
}

void EvictOldestIdle(IoShard& shard) {
  if (!shard.idle.empty()) shard.idle.front()->Evict();
}

template <class Stream>
void Connection<Stream>::SetIdle(bool idle) {
  if (idle == idle_position_.has_value()) return;
  if (idle) {
    idle_position_ = shard_.idle.insert(shard_.idle.end(), this);
    shard_.idle_count.fetch_add(1);
  } else {
    shard_.idle.erase(*idle_position_);
    idle_position_.reset();
    shard_.idle_count.fetch_sub(1);
  }
}

template <class Stream>
asio::awaitable<void> Connection<Stream>::Run() {
  position_ = shard_.sessions.insert(shard_.sessions.end(), this);
  registered_ = true;
  if (!co_await Handshake()) {
    beast::error_code ec;
    Tcp().socket().close(ec);
    co_return;
  }
  Outcome outcome = Outcome::kClose;
  for (bool first = true; !core_.stopping(); first = false) {
    if (!co_await WaitForRequest(first)) break;
    outcome = co_await ServeOne();
    if (outcome != Outcome::kKeepAlive) break;
  }
  co_await Close(outcome);
}

template <class Stream>
asio::awaitable<bool> Connection<Stream>::Handshake() {
  if constexpr (!kTls) {
    co_return true;
  } else {
    // A client that never finishes the handshake is cut like a slow header.
    Tcp().expires_after(core_.options().read_header_timeout);
    beast::error_code ec;
    SetIdle(true);
    co_await stream_.async_handshake(asio::ssl::stream_base::server, Redirect(ec));
    SetIdle(false);
    if (ec) core_.CountError(ErrorKind::kTlsHandshake);
    co_return !ec;
  }
}

template <class Stream>
asio::awaitable<bool> Connection<Stream>::WaitForRequest(bool first) {
  if (buffer_.size() > 0) co_return true;
  const ServerOptions& options = core_.options();
  auto timeout = first ? options.read_header_timeout : options.idle_timeout;
  if (core_.UnderPressure()) timeout = std::min(timeout, options.idle_timeout_under_pressure);
  Tcp().expires_after(timeout);
  beast::error_code ec;
  SetIdle(true);
  const std::size_t read =
      co_await stream_.async_read_some(buffer_.prepare(kReadChunk), Redirect(ec));
  SetIdle(false);
  if (ec) co_return false;
  buffer_.commit(read);
  co_return true;
}

template <class Stream>
asio::awaitable<typename Connection<Stream>::Outcome> Connection<Stream>::ServeOne() {
  const ServerOptions& options = core_.options();
  Parser parser;
  parser.header_limit(static_cast<std::uint32_t>(options.max_header_bytes));
  parser.body_limit(core_.largest_body_limit());
  Tcp().expires_after(options.read_header_timeout);
  beast::error_code ec;
  co_await bhttp::async_read_header(stream_, buffer_, parser, Redirect(ec));
  if (ec) co_return co_await FailRead(ec);
  if (UnsupportedTransferEncoding(parser)) {
    co_return co_await SendError(
        MakeProblem(400, "bad_request",
                    "Transfer-Encoding: only \"chunked\" is supported, once, as the only coding."),
        ErrorKind::kBadRequest);
  }

  Exchange exchange;
  PrepareRequest(parser, exchange);
  std::optional<Response> early = RouteRequest(exchange);
  BodyReservation reservation(core_, address_);
  if (!parser.is_done()) {
    // Nothing of the body is read for a request refused anyway.
    if (early) co_return co_await Refuse(exchange, std::move(*early));
    const Outcome read = co_await ServeBodyRequest(parser, exchange, reservation);
    if (read != Outcome::kKeepAlive) co_return read;
  }
  bhttp::request<bhttp::string_body> message = parser.release();
  exchange.request.body = std::move(message.body());
  core_.in_flight().Add(1);
  // (No co_await inside ?: — GCC 12 mishandles the temporaries there.)
  Response response;
  if (early) {
    response = std::move(*early);
  } else {
    response = co_await Respond(exchange);
  }
  const bool keep_alive = message.keep_alive() && !core_.stopping();
  const RouteMatch& match = exchange.match;
  RouteStats& stats =
      core_.StatsFor(match.kind == RouteMatch::Kind::kFound ? match.route : nullptr);
  const bool written = co_await Write(exchange, std::move(response), keep_alive, stats);
  core_.in_flight().Add(-1);
  co_return written&& keep_alive ? Outcome::kKeepAlive : Outcome::kClose;
}

template <class Stream>
void Connection<Stream>::PrepareRequest(const Parser& parser, Exchange& exchange) {
  const auto& header = parser.get();
  Request& request = exchange.request;
  request.method = ParseMethod(View(header.method_string()));
  request.target = std::string(View(header.target()));
  request.headers.reserve(std::distance(header.begin(), header.end()));
  for (const auto& field : header) {
    request.headers.emplace_back(std::string(View(field.name_string())),
                                 std::string(View(field.value())));
  }
  request.client = client_;
  const auto id = request.header("X-Request-Id");
  request.request_id = id && IsValidRequestId(*id) ? std::string(*id) : core_.NextRequestId();
  const std::string_view target = request.target;
  exchange.match = core_.router().Match(request.method, target.substr(0, target.find('?')));
}

template <class Stream>
std::optional<Response> Connection<Stream>::RouteRequest(Exchange& exchange) {
  if (exchange.match.kind == RouteMatch::Kind::kBadPath) core_.CountError(ErrorKind::kBadRequest);
  return BindRoute(exchange.match, exchange.request);
}

template <class Stream>
asio::awaitable<typename Connection<Stream>::Outcome> Connection<Stream>::ServeBodyRequest(
    Parser& parser, Exchange& exchange, BodyReservation& reservation) {
  const Route& route = *exchange.match.route;
  const Admission& admission = core_.router().AdmissionFor(route);
  if (admission) {
    std::optional<Response> refusal;
    if (route.options.execution == Execution::kInline) {
      refusal = CallAdmission(core_, admission, exchange.request);
    } else {
      refusal = co_await RunOnPool(core_.workers(), [this, &admission, &exchange] {
        return CallAdmission(core_, admission, exchange.request);
      });
    }
    if (refusal) co_return co_await Refuse(exchange, std::move(*refusal));
  }
  co_return co_await ReadBody(parser, exchange, reservation);
}

template <class Stream>
asio::awaitable<typename Connection<Stream>::Outcome> Connection<Stream>::Refuse(
    Exchange& exchange, Response response) {
  const RouteMatch& match = exchange.match;
  RouteStats& stats =
      core_.StatsFor(match.kind == RouteMatch::Kind::kFound ? match.route : nullptr);
  co_await Write(exchange, std::move(response), false, stats);
  co_return Outcome::kCloseLingering;
}

template <class Stream>
asio::awaitable<typename Connection<Stream>::Outcome> Connection<Stream>::ReadBody(
    Parser& parser, Exchange& exchange, BodyReservation& reservation) {
  const ServerOptions& options = core_.options();
  const Route* route = exchange.match.route;
  const std::size_t limit = route != nullptr && route->options.max_body_bytes
                                ? *route->options.max_body_bytes
                                : options.max_body_bytes;
  if (parser.content_length() && *parser.content_length() > limit) {
    co_return co_await SendError(
        MakeProblem(413, "body_too_large",
                    "The request body exceeds the limit of " + std::to_string(limit) + " bytes."),
        ErrorKind::kBodyTooLarge);
  }
  // A chunked body may grow to the limit: reserve all of it.
  switch (reservation.Reserve(parser.content_length().value_or(limit))) {
    case ClientLimits::Reservation::kGranted: break;
    case ClientLimits::Reservation::kAddressFull:
      co_return co_await SendError(
          MakeProblem(429, "too_many_bytes",
                      "This address has too many request bytes in flight; retry shortly."),
          ErrorKind::kBodyBudget, "1");
    case ClientLimits::Reservation::kServerFull:
      co_return co_await SendError(
          MakeProblem(503, "busy",
                      "The server has too many request bytes in flight; retry shortly."),
          ErrorKind::kBodyBudget, "1");
  }
  parser.body_limit(limit);
  beast::error_code ec;
  Tcp().expires_after(options.request_timeout);
  const auto expect = parser.get()[bhttp::field::expect];
  if (beast::iequals(expect, "100-continue")) {
    co_await asio::async_write(stream_, asio::buffer(kContinue.data(), kContinue.size()),
                               Redirect(ec));
    if (ec) co_return Outcome::kClose;
  }
  co_await bhttp::async_read(stream_, buffer_, parser, Redirect(ec));
  if (ec) co_return co_await FailRead(ec);
  co_return Outcome::kKeepAlive;
}

template <class Stream>
asio::awaitable<typename Connection<Stream>::Outcome> Connection<Stream>::FailRead(
    const beast::error_code& ec) {
  if (ec == bhttp::error::header_limit) {
    co_return co_await SendError(
        MakeProblem(431, "header_too_large",
                    "The request line and headers exceed " +
                        std::to_string(core_.options().max_header_bytes) + " bytes."),
        ErrorKind::kHeaderTooLarge);
  }
  if (ec == bhttp::error::body_limit) {
    co_return co_await SendError(
        MakeProblem(413, "body_too_large", "The request body exceeds the size limit."),
        ErrorKind::kBodyTooLarge);
  }
  if (ec == beast::error::timeout) {
    // tcp_stream has already closed the socket: nothing can be written.
    core_.CountError(ErrorKind::kTimeout);
    co_return Outcome::kClose;
  }
  const bool client_gone = ec == bhttp::error::end_of_stream ||
                           ec == bhttp::error::partial_message || ec == asio::error::eof ||
                           ec == asio::error::connection_reset ||
                           ec == asio::error::operation_aborted;
  if (client_gone ||
      ec.category() != bhttp::make_error_code(bhttp::error::end_of_stream).category()) {
    co_return Outcome::kClose;
  }
  co_return co_await SendError(
      MakeProblem(400, "bad_request", "The request is not valid HTTP/1.1: " + ec.message() + "."),
      ErrorKind::kBadRequest);
}

template <class Stream>
asio::awaitable<typename Connection<Stream>::Outcome> Connection<Stream>::SendError(
    const Problem& problem, ErrorKind kind, std::string_view retry_after) {
  core_.CountError(kind);
  Exchange exchange;
  exchange.request.method = Method::kOther;
  exchange.request.client = client_;
  exchange.request.request_id = core_.NextRequestId();
  Response response = ProblemResponse(problem);
  if (!retry_after.empty()) response.headers.emplace_back("Retry-After", retry_after);
  co_await Write(exchange, std::move(response), false, core_.InvalidStats());
  co_return Outcome::kCloseLingering;
}

template <class Stream>
asio::awaitable<Response> Connection<Stream>::Respond(Exchange& exchange) {
  const Route& route = *exchange.match.route;
  const Request& request = exchange.request;
  if (route.options.execution == Execution::kInline)
    co_return CallHandler(core_, route.handler, request);
  co_return co_await RunOnPool(core_.workers(), [this, &route, &request] {
    return CallHandler(core_, route.handler, request);
  });
}

template <class Stream>
void Connection<Stream>::SetHeaders(bhttp::response<bhttp::string_body>& out,
                                    const Response& response, const Request& request) {
  const ServerOptions& options = core_.options();
  out.set(bhttp::field::date, HttpDate(options.now()));
  if (!response.content_type.empty() && !StatusHasNoBody(response.status)) {
    out.set(bhttp::field::content_type, response.content_type);
  }
  out.set(bhttp::field::cache_control,
          response.cache_control.empty() ? options.default_cache_control : response.cache_control);
  if (!response.etag.empty()) out.set(bhttp::field::etag, response.etag);
  out.set("X-Content-Type-Options", "nosniff");
  out.set("Referrer-Policy", options.referrer_policy);
  out.set("Content-Security-Policy", options.content_security_policy);
  out.set("X-Request-Id", request.request_id);
  if (!options.strict_transport_security.empty() &&
      (kTls || options.behind_tls || request.header("X-Forwarded-Proto") == "https")) {
    out.set("Strict-Transport-Security", options.strict_transport_security);
  }
  for (const auto& [name, value] : response.headers) out.insert(name, value);
}

template <class Stream>
asio::awaitable<bool> Connection<Stream>::Write(Exchange& exchange, Response response,
                                                bool keep_alive, RouteStats& stats) {
  ApplyConditional(exchange.request, response);
  // Always HTTP/1.1, also to an HTTP/1.0 request (RFC 9110 6.2: the highest
  // version the server conforms to); keep_alive(false) then says
  // "Connection: close".
  bhttp::response<bhttp::string_body> out{static_cast<bhttp::status>(response.status), 11};
  SetHeaders(out, response, exchange.request);
  out.keep_alive(keep_alive);
  const std::size_t bytes = response.body.size();
  if (StatusHasNoBody(response.status)) response.body.clear();
  if (!StatusHasNoBody(response.status)) out.content_length(bytes);
  if (exchange.request.method != Method::kHead) out.body() = std::move(response.body);
  Tcp().expires_after(
      keep_alive ? core_.options().request_timeout
                 : std::chrono::duration_cast<std::chrono::milliseconds>(kErrorWriteTimeout));
  beast::error_code ec;
  co_await bhttp::async_write(stream_, out, Redirect(ec));
  Record(exchange, response.status, out.body().size(), stats);
  co_return !ec;
}

template <class Stream>
void Connection<Stream>::Record(const Exchange& exchange, int status, std::size_t bytes,
                                RouteStats& stats) {
  const double seconds =
      std::chrono::duration<double>(SteadyClock::now() - exchange.started).count();
  const int status_class = std::clamp(status / 100, 1, RouteStats::kStatusClasses) - 1;
  stats.by_class[status_class]->Increment();
  stats.latency->Observe(seconds);
  const ServerOptions& options = core_.options();
  if (!options.access_log) return;
  AccessLogEntry entry;
  entry.time = options.now();
  entry.request_id = exchange.request.request_id;
  entry.method = MethodName(exchange.request.method);
  entry.route = stats.route;
  entry.status = status;
  entry.duration_ms = seconds * 1000;
  entry.bytes = bytes;
  entry.client = client_;
  options.access_log(FormatAccessLog(entry));
}

template <class Stream>
asio::awaitable<void> Connection<Stream>::Close(Outcome outcome) {
  beast::error_code ec;
  if constexpr (kTls) {
    // close_notify, then the same TCP close as without TLS.
    Tcp().expires_after(kLingerTimeout);
    co_await stream_.async_shutdown(Redirect(ec));
    ec = {};
  }
  Tcp().socket().shutdown(tcp::socket::shutdown_send, ec);
  if (outcome == Outcome::kCloseLingering && !ec) {
    // Drain what the client is still sending so it can read our answer
    // instead of getting a reset.
    Tcp().expires_after(kLingerTimeout);
    std::array<char, kReadChunk> sink;
    for (std::size_t total = 0; total < kLingerBytes && !ec;) {
      total += co_await Tcp().async_read_some(asio::buffer(sink), Redirect(ec));
    }
  }
  Tcp().socket().close(ec);
}

}  // namespace guild::http::internal
