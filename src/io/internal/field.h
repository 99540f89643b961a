// One column of a layout: its names, whether it is required, and how its
// value reads from and writes to CSV text and JSON.
//
// Builders take an accessor: a member pointer (&Client::name) or a callable
// returning a reference to the member given the row, so that a row type may
// wrap the entity (people rows carry extra HR columns).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "io/internal/values.h"

namespace guild::io::internal {

enum class Need { kOptional, kRequired };
enum class Direction { kImportAndExport, kImportOnly };

template <typename T>
struct Field {
  std::string_view name;                  //!< canonical snake_case name
  std::vector<std::string_view> aliases;  //!< other accepted (normalized) header names
  Need need = Need::kOptional;
  Direction direction = Direction::kImportAndExport;
  std::string expected;  //!< the expected form, for messages
  //! Sets the value from a CSV cell; false when the text is not in form.
  std::function<bool(T&, std::string_view)> from_text;
  //! Appends the value's CSV text.
  std::function<void(const T&, std::string&)> to_text;
  //! Sets the value from JSON; false on a wrong type or form. Not called for null.
  std::function<bool(T&, const Json&)> from_json;
  std::function<Json(const T&)> to_json;
};

template <typename T>
Field<T> MakeField(std::string_view name, Need need, std::string_view expected) {
  Field<T> f;
  f.name = name;
  f.need = need;
  f.expected = std::string(expected);
  return f;
}

template <typename T>
Field<T> WithAliases(Field<T> field, const std::vector<std::string_view>& aliases) {
  field.aliases = aliases;
  return field;
}

template <typename T>
Field<T> ImportOnly(Field<T> field) {
  field.direction = Direction::kImportOnly;
  return field;
}

//! A field every row must fill (e.g. a kind whose absence must not silently
//! mean its default).
template <typename T>
Field<T> Required(Field<T> field) {
  field.need = Need::kRequired;
  return field;
}

//! A kind's field list, kept for the life of the program: Kind<E>::Fields()
//! returns a reference to it (`static const auto& fields = Keep<S>({...})`).
template <typename T>
const std::vector<Field<T>>& Keep(std::vector<Field<T>> fields) {
  return *new std::vector<Field<T>>(std::move(fields));
}

template <typename T, typename A>
Field<T> TextField(std::string_view name, A access, Need need = Need::kOptional) {
  Field<T> f = MakeField<T>(name, need, kTextExpected);
  f.from_text = [access](T& t, std::string_view v) {
    v = UnescapeFormula(v);
    if (!IsCleanText(v)) return false;
    std::invoke(access, t).assign(v);
    return true;
  };
  f.to_text = [access](const T& t, std::string& out) {
    AppendEscapingFormula(out, std::invoke(access, t));
  };
  f.from_json = [access](T& t, const Json& j) {
    if (!j.is_string() || !IsCleanText(j.template get_ref<const std::string&>())) return false;
    std::invoke(access, t) = j.template get<std::string>();
    return true;
  };
  f.to_json = [access](const T& t) { return Json(std::invoke(access, t)); };
  return f;
}

template <typename T, typename A>
Field<T> IntField(std::string_view name, A access, Need need = Need::kOptional) {
  Field<T> f = MakeField<T>(name, need, kIntExpected);
  f.from_text = [access](T& t, std::string_view v) { return ParseInt(v, std::invoke(access, t)); };
  f.to_text = [access](const T& t, std::string& out) {
    out.append(std::to_string(std::invoke(access, t)));
  };
  f.from_json = [access](T& t, const Json& j) { return IntFromJson(j, std::invoke(access, t)); };
  f.to_json = [access](const T& t) { return Json(std::invoke(access, t)); };
  return f;
}

template <typename T, typename A>
Field<T> RealField(std::string_view name, A access, Need need = Need::kOptional) {
  Field<T> f = MakeField<T>(name, need, kRealExpected);
  f.from_text = [access](T& t, std::string_view v) { return ParseReal(v, std::invoke(access, t)); };
  f.to_text = [access](const T& t, std::string& out) { AppendReal(out, std::invoke(access, t)); };
  f.from_json = [access](T& t, const Json& j) {
    if (!j.is_number()) return false;
    std::invoke(access, t) = j.template get<double>();
    return true;
  };
  f.to_json = [access](const T& t) { return Json(std::invoke(access, t)); };
  return f;
}

template <typename T, typename A>
Field<T> OptionalRealField(std::string_view name, A access) {
  Field<T> f = MakeField<T>(name, Need::kOptional, kRealExpected);
  f.from_text = [access](T& t, std::string_view v) {
    double value;
    if (!ParseReal(v, value)) return false;
    std::invoke(access, t) = value;
    return true;
  };
  f.to_text = [access](const T& t, std::string& out) {
    if (const auto& v = std::invoke(access, t)) AppendReal(out, *v);
  };
  f.from_json = [access](T& t, const Json& j) {
    if (!j.is_number()) return false;
    std::invoke(access, t) = j.template get<double>();
    return true;
  };
  f.to_json = [access](const T& t) {
    const auto& v = std::invoke(access, t);
    return v ? Json(*v) : Json(nullptr);
  };
  return f;
}

template <typename T, typename A>
Field<T> BoolField(std::string_view name, A access) {
  Field<T> f = MakeField<T>(name, Need::kOptional, kBoolExpected);
  f.from_text = [access](T& t, std::string_view v) { return ParseBool(v, std::invoke(access, t)); };
  f.to_text = [access](const T& t, std::string& out) {
    out.append(std::invoke(access, t) ? "true" : "false");
  };
  f.from_json = [access](T& t, const Json& j) {
    if (!j.is_boolean()) return false;
    std::invoke(access, t) = j.template get<bool>();
    return true;
  };
  f.to_json = [access](const T& t) { return Json(std::invoke(access, t)); };
  return f;
}

template <typename T, typename A>
Field<T> DateField(std::string_view name, A access, Need need = Need::kOptional) {
  Field<T> f = MakeField<T>(name, need, kDateExpected);
  f.from_text = [access](T& t, std::string_view v) { return ParseDay(v, std::invoke(access, t)); };
  f.to_text = [access](const T& t, std::string& out) {
    out.append(FormatDate(std::invoke(access, t)));
  };
  f.from_json = [access](T& t, const Json& j) {
    return j.is_string() &&
           ParseDay(j.template get_ref<const std::string&>(), std::invoke(access, t));
  };
  f.to_json = [access](const T& t) { return Json(FormatDate(std::invoke(access, t))); };
  return f;
}

template <typename T, typename A>
Field<T> OptionalDateField(std::string_view name, A access) {
  Field<T> f = MakeField<T>(name, Need::kOptional, kDateExpected);
  f.from_text = [access](T& t, std::string_view v) {
    Date date;
    if (!ParseDay(v, date)) return false;
    std::invoke(access, t) = date;
    return true;
  };
  f.to_text = [access](const T& t, std::string& out) {
    if (const auto& v = std::invoke(access, t)) out.append(FormatDate(*v));
  };
  f.from_json = [f_text = f.from_text](T& t, const Json& j) {
    return j.is_string() && f_text(t, j.template get_ref<const std::string&>());
  };
  f.to_json = [access](const T& t) {
    const auto& v = std::invoke(access, t);
    return v ? Json(FormatDate(*v)) : Json(nullptr);
  };
  return f;
}

//! Seconds since the epoch, written as a UTC time "2024-03-31T09:30:00Z".
template <typename T>
Field<T> TimestampField(std::string_view name, int64_t T::*access, Need need) {
  Field<T> f = MakeField<T>(name, need, kTimestampExpected);
  f.from_text = [access](T& t, std::string_view v) {
    auto seconds = ParseTimestamp(Trim(v));
    if (!seconds) return false;
    t.*access = *seconds;
    return true;
  };
  f.to_text = [access](const T& t, std::string& out) { out.append(FormatTimestamp(t.*access)); };
  f.from_json = [f_text = f.from_text](T& t, const Json& j) {
    return j.is_string() && f_text(t, j.template get_ref<const std::string&>());
  };
  f.to_json = [access](const T& t) { return Json(FormatTimestamp(t.*access)); };
  return f;
}

//! Optional seconds since the epoch: an empty cell or JSON null leaves it
//! unset; written as TimestampField, or empty / null when unset.
template <typename T>
Field<T> OptionalTimestampField(std::string_view name, std::optional<int64_t> T::*access) {
  Field<T> f = MakeField<T>(name, Need::kOptional, kTimestampExpected);
  f.from_text = [access](T& t, std::string_view v) {
    auto seconds = ParseTimestamp(Trim(v));
    if (!seconds) return false;
    t.*access = *seconds;
    return true;
  };
  f.to_text = [access](const T& t, std::string& out) {
    if (const auto& v = t.*access) out.append(FormatTimestamp(*v));
  };
  f.from_json = [f_text = f.from_text](T& t, const Json& j) {
    return j.is_string() && f_text(t, j.template get_ref<const std::string&>());
  };
  f.to_json = [access](const T& t) {
    const auto& v = t.*access;
    return v ? Json(FormatTimestamp(*v)) : Json(nullptr);
  };
  return f;
}

//! An enum written by its model.h name; `parse` is the model's Parse* and
//! `expected` lists the names.
template <typename T, typename E, typename A>
Field<T> EnumField(std::string_view name, A access, std::optional<E> (*parse)(std::string_view),
                   std::string_view expected) {
  Field<T> f = MakeField<T>(name, Need::kOptional, expected);
  f.from_text = [access, parse](T& t, std::string_view v) {
    std::string lower = NormalizeName(v);
    for (char& c : lower) c = c == '_' ? '-' : c;
    auto value = parse(lower);
    if (!value) return false;
    std::invoke(access, t) = *value;
    return true;
  };
  f.to_text = [access](const T& t, std::string& out) {
    out.append(ToString(std::invoke(access, t)));
  };
  f.from_json = [f_text = f.from_text](T& t, const Json& j) {
    return j.is_string() && f_text(t, j.template get_ref<const std::string&>());
  };
  f.to_json = [access](const T& t) { return Json(std::string(ToString(std::invoke(access, t)))); };
  return f;
}

template <typename T, typename A>
Field<T> ListField(std::string_view name, A access) {
  Field<T> f = MakeField<T>(name, Need::kOptional, kListExpected);
  f.from_text = [access](T& t, std::string_view v) {
    std::vector<std::string> items = SplitList(UnescapeFormula(v));
    for (const std::string& item : items) {
      if (!IsCleanText(item)) return false;
    }
    std::invoke(access, t) = std::move(items);
    return true;
  };
  f.to_text = [access](const T& t, std::string& out) {
    std::string list;
    AppendList(list, std::invoke(access, t));
    AppendEscapingFormula(out, list);
  };
  f.from_json = [access](T& t, const Json& j) {
    return StringListFromJson(j, std::invoke(access, t));
  };
  f.to_json = [access](const T& t) { return Json(std::invoke(access, t)); };
  return f;
}

//! A nested list with its own text and JSON codecs (role skills, ...).
template <typename T, typename V, typename A>
Field<T> NestedField(std::string_view name, A access, std::string_view expected,
                     bool (*parse)(std::string_view, V&), void (*append)(std::string&, const V&),
                     bool (*from_json)(const Json&, V&), Json (*to_json)(const V&)) {
  Field<T> f = MakeField<T>(name, Need::kOptional, expected);
  f.from_text = [access, parse](T& t, std::string_view v) {
    return parse(UnescapeFormula(v), std::invoke(access, t));
  };
  f.to_text = [access, append](const T& t, std::string& out) {
    std::string text;
    append(text, std::invoke(access, t));
    AppendEscapingFormula(out, text);
  };
  f.from_json = [access, from_json](T& t, const Json& j) {
    return from_json(j, std::invoke(access, t));
  };
  f.to_json = [access, to_json](const T& t) { return to_json(std::invoke(access, t)); };
  return f;
}

}  // namespace guild::io::internal
