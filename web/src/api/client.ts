// The one place the web application talks HTTP to the Guild server.
//
// Every call resolves with the typed body or rejects with an ApiError that
// carries the server's problem details (or one made up for network failures
// and non-problem answers). Writes send the CSRF token obtained at sign-in.
// A 401 on any call but sign-in itself calls the handler installed with
// setUnauthorizedHandler (the app sends the user to the sign-in page).

import type {
  AcceptResult,
  CapacityPage,
  CapacityQuery,
  PlanRequest,
  StaffingOpenings,
  StaffingPlan,
  MyOpenings,
  VolunteerState,
  Growth,
  PersonSkillRatings,
  RatingSource,
  SkillRatingDraft,
  ImportKind,
  Market,
  MarketQuery,
  RemediesView,
  RoleGaps,
  GapActions,
  RoleList,
  SearchQuery,
  SearchResult,
  SuggestResult,
  ImportReport,
  Me,
  NewUser,
  PersonProfile,
  Problem,
  SessionInfo,
  TeamDetail,
  PeoplePage,
  PeopleFacets,
  TeamsPage,
  User,
  UsersPage,
  UserChange,
} from './types';
import type { ClientDetail, ClientList, FirmNetwork, FormedTeam, FormTeamQuery, TeamNetwork } from './types';
import { HttpStatus } from './status';

const API_ROOT = '/api/v1';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;
  constructor(problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.status = problem.status;
    this.problem = problem;
  }
}

let csrfToken: string | null = null;
let unauthorizedHandler: (() => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  unauthorizedHandler = handler;
}

type Query = Record<string, string | number | null | undefined | string[]>;

interface RequestOptions {
  query?: Query;
  json?: unknown;
  body?: Blob;
  contentType?: string;
  signal?: AbortSignal;
  /** Do not call the unauthorized handler on 401 (sign-in, session probe). */
  quietUnauthorized?: boolean;
  /** Sent as If-Match: the write is refused (412) when the resource changed since. */
  ifMatch?: string;
}

