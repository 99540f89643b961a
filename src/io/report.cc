// Formats, problem messages and the JSON form of an import report.
#include <nlohmann/json.hpp>

#include "io/import.h"
#include "io/internal/values.h"

namespace guild::io {

namespace {

using Json = nlohmann::json;

Json ProblemToJson(const ImportProblem& p) {
  Json out{{"line", p.line},
           {"field", p.field},
           {"value", p.value},
           {"expected", p.expected},
           {"message", p.ToString()}};
  if (p.column > 0) out["column"] = p.column;
  if (p.element >= 0) out["element"] = p.element;
  return out;
}

Json ProblemsToJson(const std::vector<ImportProblem>& problems) {
  Json out = Json::array();
  for (const auto& p : problems) out.push_back(ProblemToJson(p));
  return out;
}

}  // namespace

std::string_view ToString(Format format) { return format == Format::kCsv ? "csv" : "json"; }

std::optional<Format> ParseFormat(std::string_view text) {
  std::string name = internal::NormalizeName(text);
  if (name == "csv") return Format::kCsv;
  if (name == "json") return Format::kJson;
  return std::nullopt;
}

std::optional<Format> FormatFromFileName(std::string_view file_name) {
  size_t dot = file_name.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  return ParseFormat(file_name.substr(dot + 1));
}

std::string ImportProblem::ToString() const {
  std::string out = file;
  if (line > 0) out += ":" + std::to_string(line);
  if (column > 0) out += ":" + std::to_string(column);
  out += ": ";
  std::string where;
  if (element >= 0) where = "element " + std::to_string(element);
  if (!field.empty()) {
    if (!where.empty()) where += ", ";
    where += (element >= 0 ? "field '" : "column '") + field + "'";
  }
  if (!where.empty()) out += where + ": ";
  if (!value.empty()) {
    out += "got '" + value + "', ";
  } else if (!field.empty()) {
    out += "got an empty value, ";
  }
  return out + "expected " + expected;
}

Status ImportReport::status() const {
  if (errors_total == 0) return OkStatus();
  return InvalidArgument(file + ": " + std::to_string(errors_total) +
                         (errors_total == 1 ? " error" : " errors") + "; nothing was imported");
}

std::string ReportToJson(const ImportReport& report) {
  Json out{
      {"file", report.file},
      {"kind", std::string(guild::ToString(report.kind))},
      {"format", std::string(ToString(report.format))},
      {"ok", report.errors_total == 0},
      {"rows", report.rows},
      {"inserted", report.inserted},
      {"updated", report.updated},
      {"errors_total", report.errors_total},
      {"errors", ProblemsToJson(report.errors)},
      {"warnings", ProblemsToJson(report.warnings)},
      {"seconds", report.seconds},
      {"step_seconds",
       {{"parse", report.parse_seconds},
        {"check", report.check_seconds},
        {"write", report.write_seconds}}},
  };
  return out.dump(2, ' ', false, Json::error_handler_t::replace);
}

}  // namespace guild::io
