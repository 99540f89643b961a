// Reading a file's rows into typed values, CSV or JSON, reporting every cell
// that is not in its field's form.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "io/csv.h"
#include "io/internal/field.h"
#include "io/internal/problems.h"

namespace guild::io::internal {

//! The rows read from a file, with where each came from. `failed` maps a
//! row index to the (canonical) names of its fields whose cells were not in
//! form; such a row is kept so that references to it resolve, and later
//! checks skip only those fields.
template <typename Row>
struct RowSet {
  std::vector<Row> rows;
  std::vector<Location> where;
  std::unordered_map<size_t, std::vector<std::string>> failed;
};

//! Maps normalized names (canonical and aliases) to field indexes.
using NameIndex = std::unordered_map<std::string, size_t>;

template <typename Row>
NameIndex IndexNames(const std::vector<Field<Row>>& fields) {
  NameIndex index;
  for (size_t i = 0; i < fields.size(); ++i) {
    index.emplace(std::string(fields[i].name), i);
    for (std::string_view alias : fields[i].aliases) index.emplace(std::string(alias), i);
  }
  return index;
}

//! "id, name, email, ..." (the exported names).
template <typename Row>
std::string KnownNames(const std::vector<Field<Row>>& fields) {
  std::string out;
  for (const auto& f : fields) {
    if (!out.empty()) out += ", ";
    out += f.name;
  }
  return out;
}

//! For each column of the header, the field it fills (or -1). Reports
//! unknown columns (warnings), duplicate and missing required columns
//! (errors). Returns false when rows cannot be read.
template <typename Row>
bool MapHeader(const CsvRecord& header, const std::vector<Field<Row>>& fields, ProblemSink& sink,
               std::vector<int>& column_field) {
  NameIndex index = IndexNames(fields);
  std::vector<bool> seen(fields.size(), false);
  bool ok = true;
  for (std::string_view cell : header.fields) {
    auto it = index.find(NormalizeName(cell));
    column_field.push_back(it == index.end() ? -1 : static_cast<int>(it->second));
    if (it == index.end()) {
      sink.Warning({header.line}, cell, cell,
                   "a known column (" + KnownNames(fields) + "); ignored");
    } else if (seen[it->second]) {
      sink.Error({header.line}, cell, cell,
                 "each column once (this one fills the same field as an earlier column)");
      ok = false;
    }
    if (it != index.end()) seen[it->second] = true;
  }
  for (size_t i = 0; i < fields.size(); ++i) {
    if (fields[i].need == Need::kRequired && !seen[i]) {
      sink.Error({header.line}, fields[i].name, "(no such column)",
                 "a column named '" + std::string(fields[i].name) + "' in the header");
      ok = false;
    }
  }
  return ok;
}

//! Fills `row` from one record; false when a cell was not in form.
template <typename Row>
bool FillRow(const CsvRecord& record, const CsvRecord& header,
             const std::vector<Field<Row>>& fields, const std::vector<int>& column_field,
             ProblemSink& sink, Row& row, std::vector<std::string>& failed) {
  for (size_t c = 0; c < column_field.size(); ++c) {
    if (column_field[c] < 0) continue;
    const Field<Row>& field = fields[column_field[c]];
    std::string_view cell = record.fields[c];
    if (cell.empty() && field.need == Need::kOptional) continue;
    if (!field.from_text(row, cell)) {
      sink.Error({record.line}, header.fields[c], cell, field.expected);
      failed.emplace_back(field.name);
    }
  }
  return failed.empty();
}

void ReportCsvSyntax(const CsvReader& reader, ProblemSink& sink);
void ReportRaggedRow(const CsvRecord& record, size_t header_size, ProblemSink& sink);

inline constexpr int64_t kProgressEveryRows = 65536;

//! Reads the header (the first non-blank record) and maps its columns.
//! `names` receives the column names as written (owned: the reader reuses
//! its scratch space). Returns false when rows cannot be read.
template <typename Row>
bool ReadHeader(CsvReader& reader, const std::vector<Field<Row>>& fields, ProblemSink& sink,
                std::vector<int>& column_field, std::vector<std::string>& names) {
  CsvRecord header;
  while (reader.Next(header) && header.IsBlank()) {
  }
  if (header.fields.empty()) {
    sink.Error({1}, "", "", "a header row naming the columns");
    return false;
  }
  names.assign(header.fields.begin(), header.fields.end());
  return MapHeader(header, fields, sink, column_field);
}

template <typename Row>
void ReadCsvRows(std::string_view content, const std::vector<Field<Row>>& fields, ProblemSink& sink,
                 const ProgressFn& progress, RowSet<Row>& out) {
  CsvReader reader(content);
  std::vector<int> column_field;
  std::vector<std::string> names;
  if (!ReadHeader(reader, fields, sink, column_field, names)) return ReportCsvSyntax(reader, sink);
  const CsvRecord header{1, {names.begin(), names.end()}};
  const auto lines = std::count(content.begin(), content.end(), '\n');
  out.rows.reserve(lines);
  out.where.reserve(lines);
  CsvRecord record;
  std::vector<std::string> failed;
  while (reader.Next(record)) {
    if (record.IsBlank()) continue;
    if (record.fields.size() != column_field.size()) {
      ReportRaggedRow(record, column_field.size(), sink);
      continue;
    }
    Row row;
    if (!FillRow(record, header, fields, column_field, sink, row, failed)) {
      out.failed.emplace(out.rows.size(), std::move(failed));
      failed.clear();
    }
    out.rows.push_back(std::move(row));
    out.where.push_back({record.line});
    if (progress && out.rows.size() % kProgressEveryRows == 0) {
      progress(ImportStage::kParse, static_cast<int64_t>(reader.offset()),
               static_cast<int64_t>(content.size()));
    }
  }
  ReportCsvSyntax(reader, sink);
}

}  // namespace guild::io::internal
