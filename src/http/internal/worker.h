// Running a blocking handler on the worker pool from an I/O coroutine.
#pragma once

#include <type_traits>

#include "http/internal/asio.h"
#include "http/types.h"

namespace guild::http::internal {

//! co_await RunOnPool(pool, fn): runs `fn` (returning a Response or another
//! value) on `pool` and resumes the awaiting coroutine on its own executor
//! with the result. The coroutine stays suspended meanwhile, so `fn` may
//! reference its locals.
template <typename Fn>
auto RunOnPool(boost::asio::thread_pool& pool, Fn fn) {
  namespace asio = boost::asio;
  using Value = std::invoke_result_t<Fn&>;
  return asio::async_initiate<const asio::use_awaitable_t<>&, void(Value)>(
      [&pool](auto handler, Fn work) {
        asio::post(pool, [handler = std::move(handler), work = std::move(work)]() mutable {
          Value response = work();
          const auto executor = asio::get_associated_executor(handler);
          asio::post(executor,
                     [handler = std::move(handler), response = std::move(response)]() mutable {
                       std::move(handler)(std::move(response));
                     });
        });
      },
      asio::use_awaitable, std::move(fn));
}

}  // namespace guild::http::internal
