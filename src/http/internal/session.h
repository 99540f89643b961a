// One client connection: reads requests in order (pipelining-safe), serves
// each, and closes on error, timeout, `Connection: close` or shutdown.
#pragma once

#include "http/internal/server_core.h"

namespace guild::http::internal {

//! Starts serving `socket` on `shard`'s thread. The session counts itself in
//! `shard.sessions` while alive and calls core.SessionEnded() when done.
//! REQUIRES: `socket` belongs to shard.context; the caller has counted the
//! connection.
void SpawnSession(ServerCore& core, IoShard& shard, asio::ip::tcp::socket socket);

//! Closes the connection if it is waiting for a new request (used by Stop).
//! REQUIRES: called on the session's shard thread.
void CloseIfIdle(Session& session);

}  // namespace guild::http::internal
