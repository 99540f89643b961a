// The client log on a team page: progress notes per engagement (what changed
// for the client, an issue spotted, how it will be resolved), newest first
// with date and author, older pages on "Show older entries" (the API's
// cursor, so the whole log can be read), and for whoever the API lets write
// (`can_write`: the people on the engagement, administrators) a form to add
// one. A new entry shows at the top at once; a refused one keeps the text
// and shows the server's problem beside the field it names.

import { useState } from 'preact/hooks';
import type { ApiError } from '../api/client';
import { goalsApi } from '../api/goals-client';
import type { LogEngagement, LogEntry } from '../api/types';
import { Link, personPath } from '../lib/router';
import { toApiError, useAsync } from '../lib/useAsync';
import { AsyncSection } from './async';
import { longDate } from './insights';
import { EmptyState, ErrorMessage } from './status';

/** @clientOnly entries read at a time */
const LOG_PAGE = 10;

/** @clientOnly the fields of the entry form, in the API's names */
type LogField = 'date' | 'changed' | 'issues' | 'resolution';

/** Newest first, as the server orders them (date, then id, descending); `first` wins ties. */
function merge(first: LogEntry[], rest: LogEntry[]): LogEntry[] {
  const seen = new Set<string>();
  const all = [...first, ...rest].filter((e) => !seen.has(e.id) && seen.add(e.id));
  return all.sort((a, b) => (a.date === b.date ? 0 : a.date < b.date ? 1 : -1));
}

function Entry({ entry }: { entry: LogEntry }) {
  return (
    <li class="log-entry" data-log-id={entry.id}>
      <p class="log-entry__meta">
        <time dateTime={entry.date}>{longDate(entry.date)}</time>
        {' · '}
        {entry.author ? <Link href={personPath(entry.author.id)}>{entry.author.name}</Link> : <span>author unknown</span>}
      </p>
      <p class="log-entry__changed">{entry.changed}</p>
      {entry.issues && (
        <p class="log-entry__more">
          <span class="log-entry__label">Issue</span> {entry.issues}
        </p>
      )}
      {entry.resolution && (
        <p class="log-entry__more">
          <span class="log-entry__label">How we resolve it</span> {entry.resolution}
        </p>
      )}
    </li>
  );
}

/** The form that adds an entry; `today` bounds the date (the server refuses a later one). */
function EntryForm({ engagement, today, onAdded }: { engagement: LogEngagement; today: string; onAdded: (entry: LogEntry) => void }) {
  const blank: Record<LogField, string> = { date: '', changed: '', issues: '', resolution: '' };
  const [draft, setDraft] = useState(blank);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const id = `log-${engagement.id}`;
  const fieldError = (field: LogField) => error?.problem.errors?.find((e) => e.field === field);
  const submit = async (event?: Event) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const entry = await goalsApi.addLog(engagement.id, {
        changed: draft.changed,
        ...(draft.issues ? { issues: draft.issues } : {}),
        ...(draft.resolution ? { resolution: draft.resolution } : {}),
        ...(draft.date ? { date: draft.date } : {}),
      });
      setDraft(blank);
      onAdded(entry);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: LogField, label: string, hint?: string) => {
    const problem = fieldError(name);
    const describedBy = [hint ? `${id}-${name}-hint` : '', problem ? `${id}-${name}-error` : ''].filter(Boolean).join(' ');
    const common = {
      id: `${id}-${name}`,
      value: draft[name],
      'aria-invalid': problem ? true : undefined,
      'aria-describedby': describedBy || undefined,
      onInput: (e: Event) => setDraft({ ...draft, [name]: (e.currentTarget as HTMLInputElement).value }),
    };
    return (
      <div class={`field log-form__${name}`}>
        <label for={`${id}-${name}`}>{label}</label>
        {name === 'date' ? (
          <input type="date" max={today} {...common} />
        ) : (
          <textarea
            rows={name === 'changed' ? 3 : 2}
            maxLength={8000}
            required={name === 'changed'}
            {...common}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
            }}
          />
        )}
        {hint && (
          <span id={`${id}-${name}-hint`} class="field__hint">
            {hint}
          </span>
        )}
        {problem && (
          <p id={`${id}-${name}-error`} class="field__error">
            Expected {problem.expected}
          </p>
        )}
      </div>
    );
  };
  const named = new Set<string>(['date', 'changed', 'issues', 'resolution']);
  return (
    <form class="log-form" onSubmit={submit} aria-labelledby={`${id}-form-title`}>
      <h3 id={`${id}-form-title`} class="log-form__title">
        Add an entry
      </h3>
      {field('changed', 'What changed for the client')}
      {field('issues', 'Issue spotted', 'Optional')}
      {field('resolution', 'How it will be resolved', 'Optional')}
      {field('date', 'Date', 'Optional: today when left empty')}
      <div class="log-form__actions">
        <button type="submit" class="button button--primary button--small" disabled={busy}>
          Add to the log
        </button>
        <span class="field__hint">Ctrl+Enter in a text box adds it too.</span>
      </div>
      {error && (
        <div class="log-form__error">
          <ErrorMessage error={error} title="The entry was not added" />
          {(error.problem.errors ?? []).some((e) => !named.has(e.field)) && (
            <ul class="field-errors">
              {(error.problem.errors ?? [])
                .filter((e) => !named.has(e.field))
                .map((e) => (
                  <li key={e.field}>
                    <code>{e.field}</code>: expected {e.expected}
                  </li>
                ))}
            </ul>
          )}
        </div>
      )}
    </form>
  );
}

