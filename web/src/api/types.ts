// Response and request shapes of Guild's HTTP API v1, as documented in
// docs/API.md. Fields the server may omit or send as null are typed so.

export type Role = 'administrator' | 'firm_leader' | 'member';

export const ROLES: readonly Role[] = ['administrator', 'firm_leader', 'member'];

export interface User {
  id: string;
  email: string;
  person_id: string | null;
  name: string;
  role: Role;
  leads_teams: boolean;
}

export interface SessionInfo {
  user: User;
  csrf_token: string;
}

export interface PersonSummary {
  id: string;
  name: string;
  email: string;
  title: string;
  grade: string;
  practice: string;
  office: string;
}

export interface PersonDetail extends PersonSummary {
  manager_id: string | null;
  weekly_capacity_hours: number;
  start_date: string | null;
  end_date: string | null;
  tags: string[];
}

export interface PersonSkillView {
  skill_id: string;
  name: string;
  level: number;
  level_name: string;
  wants_to_grow: boolean;
  source: string;
  last_used: string | null;
}

export interface TeamSummary {
  id: string;
  name: string;
  purpose: string;
  leader_id: string | null;
  client_id: string | null;
  leadership_team: boolean;
  member_count: number;
}

export interface Action {
  kind: string;
  title: string;
  href: string;
}

export interface Me {
  person: PersonSummary | null;
  skills: PersonSkillView[];
  teams: TeamSummary[];
  actions: Action[];
}

export interface PersonProfile {
  person: PersonDetail;
  skills: PersonSkillView[];
  teams: TeamSummary[];
  manager: PersonSummary | null;
  reports: PersonSummary[];
}

export interface TeamMember {
  person: PersonSummary;
  role: string;
}

export interface TeamDetail {
  team: TeamSummary;
  purpose: string;
  leader: PersonSummary | null;
  members: TeamMember[];
}

export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

export interface ImportReport {
  kind: string;
  file: string;
  rows: number;
  inserted: number;
  updated: number;
  warnings: string[];
  seconds: number;
}

/** One entry of a problem's `errors` list (an import report lists every bad line). */
export interface FieldError {
  field?: string;
  location?: string;
  expected?: string;
  line?: number;
  value?: string;
  message?: string;
}

/** RFC 9457 problem details. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
  /** "Did you mean" names, on a search that named an unknown skill. */
  suggestions?: string[];
}

export interface NewUser {
  email: string;
  password: string;
  person_id?: string;
  role: Role;
}

export interface UserChange {
  role?: Role;
  disabled?: boolean;
  password?: string;
}

/** The entity kinds `POST /admin/import/{kind}` accepts (EntityKind names). */
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

/** A skill or role named by id, as the skills endpoints refer to them. */
export interface NamedRef {
  id: string;
  name: string;
}

/** A person as the skills endpoints show them (no email or title). */
export interface PersonBrief {
  id: string;
  name: string;
  grade?: string;
  practice?: string;
  office?: string;
}

export interface SkillSuggestion extends NamedRef {
  /** What matched: the name, a synonym, ... */
  match: string;
}

export interface SuggestResult {
  skills: SkillSuggestion[];
  people: NamedRef[];
}

export type SearchMode = 'all' | 'any';

export interface NeedMatch {
  need: NamedRef;
  min_level: number;
  met: boolean;
  matched: NamedRef | null;
  level: number;
  source: string;
  via: string;
}

export interface SearchHit {
  person: PersonBrief;
  needs_met: number;
  surplus: number;
  /** null when the viewer may not see this person's free hours (or no window was given). */
  free_hours: number | null;
  wants_to_grow: boolean;
  matches: NeedMatch[];
  why: string[];
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
}

export interface SearchQuery {
  /** "SKILL:LEVEL", SKILL an id or a name. */
  need: string[];
  mode?: SearchMode;
  practice?: string;
  office?: string;
  grade?: string;
  wants_to_grow?: boolean;
  from?: string;
  to?: string;
  min_free_hours?: string;
  limit?: number;
}

export interface GrowthSkill extends NamedRef {
  level: number;
  level_name: string;
  source: string;
  wants_to_grow: boolean;
}

export interface HistoryPoint {
  skill: NamedRef;
  date: string;
  level: number;
}

/** A mentor or mentee pairing, and the other lists of "Follow, lead, walk with". */
export interface MentorPairView {
  person: PersonBrief;
  skill: NamedRef;
  mentee_level: number;
  mentor_level: number;
  benefit: number;
  why: string;
}

export interface RoleModelView {
  person: PersonBrief;
  skill?: NamedRef;
  from_level?: number;
  from_date?: string;
  to_level?: number;
  to_date?: string;
  why: string;
}

export interface PeerView {
  person: PersonBrief;
  skills?: NamedRef[];
  shared?: NamedRef[];
  level_distance?: number;
  why: string;
}

export interface CircleMemberView {
  person: PersonBrief;
  why?: string;
  reason?: string;
}

