// Response policy shared by every answer: conditional GET and header values.
#pragma once

#include <chrono>
#include <string>
#include <string_view>

#include "http/types.h"

namespace guild::http::internal {

//! For a 200 answer to GET/HEAD: fills a missing ETag from the body and turns
//! the answer into 304 (no body) when If-None-Match matches.
void ApplyConditional(const Request& request, Response& response);

//! True for statuses that never carry a body (1xx, 204, 304).
inline bool StatusHasNoBody(int status) { return status < 200 || status == 204 || status == 304; }

//! X-Request-Id accepted from a client: 1..128 of [A-Za-z0-9._-].
bool IsValidRequestId(std::string_view id);

//! IMF-fixdate for the Date header, recomputed at most once per second per thread.
const std::string& HttpDate(std::chrono::system_clock::time_point now);

}  // namespace guild::http::internal
