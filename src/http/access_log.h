// Structured access logs: one JSON object per line per request.
//
// {"time":"2024-05-01T12:00:00.123Z","request_id":"...","method":"GET",
//  "path":"/api/v1/people/{id}","status":200,"duration_ms":0.42,"bytes":2048,
//  "client":"127.0.0.1:50000"}
// "path" is the route template (never raw ids), "<unmatched>" when no route
// matched and "<invalid>" when the request could not be parsed.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace guild::http {

//! Receives one complete line (ending in '\n'). Called from I/O threads
//! concurrently: a sink must be thread-safe.
using LogSink = std::function<void(std::string_view line)>;

struct AccessLogEntry {
  std::chrono::system_clock::time_point time;
  std::string_view request_id;
  std::string_view method;
  std::string_view route;
  int status = 0;
  double duration_ms = 0;
  std::size_t bytes = 0;  //!< Response body bytes sent.
  std::string_view client;
};

//! The JSON line for `entry`, newline included.
std::string FormatAccessLog(const AccessLogEntry& entry);
//! "2024-05-01T12:00:00.123Z" (UTC, millisecond precision).
std::string FormatUtcTime(std::chrono::system_clock::time_point time);
//! A sink writing each line to stderr with a single write.
LogSink StderrLogSink();

//! The JSON line {"time":...,"level":"error","message":...} (newline included).
std::string FormatErrorLog(std::chrono::system_clock::time_point time, std::string_view message);
//! Where LogServerError writes; stderr unless replaced. Not thread-safe to
//! replace: set it before serving (tests replace it to read what was logged).
void SetErrorLogSink(LogSink sink);
//! Writes `message` to the server's error log: what a client must not see
//! (a database's address, an internal failure), for the operator.
void LogServerError(std::string_view message);

}  // namespace guild::http
