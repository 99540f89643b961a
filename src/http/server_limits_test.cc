// Server behaviour under hostile or sloppy clients: limits, timeouts, many
// connections, malformed requests, path traversal through the static files.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <thread>

#include "http/internal/test_client.h"
#include "http/internal/test_server.h"
#include "http/server.h"
#include "http/static_files.h"

namespace guild::http {
namespace {

namespace fs = std::filesystem;
using testing::ClientResponse;
using testing::Fetch;
using testing::RawRequest;
using testing::TestClient;

constexpr std::size_t kBodyLimit = 1024;
constexpr std::size_t kImportLimit = std::size_t{64} * 1024;
constexpr auto kShortTimeout = std::chrono::milliseconds(300);

Response Length(const Request& request) {
  return TextResponse(std::to_string(request.body.size()), "text/plain");
}

class ServerLimitsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Router router;
    ASSERT_TRUE(router.Get("/api/v1/ping", Length, {Execution::kInline, std::nullopt}).ok());
    ASSERT_TRUE(router.Post("/api/v1/upload", Length).ok());
    ASSERT_TRUE(router.Post("/api/v1/import", Length, {Execution::kWorker, kImportLimit}).ok());
    ServerOptions options;
    options.max_body_bytes = kBodyLimit;
    options.read_header_timeout = kShortTimeout;
    options.request_timeout = kShortTimeout;
    options.access_log = nullptr;
    server_ = testing::StartServer(std::move(options), std::move(router));
  }
  int Status(std::string_view method, std::string_view target, std::string_view body = {}) {
    auto response = Fetch(server_->port(), method, target, {}, body);
    return response.ok() ? response->status : -1;
  }
  // Sends raw bytes on a fresh connection and reads one response.
  Result<ClientResponse> SendRaw(std::string_view bytes) {
    ASSIGN_OR_RETURN(auto client, TestClient::Connect(server_->port()));
    client->Send(bytes);
    return client->Read();
  }
  std::uint64_t Errors(std::string_view kind) {
    return server_->metrics()
        .GetCounter("guild_http_errors_total", "", {{"kind", std::string(kind)}})
        .value();
  }

  std::unique_ptr<Server> server_;
};

TEST_F(ServerLimitsTest, BodyTooLargeGives413AndServerStillServes) {
  EXPECT_EQ(Status("POST", "/api/v1/upload", std::string(kBodyLimit, 'x')), 200);
  auto response =
      SendRaw(RawRequest("POST", "/api/v1/upload", {}, std::string(kBodyLimit + 1, 'x')));
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 413);
  EXPECT_EQ(response->header("Content-Type"), "application/problem+json");
  EXPECT_EQ(Errors("body_too_large"), 1u);
  EXPECT_EQ(Status("GET", "/api/v1/ping"), 200);
  // A route may raise its own limit.
  EXPECT_EQ(Status("POST", "/api/v1/import", std::string(kImportLimit, 'x')), 200);
  EXPECT_EQ(Status("POST", "/api/v1/import", std::string(kImportLimit + 1, 'x')), 413);
}

TEST_F(ServerLimitsTest, ChunkedBodyOverLimitGives413) {
  std::string raw = "POST /api/v1/upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 3; ++i) raw += "200\r\n" + std::string(0x200, 'y') + "\r\n";
  raw += "0\r\n\r\n";
  auto response = SendRaw(raw);
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 413);
}

TEST_F(ServerLimitsTest, OversizedHeadersGive431) {
  auto response = SendRaw(RawRequest("GET", "/api/v1/ping", {{"X-Big", std::string(9000, 'h')}}));
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 431);
  EXPECT_EQ(Status("GET", "/api/v1/ping"), 200);
}

TEST_F(ServerLimitsTest, MalformedRequestLinesGive400) {
  for (const char* raw : {"GARBAGE\r\n\r\n", "GET /x HTTP/9.9\r\n\r\n", "GET  HTTP/1.1\r\n\r\n",
                          "GET /x HTTP/1.1\r\nBad Header\r\n\r\n"}) {
    auto response = SendRaw(raw);
    ASSERT_TRUE(response.ok()) << raw << ": " << response.status().ToString();
    EXPECT_EQ(response->status, 400) << raw;
    EXPECT_EQ(nlohmann::json::parse(response->body)["status"], 400);
  }
  EXPECT_EQ(Status("GET", "/api/v1/ping"), 200);
}

