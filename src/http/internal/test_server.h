// Test helpers: a server on port 0 whose access log lines are captured.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "http/server.h"

namespace guild::http::testing {

//! Thread-safe access-log capture.
class LogCapture {
 public:
  LogSink sink() {
    return [this](std::string_view line) {
      std::lock_guard lock(mutex_);
      lines_.emplace_back(line);
    };
  }
  std::vector<std::string> lines() const {
    std::lock_guard lock(mutex_);
    return lines_;
  }

 private:
  mutable std::mutex mutex_;
  std::vector<std::string> lines_;
};

//! Starts a server (fails the test if it cannot).
inline std::unique_ptr<Server> StartServer(ServerOptions options, Router router) {
  auto server = std::make_unique<Server>(std::move(options), std::move(router));
  const Status status = server->Start();
  EXPECT_TRUE(status.ok()) << status.ToString();
  return server;
}

}  // namespace guild::http::testing
