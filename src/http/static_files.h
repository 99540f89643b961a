// Serving the web app's built files (a Vite `dist/` folder) from a directory.
//
// Serve() maps a decoded request path to a file under the root:
//   - "/" and SPA routes (no file extension in the last segment, not under
//     /api/) answer the index file, so client-side routing works;
//   - any "." or ".." segment, backslash, NUL, or a file that resolves (via
//     symlinks) outside the root gives 404 and never reads the file;
//   - content type by extension; strong ETag from the content (the server
//     answers 304 on a match); Cache-Control "public, max-age=31536000,
//     immutable" under the immutable prefix (Vite's hashed /assets/), else
//     "no-cache".
// Files up to max_cached_bytes are cached in memory and re-read when their
// size or modification time changes.
//
// Thread safety: Serve() may be called concurrently. It reads the disk, so
// register it to run on the worker pool (the default).
#pragma once

#include <cstddef>
#include <memory>
#include <string>

#include "common/status.h"
#include "http/types.h"

namespace guild::http {

struct StaticFilesOptions {
  std::string root;                           //!< Directory holding index.html.
  std::string index_file = "index.html";      //!< Served for "/" and SPA routes.
  std::string immutable_prefix = "/assets/";  //!< Long-cached, content-hashed files.
  std::size_t max_cached_bytes = 64 << 20;    //!< Total bytes kept in memory.
};

class StaticFiles {
 public:
  //! Fails with kNotFound when the root is not an existing directory.
  static Result<std::unique_ptr<StaticFiles>> Open(StaticFilesOptions options);
  ~StaticFiles();
  StaticFiles(const StaticFiles&) = delete;
  StaticFiles& operator=(const StaticFiles&) = delete;

  //! 200 with the file, 404 problem when absent or refused, 405 for a method
  //! other than GET/HEAD.
  Response Serve(const Request& request) const;

  //! Content type for a file name's extension; application/octet-stream if unknown.
  static std::string_view ContentTypeFor(std::string_view file_name);

 private:
  struct Impl;
  explicit StaticFiles(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace guild::http
