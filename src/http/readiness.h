// Readiness: /readyz answers 200 only when the server can take writes.
//
// A ReadinessProbe runs named checks (e.g. "firm store": a query on the
// connection that writes the firm's data; "account store": one on the
// connection that writes sessions and the audit log) every time it is asked,
// so that a database that came back but whose connection has not yet
// recovered answers 503, not 200. Each check must touch the very connection
// writes use: a PostgreSQL connection recovers on its first use after the
// outage, and the probe's query is that use.
//
// The outage and the recovery are written to the server's error log
// (LogServerError): the first failing check with its detail when the server
// stops being ready, and how long it was not ready when it is again.
//
// Thread safety: operator() may be called from several threads at once.
#pragma once

#include <chrono>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"

namespace guild::http {

struct ReadinessCheck {
  std::string name;             //!< e.g. "firm store"; named in the log
  std::function<Status()> run;  //!< OK when this part can take writes
};

class ReadinessProbe {
 public:
  explicit ReadinessProbe(std::vector<ReadinessCheck> checks);

  //! Runs every check in order, stopping at the first failure; true when all
  //! passed. Logs a change from ready to not ready and back.
  bool operator()();

 private:
  const std::vector<ReadinessCheck> checks_;
  std::mutex mu_;
  bool ready_ = true;  // GUARDED_BY(mu_): as last seen; a server starts ready
  std::chrono::steady_clock::time_point down_since_;  // GUARDED_BY(mu_)
};

}  // namespace guild::http
