#include "service/staffing/volunteer_service.h"

#include <algorithm>
#include <optional>
#include <tuple>
#include <unordered_map>

namespace guild {
namespace {

struct Held {
  int level = 0;
  bool wants_to_grow = false;
};
using Levels = std::unordered_map<std::string_view, Held>;

// The person's effective level per skill (SkillsOf: highest precedence) and
// wants-to-grow when any of their ratings says so, as the engine reads them.
Levels LevelsOf(const FirmSnapshot& s, uint32_t person) {
  Levels levels;
  const auto& ratings = s.data().person_skills;
  for (uint32_t at : s.SkillsOf(person)) levels[ratings[at].skill_id].level = ratings[at].level;
  for (uint32_t at : s.RatingsOf(person)) {
    if (ratings[at].wants_to_grow) levels[ratings[at].skill_id].wants_to_grow = true;
  }
  return levels;
}

bool Live(const Engagement& e) {
  return e.status == EngagementStatus::kTentative || e.status == EngagementStatus::kConfirmed;
}

// Why an opening takes no volunteers, or "" when it is open.
std::string ClosedBecause(const Opening& o, const Engagement& e, Date today) {
  if (!Live(e)) return "its engagement is " + std::string(ToString(e.status));
  if (e.end < today) return "its engagement ended on " + FormatDate(e.end);
  if (o.end < today) return "it ended on " + FormatDate(o.end);
  return "";
}

// The people on each opening (one entry per assignment), by opening id.
std::unordered_map<std::string_view, std::vector<std::string_view>> AssigneesByOpening(
    const FirmData& d) {
  std::unordered_map<std::string_view, std::vector<std::string_view>> on;
  for (const Assignment& a : d.assignments) on[a.opening_id].push_back(a.person_id);
  return on;
}

// H3's "someone on it is already below a minimum": the opening's stretch
// person, read from the assignees' effective levels.
bool HasStretchedAssignee(const FirmSnapshot& s, const Opening& o,
                          std::span<const std::string_view> people) {
  for (std::string_view id : people) {
    const auto at = s.PersonIndex(id);
    if (!at) continue;
    const Levels theirs = LevelsOf(s, *at);
    for (const SkillRequirement& req : o.required) {
      const auto h = theirs.find(req.skill_id);
      if (h == theirs.end() || h->second.level < req.min_level) return true;
    }
  }
  return false;
}

// One person looking at openings: their levels and grade, and how each
// opening stands for them.
struct Seeker {
  Seeker(const FirmSnapshot& snapshot, const staffing::StaffingOptions& staffing, uint32_t person,
         Date on)
      : s(snapshot),
        options(staffing),
        me(snapshot.data().people[person]),
        mine(LevelsOf(snapshot, person)),
        lead_grade(std::find(staffing.lead_grades.begin(), staffing.lead_grades.end(), me.grade) !=
                   staffing.lead_grades.end()),
        today(on) {}

  // The opening as `me` could take it: rule H3 as the engine applies it, the
  // seat's dates and the lead rule; nullopt when it neither fits nor has them
  // volunteered. `people`: who is on it (it has seats left, `me` not among them).
  std::optional<OpeningForPerson> Consider(uint32_t opening, uint32_t engagement,
                                           std::span<const std::string_view> people,
                                           bool volunteered) const {
    const Opening& o = s.data().openings[opening];
    const Engagement& e = s.data().engagements[engagement];
    OpeningForPerson item{opening,
                          engagement,
                          o.headcount - static_cast<int>(people.size()),
                          OpeningFitKind::kFit,
                          {},
                          -1,
                          -1,
                          0,
                          volunteered,
                          ""};
    for (const SkillRequirement& req : o.required) {
      const auto h = mine.find(req.skill_id);
      item.levels.push_back({req.min_level, h == mine.end() ? 0 : h->second.level,
                             h != mine.end() && h->second.wants_to_grow});
    }
    auto level = [&](size_t k) { return item.levels[k]; };
    staffing::SkillMatch match =
        staffing::MatchSkills(item.levels.size(), o.headcount >= options.stretch_min_group, level);
    // A stretch needs nobody on the opening below a minimum yet (read only then).
    if (match.stretch >= 0 && HasStretchedAssignee(s, o, people)) {
      match = staffing::MatchSkills(item.levels.size(), false, level);
    }
    const Date seat_start = std::max({o.start, e.start, today});
    const Date seat_end = std::min(o.end, e.end);
    const bool employed = (!me.start_date || *me.start_date <= seat_start) &&
                          (!me.end_date || *me.end_date >= seat_end);
    const bool takes = match.eligible && employed && (!o.lead || lead_grade);
    if (!takes && !volunteered) return std::nullopt;
    if (takes) {
      item.kind = match.stretch >= 0 ? OpeningFitKind::kStretch : OpeningFitKind::kFit;
      item.stretch = match.stretch;
      item.score = options.weights.skill_fit * match.fit +
                   (match.stretch >= 0 ? options.weights.growth : 0.0);
    } else {
      item.kind = OpeningFitKind::kShort;
      item.short_of = match.eligible ? -1 : match.short_of;
      item.score = -options.weights.unfilled;
    }
    return item;
  }

