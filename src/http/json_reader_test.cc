#include "http/json_reader.h"

#include <gtest/gtest.h>

namespace guild::http {
namespace {

struct NewUser {
  std::string email;
  std::string role;
  std::optional<std::string> person_id;
  std::optional<bool> disabled;
  std::optional<int> weekly_hours;
  std::optional<std::vector<std::string>> tags;
  std::optional<std::map<std::string, std::string>> labels;
};

ProblemOr<NewUser> ReadNewUser(std::string_view body) {
  ProblemOr<nlohmann::json> json = ParseJsonBody(body);
  if (!json.ok()) return json.problem();
  NewUser user;
  ObjectReader reader(json.value());
  reader.Required("email", user.email);
  reader.Required("role", user.role);
  reader.Optional("person_id", user.person_id);
  reader.Optional("disabled", user.disabled);
  reader.Optional("weekly_hours", user.weekly_hours);
  reader.Optional("tags", user.tags);
  reader.Optional("labels", user.labels);
  if (auto problem = reader.Finish()) return *problem;
  return user;
}

const FieldError* FindError(const Problem& problem, std::string_view field) {
  for (const FieldError& error : problem.errors) {
    if (error.field == field) return &error;
  }
  return nullptr;
}

TEST(JsonReaderTest, ReadsTypedFields) {
  auto user = ReadNewUser(
      R"({"email":"a@b.c","role":"member","person_id":null,"disabled":true,"weekly_hours":35,"tags":["x"]})");
  ASSERT_TRUE(user.ok()) << ProblemJson(user.problem());
  EXPECT_EQ(user.value().email, "a@b.c");
  EXPECT_FALSE(user.value().person_id.has_value());
  EXPECT_EQ(user.value().disabled, true);
  EXPECT_EQ(user.value().weekly_hours, 35);
  EXPECT_EQ(user.value().tags, std::vector<std::string>{"x"});
}

TEST(JsonReaderTest, NumbersBeyondADoubleAre400NamingTheField) {
  for (const char* body : {R"({"email":"a@b.c","role":"member","weekly_hours":1e309})",
                           R"({"email":"a@b.c","role":"member","weekly_hours":-1e400})"}) {
    auto user = ReadNewUser(body);
    ASSERT_FALSE(user.ok()) << body;
    EXPECT_EQ(user.problem().status, 400);
    ASSERT_NE(FindError(user.problem(), "weekly_hours"), nullptr) << ProblemJson(user.problem());
  }
  auto top = ParseJsonBody("1e309");
  ASSERT_FALSE(top.ok());
  EXPECT_EQ(top.problem().status, 400);
}

TEST(JsonReaderTest, DeepNestingIs400WithoutRecursion) {
  auto deep = ParseJsonBody(std::string(100000, '[') + std::string(100000, ']'));
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.problem().status, 400);
}

TEST(JsonReaderTest, NamesUnknownWrongAndMissingFields) {
  auto user = ReadNewUser(R"({"email":7,"admin":true,"weekly_hours":1.5})");
  ASSERT_FALSE(user.ok());
  const Problem& problem = user.problem();
  EXPECT_EQ(problem.status, 400);
  const FieldError* email = FindError(problem, "email");
  ASSERT_NE(email, nullptr);
  EXPECT_EQ(email->expected, "a string");
  EXPECT_EQ(email->value, "7");
  ASSERT_NE(FindError(problem, "role"), nullptr);
  ASSERT_NE(FindError(problem, "weekly_hours"), nullptr);
  const FieldError* admin = FindError(problem, "admin");
  ASSERT_NE(admin, nullptr);
  EXPECT_NE(admin->expected.find("no such field"), std::string::npos);
  EXPECT_NE(ProblemJson(problem).find("\"field\":\"admin\""), std::string::npos);
}

TEST(JsonReaderTest, IntegerRangesAreChecked) {
  EXPECT_FALSE(ReadNewUser(R"({"email":"a","role":"r","weekly_hours":4294967296})").ok());
  EXPECT_FALSE(ReadNewUser(R"({"email":"a","role":"r","weekly_hours":"3"})").ok());
  EXPECT_TRUE(ReadNewUser(R"({"email":"a","role":"r","weekly_hours":-3})").ok());
}

TEST(JsonReaderTest, StringMaps) {
  auto user = ReadNewUser(R"({"email":"a","role":"r","labels":{"k":"v","x":""}})");
  ASSERT_TRUE(user.ok()) << ProblemJson(user.problem());
  EXPECT_EQ(user.value().labels->at("k"), "v");
  EXPECT_EQ(user.value().labels->size(), 2u);
  for (const char* bad : {R"({"email":"a","role":"r","labels":{"k":1}})",
                          R"({"email":"a","role":"r","labels":["k"]})"}) {
    auto wrong = ReadNewUser(bad);
    ASSERT_FALSE(wrong.ok()) << bad;
    const FieldError* labels = FindError(wrong.problem(), "labels");
    ASSERT_NE(labels, nullptr);
    EXPECT_EQ(labels->expected, "an object whose values are strings");
  }
}

TEST(JsonReaderTest, NonObjectBodyIsOneProblem) {
  auto user = ReadNewUser("[1,2]");
  ASSERT_FALSE(user.ok());
  ASSERT_EQ(user.problem().errors.size(), 1u);
  EXPECT_EQ(user.problem().errors[0].expected, "a JSON object");
}

TEST(JsonReaderTest, DepthLimit) {
  const JsonLimits limits{1 << 20, 4};
  EXPECT_TRUE(ParseJsonBody("[[[[1]]]]", limits).ok());
  auto deep = ParseJsonBody("[[[[[1]]]]]", limits);
  ASSERT_FALSE(deep.ok());
  EXPECT_EQ(deep.problem().status, 400);
  EXPECT_TRUE(ParseJsonBody(R"(["[[[[[[[["])", limits).ok());  // brackets inside strings
  // A very deep document is refused before the recursive parser sees it.
  EXPECT_FALSE(ParseJsonBody(std::string(100000, '['), {}).ok());
}

TEST(JsonReaderTest, SizeUtf8AndSyntaxProblemsGiveLines) {
  EXPECT_EQ(ParseJsonBody("[1,2,3]", {4, 32}).problem().status, 413);
  auto bad_utf8 = ParseJsonBody("{\n\"a\":\n\"\xFF\"}");
  ASSERT_FALSE(bad_utf8.ok());
  EXPECT_EQ(bad_utf8.problem().errors.at(0).line, 3);
  auto syntax = ParseJsonBody("{\n\"a\": 1,\n}");
  ASSERT_FALSE(syntax.ok());
  EXPECT_EQ(syntax.problem().errors.at(0).line, 3);
  EXPECT_FALSE(ParseJsonBody("").ok());
}

}  // namespace
}  // namespace guild::http
