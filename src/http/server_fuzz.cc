// Fuzz target: the HTTP server as a client sees it. Each input is sent as raw
// bytes on a new loopback connection to a real http::Server (Boost.Beast's
// parser, our header, body, Transfer-Encoding and limit handling, the JSON
// body reader behind one route); the write side is then closed and the
// answer read to the end. Properties: every answer starts with a status
// line; no answer is a 500; and after every input the server still answers
// a plain request with 200 (one bad client never stops it serving).
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "http/json_reader.h"
#include "http/router.h"
#include "http/server.h"

namespace {

using namespace guild::http;

Server* StartServer() {
  Router router;
  (void)router.Get("/ping", [](const Request&) {
    return Response{200, std::string(kJsonContentType), "{}"};
  });
  (void)router.Post("/echo", [](const Request& request) {
    ProblemOr<nlohmann::json> body = ParseJsonBody(request.body);
    if (!body.ok()) return ProblemResponse(body.problem());
    return Response{200, std::string(kJsonContentType), body.value().dump()};
  });
  RouteOptions inline_route;
  inline_route.execution = Execution::kInline;
  (void)router.Get(
      "/items/{id}",
      [](const Request& request) {
        return Response{200, std::string(kJsonContentType), "{}"};
      },
      inline_route);
  ServerOptions options;
  options.access_log = nullptr;
  options.io_threads = 1;
  options.worker_threads = 1;
  options.max_body_bytes = 64 * 1024;
  options.read_header_timeout = std::chrono::milliseconds(2'000);
  options.request_timeout = std::chrono::milliseconds(2'000);
  options.idle_timeout = std::chrono::milliseconds(2'000);
  options.request_id_seed = 1;
  auto* server = new Server(options, std::move(router));
  if (!server->Start().ok()) std::abort();
  return server;
}

//! Sends `bytes`, closes the write side and reads until the server closes
//! (or 3 s pass). Returns what was read.
std::string Exchange(std::uint16_t port, std::string_view bytes) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  GUILD_FUZZ_CHECK(fd >= 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(port);
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  GUILD_FUZZ_CHECK(::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early (e.g. 431, 413): that is its right
    sent += static_cast<size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
  std::string answer;
  char buffer[16384];
  for (;;) {
    pollfd waiting{fd, POLLIN, 0};
    if (::poll(&waiting, 1, 3'000) <= 0) break;
    ssize_t n = ::recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    answer.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);
  return answer;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Server* server = StartServer();
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  std::string answer = Exchange(server->port(), bytes);
  if (!answer.empty()) {
    GUILD_FUZZ_CHECK(answer.rfind("HTTP/1.1 ", 0) == 0 && answer.size() >= 12);
    GUILD_FUZZ_CHECK(answer.find("HTTP/1.1 500") == std::string::npos);
  }
  std::string ping =
      Exchange(server->port(), "GET /ping HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  GUILD_FUZZ_CHECK(ping.rfind("HTTP/1.1 200", 0) == 0);
  return 0;
}