  const FirmSnapshot& s;
  const staffing::StaffingOptions& options;
  const Person& me;
  const Levels mine;
  const bool lead_grade;
  const Date today;
};

std::optional<uint32_t> OpeningAt(const FirmData& d, std::string_view id) {
  for (uint32_t i = 0; i < d.openings.size(); ++i) {
    if (d.openings[i].id == id) return i;
  }
  return std::nullopt;
}

std::string SkillName(const FirmSnapshot& s, std::string_view id) {
  const Skill* skill = s.FindSkill(id);
  return skill ? skill->name : std::string(id);
}

std::string Standing(const FirmSnapshot& s, const SkillRequirement& req,
                     const staffing::RequirementLevel& r) {
  return SkillName(s, req.skill_id) + " at " + std::to_string(r.level) + " (needs " +
         std::to_string(req.min_level) + ")";
}

// The sentence a person reads beside the opening: skill names and their own
// levels only.
std::string WhyOf(const FirmSnapshot& s, const Opening& o, const OpeningForPerson& item) {
  if (item.kind == OpeningFitKind::kShort) {
    const auto i = static_cast<size_t>(item.short_of);
    return "You volunteered, but it needs " + SkillName(s, o.required[i].skill_id) + " at " +
           std::to_string(o.required[i].min_level) + " and you are at " +
           std::to_string(item.levels[i].level) + ".";
  }
  std::string met;
  for (size_t i = 0; i < o.required.size(); ++i) {
    if (static_cast<int>(i) == item.stretch) continue;
    met += (met.empty() ? "" : ", ") + Standing(s, o.required[i], item.levels[i]);
  }
  if (item.kind == OpeningFitKind::kStretch) {
    const auto i = static_cast<size_t>(item.stretch);
    std::string why = "A stretch seat: it needs " + SkillName(s, o.required[i].skill_id) + " at " +
                      std::to_string(o.required[i].min_level) + ", one level above your " +
                      std::to_string(item.levels[i].level) + ", a skill you want to grow.";
    if (!met.empty()) why += " You meet the rest: " + met + ".";
    return why;
  }
  if (met.empty()) return "It asks for no particular skill.";
  return "Fits your skills: " + met + ".";
}

Status OpeningProblem(StatusCode code, std::string_view id, std::string message) {
  return Status(code, "id: " + message,
                ErrorLocation{"id", "path", "an open opening with seats left", std::string(id)});
}

}  // namespace

std::string_view ToString(OpeningFitKind kind) {
  switch (kind) {
    case OpeningFitKind::kFit: return "fit";
    case OpeningFitKind::kStretch: return "stretch";
    case OpeningFitKind::kShort: return "short";
  }
  return "fit";
}

VolunteerService::VolunteerService(SnapshotHolder& snapshots, FirmWriter& writer,
                                   const Clock& clock, staffing::StaffingOptions options)
    : snapshots_(snapshots), writer_(writer), clock_(clock), options_(std::move(options)) {}

Result<std::shared_ptr<const FirmSnapshot>> VolunteerService::Snapshot() {
  auto snapshot = snapshots_.Current();
  if (!snapshot) return Unavailable("the firm's data is not loaded yet");
  return snapshot;
}

std::vector<OpeningForPerson> VolunteerService::ListFor(const FirmSnapshot& s, uint32_t person,
                                                        Date today) const {
  const FirmData& d = s.data();
  const Seeker seeker(s, options_, person, today);
  const auto on = AssigneesByOpening(d);
  std::unordered_map<std::string_view, PreferenceKind> prefs;
  for (const OpeningPreference& p : d.opening_preferences) {
    if (p.person_id == seeker.me.id) prefs[p.opening_id] = p.kind;
  }
  std::vector<OpeningForPerson> out;
  for (uint32_t i = 0; i < d.openings.size(); ++i) {
    const Opening& o = d.openings[i];
    const auto e = s.EngagementIndex(o.engagement_id);
    if (!e || !ClosedBecause(o, d.engagements[*e], today).empty()) continue;
    const auto assignees = on.find(o.id);
    const std::span<const std::string_view> people =
        assignees == on.end() ? std::span<const std::string_view>{} : assignees->second;
    if (o.headcount <= static_cast<int>(people.size()) ||
        std::find(people.begin(), people.end(), seeker.me.id) != people.end()) {
      continue;
    }
    const auto pref = prefs.find(o.id);
    if (pref != prefs.end() && pref->second == PreferenceKind::kExcluded) continue;
    const bool volunteered = pref != prefs.end() && pref->second == PreferenceKind::kVolunteer;
    if (auto item = seeker.Consider(i, *e, people, volunteered)) out.push_back(std::move(*item));
  }
  std::sort(out.begin(), out.end(), [&](const OpeningForPerson& a, const OpeningForPerson& b) {
    const Opening& x = d.openings[a.opening];
    const Opening& y = d.openings[b.opening];
    return std::tie(b.score, x.start, x.id) < std::tie(a.score, y.start, y.id);
  });
  for (OpeningForPerson& item : out) {
    if (item.kind == OpeningFitKind::kShort && item.short_of < 0) {
      // Skills met, but the dates or the lead grade rule it out.
      item.why = "You volunteered, but the engagement's dates or its lead seat rule you out.";
    } else {
      item.why = WhyOf(s, d.openings[item.opening], item);
    }
  }
  return out;
}

Result<OpeningsForPerson> VolunteerService::Openings(const Principal& viewer,
                                                     const PageRequest& page) {
  RETURN_IF_ERROR(CheckPageLimit(page.limit));
  ASSIGN_OR_RETURN(size_t offset, DecodeOffsetCursor(page.cursor));
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  if (!Authorizer(*snapshot).CanVolunteer(viewer, viewer.person_id)) {
    return PermissionDenied(
        "openings to volunteer for are a person's own: your user has no person");
  }
  std::vector<OpeningForPerson> all =
      ListFor(*snapshot, *snapshot->PersonIndex(viewer.person_id), clock_.Today());
  OpeningsForPerson result;
  result.snapshot = snapshot;
  result.total = static_cast<int64_t>(all.size());
  const size_t first = std::min(offset, all.size());
  const size_t last = std::min(first + static_cast<size_t>(page.limit), all.size());
  result.items.assign(std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(first)),
                      std::make_move_iterator(all.begin() + static_cast<std::ptrdiff_t>(last)));
  if (last < all.size()) result.next_cursor = EncodeOffsetCursor(last);
  return result;
}

