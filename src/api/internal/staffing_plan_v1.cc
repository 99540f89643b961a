// Plans stored by Guild before the JSON codec: "guild-plan/1;" then each
// field in a fixed order, integers and doubles as "<chars>;", strings as
// "<byte length>:<bytes>" (staffing_plan_v1.h). Read only: new plans are
// stored as JSON.
#include "api/internal/staffing_plan_v1.h"

#include <charconv>
#include <cstdint>
#include <string>
#include <system_error>
#include <vector>

namespace guild::api::internal {

namespace {

using namespace ::guild::staffing;

constexpr std::string_view kTag = "guild-plan/1;";
// No list in a plan is longer than this; a larger count is corruption.
constexpr int64_t kMaxCount = 50'000'000;

class Reader {
 public:
  Reader(std::string_view text, std::string_view source) : text_(text), source_(source) {
    if (text_.substr(0, kTag.size()) != kTag) {
      Fail("version tag", "expected \"guild-plan/1;\"");
    } else {
      pos_ = kTag.size();
    }
  }
  int64_t Int(const char* field) {
    int64_t v = 0;
    Number(field, v, ';');
    return v;
  }
  int IntIn(const char* field, int64_t lo, int64_t hi) {
    int64_t v = Int(field);
    if (ok() && (v < lo || v > hi)) Fail(field, "value " + std::to_string(v) + " out of range");
    return ok() ? static_cast<int>(v) : 0;
  }
  double Real(const char* field) {
    double v = 0;
    Number(field, v, ';');
    return v;
  }
  bool Bool(const char* field) { return IntIn(field, 0, 1) != 0; }
  Date Day(const char* field) { return Date{IntIn(field, INT32_MIN, INT32_MAX)}; }
  std::string Str(const char* field) {
    int64_t n = 0;
    Number(field, n, ':');
    if (!ok()) return {};
    if (n < 0 || static_cast<uint64_t>(n) > text_.size() - pos_) {
      Fail(field, "string length " + std::to_string(n) + " runs past the end");
      return {};
    }
    std::string s(text_.substr(pos_, static_cast<size_t>(n)));
    pos_ += static_cast<size_t>(n);
    return s;
  }
  size_t Count(const char* field) {
    int64_t n = Int(field);
    if (ok() && (n < 0 || n > kMaxCount)) Fail(field, "count " + std::to_string(n) + " invalid");
    return ok() ? static_cast<size_t>(n) : 0;
  }
  std::vector<std::string> Strs(const char* field) {
    std::vector<std::string> list;
    for (size_t n = Count(field), i = 0; i < n && ok(); ++i) list.push_back(Str(field));
    return list;
  }
  void End() {
    if (ok() && pos_ != text_.size()) Fail("end", "unexpected bytes after the plan");
  }
  [[nodiscard]] bool ok() const { return status_.ok(); }
  [[nodiscard]] const Status& status() const { return status_; }
  //! Records the first error: "SOURCE: byte N, FIELD: WHAT".
  void Fail(const char* field, const std::string& what) {
    if (ok()) {
      status_ = InvalidArgument(std::string(source_) + ": byte " + std::to_string(pos_) + ", " +
                                field + ": " + what);
    }
  }

