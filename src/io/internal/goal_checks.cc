#include "io/internal/goal_checks.h"

#include <string>
#include <unordered_map>

#include "domain/validate.h"
#include "io/internal/checks.h"

namespace guild::io::internal {

namespace {

// What to say was expected when a rule on `field` breaks.
std::string ExpectedFor(std::string_view field, const std::string& message) {
  if (field == "owner_id") return "a member or the leader of the goal's team (" + message + ")";
  if (field == "parent_id") {
    return "a team goal that does not lead back to this one (" + message + ")";
  }
  return "an accountable person on the row's team (" + message + ")";
}

template <typename E>
void Report(const std::vector<RecordError>& errors, const std::vector<E>& items,
            const std::vector<Location>& where, ProblemSink& sink) {
  std::unordered_map<std::string_view, size_t> row_of;
  for (size_t i = 0; i < items.size(); ++i) row_of[items[i].id] = i;
  for (const RecordError& e : errors) {
    auto row = row_of.find(e.id);
    if (row == row_of.end() || e.kind != Kind<E>::kKind) continue;  // stored rows only
    auto [field, value] = FieldText(Kind<E>::Fields(), items[row->second], e.field);
    sink.Error(where[row->second], field, value, ExpectedFor(e.field, e.message));
  }
}

// The stored entities of `items`' kind that the file does not replace, then the file's.
template <typename E>
std::vector<E> Merged(std::vector<E> stored, const std::vector<E>& items) {
  std::unordered_map<std::string_view, bool> in_file;
  for (const E& item : items) in_file[item.id] = true;
  std::vector<E> out;
  out.reserve(stored.size() + items.size());
  for (E& e : stored) {
    if (in_file.count(e.id) == 0) out.push_back(std::move(e));
  }
  out.insert(out.end(), items.begin(), items.end());
  return out;
}

}  // namespace

Status CheckGoalRules(Store& store, const std::vector<Goal>& items,
                      const std::vector<Location>& where, ProblemSink& sink) {
  ASSIGN_OR_RETURN(FirmData firm,
                   store.Load(LoadOptions{{EntityKind::kTeams, EntityKind::kGoals}}));
  firm.goals = Merged(firm.goals.take(), items);
  std::vector<RecordError> errors;
  ValidateGoalRules(firm, errors);
  Report(errors, items, where, sink);
  return OkStatus();
}

Status CheckGoalRules(Store& store, const std::vector<Deliverable>& items,
                      const std::vector<Location>& where, ProblemSink& sink) {
  ASSIGN_OR_RETURN(FirmData firm, store.Load(LoadOptions{{EntityKind::kTeams}}));
  firm.deliverables = items;
  std::vector<RecordError> errors;
  ValidateGoalRules(firm, errors);
  Report(errors, items, where, sink);
  return OkStatus();
}

Status CheckGoalRules(Store& store, const std::vector<ClientRelationship>& items,
                      const std::vector<Location>& where, ProblemSink& sink) {
  ASSIGN_OR_RETURN(FirmData firm, store.Load(LoadOptions{{EntityKind::kTeams}}));
  firm.client_relationships = items;
  std::vector<RecordError> errors;
  ValidateGoalRules(firm, errors);
  Report(errors, items, where, sink);
  return OkStatus();
}

Result<std::vector<Goal>> GoalsMovedBy(Store& store, const std::vector<GoalUpdate>& updates) {
  std::unordered_map<std::string_view, const GoalUpdate*> latest;
  for (const GoalUpdate& u : updates) {
    auto [it, fresh] = latest.emplace(u.goal_id, &u);
    if (!fresh && u.date >= it->second->date) it->second = &u;  // a later duplicate wins
  }
  ASSIGN_OR_RETURN(FirmData firm, store.Load(LoadOptions{{EntityKind::kGoals}}));
  std::vector<Goal> moved;
  for (Goal& g : firm.goals.mut()) {
    auto it = latest.find(g.id);
    if (it == latest.end()) continue;
    const GoalUpdate& u = *it->second;
    if (g.measured_on && u.date < *g.measured_on) continue;
    g.current_value = u.value;
    g.measured_on = u.date;
    moved.push_back(std::move(g));
  }
  return moved;
}

}  // namespace guild::io::internal
