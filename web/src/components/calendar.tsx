// The "Calendar" section (on the Inbox page): whether I have a calendar
// feed and since when, a button that makes one (or a new one, which stops
// the old URL), and the secret URL shown once with a copy button. Only the
// token's hash is kept on the server, so a URL cannot be shown again: a new
// one replaces it (docs/NOTIFICATIONS.md, "Calendar feed").

import { useRef, useState } from 'preact/hooks';
import type { ApiError } from '../api/client';
import { calendarApi } from '../api/calendar-client';
import { AsyncSection } from './async';
import { dayOf } from './checkins';
import { Card, ErrorMessage } from './status';
import { toApiError, useReloadable } from '../lib/useAsync';

/** The feed URL the browser can subscribe to: the API's path on this origin. */
function absoluteUrl(path: string): string {
  return new URL(path, window.location.origin).toString();
}

/** Copies `text`; false when the browser refuses (no clipboard permission). */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // Without the clipboard API, select the field for Ctrl+C.
    input?.focus();
    input?.select();
    return false;
  }
}

function FeedUrl({ url }: { url: string }) {
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState('');
  const copy = async () => {
    setCopied((await copyText(url, input.current)) ? 'Copied.' : 'Copying is not allowed here: the URL is selected, press Ctrl+C.');
  };
  return (
    <div class="calendar-feed__url">
      <label for="calendar-feed-url">Your feed URL (shown only now)</label>
      <div class="inline-row">
        <input
          id="calendar-feed-url"
          ref={input}
          type="text"
          readOnly
          value={url}
          aria-describedby="calendar-feed-url-hint"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button type="button" class="button button--small" onClick={() => void copy()}>
          Copy
        </button>
      </div>
      <p id="calendar-feed-url-hint" class="field__hint">
        Subscribe to it in your calendar app. Keep it private: whoever has it sees your check-in due days and the feedback asked of you.
      </p>
      <p class="calendar-feed__copied" role="status" aria-live="polite">
        {copied}
      </p>
    </div>
  );
}

export function CalendarFeedSection() {
  const [state, { reload }] = useReloadable((signal) => calendarApi.state(signal), []);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const rotate = async () => {
    setBusy(true);
    setError(null);
    try {
      const made = await calendarApi.rotate();
      setUrl(absoluteUrl(made.url));
      reload();
      // The URL is what the user came for: take the focus there.
      setTimeout(() => document.getElementById('calendar-feed-url')?.focus(), 0);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title="Calendar" id="calendar-feed">
      <AsyncSection state={state} loading="Loading your calendar feed…" failed="The calendar feed could not be loaded">
        {(feed) => (
          <div class="calendar-feed" data-exists={feed.exists ? 'true' : 'false'}>
            <p class="calendar-feed__state">
              {feed.exists && feed.created_at
                ? `You have a calendar feed, made on ${dayOf(feed.created_at)}.`
                : 'You have no calendar feed yet.'}{' '}
              It lists your check-in due days and the feedback asked of you, for any calendar app.
            </p>
            {feed.exists && (
              <p class="calendar-feed__warning" id="calendar-feed-warning">
                <strong>A new URL breaks the old one:</strong> calendars subscribed to the old URL stop updating. The URL is shown only once,
                when it is made.
              </p>
            )}
            <button
              type="button"
              class="button button--small"
              disabled={busy}
              aria-describedby={feed.exists ? 'calendar-feed-warning' : undefined}
              onClick={() => void rotate()}
            >
              {feed.exists ? 'Make a new feed URL' : 'Create my calendar feed'}
            </button>
            {url && <FeedUrl url={url} />}
            {error && <ErrorMessage error={error} title="No feed URL was made" />}
          </div>
        )}
      </AsyncSection>
    </Card>
  );
}
