#include "service/accounts/breached_passwords.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

namespace guild {
namespace {

constexpr std::size_t kHexDigits = 40;
constexpr std::size_t kFullCheckBytes = std::size_t{64} << 20;
constexpr std::size_t kEdgeLines = 1000;
constexpr std::size_t kSampleLines = 4096;
constexpr std::string_view kExpected =
    "expected 40 hex digits of a SHA-1, optionally followed by ':' and a count";

char Upper(char c) { return c >= 'a' && c <= 'f' ? static_cast<char>(c - 'a' + 'A') : c; }

bool IsHex(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f');
}

// One line of the mapped file, without its line end.
struct Line {
  std::size_t start = 0;
  std::size_t end = 0;   // exclusive, before "\r\n" or "\n"
  std::size_t next = 0;  // the next line's start
};

Line LineAt(const char* data, std::size_t size, std::size_t start) {
  const void* newline = std::memchr(data + start, '\n', size - start);
  Line line{start, size, size};
  if (newline != nullptr) {
    line.end = static_cast<std::size_t>(static_cast<const char*>(newline) - data);
    line.next = line.end + 1;
  }
  if (line.end > start && data[line.end - 1] == '\r') --line.end;
  return line;
}

bool WellFormed(const char* data, const Line& line) {
  const std::size_t length = line.end - line.start;
  if (length < kHexDigits) return false;
  for (std::size_t i = 0; i < kHexDigits; ++i) {
    if (!IsHex(data[line.start + i])) return false;
  }
  if (length == kHexDigits) return true;
  if (data[line.start + kHexDigits] != ':' || length == kHexDigits + 1) return false;
  for (std::size_t i = line.start + kHexDigits + 1; i < line.end; ++i) {
    if (data[i] < '0' || data[i] > '9') return false;
  }
  return true;
}

// <0, 0, >0 as the line's hash sorts before, equal to, after `key` (40
// upper-case hex digits). REQUIRES: the line has at least 40 characters.
int Compare(const char* line, std::string_view key) {
  for (std::size_t i = 0; i < kHexDigits; ++i) {
    const char a = Upper(line[i]);
    if (a != key[i]) return a < key[i] ? -1 : 1;
  }
  return 0;
}

// Checks the form of `line` and that it does not sort before `previous`.
Status CheckLine(const std::string& path, const char* data, const Line& line, const Line* previous,
                 const std::string& where) {
  if (!WellFormed(data, line)) {
    return InvalidArgument(path + " " + where + ": " + std::string(kExpected));
  }
  if (previous != nullptr) {
    std::string key(data + previous->start, kHexDigits);
    for (char& c : key) c = Upper(c);
    if (Compare(data + line.start, key) < 0) {
      return InvalidArgument(path + " " + where +
                             ": not in ascending order of hash (use the list ordered by hash)");
    }
  }
  return OkStatus();
}

Status CheckEveryLine(const std::string& path, const char* data, std::size_t size) {
  Line previous;
  bool first = true;
  std::size_t number = 1;
  for (std::size_t start = 0; start < size; ++number) {
    const Line line = LineAt(data, size, start);
    RETURN_IF_ERROR(
        CheckLine(path, data, line, first ? nullptr : &previous, "line " + std::to_string(number)));
    previous = line;
    first = false;
    start = line.next;
  }
  return OkStatus();
}

// The start of the line holding byte `offset`.
std::size_t LineStartBefore(const char* data, std::size_t offset) {
  while (offset > 0 && data[offset - 1] != '\n') --offset;
  return offset;
}

Status CheckSample(const std::string& path, const char* data, std::size_t size) {
  auto check_run = [&](std::size_t start, std::size_t lines) -> Status {
    Line previous;
    bool first = true;
    for (std::size_t i = 0; i < lines && start < size; ++i) {
      const Line line = LineAt(data, size, start);
      RETURN_IF_ERROR(CheckLine(path, data, line, first ? nullptr : &previous,
                                "line at byte " + std::to_string(line.start)));
      previous = line;
      first = false;
      start = line.next;
    }
    return OkStatus();
  };
  RETURN_IF_ERROR(check_run(0, kEdgeLines));
  // The last kEdgeLines lines: step back from the end.
  std::size_t tail = size;
  for (std::size_t i = 0; i < kEdgeLines && tail > 0; ++i) tail = LineStartBefore(data, tail - 1);
  RETURN_IF_ERROR(check_run(tail, kEdgeLines));
  // Evenly spread lines, each against the one before it in the sample.
  Line previous;
  bool first = true;
  for (std::size_t i = 0; i < kSampleLines; ++i) {
    const std::size_t start = LineStartBefore(data, size / kSampleLines * i);
    const Line line = LineAt(data, size, start);
    RETURN_IF_ERROR(CheckLine(path, data, line, first ? nullptr : &previous,
                              "line at byte " + std::to_string(line.start)));
    previous = line;
    first = false;
  }
  return OkStatus();
}

}  // namespace

std::string Sha1Hex(std::string_view text) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_Digest(text.data(), text.size(), digest.data(), &length, EVP_sha1(), nullptr);
  static constexpr char kDigits[] = "0123456789ABCDEF";
  std::string hex;
  hex.reserve(2 * static_cast<std::size_t>(length));
  for (unsigned int i = 0; i < length; ++i) {
    hex.push_back(kDigits[digest[i] >> 4]);
    hex.push_back(kDigits[digest[i] & 0xF]);
  }
  return hex;
}

Result<std::shared_ptr<const BreachedPasswords>> BreachedPasswords::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return NotFound(path + ": cannot open the breached-password list: " + std::strerror(errno));
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    return InvalidArgument(path + ": not a regular file");
  }
  const auto size = static_cast<std::size_t>(info.st_size);
  if (size == 0) {
    ::close(fd);
    return InvalidArgument(path + ": empty; " + std::string(kExpected) + " on each line");
  }
  void* mapped = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (mapped == MAP_FAILED) {
    return Internal(path + ": cannot map the file: " + std::strerror(errno));
  }
  std::shared_ptr<const BreachedPasswords> list(
      new BreachedPasswords(static_cast<const char*>(mapped), size));
  const Status checked = size <= kFullCheckBytes ? CheckEveryLine(path, list->data_, size)
                                                 : CheckSample(path, list->data_, size);
  if (!checked.ok()) return checked;
  ::madvise(mapped, size, MADV_RANDOM);
  return list;
}

BreachedPasswords::~BreachedPasswords() { ::munmap(const_cast<char*>(data_), size_); }

bool BreachedPasswords::Contains(std::string_view password) const {
  return ContainsSha1(Sha1Hex(password));
}

bool BreachedPasswords::ContainsSha1(std::string_view sha1_hex) const {
  if (sha1_hex.size() != kHexDigits) return false;
  std::string key(sha1_hex);
  for (char& c : key) {
    if (!IsHex(c)) return false;
    c = Upper(c);
  }
  // Bisection over byte offsets; lo and hi are always line starts (or the end).
  std::size_t lo = 0, hi = size_;
  while (lo < hi) {
    const std::size_t start = LineStartBefore(data_, lo + (hi - lo) / 2);
    const Line line = LineAt(data_, size_, start);
    if (line.end - line.start < kHexDigits) return false;  // a blank last line
    const int order = Compare(data_ + line.start, key);
    if (order == 0) return true;
    if (order < 0) {
      lo = line.next;
    } else {
      hi = start;
    }
  }
  return false;
}

}  // namespace guild
