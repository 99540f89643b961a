// `guild init`, `guild import` and `guild export`: the store's set-up and
// moving entities in and out of it as CSV or JSON files.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "cli/files.h"
#include "common/progress.h"
#include "io/export.h"
#include "io/import.h"
#include "service/accounts/user_service.h"
#include "service/snapshot/snapshot_holder.h"
#include "service/writes/firm_writer.h"
#include "store/store.h"

namespace guild::cli {

namespace {

constexpr std::string_view kPostgresPrefix = "postgresql://";
constexpr size_t kBytesPerMebibyte = size_t{1} << 20;
constexpr size_t kDefaultMaxFileMebibytes = 1024;

std::string KindNames() {
  std::string out;
  for (EntityKind kind : kAllEntityKinds) {
    out += (out.empty() ? "" : ", ") + std::string(ToString(kind));
  }
  return out;
}

Result<std::unique_ptr<Store>> Open(const std::string& url, bool create) {
  StoreOptions options;
  options.url = url;
  options.create_if_missing = create;
  auto store = OpenStore(options);
  if (!store.ok() && store.status().code() == StatusCode::kNotFound) {
    return NotFound(store.status().message() + " (run `guild init --db " + url + "` first)");
  }
  return store;
}

Result<EntityKind> KindArgument(const std::string& text) {
  auto kind = ParseEntityKind(text);
  if (!kind) return InvalidArgument("unknown kind '" + text + "'; expected one of " + KindNames());
  return *kind;
}

Result<io::Format> FormatArgument(const std::string& flag, const std::string& file_name,
                                  io::Format fallback) {
  if (!flag.empty()) {
    auto format = io::ParseFormat(flag);
    if (!format) return InvalidArgument("unknown format '" + flag + "'; expected csv or json");
    return *format;
  }
  return io::FormatFromFileName(file_name).value_or(fallback);
}

// --- init -------------------------------------------------------------------

struct InitArgs {
  std::string db = "guild.db";
  std::string admin_email;
  std::string admin_password_env = "GUILD_ADMIN_PASSWORD";
};

int RunInit(const InitArgs& args) {
  bool is_file = args.db.rfind(kPostgresPrefix, 0) != 0 && args.db != ":memory:";
  bool existed = is_file && std::filesystem::exists(args.db);
  auto store = Open(args.db, /*create=*/true);
  if (!store.ok()) return Fail(store.status());
  auto version = (*store)->SchemaVersion();
  if (!version.ok()) return Fail(version.status());
  std::cout << (existed || !is_file ? "Opened " : "Created ") << (*store)->BackendName()
            << " store " << args.db << "; schema is at version " << *version << ".\n";
  if (args.admin_email.empty()) return kExitOk;
  const char* password = std::getenv(args.admin_password_env.c_str());
  if (password == nullptr || std::string_view(password).empty()) {
    return Fail(
        InvalidArgument("--admin-email: set the first administrator's password in the "
                        "environment variable " +
                        args.admin_password_env));
  }
  auto admin = CreateFirstAdministrator(StoreOptions{.url = args.db}, SystemClock(),
                                        args.admin_email, password);
  if (!admin.ok()) return Fail(admin.status());
  std::cout << "Created the first administrator " << args.admin_email << ".\n";
  return kExitOk;
}

void RegisterInit(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<InitArgs>();
  auto* cmd = app.add_subcommand(
      "init", "Create the store (or bring an existing one's schema up to date) and report it.");
  AddDbOption(*cmd, args->db);
  cmd->add_option("--admin-email", args->admin_email,
                  "Create the first administrator with this email (password read from "
                  "$GUILD_ADMIN_PASSWORD, never from the command line)");
  cmd->add_option("--admin-password-env", args->admin_password_env,
                  "Environment variable holding the first administrator's password");
  cmd->callback([args, &exit_code] { exit_code = RunInit(*args); });
}

// --- import -----------------------------------------------------------------

struct ImportArgs {
  std::string kind;
  std::string file;
  std::string format;
  std::string db = "guild.db";
  bool json = false;
  size_t max_file_mb = kDefaultMaxFileMebibytes;
};

std::string_view StageLabel(io::ImportStage stage) {
  switch (stage) {
    case io::ImportStage::kParse: return "reading";
    case io::ImportStage::kCheck: return "checking";
    case io::ImportStage::kWrite: return "writing";
  }
  return "";
}

// Shows one progress bar per stage.
class ImportProgress {
 public:
  void operator()(io::ImportStage stage, int64_t done, int64_t total) {
    if (!bar_ || stage != stage_) {
      bar_.reset();
      bar_ = std::make_unique<ProgressBar>(std::string(StageLabel(stage)),
                                           stage == io::ImportStage::kWrite ? 0 : total);
      stage_ = stage;
    }
    bar_->Update(done);
  }

