// SkillIndex::Build: interning, effective ratings, postings, taxonomy, load.
#include "engine/skills/skill_index.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <utility>

#include "engine/skills/internal/text.h"

namespace guild::skills {

namespace {

using IdMap = std::unordered_map<std::string_view, int32_t>;

Status Bad(std::string_view list, size_t position, std::string_view field, std::string_view what) {
  return InvalidArgument(std::string(list) + "[" + std::to_string(position) + "]." +
                         std::string(field) + ": " + std::string(what));
}

// True when rating `a` should replace rating `b` as the effective one.
bool Supersedes(const PersonSkill& a, const PersonSkill& b) {
  if (Precedence(a.source) != Precedence(b.source)) {
    return Precedence(a.source) > Precedence(b.source);
  }
  if (a.rated_on != b.rated_on) return a.rated_on > b.rated_on;
  return a.level > b.level;
}

}  // namespace

struct SkillIndex::Builder {
  const FirmData& firm;
  SkillIndex& index;
  IdMap person_ids;
  IdMap skill_ids;

  Status InternPeople() {
    std::vector<const Person*> sorted;
    for (const Person& p : firm.people) sorted.push_back(&p);
    std::sort(sorted.begin(), sorted.end(),
              [](const Person* a, const Person* b) { return a->id < b->id; });
    for (size_t i = 0; i < sorted.size(); ++i) {
      const Person& p = *sorted[i];
      if (!person_ids.emplace(p.id, static_cast<int32_t>(i)).second) {
        return InvalidArgument("people: duplicate id '" + p.id + "'");
      }
      PersonRow row{p.id, p.name, p.weekly_capacity_hours, {}};
      row.attributes[0] = InternAttribute(Attribute::kPractice, p.practice, i);
      row.attributes[1] = InternAttribute(Attribute::kOffice, p.office, i);
      row.attributes[2] = InternAttribute(Attribute::kGrade, p.grade, i);
      index.people_.push_back(std::move(row));
    }
    return OkStatus();
  }

  int32_t InternAttribute(Attribute a, const std::string& value, size_t person) {
    AttributeTable& table = index.attributes_[static_cast<int>(a)];
    std::string lower = internal::Lower(value);
    auto it = std::find(table.lower.begin(), table.lower.end(), lower);
    int32_t code = static_cast<int32_t>(it - table.lower.begin());
    if (it == table.lower.end()) {
      table.lower.push_back(std::move(lower));
      table.names.push_back(value);
      table.members.emplace_back();
    }
    table.members[code].push_back(static_cast<PersonRef>(person));
    return code;
  }

  Status InternSkills() {
    std::vector<const Skill*> sorted;
    for (const Skill& s : firm.skills) sorted.push_back(&s);
    std::sort(sorted.begin(), sorted.end(),
              [](const Skill* a, const Skill* b) { return a->id < b->id; });
    for (size_t i = 0; i < sorted.size(); ++i) {
      if (!skill_ids.emplace(sorted[i]->id, static_cast<int32_t>(i)).second) {
        return InvalidArgument("skills: duplicate id '" + sorted[i]->id + "'");
      }
      index.skills_.push_back({sorted[i]->id, sorted[i]->name, kNone});
    }
    index.children_.resize(sorted.size());
    for (size_t i = 0; i < sorted.size(); ++i) {
      const std::string& parent = sorted[i]->broader_id;
      if (parent.empty()) continue;
      auto it = skill_ids.find(parent);
      if (it == skill_ids.end()) {
        return InvalidArgument("skills['" + sorted[i]->id + "'].broader_id: unknown skill '" +
                               parent + "'");
      }
      index.skills_[i].broader = it->second;
      index.children_[it->second].push_back(static_cast<SkillRef>(i));
    }
    return CheckAcyclic();
  }

  Status CheckAcyclic() {
    const size_t n = index.skills_.size();
    for (size_t i = 0; i < n; ++i) {
      SkillRef s = index.skills_[i].broader;
      for (size_t steps = 0; s != kNone; ++steps, s = index.skills_[s].broader) {
        if (steps > n) {
          return InvalidArgument("skills['" + index.skills_[i].id +
                                 "'].broader_id: the taxonomy has a cycle through it");
        }
      }
    }
    return OkStatus();
  }

  Status BuildRatings() {
    // Key: person * skill_count + skill -> (index of effective rating, wants).
    std::unordered_map<int64_t, std::pair<size_t, bool>> best;
    best.reserve(firm.person_skills.size());
    const int64_t skill_count = static_cast<int64_t>(index.skills_.size());
    for (size_t i = 0; i < firm.person_skills.size(); ++i) {
      const PersonSkill& ps = firm.person_skills[i];
      auto person = person_ids.find(ps.person_id);
      if (person == person_ids.end()) {
        return Bad("person_skills", i, "person_id", "unknown person '" + ps.person_id + "'");
      }
      auto skill = skill_ids.find(ps.skill_id);
      if (skill == skill_ids.end()) {
        return Bad("person_skills", i, "skill_id", "unknown skill '" + ps.skill_id + "'");
      }
      if (ps.level < kMinLevel || ps.level > kMaxLevel) {
        return Bad("person_skills", i, "level", "expected 1..5, got " + std::to_string(ps.level));
      }
      int64_t key = person->second * skill_count + skill->second;
      auto [it, inserted] = best.try_emplace(key, i, ps.wants_to_grow);
      if (inserted) continue;
      it->second.second = it->second.second || ps.wants_to_grow;
      if (Supersedes(ps, firm.person_skills[it->second.first])) it->second.first = i;
    }
    std::vector<std::pair<int64_t, HeldSkill>> rows;
    rows.reserve(best.size());
    for (const auto& [key, value] : best) {
      const PersonSkill& ps = firm.person_skills[value.first];
      rows.push_back({key, HeldSkill{static_cast<SkillRef>(key % skill_count),
                                     static_cast<int8_t>(ps.level), ps.source, value.second}});
    }
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    FillHeld(rows, skill_count);
    FillPostings(rows, skill_count);
    return OkStatus();
  }

