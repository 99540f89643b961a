// The people layout: the canonical columns plus the names HR systems and
// resource planners use for them (see docs/IMPORT_FORMATS.md).
#include "io/internal/kinds.h"

namespace guild::io::internal {

namespace {

using R = PersonRow;

std::vector<Field<R>> MakePeopleFields() {
  // clang-format off
  return {
      WithAliases(TextField<R>("id", [](auto& r) -> auto& { return r.person.id; }),
                  {"employee_id", "employee_number", "person_id", "staff_id"}),
      WithAliases(TextField<R>("name", [](auto& r) -> auto& { return r.person.name; }),
                  {"full_name", "display_name"}),
      ImportOnly(WithAliases(TextField<R>("first_name", [](auto& r) -> auto& { return r.first_name; }),
                             {"firstname", "given_name", "forename"})),
      ImportOnly(WithAliases(TextField<R>("last_name", [](auto& r) -> auto& { return r.last_name; }),
                             {"lastname", "surname", "family_name"})),
      WithAliases(TextField<R>("email", [](auto& r) -> auto& { return r.person.email; },
                               Need::kRequired),
                  {"email_address", "work_email", "e_mail", "mail"}),
      WithAliases(TextField<R>("title", [](auto& r) -> auto& { return r.person.title; }),
                  {"job_title", "position"}),
      WithAliases(TextField<R>("grade", [](auto& r) -> auto& { return r.person.grade; }),
                  {"band", "career_level"}),
      WithAliases(TextField<R>("practice", [](auto& r) -> auto& { return r.person.practice; }),
                  {"department", "team", "service_line"}),
      WithAliases(TextField<R>("office", [](auto& r) -> auto& { return r.person.office; }),
                  {"location"}),
      WithAliases(TextField<R>("manager_id", [](auto& r) -> auto& { return r.person.manager_id; }),
                  {"manager_employee_id"}),
      ImportOnly(WithAliases(
          TextField<R>("manager_email", [](auto& r) -> auto& { return r.manager_email; }),
          {"manager_email_address"})),
      WithAliases(RealField<R>("weekly_capacity_hours",
                               [](auto& r) -> auto& { return r.person.weekly_capacity_hours; }),
                  {"weekly_hours", "capacity", "hours_per_week", "weekly_capacity"}),
      WithAliases(OptionalDateField<R>("start_date", [](auto& r) -> auto& { return r.person.start_date; }),
                  {"hire_date", "joined"}),
      WithAliases(OptionalDateField<R>("end_date", [](auto& r) -> auto& { return r.person.end_date; }),
                  {"leave_date", "termination_date"}),
      ListField<R>("tags", [](auto& r) -> auto& { return r.person.tags; }),
      OptionalRealField<R>("cost_rate", [](auto& r) -> auto& { return r.person.cost_rate; }),
  };
  // clang-format on
}

}  // namespace

const std::vector<Field<PersonRow>>& Kind<Person>::Fields() {
  static const auto* const kFields = new std::vector<Field<PersonRow>>(MakePeopleFields());
  return *kFields;
}

}  // namespace guild::io::internal
