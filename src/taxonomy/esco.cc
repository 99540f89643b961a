// ESCO v1.1.1 subset: skills, skill groups (as parent skills), occupations.
#include <map>
#include <set>
#include <string>

#include "taxonomy/internal/loaders.h"
#include "taxonomy/internal/tsv.h"

namespace guild::taxonomy::internal {

namespace {

constexpr char kPrefix[] = "esco:";

// A skill group is a knowledge node when it belongs to the ISCED-F knowledge
// pillar (no ESCO code) or the "K" branch; otherwise (S, T, L) a skill node.
SkillKind GroupKind(std::string_view code) {
  return code.empty() || code.front() == 'K' ? SkillKind::kKnowledge : SkillKind::kSkill;
}

std::vector<std::string> Synonyms(std::string_view alt_labels, std::string_view label) {
  std::vector<std::string> out;
  std::set<std::string> seen{std::string(label)};
  for (auto& s : SplitLabels(alt_labels)) {
    if (seen.insert(s).second) out.push_back(std::move(s));
  }
  return out;
}

Status LoadSkills(const TaxonomyOptions& options, std::map<std::string, Skill>& skills) {
  return ReadTsv(
      PathIn(options.directory, "esco_skills.tsv"), "esco_skills.tsv",
      {"id", "skill_type", "reuse_level", "label", "alt_labels", "collections", "description"},
      [&](const TsvRow& row) -> Status {
        ASSIGN_OR_RETURN(auto id, row.NonEmpty(0));
        ASSIGN_OR_RETURN(auto type, row.OneOf(1, {"skill/competence", "knowledge", ""}));
        ASSIGN_OR_RETURN(auto label, row.NonEmpty(3));
        Skill s;
        s.id = kPrefix + std::string(id);
        s.name = std::string(label);
        s.description = std::string(row.Field(6));
        s.synonyms = Synonyms(row.Field(4), label);
        s.source = SkillSource::kEsco;
        s.kind = type == "knowledge" ? SkillKind::kKnowledge : SkillKind::kSkill;
        if (!skills.emplace(s.id, std::move(s)).second) {
          return row.Error(0, "a skill id not seen before");
        }
        return OkStatus();
      });
}

Status LoadGroups(const TaxonomyOptions& options, std::map<std::string, Skill>& skills,
                  std::set<std::string>& group_ids) {
  return ReadTsv(PathIn(options.directory, "esco_skill_groups.tsv"), "esco_skill_groups.tsv",
                 {"id", "code", "label", "description"}, [&](const TsvRow& row) -> Status {
                   ASSIGN_OR_RETURN(auto id, row.NonEmpty(0));
                   ASSIGN_OR_RETURN(auto label, row.NonEmpty(2));
                   Skill s;
                   s.id = kPrefix + std::string(id);
                   s.name = std::string(label);
                   s.description = std::string(row.Field(3));
                   s.source = SkillSource::kEsco;
                   s.kind = GroupKind(row.Field(1));
                   group_ids.insert(s.id);
                   if (!skills.emplace(s.id, std::move(s)).second) {
                     return row.Error(0, "a skill or group id not seen before");
                   }
                   return OkStatus();
                 });
}

// Picks one parent per concept: a broader skill when there is one (it is the
// more specific parent), else a skill group; ties go to the smallest id.
Status LoadBroader(const TaxonomyOptions& options, std::map<std::string, Skill>& skills,
                   const std::set<std::string>& group_ids) {
  return ReadTsv(PathIn(options.directory, "esco_broader.tsv"), "esco_broader.tsv",
                 {"id", "broader_id"}, [&](const TsvRow& row) -> Status {
                   auto child = skills.find(kPrefix + std::string(row.Field(0)));
                   if (child == skills.end()) {
                     return row.Error(0, "an id from esco_skills or esco_skill_groups");
                   }
                   std::string parent = kPrefix + std::string(row.Field(1));
                   if (!skills.count(parent)) {
                     return row.Error(1, "an id from esco_skills or esco_skill_groups");
                   }
                   std::string& current = child->second.broader_id;
                   bool parent_is_group = group_ids.count(parent) > 0;
                   bool current_is_group = current.empty() || group_ids.count(current) > 0;
                   if (current.empty() || (current_is_group && !parent_is_group) ||
                       (current_is_group == parent_is_group && parent < current)) {
                     current = parent;
                   }
                   return OkStatus();
                 });
}

Status LoadOccupations(const TaxonomyOptions& options, std::map<std::string, Role>& roles) {
  return ReadTsv(PathIn(options.directory, "esco_occupations.tsv"), "esco_occupations.tsv",
                 {"id", "isco_group", "code", "label", "alt_labels", "description"},
                 [&](const TsvRow& row) -> Status {
                   ASSIGN_OR_RETURN(auto id, row.NonEmpty(0));
                   ASSIGN_OR_RETURN(auto label, row.NonEmpty(3));
                   Role r;
                   r.id = kPrefix + std::string(id);
                   r.name = std::string(label);
                   r.description = std::string(row.Field(5));
                   r.source = RoleSource::kEsco;
                   if (!roles.emplace(r.id, std::move(r)).second) {
                     return row.Error(0, "an occupation id not seen before");
                   }
                   return OkStatus();
                 });
}

Status LoadLinks(const TaxonomyOptions& options, const std::map<std::string, Skill>& skills,
                 std::map<std::string, Role>& roles) {
  return ReadTsv(
      PathIn(options.directory, "esco_occupation_skills.tsv"), "esco_occupation_skills.tsv",
      {"occupation_id", "relation", "skill_id"}, [&](const TsvRow& row) -> Status {
        auto role = roles.find(kPrefix + std::string(row.Field(0)));
        if (role == roles.end()) return row.Error(0, "an id from esco_occupations.tsv");
        ASSIGN_OR_RETURN(auto relation, row.OneOf(1, {"essential", "optional"}));
        std::string skill = kPrefix + std::string(row.Field(2));
        if (!skills.count(skill)) return row.Error(2, "an id from esco_skills.tsv");
        bool essential = relation == "essential";
        role->second.skills.push_back(RoleSkill{
            std::move(skill),
            essential ? options.esco_essential_level : options.esco_optional_level,
            essential ? options.esco_essential_importance : options.esco_optional_importance,
            essential});
        return OkStatus();
      });
}

}  // namespace

Status LoadEsco(const TaxonomyOptions& options, FirmData& out) {
  std::map<std::string, Skill> skills;
  std::set<std::string> group_ids;
  RETURN_IF_ERROR(LoadSkills(options, skills));
  RETURN_IF_ERROR(LoadGroups(options, skills, group_ids));
  RETURN_IF_ERROR(LoadBroader(options, skills, group_ids));
  std::map<std::string, Role> roles;
  RETURN_IF_ERROR(LoadOccupations(options, roles));
  RETURN_IF_ERROR(LoadLinks(options, skills, roles));
  for (auto& [id, s] : skills) out.skills.push_back(std::move(s));
  for (auto& [id, r] : roles) out.roles.push_back(std::move(r));
  return OkStatus();
}

}  // namespace guild::taxonomy::internal
