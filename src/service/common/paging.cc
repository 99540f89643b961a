#include "service/common/paging.h"

#include <sodium.h>

#include <charconv>
#include <vector>

namespace guild {
namespace {

constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
constexpr std::string_view kCursorTag = "c1:";

}  // namespace

Status CheckPageLimit(int limit) {
  if (limit < 1 || limit > kMaxPageLimit) {
    return InvalidField("limit", "an integer from 1 to " + std::to_string(kMaxPageLimit));
  }
  return OkStatus();
}

std::string EncodeCursor(std::string_view key) {
  std::string plain = std::string(kCursorTag) + std::string(key);
  std::vector<char> text(sodium_base64_ENCODED_LEN(plain.size(), kVariant));
  sodium_bin2base64(text.data(), text.size(), reinterpret_cast<const unsigned char*>(plain.data()),
                    plain.size(), kVariant);
  return std::string(text.data());
}

Result<std::string> DecodeCursor(std::string_view cursor) {
  std::vector<unsigned char> plain(cursor.size());
  size_t length = 0;
  if (sodium_base642bin(plain.data(), plain.size(), cursor.data(), cursor.size(), nullptr, &length,
                        nullptr, kVariant) != 0) {
    return InvalidField("cursor", "a next_cursor from a previous page");
  }
  std::string text(plain.begin(), plain.begin() + static_cast<long>(length));
  if (!text.starts_with(kCursorTag)) {
    return InvalidField("cursor", "a next_cursor from a previous page");
  }
  return text.substr(kCursorTag.size());
}

std::string EncodeOffsetCursor(size_t offset) { return EncodeCursor(std::to_string(offset)); }

Result<size_t> DecodeOffsetCursor(std::string_view cursor) {
  if (cursor.empty()) return size_t{0};
  ASSIGN_OR_RETURN(std::string key, DecodeCursor(cursor));
  size_t offset = 0;
  auto [end, error] = std::from_chars(key.data(), key.data() + key.size(), offset);
  if (error != std::errc() || end != key.data() + key.size()) {
    return InvalidField("cursor", "a next_cursor from a previous page");
  }
  return offset;
}

}  // namespace guild
