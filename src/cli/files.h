// Reading input files for commands: the one way the CLI reads a whole file.
#pragma once

#include <cstddef>
#include <string>

#include "common/status.h"

namespace guild::cli {

//! The default upper limit of ReadFile: 1 GiB.
inline constexpr size_t kDefaultMaxFileBytes = size_t{1} << 30;

//! The whole file at `path`. Errors: kNotFound when it cannot be read,
//! kInvalidArgument when it has more than `max_bytes` bytes.
Result<std::string> ReadFile(const std::string& path, size_t max_bytes = kDefaultMaxFileBytes);

}  // namespace guild::cli
