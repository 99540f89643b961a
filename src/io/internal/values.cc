#include "io/internal/values.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace guild::io::internal {

namespace {

constexpr char kItemSeparator = ';';
constexpr char kPartSeparator = ':';
constexpr std::string_view kOptionalMark = "optional";
constexpr std::string_view kEssentialMark = "essential";
constexpr size_t kRealBufferSize = 32;

char Lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (Lower(a[i]) != Lower(b[i])) return false;
  }
  return true;
}

// Splits "head:tail" at the last ':'; false when there is none.
bool SplitLast(std::string_view text, std::string_view& head, std::string_view& tail) {
  size_t colon = text.rfind(kPartSeparator);
  if (colon == std::string_view::npos) return false;
  head = text.substr(0, colon);
  tail = text.substr(colon + 1);
  return true;
}

// Calls item(text) for each trimmed non-empty ';'-separated item; stops at the
// first false.
template <typename Fn>
bool ForEachItem(std::string_view text, Fn item) {
  while (!text.empty()) {
    size_t end = text.find(kItemSeparator);
    std::string_view piece = Trim(text.substr(0, end));
    if (!piece.empty() && !item(piece)) return false;
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return true;
}

bool ParseRoleSkill(std::string_view text, RoleSkill& out) {
  std::string_view head;
  std::string_view tail;
  if (!SplitLast(text, head, tail)) return false;
  out.essential = true;
  if (EqualsIgnoreCase(tail, kOptionalMark) || EqualsIgnoreCase(tail, kEssentialMark)) {
    out.essential = EqualsIgnoreCase(tail, kEssentialMark);
    if (!SplitLast(head, head, tail)) return false;
  }
  if (!ParseReal(tail, out.importance)) return false;
  if (!SplitLast(head, head, tail) || !ParseInt(tail, out.level)) return false;
  out.skill_id = std::string(Trim(head));
  return !out.skill_id.empty();
}

}  // namespace

std::string_view Trim(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

std::string NormalizeName(std::string_view text) {
  std::string out;
  for (char c : Trim(text)) {
    bool separator = c == ' ' || c == '-' || c == '_';
    if (!separator) {
      out.push_back(Lower(c));
    } else if (!out.empty() && out.back() != '_') {
      out.push_back('_');
    }
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

bool ParseInt(std::string_view text, int& out) {
  text = Trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty();
}

bool ParseReal(std::string_view text, double& out) {
  text = Trim(text);
  if (!text.empty() && text.front() == '+') text.remove_prefix(1);
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && end == text.data() + text.size() && !text.empty() &&
         std::isfinite(out);
}

bool ParseBool(std::string_view text, bool& out) {
  if (text == "1" || text == "0") {  // the common case, first
    out = text == "1";
    return true;
  }
  text = Trim(text);
  for (std::string_view yes : {"true", "yes", "y", "1"}) {
    if (EqualsIgnoreCase(text, yes)) return out = true, true;
  }
  for (std::string_view no : {"false", "no", "n", "0"}) {
    if (EqualsIgnoreCase(text, no)) return out = false, true;
  }
  return false;
}

bool ParseDay(std::string_view text, Date& out) {
  auto date = ParseDate(Trim(text));
  if (!date) return false;
  out = *date;
  return true;
}

void AppendReal(std::string& out, double value) {
  char buffer[kRealBufferSize];
  auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, value);
  out.append(buffer, end);
}

bool IsCleanText(std::string_view text) {
  if (text.size() > kMaxTextBytes) return false;
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte < 0x20 && c != '\t' && c != '\n' && c != '\r') || byte == 0x7f) return false;
  }
  return true;
}

namespace {

bool StartsLikeFormula(std::string_view text) {
  return !text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' ||
                           text[0] == '\t' || text[0] == '\r');
}

// Formula-like text, or quotes before formula-like text ("'=x"), so that
// escaping is undone exactly.
bool NeedsEscape(std::string_view text) {
  while (!text.empty() && text[0] == '\'') text.remove_prefix(1);
  return StartsLikeFormula(text);
}

}  // namespace

void AppendEscapingFormula(std::string& out, std::string_view text) {
  if (NeedsEscape(text)) out.push_back('\'');
  out.append(text);
}

