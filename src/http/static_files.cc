#include "http/static_files.h"

#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <sstream>
#include <utility>

#include "http/problem.h"

namespace guild::http {
namespace fs = std::filesystem;
namespace {

constexpr std::string_view kImmutableCache = "public, max-age=31536000, immutable";
constexpr std::string_view kRevalidateCache = "no-cache";

constexpr std::array<std::pair<std::string_view, std::string_view>, 20> kContentTypes = {{
    {".html", "text/html; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".json", "application/json; charset=utf-8"},
    {".map", "application/json; charset=utf-8"},
    {".webmanifest", "application/manifest+json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".jpg", "image/jpeg"},
    {".jpeg", "image/jpeg"},
    {".gif", "image/gif"},
    {".webp", "image/webp"},
    {".ico", "image/x-icon"},
    {".woff", "font/woff"},
    {".woff2", "font/woff2"},
    {".ttf", "font/ttf"},
    {".txt", "text/plain; charset=utf-8"},
    {".xml", "application/xml"},
    {".wasm", "application/wasm"},
}};

struct CachedFile {
  fs::file_time_type modified;
  std::uintmax_t size = 0;
  std::string body;
  std::string etag;
};

Response FileNotFound() { return ProblemResponse(MakeProblem(404, "not_found", "No such file.")); }

bool IsSafeSegment(std::string_view segment) {
  return !segment.empty() && segment != "." && segment != ".." &&
         segment.find_first_of(std::string_view("\\\0:", 3)) == std::string_view::npos;
}

// The path relative to the root, or nullopt when any segment is unsafe.
std::optional<std::string> RelativePath(std::string_view path) {
  if (path.empty() || path.front() != '/') return std::nullopt;
  path.remove_prefix(1);
  std::string relative;
  while (!path.empty()) {
    const std::size_t slash = path.find('/');
    const std::string_view segment = path.substr(0, slash);
    if (!IsSafeSegment(segment)) return std::nullopt;
    relative.append(relative.empty() ? "" : "/").append(segment);
    if (slash == std::string_view::npos) break;
    path.remove_prefix(slash + 1);
    if (path.empty()) return std::nullopt;  // trailing slash
  }
  return relative;
}

bool HasExtension(std::string_view relative) {
  const std::size_t slash = relative.rfind('/');
  const std::string_view last =
      slash == std::string_view::npos ? relative : relative.substr(slash + 1);
  return last.find('.') != std::string_view::npos;
}

bool IsInside(const fs::path& root, const fs::path& candidate) {
  const std::string root_text = root.native() + "/";
  return candidate.native().rfind(root_text, 0) == 0;
}

}  // namespace

struct StaticFiles::Impl {
  StaticFilesOptions options;
  fs::path root;  // canonical
  mutable std::mutex mutex;
  mutable std::map<std::string, CachedFile> cache;  // GUARDED_BY(mutex)
  mutable std::size_t cached_bytes = 0;             // GUARDED_BY(mutex)

  std::optional<CachedFile> Load(const std::string& relative) const;
  std::optional<CachedFile> Lookup(const std::string& relative) const;
};

std::optional<CachedFile> StaticFiles::Impl::Load(const std::string& relative) const {
  std::error_code error;
  const fs::path resolved = fs::canonical(root / relative, error);
  if (error || !IsInside(root, resolved) || !fs::is_regular_file(resolved, error)) {
    return std::nullopt;
  }
  CachedFile file;
  file.modified = fs::last_write_time(resolved, error);
  file.size = fs::file_size(resolved, error);
  if (error) return std::nullopt;
  std::ifstream in(resolved, std::ios::binary);
  std::ostringstream content;
  content << in.rdbuf();
  if (!in.good() && !in.eof()) return std::nullopt;
  file.body = std::move(content).str();
  file.etag = StrongEtag(file.body);
  return file;
}

std::optional<CachedFile> StaticFiles::Impl::Lookup(const std::string& relative) const {
  std::error_code error;
  const fs::path path = root / relative;
  const auto modified = fs::last_write_time(path, error);
  const auto size = error ? 0 : fs::file_size(path, error);
  if (error) return std::nullopt;
  {
    std::lock_guard lock(mutex);
    const auto it = cache.find(relative);
    if (it != cache.end() && it->second.modified == modified && it->second.size == size) {
      return it->second;
    }
  }
  std::optional<CachedFile> file = Load(relative);
  if (!file) return std::nullopt;
  std::lock_guard lock(mutex);
  if (cached_bytes + file->body.size() <= options.max_cached_bytes) {
    const auto old = cache.find(relative);
    if (old != cache.end()) cached_bytes -= old->second.body.size();
    cached_bytes += file->body.size();
    cache[relative] = *file;
  }
  return file;
}

StaticFiles::StaticFiles(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StaticFiles::~StaticFiles() = default;

Result<std::unique_ptr<StaticFiles>> StaticFiles::Open(StaticFilesOptions options) {
  std::error_code error;
  const fs::path root = fs::canonical(options.root, error);
  if (error || !fs::is_directory(root, error)) {
    return NotFound("static file root '" + options.root + "' is not a directory");
  }
  auto impl = std::make_unique<Impl>();
  impl->options = std::move(options);
  impl->root = root;
  return std::unique_ptr<StaticFiles>(new StaticFiles(std::move(impl)));
}

std::string_view StaticFiles::ContentTypeFor(std::string_view file_name) {
  const std::size_t dot = file_name.rfind('.');
  if (dot != std::string_view::npos) {
    const std::string_view extension = file_name.substr(dot);
    for (const auto& [known, type] : kContentTypes) {
      if (known == extension) return type;
    }
  }
  return "application/octet-stream";
}

Response StaticFiles::Serve(const Request& request) const {
  if (request.method != Method::kGet && request.method != Method::kHead) {
    Response response = ProblemResponse(MakeProblem(405, "method_not_allowed", "Use GET."));
    response.headers.emplace_back("Allow", "GET, HEAD");
    return response;
  }
  std::optional<std::string> relative = RelativePath(request.path);
  if (!relative) return FileNotFound();
  if (relative->empty() || !HasExtension(*relative)) *relative = impl_->options.index_file;
  const std::optional<CachedFile> file = impl_->Lookup(*relative);
  if (!file) return FileNotFound();
  Response response = TextResponse(file->body, ContentTypeFor(*relative));
  response.etag = file->etag;
  const bool immutable = !impl_->options.immutable_prefix.empty() &&
                         request.path.rfind(impl_->options.immutable_prefix, 0) == 0;
  response.cache_control = std::string(immutable ? kImmutableCache : kRevalidateCache);
  return response;
}

}  // namespace guild::http
