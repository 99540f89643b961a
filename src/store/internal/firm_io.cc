#include "store/internal/firm_io.h"

#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "store/internal/change_codec.h"
#include "store/internal/codec.h"

namespace guild::store::internal {

namespace {

template <typename T>
Status WriteKind(const EntityCodec<T>& codec, const FirmData& batch, Dedupe dedupe,
                 WriteTarget& target) {
  const std::vector<T>& all = batch.*codec.items;
  if (all.empty()) return OkStatus();
  const bool reduce = dedupe == Dedupe::kAllKinds || codec.children.has_value();
  std::vector<const T*> items;
  if (reduce) {
    items = LastOfEachKey(codec, all);
  } else {
    items.reserve(all.size());
    for (const T& item : all) items.push_back(&item);
  }
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
  (out.*codec.items).clear();
  std::vector<T>& items = (out.*codec.items).mut();
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
  if (options.kinds.empty()) return ResidenceOf(kind) == Residence::kMemory;
  return std::find(options.kinds.begin(), options.kinds.end(), kind) != options.kinds.end();
}

// The keys of the entities of `codec`'s kind that `upserts` holds.
template <typename T>
std::unordered_set<std::string> UpsertedKeys(const EntityCodec<T>& codec, const FirmData& upserts) {
  std::unordered_set<std::string> keys;
  std::string key;
  for (const T& item : upserts.*codec.items) {
    codec.key(item, key);
    keys.insert(key);
  }
  return keys;
}

Status CheckDeletes(const FirmChange& change) {
  for (const KindKeys& deleted : change.deletes) {
    RETURN_IF_ERROR(ForEachCodec([&](const auto& codec) -> Status {
      if (codec.kind != deleted.kind || (change.upserts.*codec.items).empty()) return OkStatus();
      const auto upserted = UpsertedKeys(codec, change.upserts);
      for (const std::string& id : deleted.ids) {
        if (upserted.count(id)) {
          return InvalidArgument(std::string(ToString(deleted.kind)) + " '" + id +
                                 "' is both upserted and deleted in one change");
        }
      }
      return OkStatus();
    }));
  }
  return OkStatus();
}

// The deletes, children's kinds first (the reverse of ForEachCodec's order).
std::vector<const KindKeys*> DeletesChildrenFirst(const FirmChange& change) {
  std::vector<EntityKind> order;
  ForEachCodec([&](const auto& codec) {
    order.push_back(codec.kind);
    return OkStatus();
  }).IgnoreError();
  std::vector<const KindKeys*> out;
  for (auto kind = order.rbegin(); kind != order.rend(); ++kind) {
    for (const KindKeys& keys : change.deletes) {
      if (keys.kind == *kind && !keys.ids.empty()) out.push_back(&keys);
    }
  }
  return out;
}

template <typename T>
void CollectSelfReferences(const EntityCodec<T>& codec, const FirmChange& change,
                           std::vector<SelfReference>& out) {
  const TableSpec& table = *codec.table;
  if (table.self_reference.empty()) return;
  const size_t column = *ColumnIndex(table, table.self_reference);
  std::string key;
  for (const T& item : change.upserts.*codec.items) {
    FieldsRowSink sink;
    codec.encode(item, sink);
    const std::optional<std::string>& target = sink.fields()[column];
    if (!target) continue;
    codec.key(item, key);
    out.push_back({&table, key, *target});
  }
  for (const KindKeys& deleted : change.deletes) {
    if (deleted.kind != codec.kind) continue;
    for (const std::string& id : deleted.ids) out.push_back({&table, id, ""});
  }
}

}  // namespace

Status WriteBatch(const FirmData& batch, Dedupe dedupe, WriteTarget& target) {
  return ForEachCodec(
      [&](const auto& codec) -> Status { return WriteKind(codec, batch, dedupe, target); });
}

Status WriteChange(const FirmChange& change, Dedupe dedupe, WriteTarget& target) {
  RETURN_IF_ERROR(CheckDeletes(change));
  RETURN_IF_ERROR(WriteBatch(change.upserts, dedupe, target));
  for (const KindKeys* deleted : DeletesChildrenFirst(change)) {
    const TableSpec& table = TableOf(deleted->kind);
    std::vector<std::vector<std::string>> keys;
    keys.reserve(deleted->ids.size());
    for (const std::string& id : deleted->ids) {
      ASSIGN_OR_RETURN(std::vector<std::string> key, SplitKey(table, id));
      keys.push_back(std::move(key));
    }
    RETURN_IF_ERROR(target.DeleteRows(table, keys, deleted->ids));
  }
  return OkStatus();
}

std::vector<SelfReference> SelfReferencesOf(const FirmChange& change) {
  std::vector<SelfReference> out;
  ForEachCodec([&](const auto& codec) {
    CollectSelfReferences(codec, change, out);
    return OkStatus();
  }).IgnoreError();
  return out;
}

FeedRecord RecordOf(const FirmChange& change) {
  if (change.size() > kMaxFeedEntities) return FeedRecord{true, ""};
  return FeedRecord{false, EncodeChange(change)};
}

Result<FeedEntry> EntryOf(int64_t seq, bool reload, std::string_view body) {
  FeedEntry entry{seq, reload, {}};
  if (reload) return entry;
  auto change = DecodeChange(body);
  if (!change.ok()) {
    return Internal("change feed entry " + std::to_string(seq) + ": " + change.status().message());
  }
  entry.change = std::move(change).value();
  return entry;
}

Status ReadKinds(const LoadOptions& options, ReadSource& source, FirmData& out) {
  return ForEachCodec([&](const auto& codec) -> Status {
    if (!Wanted(options, codec.kind)) return OkStatus();
    return ReadKind(codec, source, out);
  });
}

}  // namespace guild::store::internal
