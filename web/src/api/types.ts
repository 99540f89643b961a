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