 private:
  template <typename T>
  void Number(const char* field, T& v, char terminator) {
    if (!ok()) return;
    const char* begin = text_.data() + pos_;
    const char* end = text_.data() + text_.size();
    auto [ptr, ec] = std::from_chars(begin, end, v);
    if (ec != std::errc() || ptr == end || *ptr != terminator) {
      Fail(field, std::string("expected a number ended by '") + terminator + "'");
      return;
    }
    pos_ = static_cast<size_t>(ptr + 1 - text_.data());
  }
  std::string_view text_;
  std::string_view source_;
  size_t pos_ = 0;
  Status status_;
};

void Get(Reader& r, ObjectiveWeights& x) {
  for (double* v : {&x.unfilled, &x.base, &x.skill_fit, &x.growth, &x.volunteer, &x.continuity,
                    &x.worked_together, &x.idle, &x.load, &x.load_threshold, &x.cost,
                    &x.reference_rate, &x.key_client_partner}) {
    *v = r.Real("options.weights");
  }
}

void Get(Reader& r, StaffingOptions& o) {
  o.horizon_weeks = r.IntIn("options.horizon_weeks", 1, 104);
  o.capacity_ceiling = r.Real("options.capacity_ceiling");
  Get(r, o.weights);
  o.candidates_per_seat = r.IntIn("options.candidates_per_seat", 0, INT32_MAX);
  o.max_scan = r.IntIn("options.max_scan", 0, INT32_MAX);
  o.time_limit_seconds = r.Real("options.time_limit_seconds");
  o.lead_grades = r.Strs("options.lead_grades");
  o.partner_grades = r.Strs("options.partner_grades");
  o.stretch_min_group = r.IntIn("options.stretch_min_group", 0, INT32_MAX);
  o.max_tentative_moves = r.IntIn("options.max_tentative_moves", 0, INT32_MAX);
  o.runner_ups = r.IntIn("options.runner_ups", 0, INT32_MAX);
  o.explain = r.Bool("options.explain");
  o.bound_iterations = r.IntIn("options.bound_iterations", 0, INT32_MAX);
}

void Get(Reader& r, ProposedAssignment& a) {
  a.seat_id = r.Str("assignment.seat_id");
  a.assignment.id = r.Str("assignment.id");
  a.assignment.person_id = r.Str("assignment.person_id");
  // Every entry seats a person: JSON, which such a plan is rewritten as,
  // cannot hold an entry without one.
  if (r.ok() && a.assignment.person_id.empty()) r.Fail("assignment.person_id", "empty");
  a.assignment.opening_id = r.Str("assignment.opening_id");
  a.assignment.hours_per_week = r.Real("assignment.hours_per_week");
  a.assignment.start = r.Day("assignment.start");
  a.assignment.end = r.Day("assignment.end");
  a.assignment.status =
      r.Bool("assignment.status") ? AssignmentStatus::kConfirmed : AssignmentStatus::kTentative;
  a.moved_from_person_id = r.Str("assignment.moved_from_person_id");
  a.stretch = r.Bool("assignment.stretch");
  a.cost = r.Real("assignment.cost");
  Explanation& e = a.explanation;
  for (size_t n = r.Count("explanation.fit"), i = 0; i < n && r.ok(); ++i) {
    SkillFit& f = e.fit.emplace_back();
    f.skill_id = r.Str("explanation.fit.skill_id");
    f.required = r.IntIn("explanation.fit.required", 0, 100);
    f.level = r.IntIn("explanation.fit.level", 0, 100);
  }
  e.stretch_skill_id = r.Str("explanation.stretch_skill_id");
  e.coach_id = r.Str("explanation.coach_id");
  e.load_before = r.Real("explanation.load_before");
  e.load_after = r.Real("explanation.load_after");
  const int flags = r.IntIn("explanation.flags", 0, 15);
  e.continuity = (flags & 1) != 0;
  e.volunteer = (flags & 2) != 0;
  e.pinned = (flags & 4) != 0;
  e.key_client_partner = (flags & 8) != 0;
  e.worked_with = r.IntIn("explanation.worked_with", 0, INT32_MAX);
  for (size_t n = r.Count("explanation.runner_ups"), i = 0; i < n && r.ok(); ++i) {
    RunnerUp& u = e.runner_ups.emplace_back();
    u.person_id = r.Str("explanation.runner_up.person_id");
    if (r.ok() && u.person_id.empty()) r.Fail("explanation.runner_up.person_id", "empty");
    u.cost = r.Real("explanation.runner_up.cost");
    u.why_lost = r.Str("explanation.runner_up.why_lost");
  }
}

}  // namespace

bool IsStaffingPlanV1(std::string_view text) { return text.substr(0, kTag.size()) == kTag; }

Result<PlanDocument> ReadStaffingPlanV1(std::string_view text, std::string_view source) {
  Reader r(text, source);
  PlanDocument parts;
  parts.mode = r.IntIn("mode", 0, 1) == 1 ? PlanMode::kIncremental : PlanMode::kFull;
  parts.opening_id = r.Str("opening_id");
  Get(r, parts.options);
  StaffingPlan& p = parts.plan;
  p.today = r.Day("today");
  p.objective = r.Real("objective");
  p.bound = r.Real("bound");
  p.gap = r.Real("gap");
  p.gap_assignable = r.Real("gap_assignable");
  p.seats = r.Int("seats");
  p.candidates = r.Int("candidates");
  // Grow lists one decoded element at a time: a corrupt count must not
  // allocate before the bytes behind it are seen.
  for (size_t n = r.Count("assignments"), i = 0; i < n && r.ok(); ++i) {
    Get(r, p.assignments.emplace_back());
  }
  for (size_t n = r.Count("unfilled"), i = 0; i < n && r.ok(); ++i) {
    UnfilledSeat& u = p.unfilled.emplace_back();
    u.seat_id = r.Str("unfilled.seat_id");
    u.opening_id = r.Str("unfilled.opening_id");
    u.reason = r.Str("unfilled.reason");
  }
  for (size_t n = r.Count("issues"), i = 0; i < n && r.ok(); ++i) {
    ConstraintIssue& c = p.issues.emplace_back();
    c.constraint = r.Str("issue.constraint");
    c.subject_id = r.Str("issue.subject_id");
    c.message = r.Str("issue.message");
  }
  for (size_t n = r.Count("steps"), i = 0; i < n && r.ok(); ++i) {
    StepReport& s = p.steps.emplace_back();
    s.name = r.Str("step.name");
    s.seconds = r.Real("step.seconds");
    s.effect = r.Str("step.effect");
  }
  r.End();
  if (!r.ok()) return r.status();
  return parts;
}

}  // namespace guild::api::internal