export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (Array.isArray(value)) for (const v of value) params.append(key, v);
    else if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_ROOT}${path}${search ? `?${search}` : ''}`;
}

async function toProblem(response: Response): Promise<Problem> {
  const fallback: Problem = {
    type: 'about:blank',
    title: response.statusText || `HTTP ${response.status}`,
    status: response.status,
    detail: '',
  };
  const text = await response.text().catch(() => '');
  if (!text) return fallback;
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    return { ...fallback, ...parsed, status: parsed.status ?? response.status };
  } catch {
    return { ...fallback, detail: text.slice(0, 300) };
  }
}

/** The successful response of a call, or a rejection with its ApiError. */
async function send(method: string, path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.ifMatch) headers['If-Match'] = options.ifMatch;
  let body: BodyInit | undefined;
  if (options.json !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.body) {
    headers['Content-Type'] = options.contentType ?? 'application/octet-stream';
    body = options.body;
  }
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({
      type: 'about:blank',
      title: 'Cannot reach the Guild server',
      status: HttpStatus.network,
      detail: 'Check your connection and try again.',
    });
  }
  if (!response.ok) {
    const problem = await toProblem(response);
    if (response.status === HttpStatus.unauthorized && !options.quietUnauthorized) {
      unauthorizedHandler?.();
    }
    throw new ApiError(problem);
  }
  return response;
}

export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(method, path, options);
  if (response.status === HttpStatus.noContent) return undefined as T;
  return (await response.json()) as T;
}

/** The ETag of a GET (the version to send back as If-Match), or '' when it has none. */
export async function requestEtag(path: string, signal?: AbortSignal): Promise<string> {
  const response = await send('GET', path, { signal });
  return response.headers.get('ETag') ?? '';
}

export interface PeopleFilter {
  q?: string;
  practice?: string;
  office?: string;
  grade?: string;
}

export const api = {
  signIn: (email: string, password: string) =>
    request<SessionInfo>('POST', '/session', { json: { email, password }, quietUnauthorized: true }),
  session: () => request<SessionInfo>('GET', '/session', { quietUnauthorized: true }),
  signOut: () => request<void>('DELETE', '/session', { quietUnauthorized: true }),

  me: (signal?: AbortSignal) => request<Me>('GET', '/me', { signal }),
  peopleFacets: (signal?: AbortSignal) => request<PeopleFacets>('GET', '/people/facets', { signal }),
  people: (filter: PeopleFilter, limit: number, cursor?: string | null, signal?: AbortSignal) =>
    request<PeoplePage>('GET', '/people', {
      query: { ...filter, limit, cursor },
      signal,
    }),
  person: (id: string, signal?: AbortSignal) =>
    request<PersonProfile>('GET', `/people/${encodeURIComponent(id)}`, { signal }),
  teams: (limit: number, cursor?: string | null, signal?: AbortSignal) =>
    request<TeamsPage>('GET', '/teams', { query: { limit, cursor }, signal }),
  team: (id: string, signal?: AbortSignal) =>
    request<TeamDetail>('GET', `/teams/${encodeURIComponent(id)}`, { signal }),
  /** The team's ETag: its version, for If-Match on the team writes (purpose, cadence). */
  teamEtag: (id: string, signal?: AbortSignal) => requestEtag(`/teams/${encodeURIComponent(id)}`, signal),

  /** The file's own name goes with it (`file`), so the report and its errors name what was uploaded. */
  importFile: (kind: ImportKind, file: File, format: 'csv' | 'json') =>
    request<ImportReport>('POST', `/admin/import/${encodeURIComponent(kind)}`, {
      query: { format, file: file.name },
      body: file,
      contentType: format === 'csv' ? 'text/csv' : 'application/json',
    }),
  // Skills insights.
  suggestSkills: (q: string, limit: number, signal?: AbortSignal) =>
    request<SuggestResult>('GET', '/skills/suggest', { query: { q, limit }, signal }),
  searchPeople: (query: SearchQuery, signal?: AbortSignal) =>
    request<SearchResult>('GET', '/skills/search', {
      query: { ...query, wants_to_grow: query.wants_to_grow ? 'true' : undefined },
      signal,
    }),
  skillRatings: (personId: string, signal?: AbortSignal) =>
    request<PersonSkillRatings>('GET', `/people/${encodeURIComponent(personId)}/skill-ratings`, { signal }),
  rateSkill: (personId: string, draft: SkillRatingDraft) =>
    request<PersonSkillRatings>('PUT', `/people/${encodeURIComponent(personId)}/skill-ratings`, { json: draft }),
  unrateSkill: (personId: string, skillId: string, source: RatingSource) =>
    request<PersonSkillRatings>('DELETE', `/people/${encodeURIComponent(personId)}/skill-ratings`, { query: { skill_id: skillId, source } }),
  growth: (personId: string, signal?: AbortSignal) =>
    request<Growth>('GET', `/people/${encodeURIComponent(personId)}/growth`, { signal }),
  gaps: (personId: string, roleId: string, signal?: AbortSignal) =>
    request<RoleGaps>('GET', `/people/${encodeURIComponent(personId)}/gaps`, { query: { role: roleId }, signal }),
  gapActions: (personId: string, roleId: string, signal?: AbortSignal) =>
    request<GapActions>('GET', `/people/${encodeURIComponent(personId)}/gap-actions`, { query: { role: roleId }, signal }),
  roles: (q: string, limit: number, signal?: AbortSignal) =>
    request<RoleList>('GET', '/roles', { query: { q, limit }, signal }),
  market: (query: MarketQuery, signal?: AbortSignal) =>
    request<Market>('GET', '/skills/market', { query: { ...query }, signal }),
  remedies: (skillId: string, level: number, signal?: AbortSignal) =>
    request<RemediesView>('GET', `/skills/${encodeURIComponent(skillId)}/remedies`, { query: { level }, signal }),

  // Staffing.
  staffingOpenings: (filter: { engagement?: string; practice?: string }, limit: number, cursor?: string | null, signal?: AbortSignal) =>
    request<StaffingOpenings>('GET', '/staffing/openings', { query: { ...filter, limit, cursor }, signal }),
  // Volunteering: my own openings, volunteer, withdraw.
  myOpenings: (limit: number, cursor?: string | null, signal?: AbortSignal) =>
    request<MyOpenings>('GET', '/me/openings', { query: { limit, cursor }, signal }),
  volunteer: (openingId: string) => request<VolunteerState>('PUT', `/openings/${encodeURIComponent(openingId)}/volunteer`),
  withdraw: (openingId: string) => request<VolunteerState>('DELETE', `/openings/${encodeURIComponent(openingId)}/volunteer`),
  proposePlan: (plan: PlanRequest) => request<StaffingPlan>('POST', '/staffing/plans', { json: plan }),
  staffingPlan: (id: string, signal?: AbortSignal) =>
    request<StaffingPlan>('GET', `/staffing/plans/${encodeURIComponent(id)}`, { signal }),
  /** assignmentIds: omit for every entry; changes: entry id -> person id seated instead. */
  acceptPlan: (id: string, assignmentIds?: string[], changes?: Record<string, string>) =>
    request<AcceptResult>('POST', `/staffing/plans/${encodeURIComponent(id)}/accept`, {
      json: {
        ...(assignmentIds ? { assignment_ids: assignmentIds } : {}),
        ...(changes && Object.keys(changes).length > 0 ? { changes } : {}),
      },
    }),
  capacity: (query: CapacityQuery, signal?: AbortSignal) =>
    request<CapacityPage>('GET', '/staffing/capacity', { query: { ...query }, signal }),

  // Collaboration networks.
  teamNetwork: (id: string, period: { from?: string; to?: string }, signal?: AbortSignal) =>
    request<TeamNetwork>('GET', `/teams/${encodeURIComponent(id)}/network`, { query: { ...period }, signal }),
  firmNetwork: (query: { practice?: string; from?: string; to?: string }, signal?: AbortSignal) =>
    request<FirmNetwork>('GET', '/network', { query: { ...query }, signal }),
  clients: (query: { flagged?: boolean; key?: boolean }, signal?: AbortSignal) =>
    request<ClientList>('GET', '/clients', {
      query: { flagged: query.flagged ? 'true' : undefined, key: query.key ? 'true' : undefined },
      signal,
    }),
  clientCoverage: (id: string, signal?: AbortSignal) =>
    request<ClientDetail>('GET', `/clients/${encodeURIComponent(id)}/coverage`, { signal }),
  formTeam: (query: FormTeamQuery, signal?: AbortSignal) =>
    request<FormedTeam>('GET', '/team-formation', { query: { ...query }, signal }),

  users: (limit: number, cursor?: string | null, signal?: AbortSignal) =>
    request<UsersPage>('GET', '/admin/users', { query: { limit, cursor }, signal }),
  createUser: (user: NewUser) => request<User>('POST', '/admin/users', { json: user }),
  updateUser: (id: string, change: UserChange) =>
    request<User>('PATCH', `/admin/users/${encodeURIComponent(id)}`, { json: change }),
};
