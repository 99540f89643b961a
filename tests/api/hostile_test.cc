// What an attacker probing the running server found (issue 27), each fixed
// and kept fixed: requests refused before their body is read, ...
#include "api_fixture.h"

namespace guild::api::testing {
namespace {

std::string ImportHeaders(const Headers& auth, size_t announced_bytes) {
  std::string raw =
      "POST /api/v1/admin/import/people HTTP/1.1\r\nHost: t\r\n"
      "Content-Type: text/csv\r\nContent-Length: " +
      std::to_string(announced_bytes) + "\r\n";
  for (const auto& [name, value] : auth) raw += name + ": " + value + "\r\n";
  return raw + "\r\n";
}

// 16 signed-out clients sending 60 MB each took the server from 271 MB to
// 1.25 GB and got 401 only after the whole body: now the answer comes from
// the headers alone (the body is never sent here, so a late answer would
// hang until the client's timeout and fail).
TEST_F(ApiTest, ImportsAreRefusedFromTheHeadersBeforeTheBody) {
  constexpr size_t kAnnounced = 60'000'000;
  Reply anonymous = SendRaw(server_->port(), ImportHeaders({}, kAnnounced));
  EXPECT_EQ(anonymous.status, 401) << anonymous.body;
  Reply member = SendRaw(server_->port(), ImportHeaders(As("member"), kAnnounced));
  EXPECT_EQ(member.status, 403) << member.body;
  Reply no_csrf = SendRaw(server_->port(), ImportHeaders(As("admin", false), kAnnounced));
  EXPECT_EQ(no_csrf.status, 403) << no_csrf.body;
  Reply forged =
      SendRaw(server_->port(), ImportHeaders({{"Cookie", "guild_session=gs_forged"}}, kAnnounced));
  EXPECT_EQ(forged.status, 401) << forged.body;
  // Every other write is checked the same way.
  std::string users =
      "POST /api/v1/admin/users HTTP/1.1\r\nHost: t\r\nContent-Type: "
      "application/json\r\nContent-Length: 900000\r\n\r\n";
  EXPECT_EQ(SendRaw(server_->port(), users).status, 401);
  ExpectServing();
}

}  // namespace
}  // namespace guild::api::testing
