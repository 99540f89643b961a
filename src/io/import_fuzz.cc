// Fuzz target: the CSV and JSON importers of every entity kind, checked
// against a store holding a small firm (so references resolve and the
// cross-row rules run). The first byte picks the kind and the format; the
// rest is the file. Properties: the import runs to a report (never an
// internal error); with errors nothing is committed, without errors exactly
// one change is; every error names the file, a line inside it (or 0) and
// what was expected.
#include <stdlib.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "io/import.h"
#include "service/testing/test_firm.h"

namespace {

guild::Store& FirmStore() {
  static guild::Store* store = [] {
    std::string dir = "/tmp/guild-import-fuzz-XXXXXX";
    if (mkdtemp(dir.data()) == nullptr) std::abort();
    auto opened = guild::OpenStore({dir + "/guild.db", true, guild::Durability::kOff});
    if (!opened.ok()) std::abort();
    if (!(*opened)->Upsert(guild::service::testing::TestFirm()).ok()) std::abort();
    return opened->release();
  }();
  return *store;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace guild;
  if (size == 0) return 0;
  constexpr size_t kKinds = std::size(kAllEntityKinds);
  const EntityKind kind = kAllEntityKinds[(data[0] >> 1) % kKinds];
  const io::Format format = (data[0] & 1) != 0 ? io::Format::kJson : io::Format::kCsv;
  std::string_view content(reinterpret_cast<const char*>(data + 1), size - 1);
  // Lines as an editor counts them: "\r\n", "\n" and a lone "\r" each end one.
  int64_t lines = 1;
  for (size_t i = 0; i < content.size(); ++i) {
    if (content[i] == '\n' ||
        (content[i] == '\r' && (i + 1 == content.size() || content[i + 1] != '\n'))) {
      ++lines;
    }
  }

  int commits = 0;
  io::ImportOptions options;
  options.max_problems = 50;
  options.commit = [&commits](FirmChange&&) {
    ++commits;
    return OkStatus();
  };
  Result<io::ImportReport> report =
      io::ImportFile(FirmStore(), kind, format, "fuzz.in", content, options);
  GUILD_FUZZ_CHECK(report.ok());
  GUILD_FUZZ_CHECK(commits == (report->errors.empty() ? 1 : 0));
  GUILD_FUZZ_CHECK(report->errors_total >= static_cast<int64_t>(report->errors.size()));
  for (const io::ImportProblem& problem : report->errors) {
    GUILD_FUZZ_CHECK(problem.file == "fuzz.in");
    GUILD_FUZZ_CHECK(problem.line >= 0 && problem.line <= lines);
    GUILD_FUZZ_CHECK(!problem.expected.empty());
  }
  return 0;
}
