// Store::Select for both backends: the query is checked against the kind's
// TableSpec (columns, value types, the key and indexes that serve it), the
// SQL built here in the backend's dialect, and the rows decoded through the
// kind's codec.
#include <algorithm>
#include <charconv>
#include <optional>
#include <string>
#include <vector>

#include "store/internal/change_codec.h"
#include "store/internal/codec.h"
#include "store/internal/firm_io.h"

namespace guild::store::internal {

namespace {

std::string_view TypeName(ColumnType type) {
  switch (type) {
    case ColumnType::kText: return "text";
    case ColumnType::kInt: return "an integer";
    case ColumnType::kReal: return "a number";
    case ColumnType::kBool: return "true or false";
    case ColumnType::kDate: return "a date";
  }
  return "?";
}

bool Fits(const ColumnValue& value, ColumnType type) {
  switch (type) {
    case ColumnType::kText: return std::holds_alternative<std::string>(value);
    case ColumnType::kInt: return std::holds_alternative<int64_t>(value);
    case ColumnType::kReal:
      return std::holds_alternative<double>(value) || std::holds_alternative<int64_t>(value);
    case ColumnType::kBool: return std::holds_alternative<bool>(value);
    case ColumnType::kDate: return std::holds_alternative<Date>(value);
  }
  return false;
}

std::string_view CastOf(const ColumnValue& value) {
  if (std::holds_alternative<int64_t>(value)) return "::bigint";
  if (std::holds_alternative<double>(value)) return "::double precision";
  if (std::holds_alternative<bool>(value)) return "::boolean";
  if (std::holds_alternative<Date>(value)) return "::date";
  return "::text";
}

// Builds the SQL text and its parameters, numbering placeholders.
class SqlBuilder {
 public:
  explicit SqlBuilder(Dialect dialect) : dialect_(dialect) {}
  std::string Placeholder(ColumnValue value) {
    params_.push_back(std::move(value));
    const std::string n = std::to_string(params_.size());
    if (dialect_ == Dialect::kSqlite) return "?" + n;
    return "$" + n + std::string(CastOf(params_.back()));
  }
  std::vector<ColumnValue>& params() { return params_; }

 private:
  Dialect dialect_;
  std::vector<ColumnValue> params_;
};

std::string_view OpText(Compare op) {
  switch (op) {
    case Compare::kEq: return " = ";
    case Compare::kLt: return " < ";
    case Compare::kLe: return " <= ";
    case Compare::kGt: return " > ";
    case Compare::kGe: return " >= ";
  }
  return " = ";
}

// A key or index of the table, as a column list.
std::vector<std::vector<std::string_view>> Orders(const TableSpec& table) {
  std::vector<std::vector<std::string_view>> out;
  out.emplace_back(table.columns.begin(), table.columns.begin() + table.key_size);
  for (const IndexSpec& index : table.indexes) {
    out.emplace_back(index.columns.begin(), index.columns.end());
  }
  return out;
}

struct Plan {
  std::vector<size_t> order;  // column positions, total (ends with the key)
};

// The order the query reads in, when a key or index serves it.
std::optional<Plan> PlanFor(const TableSpec& table, const std::vector<std::string>& equal,
                            const std::optional<std::string>& range,
                            const std::vector<std::string>& order_by) {
  for (const auto& index : Orders(table)) {
    const size_t j = equal.size();
    if (j > index.size()) continue;
    std::vector<std::string_view> prefix(index.begin(), index.begin() + static_cast<long>(j));
    std::vector<std::string_view> wanted(equal.begin(), equal.end());
    std::sort(prefix.begin(), prefix.end());
    std::sort(wanted.begin(), wanted.end());
    if (prefix != wanted) continue;
    std::vector<std::string_view> rest(index.begin() + static_cast<long>(j), index.end());
    if (range && (rest.empty() || rest.front() != *range)) continue;
    std::vector<std::string_view> order;
    if (order_by.empty()) {
      order = rest;
    } else {
      if (order_by.size() > rest.size()) continue;
      if (!std::equal(order_by.begin(), order_by.end(), rest.begin())) continue;
      order.assign(order_by.begin(), order_by.end());
    }
    for (size_t k = 0; k < table.key_size; ++k) {
      if (std::find(order.begin(), order.end(), table.columns[k]) == order.end()) {
        order.push_back(table.columns[k]);
      }
    }
    Plan plan;
    for (std::string_view column : order) plan.order.push_back(*ColumnIndex(table, column));
    return plan;
  }
  return std::nullopt;
}

std::string Joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& name : names) out += (out.empty() ? "" : ", ") + name;
  return out;
}

