#include "store/internal/change_codec.h"

#include <charconv>
#include <optional>

#include "store/internal/codec.h"
#include "store/internal/firm_io.h"

namespace guild::store::internal {

namespace {

constexpr std::string_view kNull = "\\N";
constexpr char kUpsert = '+';
constexpr char kDelete = '-';
constexpr size_t kNumberTextSize = 32;

void AppendEscaped(std::string_view value, std::string& out) {
  for (char c : value) {
    switch (c) {
      case '\\': out += "\\\\"; break;
      case '\t': out += "\\t"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      default: out += c;
    }
  }
}

// The field `text` unescaped; nullopt for a bad escape.
std::optional<std::string> Unescape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') {
      out += text[i];
      continue;
    }
    if (++i == text.size()) return std::nullopt;
    switch (text[i]) {
      case '\\': out += '\\'; break;
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      default: return std::nullopt;
    }
  }
  return out;
}

template <typename N>
std::string NumberText(N value) {
  char buffer[kNumberTextSize];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return {buffer, result.ptr};
}

template <typename N>
N ParseNumber(std::string_view text) {
  N value{};
  std::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

template <typename T>
void EncodeKind(const EntityCodec<T>& codec, const FirmData& upserts, FieldsRowSink& sink) {
  const std::vector<T>& all = upserts.*codec.items;
  if (all.empty()) return;
  for (const T* item : LastOfEachKey(codec, all)) {
    sink.set_prefix(std::string(1, kUpsert) + std::string(codec.table->name));
    codec.encode(*item, sink);
    sink.EndRow().IgnoreError();  // a FieldsRowSink never fails
    if (!codec.children) continue;
    sink.set_prefix(std::string(1, kUpsert) + std::string(codec.children->table->name));
    codec.children->encode(*item, sink).IgnoreError();
  }
}

Status BadLine(size_t line, std::string_view why) {
  return Internal("change record, line " + std::to_string(line) + ": " + std::string(why));
}

// Decodes one "+table" row into `change`: a new entity of the table's kind,
// or a list row of the kind's last entity.
Status DecodeUpsert(std::string_view table, const std::vector<std::optional<std::string>>& fields,
                    size_t line, FirmChange& change) {
  bool found = false;
  FieldsRowSource row(fields, 1);
  Status status = ForEachCodec([&](const auto& codec) -> Status {
    if (found) return OkStatus();
    auto& items = change.upserts.*codec.items;
    if (codec.table->name == table) {
      found = true;
      if (fields.size() != codec.table->columns.size() + 1) return BadLine(line, "wrong width");
      return codec.decode(row, items.emplace_back());
    }
    if (codec.children && codec.children->table->name == table) {
      found = true;
      if (fields.size() != codec.children->table->columns.size() + 1) {
        return BadLine(line, "wrong width");
      }
      if (items.empty()) return BadLine(line, "a list row before its entity");
      return codec.children->decode(row, items.mut().back());
    }
    return OkStatus();
  });
  if (!found) return BadLine(line, "unknown table '" + std::string(table) + "'");
  return status;
}

Status DecodeDelete(std::string_view kind_name,
                    const std::vector<std::optional<std::string>>& fields, size_t line,
                    FirmChange& change) {
  std::optional<EntityKind> kind = ParseEntityKind(kind_name);
  if (!kind || fields.size() != 2 || !fields[1]) return BadLine(line, "a bad delete");
  if (change.deletes.empty() || change.deletes.back().kind != *kind) {
    change.deletes.push_back(KindKeys{*kind, {}});
  }
  change.deletes.back().ids.push_back(*fields[1]);
  return OkStatus();
}

}  // namespace

std::string EncodeFields(const std::vector<std::optional<std::string>>& fields) {
  std::string out;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out += '\t';
    if (fields[i]) {
      AppendEscaped(*fields[i], out);
    } else {
      out += kNull;
    }
  }
  return out;
}

std::optional<std::vector<std::optional<std::string>>> DecodeFields(std::string_view line) {
  std::vector<std::optional<std::string>> fields;
  size_t start = 0;
  for (;;) {
    const size_t tab = line.find('\t', start);
    const std::string_view field =
        line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start);
    if (field == kNull) {
      fields.emplace_back();
    } else {
      std::optional<std::string> value = Unescape(field);
      if (!value) return std::nullopt;
      fields.emplace_back(std::move(value));
    }
    if (tab == std::string_view::npos) break;
    start = tab + 1;
  }
  return fields;
}

bool FieldsRowSource::IsNull(int column) const { return !fields_[first_ + column].has_value(); }

std::string_view FieldsRowSource::Text(int column) const {
  const std::optional<std::string>& field = fields_[first_ + column];
  return field ? std::string_view(*field) : std::string_view();
}

int64_t FieldsRowSource::Int(int column) const { return ParseNumber<int64_t>(Text(column)); }
double FieldsRowSource::Real(int column) const { return ParseNumber<double>(Text(column)); }
bool FieldsRowSource::Bool(int column) const { return Text(column) == "1"; }

void FieldsRowSink::Int(int64_t value) { fields_.emplace_back(NumberText(value)); }
void FieldsRowSink::Real(double value) { fields_.emplace_back(NumberText(value)); }

Status FieldsRowSink::EndRow() {
  text_ += prefix_;
  text_ += '\t';
  text_ += EncodeFields(fields_);
  text_ += '\n';
  fields_.clear();
  return OkStatus();
}

std::string EncodeChange(const FirmChange& change) {
  FieldsRowSink sink;
  ForEachCodec([&](const auto& codec) {
    EncodeKind(codec, change.upserts, sink);
    return OkStatus();
  }).IgnoreError();
  std::string text = sink.text();
  for (const KindKeys& keys : change.deletes) {
    for (const std::string& id : keys.ids) {
      text += kDelete;
      text += ToString(keys.kind);
      text += '\t';
      AppendEscaped(id, text);
      text += '\n';
    }
  }
  return text;
}

Result<FirmChange> DecodeChange(std::string_view text) {
  FirmChange change;
  size_t line_number = 0;
  size_t start = 0;
  while (start < text.size()) {
    ++line_number;
    const size_t end = text.find('\n', start);
    if (end == std::string_view::npos) return BadLine(line_number, "no line end");
    const std::string_view line = text.substr(start, end - start);
    start = end + 1;
    auto fields = DecodeFields(line);
    if (!fields || fields->empty() || !(*fields)[0] || (*fields)[0]->empty()) {
      return BadLine(line_number, "not a row");
    }
    const std::string& head = *(*fields)[0];
    const std::string_view name = std::string_view(head).substr(1);
    if (head[0] == kUpsert) {
      RETURN_IF_ERROR(DecodeUpsert(name, *fields, line_number, change));
    } else if (head[0] == kDelete) {
      RETURN_IF_ERROR(DecodeDelete(name, *fields, line_number, change));
    } else {
      return BadLine(line_number, "neither an upsert nor a delete");
    }
  }
  return change;
}

}  // namespace guild::store::internal
