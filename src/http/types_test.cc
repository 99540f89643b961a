#include "http/types.h"

#include <gtest/gtest.h>

namespace guild::http {
namespace {

TEST(TypesTest, HeaderLookupIgnoresCase) {
  Request request;
  request.headers = {{"Content-Type", "text/csv"}, {"X-Thing", "1"}};
  EXPECT_EQ(request.header("content-type"), "text/csv");
  EXPECT_EQ(request.header("X-THING"), "1");
  EXPECT_FALSE(request.header("Accept").has_value());
}

TEST(TypesTest, CookiesAreFoundAcrossHeaders) {
  Request request;
  request.headers = {{"Cookie", "a=1; guild_session=abc"}, {"cookie", "theme=\"dark\""}};
  EXPECT_EQ(request.cookie("guild_session"), "abc");
  EXPECT_EQ(request.cookie("a"), "1");
  EXPECT_EQ(request.cookie("theme"), "dark");
  EXPECT_FALSE(request.cookie("guild").has_value());
}

TEST(TypesTest, MethodsRoundTrip) {
  for (Method m : {Method::kGet, Method::kHead, Method::kPost, Method::kPut, Method::kPatch,
                   Method::kDelete, Method::kOptions}) {
    EXPECT_EQ(ParseMethod(MethodName(m)), m);
  }
  EXPECT_EQ(ParseMethod("get"), Method::kOther);
  EXPECT_EQ(ParseMethod("BREW"), Method::kOther);
}

TEST(TypesTest, StrongEtagDependsOnEveryByte) {
  const std::string body(1000, 'x');
  const std::string etag = StrongEtag(body);
  EXPECT_EQ(etag.front(), '"');
  EXPECT_EQ(etag.back(), '"');
  EXPECT_EQ(etag, StrongEtag(body));
  for (std::size_t i = 0; i < body.size(); i += 37) {
    std::string changed = body;
    changed[i] = 'y';
    EXPECT_NE(StrongEtag(changed), etag) << "byte " << i;
  }
  EXPECT_NE(StrongEtag(""), StrongEtag(std::string(1, '\0')));
}

TEST(TypesTest, IfNoneMatchUsesWeakComparison) {
  EXPECT_TRUE(IfNoneMatchMatches("\"abc\"", "\"abc\""));
  EXPECT_TRUE(IfNoneMatchMatches("W/\"abc\"", "\"abc\""));
  EXPECT_TRUE(IfNoneMatchMatches("\"x\", \"abc\"", "\"abc\""));
  EXPECT_TRUE(IfNoneMatchMatches("*", "\"abc\""));
  EXPECT_FALSE(IfNoneMatchMatches("\"abd\"", "\"abc\""));
  EXPECT_FALSE(IfNoneMatchMatches("", "\"abc\""));
}

}  // namespace
}  // namespace guild::http
