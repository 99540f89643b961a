#include "service/skills/skill_ratings_service.h"

#include <algorithm>
#include <tuple>

namespace guild {

namespace {

constexpr RatingSource kSourcesByPrecedence[] = {RatingSource::kSelf, RatingSource::kPeer,
                                                 RatingSource::kManager, RatingSource::kAssessed};

// The person's ratings (the snapshot's RatingsOf), grouped by skill, each skill's
// highest precedence first; skills in position order.
std::vector<std::pair<uint32_t, std::vector<uint32_t>>> RatingsBySkill(const FirmSnapshot& s,
                                                                       uint32_t person) {
  const auto& ratings = s.data().person_skills;
  std::vector<std::pair<uint32_t, uint32_t>> rows;  // (skill, rating)
  for (uint32_t r : s.RatingsOf(person)) {
    if (auto skill = s.SkillIndex(ratings[r].skill_id)) rows.emplace_back(*skill, r);
  }
  std::sort(rows.begin(), rows.end(), [&](const auto& a, const auto& b) {
    const int pa = Precedence(ratings[a.second].source);
    const int pb = Precedence(ratings[b.second].source);
    return std::tie(a.first, pb, a.second) < std::tie(b.first, pa, b.second);
  });
  std::vector<std::pair<uint32_t, std::vector<uint32_t>>> by_skill;
  for (const auto& [skill, rating] : rows) {
    if (by_skill.empty() || by_skill.back().first != skill) by_skill.push_back({skill, {}});
    by_skill.back().second.push_back(rating);
  }
  return by_skill;
}

// The effective level of the skill among `rows` (ratings of one person), or 0.
int EffectiveLevel(const std::vector<PersonSkill>& rows, std::string_view skill_id) {
  const PersonSkill* best = nullptr;
  for (const PersonSkill& r : rows) {
    if (r.skill_id != skill_id) continue;
    if (best == nullptr || Precedence(r.source) > Precedence(best->source)) best = &r;
  }
  return best == nullptr ? 0 : best->level;
}

// The person's ratings of the skill, from the snapshot's per-person index.
std::vector<PersonSkill> RowsOf(const FirmSnapshot& s, uint32_t person, std::string_view skill_id) {
  std::vector<PersonSkill> rows;
  for (uint32_t r : s.RatingsOf(person)) {
    const PersonSkill& rating = s.data().person_skills[r];
    if (rating.skill_id == skill_id) rows.push_back(rating);
  }
  return rows;
}

std::string DeleteKey(std::string_view person, std::string_view skill, RatingSource source) {
  return std::string(person) + "/" + std::string(skill) + "/" + std::string(ToString(source));
}

Status Refused(RatingSource source) {
  std::string expected;
  switch (source) {
    case RatingSource::kSelf: expected = "self only for your own skills"; break;
    case RatingSource::kPeer:
      expected = "peer only for a colleague who shares a team or an engagement with you";
      break;
    case RatingSource::kManager:
      expected = "manager only for a person you lead (their manager or their team's leader)";
      break;
    case RatingSource::kAssessed: expected = "assessed only as an administrator"; break;
  }
  return Status(StatusCode::kPermissionDenied,
                "source: you may not give this person a " + std::string(ToString(source)) +
                    " rating; expected " + expected,
                ErrorLocation{"source", "body", expected, std::string(ToString(source))});
}

// The history row of today when the effective level moves from `before` to
// `after` (0: no rating), else nothing.
void AddHistory(FirmChange& change, std::string_view person, std::string_view skill, Date today,
                int before, int after) {
  if (after == 0 || after == before) return;
  change.upserts.skill_history.push_back(
      SkillHistoryEntry{std::string(person), std::string(skill), today, after});
}

}  // namespace

Result<std::shared_ptr<const FirmSnapshot>> SkillRatingsService::Snapshot() {
  auto snapshot = snapshots_.Current();
  if (!snapshot) return Unavailable("the firm's data is not loaded yet");
  return snapshot;
}

Result<PersonRatings> SkillRatingsService::Ratings(const Principal& viewer,
                                                   std::string_view person_id) {
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  const Authorizer authorizer(s);
  const auto person = s.PersonIndex(person_id);
  if (!person || !authorizer.CanReadPerson(viewer, person_id)) {
    return NotFound("no person with id " + std::string(person_id));
  }
  PersonRatings out;
  out.person = *person;
  for (auto& [skill, rows] : RatingsBySkill(s, *person)) {
    HeldSkillRatings held{skill, std::move(rows), 0, false};
    held.effective = held.ratings.front();
    for (uint32_t r : held.ratings) held.wants_to_grow |= s.data().person_skills[r].wants_to_grow;
    out.skills.push_back(std::move(held));
  }
  const auto& skills = s.data().skills;
  std::sort(out.skills.begin(), out.skills.end(),
            [&](const HeldSkillRatings& a, const HeldSkillRatings& b) {
              return std::tie(skills[a.skill].name, skills[a.skill].id) <
                     std::tie(skills[b.skill].name, skills[b.skill].id);
            });
  out.history_visible = authorizer.CanReadPersonDetail(viewer, person_id);
  if (out.history_visible) {
    const auto& history = s.data().skill_history;
    const auto rows = s.SkillHistoryOf(*person);
    out.history.assign(rows.begin(), rows.end());
    std::sort(out.history.begin(), out.history.end(), [&](uint32_t a, uint32_t b) {
      return std::tie(history[b].date.days, history[a].skill_id) <
             std::tie(history[a].date.days, history[b].skill_id);
    });
  }
  for (RatingSource source : kSourcesByPrecedence) {
    if (authorizer.CanRateSkill(viewer, person_id, source)) out.may_rate.push_back(source);
  }
  out.snapshot = std::move(snapshot);
  return out;
}

Result<PersonRatings> SkillRatingsService::Rate(const Principal& viewer, std::string_view person_id,
                                                const RatingDraft& draft) {
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  const auto person = s.PersonIndex(person_id);
  if (!person) return NotFound("no person with id " + std::string(person_id));
  if (!Authorizer(s).CanRateSkill(viewer, person_id, draft.source)) return Refused(draft.source);
  if (s.FindSkill(draft.skill_id) == nullptr) {
    return InvalidField("skill_id", "the id of a skill in the taxonomy (GET /api/v1/skills)",
                        draft.skill_id, "body");
  }
  if (draft.level < kMinLevel || draft.level > kMaxLevel) {
    return InvalidField("level", "a level from 1 to 5", std::to_string(draft.level), "body");
  }
  if (draft.wants_to_grow && draft.source != RatingSource::kSelf) {
    return InvalidField("wants_to_grow", "only with source self: it is the person's own wish", "",
                        "body");
  }
  const Date today = clock_.Today();
  std::vector<PersonSkill> rows = RowsOf(s, *person, draft.skill_id);
  const int before = EffectiveLevel(rows, draft.skill_id);
  auto mine = std::find_if(rows.begin(), rows.end(),
                           [&](const PersonSkill& r) { return r.source == draft.source; });
  PersonSkill rating;
  if (mine != rows.end()) {
    rating = *mine;
  } else {
    rating = PersonSkill{std::string(person_id), draft.skill_id, draft.source, 1, false, {}, {}};
  }
  rating.level = draft.level;
  rating.rated_on = today;
  if (draft.wants_to_grow) rating.wants_to_grow = *draft.wants_to_grow;

  FirmChange change;
  for (PersonSkill& other : rows) {
    if (other.source == draft.source) continue;
    if (draft.wants_to_grow && other.wants_to_grow != *draft.wants_to_grow) {
      other.wants_to_grow = *draft.wants_to_grow;
      change.upserts.person_skills.push_back(other);
    }
  }
  if (mine != rows.end()) {
    *mine = rating;
  } else {
    rows.push_back(rating);
  }
  change.upserts.person_skills.push_back(rating);
  AddHistory(change, person_id, draft.skill_id, today, before,
             EffectiveLevel(rows, draft.skill_id));
  std::string detail = std::string(person_id) + " " + draft.skill_id + " " +
                       std::string(ToString(draft.source)) + " " + std::to_string(draft.level);
  if (draft.wants_to_grow)
    detail += *draft.wants_to_grow ? " wants to grow" : " does not want to grow";
  return CommitAndRead(viewer, person_id, std::move(change), "skill.rate", std::move(detail));
}

Result<PersonRatings> SkillRatingsService::Unrate(const Principal& viewer,
                                                  std::string_view person_id,
                                                  std::string_view skill_id, RatingSource source) {
  std::lock_guard lock(write_mu_);
  ASSIGN_OR_RETURN(auto snapshot, Snapshot());
  const FirmSnapshot& s = *snapshot;
  const auto person = s.PersonIndex(person_id);
  if (!person) return NotFound("no person with id " + std::string(person_id));
  if (!Authorizer(s).CanRateSkill(viewer, person_id, source)) return Refused(source);
  std::vector<PersonSkill> rows = RowsOf(s, *person, skill_id);
  const int before = EffectiveLevel(rows, skill_id);
  const auto removed = std::remove_if(rows.begin(), rows.end(),
                                      [&](const PersonSkill& r) { return r.source == source; });
  if (removed == rows.end()) {
    return Status(StatusCode::kNotFound,
                  "skill_id: this person has no " + std::string(ToString(source)) + " rating of " +
                      std::string(skill_id),
                  ErrorLocation{"skill_id", "query", "a skill this person holds with that source",
                                std::string(skill_id)});
  }
  rows.erase(removed, rows.end());
  FirmChange change;
  change.deletes.push_back({EntityKind::kPersonSkills, {DeleteKey(person_id, skill_id, source)}});
  AddHistory(change, person_id, skill_id, clock_.Today(), before, EffectiveLevel(rows, skill_id));
  return CommitAndRead(
      viewer, person_id, std::move(change), "skill.unrate",
      std::string(person_id) + " " + std::string(skill_id) + " " + std::string(ToString(source)));
}

Result<PersonRatings> SkillRatingsService::CommitAndRead(const Principal& viewer,
                                                         std::string_view person_id,
                                                         FirmChange change, std::string_view action,
                                                         std::string detail) {
  WriteRequest request{std::move(change),
                       AuditEntry{0, 0, viewer.user_id, std::string(action), "person-skill",
                                  std::string(person_id), std::move(detail)},
                       ""};
  RETURN_IF_ERROR(writer_.Commit(request).status());
  return Ratings(viewer, person_id);
}

}  // namespace guild
