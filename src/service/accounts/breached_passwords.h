// The breached-password list: passwords known from data breaches, refused
// when a password is set (`guild serve --breached-passwords FILE`, and the
// same flag on `guild user add|passwd`).
//
// The file is Have I Been Pwned's "Pwned Passwords" list as its downloader
// writes it ordered by hash: one line per password, the upper-case hex SHA-1
// of the password, optionally ":" and a count, lines in ascending order of
// hash (CRLF or LF). Lower-case hex is accepted too. The file is memory-mapped
// and searched by bisection, so its size (about 40 GB for the whole list) costs
// neither memory nor start-up time.
//
// Thread safety: Contains may be called from any thread.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>

#include "common/status.h"

namespace guild {

class BreachedPasswords {
 public:
  //! Maps `path` and checks its form: kInvalidArgument naming the file, the
  //! line and what was expected when a checked line is not `HEX40[:COUNT]` or
  //! the lines are not in ascending order; kNotFound when it cannot be opened.
  //! Files up to 64 MiB are checked line by line; larger ones at their first
  //! and last 1,000 lines and at 4,096 evenly spread lines.
  static Result<std::shared_ptr<const BreachedPasswords>> Open(const std::string& path);

  ~BreachedPasswords();
  BreachedPasswords(const BreachedPasswords&) = delete;
  BreachedPasswords& operator=(const BreachedPasswords&) = delete;

  //! True when the SHA-1 of `password` is on the list.
  bool Contains(std::string_view password) const;
  //! True when `sha1_hex` (40 hex digits, either case) is on the list.
  bool ContainsSha1(std::string_view sha1_hex) const;

 private:
  BreachedPasswords(const char* data, std::size_t size) : data_(data), size_(size) {}
  const char* data_;
  std::size_t size_;
};

//! Upper-case hex SHA-1 of `text` (what the list holds).
std::string Sha1Hex(std::string_view text);

}  // namespace guild
