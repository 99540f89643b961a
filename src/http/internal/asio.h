// Boost.Asio for guild_http. Boost 1.74's awaitable.hpp uses std::exchange
// without including <utility>, so <utility> must come first.
#pragma once

// clang-format off
#include <utility>
#include <boost/asio.hpp>
// clang-format on
