// Calls of the feedback-request and inbox endpoints (docs/FEEDBACK.md),
// through the one HTTP client (api/client.ts).

import { request } from './client';
import type {
  FeedbackAnswer,
  FeedbackAnswerDraft,
  FeedbackRequest,
  FeedbackRequestDraft,
  FeedbackRequestList,
  FeedbackRole,
  InboxItem,
  InboxPage,
  InboxReadAll,
  SuggestedReviewers,
} from './types';

const feedback = (id: string) => `/feedback-requests/${encodeURIComponent(id)}`;

export const feedbackApi = {
  list: (role: FeedbackRole, signal?: AbortSignal) => request<FeedbackRequestList>('GET', '/feedback-requests', { query: { role }, signal }),
  get: (id: string, signal?: AbortSignal) => request<FeedbackRequest>('GET', feedback(id), { signal }),
  ask: (draft: FeedbackRequestDraft) => request<FeedbackRequest>('POST', '/feedback-requests', { json: draft }),
  answer: (id: string, draft: FeedbackAnswerDraft) => request<FeedbackAnswer>('PUT', `${feedback(id)}/answer`, { json: draft }),
  share: (id: string, reviewerId: string, leaderId: string) =>
    request<FeedbackAnswer>('POST', `${feedback(id)}/answers/${encodeURIComponent(reviewerId)}/share`, { json: { leader_id: leaderId } }),
  suggested: (eventDate: string, engagement: string, signal?: AbortSignal) =>
    request<SuggestedReviewers>('GET', '/feedback-requests/suggested-reviewers', {
      query: { event_date: eventDate, engagement: engagement || undefined },
      signal,
    }),
};

export const inboxApi = {
  page: (cursor?: string | null, signal?: AbortSignal) => request<InboxPage>('GET', '/inbox', { query: { cursor: cursor ?? undefined }, signal }),
  markRead: (id: string) => request<InboxItem>('POST', `/inbox/${encodeURIComponent(id)}/read`),
  markAllRead: () => request<InboxReadAll>('POST', '/inbox/read-all'),
};

/** @clientOnly the event an app-wide listener hears when the inbox's unread count may have changed */
export const INBOX_CHANGED = 'guild:inbox-changed';

export function announceInboxChange(): void {
  window.dispatchEvent(new Event(INBOX_CHANGED));
}
