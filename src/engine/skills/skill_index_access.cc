// SkillIndex lookups: people, attributes, taxonomy, holders, load.
#include <algorithm>
#include <tuple>

#include "engine/skills/internal/text.h"
#include "engine/skills/skill_index.h"

namespace guild::skills {

namespace {
constexpr int kDaysPerWeek = 7;
}  // namespace

std::optional<PersonRef> SkillIndex::FindPerson(std::string_view id) const {
  auto it = std::lower_bound(people_.begin(), people_.end(), id,
                             [](const PersonRow& row, std::string_view v) { return row.id < v; });
  if (it == people_.end() || it->id != id) return std::nullopt;
  return static_cast<PersonRef>(it - people_.begin());
}

std::span<const HeldSkill> SkillIndex::skills_of(PersonRef p) const {
  return {held_.data() + held_offsets_[p], held_.data() + held_offsets_[p + 1]};
}

std::optional<HeldSkill> SkillIndex::Held(PersonRef p, SkillRef skill) const {
  auto held = skills_of(p);
  auto it = std::lower_bound(held.begin(), held.end(), skill,
                             [](const HeldSkill& h, SkillRef s) { return h.skill < s; });
  if (it == held.end() || it->skill != skill) return std::nullopt;
  return *it;
}

int32_t SkillIndex::attribute(Attribute a, PersonRef p) const {
  return people_[p].attributes[static_cast<int>(a)];
}

const std::string& SkillIndex::attribute_name(Attribute a, int32_t code) const {
  return attributes_[static_cast<int>(a)].names[code];
}

std::optional<int32_t> SkillIndex::FindAttribute(Attribute a, std::string_view value) const {
  const auto& lower = attributes_[static_cast<int>(a)].lower;
  auto it = std::find(lower.begin(), lower.end(), internal::Lower(value));
  if (it == lower.end()) return std::nullopt;
  return static_cast<int32_t>(it - lower.begin());
}

std::span<const PersonRef> SkillIndex::people_with(Attribute a, int32_t code) const {
  return attributes_[static_cast<int>(a)].members[code];
}

std::vector<Suggestion> SkillIndex::SuggestAttribute(Attribute a, std::string_view value,
                                                     int limit) const {
  const AttributeTable& table = attributes_[static_cast<int>(a)];
  const std::string lower = internal::Lower(value);
  const int bound = internal::SuggestionBound(lower);
  std::vector<Suggestion> out;
  for (size_t i = 0; i < table.lower.size(); ++i) {
    int d = table.lower[i].find(lower) != std::string::npos && !lower.empty()
                ? 0
                : internal::BoundedEditDistance(lower, table.lower[i], bound);
    if (d <= bound) out.push_back({kNone, table.names[i], d});
  }
  std::sort(out.begin(), out.end(), [](const Suggestion& x, const Suggestion& y) {
    return std::tie(x.distance, x.text) < std::tie(y.distance, y.text);
  });
  if (out.size() > static_cast<size_t>(limit)) out.resize(limit);
  return out;
}

std::vector<SkillRef> SkillIndex::SelfAndNarrower(SkillRef s) const {
  std::vector<SkillRef> out{s};
  for (size_t i = 0; i < out.size(); ++i) {
    for (SkillRef child : children_[out[i]]) out.push_back(child);
  }
  return out;
}

std::vector<SkillRef> SkillIndex::SelfAndBroader(SkillRef s) const {
  std::vector<SkillRef> out;
  for (; s != kNone; s = skills_[s].broader) out.push_back(s);
  return out;
}

std::span<const Posting> SkillIndex::holders(SkillRef s, int min_level) const {
  const int level = std::clamp(min_level, 0, kMaxLevel + 1);
  const Posting* begin = postings_.data() + posting_offsets_[s];
  return {begin, begin + level_starts_[s][level]};
}

std::span<const Posting> SkillIndex::holders_in_practice(SkillRef s, int level,
                                                         int32_t practice) const {
  if (level < kMinLevel || level > kMaxLevel) return {};
  const Posting* base = postings_.data() + posting_offsets_[s];
  const Posting* begin = base + level_starts_[s][level + 1];
  const Posting* end = base + level_starts_[s][level];
  auto [lo, hi] =
      std::equal_range(begin, end, Posting{kNone, practice, 0, false},
                       [](const Posting& x, const Posting& y) { return x.practice < y.practice; });
  return {lo, hi};
}

double SkillIndex::WeekLoad(PersonRef p, Date week_start) const {
  const WeekLoadEntry* begin = loads_.data() + load_offsets_[p];
  const WeekLoadEntry* end = loads_.data() + load_offsets_[p + 1];
  auto it = std::lower_bound(begin, end, week_start.days,
                             [](const WeekLoadEntry& e, int32_t w) { return e.week < w; });
  return it != end && it->week == week_start.days ? it->hours : 0.0;
}

double SkillIndex::FreeHours(PersonRef p, Date from, Date to) const {
  if (to < from) return 0;
  const int32_t first = WeekStart(from).days;
  const int32_t last = WeekStart(to).days;
  const double cap = people_[p].capacity;
  // NOLINTNEXTLINE(bugprone-integer-division): whole weeks, on purpose
  double free = cap * static_cast<double>((last - first) / kDaysPerWeek + 1);
  const WeekLoadEntry* begin = loads_.data() + load_offsets_[p];
  const WeekLoadEntry* end = loads_.data() + load_offsets_[p + 1];
  auto it = std::lower_bound(begin, end, first,
                             [](const WeekLoadEntry& e, int32_t w) { return e.week < w; });
  for (; it != end && it->week <= last; ++it) free -= std::min<double>(cap, it->hours);
  return free;
}

}  // namespace guild::skills
