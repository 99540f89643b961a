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
// Marking a holder in a bitset costs about this many times less than looking
// a person up in their ratings (a binary search per expanded skill).
constexpr int64_t kLookupPerMark = 8;

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

struct NeedSize {
  const ExpandedNeed* need;
  int64_t holders;  // postings that can meet it (within the practice filter)
};

// Whether `p` meets `need` (some expanded skill at min_level or above).
bool Meets(const SkillIndex& index, PersonRef p, const ExpandedNeed& need) {
  for (SkillRef s : need.expanded) {
    if (auto h = index.Held(p, s); h && h->level >= need.min_level) return true;
  }
  return false;
}

// Keeps the people of `out` who meet every need in sizes[first..] (sorted by
// holder count). A need with few holders relative to `out` is checked by
// marking its holders in a bitset; one with many, by looking each person up.
// People outside the practice filter may be dropped too: they cannot pass.
void KeepMeetingAll(const SkillIndex& index, const std::vector<NeedSize>& sizes,
                    const std::optional<int32_t>& practice, size_t first,
                    std::vector<PersonRef>& out) {
  std::vector<uint64_t> marked;
  for (size_t i = first; i < sizes.size() && !out.empty(); ++i) {
    const ExpandedNeed& need = *sizes[i].need;
    if (sizes[i].holders > static_cast<int64_t>(out.size()) * kLookupPerMark *
                               static_cast<int64_t>(need.expanded.size())) {
      std::erase_if(out, [&](PersonRef p) { return !Meets(index, p, need); });
      continue;
    }
    marked.assign(index.person_count() / kBitsPerWord + 1, 0);
    ForEachRun(index, need, practice, [&](std::span<const Posting> run) {
      for (const Posting& p : run) {
        marked[p.person / kBitsPerWord] |= uint64_t{1} << (p.person % kBitsPerWord);
      }
    });
    std::erase_if(out, [&](PersonRef p) {
      return (marked[p / kBitsPerWord] >> (p % kBitsPerWord) & 1) == 0;
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
    if (size < best_attribute_size) {
      std::tie(best_attribute_size, best_attribute) = std::tie(size, a);
    }
  }
  const auto& practice = attributes[static_cast<int>(Attribute::kPractice)];
  std::vector<NeedSize> sizes;
  sizes.reserve(needs.size());
  for (const ExpandedNeed& need : needs) {
    sizes.push_back({&need, HolderCount(index, need, practice)});
  }
  std::stable_sort(sizes.begin(), sizes.end(),
                   [](const NeedSize& a, const NeedSize& b) { return a.holders < b.holders; });
  std::vector<const ExpandedNeed*> chosen;
  int64_t chosen_size = 0;
  if (mode == MatchMode::kAllOf) {
    chosen = {sizes.front().need};
    chosen_size = sizes.front().holders;
  } else {
    for (const NeedSize& s : sizes) chosen.push_back(s.need), chosen_size += s.holders;
  }
  std::vector<PersonRef> out;
  if (best_attribute >= 0 && best_attribute_size < chosen_size) {
    auto members =
        index.people_with(static_cast<Attribute>(best_attribute), *attributes[best_attribute]);
    out.assign(members.begin(), members.end());
    if (mode == MatchMode::kAllOf) KeepMeetingAll(index, sizes, practice, 0, out);
    return out;
  }
  out.reserve(chosen_size);
  AppendHolders(index, chosen, practice, out);
  if (mode == MatchMode::kAllOf) KeepMeetingAll(index, sizes, practice, 1, out);
  return out;
}

}  // namespace guild::skills::internal
