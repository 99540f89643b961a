// Calls of the check-in endpoints (docs/CHECKINS.md), through the one HTTP
// client (api/client.ts).

import { request } from './client';
import type {
  Checkin,
  CheckinCadence,
  CheckinDetail,
  CheckinDraft,
  CheckinQuestion,
  CheckinTrends,
  MyCheckins,
  NudgeResult,
  OverdueCheckins,
  QuestionList,
  TeamCheckins,
} from './types';

const team = (id: string) => `/teams/${encodeURIComponent(id)}/checkins`;

export const checkinsApi = {
  mine: (signal?: AbortSignal) => request<MyCheckins>('GET', '/checkins/me', { signal }),
  overdue: (signal?: AbortSignal) => request<OverdueCheckins>('GET', '/checkins/overdue', { signal }),
  checkin: (id: string, signal?: AbortSignal) => request<CheckinDetail>('GET', `/checkins/${encodeURIComponent(id)}`, { signal }),
  save: (teamId: string, draft: CheckinDraft) => request<Checkin>('PUT', `${team(teamId)}/me`, { json: draft }),
  team: (teamId: string, signal?: AbortSignal) => request<TeamCheckins>('GET', team(teamId), { signal }),
  /** `days` null: none given (the API names the missing field). `ifMatch`: the
   * team's ETag as read (api.teamEtag); 412 when the team changed since. */
  setCadence: (teamId: string, days: number | null, ifMatch?: string) =>
    request<CheckinCadence>('PUT', `/teams/${encodeURIComponent(teamId)}/checkin-cadence`, { json: { days }, ifMatch }),
  nudge: (teamId: string) => request<NudgeResult>('POST', `${team(teamId)}/nudge`),
  trends: (teamId: string, cycles: number, signal?: AbortSignal) =>
    request<CheckinTrends>('GET', `${team(teamId)}/trends`, { query: { cycles }, signal }),
  questionsToMe: (signal?: AbortSignal) => request<QuestionList>('GET', '/checkin-questions', { query: { to: 'me' }, signal }),
  answer: (questionId: string, answer: string) =>
    request<CheckinQuestion>('POST', `/checkin-questions/${encodeURIComponent(questionId)}/answer`, { json: { answer } }),
};
