// Step 2: practice skill sets from the taxonomy, person skills, skill history
// and the firm's own target roles.
#include <algorithm>
#include <map>
#include <unordered_map>

#include "demo/internal/context.h"

namespace guild::demo::internal {

namespace {

constexpr double kMinCoreImportance = 3.0;  //!< O*NET "important" and above
constexpr double kEssentialWeight = 2.0;
constexpr double kOptionalWeight = 0.4;
constexpr double kCrossPracticeChance = 0.3;
constexpr double kRecentUseChance = 0.75;
constexpr int kRatedWithinDays = 365;
constexpr int kUsedWithinDays = 180;
constexpr int kMinStepDays = 240;
constexpr int kMaxStepDays = 720;
constexpr int kFirmRoleOnetSkills = 5;
constexpr int kFirmRoleEscoSkills = 3;
constexpr double kNoiseDown = 0.2;
constexpr double kNoiseUp = 0.8;
constexpr size_t kMaxSkillsPerPerson = 9;  //!< 5 + 3 + 1
constexpr size_t kHistoryPerPerson = 4;

int Clamp(int level) { return std::clamp(level, kMinLevel, kMaxLevel); }

// Weight grows with the square of importance above "somewhat important".
double OnetWeight(double importance) { return (importance - 2.0) * (importance - 2.0); }

bool IsTechnologyElement(std::string_view skill_id) {
  for (std::string_view e : TechnologyOnetElements()) {
    if (skill_id.size() == e.size() + 5 && skill_id.starts_with("onet:") &&
        skill_id.substr(5) == e) {
      return true;
    }
  }
  return false;
}

// Adds the role's skills to the practice's picks; a practice that does not
// sell technology leaves out O*NET's technology elements.
void AddRole(const Role& role, std::map<std::string_view, SkillPick>& picks, bool onet,
             bool sells_technology) {
  for (const auto& rs : role.skills) {
    if (onet && rs.importance < kMinCoreImportance) continue;
    if (!sells_technology && IsTechnologyElement(rs.skill_id)) continue;
    double weight =
        onet ? OnetWeight(rs.importance) : (rs.essential ? kEssentialWeight : kOptionalWeight);
    auto [it, fresh] =
        picks.try_emplace(rs.skill_id, SkillPick{&rs.skill_id, rs.level, rs.importance, weight});
    if (!fresh) {
      it->second.level = std::max(it->second.level, rs.level);
      it->second.importance = std::max(it->second.importance, rs.importance);
      it->second.weight = std::max(it->second.weight, weight);
    }
  }
}

void Flatten(const std::map<std::string_view, SkillPick>& picks, std::vector<SkillPick>& out,
             std::vector<double>& weights) {
  for (const auto& [id, pick] : picks) {
    out.push_back(pick);
    weights.push_back(pick.weight);
  }
}

// Draws up to k distinct picks (rejection on repeats; pools are small).
void DrawDistinct(Random& rng, const std::vector<SkillPick>& pool, const std::vector<double>& w,
                  int k, std::vector<const SkillPick*>& chosen) {
  if (pool.empty()) return;
  k = std::min(k, static_cast<int>(pool.size()));
  for (int tries = 0, got = 0; got < k && tries < 8 * k; ++tries) {
    const SkillPick* p = &pool[rng.Weighted(w)];
    if (std::find(chosen.begin(), chosen.end(), p) != chosen.end()) continue;
    chosen.push_back(p);
    ++got;
  }
}

int Noise(Random& rng) {
  double u = rng.Unit();
  return u < kNoiseDown ? -1 : (u >= kNoiseUp ? 1 : 0);
}

RatingSource DrawSource(Random& rng) {
  double u = rng.Unit();
  if (u < 0.70) return RatingSource::kSelf;
  if (u < 0.92) return RatingSource::kManager;
  if (u < 0.97) return RatingSource::kPeer;
  return RatingSource::kAssessed;
}

void AddHistory(Context& c, const PersonSkill& ps) {
  int steps = std::min(ps.level - kMinLevel, c.rng.Range(1, 3));
  Date date = *ps.rated_on;
  for (int s = 0; s <= steps; ++s) {
    c.out.skill_history.push_back({ps.person_id, ps.skill_id, date, ps.level - s});
    date = AddDays(date, -c.rng.Range(kMinStepDays, kMaxStepDays));
  }
}

}  // namespace

Status BuildPracticeSkills(Context& c) {
  std::unordered_map<std::string_view, const Role*> roles;
  std::vector<const Role*> rated_onet;
  for (const auto& r : c.taxonomy.roles) {
    roles[r.id] = &r;
    if (r.source == RoleSource::kOnet && !r.skills.empty()) rated_onet.push_back(&r);
  }
  if (rated_onet.empty()) {
    return InvalidArgument("taxonomy: no O*NET role with rated skills to build the demo firm from");
  }
  c.practice_skills.resize(c.practice_count);
  for (int p = 0; p < c.practice_count; ++p) {
    std::map<std::string_view, SkillPick> onet, esco;
    const bool tech = Practices()[p].sells_technology;
    for (auto code : Practices()[p].onet_roles) {
      auto it = roles.find("onet:" + std::string(code));
      if (it != roles.end()) AddRole(*it->second, onet, true, tech);
    }
    if (onet.empty()) AddRole(*rated_onet[p % rated_onet.size()], onet, true, tech);
    for (auto id : Practices()[p].esco_roles) {
      auto it = roles.find("esco:" + std::string(id));
      if (it != roles.end()) AddRole(*it->second, esco, false, tech);
    }
    auto& ps = c.practice_skills[p];
    Flatten(onet, ps.onet, ps.onet_weights);
    Flatten(esco, ps.esco, ps.esco_weights);
  }
  return OkStatus();
}

namespace {

// The person's skills: 3-5 of the practice's O*NET skills, 2-3 of its ESCO
// skills, sometimes one from a kindred practice (MayBorrowSkills: a
// Litigation lawyer may know corporate law, never a programming language);
// unique by id.
void ChooseSkills(Context& c, size_t i, std::vector<const SkillPick*>& chosen,
                  const std::vector<std::vector<int>>& kin) {
  const auto& own = c.practice_skills[c.practice[i]];
  const auto& kindred = kin[c.practice[i]];
  chosen.clear();
  DrawDistinct(c.rng, own.onet, own.onet_weights, c.rng.Range(3, 5), chosen);
  DrawDistinct(c.rng, own.esco, own.esco_weights, c.rng.Range(2, 3), chosen);
  if (!kindred.empty() && c.rng.Chance(kCrossPracticeChance)) {
    const auto& other = c.practice_skills[kindred[c.rng.Below(kindred.size())]];
    DrawDistinct(c.rng, other.esco.empty() ? other.onet : other.esco,
                 other.esco.empty() ? other.onet_weights : other.esco_weights, 1, chosen);
  }
  // Two practices can share a skill id (e.g. both law practices).
  std::sort(chosen.begin(), chosen.end(), [](auto* a, auto* b) { return *a->id < *b->id; });
  chosen.erase(
      std::unique(chosen.begin(), chosen.end(), [](auto* a, auto* b) { return *a->id == *b->id; }),
      chosen.end());
}

PersonSkill MakePersonSkill(Context& c, size_t i, const SkillPick& pick) {
  const auto& grade = Grades()[c.grade[i]];
  PersonSkill ps;
  ps.person_id = c.out.people[i].id;
  ps.skill_id = *pick.id;
  ps.source = DrawSource(c.rng);
  ps.level = Clamp(pick.level + grade.level_offset + Noise(c.rng));
  ps.wants_to_grow = ps.level < kMaxLevel && c.rng.Chance(grade.wants_to_grow);
  ps.rated_on = AddDays(c.options.today, -c.rng.Range(0, kRatedWithinDays));
  if (c.rng.Chance(kRecentUseChance)) {
    ps.last_used = AddDays(c.options.today, -c.rng.Range(0, kUsedWithinDays));
  }
  return ps;
}

}  // namespace

void GeneratePersonSkills(Context& c) {
  const size_t n = c.out.people.size();
  c.out.person_skills.reserve(n * kMaxSkillsPerPerson);
  c.out.skill_history.reserve(n * kHistoryPerPerson);
  std::vector<std::vector<int>> kin(c.practice_count);
  for (int p = 0; p < c.practice_count; ++p) {
    for (int q = 0; q < c.practice_count; ++q) {
      if (q != p && MayBorrowSkills(p, q)) kin[p].push_back(q);
    }
  }
  std::vector<const SkillPick*> chosen;
  for (size_t i = 0; i < n; ++i) {
    ChooseSkills(c, i, chosen, kin);
    // Partners and directors have two skills with a history, others one;
    // about half the associates none.
    int with_history =
        c.grade[i] == kAssociate ? c.rng.Range(0, 1) : (c.grade[i] <= kDirector ? 2 : 1);
    for (const SkillPick* pick : chosen) {
      PersonSkill ps = MakePersonSkill(c, i, *pick);
      if (with_history > 0 && ps.level > kMinLevel) {
        AddHistory(c, ps);
        --with_history;
      }
      c.out.person_skills.push_back(std::move(ps));
    }
  }
}

void GenerateFirmRoles(Context& c) {
  for (int p = 0; p < c.practice_count; ++p) {
    const auto& spec = Practices()[p];
    auto& ps = c.practice_skills[p];
    std::vector<const SkillPick*> top;
    auto take = [&](const std::vector<SkillPick>& pool, int k) {
      std::vector<const SkillPick*> sorted;
      sorted.reserve(pool.size());
      for (const auto& s : pool) sorted.push_back(&s);
      std::stable_sort(sorted.begin(), sorted.end(),
                       [](auto* a, auto* b) { return a->weight > b->weight; });
      for (int j = 0; j < k && j < static_cast<int>(sorted.size()); ++j) {
        if (std::none_of(top.begin(), top.end(),
                         [&](auto* t) { return *t->id == *sorted[j]->id; })) {
          top.push_back(sorted[j]);
        }
      }
    };
    take(ps.onet, kFirmRoleOnetSkills);
    take(ps.esco, kFirmRoleEscoSkills);
    for (int g = 0; g < kGradeCount; ++g) {
      Role role;
      std::string title(Grades()[g].titles[static_cast<int>(spec.family)]);
      std::string slug;
      for (char ch : std::string(spec.name) + "-" + std::string(kDefaultGrades[g])) {
        if (std::isalnum(static_cast<unsigned char>(ch))) {
          slug += static_cast<char>(std::tolower(ch));
        } else if (!slug.empty() && slug.back() != '-') {
          slug += '-';
        }
      }
      role.id = "firm:" + slug;
      role.name = title + ", " + std::string(spec.name);
      role.description = "What the firm expects of a " + std::string(kDefaultGrades[g]) + " in " +
                         std::string(spec.name) + ".";
      role.source = RoleSource::kFirm;
      for (const SkillPick* s : top) {
        role.skills.push_back({*s->id, Clamp(s->level + Grades()[g].level_offset),
                               std::clamp(s->importance, 1.0, 5.0), true});
      }
      c.out.roles.push_back(std::move(role));
    }
  }
}

}  // namespace guild::demo::internal
