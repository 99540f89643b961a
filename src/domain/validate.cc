#include "domain/validate.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "domain/internal/validate_rules.h"

namespace guild {

namespace {

constexpr double kHoursPerWeek = 168.0;
constexpr double kHoursPerDay = 24.0;
constexpr double kMinImportance = 1.0;
constexpr double kMaxImportance = 5.0;

using internal::Blank;
using internal::Require;
using internal::RequireId;

bool ValidLevel(int level) { return level >= kMinLevel && level <= kMaxLevel; }

void RequireLevel(int level, const char* field, std::vector<FieldError>& errors) {
  Require(ValidLevel(level), field, "a whole number from 1 to 5", errors);
}

void RequireWeeklyHours(double hours, const char* field, std::vector<FieldError>& errors) {
  Require(hours > 0 && hours <= kHoursPerWeek, field,
          "a number of hours greater than 0 and at most 168", errors);
}

void RequireOrderedDates(Date start, Date end, std::vector<FieldError>& errors) {
  Require(end >= start, "end_date", "a date on or after start_date", errors);
}

template <typename T, typename KeyFn>
bool Unique(const std::vector<T>& items, KeyFn key) {
  std::set<std::string> seen;
  for (const auto& item : items) {
    if (!seen.insert(key(item)).second) return false;
  }
  return true;
}

}  // namespace

bool LooksLikeEmail(std::string_view email) {
  auto at = email.find('@');
  if (at == std::string_view::npos || at == 0 ||
      email.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  if (std::any_of(email.begin(), email.end(),
                  [](unsigned char c) { return std::isspace(c) || c < 0x20; })) {
    return false;
  }
  auto domain = email.substr(at + 1);
  auto dot = domain.find('.');
  return dot != std::string_view::npos && dot > 0 && dot + 1 < domain.size();
}

std::string NormalizeEmail(std::string_view email) {
  std::string out(email);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

void ValidatePerson(const Person& p, std::vector<FieldError>& errors) {
  RequireId(p.id, "id", errors);
  Require(!Blank(p.name), "name", "a non-empty name", errors);
  Require(LooksLikeEmail(p.email), "email", "an email address like name@firm.com", errors);
  Require(p.manager_id != p.id || p.id.empty(), "manager_id", "a person other than themselves",
          errors);
  RequireWeeklyHours(p.weekly_capacity_hours, "weekly_capacity_hours", errors);
  if (p.start_date && p.end_date) RequireOrderedDates(*p.start_date, *p.end_date, errors);
  if (p.cost_rate) Require(*p.cost_rate >= 0, "cost_rate", "a number of at least 0", errors);
}

void ValidateSkill(const Skill& s, std::vector<FieldError>& errors) {
  RequireId(s.id, "id", errors);
  Require(!Blank(s.name), "name", "a non-empty name", errors);
  Require(s.broader_id != s.id, "broader_id", "a skill other than itself", errors);
}

void ValidatePersonSkill(const PersonSkill& ps, std::vector<FieldError>& errors) {
  RequireId(ps.person_id, "person_id", errors);
  RequireId(ps.skill_id, "skill_id", errors);
  RequireLevel(ps.level, "level", errors);
}

void ValidateRole(const Role& r, std::vector<FieldError>& errors) {
  RequireId(r.id, "id", errors);
  Require(!Blank(r.name), "name", "a non-empty name", errors);
  for (const auto& rs : r.skills) {
    RequireId(rs.skill_id, "skills", errors);
    RequireLevel(rs.level, "skills", errors);
    Require(rs.importance >= kMinImportance && rs.importance <= kMaxImportance, "skills",
            "an importance from 1 to 5", errors);
  }
  Require(Unique(r.skills, [](const RoleSkill& s) { return s.skill_id; }), "skills",
          "each skill at most once", errors);
}

void ValidateClient(const Client& c, std::vector<FieldError>& errors) {
  RequireId(c.id, "id", errors);
  Require(!Blank(c.name), "name", "a non-empty name", errors);
}

void ValidateEngagement(const Engagement& e, std::vector<FieldError>& errors) {
  RequireId(e.id, "id", errors);
  RequireId(e.client_id, "client_id", errors);
  Require(!Blank(e.name), "name", "a non-empty name", errors);
  RequireOrderedDates(e.start, e.end, errors);
}

void ValidateOpening(const Opening& o, std::vector<FieldError>& errors) {
  RequireId(o.id, "id", errors);
  RequireId(o.engagement_id, "engagement_id", errors);
  for (const auto& r : o.required) {
    RequireId(r.skill_id, "required", errors);
    RequireLevel(r.min_level, "required", errors);
  }
  Require(Unique(o.required, [](const SkillRequirement& r) { return r.skill_id; }), "required",
          "each skill at most once", errors);
  RequireWeeklyHours(o.hours_per_week, "hours_per_week", errors);
  RequireOrderedDates(o.start, o.end, errors);
  Require(o.headcount >= 1, "headcount", "a whole number of at least 1", errors);
  if (o.lead) {
    Require(o.headcount == 1, "headcount", "1 for a lead opening (an engagement has one lead)",
            errors);
  }
}

void ValidateAssignment(const Assignment& a, std::vector<FieldError>& errors) {
  RequireId(a.id, "id", errors);
  RequireId(a.person_id, "person_id", errors);
  RequireId(a.opening_id, "opening_id", errors);
  RequireWeeklyHours(a.hours_per_week, "hours_per_week", errors);
  RequireOrderedDates(a.start, a.end, errors);
}

void ValidateTeam(const Team& t, std::vector<FieldError>& errors) {
  RequireId(t.id, "id", errors);
  Require(!Blank(t.name), "name", "a non-empty name", errors);
  for (const auto& m : t.members) RequireId(m.person_id, "members", errors);
  Require(Unique(t.members, [](const TeamMember& m) { return m.person_id; }), "members",
          "each person at most once", errors);
  Require(ParseTeamKind(ToString(t.kind)).has_value(), "kind",
          "one of other, engagement, account, practice, firm", errors);
  Require(t.engagement_id.empty() || t.kind == TeamKind::kEngagement, "engagement_id",
          "empty unless kind is engagement", errors);
  Require(t.checkin_cadence_days >= 0 && t.checkin_cadence_days <= kMaxCheckinCadenceDays,
          "checkin_cadence_days",
          "a whole number of days from 1 to 91 (7 weekly, 14 fortnightly), or 0 for no check-ins",
          errors);
}

void ValidateTimeEntry(const TimeEntry& t, std::vector<FieldError>& errors) {
  RequireId(t.id, "id", errors);
  RequireId(t.person_id, "person_id", errors);
  Require(t.hours > 0 && t.hours <= kHoursPerDay, "hours",
          "a number of hours greater than 0 and at most 24", errors);
  Require(ParseTimeCategory(ToString(t.category)).has_value(), "category",
          "one of billable, client-development, leadership, admin, training, other, time-off",
          errors);
}

void ValidateSkillHistoryEntry(const SkillHistoryEntry& h, std::vector<FieldError>& errors) {
  RequireId(h.person_id, "person_id", errors);
  RequireId(h.skill_id, "skill_id", errors);
  RequireLevel(h.level, "level", errors);
}

void ValidateOpeningPreference(const OpeningPreference& p, std::vector<FieldError>& errors) {
  RequireId(p.opening_id, "opening_id", errors);
  RequireId(p.person_id, "person_id", errors);
  Require(ParsePreferenceKind(ToString(p.kind)).has_value(), "kind",
          "one of volunteer, pinned, excluded", errors);
  Require(p.note.size() <= kMaxPreferenceNoteBytes, "note", "a note of at most 2000 bytes", errors);
}

void ValidateFirmRules(const FirmData& data, bool check_references,
                       std::vector<RecordError>& errors) {
  std::unordered_map<std::string_view, const Engagement*> engagements;
  engagements.reserve(data.engagements.size());
  for (const Engagement& e : data.engagements) engagements[e.id] = &e;
  std::unordered_map<std::string_view, std::string_view> lead_opening;  // engagement -> opening
  for (const Opening& o : data.openings) {
    if (!o.lead) continue;
    auto e = engagements.find(o.engagement_id);
    if (e != engagements.end() && !e->second->leader_id.empty()) {
      errors.push_back({EntityKind::kOpenings, o.id, "lead",
                        "opening " + o.id + ": engagement " + o.engagement_id +
                            " already has lead " + e->second->leader_id});
      continue;
    }
    auto [it, inserted] = lead_opening.emplace(o.engagement_id, o.id);
    if (!inserted && it->second != o.id) {
      errors.push_back({EntityKind::kOpenings, o.id, "lead",
                        "opening " + o.id + ": engagement " + o.engagement_id +
                            " already has lead opening " + std::string(it->second)});
    }
  }
  if (!check_references) return;
  std::unordered_set<std::string_view> openings;
  std::unordered_set<std::string_view> people;
  openings.reserve(data.openings.size());
  people.reserve(data.people.size());
  for (const Opening& o : data.openings) openings.insert(o.id);
  for (const Person& p : data.people) people.insert(p.id);
  for (const OpeningPreference& p : data.opening_preferences) {
    const std::string key = p.opening_id + "/" + p.person_id;
    if (openings.count(p.opening_id) == 0) {
      errors.push_back({EntityKind::kOpeningPreferences, key, "opening_id",
                        "opening preference " + key + ": no opening " + p.opening_id});
    }
    if (people.count(p.person_id) == 0) {
      errors.push_back({EntityKind::kOpeningPreferences, key, "person_id",
                        "opening preference " + key + ": no person " + p.person_id});
    }
  }
}

}  // namespace guild
