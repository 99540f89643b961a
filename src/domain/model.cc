#include "domain/model.h"

#include <array>
#include <utility>

namespace guild {

namespace {

template <typename E, size_t N>
std::string_view NameOf(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "unknown";
}

template <typename E, size_t N>
std::optional<E> ValueOf(const std::array<std::pair<E, std::string_view>, N>& table,
                         std::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

constexpr std::array<std::pair<EntityKind, std::string_view>, 25> kEntityKindNames{{
    {EntityKind::kPeople, "people"},
    {EntityKind::kSkills, "skills"},
    {EntityKind::kPersonSkills, "person-skills"},
    {EntityKind::kRoles, "roles"},
    {EntityKind::kClients, "clients"},
    {EntityKind::kEngagements, "engagements"},
    {EntityKind::kOpenings, "openings"},
    {EntityKind::kAssignments, "assignments"},
    {EntityKind::kTeams, "teams"},
    {EntityKind::kTimeEntries, "time-entries"},
    {EntityKind::kSkillHistory, "skill-history"},
    {EntityKind::kOpeningPreferences, "opening-preferences"},
    {EntityKind::kGoals, "goals"},
    {EntityKind::kGoalUpdates, "goal-updates"},
    {EntityKind::kDeliverables, "deliverables"},
    {EntityKind::kClientRelationships, "client-relationships"},
    {EntityKind::kPurposeChanges, "purpose-changes"},
    {EntityKind::kClientLog, "client-log"},
    {EntityKind::kCheckins, "checkins"},
    {EntityKind::kCheckinBlockers, "checkin-blockers"},
    {EntityKind::kCheckinQuestions, "checkin-questions"},
    {EntityKind::kFeedbackRequests, "feedback-requests"},
    {EntityKind::kFeedbackAnswers, "feedback-answers"},
    {EntityKind::kInboxItems, "inbox-items"},
    {EntityKind::kMentorships, "mentorships"},
}};
constexpr std::array<std::pair<FeedbackEventKind, std::string_view>, 4> kFeedbackEventKindNames{
    {{FeedbackEventKind::kPitch, "pitch"},
     {FeedbackEventKind::kDeliverable, "deliverable"},
     {FeedbackEventKind::kMeeting, "meeting"},
     {FeedbackEventKind::kOther, "other"}}};
constexpr std::array<std::pair<FeedbackAnswerStatus, std::string_view>, 3>
    kFeedbackAnswerStatusNames{{{FeedbackAnswerStatus::kPending, "pending"},
                                {FeedbackAnswerStatus::kAnswered, "answered"},
                                {FeedbackAnswerStatus::kDeclined, "declined"}}};
constexpr std::array<std::pair<InboxItemKind, std::string_view>, 7> kInboxItemKindNames{
    {{InboxItemKind::kNudge, "nudge"},
     {InboxItemKind::kQuestion, "question"},
     {InboxItemKind::kAnswer, "answer"},
     {InboxItemKind::kFeedbackRequest, "feedback-request"},
     {InboxItemKind::kFeedbackAnswer, "feedback-answer"},
     {InboxItemKind::kMentorshipRequest, "mentorship-request"},
     {InboxItemKind::kMentorshipAnswer, "mentorship-answer"}}};
constexpr std::array<std::pair<MentorshipStatus, std::string_view>, 4> kMentorshipStatusNames{
    {{MentorshipStatus::kRequested, "requested"},
     {MentorshipStatus::kActive, "active"},
     {MentorshipStatus::kDeclined, "declined"},
     {MentorshipStatus::kEnded, "ended"}}};
constexpr std::array<std::pair<SkillSource, std::string_view>, 3> kSkillSourceNames{
    {{SkillSource::kOnet, "onet"}, {SkillSource::kEsco, "esco"}, {SkillSource::kFirm, "firm"}}};
constexpr std::array<std::pair<SkillKind, std::string_view>, 3> kSkillKindNames{
    {{SkillKind::kSkill, "skill"},
     {SkillKind::kKnowledge, "knowledge"},
     {SkillKind::kTechnology, "technology"}}};
constexpr std::array<std::pair<RatingSource, std::string_view>, 4> kRatingSourceNames{
    {{RatingSource::kSelf, "self"},
     {RatingSource::kPeer, "peer"},
     {RatingSource::kManager, "manager"},
     {RatingSource::kAssessed, "assessed"}}};
constexpr std::array<std::pair<RoleSource, std::string_view>, 3> kRoleSourceNames{
    {{RoleSource::kFirm, "firm"}, {RoleSource::kOnet, "onet"}, {RoleSource::kEsco, "esco"}}};
constexpr std::array<std::pair<EngagementStatus, std::string_view>, 4> kEngagementStatusNames{
    {{EngagementStatus::kTentative, "tentative"},
     {EngagementStatus::kConfirmed, "confirmed"},
     {EngagementStatus::kComplete, "complete"},
     {EngagementStatus::kCancelled, "cancelled"}}};
constexpr std::array<std::pair<AssignmentStatus, std::string_view>, 2> kAssignmentStatusNames{
    {{AssignmentStatus::kTentative, "tentative"}, {AssignmentStatus::kConfirmed, "confirmed"}}};
constexpr std::array<std::pair<TimeCategory, std::string_view>, 7> kTimeCategoryNames{
    {{TimeCategory::kBillable, "billable"},
     {TimeCategory::kClientDevelopment, "client-development"},
     {TimeCategory::kLeadership, "leadership"},
     {TimeCategory::kAdmin, "admin"},
     {TimeCategory::kTraining, "training"},
     {TimeCategory::kOther, "other"},
     {TimeCategory::kTimeOff, "time-off"}}};
constexpr std::array<std::pair<PreferenceKind, std::string_view>, 3> kPreferenceKindNames{
    {{PreferenceKind::kVolunteer, "volunteer"},
     {PreferenceKind::kPinned, "pinned"},
     {PreferenceKind::kExcluded, "excluded"}}};

constexpr std::array<std::pair<TeamKind, std::string_view>, 5> kTeamKindNames{
    {{TeamKind::kOther, "other"},
     {TeamKind::kEngagement, "engagement"},
     {TeamKind::kAccount, "account"},
     {TeamKind::kPractice, "practice"},
     {TeamKind::kFirm, "firm"}}};
constexpr std::array<std::pair<RaciRole, std::string_view>, 4> kRaciRoleNames{
    {{RaciRole::kResponsible, "R"},
     {RaciRole::kAccountable, "A"},
     {RaciRole::kConsulted, "C"},
     {RaciRole::kInformed, "I"}}};
constexpr std::array<std::pair<RaciRole, std::string_view>, 4> kRaciRoleWords{
    {{RaciRole::kResponsible, "responsible"},
     {RaciRole::kAccountable, "accountable"},
     {RaciRole::kConsulted, "consulted"},
     {RaciRole::kInformed, "informed"}}};
constexpr std::array<std::pair<GoalDirection, std::string_view>, 2> kGoalDirectionNames{
    {{GoalDirection::kUp, "up"}, {GoalDirection::kDown, "down"}}};
constexpr std::array<std::pair<DeliverableStatus, std::string_view>, 4> kDeliverableStatusNames{
    {{DeliverableStatus::kPlanned, "planned"},
     {DeliverableStatus::kInProgress, "in-progress"},
     {DeliverableStatus::kDone, "done"},
     {DeliverableStatus::kCancelled, "cancelled"}}};

constexpr std::array<std::string_view, 5> kLevelNames{"Awareness", "Working", "Practitioner",
                                                      "Advanced", "Expert"};
constexpr std::array<std::string_view, 5> kLevelMeanings{
    "Knows the concepts and vocabulary; needs close guidance to apply them.",
    "Applies the skill to routine work with some supervision; knows where to look for help.",
    "Works independently on typical client work and reviews juniors' routine work.",
    "Handles complex or novel matters, coaches others and is consulted across the team.",
    "Recognised authority inside and outside the firm; sets practice standards and "
    "resolves the hardest questions."};

}  // namespace

std::string_view LevelName(int level) {
  if (level < kMinLevel || level > kMaxLevel) return "Unknown";
  return kLevelNames[level - kMinLevel];
}

std::string_view LevelMeaning(int level) {
  if (level < kMinLevel || level > kMaxLevel) return "";
  return kLevelMeanings[level - kMinLevel];
}

Residence ResidenceOf(EntityKind kind) {
  switch (kind) {
    case EntityKind::kPeople:
    case EntityKind::kSkills:
    case EntityKind::kPersonSkills:
    case EntityKind::kRoles:
    case EntityKind::kClients:
    case EntityKind::kEngagements:
    case EntityKind::kOpenings:
    case EntityKind::kAssignments:
    case EntityKind::kTeams:
    case EntityKind::kTimeEntries:
    case EntityKind::kSkillHistory:
    case EntityKind::kOpeningPreferences:
    case EntityKind::kGoals:
    case EntityKind::kDeliverables:
    case EntityKind::kClientRelationships:
    case EntityKind::kPurposeChanges:
    // A few per person at most; the mentoring round and growth read them.
    case EntityKind::kMentorships: return Residence::kMemory;
    // A year of weekly progress per goal, and years of client log entries
    // (docs/GOALS.md "What lives in memory").
    case EntityKind::kGoalUpdates:
    case EntityKind::kClientLog:
    // A year of weekly check-ins is about 26 million rows at 500,000 people
    // (docs/CHECKINS.md).
    case EntityKind::kCheckins:
    case EntityKind::kCheckinBlockers:
    case EntityKind::kCheckinQuestions:
    case EntityKind::kFeedbackRequests:
    case EntityKind::kFeedbackAnswers:
    case EntityKind::kInboxItems: return Residence::kStoreOnly;
  }
  return Residence::kMemory;
}

size_t FirmData::Count(EntityKind kind) const {
  switch (kind) {
    case EntityKind::kPeople: return people.size();
    case EntityKind::kSkills: return skills.size();
    case EntityKind::kPersonSkills: return person_skills.size();
    case EntityKind::kRoles: return roles.size();
    case EntityKind::kClients: return clients.size();
    case EntityKind::kEngagements: return engagements.size();
    case EntityKind::kOpenings: return openings.size();
    case EntityKind::kAssignments: return assignments.size();
    case EntityKind::kTeams: return teams.size();
    case EntityKind::kTimeEntries: return time_entries.size();
    case EntityKind::kSkillHistory: return skill_history.size();
    case EntityKind::kOpeningPreferences: return opening_preferences.size();
    case EntityKind::kGoals: return goals.size();
    case EntityKind::kGoalUpdates: return goal_updates.size();
    case EntityKind::kDeliverables: return deliverables.size();
    case EntityKind::kClientRelationships: return client_relationships.size();
    case EntityKind::kPurposeChanges: return purpose_changes.size();
    case EntityKind::kClientLog: return client_log.size();
    case EntityKind::kCheckins: return checkins.size();
    case EntityKind::kCheckinBlockers: return checkin_blockers.size();
    case EntityKind::kCheckinQuestions: return checkin_questions.size();
    case EntityKind::kFeedbackRequests: return feedback_requests.size();
    case EntityKind::kFeedbackAnswers: return feedback_answers.size();
    case EntityKind::kInboxItems: return inbox_items.size();
    case EntityKind::kMentorships: return mentorships.size();
  }
  return 0;
}

bool FirmData::SharesStorage(const FirmData& other, EntityKind kind) const {
  switch (kind) {
    case EntityKind::kPeople: return people.SharesWith(other.people);
    case EntityKind::kSkills: return skills.SharesWith(other.skills);
    case EntityKind::kPersonSkills: return person_skills.SharesWith(other.person_skills);
    case EntityKind::kRoles: return roles.SharesWith(other.roles);
    case EntityKind::kClients: return clients.SharesWith(other.clients);
    case EntityKind::kEngagements: return engagements.SharesWith(other.engagements);
    case EntityKind::kOpenings: return openings.SharesWith(other.openings);
    case EntityKind::kAssignments: return assignments.SharesWith(other.assignments);
    case EntityKind::kTeams: return teams.SharesWith(other.teams);
    case EntityKind::kTimeEntries: return time_entries.SharesWith(other.time_entries);
    case EntityKind::kSkillHistory: return skill_history.SharesWith(other.skill_history);
    case EntityKind::kOpeningPreferences:
      return opening_preferences.SharesWith(other.opening_preferences);
    case EntityKind::kGoals: return goals.SharesWith(other.goals);
    case EntityKind::kGoalUpdates: return goal_updates.SharesWith(other.goal_updates);
    case EntityKind::kDeliverables: return deliverables.SharesWith(other.deliverables);
    case EntityKind::kClientRelationships:
      return client_relationships.SharesWith(other.client_relationships);
    case EntityKind::kPurposeChanges: return purpose_changes.SharesWith(other.purpose_changes);
    case EntityKind::kClientLog: return client_log.SharesWith(other.client_log);
    case EntityKind::kCheckins: return checkins.SharesWith(other.checkins);
    case EntityKind::kCheckinBlockers: return checkin_blockers.SharesWith(other.checkin_blockers);
    case EntityKind::kCheckinQuestions:
      return checkin_questions.SharesWith(other.checkin_questions);
    case EntityKind::kFeedbackRequests:
      return feedback_requests.SharesWith(other.feedback_requests);
    case EntityKind::kFeedbackAnswers: return feedback_answers.SharesWith(other.feedback_answers);
    case EntityKind::kInboxItems: return inbox_items.SharesWith(other.inbox_items);
    case EntityKind::kMentorships: return mentorships.SharesWith(other.mentorships);
  }
  return false;
}

size_t FirmData::TotalCount() const {
  size_t n = 0;
  for (EntityKind k : kAllEntityKinds) n += Count(k);
  return n;
}

std::string_view ToString(EntityKind k) { return NameOf(kEntityKindNames, k); }
std::optional<EntityKind> ParseEntityKind(std::string_view s) {
  return ValueOf(kEntityKindNames, s);
}
std::string_view ToString(SkillSource s) { return NameOf(kSkillSourceNames, s); }
std::optional<SkillSource> ParseSkillSource(std::string_view s) {
  return ValueOf(kSkillSourceNames, s);
}
std::string_view ToString(SkillKind k) { return NameOf(kSkillKindNames, k); }
std::optional<SkillKind> ParseSkillKind(std::string_view s) { return ValueOf(kSkillKindNames, s); }
std::string_view ToString(RatingSource s) { return NameOf(kRatingSourceNames, s); }
std::optional<RatingSource> ParseRatingSource(std::string_view s) {
  return ValueOf(kRatingSourceNames, s);
}
std::string_view ToString(RoleSource s) { return NameOf(kRoleSourceNames, s); }
std::optional<RoleSource> ParseRoleSource(std::string_view s) {
  return ValueOf(kRoleSourceNames, s);
}
std::string_view ToString(EngagementStatus s) { return NameOf(kEngagementStatusNames, s); }
std::optional<EngagementStatus> ParseEngagementStatus(std::string_view s) {
  return ValueOf(kEngagementStatusNames, s);
}
std::string_view ToString(AssignmentStatus s) { return NameOf(kAssignmentStatusNames, s); }
std::optional<AssignmentStatus> ParseAssignmentStatus(std::string_view s) {
  return ValueOf(kAssignmentStatusNames, s);
}
std::string_view ToString(TimeCategory c) { return NameOf(kTimeCategoryNames, c); }
std::optional<TimeCategory> ParseTimeCategory(std::string_view s) {
  return ValueOf(kTimeCategoryNames, s);
}
std::string_view ToString(PreferenceKind k) { return NameOf(kPreferenceKindNames, k); }
std::optional<PreferenceKind> ParsePreferenceKind(std::string_view s) {
  return ValueOf(kPreferenceKindNames, s);
}

std::string_view ToString(TeamKind k) { return NameOf(kTeamKindNames, k); }
std::optional<TeamKind> ParseTeamKind(std::string_view s) { return ValueOf(kTeamKindNames, s); }
std::string_view ToString(RaciRole r) { return NameOf(kRaciRoleNames, r); }
std::optional<RaciRole> ParseRaciRole(std::string_view s) {
  if (s.size() == 1) {
    const char upper[2] = {static_cast<char>(s[0] >= 'a' && s[0] <= 'z' ? s[0] - 'a' + 'A' : s[0]),
                           '\0'};
    return ValueOf(kRaciRoleNames, std::string_view(upper, 1));
  }
  return ValueOf(kRaciRoleWords, s);
}
std::string_view ToString(GoalDirection d) { return NameOf(kGoalDirectionNames, d); }
std::optional<GoalDirection> ParseGoalDirection(std::string_view s) {
  return ValueOf(kGoalDirectionNames, s);
}
std::string_view ToString(DeliverableStatus s) { return NameOf(kDeliverableStatusNames, s); }
std::optional<DeliverableStatus> ParseDeliverableStatus(std::string_view s) {
  return ValueOf(kDeliverableStatusNames, s);
}
std::string_view ToString(FeedbackEventKind k) { return NameOf(kFeedbackEventKindNames, k); }
std::optional<FeedbackEventKind> ParseFeedbackEventKind(std::string_view s) {
  return ValueOf(kFeedbackEventKindNames, s);
}
std::string_view ToString(FeedbackAnswerStatus s) { return NameOf(kFeedbackAnswerStatusNames, s); }
std::optional<FeedbackAnswerStatus> ParseFeedbackAnswerStatus(std::string_view s) {
  return ValueOf(kFeedbackAnswerStatusNames, s);
}
std::string_view ToString(InboxItemKind k) { return NameOf(kInboxItemKindNames, k); }
std::optional<InboxItemKind> ParseInboxItemKind(std::string_view s) {
  return ValueOf(kInboxItemKindNames, s);
}
std::string_view ToString(MentorshipStatus s) { return NameOf(kMentorshipStatusNames, s); }
std::optional<MentorshipStatus> ParseMentorshipStatus(std::string_view s) {
  return ValueOf(kMentorshipStatusNames, s);
}

Date CheckinCycleStart(Date day, int cadence_days) {
  // Monday 2001-01-01, as days since 1970-01-01.
  constexpr int32_t kAnchor = 11323;
  const int32_t offset = day.days - kAnchor;
  int32_t cycles = offset / cadence_days;
  if (offset % cadence_days < 0) --cycles;  // floor for days before the anchor
  return Date{kAnchor + cycles * cadence_days};
}

}  // namespace guild
