// Percent-decoding and query-string parsing (RFC 3986 / WHATWG form rules).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "common/status.h"
#include "http/types.h"

namespace guild::http {

enum class PlusMeans { kPlus, kSpace };

//! Decodes %XX escapes. Fails (kInvalidArgument) on a truncated or non-hex
//! escape, a decoded NUL byte, or a result that is not valid UTF-8.
Result<std::string> PercentDecode(std::string_view text, PlusMeans plus = PlusMeans::kPlus);

//! Splits "a=1&b=x%20y&c" into [("a","1"),("b","x y"),("c","")], decoding
//! names and values with '+' as space. Empty pieces ("a=1&&b=2") are skipped.
//! Fails with a message naming the parameter when decoding fails.
Result<Fields> ParseQuery(std::string_view query);

//! True when `text` is well-formed UTF-8 (no overlongs, surrogates or values
//! above U+10FFFF).
bool IsValidUtf8(std::string_view text);

}  // namespace guild::http
