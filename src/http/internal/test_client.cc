#include "http/internal/test_client.h"

#include <sys/socket.h>
#include <sys/time.h>

#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "http/internal/asio.h"

namespace guild::http::testing {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

struct TestClient::Impl {
  asio::io_context context;
  tcp::socket socket{context};
  beast::flat_buffer buffer;

  void SetTimeout(std::chrono::milliseconds timeout) {
    timeval tv{};
    tv.tv_sec = timeout.count() / 1000;
    tv.tv_usec = (timeout.count() % 1000) * 1000;
    setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
  }
};

TestClient::TestClient(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
TestClient::~TestClient() = default;

Result<std::unique_ptr<TestClient>> TestClient::Connect(std::uint16_t port,
                                                        std::string_view from_address) {
  auto impl = std::make_unique<Impl>();
  boost::system::error_code ec;
  impl->socket.open(tcp::v4(), ec);
  if (!ec) impl->socket.bind(tcp::endpoint(asio::ip::make_address(from_address), 0), ec);
  if (!ec) impl->socket.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port), ec);
  if (ec) return Unavailable("connect: " + ec.message());
  return std::unique_ptr<TestClient>(new TestClient(std::move(impl)));
}

bool TestClient::Send(std::string_view bytes) {
  boost::system::error_code ec;
  asio::write(impl_->socket, asio::buffer(bytes.data(), bytes.size()), ec);
  return !ec;
}

Result<ClientResponse> TestClient::Read(bool head, std::chrono::milliseconds timeout) {
  impl_->SetTimeout(timeout);
  bhttp::response_parser<bhttp::string_body> parser;
  parser.body_limit(std::uint64_t{1} << 30);
  if (head) parser.skip(true);
  boost::system::error_code ec;
  bhttp::read(impl_->socket, impl_->buffer, parser, ec);
  if (ec == bhttp::error::end_of_stream || ec == asio::error::eof ||
      ec == asio::error::connection_reset) {
    return Unavailable("connection closed: " + ec.message());
  }
  if (ec) return Internal("read: " + ec.message());
  ClientResponse response;
  response.status = static_cast<int>(parser.get().result_int());
  response.version = parser.get().version();
  for (const auto& field : parser.get()) {
    response.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
  }
  response.body = std::move(parser.get().body());
  return response;
}

bool TestClient::WaitForClose(std::chrono::milliseconds timeout) {
  impl_->SetTimeout(timeout);
  std::array<char, 4096> sink;
  while (true) {
    boost::system::error_code ec;
    impl_->socket.read_some(asio::buffer(sink), ec);
    if (!ec) continue;
    return ec == asio::error::eof || ec == asio::error::connection_reset;
  }
}

std::string RawRequest(std::string_view method, std::string_view target, const Fields& headers,
                       std::string_view body) {
  std::string raw;
  raw.append(method).append(" ").append(target).append(" HTTP/1.1\r\nHost: test\r\n");
  for (const auto& [name, value] : headers) {
    raw.append(name).append(": ").append(value).append("\r\n");
  }
  if (!body.empty()) {
    raw.append("Content-Length: ").append(std::to_string(body.size())).append("\r\n");
  }
  raw.append("\r\n").append(body);
  return raw;
}

Result<ClientResponse> Fetch(std::uint16_t port, std::string_view method, std::string_view target,
                             const Fields& headers, std::string_view body) {
  ASSIGN_OR_RETURN(auto client, TestClient::Connect(port));
  if (!client->Send(RawRequest(method, target, headers, body))) return Unavailable("send failed");
  return client->Read(method == "HEAD");
}

}  // namespace guild::http::testing
