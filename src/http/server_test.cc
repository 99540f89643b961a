// End-to-end behaviour of Server: routing, responses, caching, operations
// endpoints, logs, metrics and graceful shutdown.
#include "http/server.h"

#include <gtest/gtest.h>

#include <future>
#include <nlohmann/json.hpp>
#include <thread>

#include "http/internal/test_client.h"
#include "http/internal/test_server.h"
#include "http/json_writer.h"
#include "http/problem.h"

namespace guild::http {
namespace {

using testing::ClientResponse;
using testing::Fetch;
using testing::TestClient;

Response Echo(const Request& request) {
  std::string body;
  JsonWriter writer(body);
  writer.BeginObject().Member("route", request.route).Member("path", request.path);
  writer.Key("params").BeginObject();
  for (const auto& [name, value] : request.params) writer.Member(name, value);
  writer.EndObject().Key("query").BeginObject();
  for (const auto& [name, value] : request.query_params) writer.Member(name, value);
  writer.EndObject().Member("body", request.body).Member("id", request.request_id);
  writer.Member("session", request.cookie("guild_session").value_or("")).EndObject();
  return JsonResponse(std::move(body));
}

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Router router;
    ASSERT_TRUE(router.Get("/api/v1/people/{id}", Echo).ok());
    ASSERT_TRUE(router.Get("/api/v1/inline", Echo, {Execution::kInline, std::nullopt}).ok());
    ASSERT_TRUE(router.Post("/api/v1/echo", Echo).ok());
    ASSERT_TRUE(router
                    .Get("/api/v1/throws",
                         [](const Request&) -> Response { throw std::runtime_error("boom"); })
                    .ok());
    ServerOptions options;
    options.access_log = log_.sink();
    options.ready = [this] { return ready_.load(); };
    server_ = testing::StartServer(std::move(options), std::move(router));
  }
  ClientResponse Get(std::string_view target, const Fields& headers = {}) {
    auto response = Fetch(server_->port(), "GET", target, headers);
    EXPECT_TRUE(response.ok()) << response.status().ToString();
    return response.ok() ? *response : ClientResponse{};
  }

  testing::LogCapture log_;
  std::atomic<bool> ready_{true};
  std::unique_ptr<Server> server_;
};

TEST_F(ServerTest, RoutesWithDecodedParamsAndQuery) {
  ClientResponse response = Get("/api/v1/people/p%2F1%C3%A9?q=ann+lee&limit=5&c=%26");
  ASSERT_EQ(response.status, 200);
  const auto json = nlohmann::json::parse(response.body);
  EXPECT_EQ(json["route"], "/api/v1/people/{id}");
  EXPECT_EQ(json["params"]["id"], "p/1\xC3\xA9");
  EXPECT_EQ(json["query"]["q"], "ann lee");
  EXPECT_EQ(json["query"]["limit"], "5");
  EXPECT_EQ(json["query"]["c"], "&");
  EXPECT_EQ(response.header("Content-Type"), "application/json; charset=utf-8");
  EXPECT_EQ(Get("/api/v1/inline?x=1").status, 200);
}

TEST_F(ServerTest, NotFoundAndMethodNotAllowedAreProblems) {
  ClientResponse missing = Get("/api/v1/nothing");
  EXPECT_EQ(missing.status, 404);
  EXPECT_EQ(missing.header("Content-Type"), "application/problem+json");
  EXPECT_EQ(nlohmann::json::parse(missing.body)["status"], 404);
  auto wrong = Fetch(server_->port(), "DELETE", "/api/v1/people/x");
  ASSERT_TRUE(wrong.ok());
  EXPECT_EQ(wrong->status, 405);
  EXPECT_EQ(wrong->header("Allow"), "GET, HEAD");
}

TEST_F(ServerTest, BadPathsAndQueriesGive400) {
  EXPECT_EQ(Get("/api/v1/people/%FF").status, 400);
  EXPECT_EQ(Get("/api/v1/people/%C0%AF").status, 400);
  EXPECT_EQ(Get("/api/v1/people/x?q=%ZZ").status, 400);
  EXPECT_EQ(Get("/api/v1/people/x?q=%FE").status, 400);
}

