#include "io/internal/checkin_checks.h"

#include <map>
#include <string>
#include <tuple>
#include <unordered_set>

#include "io/internal/checks.h"

namespace guild::io::internal {

namespace {

using Cycle = std::tuple<std::string_view, std::string_view, Date>;

constexpr std::string_view kOnePerCycle = "one check-in per person_id, team_id and cycle_start";

void ReportClash(const Checkin& c, Location where, const std::string& other, ProblemSink& sink) {
  sink.Error(where, "cycle_start", FormatDate(c.cycle_start),
             std::string(kOnePerCycle) + "; " + other + " has the same");
}

// The id of the stored check-in of (person, team, cycle), or "" when none.
Result<std::string> StoredIdOf(Store& store, const Checkin& c) {
  SelectQuery query{.kind = EntityKind::kCheckins,
                    .where = {{"person_id", Compare::kEq, c.person_id},
                              {"team_id", Compare::kEq, c.team_id},
                              {"cycle_start", Compare::kEq, c.cycle_start}},
                    .limit = 1};
  ASSIGN_OR_RETURN(SelectPage page, store.Select(query));
  return page.rows.checkins.empty() ? std::string() : page.rows.checkins[0].id;
}

}  // namespace

Status CheckCheckinCycles(Store& store, const std::vector<Checkin>& items,
                          const std::vector<Location>& where, ProblemSink& sink) {
  std::unordered_set<std::string_view> in_file;
  for (const Checkin& c : items) in_file.insert(c.id);
  std::map<Cycle, size_t> first_row;
  for (size_t i = 0; i < items.size(); ++i) {
    const Checkin& c = items[i];
    auto [earlier, inserted] =
        first_row.try_emplace(Cycle{c.person_id, c.team_id, c.cycle_start}, i);
    if (!inserted) {
      if (items[earlier->second].id != c.id) {  // same id: CheckDuplicates reports it
        ReportClash(c, where[i], Describe(where[earlier->second]), sink);
      }
      continue;
    }
    ASSIGN_OR_RETURN(std::string stored, StoredIdOf(store, c));
    if (!stored.empty() && stored != c.id && in_file.count(stored) == 0) {
      ReportClash(c, where[i], "stored check-in '" + stored + "'", sink);
    }
  }
  return OkStatus();
}

}  // namespace guild::io::internal
