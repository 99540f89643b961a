#include "http/internal/client_limits.h"

namespace guild::http::internal {

bool ClientLimits::AddConnection(const std::string& address) {
  std::lock_guard lock(mutex_);
  Usage& usage = usage_[address];
  if (options_.max_connections_per_address > 0 &&
      usage.connections >= options_.max_connections_per_address) {
    EraseIfUnused(usage_.find(address));
    return false;
  }
  ++usage.connections;
  return true;
}

void ClientLimits::RemoveConnection(const std::string& address) {
  std::lock_guard lock(mutex_);
  auto it = usage_.find(address);
  if (it == usage_.end() || it->second.connections == 0) return;
  --it->second.connections;
  EraseIfUnused(it);
}

ClientLimits::Reservation ClientLimits::ReserveBody(const std::string& address, std::size_t bytes) {
  std::lock_guard lock(mutex_);
  if (options_.max_body_bytes_in_flight > 0 &&
      body_bytes_ + bytes > options_.max_body_bytes_in_flight) {
    return Reservation::kServerFull;
  }
  Usage& usage = usage_[address];
  if (options_.max_body_bytes_per_address > 0 &&
      usage.body_bytes + bytes > options_.max_body_bytes_per_address) {
    EraseIfUnused(usage_.find(address));
    return Reservation::kAddressFull;
  }
  usage.body_bytes += bytes;
  body_bytes_ += bytes;
  return Reservation::kGranted;
}

void ClientLimits::ReleaseBody(const std::string& address, std::size_t bytes) {
  std::lock_guard lock(mutex_);
  auto it = usage_.find(address);
  if (it == usage_.end()) return;
  const std::size_t released = std::min(bytes, it->second.body_bytes);
  it->second.body_bytes -= released;
  body_bytes_ -= std::min(released, body_bytes_);
  EraseIfUnused(it);
}

std::size_t ClientLimits::Connections(const std::string& address) const {
  std::lock_guard lock(mutex_);
  auto it = usage_.find(address);
  return it == usage_.end() ? 0 : it->second.connections;
}

std::size_t ClientLimits::BodyBytesInFlight() const {
  std::lock_guard lock(mutex_);
  return body_bytes_;
}

void ClientLimits::EraseIfUnused(std::unordered_map<std::string, Usage>::iterator it) {
  if (it != usage_.end() && it->second.connections == 0 && it->second.body_bytes == 0) {
    usage_.erase(it);
  }
}

}  // namespace guild::http::internal
