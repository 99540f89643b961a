// One client must not starve the others: per-address connection limits,
// eviction of the oldest idle connection at the limit, short idle waits under
// pressure, request bodies counted per address and in total, admission
// checks before any body byte is read, and request smuggling through
// Transfer-Encoding refused.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "http/internal/client_limits.h"
#include "http/internal/test_client.h"
#include "http/internal/test_server.h"
#include "http/problem.h"
#include "http/server.h"

namespace guild::http {
namespace {

using internal::ClientLimitOptions;
using internal::ClientLimits;
using testing::Fetch;
using testing::RawRequest;
using testing::TestClient;

Response Ok(const Request& request) {
  return TextResponse(std::to_string(request.body.size()), "text/plain");
}

std::unique_ptr<TestClient> Connect(std::uint16_t port, std::string_view from = "127.0.0.1") {
  auto client = TestClient::Connect(port, from);
  EXPECT_TRUE(client.ok()) << client.status().ToString();
  return client.ok() ? std::move(*client) : nullptr;
}

int Served(TestClient& client, std::string_view target = "/ping") {
  if (!client.Send(RawRequest("GET", target))) return -1;
  auto response = client.Read();
  return response.ok() ? response->status : -1;
}

TEST(ClientLimitsTest, CountsConnectionsAndBytesPerAddressAndInTotal) {
  ClientLimits limits(ClientLimitOptions{2, 100, 150});
  EXPECT_TRUE(limits.AddConnection("a"));
  EXPECT_TRUE(limits.AddConnection("a"));
  EXPECT_FALSE(limits.AddConnection("a"));
  EXPECT_TRUE(limits.AddConnection("b"));
  limits.RemoveConnection("a");
  EXPECT_TRUE(limits.AddConnection("a"));
  EXPECT_EQ(limits.Connections("a"), 2u);
  using R = ClientLimits::Reservation;
  EXPECT_EQ(limits.ReserveBody("a", 80), R::kGranted);
  EXPECT_EQ(limits.ReserveBody("a", 30), R::kAddressFull);
  EXPECT_EQ(limits.ReserveBody("b", 80), R::kServerFull);
  EXPECT_EQ(limits.ReserveBody("b", 70), R::kGranted);
  EXPECT_EQ(limits.BodyBytesInFlight(), 150u);
  limits.ReleaseBody("a", 80);
  EXPECT_EQ(limits.ReserveBody("a", 30), R::kGranted);
  EXPECT_EQ(limits.BodyBytesInFlight(), 100u);
}

class ProtectionTest : public ::testing::Test {
 protected:
  void Start(ServerOptions options) {
    Router router;
    ASSERT_TRUE(router.Get("/ping", Ok).ok());
    ASSERT_TRUE(router.Post("/upload", Ok).ok());
    RouteOptions guarded;
    guarded.admission = [this](const Request& request) -> std::optional<Response> {
      admissions_.fetch_add(1);
      if (request.header("X-Key") == "open" && request.param("id") == "7" &&
          request.query("q") == "1" && request.body.empty()) {
        return std::nullopt;
      }
      return ProblemResponse(MakeProblem(401, "unauthenticated", "not signed in"));
    };
    ASSERT_TRUE(router.Post("/guarded/{id}", Ok, guarded).ok());
    ASSERT_TRUE(router
                    .Post("/count",
                          [this](const Request&) {
                            handled_.fetch_add(1);
                            return TextResponse("counted", "text/plain");
                          })
                    .ok());
    options.access_log = nullptr;
    server_ = testing::StartServer(std::move(options), std::move(router));
  }
  std::uint16_t port() const { return server_->port(); }

