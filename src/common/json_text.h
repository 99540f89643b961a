// Checks on JSON text made before it is parsed, so that hostile input can
// neither exhaust the stack nor abort a parser that throws on numbers beyond
// a double.
//
// ScanJsonText walks the text once, without allocating per value, and finds
// (1) the first place where arrays and objects nest deeper than a limit and
// (2) every number token whose value overflows a double ("1e309", "-1e400").
// It does not validate syntax: the parser that runs afterwards does.
// Every JSON reader in Guild (HTTP bodies, import files, plan files) calls it
// first and turns what it finds into a message naming the field.
//
// Thread safety: pure functions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace guild {

//! The largest finite double, written for messages.
inline constexpr std::string_view kDoubleRangeExpected =
    "a number between -1.7976931348623157e308 and 1.7976931348623157e308";

//! A number token too large for a double.
struct JsonNumberOutOfRange {
  std::size_t offset = 0;  //!< byte offset of the token's first character
  std::size_t length = 0;  //!< the token's length in bytes
  //! Object keys from the outermost object down to the one holding the
  //! number (array positions are not listed), as written between the quotes.
  std::vector<std::string> keys;
};

struct JsonTextScan {
  //! Byte offset of the '[' or '{' that first nests deeper than max_depth.
  std::optional<std::size_t> too_deep_at;
  //! Numbers beyond a double, in text order; at most `max_numbers` of them.
  std::vector<JsonNumberOutOfRange> out_of_range;
};

//! Scans `text` (see above). Scanning stops at the first too-deep bracket.
JsonTextScan ScanJsonText(std::string_view text, int max_depth, std::size_t max_numbers = 100);

//! 1-based line of a byte offset (offsets past the end count to the end).
int LineOfOffset(std::string_view text, std::size_t offset);

}  // namespace guild
