#include "http/access_log.h"

#include <cstdio>
#include <ctime>

#include "http/json_writer.h"

namespace guild::http {

std::string FormatUtcTime(std::chrono::system_clock::time_point time) {
  constexpr int kMillisPerSecond = 1000;
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(time.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(millis / kMillisPerSecond);
  int fraction = static_cast<int>(millis % kMillisPerSecond);
  if (fraction < 0) {
    fraction += kMillisPerSecond;
    --seconds;
  }
  std::tm parts{};
  gmtime_r(&seconds, &parts);
  char buffer[40];
  const std::size_t length = std::strftime(buffer, sizeof(buffer), "%Y-%m-%dT%H:%M:%S", &parts);
  char text[48];
  std::snprintf(text, sizeof(text), "%.*s.%03dZ", static_cast<int>(length), buffer, fraction);
  return text;
}

std::string FormatAccessLog(const AccessLogEntry& entry) {
  constexpr double kMillisRounding = 1000.0;
  std::string line;
  line.reserve(256);
  JsonWriter writer(line);
  writer.BeginObject();
  writer.Member("time", FormatUtcTime(entry.time));
  writer.Member("request_id", entry.request_id);
  writer.Member("method", entry.method);
  writer.Member("path", entry.route);
  writer.Member("status", entry.status);
  writer.Member("duration_ms",
                static_cast<double>(static_cast<long long>(entry.duration_ms * kMillisRounding)) /
                    kMillisRounding);
  writer.Key("bytes").Uint(entry.bytes);
  writer.Member("client", entry.client);
  writer.EndObject();
  line.push_back('\n');
  return line;
}

LogSink StderrLogSink() {
  return [](std::string_view line) { std::fwrite(line.data(), 1, line.size(), stderr); };
}

namespace {

LogSink& ErrorLogSink() {
  static LogSink sink = StderrLogSink();
  return sink;
}

}  // namespace

std::string FormatErrorLog(std::chrono::system_clock::time_point time, std::string_view message) {
  std::string line;
  JsonWriter writer(line);
  writer.BeginObject();
  writer.Member("time", FormatUtcTime(time));
  writer.Member("level", "error");
  writer.Member("message", message);
  writer.EndObject();
  line.push_back('\n');
  return line;
}

void SetErrorLogSink(LogSink sink) { ErrorLogSink() = std::move(sink); }

void LogServerError(std::string_view message) {
  ErrorLogSink()(FormatErrorLog(std::chrono::system_clock::now(), message));
}

}  // namespace guild::http