  std::unique_ptr<Server> server_;
  std::atomic<int> admissions_{0};
  std::atomic<int> handled_{0};
};

TEST_F(ProtectionTest, OneAddressCannotTakeEveryConnection) {
  ServerOptions options;
  options.max_connections_per_address = 3;
  Start(options);
  std::vector<std::unique_ptr<TestClient>> held;
  for (int i = 0; i < 3; ++i) {
    held.push_back(Connect(port()));
    ASSERT_EQ(Served(*held.back()), 200);
  }
  auto more = Fetch(port(), "GET", "/ping");
  ASSERT_TRUE(more.ok()) << more.status().ToString();
  EXPECT_EQ(more->status, 429);
  EXPECT_EQ(more->header("Retry-After"), "1");
  auto other = Connect(port(), "127.0.0.2");
  EXPECT_EQ(Served(*other), 200);
  held.pop_back();  // a closed connection frees its place
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto again = Fetch(port(), "GET", "/ping");
    if (again.ok() && again->status == 200) return;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ADD_FAILURE() << "the address never got its place back";
}

TEST_F(ProtectionTest, AtTheLimitTheOldestIdleConnectionMakesRoom) {
  ServerOptions options;
  options.max_connections = 2;
  Start(options);
  auto oldest = Connect(port());
  ASSERT_EQ(Served(*oldest), 200);
  auto newer = Connect(port());
  ASSERT_EQ(Served(*newer), 200);
  auto third = Fetch(port(), "GET", "/ping");
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  EXPECT_EQ(third->status, 200);
  EXPECT_TRUE(oldest->WaitForClose(std::chrono::seconds(5)));
  EXPECT_EQ(Served(*newer), 200);
}

TEST_F(ProtectionTest, AtTheLimitWithNothingIdleNewConnectionsGet503) {
  ServerOptions options;
  options.max_connections = 2;
  Start(options);
  auto first = Connect(port());
  auto second = Connect(port());
  // Half-sent requests: busy, not idle, so nothing may be evicted.
  ASSERT_TRUE(first->Send("GET /ping HTTP/1.1\r\n"));
  ASSERT_TRUE(second->Send("GET /ping HTTP/1.1\r\n"));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto third = Fetch(port(), "GET", "/ping");
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  EXPECT_EQ(third->status, 503);
  EXPECT_EQ(third->header("Retry-After"), "1");
}

TEST_F(ProtectionTest, UnderPressureIdleConnectionsCloseSooner) {
  ServerOptions options;
  options.idle_timeout = std::chrono::seconds(60);
  options.pressure_connections = 2;
  options.idle_timeout_under_pressure = std::chrono::milliseconds(200);
  Start(options);
  auto first = Connect(port());
  auto second = Connect(port());
  ASSERT_EQ(Served(*first), 200);
  ASSERT_EQ(Served(*second), 200);
  EXPECT_TRUE(first->WaitForClose(std::chrono::seconds(5)));
}

TEST_F(ProtectionTest, BodiesInFlightAreCappedPerAddressAndInTotal) {
  ServerOptions options;
  options.max_body_bytes = 1000;
  options.max_body_bytes_per_address = 1500;
  options.max_body_bytes_in_flight = 2500;
  options.request_timeout = std::chrono::seconds(5);
  Start(options);
  // Each holds its reservation while its body is still coming.
  auto slow = Connect(port());
  ASSERT_TRUE(slow->Send("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\nab"));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto same = Connect(port());
  ASSERT_TRUE(same->Send(RawRequest("POST", "/upload", {}, std::string(600, 'x'))));
  auto refused = same->Read();
  ASSERT_TRUE(refused.ok());
  EXPECT_EQ(refused->status, 429);
  EXPECT_EQ(refused->header("Retry-After"), "1");
  auto other = Connect(port(), "127.0.0.2");
  ASSERT_TRUE(other->Send("POST /upload HTTP/1.1\r\nHost: t\r\nContent-Length: 1000\r\n\r\nab"));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  auto third = Connect(port(), "127.0.0.3");
  ASSERT_TRUE(third->Send(RawRequest("POST", "/upload", {}, std::string(600, 'x'))));
  auto busy = third->Read();
  ASSERT_TRUE(busy.ok());
  EXPECT_EQ(busy->status, 503);
  // A small one still fits, and a finished body gives its bytes back.
  auto small = Connect(port(), "127.0.0.3");
  EXPECT_EQ(Served(*small), 200);
  ASSERT_TRUE(slow->Send(std::string(998, 'y')));
  auto done = slow->Read();
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(done->body, "1000");
  auto after = Connect(port(), "127.0.0.3");
  ASSERT_TRUE(after->Send(RawRequest("POST", "/upload", {}, std::string(600, 'x'))));
  auto accepted = after->Read();
  ASSERT_TRUE(accepted.ok());
  EXPECT_EQ(accepted->status, 200);
}

TEST_F(ProtectionTest, AdmissionRefusesBeforeAnyBodyByteIsRead) {
  ServerOptions options;
  options.max_body_bytes = 64 << 20;
  Start(options);
  // The client announces 60 MB and sends none of it: the answer comes anyway.
  auto client = Connect(port());
  ASSERT_TRUE(
      client->Send("POST /guarded/7?q=1 HTTP/1.1\r\nHost: t\r\nContent-Length: 60000000\r\n\r\n"));
  auto refused = client->Read(false, std::chrono::seconds(5));
  ASSERT_TRUE(refused.ok()) << refused.status().ToString();
  EXPECT_EQ(refused->status, 401);
  EXPECT_TRUE(client->WaitForClose(std::chrono::seconds(5)));
  auto admitted = Fetch(port(), "POST", "/guarded/7?q=1", {{"X-Key", "open"}}, "hello");
  ASSERT_TRUE(admitted.ok());
  EXPECT_EQ(admitted->status, 200);
  EXPECT_EQ(admitted->body, "5");
  // Requests without a body are not checked; unmatched paths read no body.
  EXPECT_EQ(admissions_.load(), 2);
  auto lost = Connect(port());
  ASSERT_TRUE(lost->Send("POST /nowhere HTTP/1.1\r\nHost: t\r\nContent-Length: 60000000\r\n\r\n"));
  auto missing = lost->Read(false, std::chrono::seconds(5));
  ASSERT_TRUE(missing.ok());
  EXPECT_EQ(missing->status, 404);
}

TEST_F(ProtectionTest, UnsupportedTransferEncodingIs400AndTheBodyNeverRuns) {
  Start(ServerOptions{});
  const std::string smuggled = RawRequest("POST", "/count", {}, "x");
  for (const char* coding : {"gzip", "gzip, chunked", "identity"}) {
    auto client = Connect(port());
    ASSERT_TRUE(client->Send("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: " +
                             std::string(coding) + "\r\n\r\n" + smuggled));
    auto response = client->Read();
    ASSERT_TRUE(response.ok()) << coding;
    EXPECT_EQ(response->status, 400) << coding;
    EXPECT_TRUE(client->WaitForClose(std::chrono::seconds(5))) << coding;
  }
  auto doubled = Connect(port());
  ASSERT_TRUE(doubled->Send(
      "POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nTransfer-Encoding: "
      "chunked\r\n\r\n0\r\n\r\n"));
  auto response = doubled->Read();
  ASSERT_TRUE(response.ok());
  EXPECT_EQ(response->status, 400);
  EXPECT_EQ(handled_.load(), 0);
  auto chunked = Connect(port());
  ASSERT_TRUE(
      chunked->Send("POST /upload HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: "
                    "chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"));
  auto fine = chunked->Read();
  ASSERT_TRUE(fine.ok());
  EXPECT_EQ(fine->status, 200);
  EXPECT_EQ(fine->body, "3");
}

}  // namespace
}  // namespace guild::http
