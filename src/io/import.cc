#include "io/import.h"

#include <algorithm>
#include <chrono>
#include <type_traits>
#include <unordered_map>
#include <unordered_set>

#include "io/internal/checkin_checks.h"
#include "io/internal/checks.h"
#include "io/internal/goal_checks.h"
#include "io/internal/people.h"
#include "io/internal/read_json.h"

namespace guild::io {

namespace {

using internal::Kind;
using internal::KnownIds;
using internal::ProblemSink;
using internal::RowSet;
using SteadyClock = std::chrono::steady_clock;

double SecondsSince(SteadyClock::time_point start) {
  return std::chrono::duration<double>(SteadyClock::now() - start).count();
}

//! The kinds whose ids rows of `kind` may refer to.
std::vector<EntityKind> ReferencedKinds(EntityKind kind) {
  using K = EntityKind;
  switch (kind) {
    case K::kPeople: return {K::kPeople};
    case K::kSkills: return {K::kSkills};
    case K::kPersonSkills: return {K::kPeople, K::kSkills};
    case K::kRoles: return {K::kSkills};
    case K::kClients: return {};
    case K::kEngagements: return {K::kClients, K::kPeople};
    case K::kOpenings: return {K::kEngagements, K::kSkills};
    case K::kAssignments: return {K::kPeople, K::kOpenings};
    case K::kTeams: return {K::kPeople, K::kClients, K::kEngagements};
    case K::kTimeEntries: return {K::kPeople, K::kEngagements};
    case K::kSkillHistory: return {K::kPeople, K::kSkills};
    case K::kOpeningPreferences: return {K::kOpenings, K::kPeople};
    case K::kGoals: return {K::kTeams, K::kPeople, K::kGoals};
    case K::kGoalUpdates: return {K::kGoals, K::kPeople};
    case K::kDeliverables: return {K::kTeams, K::kPeople};
    case K::kClientRelationships: return {K::kTeams, K::kClients, K::kPeople};
    case K::kPurposeChanges: return {K::kTeams, K::kPeople};
    case K::kClientLog: return {K::kEngagements, K::kPeople};
    case K::kCheckins: return {K::kTeams, K::kPeople};
    // Blockers and questions refer to check-ins, which are store-only: their
    // import loads every stored check-in's row to check the references.
    case K::kCheckinBlockers: return {K::kTeams, K::kPeople, K::kCheckins};
    case K::kCheckinQuestions: return {K::kCheckins, K::kTeams, K::kPeople};
    case K::kFeedbackRequests: return {K::kPeople, K::kEngagements};
    case K::kFeedbackAnswers: return {K::kFeedbackRequests, K::kPeople};
    case K::kInboxItems: return {K::kPeople};
    case K::kMentorships: return {K::kPeople, K::kSkills};
  }
  return {};
}

Result<KnownIds> LoadKnownIds(Store& store, EntityKind kind) {
  KnownIds known;
  LoadOptions options{ReferencedKinds(kind)};
  if (options.kinds.empty()) return known;
  ASSIGN_OR_RETURN(FirmData data, store.Load(options));
  for (EntityKind target : options.kinds) {
    auto& ids = known.ids[static_cast<size_t>(target)];
    internal::VisitKind(target, [&]<typename E>() {
      for (const E& item : Kind<E>::Items(data)) ids.emplace(Kind<E>::Key(item).a);
    });
  }
  for (const Person& p : data.people) known.person_by_email.emplace(NormalizeEmail(p.email), p.id);
  return known;
}

struct Input {
  Format format;
  std::string_view content;
  const ImportOptions& options;
};

template <typename E>
RowSet<typename Kind<E>::Row> ReadRows(const Input& in, ProblemSink& sink) {
  RowSet<typename Kind<E>::Row> rows;
  if (in.format == Format::kCsv) {
    internal::ReadCsvRows(in.content, Kind<E>::Fields(), sink, in.options.on_progress, rows);
  } else {
    internal::ReadJsonRows(in.content, Kind<E>::Fields(), sink, rows);
  }
  return rows;
}

template <typename E>
std::vector<E> TakeEntities(RowSet<typename Kind<E>::Row>& rows) {
  if constexpr (std::is_same_v<typename Kind<E>::Row, E>) {
    return std::move(rows.rows);
  } else {
    std::vector<E> items;
    items.reserve(rows.rows.size());
    for (auto& row : rows.rows) items.push_back(std::move(Kind<E>::EntityOf(row)));
    return items;
  }
}

void Progress(const ImportOptions& options, ImportStage stage, int64_t done, int64_t total) {
  if (options.on_progress) options.on_progress(stage, done, total);
}

template <typename E>
Status Write(Store& store, std::vector<E> items, const ImportOptions& options,
             ImportReport& report) {
  ASSIGN_OR_RETURN(int64_t before, store.Count(Kind<E>::kKind));
  FirmChange change;
  if constexpr (std::is_same_v<E, GoalUpdate>) {
    // A goal keeps its latest measurement: moved in the same change.
    ASSIGN_OR_RETURN(change.upserts.goals, internal::GoalsMovedBy(store, items));
  }
  Kind<E>::Items(change.upserts) = std::move(items);
  if (options.commit) {
    RETURN_IF_ERROR(options.commit(std::move(change)));
  } else {
    RETURN_IF_ERROR(store.Commit(change).status());
  }
  ASSIGN_OR_RETURN(int64_t after, store.Count(Kind<E>::kKind));
  report.inserted = after - before;
  report.updated = report.rows - report.inserted;
  return OkStatus();
}

// The lead-opening rules (domain ValidateFirmRules) between the file's rows
// and the stored engagements and openings: a lead opening needs an engagement
// without leader_id, and an engagement has at most one lead opening. For an
// engagements file: a leader_id is refused while a lead opening is stored.
Status CheckLeads(Store& store, const std::vector<Opening>& items,
                  const std::vector<internal::Location>& where, ProblemSink& sink) {
  bool any_lead = false;
  for (const Opening& o : items) any_lead = any_lead || o.lead;
  if (!any_lead) return OkStatus();
  ASSIGN_OR_RETURN(FirmData firm,
                   store.Load(LoadOptions{{EntityKind::kEngagements, EntityKind::kOpenings}}));
  std::unordered_map<std::string_view, size_t> row_of;  // opening id -> row in the file
  for (size_t i = 0; i < items.size(); ++i) row_of[items[i].id] = i;
  std::vector<Opening> openings;  // stored leads not replaced by the file, then the file's
  for (Opening& o : firm.openings.mut()) {
    if (o.lead && row_of.count(o.id) == 0) openings.push_back(std::move(o));
  }
  openings.insert(openings.end(), items.begin(), items.end());
  firm.openings = std::move(openings);
  std::vector<RecordError> errors;
  ValidateFirmRules(firm, /*check_references=*/false, errors);
  for (const RecordError& e : errors) {
    auto row = row_of.find(e.id);
    if (row == row_of.end()) continue;  // a conflict among stored rows only
    sink.Error(where[row->second], e.field, "true",
               "false, or a lead opening on an engagement without leader_id and no other lead "
               "opening (" +
                   e.message + ")");
  }
  return OkStatus();
}

Status CheckLeads(Store& store, const std::vector<Engagement>& items,
                  const std::vector<internal::Location>& where, ProblemSink& sink) {
  bool any_leader = false;
  for (const Engagement& e : items) any_leader = any_leader || !e.leader_id.empty();
  if (!any_leader) return OkStatus();
  ASSIGN_OR_RETURN(FirmData firm, store.Load(LoadOptions{{EntityKind::kOpenings}}));
  std::unordered_map<std::string_view, std::string_view> lead_opening;  // engagement -> opening
  for (const Opening& o : firm.openings) {
    if (o.lead) lead_opening.emplace(o.engagement_id, o.id);
  }
  for (size_t i = 0; i < items.size(); ++i) {
    const Engagement& e = items[i];
    auto it = lead_opening.find(e.id);
    if (e.leader_id.empty() || it == lead_opening.end()) continue;
    sink.Error(where[i], "leader_id", e.leader_id,
               "empty: engagement " + e.id + " has lead opening " + std::string(it->second) +
                   " (opening " + std::string(it->second) + ": engagement " + e.id +
                   " already has lead " + e.leader_id + ")");
  }
  return OkStatus();
}

// Chains of managers end: a person's managers, their managers and so on
// never lead back to them (issue 27 item 7: loops were accepted). The file's
// rows replace the stored people they name.
Status CheckManagerLoops(Store& store, const std::vector<Person>& items,
                         const std::vector<internal::Location>& where, ProblemSink& sink) {
  bool any_manager = false;
  for (const Person& p : items) any_manager = any_manager || !p.manager_id.empty();
  if (!any_manager) return OkStatus();
  ASSIGN_OR_RETURN(FirmData firm, store.Load(LoadOptions{{EntityKind::kPeople}}));
  std::unordered_map<std::string, std::string> manager_of;
  for (Person& p : firm.people.mut()) manager_of[std::move(p.id)] = std::move(p.manager_id);
  for (const Person& p : items) manager_of[p.id] = p.manager_id;
  // 0 unvisited, 1 on the chain being walked, 2 known to end.
  std::unordered_map<std::string_view, int> state;
  std::unordered_set<std::string_view> in_loop;
  for (const auto& [id, manager] : manager_of) {
    std::vector<std::string_view> chain;
    std::string_view at = id;
    while (!at.empty() && state[at] == 0) {
      state[at] = 1;
      chain.push_back(at);
      auto next = manager_of.find(std::string(at));
      at = next == manager_of.end() ? std::string_view() : std::string_view(next->second);
    }
    if (!at.empty() && state[at] == 1) {  // walked into this chain: a loop from `at`
      for (auto it = std::find(chain.begin(), chain.end(), at); it != chain.end(); ++it) {
        in_loop.insert(*it);
      }
    }
    for (std::string_view walked : chain) state[walked] = 2;
  }
  for (size_t i = 0; i < items.size(); ++i) {
    // Being one's own manager is the domain rule's to report.
    if (in_loop.count(items[i].id) == 0 || items[i].manager_id == items[i].id) continue;
    std::string loop = items[i].id;
    for (std::string_view at = items[i].manager_id; at != items[i].id && loop.size() < 200;
         at = manager_of[std::string(at)]) {
      loop += " -> " + std::string(at);
    }
    sink.Error(where[i], "manager_id", items[i].manager_id,
               "a manager whose chain of managers does not lead back to " + items[i].id +
                   " (loop: " + loop + " -> " + items[i].id + ")");
  }
  return OkStatus();
}

template <typename E>
Status ImportEntities(Store& store, const Input& in, ProblemSink& sink, ImportReport& report) {
  auto start = SteadyClock::now();
  auto rows = ReadRows<E>(in, sink);
  report.rows = static_cast<int64_t>(rows.rows.size());
  report.parse_seconds = SecondsSince(start);

  start = SteadyClock::now();
  Progress(in.options, ImportStage::kCheck, 0, report.rows);
  ASSIGN_OR_RETURN(KnownIds known, LoadKnownIds(store, Kind<E>::kKind));
  if constexpr (std::is_same_v<E, Person>) internal::CompletePeople(rows, known, sink);
  std::vector<E> items = TakeEntities<E>(rows);
  internal::ValidateAll(items, rows.where, rows.failed, sink);
  internal::CheckDuplicates(items, rows.where, sink);
  internal::CheckReferences(items, rows.where, known, sink);
  if constexpr (std::is_same_v<E, Opening> || std::is_same_v<E, Engagement>) {
    RETURN_IF_ERROR(CheckLeads(store, items, rows.where, sink));
  }
  if constexpr (std::is_same_v<E, Person>) {
    RETURN_IF_ERROR(CheckManagerLoops(store, items, rows.where, sink));
  }
  if constexpr (std::is_same_v<E, Goal> || std::is_same_v<E, Deliverable> ||
                std::is_same_v<E, ClientRelationship>) {
    RETURN_IF_ERROR(internal::CheckGoalRules(store, items, rows.where, sink));
  }
  if constexpr (std::is_same_v<E, Checkin>) {
    RETURN_IF_ERROR(internal::CheckCheckinCycles(store, items, rows.where, sink));
  }
  report.check_seconds = SecondsSince(start);
  if (sink.HasErrors()) return OkStatus();

  start = SteadyClock::now();
  Progress(in.options, ImportStage::kWrite, 0, report.rows);
  RETURN_IF_ERROR(Write(store, std::move(items), in.options, report));
  Progress(in.options, ImportStage::kWrite, report.rows, report.rows);
  report.write_seconds = SecondsSince(start);
  return OkStatus();
}

void CheckEncoding(std::string_view content, size_t limit, ProblemSink& sink) {
  for (const TextPosition& where : FindInvalidUtf8(content, limit)) {
    sink.Error({where.line}, "", "", "UTF-8 text (this byte is not; save the file as UTF-8)",
               where.column);
  }
}

}  // namespace

Result<ImportReport> ImportFile(Store& store, EntityKind kind, Format format,
                                std::string_view file_name, std::string_view content,
                                const ImportOptions& options) {
  auto start = SteadyClock::now();
  ImportReport report;
  report.file = std::string(file_name);
  report.kind = kind;
  report.format = format;
  ProblemSink sink(file_name, options.max_problems);
  if (content.size() > options.max_file_bytes) {
    sink.Error({}, "", std::to_string(content.size()) + " bytes",
               "a file of at most " + std::to_string(options.max_file_bytes) + " bytes");
  } else {
    if (format == Format::kCsv) CheckEncoding(content, options.max_problems, sink);
    Input input{format, content, options};
    Status status = internal::VisitKind(
        kind, [&]<typename E>() { return ImportEntities<E>(store, input, sink, report); });
    if (!status.ok()) return status;
  }
  sink.MoveInto(report);
  report.seconds = SecondsSince(start);
  return report;
}

}  // namespace guild::io
