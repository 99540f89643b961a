// Shapes of Guild's HTTP API v1, derived from the OpenAPI document
// (src/api/openapi.json): `openapi.gen.ts` is generated from it by
// openapi-typescript before every build and type check (`npm run gen:api`), so
// a shape the document changes changes here, and tsc points at every page
// that relies on the old one. API shapes are never written by hand in this
// file: name a component schema (`Schema<'User'>`), an operation's answer
// (`Answer<'getPersonGrowth'>`), its body (`RequestBody<'createUser'>`) or
// its query (`QueryOf<'searchPeopleBySkill'>`), or a part of one. What is not
// an API shape (constants, form state) is marked `@clientOnly`; the contract
// check (web/contract/types.test.mjs) enforces both rules.

import type { components, operations } from './openapi.gen';

type Schemas = components['schemas'];
type OperationId = keyof operations;

/** A named schema of the document's components. */
export type Schema<Name extends keyof Schemas> = Schemas[Name];

type JsonContent<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;

/** The JSON body of an operation's answer with status `Status` (200 by default). */
export type Answer<Op extends OperationId, Status extends keyof operations[Op]['responses'] = 200 extends keyof operations[Op]['responses'] ? 200 : never> = JsonContent<
  operations[Op]['responses'][Status]
>;

/** The JSON body an operation takes. */
export type RequestBody<Op extends OperationId> = JsonContent<NonNullable<operations[Op]['requestBody']>>;

/** The query parameters an operation takes. */
export type QueryOf<Op extends OperationId> = NonNullable<operations[Op]['parameters']['query']>;

type Item<List> = List extends readonly (infer T)[] ? T : never;

// ---------- Session, users, directory ----------

export type Role = Schema<'Role'>;
/** @clientOnly the roles in the order the role pickers list them */
export const ROLES: readonly Role[] = ['administrator', 'firm_leader', 'member'];

export type User = Schema<'User'>;
export type SessionInfo = Schema<'Session'>;
export type NewUser = RequestBody<'createUser'>;
export type UserChange = RequestBody<'updateUser'>;

export type PersonSummary = Schema<'PersonSummary'>;
export type PersonDetail = Schema<'PersonDetail'>;
export type PersonSkillView = Schema<'PersonSkillView'>;
export type TeamSummary = Schema<'TeamSummary'>;
export type Action = Schema<'Action'>;
export type Me = Schema<'Me'>;
export type PersonProfile = Schema<'PersonProfile'>;
export type TeamDetail = Schema<'TeamProfile'>;
export type TeamMember = Item<TeamDetail['members']>;
export type PeoplePage = Answer<'listPeople'>;
export type PeopleFacets = Answer<'getPeopleFacets'>;
export type FacetValue = Schema<'FacetValue'>;
export type TeamsPage = Answer<'listTeams'>;
export type UsersPage = Answer<'listUsers'>;

// ---------- Imports and problems ----------

export type ImportReport = Schema<'ImportReport'>;
/** RFC 9457 problem details. */
export type Problem = Schema<'Problem'>;
/** One entry of a problem's `errors` list. */
export type FieldError = Item<NonNullable<Problem['errors']>>;

