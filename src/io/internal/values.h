// Text and JSON forms of single field values, shared by every layout.
//
// Each Parse* returns false (and leaves `out` unspecified) when the text is
// not in the form the matching k*Expected constant describes.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "domain/model.h"

namespace guild::io::internal {

using Json = nlohmann::json;

inline constexpr std::string_view kIntExpected = "a whole number";
inline constexpr std::string_view kRealExpected = "a number";
inline constexpr std::string_view kBoolExpected = "true or false (also yes/no, 1/0)";
inline constexpr std::string_view kDateExpected = "a date like 2024-03-31";
inline constexpr std::string_view kListExpected =
    "a list of items separated by ';', each at most 10000 bytes without control characters";
//! Longest text cell (bytes); names, ids and descriptions alike.
inline constexpr size_t kMaxTextBytes = 10000;
inline constexpr std::string_view kTextExpected =
    "text of at most 10000 bytes without control characters (NUL, ...)";
inline constexpr std::string_view kRoleSkillsExpected =
    "items skill_id:level:importance[:optional] separated by ';', e.g. "
    "firm:tax:3:4;firm:audit:2:3:optional";
inline constexpr std::string_view kRequirementsExpected =
    "items skill_id:min_level separated by ';', e.g. firm:tax:3;firm:audit:2";
inline constexpr std::string_view kMembersExpected =
    "items person_id:role separated by ';', e.g. p1:lead;p2:member";
inline constexpr std::string_view kRaciExpected =
    "items person_id:R|A|C|I separated by ';', e.g. p1:A;p2:R;p3:C";
inline constexpr std::string_view kTimestampExpected = "a time like 2024-03-31T09:30:00Z (UTC)";

//! True when `text` may be stored: at most kMaxTextBytes, and no control
//! character other than tab, line feed and carriage return (no NUL byte).
bool IsCleanText(std::string_view text);

//! A text cell for CSV export: a value starting with '=', '+', '-', '@', tab
//! or carriage return (after any '\'' characters), which a spreadsheet would
//! run as a formula, gets a leading '\'' (OWASP "CSV injection"). UnescapeFormula undoes it on
//! import, so exported files read back to the same values.
void AppendEscapingFormula(std::string& out, std::string_view text);
std::string_view UnescapeFormula(std::string_view cell);

//! Strips ASCII spaces and tabs from both ends.
std::string_view Trim(std::string_view text);
//! Lower-cases ASCII letters and turns runs of ' ', '-', '_' into one '_'
//! after trimming: "First Name" -> "first_name". Used for header names.
std::string NormalizeName(std::string_view text);

bool ParseInt(std::string_view text, int& out);
bool ParseReal(std::string_view text, double& out);
bool ParseBool(std::string_view text, bool& out);
bool ParseDay(std::string_view text, Date& out);
//! Shortest text that reads back as the same double.
void AppendReal(std::string& out, double value);

//! Items separated by ';', each trimmed; empty items are dropped.
std::vector<std::string> SplitList(std::string_view text);
void AppendList(std::string& out, const std::vector<std::string>& items);

bool ParseRoleSkills(std::string_view text, std::vector<RoleSkill>& out);
void AppendRoleSkills(std::string& out, const std::vector<RoleSkill>& skills);
bool ParseRequirements(std::string_view text, std::vector<SkillRequirement>& out);
void AppendRequirements(std::string& out, const std::vector<SkillRequirement>& required);
bool ParseMembers(std::string_view text, std::vector<TeamMember>& out);
void AppendMembers(std::string& out, const std::vector<TeamMember>& members);
bool ParseRaci(std::string_view text, std::vector<RaciEntry>& out);
void AppendRaci(std::string& out, const std::vector<RaciEntry>& raci);

// JSON forms. Each *FromJson returns false when `json` has the wrong type
// or shape.
bool IntFromJson(const Json& json, int& out);
bool StringListFromJson(const Json& json, std::vector<std::string>& out);
bool RoleSkillsFromJson(const Json& json, std::vector<RoleSkill>& out);
Json RoleSkillsToJson(const std::vector<RoleSkill>& skills);
bool RequirementsFromJson(const Json& json, std::vector<SkillRequirement>& out);
Json RequirementsToJson(const std::vector<SkillRequirement>& required);
bool MembersFromJson(const Json& json, std::vector<TeamMember>& out);
Json MembersToJson(const std::vector<TeamMember>& members);
//! [{"person_id": "p1", "role": "A"}, ...]; roles as ParseRaciRole reads them.
bool RaciFromJson(const Json& json, std::vector<RaciEntry>& out);
Json RaciToJson(const std::vector<RaciEntry>& raci);

}  // namespace guild::io::internal
