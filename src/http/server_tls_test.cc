// The server's own TLS (ServerOptions::tls_certificate_file/_private_key_file):
// HTTPS with a certificate the client verifies, HSTS, keep-alive, plain
// HTTP and silent clients on the TLS port, and the files' errors at Start.
// The certificate and keys are test-only fixtures (tests/data/tls/README.md).
#include <gtest/gtest.h>

#include <boost/asio/ssl.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <cstdlib>
#include <string>

#include "http/internal/asio.h"
#include "http/internal/test_client.h"
#include "http/internal/test_server.h"
#include "http/server.h"

namespace guild::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = beast::http;
using tcp = asio::ip::tcp;

// GUILD_SOURCE_DIR is set by CTest (CMakeLists.txt's guild_test).
std::string Fixture(const std::string& name) {
  const char* dir = std::getenv("GUILD_SOURCE_DIR");
  return std::string(dir != nullptr ? dir : ".") + "/tests/data/tls/" + name;
}

// A verifying HTTPS client: trusts only the fixture certificate and checks
// that it names "localhost".
class TlsClient {
 public:
  explicit TlsClient(std::uint16_t port) : context_(asio::ssl::context::tls_client) {
    context_.load_verify_file(Fixture("cert.pem"));
    context_.set_verify_mode(asio::ssl::verify_peer);
    stream_.emplace(io_, context_);
    stream_->set_verify_callback(asio::ssl::host_name_verification("localhost"));
    SSL_set_tlsext_host_name(stream_->native_handle(), "localhost");
    beast::get_lowest_layer(*stream_).expires_after(std::chrono::seconds(5));
    beast::get_lowest_layer(*stream_).connect(
        tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    stream_->handshake(asio::ssl::stream_base::client, handshake_error_);
  }
  const beast::error_code& handshake_error() const { return handshake_error_; }

  bhttp::response<bhttp::string_body> Get(const std::string& target) {
    bhttp::request<bhttp::empty_body> request{bhttp::verb::get, target, 11};
    request.set(bhttp::field::host, "localhost");
    beast::get_lowest_layer(*stream_).expires_after(std::chrono::seconds(5));
    bhttp::write(*stream_, request);
    bhttp::response<bhttp::string_body> response;
    bhttp::read(*stream_, buffer_, response);
    return response;
  }
  std::string NegotiatedVersion() { return SSL_get_version(stream_->native_handle()); }

 private:
  asio::io_context io_;
  asio::ssl::context context_;
  std::optional<beast::ssl_stream<beast::tcp_stream>> stream_;
  beast::flat_buffer buffer_;
  beast::error_code handshake_error_;
};

Router HelloRouter() {
  Router router;
  EXPECT_TRUE(router
                  .Get("/api/v1/hello",
                       [](const Request&) { return TextResponse("hello\n", "text/plain"); })
                  .ok());
  return router;
}

ServerOptions TlsOptions() {
  ServerOptions options;
  options.access_log = nullptr;
  options.tls_certificate_file = Fixture("cert.pem");
  options.tls_private_key_file = Fixture("key.pem");
  return options;
}

TEST(ServerTlsTest, AnswersOverVerifiedTlsWithHstsAndKeepsTheConnection) {
  auto server = testing::StartServer(TlsOptions(), HelloRouter());
  TlsClient client(server->port());
  ASSERT_FALSE(client.handshake_error()) << client.handshake_error().message();
  const std::string version = client.NegotiatedVersion();
  EXPECT_TRUE(version == "TLSv1.3" || version == "TLSv1.2") << version;
  for (int i = 0; i < 3; ++i) {  // one connection, three requests
    const auto response = client.Get("/api/v1/hello");
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(response.body(), "hello\n");
    EXPECT_EQ(response[bhttp::field::strict_transport_security], "max-age=31536000");
    EXPECT_TRUE(response.keep_alive());
  }
  EXPECT_EQ(client.Get("/api/v1/nothing-here").result_int(), 404);
}

TEST(ServerTlsTest, PlainHttpOnTheTlsPortIsClosedAndOthersAreStillServed) {
  auto server = testing::StartServer(TlsOptions(), HelloRouter());
  auto plain = testing::TestClient::Connect(server->port());
  ASSERT_TRUE(plain.ok());
  ASSERT_TRUE((*plain)->Send(testing::RawRequest("GET", "/api/v1/hello")));
  // Not a TLS ClientHello: the handshake fails and the server hangs up
  // without serving the request.
  auto answer = (*plain)->Read(false, std::chrono::seconds(2));
  EXPECT_FALSE(answer.ok());
  TlsClient client(server->port());
  ASSERT_FALSE(client.handshake_error()) << client.handshake_error().message();
  EXPECT_EQ(client.Get("/api/v1/hello").result_int(), 200);
  EXPECT_NE(server->metrics().Render().find("guild_http_errors_total{kind=\"tls_handshake\"} 1"),
            std::string::npos)
      << server->metrics().Render();
}

TEST(ServerTlsTest, AClientThatNeverStartsTheHandshakeIsCut) {
  ServerOptions options = TlsOptions();
  options.read_header_timeout = std::chrono::milliseconds(200);
  auto server = testing::StartServer(std::move(options), HelloRouter());
  auto silent = testing::TestClient::Connect(server->port());
  ASSERT_TRUE(silent.ok());
  EXPECT_TRUE((*silent)->WaitForClose(std::chrono::seconds(3)));
  TlsClient client(server->port());
  ASSERT_FALSE(client.handshake_error()) << client.handshake_error().message();
  EXPECT_EQ(client.Get("/api/v1/hello").result_int(), 200);
}

TEST(ServerTlsTest, BadFilesAreRefusedAtStartNamingTheFile) {
  struct Case {
    const char* name;
    std::string certificate;  // empty: keep the good one
    std::string key;          // empty: keep the good one; "-": no key
    const char* message;      // what the error must say
  };
  const Case cases[] = {
      {"missing certificate", Fixture("missing.pem"), "", "missing.pem"},
      {"a certificate as the key", "", Fixture("cert.pem"), "private key file"},
      {"another certificate's key", "", Fixture("other-key.pem"), "does not match"},
      {"no key", "", "-", "both"},
  };
  for (const Case& c : cases) {
    ServerOptions options = TlsOptions();
    if (!c.certificate.empty()) options.tls_certificate_file = c.certificate;
    if (c.key == "-") {
      options.tls_private_key_file.clear();
    } else if (!c.key.empty()) {
      options.tls_private_key_file = c.key;
    }
    Server server(std::move(options), HelloRouter());
    const Status status = server.Start();
    EXPECT_EQ(status.code(), StatusCode::kInvalidArgument) << c.name;
    EXPECT_NE(status.message().find(c.message), std::string::npos)
        << c.name << ": " << status.ToString();
  }
}

}  // namespace
}  // namespace guild::http
