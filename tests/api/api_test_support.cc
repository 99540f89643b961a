#include "api_test_support.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdlib>
#include <fstream>
#include <mutex>

#include "service/accounts/crypto.h"

namespace guild::api::testing {
namespace {

namespace beast = boost::beast;
namespace asio = boost::asio;
constexpr int kHttpVersion = 11;
constexpr size_t kMaxReplyBytes = size_t{64} << 20;
constexpr int kTestAddressLimit = 100000;

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// The contract check (web/contract, docs/API.md "The contract, checked") sets
// GUILD_API_RECORD_DIR: every answer is appended as one JSON line to
// DIR/responses-PID.jsonl, with the test that asked, to be validated against
// the OpenAPI document.
void Record(const std::string& method, const std::string& target, const Reply& reply) {
  static const char* const kRecordDir = std::getenv("GUILD_API_RECORD_DIR");
  if (kRecordDir == nullptr || *kRecordDir == '\0' || reply.status == 0) return;
  static std::mutex mutex;
  const auto* test = ::testing::UnitTest::GetInstance()->current_test_info();
  auto content_type = reply.headers.find("content-type");
  nlohmann::json line = {
      {"test", test ? std::string(test->test_suite_name()) + "." + test->name() : ""},
      {"method", method},
      {"target", target},
      {"status", reply.status},
      {"content_type", content_type == reply.headers.end() ? "" : content_type->second},
      {"body", reply.body}};
  std::lock_guard lock(mutex);
  std::ofstream(std::string(kRecordDir) + "/responses-" + std::to_string(getpid()) + ".jsonl",
                std::ios::app)
      << line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace

nlohmann::json Reply::Json() const {
  return nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
}

Reply Send(uint16_t port, const std::string& method, const std::string& target,
           const Headers& headers, const std::string& body) {
  Reply reply;
  try {
    asio::io_context context;
    asio::ip::tcp::socket socket(context);
    socket.connect({asio::ip::make_address("127.0.0.1"), port});
    beast::http::request<beast::http::string_body> request;
    request.method_string(method);
    request.target(target);
    request.version(kHttpVersion);
    request.set(beast::http::field::host, "127.0.0.1");
    for (const auto& [name, value] : headers) request.set(name, value);
    request.body() = body;
    if (!body.empty() || method == "POST" || method == "PATCH") request.prepare_payload();
    beast::http::write(socket, request);
    beast::flat_buffer buffer;
    beast::http::response_parser<beast::http::string_body> parser;
    parser.body_limit(kMaxReplyBytes);
    beast::http::read(socket, buffer, parser);
    auto& response = parser.get();
    reply.status = static_cast<int>(response.result_int());
    for (const auto& field : response) {
      reply.headers[Lower(std::string(field.name_string()))] = std::string(field.value());
    }
    reply.body = response.body();
  } catch (const std::exception& e) {
    reply.status = 0;
    reply.body = e.what();
  }
  Record(method, target, reply);
  return reply;
}

Reply SendRaw(uint16_t port, const std::string& bytes) {
  Reply reply;
  try {
    asio::io_context context;
    asio::ip::tcp::socket socket(context);
    socket.connect({asio::ip::make_address("127.0.0.1"), port});
    asio::write(socket, asio::buffer(bytes));
    beast::flat_buffer buffer;
    beast::http::response_parser<beast::http::string_body> parser;
    parser.body_limit(kMaxReplyBytes);
    beast::http::read(socket, buffer, parser);
    auto& response = parser.get();
    reply.status = static_cast<int>(response.result_int());
    for (const auto& field : response) {
      reply.headers[Lower(std::string(field.name_string()))] = std::string(field.value());
    }
    reply.body = response.body();
  } catch (const std::exception& e) {
    reply.status = 0;
    reply.body = e.what();
  }
  return reply;
}

std::unique_ptr<TestServer> TestServer::Start(const TestServerOptions& options,
                                              const Clock& clock) {
  std::unique_ptr<TestServer> server(new TestServer());
  auto store = OpenStore(options.store);
  auto accounts = OpenAccountStore(options.store);
  if (!store.ok() || !accounts.ok()) return nullptr;
  server->store_ = std::move(store).value();
  server->accounts_ = std::move(accounts).value();
  server->snapshots_ =
      std::make_unique<SnapshotHolder>(*server->store_, SnapshotOptions{options.check_interval});
  if (!server->snapshots_->Load().ok()) return nullptr;
  api::ApiOptions api_options;
  api_options.passwords = MinimumPasswordOptions();
  api_options.sessions.password = MinimumPasswordOptions();
  // Every test client comes from 127.0.0.1; the per-address limit is unit-tested
  // in service/session_service_test.cc, the per-email one by the API tests.
  api_options.sessions.per_address.max_events = kTestAddressLimit;
  server->services_ = std::make_unique<api::ApiServices>(*server->store_, *server->accounts_,
                                                         *server->snapshots_, clock, api_options);
  http::Router router;
  if (!api::AddApiRoutes(router, *server->services_).ok()) return nullptr;
  if (!options.static_root.empty()) {
    auto files = http::StaticFiles::Open(http::StaticFilesOptions{options.static_root});
    if (!files.ok()) return nullptr;
    std::shared_ptr<http::StaticFiles> shared(std::move(files).value());
    router.SetFallback([shared](const http::Request& r) { return shared->Serve(r); });
  }
  http::ServerOptions server_options;
  server_options.access_log = nullptr;
  server->server_ = std::make_unique<http::Server>(server_options, std::move(router));
  if (!server->server_->Start().ok()) return nullptr;
  return server;
}

TestServer::~TestServer() {
  if (server_) server_->Stop();
}

SignedIn SignInAs(uint16_t port, const std::string& email, const std::string& password) {
  nlohmann::json body = {{"email", email}, {"password", password}};
  Reply reply =
      Send(port, "POST", "/api/v1/session", {{"Content-Type", "application/json"}}, body.dump());
  SignedIn result;
  if (reply.status != 200) return result;
  const std::string& cookie = reply.headers["set-cookie"];
  result.cookie = cookie.substr(0, cookie.find(';'));
  result.csrf = reply.Json().value("csrf_token", "");
  return result;
}

void AddUser(AccountStore& accounts, const std::string& id, const std::string& email,
             const std::string& password, const std::string& person_id, UserRole role) {
  auto hash = HashPassword(password, MinimumPasswordOptions());
  accounts.CreateUser({id, email, hash.ok() ? *hash : "", person_id, role, false, 0}).IgnoreError();
}

}  // namespace guild::api::testing
