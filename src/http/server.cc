#include "http/server.h"

#include <csignal>

#include "http/internal/server_core.h"

namespace guild::http {

Server::Server(ServerOptions options, Router router)
    : core_(std::make_unique<internal::ServerCore>(std::move(options), std::move(router))) {}

Server::~Server() = default;

Status Server::Start() { return core_->Start(); }
std::uint16_t Server::port() const { return core_->port(); }
void Server::Stop() { core_->Stop(); }
MetricsRegistry& Server::metrics() { return core_->metrics(); }

void WaitForTerminationSignal() {
  boost::asio::io_context context(1);
  boost::asio::signal_set signals(context, SIGINT, SIGTERM);
  signals.async_wait([](const boost::system::error_code&, int) {});
  context.run();
}

}  // namespace guild::http
