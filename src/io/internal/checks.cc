#include "io/internal/checks.h"

namespace guild::io::internal {

std::string DescribeKey(const RowKey& key) {
  std::string text(key.a);
  if (!key.b.empty()) text.append(", ").append(key.b);
  return text;
}

std::string Describe(Location where) {
  return where.element >= 0 ? "element " + std::to_string(where.element)
                            : "line " + std::to_string(where.line);
}

bool AlreadyReported(const FailedFields& failed, size_t i, std::string_view field) {
  auto it = failed.find(i);
  if (it == failed.end()) return false;
  for (const auto& name : it->second) {
    if (name == field) return true;
  }
  return false;
}

std::string MissingReference(EntityKind target) {
  return "the id of one of the " + std::string(ToString(target)) +
         " already stored or in this file (no such id)";
}

void ReportCsvSyntax(const CsvReader& reader, ProblemSink& sink) {
  for (const auto& error : reader.errors()) {
    sink.Error({error.where.line}, "", "", error.message, error.where.column);
  }
}

void ReportRaggedRow(const CsvRecord& record, size_t header_size, ProblemSink& sink) {
  sink.Error({record.line}, "", std::to_string(record.fields.size()) + " fields",
             std::to_string(header_size) + " fields, as many as the header has");
}

}  // namespace guild::io::internal
