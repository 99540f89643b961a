// Checks on rows once they are read: domain validation, duplicate keys
// inside the file, and references to entities in the store or the file.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "io/internal/kinds.h"
#include "io/internal/read_rows.h"

namespace guild::io::internal {

inline constexpr size_t kKindCount = std::size(kAllEntityKinds);

//! Ids already in the store, for the kinds a file may refer to.
struct KnownIds {
  std::array<std::unordered_set<std::string>, kKindCount> ids;
  //! Normalized email -> person id, for people in the store.
  std::unordered_map<std::string, std::string> person_by_email;

  [[nodiscard]] const std::unordered_set<std::string>& Of(EntityKind kind) const {
    return ids[static_cast<size_t>(kind)];
  }
};

//! The value of field `name` in `row` as text, and the field's name as the
//! file shows it; validation names "end_date" where some layouts say "end".
template <typename Row>
std::pair<std::string, std::string> FieldText(const std::vector<Field<Row>>& fields, const Row& row,
                                              std::string_view name) {
  for (int attempt = 0; attempt < 2; ++attempt) {
    for (const auto& f : fields) {
      if (f.name != name) continue;
      std::string text;
      f.to_text(row, text);
      return {std::string(f.name), text};
    }
    if (name != "end_date") break;
    name = "end";
  }
  return {std::string(name), ""};
}

using FailedFields = std::unordered_map<size_t, std::vector<std::string>>;

//! True when row `i` had a cell for `field` that was not in form (already
//! reported, so validation of that field would only repeat it).
bool AlreadyReported(const FailedFields& failed, size_t i, std::string_view field);

//! Validates every row, skipping fields that failed to read.
template <typename E>
void ValidateAll(const std::vector<E>& items, const std::vector<Location>& where,
                 const FailedFields& failed, ProblemSink& sink) {
  std::vector<FieldError> errors;
  for (size_t i = 0; i < items.size(); ++i) {
    errors.clear();
    Kind<E>::Validate(items[i], errors);
    if (errors.empty()) continue;
    auto row = Kind<E>::ToRow(items[i]);
    for (const auto& error : errors) {
      auto [field, value] = FieldText(Kind<E>::Fields(), row, error.field);
      if (AlreadyReported(failed, i, field)) continue;
      sink.Error(where[i], field, value, error.expected);
    }
  }
}

std::string DescribeKey(const RowKey& key);

//! "line 4" or "element 3".
std::string Describe(Location where);

//! Reports every row whose key an earlier row already has. Open addressing
//! over row indexes: no allocation per row (files have millions of rows).
template <typename E>
void CheckDuplicates(const std::vector<E>& items, const std::vector<Location>& where,
                     ProblemSink& sink) {
  constexpr uint32_t kEmpty = 0;  // slots hold row index + 1
  const size_t mask = std::bit_ceil(items.size() * 2 + 2) - 1;
  std::vector<uint32_t> slots(mask + 1, kEmpty);
  for (size_t i = 0; i < items.size(); ++i) {
    const RowKey key = Kind<E>::Key(items[i]);
    size_t pos = RowKeyHash()(key) & mask;
    while (slots[pos] != kEmpty && !(Kind<E>::Key(items[slots[pos] - 1]) == key)) {
      pos = (pos + 1) & mask;
    }
    if (slots[pos] == kEmpty) {
      slots[pos] = static_cast<uint32_t>(i + 1);
      continue;
    }
    sink.Error(where[i], Kind<E>::kKeyFields, DescribeKey(key),
               "a key (" + std::string(Kind<E>::kKeyFields) + ") used once in the file; " +
                   Describe(where[slots[pos] - 1]) + " has the same");
  }
}

std::string MissingReference(EntityKind target);

template <typename E>
void CheckReferences(const std::vector<E>& items, const std::vector<Location>& where,
                     const KnownIds& known, ProblemSink& sink) {
  std::unordered_set<std::string_view> own;  // ids in this file, for self references
  bool self_referring = Kind<E>::kKind == EntityKind::kPeople ||
                        Kind<E>::kKind == EntityKind::kSkills ||
                        Kind<E>::kKind == EntityKind::kGoals;
  if (self_referring) {
    for (const auto& item : items) own.insert(Kind<E>::Key(item).a);
  }
  size_t i = 0;  // the row being checked; one callback for all rows
  const ReferenceFn check = [&](std::string_view field, EntityKind target, const std::string& id) {
    if (id.empty() || known.Of(target).count(id) > 0) return;
    if (target == Kind<E>::kKind && own.count(id) > 0) return;
    sink.Error(where[i], field, id, MissingReference(target));
  };
  for (; i < items.size(); ++i) Kind<E>::References(items[i], check);
}

}  // namespace guild::io::internal
