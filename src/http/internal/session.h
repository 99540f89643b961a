// One client connection: reads requests in order (pipelining-safe), serves
// each, and closes on error, timeout, `Connection: close` or shutdown.
#pragma once

#include "http/internal/server_core.h"

namespace guild::http::internal {

//! One client connection, with or without TLS (session.cc).
class Session {
 public:
  virtual ~Session() = default;
  //! Closes the connection if it is waiting for a new request (used by Stop).
  //! REQUIRES: called on the session's shard thread.
  virtual void CloseIfIdle() = 0;
  //! Closes this idle connection to make room for a new one.
  virtual void Evict() = 0;
};

//! Starts serving `socket` (from the peer IP `address`) on `shard`'s thread,
//! over TLS when core.tls() is set.
//! The session counts itself in `shard.sessions` while alive, in
//! `shard.idle` while it waits for a request, and calls
//! core.SessionEnded(address) when done.
//! REQUIRES: `socket` belongs to shard.context; the caller has counted the
//! connection.
void SpawnSession(ServerCore& core, IoShard& shard, asio::ip::tcp::socket socket,
                  std::string address);

//! Closes the shard's connection that has waited longest for a request, if
//! any (to admit a new connection at the limit).
//! REQUIRES: called on the shard's thread.
void EvictOldestIdle(IoShard& shard);

}  // namespace guild::http::internal
