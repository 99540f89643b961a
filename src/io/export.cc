#include "io/export.h"

#include <type_traits>

#include "io/csv.h"
#include "io/internal/kinds.h"

namespace guild::io {

namespace {

using internal::Direction;
using internal::Field;
using internal::Json;
using internal::Kind;

template <typename E, typename Fn>
void ForEachRow(const std::vector<E>& items, Fn fn) {
  for (const E& item : items) {
    if constexpr (std::is_same_v<typename Kind<E>::Row, E>) {
      fn(item);
    } else {
      fn(Kind<E>::ToRow(item));
    }
  }
}

template <typename E>
std::string ToCsv(const std::vector<E>& items) {
  const auto& fields = Kind<E>::Fields();
  std::string out;
  CsvWriter writer(out);
  for (const auto& f : fields) {
    if (f.direction == Direction::kImportAndExport) writer.Field(f.name);
  }
  writer.EndRecord();
  std::string cell;
  ForEachRow(items, [&](const auto& row) {
    for (const auto& f : fields) {
      if (f.direction != Direction::kImportAndExport) continue;
      cell.clear();
      f.to_text(row, cell);
      writer.Field(cell);
    }
    writer.EndRecord();
  });
  return out;
}

template <typename E>
std::string ToJson(const std::vector<E>& items) {
  const auto& fields = Kind<E>::Fields();
  std::string out = "[";
  bool first = true;
  ForEachRow(items, [&](const auto& row) {
    Json object = Json::object();
    for (const auto& f : fields) {
      if (f.direction == Direction::kImportAndExport) object[std::string(f.name)] = f.to_json(row);
    }
    out += first ? "\n  " : ",\n  ";
    out += object.dump(-1, ' ', false, Json::error_handler_t::replace);
    first = false;
  });
  out += first ? "]\n" : "\n]\n";
  return out;
}

}  // namespace

std::string ExportEntities(const FirmData& data, EntityKind kind, Format format) {
  return internal::VisitKind(kind, [&]<typename E>() {
    const auto& items = internal::ItemsOf<E>(data);
    return format == Format::kCsv ? ToCsv(items) : ToJson(items);
  });
}

Result<std::string> ExportKind(Store& store, EntityKind kind, Format format) {
  ASSIGN_OR_RETURN(FirmData data, store.Load(LoadOptions{{kind}}));
  return ExportEntities(data, kind, format);
}

}  // namespace guild::io