std::string_view UnescapeFormula(std::string_view cell) {
  if (!cell.empty() && cell[0] == '\'' && NeedsEscape(cell.substr(1))) cell.remove_prefix(1);
  return cell;
}

std::vector<std::string> SplitList(std::string_view text) {
  std::vector<std::string> items;
  ForEachItem(text, [&](std::string_view item) {
    items.emplace_back(item);
    return true;
  });
  return items;
}

void AppendList(std::string& out, const std::vector<std::string>& items) {
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out.push_back(kItemSeparator);
    out.append(items[i]);
  }
}

bool ParseRoleSkills(std::string_view text, std::vector<RoleSkill>& out) {
  out.clear();
  return ForEachItem(text, [&](std::string_view item) {
    RoleSkill skill;
    if (!ParseRoleSkill(item, skill)) return false;
    out.push_back(std::move(skill));
    return true;
  });
}

void AppendRoleSkills(std::string& out, const std::vector<RoleSkill>& skills) {
  for (size_t i = 0; i < skills.size(); ++i) {
    if (i > 0) out.push_back(kItemSeparator);
    out.append(skills[i].skill_id).push_back(kPartSeparator);
    out.append(std::to_string(skills[i].level)).push_back(kPartSeparator);
    AppendReal(out, skills[i].importance);
    if (!skills[i].essential) out.push_back(kPartSeparator), out.append(kOptionalMark);
  }
}

bool ParseRequirements(std::string_view text, std::vector<SkillRequirement>& out) {
  out.clear();
  return ForEachItem(text, [&](std::string_view item) {
    std::string_view head;
    std::string_view tail;
    SkillRequirement requirement;
    if (!SplitLast(item, head, tail) || !ParseInt(tail, requirement.min_level)) return false;
    requirement.skill_id = std::string(Trim(head));
    out.push_back(std::move(requirement));
    return !out.back().skill_id.empty();
  });
}

void AppendRequirements(std::string& out, const std::vector<SkillRequirement>& required) {
  for (size_t i = 0; i < required.size(); ++i) {
    if (i > 0) out.push_back(kItemSeparator);
    out.append(required[i].skill_id).push_back(kPartSeparator);
    out.append(std::to_string(required[i].min_level));
  }
}

bool ParseMembers(std::string_view text, std::vector<TeamMember>& out) {
  out.clear();
  return ForEachItem(text, [&](std::string_view item) {
    std::string_view head = item;
    std::string_view tail;
    if (!SplitLast(item, head, tail)) tail = {};
    out.push_back({std::string(Trim(head)), std::string(Trim(tail))});
    return !out.back().person_id.empty();
  });
}

void AppendMembers(std::string& out, const std::vector<TeamMember>& members) {
  for (size_t i = 0; i < members.size(); ++i) {
    if (i > 0) out.push_back(kItemSeparator);
    out.append(members[i].person_id).push_back(kPartSeparator);
    out.append(members[i].role);
  }
}

bool ParseRaci(std::string_view text, std::vector<RaciEntry>& out) {
  out.clear();
  return ForEachItem(text, [&](std::string_view item) {
    std::string_view head;
    std::string_view tail;
    if (!SplitLast(item, head, tail)) return false;
    auto role = ParseRaciRole(NormalizeName(tail));
    if (!role) return false;
    out.push_back({std::string(Trim(head)), *role});
    return !out.back().person_id.empty();
  });
}

void AppendRaci(std::string& out, const std::vector<RaciEntry>& raci) {
  for (size_t i = 0; i < raci.size(); ++i) {
    if (i > 0) out.push_back(kItemSeparator);
    out.append(raci[i].person_id).push_back(kPartSeparator);
    out.append(ToString(raci[i].role));
  }
}

bool IntFromJson(const Json& json, int& out) {
  if (!json.is_number_integer()) return false;
  auto value = json.get<int64_t>();
  if (value < std::numeric_limits<int>::min() || value > std::numeric_limits<int>::max()) {
    return false;
  }
  out = static_cast<int>(value);
  return true;
}

bool StringListFromJson(const Json& json, std::vector<std::string>& out) {
  if (!json.is_array()) return false;
  out.clear();
  for (const auto& item : json) {
    if (!item.is_string() || !IsCleanText(item.get_ref<const std::string&>())) return false;
    out.push_back(item.get<std::string>());
  }
  return true;
}

}  // namespace guild::io::internal