Status CheckConditions(const TableSpec& table, const SelectQuery& query,
                       std::vector<std::string>& equal, std::optional<std::string>& range) {
  for (const ColumnCondition& c : query.where) {
    const std::optional<size_t> column = ColumnIndex(table, c.column);
    if (!column) {
      return InvalidArgument("where: " + std::string(table.name) + " has no column '" + c.column +
                             "'");
    }
    const ColumnType type = table.types[*column];
    if (!Fits(c.value, type)) {
      return InvalidArgument("where: column '" + c.column + "' holds " +
                             std::string(TypeName(type)));
    }
    if (c.op == Compare::kEq) {
      if (std::find(equal.begin(), equal.end(), c.column) == equal.end()) {
        equal.push_back(c.column);
      }
    } else if (range && *range != c.column) {
      return InvalidArgument("where: ranges on two columns ('" + *range + "', '" + c.column +
                             "'); at most one column may have a range");
    } else {
      range = c.column;
    }
  }
  if (range && std::find(equal.begin(), equal.end(), *range) != equal.end()) {
    return InvalidArgument("where: column '" + *range + "' has both = and a range");
  }
  for (const std::string& column : query.order_by) {
    if (!ColumnIndex(table, column)) {
      return InvalidArgument("order_by: " + std::string(table.name) + " has no column '" + column +
                             "'");
    }
  }
  return OkStatus();
}

Result<ColumnValue> CursorValue(const std::optional<std::string>& field, ColumnType type) {
  const Status bad = InvalidArgument("after: not a cursor of this query");
  if (!field) return bad;
  const std::string& text = *field;
  switch (type) {
    case ColumnType::kText: return ColumnValue(text);
    case ColumnType::kInt: {
      int64_t value = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (error != std::errc() || end != text.data() + text.size()) return bad;
      return ColumnValue(value);
    }
    case ColumnType::kReal: {
      double value = 0;
      auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
      if (error != std::errc() || end != text.data() + text.size()) return bad;
      return ColumnValue(value);
    }
    case ColumnType::kBool: return ColumnValue(text == "1");
    case ColumnType::kDate: {
      std::optional<Date> date = ParseDate(text);
      if (!date) return bad;
      return ColumnValue(*date);
    }
  }
  return bad;
}

// "(a, b) > (?1, ?2)" for the cursor, or "" for the first page.
Result<std::string> AfterClause(const TableSpec& table, const SelectQuery& query, const Plan& plan,
                                SqlBuilder& sql) {
  if (query.after.empty()) return std::string();
  auto fields = DecodeFields(query.after);
  if (!fields || fields->size() != plan.order.size()) {
    return InvalidArgument("after: not a cursor of this query");
  }
  std::string left;
  std::string right;
  for (size_t i = 0; i < plan.order.size(); ++i) {
    ASSIGN_OR_RETURN(ColumnValue value, CursorValue((*fields)[i], table.types[plan.order[i]]));
    left += (i == 0 ? "" : ", ") + std::string(table.columns[plan.order[i]]);
    right += (i == 0 ? "" : ", ") + sql.Placeholder(std::move(value));
  }
  const char* op = query.order == SortOrder::kAscending ? " > " : " < ";
  return "(" + left + ")" + op + "(" + right + ")";
}

