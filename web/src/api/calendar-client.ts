// Calls of the calendar feed endpoints (docs/NOTIFICATIONS.md, "Calendar
// feed"), through the one HTTP client (api/client.ts).

import { request } from './client';
import type { CalendarFeed, CalendarFeedState } from './types';

export const calendarApi = {
  state: (signal?: AbortSignal) => request<CalendarFeedState>('GET', '/me/calendar-feed', { signal }),
  rotate: () => request<CalendarFeed>('POST', '/me/calendar-feed'),
};
