#include "taxonomy/taxonomy.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <unordered_map>
#include <unordered_set>

#include "domain/validate.h"
#include "taxonomy/internal/loaders.h"

namespace guild {

namespace {

// O*NET Level at which Guild levels 2..5 start (see docs/TAXONOMY.md).
constexpr std::array<double, kMaxLevel - kMinLevel> kOnetLevelFloors{1.5, 3.0, 4.5, 5.5};

template <typename T>
Status ValidateAll(const std::vector<T>& items,
                   void (*validate)(const T&, std::vector<FieldError>&), const char* kind) {
  std::vector<FieldError> errors;
  for (const auto& item : items) {
    validate(item, errors);
    if (!errors.empty()) {
      return InvalidArgument(std::string(kind) + " " + item.id + ": field " + errors[0].field +
                             ": expected " + errors[0].expected);
    }
  }
  return OkStatus();
}

}  // namespace

int OnetLevelToGuild(double onet_level) {
  int level = kMinLevel;
  for (double floor : kOnetLevelFloors) {
    if (onet_level >= floor) ++level;
  }
  return level;
}

double GuildLevelOnetFloor(int level) {
  return level <= kMinLevel ? 0.0 : kOnetLevelFloors[level - kMinLevel - 1];
}

namespace taxonomy::internal {

std::string PathIn(const std::string& directory, const std::string& file) {
  if (directory.empty()) return file;
  return directory.back() == '/' ? directory + file : directory + "/" + file;
}

Status CheckTaxonomy(const FirmData& data) {
  std::unordered_map<std::string, const Skill*> by_id;
  for (const auto& s : data.skills) {
    if (!by_id.emplace(s.id, &s).second) return InvalidArgument("skill id repeated: " + s.id);
  }
  for (const auto& s : data.skills) {
    // Walk up at most |skills| steps; more means a cycle.
    const Skill* at = &s;
    for (size_t steps = 0; !at->broader_id.empty(); ++steps) {
      auto it = by_id.find(at->broader_id);
      if (it == by_id.end()) {
        return InvalidArgument("skill " + at->id + ": broader_id " + at->broader_id +
                               " is not a skill of the taxonomy");
      }
      if (steps > data.skills.size()) {
        return InvalidArgument("skill " + s.id + ": the broader chain has a cycle");
      }
      at = it->second;
    }
  }
  std::unordered_set<std::string> role_ids;
  for (const auto& r : data.roles) {
    if (!role_ids.insert(r.id).second) return InvalidArgument("role id repeated: " + r.id);
    for (const auto& rs : r.skills) {
      if (!by_id.count(rs.skill_id)) {
        return InvalidArgument("role " + r.id + ": skill " + rs.skill_id +
                               " is not in the taxonomy");
      }
    }
  }
  RETURN_IF_ERROR(ValidateAll(data.skills.get(), &ValidateSkill, "skill"));
  return ValidateAll(data.roles.get(), &ValidateRole, "role");
}

}  // namespace taxonomy::internal

std::vector<std::string> TaxonomySearchPath(const std::string& executable_dir) {
  std::vector<std::string> out;
  if (!executable_dir.empty()) {
    out.push_back(executable_dir + "/data/taxonomy");
    out.push_back(executable_dir + "/../data/taxonomy");
    out.push_back(executable_dir + "/../share/guild/taxonomy");
  }
  out.push_back(GUILD_SOURCE_TAXONOMY_DIR);
  return out;
}

Result<std::string> FindTaxonomyDirectory(const std::vector<std::string>& candidates) {
  std::string tried;
  for (const auto& dir : candidates) {
    std::error_code error;
    if (std::filesystem::is_regular_file(taxonomy::internal::PathIn(dir, "onet_elements.tsv"),
                                         error)) {
      return dir;
    }
    tried += (tried.empty() ? "" : ", ") + dir;
  }
  return NotFound("no taxonomy folder (with onet_elements.tsv) found; tried " + tried +
                  " (use --taxonomy-dir)");
}

Result<FirmData> LoadTaxonomy(const TaxonomyOptions& options) {
  FirmData out;
  if (options.include_onet) RETURN_IF_ERROR(taxonomy::internal::LoadOnet(options, out));
  if (options.include_esco) RETURN_IF_ERROR(taxonomy::internal::LoadEsco(options, out));
  auto by_id = [](const auto& a, const auto& b) { return a.id < b.id; };
  std::sort(out.skills.mut().begin(), out.skills.mut().end(), by_id);
  std::sort(out.roles.mut().begin(), out.roles.mut().end(), by_id);
  RETURN_IF_ERROR(taxonomy::internal::CheckTaxonomy(out));
  return out;
}

}  // namespace guild
