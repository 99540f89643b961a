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

}  // namespace guild::http