Result<OpeningsBySkill> VolunteerService::OpeningsGrowing(const Principal& viewer,
                                                          std::string_view person_id,
                                                          std::span<const std::string> skill_ids,
                                                          int limit) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const auto person = snapshot->PersonIndex(person_id);
  if (!person) return NotFound("id: no person '" + std::string(person_id) + "'");
  OpeningsBySkill out;
  out.snapshot = snapshot;
  out.openings.resize(skill_ids.size());
  out.visible = Authorizer(*snapshot).CanVolunteer(viewer, person_id);
  if (!out.visible) return out;
  const std::vector<OpeningForPerson> all = ListFor(*snapshot, *person, clock_.Today());
  const FirmData& d = snapshot->data();
  for (size_t k = 0; k < skill_ids.size(); ++k) {
    std::vector<OpeningForPerson>& mine = out.openings[k];
    auto asks = [&](const OpeningForPerson& item, bool stretch) {
      const Opening& o = d.openings[item.opening];
      for (size_t i = 0; i < o.required.size(); ++i) {
        if (o.required[i].skill_id != skill_ids[k]) continue;
        return !stretch || static_cast<int>(i) == item.stretch;
      }
      return false;
    };
    for (bool stretch : {true, false}) {
      for (const OpeningForPerson& item : all) {
        if (static_cast<int>(mine.size()) >= limit) break;
        if (item.kind == OpeningFitKind::kShort || !asks(item, stretch)) continue;
        if (!stretch && asks(item, true)) continue;  // listed in the first pass
        mine.push_back(item);
      }
    }
  }
  return out;
}

