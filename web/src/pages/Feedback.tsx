// Feedback: "My feedback" (/feedback: the requests I made, each reviewer's
// status, the answers I received and "share with my leader"; the requests
// asked of me, answered or declined here until they expire), "Ask for
// feedback" (/feedback/ask: event kind, name, date, engagement, one to five
// reviewers from the suggestions or a person search) and one request
// (/feedback/{id}: what the viewer may read of it, else the not-found page).

import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { feedbackApi } from '../api/feedback-client';
import { goalsApi } from '../api/goals-client';
import type { FeedbackEventKind, PersonRef } from '../api/types';
import { AsyncPage, AsyncSection } from '../components/async';
import { FieldError, fieldProblem } from '../components/checkins';
import { EVENT_KINDS, FeedbackRequestView, feedbackPath, useMyLeaders } from '../components/feedback';
import { isoToday } from '../components/insights';
import { Card, EmptyState, ErrorMessage } from '../components/status';
import { TypeAhead, type TypeAheadOption } from '../components/typeahead';
import { Link, navigate } from '../lib/router';
import { useSession } from '../lib/session';
import { toApiError, useAsync, usePageTitle } from '../lib/useAsync';

/** @clientOnly the most reviewers one request names (kMaxFeedbackReviewers) */
const MAX_REVIEWERS = 5;
/** @clientOnly people a search lists */
const SEARCH_LIMIT = 8;

export function MyFeedback() {
  usePageTitle('My feedback');
  const { user } = useSession();
  const mine = useAsync((signal) => feedbackApi.list('mine', signal), []);
  const asked = useAsync((signal) => feedbackApi.list('asked', signal), []);
  const leaders = useMyLeaders(user.person_id);
  return (
    <>
      <header class="page-header page-header--row">
        <div>
          <h1>My feedback</h1>
          <p class="page-header__lead">The one thing that was most effective, and one thing to do better next time.</p>
        </div>
        <Link href="/feedback/ask" class="button button--primary">
          Ask for feedback
        </Link>
      </header>
      <div class="layout-split">
        <div class="layout-split__main">
          <Card title="Requests I made" id="feedback-mine">
            <AsyncSection state={mine} loading="Loading your requests…" failed="Your requests could not be loaded">
              {(list) =>
                list.items.length === 0 ? (
                  <EmptyState title="You have not asked for feedback yet">
                    <p>
                      After a pitch, a deliverable or a meeting, <Link href="/feedback/ask">ask up to five colleagues</Link>.
                    </p>
                  </EmptyState>
                ) : (
                  <div class="feedback-list">
                    {list.items.map((r) => (
                      <FeedbackRequestView key={r.id} request={r} viewerId={user.person_id} leaders={leaders.status === 'ready' ? leaders.data : []} />
                    ))}
                  </div>
                )
              }
            </AsyncSection>
          </Card>
        </div>
        <div class="layout-split__side">
          <Card title="Asked of me" id="feedback-asked">
            <AsyncSection state={asked} loading="Loading the requests for you…" failed="The requests for you could not be loaded">
              {(list) =>
                list.items.length === 0 ? (
                  <EmptyState title="Nobody has asked you for feedback" />
                ) : (
                  <div class="feedback-list">
                    {list.items.map((r) => (
                      <FeedbackRequestView key={r.id} request={r} viewerId={user.person_id} />
                    ))}
                  </div>
                )
              }
            </AsyncSection>
          </Card>
        </div>
      </div>
    </>
  );
}

export function FeedbackRequestPage({ id }: { id: string }) {
  usePageTitle('Feedback request');
  const { user } = useSession();
  const state = useAsync((signal) => feedbackApi.get(id, signal), [id]);
  const leaders = useMyLeaders(user.person_id);
  return (
    <AsyncPage state={state} loading="Loading the request…" title="Feedback request" notFound="feedback request">
      {(request) => (
        <>
          <header class="page-header">
            <p class="eyebrow">
              <Link href="/feedback">My feedback</Link>
            </p>
            <h1>Feedback on “{request.event}”</h1>
          </header>
          <div class="card">
            <FeedbackRequestView request={request} viewerId={user.person_id} leaders={leaders.status === 'ready' ? leaders.data : []} />
          </div>
        </>
      )}
    </AsyncPage>
  );
}

interface PersonOption extends TypeAheadOption {
  person: PersonRef;
}

/** The engagements of my teams' client logs, for the optional engagement field. */
function useMyEngagements() {
  return useAsync(async (signal) => {
    const me = await api.me(signal);
    const found = new Map<string, string>();
    for (const team of me.teams.filter((t) => t.kind === 'engagement')) {
      const goals = await goalsApi.teamGoals(team.id, signal);
      for (const e of goals.log_engagements) found.set(e.id, e.name);
    }
    return [...found.entries()].map(([id, name]) => ({ id, name }));
  }, []);
}