export interface CircleView {
  senior?: CircleMemberView | null;
  peer?: CircleMemberView | null;
  junior?: CircleMemberView | null;
  /** First day of the next calendar quarter: when to consult the circle again. */
  next_review?: string;
  [key: string]: unknown;
}

export interface Growth {
  person: PersonBrief;
  skills: GrowthSkill[];
  history: HistoryPoint[];
  mentors: MentorPairView[];
  mentees: MentorPairView[];
  peers: PeerView[];
  role_models: RoleModelView[];
  circle: CircleView | null;
}

export type GapKind = 'missing' | 'below' | 'met';

export interface GapView {
  skill: NamedRef;
  required: number;
  have: number;
  importance: number;
  essential: boolean;
  kind: GapKind;
}

export interface RoleGaps {
  role: NamedRef;
  gaps: GapView[];
  met: GapView[];
}

export interface RoleRef extends NamedRef {
  source: string;
}

export interface RoleList {
  roles: RoleRef[];
}

export interface MarketPeriod {
  start: string;
  supply_hours: number;
  demand_hours: number;
}

export interface MarketSkill {
  skill: NamedRef;
  holders: number;
  supply_hours: number;
  demand_hours: number;
  periods: MarketPeriod[];
}

export interface KeyPersonRiskView {
  skill: NamedRef;
  /** Empty when the market is redacted for the viewer; holder_count still says how many. */
  holders: NamedRef[];
  holder_count: number;
  demand_hours: number;
}

export interface TeachingGapView {
  skill: NamedRef;
  growers: number;
  teachers: number;
}

export interface Market {
  periods: string[];
  /** true for viewers who are not firm-wide: skills with fewer than 3 holders left out, holders unnamed. */
  redacted: boolean;
  skills: MarketSkill[];
  key_person_risks: KeyPersonRiskView[];
  teaching_gaps: TeachingGapView[];
}

export interface MarketQuery {
  from?: string;
  periods?: number;
  period_weeks?: number;
  limit?: number;
}

export interface RemedyCandidateView {
  person: PersonBrief;
  level: number;
  free_hours?: number;
}

export interface RemediesView {
  redeploy: RemedyCandidateView[];
  develop: RemedyCandidateView[];
  hire: boolean;
}

// Staffing (docs/API.md, "Staffing").

export interface StaffingOpening {
  id: string;
  title: string;
  engagement: { id: string; name: string; leader: PersonBrief | null };
  client: { id: string; name: string; key_client: boolean } | null;
  practice: string;
  required: { skill: NamedRef; min_level: number }[];
  hours_per_week: number;
  start: string;
  end: string;
  headcount: number;
  seats_left: number;
  lead: boolean;
}

export interface StaffingOpenings {
  total: number;
  items: StaffingOpening[];
  next_cursor: string | null;
}

export interface PlanOpeningRef {
  id: string;
  title: string;
  engagement: NamedRef | null;
}

export interface StaffingExplanation {
  fit: { skill: NamedRef; required: number; level: number }[];
  stretch_skill: NamedRef | null;
  coach: PersonBrief | null;
  load_before: number;
  load_after: number;
  continuity: boolean;
  volunteer: boolean;
  pinned: boolean;
  key_client_partner: boolean;
  worked_with: number;
  runner_ups: { person: PersonBrief; cost: number; why_lost: string }[];
}

export interface ProposedAssignment {
  id: string;
  seat_id: string;
  person: PersonBrief;
  opening: PlanOpeningRef;
  hours_per_week: number;
  start: string;
  end: string;
  moved_from: PersonBrief | null;
  stretch: boolean;
  cost: number;
  explanation: StaffingExplanation;
}

export interface StaffingPlan {
  id: string;
  mode: 'full' | 'incremental';
  opening_id: string | null;
  created: string;
  accepted: boolean;
  today: string;
  objective: number;
  bound: number;
  gap: number;
  gap_assignable: number;
  seats: number;
  candidates: number;
  options: { horizon_weeks: number; capacity_ceiling: number; time_limit_seconds: number };
  steps: { name: string; seconds: number; effect: string }[];
  assignments: ProposedAssignment[];
  unfilled: { seat_id: string; opening: PlanOpeningRef; reason: string }[];
  issues: { constraint: string; subject_id: string; message: string }[];
}

export interface PlanRequest {
  mode: 'full' | 'incremental';
  opening_id?: string;
  options?: { horizon_weeks?: number; capacity_ceiling?: number; time_limit_seconds?: number };
}

export interface AcceptResult {
  plan_id: string;
  created: number;
  moved: number;
  /** entries written with another person than proposed */
  changed: number;
  assignment_ids: string[];
}

export interface CapacityWeek {
  capacity: number;
  confirmed: number;
  tentative: number;
  time_off: number;
}

export interface CapacityPage {
  weeks: string[];
  items: { person: PersonBrief; weeks: CapacityWeek[] }[];
  next_cursor: string | null;
}

export interface CapacityQuery {
  from?: string;
  weeks?: number;
  practice?: string;
  office?: string;
  /** Only these person ids. */
  person?: string[];
  limit?: number;
  cursor?: string | null;
}
