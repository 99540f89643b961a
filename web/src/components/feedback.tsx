// A feedback request as the viewer may see it (docs/FEEDBACK.md "Who sees
// what"): the event, who asked, when it expires, each reviewer's status and
// the answers the viewer may read. Its asker shares an answered answer with
// one of their leaders; a reviewer answers the two questions or declines
// until the request expires (then it is read-only).

import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { announceInboxChange, feedbackApi } from '../api/feedback-client';
import type { FeedbackAnswer, FeedbackEventKind, FeedbackRequest, PersonSummary } from '../api/types';
import { Link, personPath } from '../lib/router';
import { toApiError, useAsync } from '../lib/useAsync';
import { dayOf, FieldError, fieldProblem } from './checkins';
import { longDate } from './insights';
import { ErrorMessage } from './status';

/** @clientOnly how each event kind reads */
export const EVENT_KINDS: Record<FeedbackEventKind, string> = {
  pitch: 'Pitch',
  deliverable: 'Deliverable',
  meeting: 'Meeting',
  other: 'Other',
};

/** @clientOnly how each answer status reads */
const ANSWER_STATUS: Record<FeedbackAnswer['status'], string> = {
  pending: 'Waiting',
  answered: 'Answered',
  declined: 'Declined',
};

export const feedbackPath = (id: string) => `/feedback/${encodeURIComponent(id)}`;

/** My leaders (my manager and the leaders of my teams), whom I may share an answer with. */
export function useMyLeaders(personId: string | null) {
  return useAsync(async (signal) => {
    if (!personId) return [];
    const profile = await api.person(personId, signal);
    const leaders = new Map<string, PersonSummary>();
    if (profile.manager) leaders.set(profile.manager.id, profile.manager);
    for (const team of profile.teams) {
      if (!team.leader_id || team.leader_id === personId || leaders.has(team.leader_id)) continue;
      const detail = await api.team(team.id, signal);
      if (detail.leader) leaders.set(detail.leader.id, detail.leader);
    }
    return [...leaders.values()];
  }, [personId]);
}

function ShareAnswer({ request, answer, leaders, onShared }: { request: FeedbackRequest; answer: FeedbackAnswer; leaders: PersonSummary[]; onShared: (a: FeedbackAnswer) => void }) {
  const [leader, setLeader] = useState(leaders[0]?.id ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const id = `share-${request.id}-${answer.reviewer.id}`;
  if (leaders.length === 0) return <p class="muted">You have no leader on record to share it with.</p>;
  const share = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onShared(await feedbackApi.share(request.id, answer.reviewer.id, leader));
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="share-form" onSubmit={share}>
      <label for={id}>Share with my leader</label>
      <select id={id} value={leader} onChange={(e) => setLeader(e.currentTarget.value)} aria-invalid={fieldProblem(error, 'leader_id') ? true : undefined}>
        {leaders.map((l) => (
          <option key={l.id} value={l.id}>
            {l.name}
          </option>
        ))}
      </select>
      <button type="submit" class="button button--small" disabled={busy}>
        Share
      </button>
      <FieldError id={`${id}-error`} error={error} field="leader_id" />
      {error && !fieldProblem(error, 'leader_id') && <ErrorMessage error={error} title="Not shared" />}
    </form>
  );
}

function AnswerTexts({ answer }: { answer: FeedbackAnswer }) {
  return (
    <dl class="feedback-texts">
      <dt>Most effective</dt>
      <dd>{answer.most_effective}</dd>
      <dt>Do better next time</dt>
      <dd>{answer.do_better}</dd>
    </dl>
  );
}