/** One engagement's log: the first page, then older pages on demand; entries added here on top. */
function EngagementLog({ engagement, today }: { engagement: LogEngagement; today: string }) {
  const first = useAsync((signal) => goalsApi.log(engagement.id, LOG_PAGE, null, signal), [engagement.id]);
  const [added, setAdded] = useState<LogEntry[]>([]);
  const [older, setOlder] = useState<{ entries: LogEntry[]; next: string | null } | null>(null);
  const [more, setMore] = useState<{ busy: boolean; error: ApiError | null }>({ busy: false, error: null });
  const [announce, setAnnounce] = useState('');
  const showOlder = async (cursor: string) => {
    setMore({ busy: true, error: null });
    try {
      const page = await goalsApi.log(engagement.id, LOG_PAGE, cursor);
      setOlder({ entries: [...(older?.entries ?? []), ...page.items], next: page.next_cursor });
      setMore({ busy: false, error: null });
      setAnnounce(`${page.items.length} older ${page.items.length === 1 ? 'entry' : 'entries'} shown`);
    } catch (e) {
      setMore({ busy: false, error: toApiError(e) });
    }
  };
  return (
    <div class="client-log">
      {engagement.can_write && (
        <EntryForm
          engagement={engagement}
          today={today}
          onAdded={(entry) => {
            setAdded([entry, ...added]);
            setAnnounce('Entry added to the log');
          }}
        />
      )}
      <p class="visually-hidden" role="status" aria-live="polite">
        {announce}
      </p>
      <AsyncSection state={first} loading="Loading the client log…" failed="The client log could not be loaded">
        {(page) => {
          const entries = merge(added, [...page.items, ...(older?.entries ?? [])]);
          const next = older ? older.next : page.next_cursor;
          return entries.length === 0 ? (
            <EmptyState title="Nothing logged yet">
              {engagement.can_write
                ? 'Note what changed for the client, an issue you spotted and how it will be resolved.'
                : 'The people on this engagement have not written a progress note yet.'}
            </EmptyState>
          ) : (
            <>
              <ol class="log-entries" aria-label={`Client log of ${engagement.name}, newest first`}>
                {entries.map((e) => (
                  <Entry key={e.id} entry={e} />
                ))}
              </ol>
              {more.error && <ErrorMessage error={more.error} title="Older entries could not be loaded" />}
              {next ? (
                <button type="button" class="button button--small log-more" disabled={more.busy} onClick={() => void showOlder(next)}>
                  {more.busy ? 'Loading…' : 'Show older entries'}
                </button>
              ) : (
                <p class="muted log-end">{entries.length === 1 ? 'That is the whole log.' : `That is the whole log: ${entries.length} entries.`}</p>
              )}
            </>
          );
        }}
      </AsyncSection>
    </div>
  );
}

/**
 * The client log of the engagements a team keeps it for (the API's
 * log_engagements): one, or a choice of them for an account team.
 */
export function ClientLog({ engagements, today }: { engagements: LogEngagement[]; today: string }) {
  const [chosen, setChosen] = useState(engagements[0]?.id ?? '');
  const engagement = engagements.find((e) => e.id === chosen) ?? engagements[0];
  if (!engagement) return null;
  return (
    <>
      <p class="muted client-log__lead">
        Progress notes on {engagements.length === 1 ? <strong>{engagement.name}</strong> : 'the client’s engagements'}: what changed for
        the client, issues spotted and how they will be resolved.
      </p>
      {engagements.length > 1 && (
        <div class="field field--compact client-log__pick">
          <label for="client-log-engagement">Engagement</label>
          <select id="client-log-engagement" value={engagement.id} onChange={(e) => setChosen(e.currentTarget.value)}>
            {engagements.map((e) => (
              <option key={e.id} value={e.id}>
                {e.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <EngagementLog key={engagement.id} engagement={engagement} today={today} />
    </>
  );
}
