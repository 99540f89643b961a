#include "service/staffing/staffing_board_service.h"

#include <algorithm>
#include <cctype>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "service/accounts/crypto.h"
#include "service/staffing/staffing_planner.h"

namespace guild {
namespace {

constexpr int kMaxHorizonWeeks = 104;
constexpr double kMaxCeiling = 2.0;
constexpr double kMinTimeLimit = 0.1;
constexpr double kMaxTimeLimit = 120;
constexpr int kMaxMarketWeeks = 52;

bool SameText(std::string_view a, std::string_view b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

bool Live(const Engagement& e) {
  return e.status == EngagementStatus::kTentative || e.status == EngagementStatus::kConfirmed;
}

const Opening* FindOpening(const FirmData& data, std::string_view id) {
  auto it = std::find_if(data.openings.begin(), data.openings.end(),
                         [&](const Opening& o) { return o.id == id; });
  return it == data.openings.end() ? nullptr : &*it;
}

// The firm with no open seat outside `led`: other openings keep only the
// seats their assignments already hold, so they weigh on capacity but are
// not planned.
FirmData RestrictTo(const FirmData& data, const std::set<std::string, std::less<>>& led) {
  FirmData copy = data;
  std::unordered_map<std::string_view, int> held;
  for (const Assignment& a : data.assignments) ++held[a.opening_id];
  for (Opening& o : copy.openings.mut()) {
    if (!led.count(o.engagement_id)) o.headcount = held[o.id];
  }
  return copy;
}

// Issues about openings, engagements or clients outside the leader's scope
// are not theirs to see.
void KeepIssuesIn(const FirmData& data, const std::set<std::string, std::less<>>& led,
                  staffing::StaffingPlan& plan) {
  std::set<std::string, std::less<>> subjects(led.begin(), led.end());
  for (const Engagement& e : data.engagements) {
    if (led.count(e.id)) subjects.insert(e.client_id);
  }
  for (const Opening& o : data.openings) {
    if (led.count(o.engagement_id)) subjects.insert(o.id);
  }
  std::erase_if(plan.issues, [&](const staffing::ConstraintIssue& issue) {
    return !subjects.count(issue.subject_id);
  });
}

// What `access` lets its viewer see of a plan's figures. `snapshot` keeps
// the access valid as long as the view.
PlanFigures FiguresFor(std::shared_ptr<const StaffingAccess> access) {
  PlanFigures figures;
  figures.totals = access->MayReadTotals();
  figures.costs = [access](std::string_view person) { return access->MayReadCosts(person); };
  figures.loads = [access](std::string_view person) { return access->MayReadLoads(person); };
  return figures;
}

}  // namespace

StaffingBoardService::StaffingBoardService(::guild::Store& store, AccountStore& accounts,
                                           SnapshotHolder& snapshots, FirmWriter& writer,
                                           const Clock& clock, StaffingBoardOptions options)
    : store_(store),
      accounts_(accounts),
      snapshots_(snapshots),
      writer_(writer),
      clock_(clock),
      options_(std::move(options)) {}

Result<std::shared_ptr<const FirmSnapshot>> StaffingBoardService::Snapshot() {
  auto snapshot = snapshots_.Current();
  if (!snapshot) return Unavailable("the firm's data is not loaded yet");
  return snapshot;
}

Result<OpeningsPage> StaffingBoardService::Openings(const Principal& viewer,
                                                    const OpeningsQuery& query) {
  RETURN_IF_ERROR(CheckPageLimit(query.page.limit));
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmData& data = snapshot->data();
  const StaffingAccess access = Authorizer(*snapshot).Staffing(viewer);
  if (!access.MayUseBoard()) {
    return PermissionDenied(
        "the staffing board is for administrators, firm leaders and "
        "engagement leaders");
  }
  if (!query.engagement_id.empty() &&
      std::none_of(data.engagements.begin(), data.engagements.end(),
                   [&](const Engagement& e) { return e.id == query.engagement_id; })) {
    return NotFound("engagement: no engagement '" + query.engagement_id + "'");
  }
  const Date today = clock_.Today();
  std::unordered_map<std::string_view, uint32_t> engagement_at, client_at;
  for (uint32_t i = 0; i < data.engagements.size(); ++i) engagement_at[data.engagements[i].id] = i;
  for (uint32_t i = 0; i < data.clients.size(); ++i) client_at[data.clients[i].id] = i;
  std::unordered_map<std::string_view, int> held;
  for (const Assignment& a : data.assignments) ++held[a.opening_id];
  std::unordered_map<std::string_view, std::vector<uint32_t>> volunteers;
  for (const OpeningPreference& p : data.opening_preferences) {
    if (p.kind != PreferenceKind::kVolunteer) continue;
    if (auto person = snapshot->PersonIndex(p.person_id))
      volunteers[p.opening_id].push_back(*person);
  }
  for (auto& [opening, people] : volunteers) {
    std::sort(people.begin(), people.end(), [&](uint32_t a, uint32_t b) {
      return std::tie(data.people[a].name, data.people[a].id) <
             std::tie(data.people[b].name, data.people[b].id);
    });
  }

  std::vector<BoardOpening> matching;
  for (uint32_t i = 0; i < data.openings.size(); ++i) {
    const Opening& o = data.openings[i];
    auto e = engagement_at.find(o.engagement_id);
    if (e == engagement_at.end() || o.end < today) continue;
    const Engagement& engagement = data.engagements[e->second];
    if (!Live(engagement) || engagement.end < today) continue;
    if (!access.MayStaff(engagement.id)) continue;
    if (!query.engagement_id.empty() && engagement.id != query.engagement_id) continue;
    const int seats = o.headcount - held[o.id];
    if (seats <= 0) continue;
    const Person* leader = snapshot->FindPerson(engagement.leader_id);
    std::string practice = leader ? leader->practice : "";
    if (!query.practice.empty() && !SameText(practice, query.practice)) continue;
    BoardOpening row{i, e->second, std::nullopt, seats, std::move(practice), {}};
    if (auto v = volunteers.find(o.id); v != volunteers.end()) row.volunteers = v->second;
    if (auto c = client_at.find(engagement.client_id); c != client_at.end()) row.client = c->second;
    matching.push_back(std::move(row));
  }
  std::sort(matching.begin(), matching.end(), [&](const BoardOpening& a, const BoardOpening& b) {
    const Opening& x = data.openings[a.opening];
    const Opening& y = data.openings[b.opening];
    return std::tie(x.start, x.id) < std::tie(y.start, y.id);
  });
  ASSIGN_OR_RETURN(size_t offset, DecodeOffsetCursor(query.page.cursor));
  OpeningsPage page;
  page.snapshot = snapshot;
  page.total = static_cast<int64_t>(matching.size());
  const size_t first = std::min(offset, matching.size());
  const size_t last = std::min(first + static_cast<size_t>(query.page.limit), matching.size());
  page.items.assign(matching.begin() + static_cast<std::ptrdiff_t>(first),
                    matching.begin() + static_cast<std::ptrdiff_t>(last));
  if (last < matching.size()) page.next_cursor = EncodeOffsetCursor(last);
  return page;
}

Result<staffing::StaffingOptions> StaffingBoardService::OptionsFor(
    const PlanRequest& request) const {
  staffing::StaffingOptions options = options_.staffing;
  options.progress = nullptr;
  if (request.horizon_weeks) {
    if (*request.horizon_weeks < 1 || *request.horizon_weeks > kMaxHorizonWeeks) {
      return InvalidField("options.horizon_weeks", "an integer from 1 to 104");
    }
    options.horizon_weeks = *request.horizon_weeks;
  }
  if (request.capacity_ceiling) {
    if (!(*request.capacity_ceiling > 0 && *request.capacity_ceiling <= kMaxCeiling)) {
      return InvalidField("options.capacity_ceiling", "a share in (0, 2]");
    }
    options.capacity_ceiling = *request.capacity_ceiling;
  }
  if (request.time_limit_seconds) {
    if (!(*request.time_limit_seconds >= kMinTimeLimit &&
          *request.time_limit_seconds <= kMaxTimeLimit)) {
      return InvalidField("options.time_limit_seconds", "seconds from 0.1 to 120");
    }
    options.time_limit_seconds = *request.time_limit_seconds;
  }
  return options;
}

Result<PlanRef> StaffingBoardService::Keep(StoredPlan plan) {
  plan.id = GenerateToken("plan_");
  const std::string payload = options_.codec.encode(plan.document);
  RETURN_IF_ERROR(accounts_.CreateStaffingPlan(
      {plan.id, plan.owner_user_id, plan.created_seconds, false, payload}));
  // Old plans go when new ones come; a failed clean-up leaves them a while.
  accounts_.DeleteStaffingPlansBefore(plan.created_seconds - options_.plan_ttl_seconds)
      .status()
      .IgnoreError();
  auto ref = std::make_shared<const StoredPlan>(std::move(plan));
  Cache(ref, false);
  return ref;
}

void StaffingBoardService::Cache(PlanRef plan, bool accepted) {
  std::lock_guard<std::mutex> lock(plans_mu_);
  const std::string id = plan->id;
  if (plans_.count(id)) return;
  plans_[id] = Slot{std::move(plan), accepted};
  order_.push_back(id);
  while (static_cast<int>(order_.size()) > std::max(1, options_.max_plans)) {
    plans_.erase(order_.front());
    order_.pop_front();
  }
}

Result<PlanView> StaffingBoardService::Propose(const Principal& viewer,
                                               const PlanRequest& request) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  ASSIGN_OR_RETURN(staffing::StaffingOptions options, OptionsFor(request));
  const FirmData& data = snapshot->data();
  auto access = std::make_shared<const StaffingAccess>(Authorizer(*snapshot).Staffing(viewer));
  if (!access->MayUseBoard()) {
    return PermissionDenied("plans are for administrators, firm leaders and engagement leaders");
  }
  StoredPlan stored;
  stored.owner_user_id = viewer.user_id;
  stored.created_seconds = clock_.NowSeconds();
  PlanDocument& document = stored.document;
  document.mode = request.mode;
  document.options = options;
  const Date today = clock_.Today();
  if (request.mode == PlanMode::kIncremental) {
    if (request.opening_id.empty()) {
      return InvalidField("opening_id", "an opening id for mode \"incremental\"");
    }
    const Opening* opening = FindOpening(data, request.opening_id);
    if (!opening) return NotFound("opening_id: no opening '" + request.opening_id + "'");
    if (!access->MayStaff(opening->engagement_id)) {
      return PermissionDenied("opening_id: " + request.opening_id +
                              " is not on an engagement you lead");
    }
    StaffingPlanner planner(data, today, options);
    ASSIGN_OR_RETURN(document.plan, planner.Incremental(opening->id));
    document.opening_id = opening->id;
  } else if (access->FirmWide()) {
    StaffingPlanner planner(data, today, options);
    ASSIGN_OR_RETURN(document.plan, planner.Plan());
  } else {
    const FirmData restricted = RestrictTo(data, access->Led());
    StaffingPlanner planner(restricted, today, options);
    ASSIGN_OR_RETURN(document.plan, planner.Plan());
    KeepIssuesIn(data, access->Led(), document.plan);
  }
  ASSIGN_OR_RETURN(PlanRef kept, Keep(std::move(stored)));
  return PlanView{std::move(kept), false, snapshot, FiguresFor(access)};
}

Result<StaffingBoardService::Slot> StaffingBoardService::Find(std::string_view plan_id) {
  std::optional<Slot> cached;
  {
    std::lock_guard<std::mutex> lock(plans_mu_);
    if (auto it = plans_.find(plan_id); it != plans_.end()) cached = it->second;
  }
  if (cached) {
    // The plan itself never changes, but another server may accept it (or
    // release a failed claim): the mark is read from the database each time.
    ASSIGN_OR_RETURN(std::optional<bool> accepted, accounts_.StaffingPlanAccepted(plan_id));
    if (accepted && *accepted != cached->accepted) {
      cached->accepted = *accepted;
      std::lock_guard<std::mutex> lock(plans_mu_);
      if (auto it = plans_.find(plan_id); it != plans_.end()) it->second.accepted = *accepted;
    }
    return *std::move(cached);
  }
  ASSIGN_OR_RETURN(std::optional<StaffingPlanRecord> record, accounts_.FindStaffingPlan(plan_id));
  if (!record) {
    return NotFound("id: no plan '" + std::string(plan_id) + "' (plans are kept " +
                    std::to_string(options_.plan_ttl_seconds / 86400) +
                    " days; propose a new one)");
  }
  auto decoded = options_.codec.decode(record->payload, "stored plan " + record->id);
  // Text in the database that does not read back is our fault, not the caller's.
  if (!decoded.ok()) return Internal(decoded.status().message());
  StoredPlan plan;
  plan.id = record->id;
  plan.owner_user_id = record->owner_user_id;
  plan.created_seconds = record->created_at;
  plan.document = std::move(decoded).value();
  auto ref = std::make_shared<const StoredPlan>(std::move(plan));
  Cache(ref, record->accepted);
  return Slot{std::move(ref), record->accepted};
}

Result<PlanView> StaffingBoardService::Get(const Principal& viewer, std::string_view plan_id) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  ASSIGN_OR_RETURN(Slot slot, Find(plan_id));
  auto access = std::make_shared<const StaffingAccess>(Authorizer(*snapshot).Staffing(viewer));
  if (!access->MayActOnPlan(slot.plan->owner_user_id)) {
    return PermissionDenied("plan " + std::string(plan_id) +
                            ": only its author, firm leaders and administrators may read it");
  }
  return PlanView{slot.plan, slot.accepted, snapshot, FiguresFor(access)};
}