function AnswerForm({ request, onAnswered }: { request: FeedbackRequest; onAnswered: (a: FeedbackAnswer) => void }) {
  const [texts, setTexts] = useState({ most_effective: '', do_better: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const id = `answer-${request.id}`;
  const send = async (decline: boolean) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      onAnswered(await feedbackApi.answer(request.id, decline ? { decline: true } : texts));
      announceInboxChange();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const field = (name: 'most_effective' | 'do_better', label: string) => (
    <div class="field">
      <label for={`${id}-${name}`}>{label}</label>
      <textarea
        id={`${id}-${name}`}
        rows={3}
        maxLength={4000}
        value={texts[name]}
        aria-invalid={fieldProblem(error, name) ? true : undefined}
        aria-describedby={fieldProblem(error, name) ? `${id}-${name}-error` : undefined}
        onInput={(e) => setTexts({ ...texts, [name]: e.currentTarget.value })}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void send(false);
          }
        }}
      />
      <FieldError id={`${id}-${name}-error`} error={error} field={name} />
    </div>
  );
  const placed = fieldProblem(error, 'most_effective') || fieldProblem(error, 'do_better');
  return (
    <form
      class="feedback-answer form-grid"
      onSubmit={(e) => {
        e.preventDefault();
        void send(false);
      }}
    >
      {field('most_effective', `What is the one thing ${request.requester.name} did that was most effective?`)}
      {field('do_better', 'What is one thing they could do better next time?')}
      <div class="checkin-form__actions">
        <button type="submit" class="button button--primary button--small" disabled={busy}>
          Send answer
        </button>
        <button type="button" class="button button--small" disabled={busy} onClick={() => void send(true)}>
          Decline
        </button>
        <span class="field__hint">Ctrl+Enter sends. An answer is final once sent.</span>
      </div>
      {error && !placed && <ErrorMessage error={error} title="Not sent" />}
    </form>
  );
}

/** One request: for its asker every answer (with sharing), for a reviewer their own (with the form), for a leader what was shared with them. */
export function FeedbackRequestView({
  request,
  viewerId,
  leaders,
}: {
  request: FeedbackRequest;
  viewerId: string | null;
  leaders?: PersonSummary[];
}) {
  const [current, setCurrent] = useState(request);
  const mine = current.requester.id === viewerId;
  // An answer the page changed: the counts follow its move from one status to another.
  const replace = (answer: FeedbackAnswer) => {
    const before = current.answers.find((a) => a.reviewer.id === answer.reviewer.id)?.status;
    const counts = { ...current.counts };
    if (before && before !== answer.status) {
      counts[before] -= 1;
      counts[answer.status] += 1;
    }
    setCurrent({ ...current, counts, answers: current.answers.map((a) => (a.reviewer.id === answer.reviewer.id ? answer : a)) });
  };
  return (
    <article class="feedback-request" data-request-id={current.id} aria-labelledby={`fr-${current.id}-title`}>
      <header class="feedback-request__header">
        <h3 id={`fr-${current.id}-title`}>
          <span class="badge">{EVENT_KINDS[current.event_kind]}</span> {current.event}
        </h3>
        <p class="muted">
          {mine ? 'You asked' : <><Link href={personPath(current.requester.id)}>{current.requester.name}</Link> asked</>} on {dayOf(current.asked_at)} about{' '}
          {longDate(current.event_date)} ·{' '}
          {current.expired ? <strong class="feedback-request__expired">expired on {longDate(current.expires_on)}</strong> : `open until ${longDate(current.expires_on)}`}
          {' · '}
          {current.counts.answered} answered, {current.counts.declined} declined, {current.counts.pending} waiting
        </p>
      </header>
      {current.answers.length > 0 && (
        <ul class="feedback-answers">
          {current.answers.map((a) => (
            <li key={a.reviewer.id} data-reviewer-id={a.reviewer.id} data-status={a.status}>
              <p class="feedback-answer__who">
                {a.reviewer.id === viewerId ? 'Your answer' : <Link href={personPath(a.reviewer.id)}>{a.reviewer.name}</Link>}{' '}
                <span class={`badge feedback-status--${a.status}`}>{ANSWER_STATUS[a.status]}</span>
                {a.responded_at && <span class="muted"> · {dayOf(a.responded_at)}</span>}
              </p>
              {a.status === 'answered' && <AnswerTexts answer={a} />}
              {a.shared_with && (
                <p class="muted feedback-answer__shared">
                  Shared with {a.shared_with.name}
                  {a.shared_at && ` on ${dayOf(a.shared_at)}`}
                </p>
              )}
              {mine && a.status === 'answered' && !a.shared_with && leaders && (
                <ShareAnswer request={current} answer={a} leaders={leaders} onShared={replace} />
              )}
              {a.reviewer.id === viewerId && a.status === 'pending' && !current.expired && <AnswerForm request={current} onAnswered={replace} />}
              {a.reviewer.id === viewerId && a.status === 'pending' && current.expired && (
                <p class="muted">This request expired before you answered; it can no longer be answered.</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </article>
  );
}