TEST_F(ServerTest, EtagAndConditionalGet) {
  ClientResponse first = Get("/api/v1/people/a", {{"X-Request-Id", "fixed-id"}});
  ASSERT_EQ(first.status, 200);
  const auto etag = first.header("ETag");
  ASSERT_TRUE(etag.has_value());
  EXPECT_EQ(*etag, StrongEtag(first.body));
  ClientResponse second = Get(
      "/api/v1/people/a", {{"X-Request-Id", "fixed-id"}, {"If-None-Match", std::string(*etag)}});
  EXPECT_EQ(second.status, 304);
  EXPECT_TRUE(second.body.empty());
  EXPECT_EQ(second.header("ETag"), *etag);
  ClientResponse other = Get("/api/v1/people/a", {{"If-None-Match", "\"other\""}});
  EXPECT_EQ(other.status, 200);
}

TEST_F(ServerTest, HeadHasLengthButNoBody) {
  const std::size_t length = Get("/api/v1/people/a", {{"X-Request-Id", "r1"}}).body.size();
  auto head = Fetch(server_->port(), "HEAD", "/api/v1/people/a", {{"X-Request-Id", "r1"}});
  ASSERT_TRUE(head.ok());
  EXPECT_EQ(head->status, 200);
  EXPECT_EQ(head->header("Content-Length"), std::to_string(length));
  EXPECT_TRUE(head->body.empty());
}

TEST_F(ServerTest, SecurityAndCacheHeaders) {
  ClientResponse response = Get("/api/v1/people/a");
  EXPECT_EQ(response.header("X-Content-Type-Options"), "nosniff");
  EXPECT_EQ(response.header("Referrer-Policy"), "no-referrer");
  EXPECT_EQ(response.header("Content-Security-Policy"), kDefaultContentSecurityPolicy);
  EXPECT_EQ(response.header("Cache-Control"), "no-cache");
  EXPECT_TRUE(response.header("Date").has_value());
  // Plain HTTP: no HSTS (issue 27 item 7: there was none behind TLS either).
  EXPECT_FALSE(response.header("Strict-Transport-Security").has_value());
  ClientResponse proxied = Get("/api/v1/people/a", {{"X-Forwarded-Proto", "https"}});
  EXPECT_EQ(proxied.header("Strict-Transport-Security"), "max-age=31536000");
}

TEST(ServerTlsTest, BehindTlsEveryResponseHasHsts) {
  Router router;
  ASSERT_TRUE(router.Get("/api/v1/people/{id}", Echo).ok());
  ServerOptions options;
  options.access_log = nullptr;
  options.behind_tls = true;
  auto server = testing::StartServer(std::move(options), std::move(router));
  auto response = Fetch(server->port(), "GET", "/api/v1/people/a", {});
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->header("Strict-Transport-Security"), "max-age=31536000");
}

TEST_F(ServerTest, RequestIdsCookiesAndBodies) {
  auto posted = Fetch(server_->port(), "POST", "/api/v1/echo",
                      {{"X-Request-Id", "abc-123"}, {"Cookie", "x=1; guild_session=s3"}}, "hello");
  ASSERT_TRUE(posted.ok());
  const auto json = nlohmann::json::parse(posted->body);
  EXPECT_EQ(json["body"], "hello");
  EXPECT_EQ(json["id"], "abc-123");
  EXPECT_EQ(json["session"], "s3");
  EXPECT_EQ(posted->header("X-Request-Id"), "abc-123");
  ClientResponse generated = Get("/api/v1/people/a", {{"X-Request-Id", "bad id with spaces"}});
  const std::string id(generated.header("X-Request-Id").value_or(""));
  EXPECT_EQ(id.size(), 16u);
  EXPECT_NE(id, Get("/api/v1/people/a").header("X-Request-Id").value_or(""));
}

TEST_F(ServerTest, HandlerExceptionGives500Problem) {
  ClientResponse response = Get("/api/v1/throws");
  EXPECT_EQ(response.status, 500);
  EXPECT_EQ(response.body.find("boom"), std::string::npos);
  EXPECT_EQ(Get("/api/v1/people/a").status, 200);
}

TEST_F(ServerTest, PipelinedRequestsAnswerInOrder) {
  auto client = TestClient::Connect(server_->port());
  ASSERT_TRUE(client.ok());
  std::string batch;
  for (const char* id : {"one", "two", "three"}) {
    batch += testing::RawRequest("GET", std::string("/api/v1/people/") + id);
  }
  ASSERT_TRUE((*client)->Send(batch));
  for (const char* id : {"one", "two", "three"}) {
    auto response = (*client)->Read();
    ASSERT_TRUE(response.ok());
    EXPECT_EQ(nlohmann::json::parse(response->body)["params"]["id"], id);
  }
}

