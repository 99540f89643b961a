// Reading a JSON file (an array of objects) into typed rows.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "io/internal/read_rows.h"

namespace guild::io::internal {

//! A parsed JSON array and the line each of its elements starts on.
struct JsonDocument {
  Json array;
  std::vector<int64_t> element_lines;
};

//! Parses `content`; reports malformed JSON (with line and column) or a
//! top level that is not an array as one error and returns false.
bool ParseJsonArray(std::string_view content, ProblemSink& sink, JsonDocument& document);

//! "a JSON string", "a JSON number", ... for messages.
std::string DescribeJson(const Json& value);

template <typename Row>
bool FillFromObject(const Json& object, Location where, const std::vector<Field<Row>>& fields,
                    const NameIndex& index, ProblemSink& sink, Row& row,
                    std::vector<std::string>& failed) {
  std::vector<bool> seen(fields.size(), false);
  for (const auto& [key, value] : object.items()) {
    auto it = index.find(NormalizeName(key));
    if (it == index.end()) {
      sink.Error(where, key, DescribeJson(value), "a known field (" + KnownNames(fields) + ")");
      failed.push_back(key);
      continue;
    }
    const Field<Row>& field = fields[it->second];
    seen[it->second] = true;
    if (value.is_null() && field.need == Need::kOptional) continue;
    if (value.is_null() || !field.from_json(row, value)) {
      sink.Error(where, key, DescribeJson(value), field.expected);
      failed.emplace_back(field.name);
    }
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].need == Need::kRequired && !seen[i]) {
      sink.Error(where, fields[i].name, "(no such field)",
                 "a field '" + std::string(fields[i].name) + "' (" + fields[i].expected + ")");
      failed.emplace_back(fields[i].name);
    }
  }
  return failed.empty();
}

template <typename Row>
void ReadJsonRows(std::string_view content, const std::vector<Field<Row>>& fields,
                  ProblemSink& sink, RowSet<Row>& out) {
  JsonDocument document;
  if (!ParseJsonArray(content, sink, document)) return;
  NameIndex index = IndexNames(fields);
  for (size_t i = 0; i < document.array.size(); ++i) {
    Location where{document.element_lines[i], static_cast<int64_t>(i)};
    const Json& element = document.array[i];
    if (!element.is_object()) {
      sink.Error(where, "", DescribeJson(element), "an object with the entity's fields");
      continue;
    }
    Row row;
    std::vector<std::string> failed;
    if (!FillFromObject(element, where, fields, index, sink, row, failed)) {
      out.failed.emplace(out.rows.size(), std::move(failed));
    }
    out.rows.push_back(std::move(row));
    out.where.push_back(where);
  }
}

}  // namespace guild::io::internal
