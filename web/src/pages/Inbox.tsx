// Inbox (/inbox): my items newest first (nudges, questions routed to me and
// their answers, feedback requests and answers), unread ones marked; each
// links to where it acts and is marked read on the way; "Mark read" per item
// and "Mark all read"; older items on "Show older". The nav's badge shows the
// unread count. Below, the "Calendar" section (components/calendar.tsx): my
// calendar feed, made or replaced here.

import { useEffect, useState } from 'preact/hooks';
import type { ApiError } from '../api/client';
import { announceInboxChange, inboxApi } from '../api/feedback-client';
import type { InboxItem, InboxPage } from '../api/types';
import { AsyncPage } from '../components/async';
import { CalendarFeedSection } from '../components/calendar';
import { dayOf } from '../components/checkins';
import { EmptyState, ErrorMessage } from '../components/status';
import { Link, navigate } from '../lib/router';
import { toApiError, usePageTitle, useReloadable } from '../lib/useAsync';

/** @clientOnly how each kind of item reads */
const KIND_LABELS: Record<InboxItem['kind'], string> = {
  nudge: 'Check-in reminder',
  question: 'Question for you',
  answer: 'Your question was answered',
  'feedback-request': 'Feedback asked of you',
  'feedback-answer': 'Feedback for you',
  'mentorship-request': 'Asked to mentor',
  'mentorship-answer': 'Your mentoring request was answered',
};

/** Where an item acts. */
export function inboxTarget(item: InboxItem): string {
  switch (item.kind) {
    case 'nudge':
      return '/checkins';
    case 'question':
      return '/checkins#questions-to-me';
    case 'answer':
      return '/checkins';
    case 'mentorship-request':
    case 'mentorship-answer':
      return '/growth#mentoring';
    default:
      return `/feedback/${encodeURIComponent(item.ref_id)}`;
  }
}

function Item({ item, onRead }: { item: InboxItem; onRead: (item: InboxItem) => void }) {
  const unread = item.read_at === null;
  const [error, setError] = useState<ApiError | null>(null);
  const markRead = async () => {
    setError(null);
    try {
      onRead(await inboxApi.markRead(item.id));
    } catch (e) {
      setError(toApiError(e));
    }
  };
  const target = inboxTarget(item);
  return (
    <li class={`inbox-item${unread ? ' inbox-item--unread' : ''}`} data-inbox-id={item.id} data-kind={item.kind} data-unread={unread ? 'true' : 'false'}>
      <div class="inbox-item__body">
        <p class="inbox-item__meta">
          {unread && <span class="badge badge--accent">New</span>} <span class="inbox-item__kind">{KIND_LABELS[item.kind]}</span>
          {item.from && <span class="muted"> · from {item.from.name}</span>}
          <span class="muted"> · {dayOf(item.created_at)}</span>
        </p>
        <Link
          href={target}
          class="inbox-item__link"
          onClick={(e: MouseEvent) => {
            if (!unread) return;
            e.preventDefault();
            void inboxApi.markRead(item.id).finally(() => {
              announceInboxChange();
              navigate(target);
            });
          }}
        >
          {item.text || KIND_LABELS[item.kind]}
        </Link>
      </div>
      {unread && (
        <button type="button" class="button button--ghost button--small" onClick={() => void markRead()}>
          Mark read
        </button>
      )}
      {error && <ErrorMessage error={error} title="Not marked read" />}
    </li>
  );
}

function InboxBody({ first, onChanged }: { first: InboxPage; onChanged: () => void }) {
  const [items, setItems] = useState(first.items);
  const [cursor, setCursor] = useState(first.next_cursor);
  const [unread, setUnread] = useState(first.unread);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  useEffect(() => {
    setItems(first.items);
    setCursor(first.next_cursor);
    setUnread(first.unread);
  }, [first]);
  const onRead = (read: InboxItem) => {
    setItems(items.map((i) => (i.id === read.id ? read : i)));
    setUnread(Math.max(0, unread - 1));
    setMessage('Marked read.');
    announceInboxChange();
  };
  const readAll = async () => {
    setError(null);
    try {
      const { marked } = await inboxApi.markAllRead();
      setMessage(`Marked ${marked} ${marked === 1 ? 'item' : 'items'} read.`);
      announceInboxChange();
      onChanged();
    } catch (e) {
      setError(toApiError(e));
    }
  };
  const more = async () => {
    try {
      const next = await inboxApi.page(cursor);
      setItems([...items, ...next.items]);
      setCursor(next.next_cursor);
    } catch (e) {
      setError(toApiError(e));
    }
  };
  return (
    <>
      <header class="page-header page-header--row">
        <div>
          <h1>Inbox</h1>
          <p class="page-header__lead" id="inbox-unread">
            {unread === 0 ? 'Nothing unread' : `${unread} unread`}
          </p>
        </div>
        <button type="button" class="button button--small" disabled={unread === 0} onClick={() => void readAll()}>
          Mark all read
        </button>
      </header>
      <p class="notice" role="status" aria-live="polite">
        {message}
      </p>
      {error && <ErrorMessage error={error} />}
      {items.length === 0 ? (
        <EmptyState title="Your inbox is empty">
          <p>Check-in reminders, questions for you and feedback requests show here.</p>
        </EmptyState>
      ) : (
        <ul class="inbox-list card">
          {items.map((item) => (
            <Item key={item.id} item={item} onRead={onRead} />
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" class="button button--small inbox-more" onClick={() => void more()}>
          Show older
        </button>
      )}
    </>
  );
}

export function Inbox() {
  usePageTitle('Inbox');
  const [state, { reload }] = useReloadable((signal) => inboxApi.page(null, signal), []);
  return (
    <AsyncPage state={state} loading="Loading your inbox…" title="Inbox">
      {(page) => (
        <>
          <InboxBody first={page} onChanged={reload} />
          <CalendarFeedSection />
        </>
      )}
    </AsyncPage>
  );
}
