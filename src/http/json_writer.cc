#include "http/json_writer.h"

#include <array>
#include <cassert>
#include <charconv>
#include <cmath>

#include "http/internal/utf8.h"

namespace guild::http {
namespace {

constexpr char kHexDigits[] = "0123456789abcdef";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr unsigned char kFirstNonAscii = 0x80;
constexpr unsigned char kFirstPrintable = 0x20;

void AppendControl(std::string& out, unsigned char c) {
  switch (c) {
    case '\b': out.append("\\b"); return;
    case '\f': out.append("\\f"); return;
    case '\n': out.append("\\n"); return;
    case '\r': out.append("\\r"); return;
    case '\t': out.append("\\t"); return;
    default: break;
  }
  const char escape[] = {'\\', 'u', '0', '0', kHexDigits[c >> 4], kHexDigits[c & 0xF]};
  out.append(escape, sizeof(escape));
}

// Appends the non-ASCII sequence at text[i]; returns the bytes consumed.
std::size_t AppendNonAscii(std::string& out, std::string_view text, std::size_t i) {
  const std::size_t length = internal::Utf8SequenceLength(text, i);
  if (length == 0) {
    out.append(kReplacement);
    return 1;
  }
  const std::string_view sequence = text.substr(i, length);
  if (sequence == "\xE2\x80\xA8") {
    out.append("\\u2028");
  } else if (sequence == "\xE2\x80\xA9") {
    out.append("\\u2029");
  } else {
    out.append(sequence);
  }
  return length;
}

// kAttention[c]: the byte needs escaping or UTF-8 checking.
constexpr auto kAttention = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) {
    table[c] = c < kFirstPrintable || c == '"' || c == '\\' || c >= kFirstNonAscii;
  }
  return table;
}();

}  // namespace

void AppendJsonString(std::string& out, std::string_view text) {
  out.reserve(out.size() + text.size() + 2);
  out.push_back('"');
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t run = i;
    while (run < text.size() && !kAttention[bytes[run]]) ++run;
    out.append(text.data() + i, run - i);
    i = run;
    if (i == text.size()) break;
    const unsigned char c = bytes[i];
    if (c >= kFirstNonAscii) {
      i += AppendNonAscii(out, text, i);
      continue;
    }
    if (c < kFirstPrintable) {
      AppendControl(out, c);
    } else {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    }
    ++i;
  }
  out.push_back('"');
}

JsonWriter& JsonWriter::Open(char bracket) {
  Separate();
  assert(depth_ < kMaxDepth);
  out_.push_back(bracket);
  ++depth_;
  has_items_ &= ~(std::uint64_t{1} << (depth_ - 1));
  return *this;
}

JsonWriter& JsonWriter::Close(char bracket) {
  assert(depth_ > 0 && !after_key_);
  out_.push_back(bracket);
  --depth_;
  return *this;
}

JsonWriter& JsonWriter::Key(std::string_view key) {
  Separate();
  AppendJsonString(out_, key);
  out_.push_back(':');
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::String(std::string_view value) {
  Separate();
  AppendJsonString(out_, value);
  return *this;
}

JsonWriter& JsonWriter::Int(std::int64_t value) {
  Separate();
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  out_.append(buffer, result.ptr);
  return *this;
}

JsonWriter& JsonWriter::Uint(std::uint64_t value) {
  Separate();
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  out_.append(buffer, result.ptr);
  return *this;
}

JsonWriter& JsonWriter::Double(double value) {
  if (!std::isfinite(value)) return Null();
  Separate();
  char buffer[32];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  out_.append(buffer, result.ptr);
  return *this;
}

JsonWriter& JsonWriter::Bool(bool value) {
  Separate();
  out_.append(value ? "true" : "false");
  return *this;
}

JsonWriter& JsonWriter::Null() {
  Separate();
  out_.append("null");
  return *this;
}

JsonWriter& JsonWriter::Raw(std::string_view json) {
  Separate();
  out_.append(json);
  return *this;
}

}  // namespace guild::http
