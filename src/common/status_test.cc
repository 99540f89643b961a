#include "common/status.h"

#include <gtest/gtest.h>

namespace guild {
namespace {

Result<int> Half(int x) {
  if (x % 2 != 0) return InvalidArgument("odd");
  return x / 2;
}

Result<int> Quarter(int x) {
  ASSIGN_OR_RETURN(int h, Half(x));
  return Half(h);
}

Status CheckEven(int x) {
  RETURN_IF_ERROR(Half(x).status());
  return OkStatus();
}

TEST(StatusTest, OkAndErrors) {
  EXPECT_TRUE(OkStatus().ok());
  Status s = NotFound("no such person");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.code(), StatusCode::kNotFound);
  EXPECT_EQ(s.ToString(), "not_found: no such person");
}

TEST(StatusTest, MacrosPropagate) {
  EXPECT_EQ(*Quarter(8), 2);
  EXPECT_EQ(Quarter(6).status().code(), StatusCode::kInvalidArgument);
  EXPECT_TRUE(CheckEven(4).ok());
  EXPECT_FALSE(CheckEven(3).ok());
}

TEST(StatusTest, InvalidFieldSaysWhereAndKeepsItThroughCopies) {
  Status s = InvalidField("options.horizon_weeks", "an integer from 1 to 104", "0", "body");
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "options.horizon_weeks: expected an integer from 1 to 104, got 0");
  Result<int> carried = s;
  const ErrorLocation* where = carried.status().where();
  ASSERT_NE(where, nullptr);
  EXPECT_EQ(where->field, "options.horizon_weeks");
  EXPECT_EQ(where->location, "body");
  EXPECT_EQ(where->expected, "an integer from 1 to 104");
  EXPECT_EQ(where->value, "0");
  EXPECT_EQ(InvalidArgument("no field").where(), nullptr);
}

}  // namespace
}  // namespace guild
