#include "http/readiness.h"

#include <cstdio>

#include "http/access_log.h"

namespace guild::http {

ReadinessProbe::ReadinessProbe(std::vector<ReadinessCheck> checks) : checks_(std::move(checks)) {}

bool ReadinessProbe::operator()() {
  Status failed;
  std::string failed_check;
  for (const ReadinessCheck& check : checks_) {
    failed = check.run();
    if (!failed.ok()) {
      failed_check = check.name;
      break;
    }
  }
  const bool ready = failed.ok();
  std::lock_guard lock(mu_);
  if (ready == ready_) return ready;
  ready_ = ready;
  if (!ready) {
    down_since_ = std::chrono::steady_clock::now();
    LogServerError("not ready: " + failed_check + ": " + failed.ToString());
  } else {
    const std::chrono::duration<double> down = std::chrono::steady_clock::now() - down_since_;
    char seconds[32];
    std::snprintf(seconds, sizeof(seconds), "%.1f", down.count());
    LogServerError(std::string("ready again after ") + seconds + " s not ready");
  }
  return ready;
}

}  // namespace guild::http
