#include "engine/skills/internal/expansion.h"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <span>
#include <tuple>

namespace guild::skills::internal {

namespace {
constexpr int kBitsPerWord = 64;
// Below this many expanded skills, a need is checked by looking each one up in
// the person's ratings; above it, by scanning the person's ratings.
constexpr size_t kLookupThreshold = 4;

// Calls visit(span) for each run of postings that can meet `need`: with a
// practice filter, only that practice's run at each level.
template <typename Visit>
void ForEachRun(const SkillIndex& index, const ExpandedNeed& need,
                const std::optional<int32_t>& practice, Visit visit) {
  for (SkillRef s : need.expanded) {
    if (!practice) {
      visit(index.holders(s, need.min_level));
      continue;
    }
    for (int level = kMaxLevel; level >= need.min_level; --level) {
      visit(index.holders_in_practice(s, level, *practice));
    }
  }
}

int64_t HolderCount(const SkillIndex& index, const ExpandedNeed& need,
                    const std::optional<int32_t>& practice) {
  int64_t n = 0;
  ForEachRun(index, need, practice,
             [&](std::span<const Posting> run) { n += static_cast<int64_t>(run.size()); });
  return n;
}

// Appends the holders of every need in `needs`, once each.
void AppendHolders(const SkillIndex& index, const std::vector<const ExpandedNeed*>& needs,
                   const std::optional<int32_t>& practice, std::vector<PersonRef>& out) {
  if (needs.size() == 1 && needs[0]->expanded.size() == 1) {
    ForEachRun(index, *needs[0], practice, [&](std::span<const Posting> run) {
      for (const Posting& p : run) out.push_back(p.person);
    });
    return;
  }
  std::vector<uint64_t> seen(index.person_count() / kBitsPerWord + 1, 0);
  for (const ExpandedNeed* need : needs) {
    ForEachRun(index, *need, practice, [&](std::span<const Posting> run) {
      for (const Posting& p : run) {
        uint64_t& word = seen[p.person / kBitsPerWord];
        const uint64_t bit = uint64_t{1} << (p.person % kBitsPerWord);
        if (word & bit) continue;
        word |= bit;
        out.push_back(p.person);
      }
    });
  }
}
}  // namespace

NeedMatch Match(const SkillIndex& index, PersonRef p, const ExpandedNeed& need) {
  NeedMatch m{need.skill, need.min_level, false, kNone, 0, RatingSource::kSelf, MatchVia::kExact};
  auto consider = [&](const HeldSkill& h) {
    const bool better = h.level > m.level || (h.level == m.level && m.matched != need.skill &&
                                              (h.skill == need.skill || h.skill < m.matched));
    if (better) std::tie(m.matched, m.level, m.source) = std::tie(h.skill, h.level, h.source);
  };
  if (need.expanded.size() <= kLookupThreshold) {
    for (SkillRef s : need.expanded) {
      if (auto h = index.Held(p, s)) consider(*h);
    }
  } else {
    for (const HeldSkill& h : index.skills_of(p)) {
      if (std::binary_search(need.expanded.begin(), need.expanded.end(), h.skill)) consider(h);
    }
  }
  m.met = m.matched != kNone && m.level >= need.min_level;
  if (m.matched != kNone) m.via = Via(index, need.skill, m.matched);
  return m;
}

std::vector<SkillRef> Expand(const SkillIndex& index, SkillRef skill, TaxonomyExpansion expansion) {
  std::vector<SkillRef> out{skill};
  if (expansion != TaxonomyExpansion::kExactSkillOnly) out = index.SelfAndNarrower(skill);
  if (expansion == TaxonomyExpansion::kBothWays) {
    for (SkillRef s : index.SelfAndBroader(skill)) out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

MatchVia Via(const SkillIndex& index, SkillRef need, SkillRef matched) {
  if (need == matched) return MatchVia::kExact;
  for (SkillRef s = index.broader(matched); s != kNone; s = index.broader(s)) {
    if (s == need) return MatchVia::kNarrower;
  }
  return MatchVia::kBroader;
}

std::vector<PersonRef> Candidates(const SkillIndex& index, const std::vector<ExpandedNeed>& needs,
                                  MatchMode mode, const AttributeFilter& attributes) {
  int64_t best_attribute_size = std::numeric_limits<int64_t>::max();
  int best_attribute = -1;
  for (int a = 0; a < kAttributeCount; ++a) {
    if (!attributes[a]) continue;
    auto size =
        static_cast<int64_t>(index.people_with(static_cast<Attribute>(a), *attributes[a]).size());
    if (size < best_attribute_size)
      std::tie(best_attribute_size, best_attribute) = std::tie(size, a);
  }
  const auto& practice = attributes[static_cast<int>(Attribute::kPractice)];
  std::vector<const ExpandedNeed*> chosen;
  int64_t chosen_size = 0;
  if (mode == MatchMode::kAllOf) {
    chosen_size = std::numeric_limits<int64_t>::max();
    for (const ExpandedNeed& need : needs) {
      const int64_t size = HolderCount(index, need, practice);
      if (size < chosen_size)
        std::tie(chosen_size, chosen) = std::make_tuple(size, std::vector{&need});
    }
  } else {
    for (const ExpandedNeed& need : needs) {
      chosen.push_back(&need);
      chosen_size += HolderCount(index, need, practice);
    }
  }
  std::vector<PersonRef> out;
  if (best_attribute >= 0 && best_attribute_size < chosen_size) {
    auto members =
        index.people_with(static_cast<Attribute>(best_attribute), *attributes[best_attribute]);
    out.assign(members.begin(), members.end());
    return out;
  }
  out.reserve(chosen_size);
  AppendHolders(index, chosen, practice, out);
  return out;
}

}  // namespace guild::skills::internal