Result<std::pair<PlanView, staffing::ProposedAssignment>> StaffingBoardService::Explain(
    const Principal& viewer, std::string_view plan_id, std::string_view key) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  ASSIGN_OR_RETURN(Slot slot, Find(plan_id));
  const staffing::ProposedAssignment* entry = staffing::FindInPlan(slot.plan->document.plan, key);
  auto access = std::make_shared<const StaffingAccess>(Authorizer(*snapshot).Staffing(viewer));
  const std::string_view seated = entry ? std::string_view(entry->assignment.person_id) : "";
  if (!access->MayReadEntry(slot.plan->owner_user_id, seated)) {
    return PermissionDenied("plan " + std::string(plan_id) +
                            ": you may read only the explanation of your own assignment");
  }
  if (!entry) {
    return NotFound("key: no assignment, seat or single person '" + std::string(key) +
                    "' in plan " + std::string(plan_id));
  }
  return std::pair{PlanView{slot.plan, slot.accepted, snapshot, FiguresFor(access)}, *entry};
}

namespace {

// The entries of `plan` named in `selected` (assignment or seat ids; all of
// them when empty), with `changes` (entry -> person) applied. Sets *changed.
Result<staffing::StaffingPlan> Chosen(const staffing::StaffingPlan& plan, std::string_view plan_id,
                                      const std::vector<std::string>& selected,
                                      const std::map<std::string, std::string>& changes,
                                      const FirmSnapshot& snapshot, int* changed) {
  staffing::StaffingPlan chosen;
  chosen.today = plan.today;
  chosen.assignments = plan.assignments;
  if (!selected.empty()) {
    chosen.assignments.clear();
    std::set<std::string_view> taken;
    for (const std::string& key : selected) {
      const staffing::ProposedAssignment* entry = staffing::FindInPlan(plan, key);
      if (!entry || (key != entry->assignment.id && key != entry->seat_id)) {
        return InvalidField("assignment_ids",
                            "assignment or seat ids of plan " + std::string(plan_id), key);
      }
      if (taken.insert(entry->assignment.id).second) chosen.assignments.push_back(*entry);
    }
  }
  for (const auto& [key, person_id] : changes) {
    auto entry = std::find_if(chosen.assignments.begin(), chosen.assignments.end(),
                              [&key = key](const staffing::ProposedAssignment& pa) {
                                return pa.assignment.id == key || pa.seat_id == key;
                              });
    if (entry == chosen.assignments.end()) {
      return InvalidField("changes",
                          "assignment or seat ids among the entries being accepted from plan " +
                              std::string(plan_id),
                          key);
    }
    if (!snapshot.FindPerson(person_id)) {
      return InvalidField("changes", "a person id for " + key, person_id);
    }
    if (entry->assignment.person_id == person_id) continue;
    entry->assignment.person_id = person_id;
    entry->stretch = false;  // the checker decides from the levels
    ++*changed;
  }
  return chosen;
}

}  // namespace