 private:
  std::unique_ptr<ProgressBar> bar_;
  io::ImportStage stage_ = io::ImportStage::kParse;
};

void PrintReport(const io::ImportReport& report) {
  for (const auto& w : report.warnings) std::cerr << "warning: " << w.ToString() << "\n";
  for (const auto& e : report.errors) std::cerr << e.ToString() << "\n";
  if (report.errors_total > static_cast<int64_t>(report.errors.size())) {
    std::cerr << "... and " << report.errors_total - static_cast<int64_t>(report.errors.size())
              << " more errors\n";
  }
  if (report.errors_total > 0) {
    std::cerr << report.status().message() << "\n";
    return;
  }
  std::printf("Imported %lld %s from %s: %lld new, %lld updated (%.2f s).\n",
              static_cast<long long>(report.rows), std::string(ToString(report.kind)).c_str(),
              report.file.c_str(), static_cast<long long>(report.inserted),
              static_cast<long long>(report.updated), report.seconds);
}

int RunImport(const ImportArgs& args) {
  auto kind = KindArgument(args.kind);
  if (!kind.ok()) return Fail(kind.status());
  auto format = FormatArgument(args.format, args.file, io::Format::kCsv);
  if (!format.ok()) return Fail(format.status());
  io::ImportOptions options;
  options.max_file_bytes = args.max_file_mb * kBytesPerMebibyte;
  auto content = ReadFile(args.file, options.max_file_bytes);
  if (!content.ok()) return Fail(content.status());
  auto store = Open(args.db, /*create=*/false);
  if (!store.ok()) return Fail(store.status());
  auto progress = std::make_shared<ImportProgress>();
  if (!args.json) {
    options.on_progress = [progress](auto s, auto d, auto t) { (*progress)(s, d, t); };
  }
  // Through the one write path: running servers follow its change feed record.
  SystemClock clock;
  FirmWriter writer(**store, nullptr, clock);
  options.commit = [&writer](FirmChange&& change) {
    return writer.Commit(WriteRequest{std::move(change), std::nullopt, ""}).status();
  };
  auto report = io::ImportFile(**store, *kind, *format, args.file, *content, options);
  progress.reset();
  options.on_progress = nullptr;
  if (!report.ok()) return Fail(report.status());
  if (args.json) {
    std::cout << io::ReportToJson(*report) << "\n";
  } else {
    PrintReport(*report);
  }
  return report->errors_total > 0 ? kExitBadInput : kExitOk;
}

void RegisterImport(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ImportArgs>();
  auto* cmd = app.add_subcommand(
      "import",
      "Import a CSV or JSON file of one kind of entity. Every row is checked first; if any row "
      "is wrong, every problem is printed as FILE:LINE: ... and nothing is written. Layouts: "
      "docs/IMPORT_FORMATS.md.");
  cmd->add_option("kind", args->kind, "What the file holds: " + KindNames())->required();
  cmd->add_option("file", args->file, "The file to import")->required();
  cmd->add_option("--format", args->format, "csv or json (default: from the file's extension)");
  AddDbOption(*cmd, args->db);
  cmd->add_flag("--json", args->json, "Print the report as JSON on stdout");
  cmd->add_option("--max-file-mb", args->max_file_mb, "Refuse files larger than this (MiB)")
      ->capture_default_str();
  cmd->callback([args, &exit_code] { exit_code = RunImport(*args); });
}

// --- export -----------------------------------------------------------------

struct ExportArgs {
  std::string kind;
  std::string format;
  std::string output;
  std::string db = "guild.db";
};

int RunExport(const ExportArgs& args) {
  auto kind = KindArgument(args.kind);
  if (!kind.ok()) return Fail(kind.status());
  auto format = FormatArgument(args.format, args.output, io::Format::kCsv);
  if (!format.ok()) return Fail(format.status());
  auto store = Open(args.db, /*create=*/false);
  if (!store.ok()) return Fail(store.status());
  auto text = io::ExportKind(**store, *kind, *format);
  if (!text.ok()) return Fail(text.status());
  if (args.output.empty()) {
    std::cout << *text;
    return std::cout.good() ? kExitOk : kExitInternal;
  }
  std::ofstream out(args.output, std::ios::binary);
  if (!out.write(text->data(), static_cast<std::streamsize>(text->size()))) {
    return Fail(Internal("cannot write " + args.output));
  }
  return kExitOk;
}

void RegisterExport(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<ExportArgs>();
  auto* cmd = app.add_subcommand(
      "export", "Write one kind of entity as CSV or JSON, in the layout `guild import` reads.");
  cmd->add_option("kind", args->kind, "What to export: " + KindNames())->required();
  cmd->add_option("--format", args->format,
                  "csv or json (default: from --output's extension, else csv)");
  cmd->add_option("--output,-o", args->output, "File to write (default: standard output)");
  AddDbOption(*cmd, args->db);
  cmd->callback([args, &exit_code] { exit_code = RunExport(*args); });
}

void RegisterData(CLI::App& app, int& exit_code) {
  RegisterInit(app, exit_code);
  RegisterImport(app, exit_code);
  RegisterExport(app, exit_code);
}

}  // namespace

GUILD_REGISTER_COMMAND(data, RegisterData);

}  // namespace guild::cli
