// O*NET 29.2: skills (2.A, 2.B), knowledge (2.C) and occupation ratings.
#include <map>
#include <set>
#include <string>

#include "taxonomy/internal/loaders.h"
#include "taxonomy/internal/tsv.h"

namespace guild::taxonomy::internal {

namespace {

constexpr char kPrefix[] = "onet:";
constexpr double kMinImportance = 1.0;
constexpr double kMaxImportance = 5.0;
constexpr double kMinOnetLevel = 0.0;
constexpr double kMaxOnetLevel = 7.0;

// "2.A.1.a" -> "2.A.1"; the nearest ancestor present in `known`, or "".
std::string BroaderElement(const std::string& id, const std::set<std::string>& known) {
  std::string parent = id;
  while (true) {
    size_t dot = parent.rfind('.');
    if (dot == std::string::npos) return "";
    parent.resize(dot);
    if (known.count(parent)) return parent;
  }
}

Status LoadAnchors(const TaxonomyOptions& options, std::vector<Skill>& skills);

Status LoadElements(const TaxonomyOptions& options, FirmData& out) {
  std::vector<Skill> skills;
  std::set<std::string> ids;
  RETURN_IF_ERROR(ReadTsv(PathIn(options.directory, "onet_elements.tsv"), "onet_elements.tsv",
                          {"element_id", "name", "kind", "description"},
                          [&](const TsvRow& row) -> Status {
                            ASSIGN_OR_RETURN(auto id, row.NonEmpty(0));
                            ASSIGN_OR_RETURN(auto name, row.NonEmpty(1));
                            ASSIGN_OR_RETURN(auto kind, row.OneOf(2, {"skill", "knowledge"}));
                            if (!ids.insert(std::string(id)).second)
                              return row.Error(0, "an element id not seen before");
                            Skill s;
                            s.id = std::string(id);  // prefixed below
                            s.name = std::string(name);
                            s.description = std::string(row.Field(3));
                            s.source = SkillSource::kOnet;
                            s.kind = kind == "skill" ? SkillKind::kSkill : SkillKind::kKnowledge;
                            skills.push_back(std::move(s));
                            return OkStatus();
                          }));
  for (auto& s : skills) {
    std::string broader = BroaderElement(s.id, ids);
    if (!broader.empty()) s.broader_id = kPrefix + broader;
    s.id = kPrefix + s.id;
  }
  RETURN_IF_ERROR(LoadAnchors(options, skills));
  for (auto& s : skills) out.skills.push_back(std::move(s));
  return OkStatus();
}

// Appends "Level examples: Working (O*NET 2): ...; ..." to each element's
// description, so a self-assessment screen can show what a level looks like.
Status LoadAnchors(const TaxonomyOptions& options, std::vector<Skill>& skills) {
  std::map<std::string, std::string> examples;
  RETURN_IF_ERROR(
      ReadTsv(PathIn(options.directory, "onet_level_anchors.tsv"), "onet_level_anchors.tsv",
              {"element_id", "anchor_value", "description"}, [&](const TsvRow& row) -> Status {
                ASSIGN_OR_RETURN(auto element, row.NonEmpty(0));
                ASSIGN_OR_RETURN(double value, row.Number(1, kMinOnetLevel, kMaxOnetLevel));
                ASSIGN_OR_RETURN(auto text, row.NonEmpty(2));
                std::string& e = examples[kPrefix + std::string(element)];
                e += e.empty() ? " Level examples: " : "; ";
                e += std::string(LevelName(OnetLevelToGuild(value))) + " (O*NET " +
                     std::string(row.Field(1)) + "): " + std::string(text);
                return OkStatus();
              }));
  for (auto& s : skills) {
    auto it = examples.find(s.id);
    if (it != examples.end()) s.description += it->second + ".";
  }
  return OkStatus();
}

Status LoadOccupations(const TaxonomyOptions& options, std::map<std::string, Role>& roles) {
  return ReadTsv(PathIn(options.directory, "onet_occupations.tsv"), "onet_occupations.tsv",
                 {"code", "title", "description"}, [&](const TsvRow& row) -> Status {
                   ASSIGN_OR_RETURN(auto code, row.NonEmpty(0));
                   ASSIGN_OR_RETURN(auto title, row.NonEmpty(1));
                   Role r;
                   r.id = kPrefix + std::string(code);
                   r.name = std::string(title);
                   r.description = std::string(row.Field(2));
                   r.source = RoleSource::kOnet;
                   if (!roles.emplace(r.id, std::move(r)).second) {
                     return row.Error(0, "an occupation code not seen before");
                   }
                   return OkStatus();
                 });
}

Status LoadRatings(const TaxonomyOptions& options, std::map<std::string, Role>& roles) {
  return ReadTsv(
      PathIn(options.directory, "onet_ratings.tsv"), "onet_ratings.tsv",
      {"code", "element_id", "importance", "level", "not_relevant", "suppress"},
      [&](const TsvRow& row) -> Status {
        auto it = roles.find(kPrefix + std::string(row.Field(0)));
        if (it == roles.end()) return row.Error(0, "a code listed in onet_occupations.tsv");
        ASSIGN_OR_RETURN(auto element, row.NonEmpty(1));
        ASSIGN_OR_RETURN(double importance, row.Number(2, kMinImportance, kMaxImportance));
        ASSIGN_OR_RETURN(double level, row.Number(3, kMinOnetLevel, kMaxOnetLevel));
        ASSIGN_OR_RETURN(auto not_relevant, row.OneOf(4, {"Y", "N"}));
        ASSIGN_OR_RETURN(auto suppress, row.OneOf(5, {"Y", "N"}));
        if (not_relevant == "Y" || suppress == "Y") return OkStatus();
        if (importance < options.min_onet_importance) return OkStatus();
        it->second.skills.push_back(
            RoleSkill{kPrefix + std::string(element), OnetLevelToGuild(level), importance, true});
        return OkStatus();
      });
}

}  // namespace

Status LoadOnet(const TaxonomyOptions& options, FirmData& out) {
  RETURN_IF_ERROR(LoadElements(options, out));
  std::map<std::string, Role> roles;
  RETURN_IF_ERROR(LoadOccupations(options, roles));
  RETURN_IF_ERROR(LoadRatings(options, roles));
  for (auto& [id, role] : roles) out.roles.push_back(std::move(role));
  return OkStatus();
}

}  // namespace guild::taxonomy::internal
