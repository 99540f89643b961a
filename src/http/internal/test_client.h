// A small blocking HTTP/1.1 client for guild_http's tests (raw sockets via
// Asio, responses parsed by Beast). Test-only.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "http/types.h"

namespace guild::http::testing {

struct ClientResponse {
  int status = 0;
  unsigned version = 11;  //!< the status line's HTTP version, 11 for HTTP/1.1
  Fields headers;
  std::string body;
  std::optional<std::string_view> header(std::string_view name) const {
    return FindHeader(headers, name);
  }
};

class TestClient {
 public:
  //! Connects to 127.0.0.1:port from `from_address` (any 127.x.y.z works on
  //! Linux, so tests can play several clients); kUnavailable on failure.
  static Result<std::unique_ptr<TestClient>> Connect(std::uint16_t port,
                                                     std::string_view from_address = "127.0.0.1");
  ~TestClient();

  //! Writes raw bytes; false when the connection is gone.
  bool Send(std::string_view bytes);
  //! Reads one response (for a HEAD request pass head = true). kUnavailable
  //! on EOF/reset, kInternal on a parse error or after `timeout`.
  Result<ClientResponse> Read(bool head = false,
                              std::chrono::milliseconds timeout = std::chrono::seconds(5));
  //! True when the server closes the connection within `timeout` (bytes
  //! received before the close are ignored).
  bool WaitForClose(std::chrono::milliseconds timeout);

 private:
  struct Impl;
  explicit TestClient(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

//! Builds "METHOD target HTTP/1.1" with Host, the extra headers, and a
//! Content-Length when `body` is not empty.
std::string RawRequest(std::string_view method, std::string_view target, const Fields& headers = {},
                       std::string_view body = {});

//! Connects, sends one request, reads its response.
Result<ClientResponse> Fetch(std::uint16_t port, std::string_view method, std::string_view target,
                             const Fields& headers = {}, std::string_view body = {});

}  // namespace guild::http::testing
