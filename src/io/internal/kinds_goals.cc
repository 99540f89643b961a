// Layouts of goals, goal updates, deliverables, client relationships,
// purpose changes and the client log (docs/IMPORT_FORMATS.md).
#include "io/internal/kinds.h"

namespace guild::io::internal {

namespace {

constexpr std::string_view kDirectionNames = "one of up, down";
constexpr std::string_view kDeliverableStatusNames = "one of planned, in-progress, done, cancelled";

template <typename T>
Field<T> RaciField(std::vector<RaciEntry> T::*access) {
  return NestedField<T, std::vector<RaciEntry>>("raci", access, kRaciExpected, ParseRaci,
                                                AppendRaci, RaciFromJson, RaciToJson);
}

}  // namespace

const std::vector<Field<Goal>>& Kind<Goal>::Fields() {
  using S = Goal;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("team_id", &S::team_id),
      TextField<S>("title", &S::title, Need::kRequired),
      TextField<S>("metric", &S::metric, Need::kRequired),
      TextField<S>("unit", &S::unit),
      RealField<S>("start_value", &S::start_value, Need::kRequired),
      RealField<S>("target_value", &S::target_value, Need::kRequired),
      Required(EnumField<S, GoalDirection>("direction", &S::direction, ParseGoalDirection,
                                           kDirectionNames)),
      DateField<S>("start_date", &S::start_date, Need::kRequired),
      DateField<S>("due_date", &S::due_date, Need::kRequired),
      TextField<S>("owner_id", &S::owner_id, Need::kRequired),
      RaciField<S>(&S::raci),
      TextField<S>("parent_id", &S::parent_id),
      BoolField<S>("shared", &S::shared),
      OptionalRealField<S>("current_value", &S::current_value),
      OptionalDateField<S>("measured_on", &S::measured_on),
  });
  return fields;
}

const std::vector<Field<GoalUpdate>>& Kind<GoalUpdate>::Fields() {
  using S = GoalUpdate;
  static const auto& fields = Keep<S>({
      TextField<S>("goal_id", &S::goal_id, Need::kRequired),
      DateField<S>("date", &S::date, Need::kRequired),
      RealField<S>("value", &S::value, Need::kRequired),
      TextField<S>("comment", &S::comment),
      TextField<S>("author_id", &S::author_id),
  });
  return fields;
}

const std::vector<Field<Deliverable>>& Kind<Deliverable>::Fields() {
  using S = Deliverable;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("team_id", &S::team_id, Need::kRequired),
      TextField<S>("name", &S::name, Need::kRequired),
      DateField<S>("due_date", &S::due_date, Need::kRequired),
      EnumField<S, DeliverableStatus>("status", &S::status, ParseDeliverableStatus,
                                      kDeliverableStatusNames),
      RaciField<S>(&S::raci),
  });
  return fields;
}

const std::vector<Field<ClientRelationship>>& Kind<ClientRelationship>::Fields() {
  using S = ClientRelationship;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("team_id", &S::team_id, Need::kRequired),
      TextField<S>("client_id", &S::client_id, Need::kRequired),
      TextField<S>("contact", &S::contact),
      RaciField<S>(&S::raci),
  });
  return fields;
}

const std::vector<Field<PurposeChange>>& Kind<PurposeChange>::Fields() {
  using S = PurposeChange;
  static const auto& fields = Keep<S>({
      TextField<S>("team_id", &S::team_id, Need::kRequired),
      TimestampField<S>("at", &S::at, Need::kRequired),
      TextField<S>("author_id", &S::author_id),
      TextField<S>("before", &S::before),
      TextField<S>("after", &S::after),
  });
  return fields;
}

const std::vector<Field<ClientLogEntry>>& Kind<ClientLogEntry>::Fields() {
  using S = ClientLogEntry;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("engagement_id", &S::engagement_id, Need::kRequired),
      DateField<S>("date", &S::date, Need::kRequired),
      TextField<S>("author_id", &S::author_id),
      TextField<S>("changed", &S::changed, Need::kRequired),
      TextField<S>("issues", &S::issues),
      TextField<S>("resolution", &S::resolution),
  });
  return fields;
}

}  // namespace guild::io::internal