export function AskFeedback() {
  usePageTitle('Ask for feedback');
  const { user } = useSession();
  const [kind, setKind] = useState<FeedbackEventKind>('pitch');
  const [event, setEvent] = useState('');
  const [date, setDate] = useState(isoToday());
  const [engagement, setEngagement] = useState('');
  const [reviewers, setReviewers] = useState<PersonRef[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const engagements = useMyEngagements();
  const suggestions = useAsync((signal) => (date ? feedbackApi.suggested(date, engagement, signal) : Promise.resolve({ items: [] })), [date, engagement]);
  const chosen = new Set(reviewers.map((r) => r.id));
  const add = (p: PersonRef) => {
    if (chosen.has(p.id) || p.id === user.person_id || reviewers.length >= MAX_REVIEWERS) return;
    setReviewers([...reviewers, p]);
    if (fieldProblem(error, 'reviewer_ids')) setError(null); // the choice changed: the old refusal no longer applies
  };
  const remove = (id: string) => setReviewers(reviewers.filter((r) => r.id !== id));
  const search = async (text: string, signal: AbortSignal): Promise<PersonOption[]> => {
    const page = await api.people({ q: text }, SEARCH_LIMIT, null, signal);
    return page.items
      .filter((p) => p.id !== user.person_id)
      .map((p) => ({ key: p.id, label: p.name, detail: [p.title, p.practice].filter(Boolean).join(' · '), person: { id: p.id, name: p.name } }));
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const created = await feedbackApi.ask({
        event_kind: kind,
        event,
        event_date: date,
        engagement_id: engagement || null,
        reviewer_ids: reviewers.map((r) => r.id),
      });
      navigate(feedbackPath(created.id));
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const described = (field: string) => (fieldProblem(error, field) ? `ask-${field}-error` : undefined);
  const invalid = (field: string) => (fieldProblem(error, field) ? true : undefined);
  const placed = ['event_kind', 'event', 'event_date', 'engagement_id', 'reviewer_ids', 'expires_on'].some((f) => fieldProblem(error, f));
  return (
    <>
      <header class="page-header">
        <p class="eyebrow">
          <Link href="/feedback">My feedback</Link>
        </p>
        <h1>Ask for feedback</h1>
        <p class="page-header__lead">About one named event: each colleague answers two questions, and only you read the answers unless you share one.</p>
      </header>
      <form class="card ask-form form-grid" onSubmit={submit} aria-label="Ask for feedback">
        <div class="ask-form__row">
          <div class="field">
            <label for="ask-event_kind">Event</label>
            <select id="ask-event_kind" value={kind} aria-invalid={invalid('event_kind')} aria-describedby={described('event_kind')} onChange={(e) => setKind(e.currentTarget.value as FeedbackEventKind)}>
              {Object.entries(EVENT_KINDS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
            <FieldError id="ask-event_kind-error" error={error} field="event_kind" />
          </div>
          <div class="field field--grow">
            <label for="ask-event">Name</label>
            <input id="ask-event" type="text" maxLength={2000} value={event} placeholder="e.g. Phase 2 pitch to the board" aria-invalid={invalid('event')} aria-describedby={described('event')} onInput={(e) => setEvent(e.currentTarget.value)} />
            <FieldError id="ask-event-error" error={error} field="event" />
          </div>
          <div class="field">
            <label for="ask-event_date">Date</label>
            <input id="ask-event_date" type="date" max={isoToday()} value={date} aria-invalid={invalid('event_date')} aria-describedby={described('event_date')} onInput={(e) => setDate(e.currentTarget.value)} />
            <FieldError id="ask-event_date-error" error={error} field="event_date" />
          </div>
          <div class="field">
            <label for="ask-engagement_id">Engagement (optional)</label>
            <select id="ask-engagement_id" value={engagement} aria-invalid={invalid('engagement_id')} aria-describedby={described('engagement_id')} onChange={(e) => setEngagement(e.currentTarget.value)}>
              <option value="">None</option>
              {engagements.status === 'ready' &&
                engagements.data.map((eng) => (
                  <option key={eng.id} value={eng.id}>
                    {eng.name}
                  </option>
                ))}
            </select>
            <FieldError id="ask-engagement_id-error" error={error} field="engagement_id" />
          </div>
        </div>
        <fieldset class="checkin-form__group" aria-describedby={described('reviewer_ids')}>
          <legend>
            Reviewers ({reviewers.length} of at most {MAX_REVIEWERS})
          </legend>
          {reviewers.length === 0 ? (
            <p class="muted">Pick one to five colleagues.</p>
          ) : (
            <ul class="chip-list" aria-label="Chosen reviewers">
              {reviewers.map((r) => (
                <li key={r.id} class="chip" data-person-id={r.id}>
                  {r.name}
                  <button type="button" class="button button--ghost button--small" aria-label={`Remove ${r.name}`} onClick={() => remove(r.id)}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <FieldError id="ask-reviewer_ids-error" error={error} field="reviewer_ids" />
          <div class="ask-form__suggested">
            <p class="field__label">Worked with you around that date</p>
            <AsyncSection state={suggestions} loading="Finding colleagues…" failed="No suggestions">
              {(list) =>
                list.items.length === 0 ? (
                  <p class="muted">No suggestions: search for a colleague below.</p>
                ) : (
                  <ul class="suggested-list">
                    {list.items.map((s) => (
                      <li key={s.person.id} data-person-id={s.person.id}>
                        <label class="checkbox">
                          <input
                            type="checkbox"
                            checked={chosen.has(s.person.id)}
                            disabled={!chosen.has(s.person.id) && reviewers.length >= MAX_REVIEWERS}
                            onChange={(e) => (e.currentTarget.checked ? add(s.person) : remove(s.person.id))}
                          />
                          {s.person.name} <span class="muted">· {Math.round(s.shared_hours)} h together</span>
                        </label>
                      </li>
                    ))}
                  </ul>
                )
              }
            </AsyncSection>
          </div>
          <TypeAhead<PersonOption> id="ask-person" label="Or search for a colleague" placeholder="Name" load={search} onPick={(o) => add(o.person)} clearOnPick={true} minChars={2} />
        </fieldset>
        <div class="checkin-form__actions">
          <button type="submit" class="button button--primary" disabled={busy}>
            Ask for feedback
          </button>
        </div>
        {error && !placed && <ErrorMessage error={error} title="The request was not sent" />}
      </form>
    </>
  );
}
