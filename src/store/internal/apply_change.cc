// ApplyChange through the entity codecs: an entity's key is the first
// key_size columns its codec writes, compared column by column and bytewise,
// which is the order the store reads in (dates are "YYYY-MM-DD", enumerations
// their names, as stored).
#include "store/apply_change.h"

#include <algorithm>
#include <string>
#include <vector>

#include "store/internal/codec.h"
#include "store/internal/firm_io.h"
#include "store/internal/schema.h"

namespace guild {
namespace {

using store::internal::EntityCodec;
using store::internal::ForEachCodec;
using store::internal::LastOfEachKey;
using store::internal::RowSink;
using store::internal::SplitKey;

using Key = std::vector<std::string>;

// Keeps the first `size` values of a row as text and drops the rest.
class KeySink final : public RowSink {
 public:
  explicit KeySink(size_t size) : size_(size) { key_.reserve(size); }
  void Null() override { Keep(""); }
  void Text(std::string_view value) override { Keep(value); }
  void Int(int64_t value) override {
    if (key_.size() < size_) Keep(std::to_string(value));
  }
  void Real(double value) override {
    if (key_.size() < size_) Keep(std::to_string(value));
  }
  void Bool(bool value) override { Keep(value ? "1" : "0"); }
  void DateValue(Date value) override {
    if (key_.size() < size_) Keep(FormatDate(value));
  }
  Status EndRow() override { return OkStatus(); }
  Key Take() { return std::move(key_); }

 private:
  void Keep(std::string_view value) {
    if (key_.size() < size_) key_.emplace_back(value);
  }
  size_t size_;
  Key key_;
};

template <typename T>
Key KeyOf(const EntityCodec<T>& codec, const T& item) {
  KeySink sink(codec.table->key_size);
  codec.encode(item, sink);
  return sink.Take();
}

// First position whose key is not less than `key`.
template <typename T>
size_t LowerBound(const EntityCodec<T>& codec, const std::vector<T>& items, const Key& key) {
  size_t lo = 0;
  size_t hi = items.size();
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    if (KeyOf(codec, items[mid]) < key) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

template <typename T>
Status ApplyKind(const EntityCodec<T>& codec, const FirmChange& change, FirmData& data) {
  if (ResidenceOf(codec.kind) != Residence::kMemory) return OkStatus();
  const std::vector<T>& upserts = change.upserts.*codec.items;
  if (upserts.empty()) return OkStatus();  // the kind stays shared
  std::vector<T>& items = (data.*codec.items).mut();
  for (const T* upsert : LastOfEachKey(codec, upserts)) {
    const Key key = KeyOf(codec, *upsert);
    const size_t at = LowerBound(codec, items, key);
    if (at < items.size() && KeyOf(codec, items[at]) == key) {
      items[at] = *upsert;
    } else {
      items.insert(items.begin() + static_cast<std::ptrdiff_t>(at), *upsert);
    }
  }
  return OkStatus();
}

template <typename T>
Status DeleteKind(const EntityCodec<T>& codec, const KindKeys& deleted, FirmData& data) {
  if (deleted.kind != codec.kind || ResidenceOf(codec.kind) != Residence::kMemory) {
    return OkStatus();
  }
  SharedVector<T>& items = data.*codec.items;
  for (const std::string& id : deleted.ids) {
    ASSIGN_OR_RETURN(Key key, SplitKey(*codec.table, id));
    const size_t at = LowerBound(codec, items.get(), key);
    if (at < items.size() && KeyOf(codec, items[at]) == key) {  // copies only when found
      items.erase(items.begin() + static_cast<std::ptrdiff_t>(at));
    }
  }
  return OkStatus();
}

}  // namespace

Status ApplyChange(const FirmChange& change, FirmData& data) {
  RETURN_IF_ERROR(
      ForEachCodec([&](const auto& codec) -> Status { return ApplyKind(codec, change, data); }));
  for (const KindKeys& deleted : change.deletes) {
    RETURN_IF_ERROR(ForEachCodec(
        [&](const auto& codec) -> Status { return DeleteKind(codec, deleted, data); }));
  }
  return OkStatus();
}

}  // namespace guild
