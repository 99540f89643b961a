// The OpenAPI document lists exactly the routes the server registers.
#include <set>

#include "api_fixture.h"

namespace guild::api::testing {
namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

TEST_F(ApiTest, OpenApiDocumentCoversEveryRouteAndNoOther) {
  Reply reply = Send(server_->port(), "GET", "/api/v1/openapi.json");
  ASSERT_EQ(reply.status, 200);
  nlohmann::json doc = reply.Json();
  EXPECT_EQ(doc.value("openapi", ""), "3.1.0");
  std::set<std::string> documented;
  for (const auto& [path, operations] : doc["paths"].items()) {
    for (const auto& [method, operation] : operations.items())
      documented.insert(method + " " + path);
  }
  http::Router router;
  ASSERT_TRUE(api::AddApiRoutes(router, server_->services()).ok());
  std::set<std::string> registered;
  for (const http::Route* route : router.routes()) {
    registered.insert(Lower(http::MethodName(route->method)) + " " + route->pattern);
  }
  EXPECT_EQ(documented, registered);
}

}  // namespace
}  // namespace guild::api::testing
