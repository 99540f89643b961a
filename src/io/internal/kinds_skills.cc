// Layouts of skills, person skills, roles and skill history.
#include "io/internal/kinds.h"

namespace guild::io::internal {

namespace {

constexpr std::string_view kSkillSourceNames = "one of onet, esco, firm";
constexpr std::string_view kSkillKindNames = "one of skill, knowledge, technology";
constexpr std::string_view kRatingSourceNames = "one of self, peer, manager, assessed";
constexpr std::string_view kRoleSourceNames = "one of firm, onet, esco";

}  // namespace

const std::vector<Field<Skill>>& Kind<Skill>::Fields() {
  using S = Skill;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("name", &S::name, Need::kRequired),
      TextField<S>("description", &S::description),
      WithAliases(TextField<S>("broader_id", &S::broader_id), {"parent_id"}),
      ListField<S>("synonyms", &S::synonyms),
      EnumField<S, SkillSource>("source", &S::source, ParseSkillSource, kSkillSourceNames),
      EnumField<S, SkillKind>("kind", &S::kind, ParseSkillKind, kSkillKindNames),
  });
  return fields;
}

const std::vector<Field<PersonSkill>>& Kind<PersonSkill>::Fields() {
  using S = PersonSkill;
  static const auto& fields = Keep<S>({
      TextField<S>("person_id", &S::person_id, Need::kRequired),
      TextField<S>("skill_id", &S::skill_id, Need::kRequired),
      EnumField<S, RatingSource>("source", &S::source, ParseRatingSource, kRatingSourceNames),
      IntField<S>("level", &S::level, Need::kRequired),
      BoolField<S>("wants_to_grow", &S::wants_to_grow),
      OptionalDateField<S>("last_used", &S::last_used),
      OptionalDateField<S>("rated_on", &S::rated_on),
  });
  return fields;
}

const std::vector<Field<Role>>& Kind<Role>::Fields() {
  using S = Role;
  static const auto& fields = Keep<S>({
      TextField<S>("id", &S::id, Need::kRequired),
      TextField<S>("name", &S::name, Need::kRequired),
      TextField<S>("description", &S::description),
      EnumField<S, RoleSource>("source", &S::source, ParseRoleSource, kRoleSourceNames),
      NestedField<S, std::vector<RoleSkill>>("skills", &S::skills, kRoleSkillsExpected,
                                             ParseRoleSkills, AppendRoleSkills, RoleSkillsFromJson,
                                             RoleSkillsToJson),
  });
  return fields;
}

const std::vector<Field<SkillHistoryEntry>>& Kind<SkillHistoryEntry>::Fields() {
  using S = SkillHistoryEntry;
  static const auto& fields = Keep<S>({
      TextField<S>("person_id", &S::person_id, Need::kRequired),
      TextField<S>("skill_id", &S::skill_id, Need::kRequired),
      DateField<S>("date", &S::date, Need::kRequired),
      IntField<S>("level", &S::level, Need::kRequired),
  });
  return fields;
}

}  // namespace guild::io::internal
