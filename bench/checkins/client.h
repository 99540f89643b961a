// The in-process HTTP client of the check-in benchmarks (as
// bench/api/api_write_rate.cc): sign in with a password over a keep-alive
// connection, then send requests with the session's cookie and CSRF token.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

namespace bench {

namespace beast = boost::beast;
namespace asio = boost::asio;

//! One keep-alive connection signed in as one user.
class Client {
 public:
  explicit Client(uint16_t port) : socket_(context_) {
    socket_.connect({asio::ip::make_address("127.0.0.1"), port});
  }

  //! POST /api/v1/session; false when it is refused.
  bool SignIn(const std::string& email, const std::string& password) {
    auto response = Send(beast::http::verb::post, "/api/v1/session",
                         nlohmann::json{{"email", email}, {"password", password}}.dump());
    if (response.result_int() != 200) return false;
    const std::string cookie(response[beast::http::field::set_cookie]);
    cookie_ = cookie.substr(0, cookie.find(';'));
    csrf_ = nlohmann::json::parse(response.body()).value("csrf_token", "");
    return true;
  }

  //! One request and its whole response.
  beast::http::response<beast::http::string_body> Send(beast::http::verb verb,
                                                       const std::string& target,
                                                       std::string body = {}) {
    beast::http::request<beast::http::string_body> request{verb, target, 11};
    request.set(beast::http::field::host, "127.0.0.1");
    if (!cookie_.empty()) request.set(beast::http::field::cookie, cookie_);
    if (!csrf_.empty()) request.set("X-CSRF-Token", csrf_);
    if (!body.empty()) request.set(beast::http::field::content_type, "application/json");
    request.body() = std::move(body);
    request.prepare_payload();
    beast::http::write(socket_, request);
    beast::http::response<beast::http::string_body> response;
    beast::http::read(socket_, buffer_, response);
    return response;
  }

 private:
  asio::io_context context_;
  asio::ip::tcp::socket socket_;
  beast::flat_buffer buffer_;
  std::string cookie_;
  std::string csrf_;
};

}  // namespace bench