// Found by server_fuzz: an HTTP/1.0 request was answered "HTTP/1.0 ...". The
// server answers HTTP/1.1 (RFC 9110 6.2) and closes, since 1.0 asked for no
// keep-alive; bytes after the request are not read as a second one.
TEST_F(ServerLimitsTest, Http10RequestGetsAnHttp11AnswerAndClose) {
  auto client = TestClient::Connect(server_->port());
  ASSERT_TRUE(client.ok());
  ASSERT_TRUE(
      (*client)->Send("GET /api/v1/ping HTTP/1.0\r\n\r\nGET /api/v1/ping HTTP/1.1\r\n\r\n"));
  auto response = (*client)->Read();
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->version, 11u);
  EXPECT_EQ(response->header("Connection"), "close");
  EXPECT_TRUE((*client)->WaitForClose(std::chrono::seconds(5)));
}

TEST_F(ServerLimitsTest, HalfSentRequestIsCutOffWhileOthersAreServed) {
  auto slow = TestClient::Connect(server_->port());
  ASSERT_TRUE(slow.ok());
  ASSERT_TRUE((*slow)->Send("GET /api/v1/ping HTTP/1.1\r\nHost: t\r\n"));  // never finished
  auto slow_body = TestClient::Connect(server_->port());
  ASSERT_TRUE(slow_body.ok());
  ASSERT_TRUE(
      (*slow_body)
          ->Send("POST /api/v1/upload HTTP/1.1\r\nHost: t\r\nContent-Length: 10\r\n\r\nabc"));
  for (int i = 0; i < 5; ++i) EXPECT_EQ(Status("GET", "/api/v1/ping"), 200);
  EXPECT_TRUE((*slow)->WaitForClose(std::chrono::seconds(5)));
  EXPECT_TRUE((*slow_body)->WaitForClose(std::chrono::seconds(5)));
  // The client may see the close just before the server counts it.
  for (int i = 0; i < 100 && Errors("timeout") < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(Errors("timeout"), 2u);
  EXPECT_EQ(Status("GET", "/api/v1/ping"), 200);
}

TEST_F(ServerLimitsTest, ManyIdleConnectionsDoNotBlockANewClient) {
  constexpr int kIdle = 300;
  std::vector<std::unique_ptr<TestClient>> idle;
  for (int i = 0; i < kIdle; ++i) {
    auto client = TestClient::Connect(server_->port());
    ASSERT_TRUE(client.ok()) << i;
    if (i % 2 == 0) (*client)->Send("GET /api/v1/ping HTTP/1.1\r\n");  // half-sent
    idle.push_back(std::move(*client));
  }
  for (int i = 0; i < 10; ++i) EXPECT_EQ(Status("GET", "/api/v1/ping"), 200);
}

class StaticTraversalTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "guild_http_XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    base_ = pattern;
    fs::create_directories(base_ / "dist/assets");
    std::ofstream(base_ / "dist/index.html") << "<html>app</html>";
    std::ofstream(base_ / "secret.txt") << "TOP-SECRET";
    fs::create_symlink(base_ / "secret.txt", base_ / "dist/assets/leak.txt");
    auto files = StaticFiles::Open({.root = (base_ / "dist").string()});
    ASSERT_TRUE(files.ok());
    files_ = std::move(*files);
    Router router;
    router.SetFallback([this](const Request& request) { return files_->Serve(request); });
    ServerOptions options;
    options.access_log = nullptr;
    server_ = testing::StartServer(std::move(options), std::move(router));
  }
  void TearDown() override {
    server_.reset();
    fs::remove_all(base_);
  }

  fs::path base_;
  std::unique_ptr<StaticFiles> files_;
  std::unique_ptr<Server> server_;
};

TEST_F(StaticTraversalTest, TraversalAttemptsNeverLeakFiles) {
  const char* attacks[] = {"/../secret.txt",
                           "/%2e%2e/secret.txt",
                           "/%2E%2E%2Fsecret.txt",
                           "/assets/..%2F..%2Fsecret.txt",
                           "/assets/%2e%2e/%2e%2e/secret.txt",
                           "//secret.txt",
                           "/assets/leak.txt",
                           "/..%5csecret.txt",
                           "/%2fsecret.txt",
                           "http://x/../secret.txt",
                           "/%00/secret.txt"};
  for (const char* target : attacks) {
    auto client = TestClient::Connect(server_->port());
    ASSERT_TRUE(client.ok());
    (*client)->Send(std::string("GET ") + target + " HTTP/1.1\r\nHost: t\r\n\r\n");
    auto response = (*client)->Read();
    ASSERT_TRUE(response.ok()) << target;
    EXPECT_TRUE(response->status == 404 || response->status == 400)
        << target << " " << response->status;
    EXPECT_EQ(response->body.find("TOP-SECRET"), std::string::npos) << target;
  }
  auto page = Fetch(server_->port(), "GET", "/teams/t1");
  ASSERT_TRUE(page.ok());
  EXPECT_EQ(page->body, "<html>app</html>");
  EXPECT_EQ(Fetch(server_->port(), "GET", "/api/v1/none")->status, 404);
}

}  // namespace
}  // namespace guild::http
