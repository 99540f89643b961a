// A standalone server for the HTTP benchmark: GET /api/v1/people?limit=&cursor=
// over the 2,000 people of the demo firm, rendered per request with the fast
// JSON writer, through guild_http (routing, query decoding, ETag, headers).
//
//   http_bench_server --taxonomy DIR [--port N] [--port-file F]
//                     [--io-threads N] [--execution inline|worker]
//   http_bench_server --taxonomy DIR --dump-body F   # writes the limit=50 body
#include <charconv>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "demo/demo.h"
#include "http/server.h"
#include "people_page.h"
#include "taxonomy/taxonomy.h"

namespace {

using guild::http::Execution;

constexpr std::size_t kDefaultLimit = 50;
constexpr std::size_t kMaxLimit = 500;
constexpr std::size_t kBytesPerPerson = 200;  // generous: one reservation per page
constexpr int kDemoPeople = 2000;
constexpr guild::Date kDemoToday{20200};

struct Flags {
  std::string taxonomy;
  int port = 0;
  std::string port_file;
  int io_threads = 2;
  Execution execution = Execution::kInline;
  std::string dump_body;
};

bool ParseFlags(int argc, char** argv, Flags& flags) {
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string name = argv[i];
    const std::string value = argv[i + 1];
    if (name == "--taxonomy")
      flags.taxonomy = value;
    else if (name == "--port")
      flags.port = std::stoi(value);
    else if (name == "--port-file")
      flags.port_file = value;
    else if (name == "--io-threads")
      flags.io_threads = std::stoi(value);
    else if (name == "--execution")
      flags.execution = value == "worker" ? Execution::kWorker : Execution::kInline;
    else if (name == "--dump-body")
      flags.dump_body = value;
    else
      return false;
  }
  return argc % 2 == 1 && !flags.taxonomy.empty();
}

std::size_t ParseSize(std::optional<std::string_view> text, std::size_t fallback) {
  if (!text) return fallback;
  std::size_t value = fallback;
  std::from_chars(text->data(), text->data() + text->size(), value);
  return value;
}

guild::http::Response PeoplePage(const std::vector<guild::Person>& people,
                                 const guild::http::Request& request) {
  const std::size_t limit = std::min(ParseSize(request.query("limit"), kDefaultLimit), kMaxLimit);
  const std::size_t offset = ParseSize(request.query("cursor"), 0);
  guild::http::Response response;
  response.body.reserve(limit * kBytesPerPerson);
  guild::bench::RenderPeoplePage(people, offset, limit, response.body);
  return response;
}

}  // namespace

int main(int argc, char** argv) {
  Flags flags;
  if (!ParseFlags(argc, argv, flags)) {
    std::cerr << "usage: http_bench_server --taxonomy DIR [--port N] [--port-file F] "
                 "[--io-threads N] [--execution inline|worker] [--dump-body F]\n";
    return 1;
  }
  auto taxonomy = guild::LoadTaxonomy({.directory = flags.taxonomy});
  if (!taxonomy.ok()) {
    std::cerr << "taxonomy: " << taxonomy.status().ToString() << "\n";
    return 1;
  }
  auto firm = guild::GenerateDemoFirm({.people = kDemoPeople, .today = kDemoToday}, *taxonomy);
  if (!firm.ok()) {
    std::cerr << "demo firm: " << firm.status().ToString() << "\n";
    return 1;
  }
  const std::vector<guild::Person> people = std::move(firm->people);
  if (!flags.dump_body.empty()) {
    std::string body;
    guild::bench::RenderPeoplePage(people, 0, kDefaultLimit, body);
    std::ofstream(flags.dump_body, std::ios::binary) << body;
    return 0;
  }
  guild::http::Router router;
  router
      .Get("/api/v1/people",
           [&people](const guild::http::Request& request) { return PeoplePage(people, request); },
           {flags.execution, std::nullopt})
      .IgnoreError();
  guild::http::ServerOptions options;
  options.port = static_cast<std::uint16_t>(flags.port);
  options.io_threads = flags.io_threads;
  options.access_log = nullptr;  // nginx runs with access_log off too
  guild::http::Server server(std::move(options), std::move(router));
  if (auto status = server.Start(); !status.ok()) {
    std::cerr << status.ToString() << "\n";
    return 1;
  }
  if (!flags.port_file.empty()) std::ofstream(flags.port_file) << server.port() << "\n";
  std::cout << "listening on 127.0.0.1:" << server.port() << std::endl;
  guild::http::WaitForTerminationSignal();
  server.Stop();
  return 0;
}