/** @clientOnly the entity kinds `POST /admin/import/{kind}` accepts (EntityKind names), in menu order */
export const IMPORT_KINDS = [
  'people',
  'skills',
  'person-skills',
  'roles',
  'clients',
  'engagements',
  'openings',
  'assignments',
  'teams',
  'time-entries',
  'skill-history',
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

// ---------- Skills insights (docs/API.md, "Skills") ----------

export type SuggestResult = Answer<'suggestSkills'>;
export type SkillSuggestion = Item<SuggestResult['skills']>;

export type SearchResult = Answer<'searchPeopleBySkill'>;
export type SearchHit = Item<SearchResult['hits']>;
export type NeedMatch = Item<SearchHit['matches']>;
export type SearchQuery = QueryOf<'searchPeopleBySkill'>;
export type SearchMode = NonNullable<SearchQuery['mode']>;

export type Growth = Answer<'getPersonGrowth'>;
/** A person as the skills endpoints show them (no email or title). */
export type PersonBrief = Growth['person'];
/** A skill, role or engagement named by id. */
export type NamedRef = Item<Growth['history']>['skill'];
export type GrowthSkill = Item<Growth['skills']>;
export type HistoryPoint = Item<Growth['history']>;
/** A mentor or mentee pairing. */
export type MentorPairView = Item<Growth['mentors']>;
export type RoleModelView = Item<Growth['role_models']>;
export type PeerView = Item<Growth['peers']>;
export type CircleView = NonNullable<Growth['circle']>;
export type CircleMemberView = NonNullable<CircleView['senior']>;

export type RoleGaps = Answer<'getPersonGaps'>;
export type GapView = Item<RoleGaps['gaps']>;
export type GapKind = GapView['kind'];
export type GapActions = Answer<'getPersonGapActions'>;
export type GapActionsView = Item<GapActions['gaps']>;
export type RoleList = Answer<'listRoles'>;
export type RoleRef = Item<RoleList['roles']>;

export type Market = Answer<'getSkillsMarket'>;
export type MarketSkill = Item<Market['skills']>;
export type MarketPeriod = Item<MarketSkill['periods']>;
export type KeyPersonRiskView = Item<Market['key_person_risks']>;
export type TeachingGapView = Item<Market['teaching_gaps']>;
export type MarketQuery = QueryOf<'getSkillsMarket'>;

export type RemediesView = Answer<'getSkillRemedies'>;
export type RemedyCandidateView = Item<RemediesView['redeploy']>;

// ---------- Staffing (docs/API.md, "Staffing") ----------

export type StaffingOpenings = Answer<'listStaffingOpenings'>;
export type StaffingOpening = Schema<'StaffingOpening'>;
export type StaffingPlan = Schema<'StaffingPlan'>;
export type ProposedAssignment = Schema<'StaffingAssignment'>;
export type StaffingExplanation = ProposedAssignment['explanation'];
export type PlanOpeningRef = ProposedAssignment['opening'];
export type PlanRequest = Schema<'PlanRequest'>;
export type AcceptResult = Answer<'acceptStaffingPlan'>;
export type CapacityPage = Answer<'getStaffingCapacity'>;
export type CapacityWeek = Item<Item<CapacityPage['items']>['weeks']>;
export type CapacityQuery = QueryOf<'getStaffingCapacity'>;

// ---------- Volunteering (docs/API.md, "Volunteering") ----------

export type MyOpenings = Answer<'listMyOpenings'>;
export type OpeningForMe = Schema<'OpeningForMe'>;
export type OpeningFitKind = OpeningForMe['fit'];
export type VolunteerState = Schema<'VolunteerState'>;

// ---------- Collaboration networks (docs/API.md, "Networks") ----------

export type NetworkMetrics = Schema<'NetworkMetrics'>;
export type NetworkShape = Schema<'NetworkShape'>;
export type ShapeName = NetworkShape['name'];
export type TeamNetwork = Answer<'getTeamNetwork'>;
export type NetworkNode = Item<TeamNetwork['nodes']>;
export type NetworkEdge = Item<TeamNetwork['edges']>;
export type TimelinePoint = Item<TeamNetwork['timeline']>;
export type FirmNetwork = Answer<'getFirmNetwork'>;
export type ClientList = Answer<'listClientCoverage'>;
export type ClientCoverage = Schema<'ClientCoverage'>;
export type RelationshipHolder = Item<ClientCoverage['holders']>;
export type Strength = RelationshipHolder['strength'];
export type Risk = ClientCoverage['risk'];
export type ClientDetail = Answer<'getClientCoverage'>;
export type Successor = Item<ClientDetail['successors']>;
export type FormedTeam = Answer<'formTeam'>;
export type FormTeamQuery = QueryOf<'formTeam'>;
export type Objective = NonNullable<FormTeamQuery['objective']>;

// ---------- Purpose, goals and roles (docs/API.md, "Goals and roles") ----------

export type Goal = Schema<'Goal'>;
export type GoalStatus = Goal['status'];
export type RaciEntry = Schema<'RaciEntry'>;
export type RaciRole = RaciEntry['role'];
export type PurposeChange = Schema<'PurposeChange'>;
export type TeamGoals = Schema<'TeamGoals'>;
export type TeamRoles = Schema<'TeamRoles'>;
export type RaciRow = Item<TeamRoles['rows']>;
export type RaciRowKind = RaciRow['kind'];
export type RaciCell = Item<RaciRow['cells']>;
export type RaciWarning = Schema<'RaciWarning'>;
export type RaciChange = Item<Schema<'RaciChanges'>['changes']>;
export type LogEntry = Schema<'LogEntry'>;
export type LogPage = Answer<'getClientLog'>;
export type LogDraft = Schema<'LogDraft'>;
export type LogEngagement = Item<TeamGoals['log_engagements']>;
export type TeamBrief = Schema<'TeamBrief'>;
export type PersonGoals = Schema<'PersonGoals'>;
export type GoalDetail = Schema<'GoalDetail'>;
export type GoalUpdate = Item<GoalDetail['updates']>;
export type GoalDraft = Schema<'GoalDraft'>;
export type ProgressDraft = Schema<'ProgressDraft'>;
export type AccountLeadership = Schema<'AccountLeadership'>;
export type DeliverableStatus = Schema<'Deliverable'>['status'];

// ---------- Check-ins (docs/CHECKINS.md) ----------

export type Checkin = Schema<'Checkin'>;
export type CheckinBlocker = Schema<'CheckinBlocker'>;
export type CheckinQuestion = Schema<'CheckinQuestion'>;
export type CheckinCycle = Schema<'CheckinCycle'>;
export type CheckinDetail = Schema<'CheckinDetail'>;
export type CheckinDraft = Schema<'CheckinDraft'>;
export type MemberCheckin = Schema<'MemberCheckin'>;
export type CheckinStatus = MemberCheckin['status'];
export type ExcludedBecause = MemberCheckin['excluded_because'];
export type MyCheckins = Schema<'MyCheckins'>;
export type MyTeamCheckin = Item<MyCheckins['teams']>;
export type TeamCheckins = Schema<'TeamCheckins'>;
export type LingeringBlocker = Item<TeamCheckins['lingering_blockers']>;
export type OverdueCheckins = Schema<'OverdueCheckins'>;
export type CheckinTrends = Schema<'CheckinTrends'>;
export type CheckinTrendCycle = Item<CheckinTrends['cycles']>;
export type NudgeResult = Answer<'nudgeTeamCheckins'>;
export type CalendarFeed = Schema<'CalendarFeed'>;
export type CalendarFeedState = Schema<'CalendarFeedState'>;
export type CheckinCadence = Answer<'setTeamCheckinCadence'>;
export type QuestionList = Answer<'listCheckinQuestions'>;
export type QuestionAnswer = RequestBody<'answerCheckinQuestion'>;

// ---------- Feedback requests and the inbox (docs/FEEDBACK.md) ----------

export type FeedbackRequest = Schema<'FeedbackRequest'>;
export type FeedbackAnswer = Schema<'FeedbackAnswer'>;
export type FeedbackAnswerStatus = FeedbackAnswer['status'];
export type FeedbackRequestDraft = Schema<'FeedbackRequestDraft'>;
export type FeedbackAnswerDraft = Schema<'FeedbackAnswerDraft'>;
export type FeedbackEventKind = FeedbackRequest['event_kind'];
export type FeedbackRequestList = Answer<'listFeedbackRequests'>;
export type FeedbackRole = NonNullable<QueryOf<'listFeedbackRequests'>['role']>;
export type SuggestedReviewers = Answer<'suggestFeedbackReviewers'>;
export type SuggestedReviewer = Item<SuggestedReviewers['items']>;
export type InboxItem = Schema<'InboxItem'>;
export type PersonRef = Schema<'PersonRef'>;
export type InboxPage = Answer<'getInbox'>;
export type InboxReadAll = Answer<'markInboxRead'>;

// ---------- Mentorships (issue 23) ----------

export type Mentorship = Schema<'Mentorship'>;
export type MentorshipStatus = Mentorship['status'];
export type MentorshipDraft = Schema<'MentorshipDraft'>;
export type MentorshipReview = Schema<'MentorshipReview'>;
export type MyMentorships = Answer<'listMyMentorships'>;

// ---------- Skill ratings (docs/SKILLS.md) ----------

export type PersonSkillRatings = Answer<'getSkillRatings'>;
export type HeldSkillRating = Item<PersonSkillRatings['skills']>;
export type SkillRatingDraft = RequestBody<'putSkillRating'>;
export type RatingSource = SkillRatingDraft['source'];
export type LevelDescription = Item<PersonSkillRatings['levels']>;
