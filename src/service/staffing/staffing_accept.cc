#include "service/staffing/staffing_accept.h"

#include <algorithm>
#include <unordered_map>

namespace guild {

namespace {

constexpr size_t kViolationsInMessage = 8;

// Entries planned for an earlier day whose start was their seat's start
// that day start at their seat's start today (the seat has moved on).
void StartFromToday(const FirmData& firm, Date planned_for, Date today,
                    staffing::StaffingPlan& entries) {
  if (planned_for >= today) return;
  std::unordered_map<std::string_view, const Opening*> openings;
  std::unordered_map<std::string_view, const Engagement*> engagements;
  for (const Opening& o : firm.openings) openings.emplace(o.id, &o);
  for (const Engagement& e : firm.engagements) engagements.emplace(e.id, &e);
  for (staffing::ProposedAssignment& pa : entries.assignments) {
    if (!pa.moved_from_person_id.empty()) continue;
    auto o = openings.find(pa.assignment.opening_id);
    if (o == openings.end()) continue;
    auto e = engagements.find(o->second->engagement_id);
    if (e == engagements.end()) continue;
    const Date opens = std::max(o->second->start, e->second->start);
    if (pa.assignment.start == std::max(opens, planned_for)) {
      pa.assignment.start = std::max(opens, today);
    }
  }
}

// One line per violation: the rule, what broke and which entries; the
// figures only where the caller may read the person's loads.
std::string Refusal(const std::vector<staffing::ConstraintIssue>& violations,
                    const AcceptRequest& request) {
  std::string message = "the entries break " + std::to_string(violations.size()) +
                        (violations.size() == 1 ? " rule" : " rules") + "; nothing written:";
  for (size_t i = 0; i < violations.size() && i < kViolationsInMessage; ++i) {
    const staffing::ConstraintIssue& v = violations[i];
    message += "\n  " + v.constraint + ": " + v.message;
    const bool figures =
        !v.detail.empty() && (!request.may_read_loads || request.may_read_loads(v.subject_id));
    if (figures) message += " (" + v.detail + ")";
  }
  if (violations.size() > kViolationsInMessage) {
    message += "\n  and " + std::to_string(violations.size() - kViolationsInMessage) + " more";
  }
  return message;
}

}  // namespace

Result<AcceptedEntries> AcceptStaffingEntries(Store& store, const AcceptRequest& request) {
  if (request.entries.assignments.empty()) {
    return InvalidArgument("assignment_ids: the plan has no entries to accept");
  }
  FirmData loaded;
  if (!request.firm) {
    ASSIGN_OR_RETURN(loaded, store.Load({}));
  }
  const FirmData& current = request.firm ? request.firm->data() : loaded;
  staffing::StaffingPlan entries;
  entries.assignments = request.entries.assignments;
  StartFromToday(current, request.entries.today, request.today, entries);
  entries.today = request.today;
  const std::vector<staffing::ConstraintIssue> violations = staffing::CheckStaffingPlan(
      current, entries, request.options, staffing::CheckScope::kEntries);
  if (!violations.empty()) return FailedPrecondition(Refusal(violations, request));
  FirmChange change;
  FirmData& batch = change.upserts;
  AcceptedEntries accepted;
  for (const staffing::ProposedAssignment& pa : entries.assignments) {
    Assignment a = pa.assignment;
    a.status = AssignmentStatus::kTentative;
    accepted.assignment_ids.push_back(a.id);
    batch.assignments.push_back(std::move(a));
    ++(pa.moved_from_person_id.empty() ? accepted.created : accepted.moved);
  }
  if (request.commit) {
    RETURN_IF_ERROR(request.commit(std::move(change)));
  } else {
    RETURN_IF_ERROR(store.Commit(change).status());
  }
  return accepted;
}

}  // namespace guild
