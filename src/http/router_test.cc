#include "http/router.h"

#include <gtest/gtest.h>

namespace guild::http {
namespace {

Handler Named(const std::string& name) {
  return [name](const Request&) { return TextResponse(name, "text/plain"); };
}

std::string Call(const RouteMatch& match) { return match.route->handler(Request{}).body; }

class RouterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(router_.Get("/api/v1/people", Named("list")).ok());
    ASSERT_TRUE(router_.Get("/api/v1/people/{id}", Named("one")).ok());
    ASSERT_TRUE(router_.Get("/api/v1/people/me", Named("me")).ok());
    ASSERT_TRUE(router_.Add(Method::kDelete, "/api/v1/tokens/{id}", Named("delete")).ok());
    ASSERT_TRUE(router_.Post("/api/v1/teams/{team}/members/{person}", Named("add")).ok());
  }
  Router router_;
};

TEST_F(RouterTest, MatchesLiteralsAndParameters) {
  RouteMatch match = router_.Match(Method::kGet, "/api/v1/people");
  ASSERT_EQ(match.kind, RouteMatch::Kind::kFound);
  EXPECT_EQ(Call(match), "list");
  match = router_.Match(Method::kGet, "/api/v1/people/p%2F1%20x");
  ASSERT_EQ(match.kind, RouteMatch::Kind::kFound);
  EXPECT_EQ(Call(match), "one");
  EXPECT_EQ(match.params, (Fields{{"id", "p/1 x"}}));
  match = router_.Match(Method::kPost, "/api/v1/teams/t1/members/p2");
  EXPECT_EQ(match.params, (Fields{{"team", "t1"}, {"person", "p2"}}));
}

TEST_F(RouterTest, PrefersTheMostLiteralPattern) {
  EXPECT_EQ(Call(router_.Match(Method::kGet, "/api/v1/people/me")), "me");
}

TEST_F(RouterTest, HeadUsesGetRoutes) {
  RouteMatch match = router_.Match(Method::kHead, "/api/v1/people");
  ASSERT_EQ(match.kind, RouteMatch::Kind::kFound);
  EXPECT_EQ(Call(match), "list");
}

TEST_F(RouterTest, NotFoundAndMethodNotAllowed) {
  EXPECT_EQ(router_.Match(Method::kGet, "/api/v1/nothing").kind, RouteMatch::Kind::kNotFound);
  EXPECT_EQ(router_.Match(Method::kGet, "/api/v1/people/").kind, RouteMatch::Kind::kNotFound);
  EXPECT_EQ(router_.Match(Method::kGet, "/api/v1/people/a/b").kind, RouteMatch::Kind::kNotFound);
  RouteMatch match = router_.Match(Method::kPost, "/api/v1/people/p1");
  EXPECT_EQ(match.kind, RouteMatch::Kind::kMethodNotAllowed);
  EXPECT_EQ(match.allow, "GET, HEAD");
  match = router_.Match(Method::kGet, "/api/v1/tokens/t1");
  EXPECT_EQ(match.kind, RouteMatch::Kind::kMethodNotAllowed);
  EXPECT_EQ(match.allow, "DELETE");
}

TEST_F(RouterTest, BadPathsAreReported) {
  EXPECT_EQ(router_.Match(Method::kGet, "/api/v1/people/%FF").kind, RouteMatch::Kind::kBadPath);
  EXPECT_EQ(router_.Match(Method::kGet, "/api/v1/people/%2").kind, RouteMatch::Kind::kBadPath);
  EXPECT_EQ(router_.Match(Method::kGet, "/a%00").kind, RouteMatch::Kind::kBadPath);
  EXPECT_EQ(router_.Match(Method::kGet, "people").kind, RouteMatch::Kind::kBadPath);
}

TEST_F(RouterTest, BindRouteFillsTheRequestOrGivesTheServersAnswer) {
  Request request;
  request.method = Method::kGet;
  request.target = "/api/v1/people/p%201?limit=5&q=a%20b";
  RouteMatch match = router_.Match(Method::kGet, "/api/v1/people/p%201");
  EXPECT_FALSE(BindRoute(match, request).has_value());
  EXPECT_EQ(request.route, "/api/v1/people/{id}");
  EXPECT_EQ(request.param("id"), "p 1");
  EXPECT_EQ(request.query("q"), "a b");
  EXPECT_EQ(request.query("limit"), "5");

  request.target = "/api/v1/people?q=%ZZ";
  match = router_.Match(Method::kGet, "/api/v1/people");
  std::optional<Response> answer = BindRoute(match, request);
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ(answer->status, 400);
  EXPECT_NE(answer->body.find("bad_query"), std::string::npos);

  match = router_.Match(Method::kPost, "/api/v1/people");
  answer = BindRoute(match, request);
  ASSERT_TRUE(answer.has_value());
  EXPECT_EQ(answer->status, 405);
  match = router_.Match(Method::kGet, "/api/v1/nothing");
  EXPECT_EQ(BindRoute(match, request)->status, 404);
  match = router_.Match(Method::kGet, "/api/v1/people/%00");
  EXPECT_EQ(BindRoute(match, request)->status, 400);
}

TEST_F(RouterTest, FallbackServesNonApiGets) {
  router_.SetFallback(Named("static"));
  EXPECT_EQ(Call(router_.Match(Method::kGet, "/teams/t1")), "static");
  EXPECT_EQ(Call(router_.Match(Method::kHead, "/")), "static");
  EXPECT_EQ(router_.Match(Method::kGet, "/api/v1/nothing").kind, RouteMatch::Kind::kNotFound);
  EXPECT_EQ(router_.Match(Method::kPost, "/teams").kind, RouteMatch::Kind::kNotFound);
}

TEST_F(RouterTest, RejectsBadAndDuplicatePatterns) {
  EXPECT_EQ(router_.Get("/api/v1/people", Named("x")).code(), StatusCode::kAlreadyExists);
  EXPECT_EQ(router_.Get("api", Named("x")).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(router_.Get("/a/{}", Named("x")).code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(router_.Get("/a/x{id}", Named("x")).code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(router_.Add(Method::kPut, "/api/v1/people", Named("put")).ok());
}

}  // namespace
}  // namespace guild::http
