// Calls of the mentorship endpoints (issue 23: mentoring as a flow), through
// the one HTTP client (api/client.ts).

import { request } from './client';
import type { Mentorship, MentorshipDraft, MyMentorships } from './types';

const mentorship = (id: string) => `/mentorships/${encodeURIComponent(id)}`;

export const mentoringApi = {
  mine: (signal?: AbortSignal) => request<MyMentorships>('GET', '/me/mentorships', { signal }),
  ask: (draft: MentorshipDraft) => request<Mentorship>('POST', '/mentorships', { json: draft }),
  accept: (id: string) => request<Mentorship>('POST', `${mentorship(id)}/accept`),
  decline: (id: string) => request<Mentorship>('POST', `${mentorship(id)}/decline`),
  end: (id: string) => request<Mentorship>('POST', `${mentorship(id)}/end`),
  setReviewDate: (id: string, reviewOn: string) => request<Mentorship>('PUT', `${mentorship(id)}/review-date`, { json: { review_on: reviewOn } }),
};