Result<VolunteerState> VolunteerService::Volunteer(const Principal& viewer,
                                                   std::string_view opening_id, std::string note) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  if (!Authorizer(s).CanVolunteer(viewer, viewer.person_id)) {
    return PermissionDenied("volunteering is for a person of the firm: your user has no person");
  }
  if (note.size() > kMaxVolunteerNoteLength) {
    return InvalidField("note", "at most " + std::to_string(kMaxVolunteerNoteLength) + " bytes", "",
                        "body");
  }
  const FirmData& d = s.data();
  const auto at = OpeningAt(d, opening_id);
  if (!at) {
    return OpeningProblem(StatusCode::kNotFound, opening_id,
                          "no opening '" + std::string(opening_id) + "'");
  }
  const Opening& o = d.openings[*at];
  const auto e = s.EngagementIndex(o.engagement_id);
  if (!e)
    return OpeningProblem(StatusCode::kFailedPrecondition, opening_id, "it has no engagement");
  const std::string closed = ClosedBecause(o, d.engagements[*e], clock_.Today());
  if (!closed.empty()) {
    return OpeningProblem(StatusCode::kFailedPrecondition, opening_id,
                          "the opening is closed: " + closed);
  }
  const auto on = AssigneesByOpening(d);
  const auto assignees = on.find(o.id);
  const size_t taken = assignees == on.end() ? 0 : assignees->second.size();
  if (assignees != on.end() && std::find(assignees->second.begin(), assignees->second.end(),
                                         viewer.person_id) != assignees->second.end()) {
    return OpeningProblem(StatusCode::kFailedPrecondition, opening_id, "you are already on it");
  }
  if (static_cast<int>(taken) >= o.headcount) {
    return OpeningProblem(
        StatusCode::kFailedPrecondition, opening_id,
        "the opening is filled: all " + std::to_string(o.headcount) + " seats are taken");
  }
  for (const OpeningPreference& p : d.opening_preferences) {
    if (p.opening_id != o.id || p.person_id != viewer.person_id) continue;
    if (p.kind != PreferenceKind::kVolunteer) {
      return OpeningProblem(StatusCode::kFailedPrecondition, opening_id,
                            "the engagement leader has already decided your place on it");
    }
    if (p.note == note) return VolunteerState{o.id, viewer.person_id, true};
  }
  FirmChange change;
  change.upserts.opening_preferences.push_back(
      OpeningPreference{o.id, viewer.person_id, PreferenceKind::kVolunteer, std::move(note)});
  WriteRequest request{std::move(change),
                       AuditEntry{0, 0, viewer.user_id, "opening.volunteer", "opening-preference",
                                  o.id + "/" + viewer.person_id, viewer.person_id + " volunteers"},
                       ""};
  RETURN_IF_ERROR(writer_.Commit(request).status());
  return VolunteerState{o.id, viewer.person_id, true};
}

Result<VolunteerState> VolunteerService::Withdraw(const Principal& viewer,
                                                  std::string_view opening_id) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  if (!Authorizer(s).CanVolunteer(viewer, viewer.person_id)) {
    return PermissionDenied("volunteering is for a person of the firm: your user has no person");
  }
  const FirmData& d = s.data();
  if (!OpeningAt(d, opening_id)) {
    return OpeningProblem(StatusCode::kNotFound, opening_id,
                          "no opening '" + std::string(opening_id) + "'");
  }
  const auto mine = std::find_if(
      d.opening_preferences.begin(), d.opening_preferences.end(), [&](const OpeningPreference& p) {
        return p.opening_id == opening_id && p.person_id == viewer.person_id &&
               p.kind == PreferenceKind::kVolunteer;
      });
  if (mine == d.opening_preferences.end()) {
    return OpeningProblem(StatusCode::kNotFound, opening_id,
                          "you have not volunteered for this opening");
  }
  const std::string key = std::string(opening_id) + "/" + viewer.person_id;
  FirmChange change;
  change.deletes.push_back({EntityKind::kOpeningPreferences, {key}});
  WriteRequest request{std::move(change),
                       AuditEntry{0, 0, viewer.user_id, "opening.withdraw", "opening-preference",
                                  key, viewer.person_id + " withdraws"},
                       ""};
  RETURN_IF_ERROR(writer_.Commit(request).status());
  return VolunteerState{std::string(opening_id), viewer.person_id, false};
}

}  // namespace guild
