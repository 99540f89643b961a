// The Authorizer: the one place that decides who may read or change what.
//
// Every service asks it before reading or writing on a user's behalf; the
// HTTP handlers never decide access themselves. It works from the user's
// granted role (UserRole) and from the firm snapshot, which says who leads
// and who belongs to which team (firm_snapshot.h).
//
// Rules:
//  - administrator: everything, except the privacy rules below.
//  - firm_leader: reads the whole firm (people's details, every team).
//  - a team or engagement leader (derived): their teams, and the
//    team-visible records of those teams' members.
//  - member: the directory (everyone's summary and skills), their own
//    records, the teams they are on and the engagements those teams serve.
//  - the staffing board: Staffing() (access/staffing_access.h states its
//    rules: boards, plans, costs and loads in plans, capacity, the market).
//  - collaboration networks (docs/NETWORKS.md): a team's network as the
//    team; the firm's network firm-wide only; a client's coverage to firm
//    leaders, administrators and the partners leading its engagements; team
//    formation to firm leaders, administrators and team or engagement
//    leaders.
// A resource the viewer may not see answers as if it did not exist (404,
// never 403), so that ids cannot be probed.
// Skill ratings (docs/SKILLS.md "Who rates"), by source, on a person who
// exists: self: the person only; peer: a colleague (never the person) who
// shares a team with them (member or leader) or an engagement (assigned to
// it or leading it); manager: their leaders (LeadsPerson: their manager or
// the leader of a team they are on); assessed: administrators (the result
// of an assessment). No role gives another source: an administrator does
// not rate as a peer or manager on somebody's behalf.
// Goals and roles (docs/GOALS.md):
//  - a team goal, the team's deliverables, client relationships, RACI and
//    purpose history: read as the team (CanReadTeam); changed by the team's
//    leaders and administrators (CanChangeTeam); a team goal's progress is
//    also written by its owner and contributors (responsible);
//  - an engagement's client log: firm leaders and administrators, the
//    engagement's leader, and the members and leaders of its engagement
//    team and of its client's account teams read it; the same people write
//    it, except firm leaders who are none of the others.
// Privacy rules, which no role overrides:
//  - a personal goal: the person, their manager and the leaders of the teams
//    they are on; everyone signed in once the person shares it; only the
//    person changes it or writes its progress;
//  - a check-in: its author and the leaders of its team (who of a team has
//    checked in, without contents: also firm leaders and administrators);
//  - a team's check-in cadence: set by its leaders and administrators;
//  - a question routed from a check-in and its answer: the asker, the
//    addressee and the leaders of the team;
//  - a feedback answer: the person who asked for it and its author, and the
//    one leader of the asker's (their manager or the leader of a team they
//    are on) the asker shared it with, while that person leads the asker;
//  - a feedback request's existence and event: the asker and its reviewers;
//  - an inbox: its person only;
//  - volunteering for an opening, and the openings that fit a person: the
//    person only;
//  - a mentorship (its request, skills, message and dates): its mentee and
//    its mentor, and administrators; only the mentor accepts or declines
//    it, only the two end it or move its review date (an administrator
//    reads it and changes nothing);
//  - a team survey: never one person's answers; the aggregate only to the
//    team's members and leaders (and firm leaders, administrators), and only
//    when at least kMinSurveyRespondents answered.
//
// Thread safety: const methods; a viewer may be shared between threads.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <unordered_set>

#include "service/snapshot/firm_snapshot.h"
#include "store/account_store.h"

namespace guild {

//! Fewest answers before a team survey's aggregate may be shown to anyone.
inline constexpr int64_t kMinSurveyRespondents = 5;

class StaffingAccess;
//! The clients whose coverage a viewer may read (CanReadClientCoverage).
struct ClientScope {
  bool all = false;                              //!< every client
  std::unordered_set<std::string_view> clients;  //!< else these ids (views into the snapshot)
};

//! Who is asking: the signed-in user.
struct Principal {
  std::string user_id;
  UserRole role = UserRole::kMember;
  std::string person_id;  //!< the user's Person, or empty
};

class Authorizer {
 public:
  //! `snapshot` must outlive the authorizer.
  explicit Authorizer(const FirmSnapshot& snapshot) : snapshot_(snapshot) {}

  //! The snapshot the rules read.
  [[nodiscard]] const FirmSnapshot& snapshot() const { return snapshot_; }

