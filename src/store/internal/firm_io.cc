#include "store/internal/firm_io.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <vector>

#include "store/internal/codec.h"

namespace guild::store::internal {

namespace {

// The items to write: all, or the last occurrence of each key.
template <typename T>
std::vector<const T*> ItemsToWrite(const EntityCodec<T>& codec, const std::vector<T>& items,
                                   bool dedupe) {
  std::vector<const T*> out;
  out.reserve(items.size());
  if (!dedupe) {
    for (const T& item : items) out.push_back(&item);
    return out;
  }
  std::vector<std::string> keys(items.size());
  std::unordered_map<std::string_view, size_t> last;
  last.reserve(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    codec.key(items[i], keys[i]);
    last[keys[i]] = i;
  }
  for (size_t i = 0; i < items.size(); ++i) {
    if (last[keys[i]] == i) out.push_back(&items[i]);
  }
  return out;
}

template <typename T>
Status WriteKind(const EntityCodec<T>& codec, const FirmData& batch, Dedupe dedupe,
                 WriteTarget& target) {
  const std::vector<T>& all = batch.*codec.items;
  if (all.empty()) return OkStatus();
  const bool reduce = dedupe == Dedupe::kAllKinds || codec.children.has_value();
  const std::vector<const T*> items = ItemsToWrite(codec, all, reduce);
  RETURN_IF_ERROR(target.UpsertRows(*codec.table, [&](RowSink& sink) -> Status {
    for (const T* item : items) {
      codec.encode(*item, sink);
      RETURN_IF_ERROR(sink.EndRow());
    }
    return OkStatus();
  }));
  if (!codec.children) return OkStatus();
  std::vector<std::string> keys(items.size());
  std::vector<std::string_view> ids(items.size());
  for (size_t i = 0; i < items.size(); ++i) {
    codec.key(*items[i], keys[i]);
    ids[i] = keys[i];
  }
  const ChildCodec<T>& children = *codec.children;
  return target.ReplaceChildren(*codec.table, *children.table, ids, [&](RowSink& sink) -> Status {
    for (const T* item : items) RETURN_IF_ERROR(children.encode(*item, sink));
    return OkStatus();
  });
}

// Attaches child rows (ordered by parent id, position) to parents (ordered
// by id): both follow the same byte order, so one forward walk suffices.
template <typename T>
Status ReadChildren(const ChildCodec<T>& children, ReadSource& source, std::vector<T>& parents) {
  size_t next = 0;
  return source.SelectAll(*children.table, [&](const RowSource& row) -> Status {
    const std::string_view parent_id = row.Text(0);
    while (next < parents.size() && parents[next].id < parent_id) ++next;
    if (next == parents.size() || parents[next].id != parent_id) {
      return Internal("table " + std::string(children.table->name) + ": row of unknown parent '" +
                      std::string(parent_id) + "'");
    }
    return children.decode(row, parents[next]);
  });
}

template <typename T>
Status ReadKind(const EntityCodec<T>& codec, ReadSource& source, FirmData& out) {
  std::vector<T>& items = out.*codec.items;
  items.clear();
  RETURN_IF_ERROR(source.SelectAll(*codec.table, [&](const RowSource& row) -> Status {
    items.emplace_back();
    return codec.decode(row, items.back());
  }));
  if constexpr (requires(const T& item) { item.id; }) {  // only entities with an id have lists
    if (codec.children) return ReadChildren(*codec.children, source, items);
  }
  return OkStatus();
}

bool Wanted(const LoadOptions& options, EntityKind kind) {
  return options.kinds.empty() ||
         std::find(options.kinds.begin(), options.kinds.end(), kind) != options.kinds.end();
}

}  // namespace

Status WriteBatch(const FirmData& batch, Dedupe dedupe, WriteTarget& target) {
  return ForEachCodec(
      [&](const auto& codec) -> Status { return WriteKind(codec, batch, dedupe, target); });
}

Status ReadKinds(const LoadOptions& options, ReadSource& source, FirmData& out) {
  return ForEachCodec([&](const auto& codec) -> Status {
    if (!Wanted(options, codec.kind)) return OkStatus();
    return ReadKind(codec, source, out);
  });
}

}  // namespace guild::store::internal