Result<AcceptedEntries> StaffingBoardService::Accept(
    const Principal& viewer, std::string_view plan_id, const std::vector<std::string>& selected,
    const std::map<std::string, std::string>& changes) {
  std::lock_guard<std::mutex> accepting(accept_mu_);
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  ASSIGN_OR_RETURN(Slot slot, Find(plan_id));
  auto access = std::make_shared<const StaffingAccess>(Authorizer(*snapshot).Staffing(viewer));
  if (!access->MayActOnPlan(slot.plan->owner_user_id)) {
    return PermissionDenied("plan " + std::string(plan_id) +
                            ": only its author, firm leaders and administrators may accept it");
  }
  if (slot.accepted) {
    return FailedPrecondition("plan " + std::string(plan_id) + " was already accepted");
  }
  int changed = 0;
  ASSIGN_OR_RETURN(staffing::StaffingPlan chosen, Chosen(slot.plan->document.plan, plan_id,
                                                         selected, changes, *snapshot, &changed));
  for (const staffing::ProposedAssignment& pa : chosen.assignments) {
    const Opening* opening = FindOpening(snapshot->data(), pa.assignment.opening_id);
    if (!opening || !access->MayStaff(opening->engagement_id)) {
      return PermissionDenied("assignment_ids: " + pa.assignment.id + " is on " +
                              pa.assignment.opening_id + ", not on an engagement you lead");
    }
  }
  auto mark_accepted = [&] {
    std::lock_guard<std::mutex> lock(plans_mu_);
    if (auto it = plans_.find(plan_id); it != plans_.end()) it->second.accepted = true;
  };
  AcceptRequest request{std::move(chosen), options_.staffing, clock_.Today(),
                        [access](std::string_view person) { return access->MayReadLoads(person); }};
  request.options.progress = nullptr;
  // Checked against the store's data now: this server's snapshot brought up
  // to the change feed (other servers' writes included), never a reload.
  RETURN_IF_ERROR(snapshots_.Refresh());
  request.firm = snapshots_.Peek();
  // The plan's claim is written in the entries' transaction (issue 27,
  // 8(a)): one server wins it, and a crash leaves neither a claimed plan
  // without its assignments nor assignments of an unclaimed plan.
  request.commit = [&](FirmChange&& change) {
    const std::string detail = "assignments=" + std::to_string(change.upserts.assignments.size());
    WriteRequest write{
        std::move(change),
        AuditEntry{0, 0, viewer.user_id, "staffing.accept", "plan", std::string(plan_id), detail},
        std::string(plan_id)};
    return writer_.Commit(write).status();
  };
  auto accepted = AcceptStaffingEntries(store_, request);
  if (!accepted.ok()) {
    // Another server's accept of this plan makes ours fail at the claim.
    if (auto mark = accounts_.StaffingPlanAccepted(plan_id); mark.ok() && mark->value_or(false)) {
      mark_accepted();
      return FailedPrecondition("plan " + std::string(plan_id) + " was already accepted");
    }
    return accepted.status();
  }
  mark_accepted();
  accepted->changed = changed;
  return accepted;
}

Result<MarketView> StaffingBoardService::Market(const Principal& viewer, int weeks,
                                                std::string_view plan_id) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  if (!Authorizer(*snapshot).Staffing(viewer).MayReadMarket()) {
    return PermissionDenied("the staffing market is for firm leaders and administrators");
  }
  if (weeks < 1 || weeks > kMaxMarketWeeks) {
    return InvalidField("weeks", "an integer from 1 to 52");
  }
  std::optional<Slot> slot;
  if (!plan_id.empty()) {
    auto found = Find(plan_id);
    if (!found.ok()) return NotFound("plan: no plan '" + std::string(plan_id) + "'");
    slot = std::move(found).value();
  }
  staffing::MarketOptions market;
  market.weeks = weeks;
  StaffingPlanner planner(snapshot->data(), clock_.Today(), options_.staffing);
  ASSIGN_OR_RETURN(staffing::MarketReport report,
                   planner.Market(market, slot ? &slot->plan->document.plan : nullptr));
  return MarketView{snapshot, std::move(report)};
}

}  // namespace guild