  //! The directory as a whole — its listing and its facets (practices,
  //! offices, grades with counts): every signed-in user, as every person's
  //! summary is (CanReadPerson does not depend on the viewer).
  [[nodiscard]] bool CanListDirectory(const Principal& viewer) const;
  //! The directory entry (summary, skills, teams list) of an existing person.
  [[nodiscard]] bool CanReadPerson(const Principal& viewer, std::string_view person_id) const;
  //! A person's private details (capacity, dates, tags, cost): themselves,
  //! their manager, leaders of their teams, firm leaders, administrators.
  [[nodiscard]] bool CanReadPersonDetail(const Principal& viewer, std::string_view person_id) const;
  //! A team: its members, its leaders, firm leaders, administrators.
  [[nodiscard]] bool CanReadTeam(const Principal& viewer, std::string_view team_id) const;
  //! An engagement's name, client and skill needs: firm leaders,
  //! administrators, its leader, and the members and leaders of a team that
  //! serves its client.
  [[nodiscard]] bool CanReadEngagement(const Principal& viewer, const Engagement& engagement) const;
  //! Changing a team's purpose, goals or membership: its leaders, administrators.
  [[nodiscard]] bool CanChangeTeam(const Principal& viewer, std::string_view team_id) const;
  [[nodiscard]] bool CanImport(const Principal& viewer) const;
  [[nodiscard]] bool CanManageUsers(const Principal& viewer) const;
  [[nodiscard]] bool CanReadAudit(const Principal& viewer) const;
  //! An API token: its owner only.
  [[nodiscard]] bool CanManageToken(const Principal& viewer, std::string_view owner_user_id) const;
  //! Firm-wide views (the skills market, who is idle): firm leaders, administrators.
  [[nodiscard]] bool CanReadFirmWide(const Principal& viewer) const;

  //! A team's collaboration network and shape: whoever may read the team
  //! (its members, its leaders, firm leaders, administrators).
  [[nodiscard]] bool CanReadTeamNetwork(const Principal& viewer, std::string_view team_id) const;
  //! A client's relationship coverage and succession suggestions: firm
  //! leaders, administrators, and partners (grade kDefaultGrades[0]) who lead
  //! an engagement for that client.
  [[nodiscard]] bool CanReadClientCoverage(const Principal& viewer,
                                           std::string_view client_id) const;
  //! The clients CanReadClientCoverage allows, in one pass over engagements.
  [[nodiscard]] ClientScope ClientCoverageScope(const Principal& viewer) const;
  //! Proposing a team from the collaboration network: firm leaders,
  //! administrators, and people who lead a team or an engagement.
  [[nodiscard]] bool CanFormTeams(const Principal& viewer) const;
  //! A goal (team or personal; see the header comment).
  [[nodiscard]] bool CanReadGoal(const Principal& viewer, const Goal& goal) const;
  //! CanReadGoal of the goal at this position in snapshot().data().goals,
  //! without looking its team up by id: a team page checks every goal
  //! aligned to the firm's goals (tens of thousands at firm scale).
  [[nodiscard]] bool CanReadGoalAt(const Principal& viewer, uint32_t goal) const;
  //! Changing a goal's fields, its RACI entries, or deleting it.
  [[nodiscard]] bool CanChangeGoal(const Principal& viewer, const Goal& goal) const;
  //! Writing a progress update of the goal.
  [[nodiscard]] bool CanUpdateGoalProgress(const Principal& viewer, const Goal& goal) const;
  //! Creating a personal goal for `person_id`: the person only.
  [[nodiscard]] bool CanCreatePersonalGoal(const Principal& viewer,
                                           std::string_view person_id) const;
  [[nodiscard]] bool CanReadClientLog(const Principal& viewer,
                                      std::string_view engagement_id) const;
  [[nodiscard]] bool CanWriteClientLog(const Principal& viewer,
                                       std::string_view engagement_id) const;