TEST_F(ServerTest, HealthReadinessAndMetrics) {
  EXPECT_EQ(Get("/healthz").status, 200);
  EXPECT_EQ(Get("/readyz").status, 200);
  ready_ = false;
  EXPECT_EQ(Get("/readyz").status, 503);
  server_->metrics().GetCounter("store_reads_total", "Store reads.").Increment(7);
  Get("/api/v1/people/a");
  ClientResponse metrics = Get("/metrics");
  ASSERT_EQ(metrics.status, 200);
  EXPECT_NE(metrics.body.find("store_reads_total 7"), std::string::npos);
  EXPECT_NE(metrics.body.find("guild_http_requests_total{method=\"GET\",route=\"/api/v1/people/"
                              "{id}\",status=\"2xx\"} 1"),
            std::string::npos)
      << metrics.body;
  EXPECT_NE(metrics.body.find("guild_http_request_duration_seconds_count{method=\"GET\",route="
                              "\"/api/v1/people/{id}\"} 1"),
            std::string::npos);
  EXPECT_NE(metrics.body.find("guild_http_in_flight_requests 1"), std::string::npos);
}

TEST_F(ServerTest, LogLinesAreJsonWithRequestIds) {
  Get("/api/v1/people/secret-id", {{"X-Request-Id", "log-1"}});
  Get("/api/v1/nothing", {{"X-Request-Id", "log-2"}});
  server_->Stop();
  const std::vector<std::string> lines = log_.lines();
  ASSERT_EQ(lines.size(), 2u);
  const auto first = nlohmann::json::parse(lines[0]);
  EXPECT_EQ(first["request_id"], "log-1");
  EXPECT_EQ(first["path"], "/api/v1/people/{id}");
  EXPECT_EQ(first["method"], "GET");
  EXPECT_EQ(first["status"], 200);
  EXPECT_GT(first["bytes"].get<int>(), 0);
  EXPECT_EQ(lines[0].find("secret-id"), std::string::npos);
  const auto second = nlohmann::json::parse(lines[1]);
  EXPECT_EQ(second["request_id"], "log-2");
  EXPECT_EQ(second["status"], 404);
  EXPECT_EQ(second["path"], "<unmatched>");
}

TEST(ServerLifecycleTest, GracefulShutdownFinishesInFlightRequest) {
  std::promise<void> started;
  std::promise<void> release;
  std::shared_future<void> released = release.get_future().share();
  Router router;
  ASSERT_TRUE(router
                  .Get("/slow",
                       [&](const Request&) {
                         started.set_value();
                         released.wait();
                         return TextResponse("done", "text/plain");
                       })
                  .ok());
  ServerOptions options;
  options.access_log = nullptr;
  auto server = testing::StartServer(std::move(options), std::move(router));
  auto client = TestClient::Connect(server->port());
  ASSERT_TRUE(client.ok());
  auto idle = TestClient::Connect(server->port());
  ASSERT_TRUE(idle.ok());
  ASSERT_TRUE((*client)->Send(testing::RawRequest("GET", "/slow")));
  started.get_future().wait();
  std::thread stopper([&] { server->Stop(); });
  EXPECT_TRUE((*idle)->WaitForClose(std::chrono::seconds(5)));  // idle ones close at once
  release.set_value();
  auto response = (*client)->Read();
  stopper.join();
  ASSERT_TRUE(response.ok()) << response.status().ToString();
  EXPECT_EQ(response->status, 200);
  EXPECT_EQ(response->body, "done");
  EXPECT_EQ(response->header("Connection"), "close");
  EXPECT_FALSE(TestClient::Connect(server->port()).ok());
}

TEST(ServerLifecycleTest, StartTwiceAndBadAddressFail) {
  ServerOptions options;
  options.access_log = nullptr;
  Server server(options, Router());
  ASSERT_TRUE(server.Start().ok());
  EXPECT_EQ(server.Start().code(), StatusCode::kFailedPrecondition);
  options.bind_address = "not-an-ip";
  Server bad(options, Router());
  EXPECT_EQ(bad.Start().code(), StatusCode::kInvalidArgument);
  options.bind_address = "127.0.0.1";
  options.port = server.port();
  Server clash(options, Router());
  EXPECT_EQ(clash.Start().code(), StatusCode::kUnavailable);
}

}  // namespace
}  // namespace guild::http