  void FillHeld(const std::vector<std::pair<int64_t, HeldSkill>>& rows, int64_t skill_count) {
    index.held_offsets_.assign(index.people_.size() + 1, 0);
    index.held_.reserve(rows.size());
    for (const auto& [key, held] : rows) {
      ++index.held_offsets_[key / skill_count + 1];
      index.held_.push_back(held);
    }
    for (size_t i = 1; i < index.held_offsets_.size(); ++i) {
      index.held_offsets_[i] += index.held_offsets_[i - 1];
    }
  }

  void FillPostings(const std::vector<std::pair<int64_t, HeldSkill>>& rows, int64_t skill_count) {
    const size_t n = index.skills_.size();
    index.posting_offsets_.assign(n + 1, 0);
    for (const auto& [key, held] : rows) ++index.posting_offsets_[held.skill + 1];
    for (size_t i = 1; i <= n; ++i) index.posting_offsets_[i] += index.posting_offsets_[i - 1];
    index.postings_.resize(rows.size());
    std::vector<int64_t> cursor(index.posting_offsets_.begin(), index.posting_offsets_.end() - 1);
    for (const auto& [key, held] : rows) {
      const auto person = static_cast<PersonRef>(key / skill_count);
      index.postings_[cursor[held.skill]++] = {person, index.people_[person].attributes[0],
                                               held.level, held.wants_to_grow};
    }
    index.level_starts_.assign(n, {});
    for (size_t s = 0; s < n; ++s) FinishPostings(s);
  }

  // Sorts skill s's postings by level desc, then practice (person order is
  // kept, already ascending) and records where each level starts.
  void FinishPostings(size_t s) {
    auto begin = index.postings_.begin() + index.posting_offsets_[s];
    auto end = index.postings_.begin() + index.posting_offsets_[s + 1];
    std::stable_sort(begin, end, [](const Posting& a, const Posting& b) {
      return a.level != b.level ? a.level > b.level : a.practice < b.practice;
    });
    auto& starts = index.level_starts_[s];
    // starts[l] = number of postings with level >= l, for l in 0..kMaxLevel+1.
    for (int level = 0; level <= kMaxLevel + 1; ++level) {
      starts[level] = static_cast<int32_t>(
          std::find_if(begin, end, [level](const Posting& p) { return p.level < level; }) - begin);
    }
  }

  Status BuildLoad() {
    std::vector<std::pair<int64_t, float>> cells;  // (person << 32 | week), hours
    for (size_t i = 0; i < firm.assignments.size(); ++i) {
      const Assignment& a = firm.assignments[i];
      auto person = person_ids.find(a.person_id);
      if (person == person_ids.end()) {
        return Bad("assignments", i, "person_id", "unknown person '" + a.person_id + "'");
      }
      if (a.end < a.start) return Bad("assignments", i, "end", "expected end >= start");
      for (Date w = WeekStart(a.start); w <= a.end; w = AddDays(w, 7)) {
        int64_t key = (static_cast<int64_t>(person->second) << 32) | static_cast<uint32_t>(w.days);
        cells.push_back({key, static_cast<float>(a.hours_per_week)});
      }
    }
    std::sort(cells.begin(), cells.end());
    index.load_offsets_.assign(index.people_.size() + 1, 0);
    for (size_t i = 0; i < cells.size(); ++i) {
      const auto person = static_cast<size_t>(cells[i].first >> 32);
      const auto week = static_cast<int32_t>(cells[i].first & 0xffffffff);
      if (i > 0 && cells[i - 1].first == cells[i].first) {
        index.loads_.back().hours += cells[i].second;
        continue;
      }
      index.loads_.push_back({week, cells[i].second});
      ++index.load_offsets_[person + 1];
    }
    for (size_t i = 1; i < index.load_offsets_.size(); ++i) {
      index.load_offsets_[i] += index.load_offsets_[i - 1];
    }
    return OkStatus();
  }
};

Result<SkillIndex> SkillIndex::Build(const FirmData& firm) {
  SkillIndex index;
  Builder builder{firm, index, {}, {}};
  RETURN_IF_ERROR(builder.InternPeople());
  RETURN_IF_ERROR(builder.InternSkills());
  RETURN_IF_ERROR(builder.BuildRatings());
  RETURN_IF_ERROR(builder.BuildLoad());
  index.BuildNames(firm);
  return index;
}

}  // namespace guild::skills
