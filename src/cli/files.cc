#include "cli/files.h"

#include <filesystem>
#include <fstream>

namespace guild::cli {

Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  std::error_code error;
  auto size = std::filesystem::file_size(path, error);
  if (error) return NotFound("cannot read " + path + ": " + error.message());
  if (size > max_bytes) {
    return InvalidArgument(path + " has " + std::to_string(size) + " bytes; the limit is " +
                           std::to_string(max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  std::string content(size, '\0');
  if (!in.read(content.data(), static_cast<std::streamsize>(size))) {
    return Internal("cannot read " + path);
  }
  return content;
}

}  // namespace guild::cli
