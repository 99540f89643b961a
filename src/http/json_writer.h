// JsonWriter: a fast, append-only JSON text writer for hot responses.
//
// Appends to a caller-owned std::string; commas and colons are inserted
// automatically. Strings are escaped per RFC 8259: '"', '\\' and control
// characters (U+0000..U+001F as \n, \t, ... or \u00XX), plus U+2028/U+2029 so
// the output is also safe inside JavaScript. Invalid UTF-8 sequences are
// replaced by U+FFFD, so the output is always valid UTF-8. Numbers use
// std::to_chars (shortest round-trip for doubles); NaN and infinities are
// written as null.
//
// REQUIRES: calls form a well-nested document (Key only directly inside an
// object, each Key followed by one value), nesting depth <= kMaxDepth.
// Thread safety: one writer per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace guild::http {

//! Appends `text` as a quoted, escaped JSON string.
void AppendJsonString(std::string& out, std::string_view text);

class JsonWriter {
 public:
  static constexpr int kMaxDepth = 64;

  explicit JsonWriter(std::string& out) : out_(out) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  JsonWriter& BeginObject() { return Open('{'); }
  JsonWriter& EndObject() { return Close('}'); }
  JsonWriter& BeginArray() { return Open('['); }
  JsonWriter& EndArray() { return Close(']'); }

  //! Writes an object key; the next call must write its value.
  JsonWriter& Key(std::string_view key);
  JsonWriter& String(std::string_view value);
  JsonWriter& Int(std::int64_t value);
  JsonWriter& Uint(std::uint64_t value);
  JsonWriter& Double(double value);
  JsonWriter& Bool(bool value);
  JsonWriter& Null();
  //! Writes pre-rendered JSON text verbatim as one value.
  //! REQUIRES: `json` is one valid JSON value.
  JsonWriter& Raw(std::string_view json);

  //! Key(key) followed by String(value).
  JsonWriter& Member(std::string_view key, std::string_view value) {
    return Key(key).String(value);
  }
  //! Avoids a string literal binding to the bool overload.
  JsonWriter& Member(std::string_view key, const char* value) { return Key(key).String(value); }
  JsonWriter& Member(std::string_view key, std::int64_t value) { return Key(key).Int(value); }
  JsonWriter& Member(std::string_view key, int value) { return Key(key).Int(value); }
  JsonWriter& Member(std::string_view key, double value) { return Key(key).Double(value); }
  JsonWriter& Member(std::string_view key, bool value) { return Key(key).Bool(value); }

  //! Current nesting depth (0 at top level).
  int depth() const { return depth_; }

 private:
  void Separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (depth_ == 0) return;
    const std::uint64_t bit = std::uint64_t{1} << (depth_ - 1);
    if (has_items_ & bit) out_.push_back(',');
    has_items_ |= bit;
  }
  JsonWriter& Open(char bracket);
  JsonWriter& Close(char bracket);

  std::string& out_;
  std::uint64_t has_items_ = 0;  // bit d-1: the container at depth d has an item
  int depth_ = 0;
  bool after_key_ = false;
};

}  // namespace guild::http
