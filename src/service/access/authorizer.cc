#include "service/access/authorizer.h"

namespace guild {

bool Authorizer::SeesWholeFirm(const Principal& viewer) const {
  return viewer.role == UserRole::kAdministrator || viewer.role == UserRole::kFirmLeader;
}

bool Authorizer::IsSelf(const Principal& viewer, std::string_view person_id) const {
  return !viewer.person_id.empty() && viewer.person_id == person_id;
}

bool Authorizer::CanReadPerson(const Principal& viewer, std::string_view person_id) const {
  return snapshot_.PersonIndex(person_id).has_value();
}

bool Authorizer::CanReadPersonDetail(const Principal& viewer, std::string_view person_id) const {
  const Person* person = snapshot_.FindPerson(person_id);
  if (person == nullptr) return false;
  if (SeesWholeFirm(viewer) || IsSelf(viewer, person_id)) return true;
  if (IsSelf(viewer, person->manager_id)) return true;
  return LeadsTeamOf(viewer, person_id);
}

bool Authorizer::CanReadTeam(const Principal& viewer, std::string_view team_id) const {
  if (!snapshot_.TeamIndex(team_id)) return false;
  return SeesWholeFirm(viewer) || OnOrLeadsTeam(viewer, team_id);
}

bool Authorizer::CanReadEngagement(const Principal& viewer, const Engagement& engagement) const {
  if (SeesWholeFirm(viewer) || IsSelf(viewer, engagement.leader_id)) return true;
  auto person = snapshot_.PersonIndex(viewer.person_id);
  if (!person || engagement.client_id.empty()) return false;
  const auto& teams = snapshot_.data().teams;
  for (uint32_t team : snapshot_.TeamsOf(*person)) {
    if (teams[team].client_id == engagement.client_id) return true;
  }
  return false;
}

bool Authorizer::CanChangeTeam(const Principal& viewer, std::string_view team_id) const {
  if (!snapshot_.TeamIndex(team_id)) return false;
  return viewer.role == UserRole::kAdministrator || LeadsTeam(viewer, team_id);
}

bool Authorizer::CanImport(const Principal& viewer) const {
  return viewer.role == UserRole::kAdministrator;
}

bool Authorizer::CanManageUsers(const Principal& viewer) const {
  return viewer.role == UserRole::kAdministrator;
}

bool Authorizer::CanReadAudit(const Principal& viewer) const {
  return viewer.role == UserRole::kAdministrator;
}

bool Authorizer::CanManageToken(const Principal& viewer, std::string_view owner_user_id) const {
  return !viewer.user_id.empty() && viewer.user_id == owner_user_id;
}

bool Authorizer::CanReadFirmWide(const Principal& viewer) const { return SeesWholeFirm(viewer); }

bool Authorizer::CanReadCheckin(const Principal& viewer, std::string_view author_person_id,
                                std::string_view team_id) const {
  return IsSelf(viewer, author_person_id) || LeadsTeam(viewer, team_id);
}

bool Authorizer::CanReadFeedbackAnswer(const Principal& viewer, std::string_view asker_person_id,
                                       std::string_view author_person_id) const {
  return IsSelf(viewer, asker_person_id) || IsSelf(viewer, author_person_id);
}

bool Authorizer::CanReadSurveyAggregate(const Principal& viewer, std::string_view team_id,
                                        int64_t respondent_count) const {
  if (respondent_count < kMinSurveyRespondents) return false;
  return CanReadTeam(viewer, team_id);
}

bool Authorizer::CanReadSurveyAnswer(const Principal& viewer,
                                     std::string_view respondent_person_id) const {
  return IsSelf(viewer, respondent_person_id);
}

bool Authorizer::LeadsTeam(const Principal& viewer, std::string_view team_id) const {
  auto person = snapshot_.PersonIndex(viewer.person_id);
  auto team = snapshot_.TeamIndex(team_id);
  return person && team && snapshot_.Leads(*person, *team);
}

bool Authorizer::OnOrLeadsTeam(const Principal& viewer, std::string_view team_id) const {
  auto person = snapshot_.PersonIndex(viewer.person_id);
  auto team = snapshot_.TeamIndex(team_id);
  return person && team && (snapshot_.OnTeam(*person, *team) || snapshot_.Leads(*person, *team));
}

bool Authorizer::LeadsTeamOf(const Principal& viewer, std::string_view person_id) const {
  auto leader = snapshot_.PersonIndex(viewer.person_id);
  auto person = snapshot_.PersonIndex(person_id);
  if (!leader || !person) return false;
  for (uint32_t team : snapshot_.TeamsOf(*person)) {
    if (snapshot_.Leads(*leader, team)) return true;
  }
  return false;
}

}  // namespace guild