// Reads the page's rows (one more than the limit says whether a next page
// exists; it is dropped and the cursor taken from the last kept row), then
// their lists.
template <typename T>
Status ReadSelected(const EntityCodec<T>& codec, const std::string& sql,
                    std::span<const ColumnValue> params, const Plan& plan, size_t limit,
                    Dialect dialect, ReadSource& source, SelectPage& page) {
  std::vector<T>& items = (page.rows.*codec.items).mut();
  RETURN_IF_ERROR(source.Query(sql, params, [&](const RowSource& row) -> Status {
    items.emplace_back();
    return codec.decode(row, items.back());
  }));
  if (items.size() > limit) {
    items.pop_back();
    FieldsRowSink sink;
    codec.encode(items.back(), sink);
    std::vector<std::optional<std::string>> fields;
    for (size_t column : plan.order) fields.push_back(sink.fields()[column]);
    page.next_cursor = EncodeFields(fields);
  }
  if constexpr (requires(const T& item) { item.id; }) {
    if (codec.children) {
      const TableSpec& child = *codec.children->table;
      for (T& item : items) {
        SqlBuilder child_sql(dialect);
        const std::string text = "SELECT " + ColumnList(child) + " FROM " +
                                 std::string(child.name) + " WHERE " +
                                 std::string(child.columns[0]) + " = " +
                                 child_sql.Placeholder(item.id) + " ORDER BY " + KeyList(child);
        RETURN_IF_ERROR(source.Query(text, child_sql.params(), [&](const RowSource& row) {
          return codec.children->decode(row, item);
        }));
      }
    }
  }
  return OkStatus();
}

}  // namespace

Result<SelectPage> SelectRows(const SelectQuery& query, Dialect dialect, ReadSource& source) {
  const TableSpec& table = TableOf(query.kind);
  if (query.limit < 1 || query.limit > kMaxSelectRows) {
    return InvalidArgument("limit: expected 1 to " + std::to_string(kMaxSelectRows) + ", got " +
                           std::to_string(query.limit));
  }
  std::vector<std::string> equal;
  std::optional<std::string> range;
  RETURN_IF_ERROR(CheckConditions(table, query, equal, range));
  const std::optional<Plan> plan = PlanFor(table, equal, range, query.order_by);
  if (!plan) {
    return InvalidArgument("where/order_by: no key or index of " + std::string(table.name) +
                           " serves = on (" + Joined(equal) + ")" +
                           (range ? ", a range on " + *range : "") + " ordered by (" +
                           Joined(query.order_by) + ")");
  }
  SqlBuilder sql(dialect);
  std::string where;
  for (const ColumnCondition& c : query.where) {
    where += (where.empty() ? "" : " AND ") + c.column + std::string(OpText(c.op)) +
             sql.Placeholder(c.value);
  }
  ASSIGN_OR_RETURN(std::string after, AfterClause(table, query, *plan, sql));
  if (!after.empty()) where += (where.empty() ? "" : " AND ") + after;
  const char* direction = query.order == SortOrder::kAscending ? " ASC" : " DESC";
  std::string order;
  for (size_t column : plan->order) {
    order += (order.empty() ? "" : ", ") + std::string(table.columns[column]) + direction;
  }
  // One row more than asked says whether there is a next page.
  const std::string text = "SELECT " + ColumnList(table) + " FROM " + std::string(table.name) +
                           (where.empty() ? "" : " WHERE " + where) + " ORDER BY " + order +
                           " LIMIT " + std::to_string(query.limit + 1);
  SelectPage page;
  RETURN_IF_ERROR(ForEachCodec([&](const auto& codec) -> Status {
    if (codec.kind != query.kind) return OkStatus();
    return ReadSelected(codec, text, sql.params(), *plan, static_cast<size_t>(query.limit), dialect,
                        source, page);
  }));
  return page;
}

// Only the columns of checkins_cycle_team (cycle_start, team_id, person_id,
// submitted_at), so both backends answer from the index without the rows.
Result<std::vector<CheckinStatusRow>> SelectCycleCheckinStatuses(Date cycle_start,
                                                                 std::string_view first_team_id,
                                                                 std::string_view last_team_id,
                                                                 Dialect dialect,
                                                                 ReadSource& source) {
  SqlBuilder sql(dialect);
  std::string text = "SELECT team_id, person_id, submitted_at FROM checkins WHERE cycle_start = ";
  text += sql.Placeholder(cycle_start);
  text += " AND team_id >= " + sql.Placeholder(std::string(first_team_id));
  text += " AND team_id <= " + sql.Placeholder(std::string(last_team_id));
  text += " ORDER BY team_id ASC, person_id ASC";
  std::vector<CheckinStatusRow> out;
  RETURN_IF_ERROR(source.Query(text, sql.params(), [&](const RowSource& row) -> Status {
    out.push_back({.team_id = std::string(row.Text(0)),
                   .person_id = std::string(row.Text(1)),
                   .submitted = !row.IsNull(2)});
    return OkStatus();
  }));
  return out;
}

}  // namespace guild::store::internal
