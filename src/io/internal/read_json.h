// Reading a JSON file (an array of objects) into typed rows.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/internal/read_rows.h"

namespace guild::io::internal {

//! A parsed JSON array and the line each of its elements starts on.
struct JsonDocument {
  Json array;
  std::vector<int64_t> element_lines;
  //! By element: fields whose number was beyond a double (already reported,
  //! and null in `array`).
  std::unordered_map<size_t, std::vector<std::string>> reported;
};

//! Parses `content`; reports malformed JSON (with line and column), nesting
//! deeper than 32 arrays and objects, or a top level that is not an array as
//! one error and returns false. Numbers beyond a double are reported as
//! errors of their element's field and read as null.
bool ParseJsonArray(std::string_view content, ProblemSink& sink, JsonDocument& document);

//! "a JSON string", "a JSON number", ... for messages.
std::string DescribeJson(const Json& value);

//! Fills `row` from one element. `reported` lists its fields already
//! reported (numbers beyond a double): they are marked failed, not re-reported.
template <typename Row>
bool FillFromObject(const Json& object, Location where, const std::vector<Field<Row>>& fields,
                    const NameIndex& index, const std::vector<std::string>& reported,
                    ProblemSink& sink, Row& row, std::vector<std::string>& failed) {
  std::vector<bool> seen(fields.size(), false);
  for (const auto& [key, value] : object.items()) {
    auto it = index.find(NormalizeName(key));
    if (std::find(reported.begin(), reported.end(), key) != reported.end()) {
      if (it != index.end()) seen[it->second] = true;
      failed.push_back(it != index.end() ? std::string(fields[it->second].name) : key);
      continue;
    }
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
  const std::vector<std::string> none;
  for (size_t i = 0; i < document.array.size(); ++i) {
    Location where{document.element_lines[i], static_cast<int64_t>(i)};
    const Json& element = document.array[i];
    if (!element.is_object()) {
      sink.Error(where, "", DescribeJson(element), "an object with the entity's fields");
      continue;
    }
    Row row;
    std::vector<std::string> failed;
    auto reported = document.reported.find(i);
    if (!FillFromObject(element, where, fields, index,
                        reported == document.reported.end() ? none : reported->second, sink, row,
                        failed)) {
      out.failed.emplace(out.rows.size(), std::move(failed));
    }
    out.rows.push_back(std::move(row));
    out.where.push_back(where);
  }
}

}  // namespace guild::io::internal
