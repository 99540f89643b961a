// JSON forms of the nested list fields (role skills, opening requirements,
// team members): arrays of objects with snake_case keys.
#include "io/internal/values.h"

namespace guild::io::internal {

namespace {

// True when every key of `object` is one of `allowed`.
bool OnlyKeys(const Json& object, std::initializer_list<std::string_view> allowed) {
  for (const auto& [key, value] : object.items()) {
    bool known = false;
    for (std::string_view name : allowed) known = known || key == name;
    if (!known) return false;
  }
  return true;
}

bool StringAt(const Json& object, const char* key, std::string& out) {
  auto it = object.find(key);
  if (it == object.end() || !it->is_string()) return false;
  out = it->get<std::string>();
  return true;
}

template <typename T, typename Fn>
bool ObjectsFromJson(const Json& json, std::vector<T>& out, Fn read) {
  if (!json.is_array()) return false;
  out.clear();
  for (const auto& item : json) {
    T value;
    if (!item.is_object() || !read(item, value)) return false;
    out.push_back(std::move(value));
  }
  return true;
}

}  // namespace

bool RoleSkillsFromJson(const Json& json, std::vector<RoleSkill>& out) {
  return ObjectsFromJson(json, out, [](const Json& item, RoleSkill& skill) {
    if (!OnlyKeys(item, {"skill_id", "level", "importance", "essential"})) return false;
    if (!StringAt(item, "skill_id", skill.skill_id)) return false;
    if (!item.contains("level") || !IntFromJson(item["level"], skill.level)) return false;
    if (item.contains("importance")) {
      if (!item["importance"].is_number()) return false;
      skill.importance = item["importance"].get<double>();
    }
    if (item.contains("essential")) {
      if (!item["essential"].is_boolean()) return false;
      skill.essential = item["essential"].get<bool>();
    }
    return true;
  });
}

Json RoleSkillsToJson(const std::vector<RoleSkill>& skills) {
  Json out = Json::array();
  for (const auto& s : skills) {
    out.push_back({{"skill_id", s.skill_id},
                   {"level", s.level},
                   {"importance", s.importance},
                   {"essential", s.essential}});
  }
  return out;
}

bool RequirementsFromJson(const Json& json, std::vector<SkillRequirement>& out) {
  return ObjectsFromJson(json, out, [](const Json& item, SkillRequirement& requirement) {
    if (!OnlyKeys(item, {"skill_id", "min_level"})) return false;
    return StringAt(item, "skill_id", requirement.skill_id) && item.contains("min_level") &&
           IntFromJson(item["min_level"], requirement.min_level);
  });
}

Json RequirementsToJson(const std::vector<SkillRequirement>& required) {
  Json out = Json::array();
  for (const auto& r : required) {
    out.push_back({{"skill_id", r.skill_id}, {"min_level", r.min_level}});
  }
  return out;
}

bool MembersFromJson(const Json& json, std::vector<TeamMember>& out) {
  return ObjectsFromJson(json, out, [](const Json& item, TeamMember& member) {
    if (!OnlyKeys(item, {"person_id", "role"})) return false;
    if (!StringAt(item, "person_id", member.person_id)) return false;
    return !item.contains("role") || StringAt(item, "role", member.role);
  });
}

Json MembersToJson(const std::vector<TeamMember>& members) {
  Json out = Json::array();
  for (const auto& m : members) out.push_back({{"person_id", m.person_id}, {"role", m.role}});
  return out;
}

bool RaciFromJson(const Json& json, std::vector<RaciEntry>& out) {
  return ObjectsFromJson(json, out, [](const Json& item, RaciEntry& entry) {
    std::string role;
    if (!OnlyKeys(item, {"person_id", "role"})) return false;
    if (!StringAt(item, "person_id", entry.person_id) || !StringAt(item, "role", role)) {
      return false;
    }
    auto parsed = ParseRaciRole(role);
    if (!parsed) return false;
    entry.role = *parsed;
    return true;
  });
}

Json RaciToJson(const std::vector<RaciEntry>& raci) {
  Json out = Json::array();
  for (const auto& e : raci) {
    out.push_back({{"person_id", e.person_id}, {"role", std::string(ToString(e.role))}});
  }
  return out;
}

}  // namespace guild::io::internal
