// Layouts of clients, engagements, openings, assignments, teams, time
// entries and opening preferences.
#include "io/internal/kinds.h"

namespace guild::io::internal {

namespace {

constexpr std::string_view kEngagementStatusNames =
    "one of tentative, confirmed, complete, cancelled";
constexpr std::string_view kAssignmentStatusNames = "one of tentative, confirmed";
constexpr std::string_view kTimeCategoryNames =
    "one of billable, client-development, leadership, admin, training, other, time-off";
constexpr std::string_view kPreferenceKindNames = "one of volunteer, pinned, excluded";
constexpr std::string_view kTeamKindNames = "one of other, engagement, account, practice, firm";

}  // namespace

const std::vector<Field<Client>>& Kind<Client>::Fields() {
  using S = Client;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("name", &S::name, Need::kRequired),
      TextField<S>("industry", &S::industry),
      BoolField<S>("key_client", &S::key_client),
  });
  return fields;
}

const std::vector<Field<Engagement>>& Kind<Engagement>::Fields() {
  using S = Engagement;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("client_id", &S::client_id, Need::kRequired),
      TextField<S>("name", &S::name, Need::kRequired),
      TextField<S>("leader_id", &S::leader_id),
      DateField<S>("start", &S::start, Need::kRequired),
      DateField<S>("end", &S::end, Need::kRequired),
      EnumField<S, EngagementStatus>("status", &S::status, ParseEngagementStatus,
                                     kEngagementStatusNames),
  });
  return fields;
}

const std::vector<Field<Opening>>& Kind<Opening>::Fields() {
  using S = Opening;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("engagement_id", &S::engagement_id, Need::kRequired),
      TextField<S>("title", &S::title),
      NestedField<S, std::vector<SkillRequirement>>("required", &S::required, kRequirementsExpected,
                                                    ParseRequirements, AppendRequirements,
                                                    RequirementsFromJson, RequirementsToJson),
      RealField<S>("hours_per_week", &S::hours_per_week, Need::kRequired),
      DateField<S>("start", &S::start, Need::kRequired),
      DateField<S>("end", &S::end, Need::kRequired),
      IntField<S>("headcount", &S::headcount),
      BoolField<S>("lead", &S::lead),
  });
  return fields;
}

const std::vector<Field<Assignment>>& Kind<Assignment>::Fields() {
  using S = Assignment;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("person_id", &S::person_id, Need::kRequired),
      TextField<S>("opening_id", &S::opening_id, Need::kRequired),
      RealField<S>("hours_per_week", &S::hours_per_week, Need::kRequired),
      DateField<S>("start", &S::start, Need::kRequired),
      DateField<S>("end", &S::end, Need::kRequired),
      EnumField<S, AssignmentStatus>("status", &S::status, ParseAssignmentStatus,
                                     kAssignmentStatusNames),
  });
  return fields;
}

const std::vector<Field<Team>>& Kind<Team>::Fields() {
  using S = Team;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("name", &S::name, Need::kRequired),
      TextField<S>("purpose", &S::purpose),
      TextField<S>("leader_id", &S::leader_id),
      TextField<S>("client_id", &S::client_id),
      BoolField<S>("leadership_team", &S::leadership_team),
      NestedField<S, std::vector<TeamMember>>("members", &S::members, kMembersExpected,
                                              ParseMembers, AppendMembers, MembersFromJson,
                                              MembersToJson),
      EnumField<S, TeamKind>("kind", &S::kind, ParseTeamKind, kTeamKindNames),
      TextField<S>("engagement_id", &S::engagement_id),
      IntField<S>("checkin_cadence_days", &S::checkin_cadence_days),
  });
  return fields;
}

const std::vector<Field<TimeEntry>>& Kind<TimeEntry>::Fields() {
  using S = TimeEntry;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("person_id", &S::person_id, Need::kRequired),
      DateField<S>("date", &S::date, Need::kRequired),
      RealField<S>("hours", &S::hours, Need::kRequired),
      EnumField<S, TimeCategory>("category", &S::category, ParseTimeCategory, kTimeCategoryNames),
      TextField<S>("engagement_id", &S::engagement_id),
  });
  return fields;
}

const std::vector<Field<OpeningPreference>>& Kind<OpeningPreference>::Fields() {
  using S = OpeningPreference;
  static const auto& fields = Keep<S>({
      TextField<S>("opening_id", &S::opening_id, Need::kRequired),
      TextField<S>("person_id", &S::person_id, Need::kRequired),
      Required(EnumField<S, PreferenceKind>("kind", &S::kind, ParsePreferenceKind,
                                            kPreferenceKindNames)),
      TextField<S>("note", &S::note),
  });
  return fields;
}

}  // namespace guild::io::internal
