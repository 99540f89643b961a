// `guild demo`: clears the store, loads the built-in taxonomy, generates a
// realistic firm from a seed and writes it, then summarises what it made.
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <iostream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "common/progress.h"
#include "demo/demo.h"
#include "demo/write.h"
#include "service/accounts/user_service.h"
#include "service/snapshot/snapshot_holder.h"
#include "service/writes/firm_writer.h"
#include "store/store.h"
#include "taxonomy/taxonomy.h"

namespace guild::cli {

//! Defined in cmd_taxonomy.cc.
Result<std::string> ResolveTaxonomyDir(const std::string& flag);

namespace {

constexpr size_t kWriteChunk = 100000;
constexpr int kTopNames = 5;
constexpr double kPercent = 100.0;

struct DemoArgs {
  int people = 2000;
  uint64_t seed = 1;
  std::string db = "guild.db";
  std::string today;
  std::string taxonomy_dir;
  int weeks = 0;          // DefaultTimeEntryWeeks
  int checkin_weeks = 0;  // DefaultCheckinWeeks
  bool json = false;
};

using Seconds = std::chrono::duration<double>;

//! Named steps and how long each took.
class StepTimer {
 public:
  void Done(std::string name) {
    auto now = std::chrono::steady_clock::now();
    steps_.push_back({std::move(name), Seconds(now - last_).count()});
    last_ = now;
  }
  //! A step timed elsewhere; the next Done measures from now.
  void Record(std::string name, double seconds) {
    steps_.push_back({std::move(name), seconds});
    last_ = std::chrono::steady_clock::now();
  }
  [[nodiscard]] const std::vector<std::pair<std::string, double>>& steps() const { return steps_; }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
  std::vector<std::pair<std::string, double>> steps_;
};

// Writes the firm, timing each kind as a step "write-KIND" (the rows/s of
// each kind's write is its count over its step's seconds; "write-history"
// generates and writes the check-in and feedback history). Progress comes
// after each batch, so the time since the previous report is that batch's.
// Fills `written` with the entities written per kind.
Status WriteAll(Store& store, const FirmData& taxonomy, DemoFirm& demo, StepTimer& timer,
                std::map<EntityKind, int64_t>& written) {
  ProgressBar bar("writing", 0);
  // Through the one write path: a running server follows the change feed
  // (each change of the demo is too large to list, so it reloads once).
  const SystemClock clock;
  FirmWriter writer(store, nullptr, clock);
  const DemoCommit commit = [&writer](FirmChange&& change) {
    return writer.Commit(WriteRequest{std::move(change), std::nullopt, ""}).status();
  };
  std::vector<std::pair<std::string, double>> spent;  // kind -> seconds, in order
  auto last = std::chrono::steady_clock::now();
  Status s = WriteDemoFirm(
      commit, taxonomy, demo, DemoWriteOptions{.chunk = kWriteChunk},
      [&](std::string_view step, int64_t done, int64_t) {
        const auto now = std::chrono::steady_clock::now();
        if (spent.empty() || spent.back().first != step) {
          spent.push_back({std::string(step), 0});
          bar.SetLabel("writing " + spent.back().first);
        }
        spent.back().second += Seconds(now - last).count();
        last = now;
        bar.Update(done);
      },
      &written);
  bar.Finish();
  for (auto& [step, seconds] : spent) timer.Record("write-" + step, seconds);
  return s;
}

std::string Hours(double h) {
  std::ostringstream out;
  out << std::fixed << std::setprecision(1) << h;
  return out.str();
}

nlohmann::json LoadJson(const PersonLoad& l) {
  return {{"id", l.person_id},
          {"name", l.name},
          {"practice", l.practice},
          {"capacity_hours", l.capacity_hours},
          {"billable_hours", l.billable_hours},
          {"total_hours", l.total_hours}};
}

nlohmann::json SummaryJson(const DemoArgs& args, const std::string& today, const DemoSummary& s,
                           const StepTimer& timer) {
  nlohmann::json j;
  j["seed"] = args.seed;
  j["people"] = args.people;
  j["today"] = today;
  j["db"] = args.db;
  for (const auto& [kind, n] : s.counts) j["counts"][kind] = n;
  for (const auto& [grade, n] : s.grades) j["grades"].push_back({{"grade", grade}, {"people", n}});
  for (const auto& [name, n] : s.practices) {
    j["practices"].push_back({{"name", name}, {"people", n}});
  }
  for (const auto& [name, n] : s.offices) j["offices"].push_back({{"name", name}, {"people", n}});
  j["overloaded_partner_count"] = s.overloaded_partner_count;
  j["overloaded_partners"] = nlohmann::json::array();
  for (const auto& l : s.overloaded_partners) j["overloaded_partners"].push_back(LoadJson(l));
  j["underused_associate_count"] = s.underused_associate_count;
  j["underused_associates"] = nlohmann::json::array();
  for (const auto& l : s.underused_associates) j["underused_associates"].push_back(LoadJson(l));
  j["key_client_count"] = s.key_client_count;
  j["key_clients"] = s.key_clients;
  for (const auto& [step, seconds] : timer.steps()) j["timings_seconds"][step] = seconds;
  return j;
}

void PrintList(const char* title, const std::vector<std::pair<std::string, int>>& items) {
  std::cout << title << ":";
  for (size_t i = 0; i < items.size(); ++i) {
    std::cout << (i ? ", " : " ") << items[i].first << " " << items[i].second;
  }
  std::cout << "\n";
}

void PrintSummary(const DemoArgs& args, const std::string& today, const DemoSummary& s,
                  const StepTimer& timer) {
  std::cout << "Generated a demo firm of " << args.people << " people (seed " << args.seed
            << ", today " << today << ") into " << args.db << ".\n\nEntities:";
  for (const auto& [kind, n] : s.counts) std::cout << " " << kind << " " << n << ";";
  std::cout << "\n\nGrade pyramid:\n";
  for (const auto& [grade, n] : s.grades) {
    std::cout << "  " << std::left << std::setw(10) << grade << std::right << std::setw(8) << n
              << std::setw(7) << Hours(kPercent * n / args.people) << "%  "
              << std::string(static_cast<size_t>(std::lround(50.0 * n / args.people)), '#') << "\n";
  }
  PrintList("\nPractices", s.practices);
  PrintList("Offices", s.offices);
  std::cout << "\nMost overloaded partners (" << s.overloaded_partner_count
            << " partners log more hours than their capacity, mostly leadership work):\n";
  for (const auto& l : s.overloaded_partners) {
    std::cout << "  " << l.name << " (" << l.practice << ", " << l.person_id
              << "): " << Hours(l.total_hours) << " h/week against " << Hours(l.capacity_hours)
              << " h capacity, " << Hours(l.billable_hours) << " h billable\n";
  }
  std::cout << "\nMost under-used associates (" << s.underused_associate_count
            << " associates bill under half their capacity):\n";
  for (const auto& l : s.underused_associates) {
    std::cout << "  " << l.name << " (" << l.practice << ", " << l.person_id
              << "): " << Hours(l.billable_hours) << " billable h/week of "
              << Hours(l.capacity_hours) << " h\n";
  }
  std::cout << "\nKey clients (" << s.key_client_count << "):";
  for (size_t i = 0; i < s.key_clients.size(); ++i) {
    std::cout << (i ? ", " : " ") << s.key_clients[i];
  }
  std::cout << (s.key_client_count > static_cast<int>(s.key_clients.size()) ? ", ..." : "")
            << "\n\nTimings:";
  double total = 0;
  for (const auto& [step, seconds] : timer.steps()) {
    std::cout << " " << step << " " << std::fixed << std::setprecision(2) << seconds << " s;";
    total += seconds;
  }
  std::cout << " total " << total << " s\n";
}

int RunDemo(const DemoArgs& args) {
  StepTimer timer;
  const SystemClock clock;
  std::optional<Date> today = args.today.empty() ? clock.Today() : ParseDate(args.today);
  if (!today) {
    return Fail(InvalidArgument("--today: expected a date YYYY-MM-DD, got '" + args.today + "'"));
  }
  auto dir = ResolveTaxonomyDir(args.taxonomy_dir);
  if (!dir.ok()) return Fail(dir.status());
  auto taxonomy = LoadTaxonomy(TaxonomyOptions{.directory = *dir});
  if (!taxonomy.ok()) return Fail(taxonomy.status());
  timer.Done("load-taxonomy");
  const int weeks = args.weeks == 0 ? DefaultTimeEntryWeeks(args.people) : args.weeks;
  DemoOptions options{.people = args.people,
                      .seed = args.seed,
                      .today = *today,
                      .time_entry_weeks = weeks,
                      .checkin_weeks = args.checkin_weeks,
                      .time_of_day = DemoTimeOfDay(clock)};
  auto demo = GenerateDemoFirmInParts(options, *taxonomy);
  if (!demo.ok()) return Fail(demo.status());
  timer.Done("generate");
  DemoSummary summary = SummarizeDemoFirm(demo->firm(), weeks, kTopNames);
  for (auto& [kind, n] : summary.counts) {
    if (kind == ToString(EntityKind::kSkills)) n += static_cast<int64_t>(taxonomy->skills.size());
    if (kind == ToString(EntityKind::kRoles)) n += static_cast<int64_t>(taxonomy->roles.size());
  }
  timer.Done("summarize");
  // A bulk load (Store::BeginBulkLoad): the store is emptied first, and a
  // file left by an interrupted demo is started afresh.
  auto store =
      OpenStore(StoreOptions{.url = args.db, .durability = Durability::kOff, .bulk_load = true});
  if (!store.ok()) return Fail(store.status());
  if (Status cleared = (*store)->Clear(); !cleared.ok()) return Fail(cleared);
  timer.Done("open-and-clear");
  // Sign-ins are chosen before the writer releases the firm's rows (users
  // refer to people by id only, so they may be written first), on their own
  // connection, closed before the bulk load begins.
  StoreOptions store_options{.url = args.db};
  auto sign_ins = CreateDemoUsers(demo->firm(), store_options, clock);
  if (!sign_ins.ok()) return Fail(sign_ins.status());
  timer.Done("users");
  Status bulk = (*store)->BeginBulkLoad();
  if (bulk.code() == StatusCode::kUnavailable) {
    // A running server has the file open: write as it can follow.
    std::cerr << "note: writing without a bulk load: " << bulk.message() << "\n";
  } else if (!bulk.ok()) {
    return Fail(bulk);
  }
  timer.Done("begin-bulk-load");
  std::map<EntityKind, int64_t> written;
  if (Status s = WriteAll(**store, *taxonomy, *demo, timer, written); !s.ok()) return Fail(s);
  if (bulk.ok()) {
    if (Status ended = (*store)->EndBulkLoad(); !ended.ok()) return Fail(ended);
    timer.Done("end-bulk-load");
  }
  // The history was generated while writing: count it from what was written.
  for (auto& [kind, n] : summary.counts) {
    for (const auto& [k, count] : written) {
      if (ToString(k) == kind) n = count;
    }
  }
  if (args.json) {
    auto j = SummaryJson(args, FormatDate(*today), summary, timer);
    j["sign_ins"] = nlohmann::json::array();
    for (const auto& s : *sign_ins) {
      j["sign_ins"].push_back({{"role", s.label}, {"email", s.email}, {"password", s.password}});
    }
    std::cout << j.dump(2) << "\n";
  } else {
    PrintSummary(args, FormatDate(*today), summary, timer);
    std::cout << "\nSign in with:\n";
    for (const auto& s : *sign_ins) {
      std::cout << "sign-in: " << s.label << " " << s.email << " " << s.password << "\n";
    }
  }
  return kExitOk;
}

void RegisterDemo(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<DemoArgs>();
  auto* cmd = app.add_subcommand(
      "demo", "Replace the store's content with a generated, realistic demo firm.");
  cmd->add_option("--people", args->people, "Headcount (50 to 500000; default 2000)")
      ->check(CLI::Range(kMinDemoPeople, kMaxDemoPeople));
  cmd->add_option("--seed", args->seed,
                  "Random seed; the same seed gives the same firm (default 1)");
  AddDbOption(*cmd, args->db);
  cmd->add_option("--today", args->today,
                  "The firm's today, YYYY-MM-DD (default: the system date)");
  cmd->add_option("--weeks", args->weeks,
                  "Weeks of time entries (1 to 12; default 4, 1 above 100,000 people)")
      ->check(CLI::Range(1, 12));
  cmd->add_option("--checkin-weeks", args->checkin_weeks,
                  "Weeks of check-in history (1 to 104; default 52)")
      ->check(CLI::Range(1, 104));
  cmd->add_option("--taxonomy-dir", args->taxonomy_dir,
                  "Folder with the taxonomy TSV files (default: found next to the program)");
  cmd->add_flag("--json", args->json, "Print the summary as JSON");
  cmd->callback([args, &exit_code] { exit_code = RunDemo(*args); });
}

}  // namespace

GUILD_REGISTER_COMMAND(demo, RegisterDemo);

}  // namespace guild::cli
