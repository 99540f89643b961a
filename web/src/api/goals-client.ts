// Calls of the purpose, goals and roles endpoints, through the one HTTP
// client (api/client.ts).

import { request } from './client';
import type {
  AccountLeadership,
  Goal,
  GoalDetail,
  GoalDraft,
  LogDraft,
  LogEntry,
  LogPage,
  PersonGoals,
  ProgressDraft,
  RaciChange,
  TeamBrief,
  TeamGoals,
  TeamRoles,
} from './types';

const team = (id: string) => `/teams/${encodeURIComponent(id)}`;
const goal = (id: string) => `/goals/${encodeURIComponent(id)}`;
const engagement = (id: string) => `/engagements/${encodeURIComponent(id)}`;

export const goalsApi = {
  teamGoals: (teamId: string, signal?: AbortSignal) => request<TeamGoals>('GET', `${team(teamId)}/goals`, { signal }),
  teamRoles: (teamId: string, signal?: AbortSignal) => request<TeamRoles>('GET', `${team(teamId)}/roles`, { signal }),
  setRoles: (teamId: string, changes: RaciChange[]) =>
    request<TeamRoles>('PATCH', `${team(teamId)}/roles`, { json: { changes } }),
  /** `ifMatch`: the team's ETag as read (api.teamEtag); 412 when it changed since. */
  setPurpose: (teamId: string, purpose: string, ifMatch?: string) =>
    request<TeamGoals>('PUT', `${team(teamId)}/purpose`, { json: { purpose }, ifMatch }),
  brief: (teamId: string, signal?: AbortSignal) => request<TeamBrief>('GET', `${team(teamId)}/brief`, { signal }),
  goal: (id: string, signal?: AbortSignal) => request<GoalDetail>('GET', goal(id), { signal }),
  createGoal: (draft: GoalDraft) => request<Goal>('POST', '/goals', { json: draft }),
  updateGoal: (id: string, change: GoalDraft) => request<Goal>('PATCH', goal(id), { json: change }),
  deleteGoal: (id: string) => request<void>('DELETE', goal(id)),
  addProgress: (id: string, draft: ProgressDraft) => request<Goal>('POST', `${goal(id)}/updates`, { json: draft }),
  myGoals: (signal?: AbortSignal) => request<PersonGoals>('GET', '/me/goals', { signal }),
  personGoals: (personId: string, signal?: AbortSignal) =>
    request<PersonGoals>('GET', `/people/${encodeURIComponent(personId)}/goals`, { signal }),
  /** A page of an engagement's client log, newest first; `cursor`: the previous page's next_cursor. */
  log: (engagementId: string, limit: number, cursor?: string | null, signal?: AbortSignal) =>
    request<LogPage>('GET', `${engagement(engagementId)}/log`, { query: { limit, cursor }, signal }),
  addLog: (engagementId: string, draft: LogDraft) => request<LogEntry>('POST', `${engagement(engagementId)}/log`, { json: draft }),
  leadership: (clientId: string, signal?: AbortSignal) =>
    request<AccountLeadership>('GET', `/clients/${encodeURIComponent(clientId)}/leadership`, { signal }),
};
