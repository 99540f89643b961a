#include "service/access/authorizer.h"

#include <algorithm>
#include <cctype>

namespace guild {

namespace {

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

}  // namespace

bool Authorizer::SeesWholeFirm(const Principal& viewer) const {
  return viewer.role == UserRole::kAdministrator || viewer.role == UserRole::kFirmLeader;
}

bool Authorizer::IsSelf(const Principal& viewer, std::string_view person_id) const {
  return !viewer.person_id.empty() && viewer.person_id == person_id;
}

bool Authorizer::CanListDirectory(const Principal&) const { return true; }

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

bool Authorizer::CanReadTeamNetwork(const Principal& viewer, std::string_view team_id) const {
  return CanReadTeam(viewer, team_id);
}

ClientScope Authorizer::ClientCoverageScope(const Principal& viewer) const {
  ClientScope scope;
  if (SeesWholeFirm(viewer)) {
    scope.all = true;
    return scope;
  }
  const Person* person = snapshot_.FindPerson(viewer.person_id);
  if (person == nullptr || !EqualsIgnoringCase(person->grade, kDefaultGrades[0])) return scope;
  for (const Engagement& e : snapshot_.data().engagements) {
    if (e.leader_id == viewer.person_id) scope.clients.insert(e.client_id);
  }
  return scope;
}

bool Authorizer::CanReadClientCoverage(const Principal& viewer, std::string_view client_id) const {
  const ClientScope scope = ClientCoverageScope(viewer);
  return scope.all || scope.clients.contains(client_id);
}

bool Authorizer::CanFormTeams(const Principal& viewer) const {
  if (SeesWholeFirm(viewer)) return true;
  auto person = snapshot_.PersonIndex(viewer.person_id);
  if (person && !snapshot_.TeamsLedBy(*person).empty()) return true;
  for (const Engagement& e : snapshot_.data().engagements) {
    if (!viewer.person_id.empty() && e.leader_id == viewer.person_id) return true;
  }
  return false;
}

bool Authorizer::CanReadCheckin(const Principal& viewer, std::string_view author_person_id,
                                std::string_view team_id) const {
  return IsSelf(viewer, author_person_id) || LeadsTeam(viewer, team_id);
}

bool Authorizer::CanReadTeamCheckins(const Principal& viewer, std::string_view team_id) const {
  return LeadsTeam(viewer, team_id);
}

bool Authorizer::CanSetCheckinCadence(const Principal& viewer, std::string_view team_id) const {
  if (!snapshot_.TeamIndex(team_id)) return false;
  return viewer.role == UserRole::kAdministrator || LeadsTeam(viewer, team_id);
}

bool Authorizer::CanReadCheckinStatuses(const Principal& viewer, std::string_view team_id) const {
  return SeesWholeFirm(viewer) || LeadsTeam(viewer, team_id);
}

bool Authorizer::CanReadReportsCheckinStatuses(const Principal& viewer,
                                               std::string_view person_id) const {
  auto person = snapshot_.PersonIndex(person_id);
  if (!person) return false;
  if (SeesWholeFirm(viewer) || IsSelf(viewer, person_id)) return true;
  if (viewer.person_id.empty()) return false;
  // Up the manager chain; a chain longer than the firm is a cycle.
  const auto& people = snapshot_.data().people;
  std::string_view manager = people[*person].manager_id;
  for (size_t steps = 0; steps < people.size() && !manager.empty(); ++steps) {
    if (manager == viewer.person_id) return true;
    const Person* next = snapshot_.FindPerson(manager);
    if (next == nullptr) return false;
    manager = next->manager_id;
  }
  return false;
}

bool Authorizer::CanReadCheckinQuestion(const Principal& viewer, std::string_view asker_id,
                                        std::string_view addressee_id,
                                        std::string_view team_id) const {
  return IsSelf(viewer, asker_id) || IsSelf(viewer, addressee_id) || LeadsTeam(viewer, team_id);
}

bool Authorizer::CanReadFeedbackAnswer(const Principal& viewer, std::string_view asker_person_id,
                                       std::string_view author_person_id,
                                       std::string_view shared_with_person_id) const {
  if (IsSelf(viewer, asker_person_id) || IsSelf(viewer, author_person_id)) return true;
  return IsSelf(viewer, shared_with_person_id) &&
         LeadsPerson(shared_with_person_id, asker_person_id);
}

bool Authorizer::CanReadFeedbackRequest(const Principal& viewer, std::string_view asker_person_id,
                                        std::span<const std::string> reviewer_ids) const {
  if (IsSelf(viewer, asker_person_id)) return true;
  for (const std::string& reviewer : reviewer_ids) {
    if (IsSelf(viewer, reviewer)) return true;
  }
  return false;
}

bool Authorizer::CanShareFeedbackAnswer(const Principal& viewer,
                                        std::string_view asker_person_id) const {
  return IsSelf(viewer, asker_person_id);
}

std::string_view Authorizer::PrivateTiesOf(const Principal& viewer) const {
  return viewer.person_id;
}

bool Authorizer::CanVolunteer(const Principal& viewer, std::string_view person_id) const {
  return IsSelf(viewer, person_id) && snapshot_.PersonIndex(person_id).has_value();
}

bool Authorizer::CanUseInbox(const Principal& viewer, std::string_view person_id) const {
  return IsSelf(viewer, person_id);
}

bool Authorizer::CanReadMentorship(const Principal& viewer, const Mentorship& m) const {
  return viewer.role == UserRole::kAdministrator || CanChangeMentorship(viewer, m);
}

bool Authorizer::CanAnswerMentorship(const Principal& viewer, const Mentorship& m) const {
  return IsSelf(viewer, m.mentor_id);
}

bool Authorizer::CanChangeMentorship(const Principal& viewer, const Mentorship& m) const {
  return IsSelf(viewer, m.mentor_id) || IsSelf(viewer, m.mentee_id);
}

bool Authorizer::LeadsPerson(std::string_view leader_person_id, std::string_view person_id) const {
  if (leader_person_id.empty() || leader_person_id == person_id) return false;
  const Person* person = snapshot_.FindPerson(person_id);
  if (person == nullptr) return false;
  if (person->manager_id == leader_person_id) return true;
  auto leader = snapshot_.PersonIndex(leader_person_id);
  auto index = snapshot_.PersonIndex(person_id);
  if (!leader) return false;
  for (uint32_t team : snapshot_.TeamsOf(*index)) {
    if (snapshot_.Leads(*leader, team)) return true;
  }
  return false;
}

bool Authorizer::CanRateSkill(const Principal& viewer, std::string_view person_id,
                              RatingSource source) const {
  if (!snapshot_.PersonIndex(person_id)) return false;
  switch (source) {
    case RatingSource::kSelf: return IsSelf(viewer, person_id);
    case RatingSource::kPeer: return ArePeers(viewer.person_id, person_id);
    case RatingSource::kManager: return LeadsPerson(viewer.person_id, person_id);
    case RatingSource::kAssessed: return viewer.role == UserRole::kAdministrator;
  }
  return false;
}

bool Authorizer::ArePeers(std::string_view a_person_id, std::string_view b_person_id) const {
  if (a_person_id.empty() || a_person_id == b_person_id) return false;
  const auto a = snapshot_.PersonIndex(a_person_id);
  const auto b = snapshot_.PersonIndex(b_person_id);
  if (!a || !b) return false;
  const auto a_teams = snapshot_.TeamsOf(*a);
  for (uint32_t team : snapshot_.TeamsOf(*b)) {
    if (std::binary_search(a_teams.begin(), a_teams.end(), team)) return true;
  }
  const auto a_engagements = snapshot_.EngagementsOf(*a);
  for (uint32_t engagement : snapshot_.EngagementsOf(*b)) {
    if (std::binary_search(a_engagements.begin(), a_engagements.end(), engagement)) return true;
  }
  return false;
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

bool Authorizer::CanReadGoal(const Principal& viewer, const Goal& goal) const {
  if (!goal.team_id.empty()) return CanReadTeam(viewer, goal.team_id);
  if (IsSelf(viewer, goal.owner_id)) return true;
  if (goal.shared) return snapshot_.PersonIndex(goal.owner_id).has_value();
  const Person* person = snapshot_.FindPerson(goal.owner_id);
  if (person == nullptr) return false;
  return IsSelf(viewer, person->manager_id) || LeadsTeamOf(viewer, goal.owner_id);
}

bool Authorizer::CanReadGoalAt(const Principal& viewer, uint32_t goal) const {
  // A team goal: CanReadTeam, with the team found by position (the goal
  // itself is not touched: a team page checks tens of thousands).
  if (const auto team = snapshot_.TeamOfGoal(goal)) {
    if (SeesWholeFirm(viewer)) return true;
    const auto person = snapshot_.PersonIndex(viewer.person_id);
    return person && (snapshot_.OnTeam(*person, *team) || snapshot_.Leads(*person, *team));
  }
  // A personal goal, or one of a team that is not in the snapshot.
  const Goal& g = snapshot_.data().goals[goal];
  return g.team_id.empty() && CanReadGoal(viewer, g);
}

bool Authorizer::CanChangeGoal(const Principal& viewer, const Goal& goal) const {
  if (goal.team_id.empty()) return IsSelf(viewer, goal.owner_id);
  return CanChangeTeam(viewer, goal.team_id);
}

bool Authorizer::CanUpdateGoalProgress(const Principal& viewer, const Goal& goal) const {
  if (CanChangeGoal(viewer, goal)) return true;
  if (goal.team_id.empty() || !CanReadTeam(viewer, goal.team_id)) return false;
  if (IsSelf(viewer, goal.owner_id)) return true;
  return std::any_of(goal.raci.begin(), goal.raci.end(), [&](const RaciEntry& e) {
    return e.role == RaciRole::kResponsible && IsSelf(viewer, e.person_id);
  });
}

bool Authorizer::CanCreatePersonalGoal(const Principal& viewer, std::string_view person_id) const {
  return IsSelf(viewer, person_id) && snapshot_.PersonIndex(person_id).has_value();
}

bool Authorizer::WorksOnEngagement(const Principal& viewer, std::string_view engagement_id) const {
  auto engagement = snapshot_.EngagementIndex(engagement_id);
  auto person = snapshot_.PersonIndex(viewer.person_id);
  if (!engagement || !person) return false;
  if (IsSelf(viewer, snapshot_.data().engagements[*engagement].leader_id)) return true;
  for (uint32_t team : snapshot_.TeamsOfEngagement(*engagement)) {
    if (snapshot_.OnTeam(*person, team) || snapshot_.Leads(*person, team)) return true;
  }
  return false;
}

bool Authorizer::CanReadClientLog(const Principal& viewer, std::string_view engagement_id) const {
  if (!snapshot_.EngagementIndex(engagement_id)) return false;
  return SeesWholeFirm(viewer) || WorksOnEngagement(viewer, engagement_id);
}

bool Authorizer::CanWriteClientLog(const Principal& viewer, std::string_view engagement_id) const {
  if (!snapshot_.EngagementIndex(engagement_id)) return false;
  return viewer.role == UserRole::kAdministrator || WorksOnEngagement(viewer, engagement_id);
}

}  // namespace guild