  //! A check-in (docs/CHECKINS.md): its author and its team's leaders.
  [[nodiscard]] bool CanReadCheckin(const Principal& viewer, std::string_view author_person_id,
                                    std::string_view team_id) const;
  //! A team's check-ins as a whole (who is overdue, nudges, trends): the
  //! team's leaders only.
  [[nodiscard]] bool CanReadTeamCheckins(const Principal& viewer, std::string_view team_id) const;
  //! Setting a team's check-in cadence (Team::checkin_cadence_days, 0 off):
  //! the team's leaders and administrators; no other role, firm leaders
  //! included (they see statuses, not how a team runs itself).
  [[nodiscard]] bool CanSetCheckinCadence(const Principal& viewer, std::string_view team_id) const;
  //! Who of a team has checked in this cycle (statuses, never contents):
  //! the team's leaders, firm leaders and administrators.
  [[nodiscard]] bool CanReadCheckinStatuses(const Principal& viewer,
                                            std::string_view team_id) const;
  //! Who of `person_id`'s reporting line (Person::manager_id, transitively)
  //! has checked in (statuses, never contents): the person themself and
  //! their managers up the line, firm leaders and administrators.
  [[nodiscard]] bool CanReadReportsCheckinStatuses(const Principal& viewer,
                                                   std::string_view person_id) const;
  //! A question routed from a check-in, and its answer: the asker, the
  //! addressee and the team's leaders; no role overrides it.
  [[nodiscard]] bool CanReadCheckinQuestion(const Principal& viewer, std::string_view asker_id,
                                            std::string_view addressee_id,
                                            std::string_view team_id) const;
  //! A feedback answer (docs/FEEDBACK.md): its asker, its author, and
  //! `shared_with_person_id` (empty: none) while LeadsPerson(it, asker).
  [[nodiscard]] bool CanReadFeedbackAnswer(const Principal& viewer,
                                           std::string_view asker_person_id,
                                           std::string_view author_person_id,
                                           std::string_view shared_with_person_id) const;
  //! A feedback request's existence and event: its asker and its reviewers.
  [[nodiscard]] bool CanReadFeedbackRequest(const Principal& viewer,
                                            std::string_view asker_person_id,
                                            std::span<const std::string> reviewer_ids) const;
  //! Sharing an answer to a feedback request: its asker only.
  [[nodiscard]] bool CanShareFeedbackAnswer(const Principal& viewer,
                                            std::string_view asker_person_id) const;
  //! Whose private ties (feedback and check-in questions, docs/NETWORKS.md
  //! "Privacy") a network view may count for `viewer`: their own person's,
  //! whatever the role (a firm leader or administrator sees no one else's);
  //! empty, none, for a user without a person.
  [[nodiscard]] std::string_view PrivateTiesOf(const Principal& viewer) const;
  //! A person's inbox (reading it, marking items read): the person only.
  [[nodiscard]] bool CanUseInbox(const Principal& viewer, std::string_view person_id) const;
  //! Volunteering `person_id` for an opening or withdrawing them (an
  //! OpeningPreference of kind kVolunteer), and the list of open openings
  //! that fit their skills or growth: the person themself only, whatever the
  //! role (nobody volunteers on another's behalf); false for a user without
  //! a person or a person who does not exist.
  [[nodiscard]] bool CanVolunteer(const Principal& viewer, std::string_view person_id) const;
  //! A mentorship: its mentee and mentor, and administrators.
  [[nodiscard]] bool CanReadMentorship(const Principal& viewer, const Mentorship& m) const;
  //! Accepting or declining a mentorship request: its mentor only.
  [[nodiscard]] bool CanAnswerMentorship(const Principal& viewer, const Mentorship& m) const;
  //! Ending a mentorship or moving its review date: its mentee or mentor.
  [[nodiscard]] bool CanChangeMentorship(const Principal& viewer, const Mentorship& m) const;
  //! Whether `leader_person_id` is one of `person_id`'s leaders: their
  //! manager or the leader of a team they are on (never themselves).
  [[nodiscard]] bool LeadsPerson(std::string_view leader_person_id,
                                 std::string_view person_id) const;
  [[nodiscard]] bool CanReadSurveyAggregate(const Principal& viewer, std::string_view team_id,
                                            int64_t respondent_count) const;
  //! One person's survey answer: its respondent only.
  [[nodiscard]] bool CanReadSurveyAnswer(const Principal& viewer,
                                         std::string_view respondent_person_id) const;

  //! Giving, changing or removing the `source` rating of `person_id`'s
  //! skills (the header comment's "Skill ratings"); false for a person who
  //! does not exist.
  [[nodiscard]] bool CanRateSkill(const Principal& viewer, std::string_view person_id,
                                  RatingSource source) const;
  //! Whether two different people share a team (as member or leader) or an
  //! engagement (assigned to one of its openings, or leading it).
  [[nodiscard]] bool ArePeers(std::string_view a_person_id, std::string_view b_person_id) const;

  //! What the viewer may do on the staffing board (staffing_access.h).
  [[nodiscard]] StaffingAccess Staffing(const Principal& viewer) const;

  // Without a caller yet, kept for the issues that call them next:
  // CanChangeTeam (team goals), CanManageToken (the admin token view, issue
  // 27), CanReadSurveyAggregate and
  // CanReadSurveyAnswer (check-ins, feedback, surveys). Each is tested.

 private:
  //! true when the viewer's person leads the team.
  [[nodiscard]] bool LeadsTeam(const Principal& viewer, std::string_view team_id) const;
  //! true when the viewer's person is on the team or leads it.
  [[nodiscard]] bool OnOrLeadsTeam(const Principal& viewer, std::string_view team_id) const;
  //! true when the viewer's person leads a team that `person_id` is on.
  [[nodiscard]] bool LeadsTeamOf(const Principal& viewer, std::string_view person_id) const;
  [[nodiscard]] bool SeesWholeFirm(const Principal& viewer) const;
  //! The engagement's leader, or on or leading one of its teams.
  [[nodiscard]] bool WorksOnEngagement(const Principal& viewer,
                                       std::string_view engagement_id) const;
  [[nodiscard]] bool IsSelf(const Principal& viewer, std::string_view person_id) const;

  const FirmSnapshot& snapshot_;
};

}  // namespace guild
