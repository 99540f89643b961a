#include "engine/skills/search.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <span>
#include <string_view>
#include <tuple>

#include "engine/skills/internal/expansion.h"

namespace guild::skills {

namespace {

constexpr int kSuggestionCount = 3;

using Need = internal::ExpandedNeed;

struct Plan {
  std::vector<Need> needs;
  internal::AttributeFilter attributes;
  const SkillQuery* query = nullptr;
};

// A hit before explanation: enough to rank.
struct Scored {
  PersonRef person;
  int needs_met;
  int surplus;
  double free_hours;
  bool wants_to_grow;
};

bool RanksBefore(const Scored& a, const Scored& b) {
  return std::make_tuple(-a.needs_met, -a.surplus, -a.free_hours, a.person) <
         std::make_tuple(-b.needs_met, -b.surplus, -b.free_hours, b.person);
}

std::string JoinSuggestions(const std::vector<Suggestion>& suggestions) {
  std::string out;
  for (const Suggestion& s : suggestions) out += (out.empty() ? "" : ", ") + s.text;
  return out;
}

Status UnknownName(std::string_view what, std::string_view name,
                   const std::vector<Suggestion>& suggestions) {
  std::string message = "unknown " + std::string(what) + " '" + std::string(name) + "'";
  if (suggestions.empty()) {
    return NotFound(message + "; no known " + std::string(what) + " has a similar name");
  }
  return NotFound(message + "; did you mean: " + JoinSuggestions(suggestions) + "?");
}

Status ResolveAttribute(const SkillIndex& index, Attribute a, std::string_view what,
                        const std::string& value, Plan& plan) {
  if (value.empty()) return OkStatus();
  auto code = index.FindAttribute(a, value);
  if (!code) return UnknownName(what, value, index.SuggestAttribute(a, value, kSuggestionCount));
  plan.attributes[static_cast<int>(a)] = *code;
  return OkStatus();
}

Result<Plan> Resolve(const SkillIndex& index, const SkillQuery& query) {
  if (query.needs.empty()) return InvalidField("query.needs", "at least one skill");
  if (query.limit < 0) return InvalidField("query.limit", ">= 0");
  if (query.availability && query.availability->to < query.availability->from) {
    return InvalidField("query.availability", "from <= to");
  }
  Plan plan;
  plan.query = &query;
  for (const SkillNeed& need : query.needs) {
    if (need.min_level < kMinLevel || need.min_level > kMaxLevel) {
      return InvalidArgument("skill '" + need.skill + "': level expected 1..5, got " +
                             std::to_string(need.min_level));
    }
    auto skill = index.FindSkill(need.skill);
    if (!skill) {
      return UnknownName("skill", need.skill, index.SuggestSkills(need.skill, kSuggestionCount));
    }
    plan.needs.push_back(
        {*skill, need.min_level, internal::Expand(index, *skill, query.expansion)});
  }
  RETURN_IF_ERROR(ResolveAttribute(index, Attribute::kPractice, "practice", query.practice, plan));
  RETURN_IF_ERROR(ResolveAttribute(index, Attribute::kOffice, "office", query.office, plan));
  RETURN_IF_ERROR(ResolveAttribute(index, Attribute::kGrade, "grade", query.grade, plan));
  return plan;
}

bool WantsAny(const SkillIndex& index, PersonRef p, const Plan& plan) {
  for (const HeldSkill& h : index.skills_of(p)) {
    if (!h.wants_to_grow) continue;
    for (const Need& need : plan.needs) {
      if (std::binary_search(need.expanded.begin(), need.expanded.end(), h.skill)) return true;
    }
  }
  return false;
}

// Scores person p, or nullopt when a filter rejects them.
std::optional<Scored> Score(const SkillIndex& index, PersonRef p, const Plan& plan) {
  for (int a = 0; a < kAttributeCount; ++a) {
    if (plan.attributes[a] &&
        index.attribute(static_cast<Attribute>(a), p) != *plan.attributes[a]) {
      return std::nullopt;
    }
  }
  Scored s{p, 0, 0, 0, false};
  for (const Need& need : plan.needs) {
    NeedMatch m = internal::Match(index, p, need);
    if (m.met) {
      ++s.needs_met;
      s.surplus += m.level - m.min_level;
    } else if (plan.query->mode == MatchMode::kAllOf) {
      return std::nullopt;
    }
  }
  if (s.needs_met == 0) return std::nullopt;
  s.wants_to_grow = WantsAny(index, p, plan);
  if (plan.query->wants_to_grow == WantsToGrowFilter::kRequired && !s.wants_to_grow) {
    return std::nullopt;
  }
  if (const auto& w = plan.query->availability) {
    s.free_hours = index.FreeHours(p, w->from, w->to);
    if (s.free_hours < w->min_free_hours) return std::nullopt;
  }
  return s;
}

}  // namespace

Result<SkillNeed> ParseSkillNeed(std::string_view text, std::string_view field) {
  constexpr std::string_view kExpected = "SKILL[:LEVEL], SKILL an id or name, LEVEL 1 to 5";
  SkillNeed need{std::string(text), kMinLevel};
  const size_t colon = text.rfind(':');
  if (colon != std::string_view::npos && colon + 1 < text.size() &&
      text.find_first_not_of("0123456789", colon + 1) == std::string_view::npos) {
    int level = 0;
    auto [end, error] = std::from_chars(text.data() + colon + 1, text.data() + text.size(), level);
    if (error != std::errc() || level < kMinLevel || level > kMaxLevel)
      need.skill.clear();
    else
      need = {std::string(text.substr(0, colon)), level};
  }
  if (need.skill.empty()) {
    return InvalidField(std::string(field), std::string(kExpected), std::string(text));
  }
  return need;
}

Result<SearchResponse> FindPeople(const SkillIndex& index, const SkillQuery& query) {
  ASSIGN_OR_RETURN(Plan plan, Resolve(index, query));
  std::vector<Scored> scored;
  for (PersonRef p : internal::Candidates(index, plan.needs, query.mode, plan.attributes)) {
    if (auto s = Score(index, p, plan)) scored.push_back(*s);
  }
  SearchResponse response;
  response.total = static_cast<int64_t>(scored.size());
  const size_t keep =
      query.limit == 0 ? scored.size() : std::min(scored.size(), static_cast<size_t>(query.limit));
  std::partial_sort(scored.begin(), scored.begin() + static_cast<std::ptrdiff_t>(keep),
                    scored.end(), RanksBefore);
  for (size_t i = 0; i < keep; ++i) {
    const Scored& s = scored[i];
    SearchHit hit{s.person, s.needs_met, s.surplus, s.free_hours, s.wants_to_grow, {}};
    for (const Need& need : plan.needs) {
      hit.matches.push_back(internal::Match(index, s.person, need));
    }
    response.hits.push_back(std::move(hit));
  }
  return response;
}

std::vector<std::string> ExplainHit(const SkillIndex& index, const SearchHit& hit,
                                    bool with_window) {
  std::vector<std::string> lines;
  for (const NeedMatch& m : hit.matches) {
    std::string line = index.skill_name(m.need) + " >= " + std::to_string(m.min_level) + ": ";
    if (m.matched == kNone) {
      lines.push_back(line + "not held");
      continue;
    }
    if (m.via == MatchVia::kNarrower) line += "via narrower ";
    if (m.via == MatchVia::kBroader) line += "via broader ";
    line += index.skill_name(m.matched) + " at " + std::to_string(m.level) + " (" +
            std::string(ToString(m.source)) + ")";
    lines.push_back(line + (m.met ? "" : ", below the level asked"));
  }
  if (hit.wants_to_grow) lines.push_back("wants to grow a matching skill");
  if (with_window) {
    lines.push_back("free " + std::to_string(static_cast<int>(std::lround(hit.free_hours))) +
                    "h in the window");
  }
  return lines;
}

}  // namespace guild::skills
