// SkillIndex name handling: resolution, "did you mean", type-ahead.
#include <algorithm>
#include <limits>
#include <tuple>
#include <unordered_map>

#include "engine/skills/internal/text.h"
#include "engine/skills/skill_index.h"

namespace guild::skills {

namespace {
constexpr int kCompletionScanLimit = 4096;
constexpr int kIdPriority = 0;
constexpr int kNamePriority = 1;
constexpr int kSynonymPriority = 2;
}  // namespace

std::string_view SkillIndex::KeyText(const NameKey& key) const {
  return std::string_view(name_lower_[key.text_id]).substr(key.start);
}

void SkillIndex::BuildNames(const FirmData& firm) {
  auto add_text = [this](const std::string& text, CompletionKind kind, int32_t ref) {
    const auto text_id = static_cast<int32_t>(name_texts_.size());
    name_texts_.push_back(text);
    name_lower_.push_back(internal::Lower(text));
    for (size_t start : internal::WordStarts(text)) {
      if (start > std::numeric_limits<uint16_t>::max()) break;
      name_keys_.push_back({text_id, ref, static_cast<uint16_t>(start), kind});
    }
  };
  for (const Skill& skill : firm.skills) {
    auto it = std::lower_bound(skills_.begin(), skills_.end(), skill.id,
                               [](const SkillRow& r, const std::string& id) { return r.id < id; });
    const auto ref = static_cast<SkillRef>(it - skills_.begin());
    skill_lookup_.push_back({internal::Lower(skill.id), kIdPriority, ref});
    skill_lookup_.push_back({internal::Lower(skill.name), kNamePriority, ref});
    add_text(skill.name, CompletionKind::kSkill, ref);
    for (const std::string& synonym : skill.synonyms) {
      skill_lookup_.push_back({internal::Lower(synonym), kSynonymPriority, ref});
      add_text(synonym, CompletionKind::kSkill, ref);
    }
  }
  std::sort(skill_lookup_.begin(), skill_lookup_.end());
  for (PersonRef p = 0; p < person_count(); ++p) {
    add_text(people_[p].name, CompletionKind::kPerson, p);
  }
  std::sort(name_keys_.begin(), name_keys_.end(),
            [this](const NameKey& a, const NameKey& b) { return KeyText(a) < KeyText(b); });
}

std::optional<SkillRef> SkillIndex::FindSkill(std::string_view id_name_or_synonym) const {
  const std::string key = internal::Lower(id_name_or_synonym);
  auto it = std::lower_bound(skill_lookup_.begin(), skill_lookup_.end(), key,
                             [](const LookupKey& k, const std::string& v) { return k.key < v; });
  if (it == skill_lookup_.end() || it->key != key) return std::nullopt;
  return it->skill;
}

std::vector<Suggestion> SkillIndex::SuggestSkills(std::string_view text, int limit) const {
  const std::string lower = internal::Lower(text);
  if (lower.empty()) return {};
  const int bound = internal::SuggestionBound(lower);
  std::unordered_map<SkillRef, Suggestion> best;
  for (const LookupKey& k : skill_lookup_) {
    if (k.priority == kIdPriority) continue;
    const int d = k.key.find(lower) != std::string::npos
                      ? 0
                      : internal::BoundedEditDistance(lower, k.key, bound);
    if (d > bound) continue;
    auto [it, inserted] = best.try_emplace(k.skill, Suggestion{k.skill, k.key, d});
    if (!inserted && d < it->second.distance) it->second = {k.skill, k.key, d};
  }
  std::vector<Suggestion> out;
  for (auto& [skill, suggestion] : best) {
    suggestion.text = skills_[skill].name;
    out.push_back(std::move(suggestion));
  }
  std::sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) {
    return std::make_tuple(a.distance, a.text.size(), a.text) <
           std::make_tuple(b.distance, b.text.size(), b.text);
  });
  if (out.size() > static_cast<size_t>(limit)) out.resize(limit);
  return out;
}

std::vector<Completion> SkillIndex::Complete(std::string_view prefix,
                                             const CompleteOptions& options) const {
  const std::string lower = internal::Lower(prefix);
  if (lower.empty() || options.limit <= 0) return {};
  auto it =
      std::lower_bound(name_keys_.begin(), name_keys_.end(), lower,
                       [this](const NameKey& k, const std::string& v) { return KeyText(k) < v; });
  // Best key per (kind, ref): rank tuple = (word_prefix, text length, -holders, label).
  struct Candidate {
    bool word_prefix;
    size_t length;
    int64_t neg_holders;
    const std::string* label;
    const NameKey* key;
  };
  std::unordered_map<int64_t, Candidate> best;
  auto rank = [](const Candidate& c) {
    return std::make_tuple(c.word_prefix, c.length, c.neg_holders, std::string_view(*c.label),
                           c.key->kind, c.key->ref);
  };
  for (int scanned = 0; it != name_keys_.end() && scanned < kCompletionScanLimit; ++it) {
    if (!KeyText(*it).starts_with(lower)) break;
    ++scanned;
    const bool is_skill = it->kind == CompletionKind::kSkill;
    if (is_skill ? !options.skills : !options.people) continue;
    const int64_t holders =
        is_skill ? posting_offsets_[it->ref + 1] - posting_offsets_[it->ref] : 0;
    const std::string* label = is_skill ? &skills_[it->ref].name : &people_[it->ref].name;
    Candidate c{it->start > 0, name_lower_[it->text_id].size(), -holders, label, &*it};
    const int64_t id = (static_cast<int64_t>(is_skill) << 32) | static_cast<uint32_t>(it->ref);
    auto [slot, inserted] = best.try_emplace(id, c);
    if (!inserted && rank(c) < rank(slot->second)) slot->second = c;
  }
  std::vector<Candidate> sorted;
  sorted.reserve(best.size());
  for (const auto& [id, c] : best) sorted.push_back(c);
  std::sort(sorted.begin(), sorted.end(),
            [&](const Candidate& a, const Candidate& b) { return rank(a) < rank(b); });
  if (sorted.size() > static_cast<size_t>(options.limit)) sorted.resize(options.limit);
  std::vector<Completion> out;
  out.reserve(sorted.size());
  for (const Candidate& c : sorted) {
    out.push_back({c.key->kind, c.key->ref, *c.label, name_texts_[c.key->text_id], c.word_prefix});
  }
  return out;
}

}  // namespace guild::skills
