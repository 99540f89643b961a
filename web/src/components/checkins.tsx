// Pieces shared by the check-in pages: status badges, cycle labels, a
// routed question with its answer box, and the field-error line under a
// form field (the problem+json `errors[].field` names it).

import { useState } from 'preact/hooks';
import type { ApiError } from '../api/client';
import { checkinsApi } from '../api/checkins-client';
import type { CheckinCycle, CheckinQuestion, CheckinStatus, ExcludedBecause } from '../api/types';
import { Link, personPath } from '../lib/router';
import { toApiError } from '../lib/useAsync';
import { longDate } from './insights';
import { ErrorMessage } from './status';

/** @clientOnly how each status reads */
const STATUS_LABELS: Record<CheckinStatus, string> = {
  submitted: 'Submitted',
  draft: 'Draft',
  due: 'Due',
  overdue: 'Overdue',
  excluded: 'Excluded',
};

/** @clientOnly why a member is left out of a cycle, as a sentence part */
const EXCLUDED_LABELS: Record<NonNullable<ExcludedBecause>, string> = {
  'time-off': 'on time off',
  joined: 'joined during the cycle',
  left: 'left the team',
};

export const checkinPath = (id: string) => `/checkins/${encodeURIComponent(id)}`;
export const teamCheckinsPath = (teamId: string) => `/teams/${encodeURIComponent(teamId)}/checkins`;

export function excludedLabel(reason: ExcludedBecause): string {
  return reason ? EXCLUDED_LABELS[reason] : '';
}

export function StatusBadge({ status, excluded }: { status: CheckinStatus; excluded?: ExcludedBecause }) {
  const reason = status === 'excluded' ? excludedLabel(excluded ?? null) : '';
  return (
    <span class={`badge checkin-status checkin-status--${status}`} data-status={status}>
      {STATUS_LABELS[status]}
      {reason && ` · ${reason}`}
    </span>
  );
}

export function cycleLabel(cycle: CheckinCycle): string {
  return `${longDate(cycle.cycle_start)} – ${longDate(cycle.due_on)}`;
}

/** "2026-12-07T10:00:00Z" -> "7 Dec 2026" */
export function dayOf(timestamp: string): string {
  return longDate(timestamp.slice(0, 10));
}

/** The problem's entry for `field`, when the server named it. */
export function fieldProblem(error: ApiError | null, field: string) {
  return error?.problem.errors?.find((e) => e.field === field);
}

/** The "Expected …" line under a field, with the id its input points at. */
export function FieldError({ id, error, field }: { id: string; error: ApiError | null; field: string }) {
  const problem = fieldProblem(error, field);
  if (!problem) return null;
  return (
    <p id={id} class="field__error">
      Expected {problem.expected}
    </p>
  );
}

/** A question routed from a check-in: who asked whom, the answer or (for its addressee) an answer box. */
export function QuestionItem({
  question,
  canAnswer,
  onAnswered,
}: {
  question: CheckinQuestion;
  canAnswer: boolean;
  onAnswered?: (q: CheckinQuestion) => void;
}) {
  const [current, setCurrent] = useState(question);
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const id = `question-${current.id}`;
  const submit = async (event?: Event) => {
    event?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const answered = await checkinsApi.answer(current.id, text);
      setCurrent(answered);
      onAnswered?.(answered);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const problem = fieldProblem(error, 'answer');
  return (
    <li class="question" data-question-id={current.id}>
      <p class="question__meta">
        <Link href={personPath(current.asker.id)}>{current.asker.name}</Link> asked{' '}
        <Link href={personPath(current.addressee.id)}>{current.addressee.name}</Link> on {dayOf(current.asked_at)}
      </p>
      <p class="question__text">{current.text}</p>
      {current.answer !== null ? (
        <p class="question__answer">
          <span class="log-entry__label">Answer</span> {current.answer}
          {current.answered_at && <span class="muted"> · {dayOf(current.answered_at)}</span>}
        </p>
      ) : canAnswer ? (
        <form class="question__form" onSubmit={submit}>
          <div class="field">
            <label for={`${id}-answer`}>Your answer</label>
            <textarea
              id={`${id}-answer`}
              rows={2}
              maxLength={4000}
              value={text}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? `${id}-answer-error` : undefined}
              onInput={(e) => setText(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit(e);
              }}
            />
            <FieldError id={`${id}-answer-error`} error={error} field="answer" />
          </div>
          <button type="submit" class="button button--primary button--small" disabled={busy}>
            Answer
          </button>
          {error && !problem && <ErrorMessage error={error} title="The answer was not saved" />}
        </form>
      ) : (
        <p class="muted question__waiting">Not answered yet</p>
      )}
    </li>
  );
}
