// Paging of lists: a limit and an opaque cursor naming where the next page
// starts.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace guild {

inline constexpr int kDefaultPageLimit = 50;
inline constexpr int kMaxPageLimit = 500;

struct PageRequest {
  int limit = kDefaultPageLimit;  //!< 1..kMaxPageLimit
  std::string cursor;             //!< empty for the first page
};

template <typename T>
struct Page {
  std::vector<T> items;
  std::string next_cursor;  //!< empty on the last page
};

//! kInvalidArgument naming the field when limit is outside 1..kMaxPageLimit.
Status CheckPageLimit(int limit);

//! Wraps a position key into an opaque, URL-safe cursor.
std::string EncodeCursor(std::string_view key);
//! The key inside a cursor; kInvalidArgument for text no EncodeCursor made.
Result<std::string> DecodeCursor(std::string_view cursor);

//! A cursor holding a position in a list (EncodeCursor of its decimal form).
std::string EncodeOffsetCursor(size_t offset);
//! The position in a cursor EncodeOffsetCursor made; 0 for an empty cursor;
//! kInvalidArgument naming "cursor" for any other text.
Result<size_t> DecodeOffsetCursor(std::string_view cursor);

}  // namespace guild
