// What each client address holds of the server: open connections and bytes
// of request bodies being read or handled, plus the total of those bytes over
// all clients. One client can then neither take every connection nor fill the
// memory with bodies (ServerOptions' per-address and in-flight limits).
//
// Thread safety: all methods may be called from several threads at once.
#pragma once

#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace guild::http::internal {

struct ClientLimitOptions {
  std::size_t max_connections_per_address = 0;  //!< 0: no limit
  std::size_t max_body_bytes_per_address = 0;   //!< 0: no limit
  std::size_t max_body_bytes_in_flight = 0;     //!< all addresses together; 0: no limit
};

class ClientLimits {
 public:
  explicit ClientLimits(ClientLimitOptions options) : options_(options) {}

  //! Counts one more connection from `address`; false (and nothing counted)
  //! when the address is at its limit.
  [[nodiscard]] bool AddConnection(const std::string& address);
  //! REQUIRES: a matching AddConnection succeeded.
  void RemoveConnection(const std::string& address);

  enum class Reservation { kGranted, kAddressFull, kServerFull };
  //! Reserves `bytes` of body for `address`; nothing is reserved unless granted.
  [[nodiscard]] Reservation ReserveBody(const std::string& address, std::size_t bytes);
  //! REQUIRES: a matching ReserveBody was granted.
  void ReleaseBody(const std::string& address, std::size_t bytes);

  //! Open connections from `address` (for tests and metrics).
  [[nodiscard]] std::size_t Connections(const std::string& address) const;
  //! Body bytes reserved by every address.
  [[nodiscard]] std::size_t BodyBytesInFlight() const;

 private:
  struct Usage {
    std::size_t connections = 0;
    std::size_t body_bytes = 0;
  };
  void EraseIfUnused(std::unordered_map<std::string, Usage>::iterator it);

  const ClientLimitOptions options_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Usage> usage_;  // GUARDED_BY(mutex_)
  std::size_t body_bytes_ = 0;                    // GUARDED_BY(mutex_)
};

}  // namespace guild::http::internal
