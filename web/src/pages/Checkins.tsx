// Check-ins (the nav's "Check-ins"): for each of my teams that runs
// check-ins, this cycle and its due day and the form (what changed for the
// client; my open blockers, carried over until I mark them resolved, and new
// ones; the one question, to the leader or a teammate; a note; my open
// goals — this team's I may record progress of, and my personal ones in the
// first team's form only (a member of several check-in teams updates a
// personal goal once a cycle; the other forms say where they are) — with
// where each stands and a field for its value now, recorded through the
// goal-progress API after the check-in saves), prefilled from my last
// check-in; the questions routed to me with an answer box; and
// for a leader, the teams they lead with who has not checked in yet.

import { useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import { checkinsApi } from '../api/checkins-client';
import { goalsApi } from '../api/goals-client';
import type { Goal, MyTeamCheckin, OverdueCheckins, PersonGoals, PersonSummary } from '../api/types';
import { AsyncPage, AsyncSection } from '../components/async';
import { checkinPath, cycleLabel, FieldError, fieldProblem, QuestionItem, StatusBadge, teamCheckinsPath } from '../components/checkins';
import { GoalFacts, ProgressBar, StatusBadge as GoalStatusBadge } from '../components/goals';
import { longDate } from '../components/insights';
import { Card, EmptyState, ErrorMessage } from '../components/status';
import { Link, teamPath } from '../lib/router';
import { useSession } from '../lib/session';
import { toApiError, useAsync, usePageTitle, useReloadable } from '../lib/useAsync';

/** @clientOnly the form's state */
interface FormState {
  clientChange: string;
  note: string;
  resolve: string[];
  newBlockers: string[];
  addressee: string;
  question: string;
  /** goal id -> the value typed for it now ('' : none) */
  progress: Record<string, string>;
}

/** @clientOnly goal statuses after which no progress is asked for */
const CLOSED_GOAL_STATUSES = new Set(['done', 'missed']);

/** My open goals that belong in this team's form: this team's goals I may update, and my
 * personal goals when `withPersonal` (the first team's form: each personal goal in one form). */
function goalsFor(goals: PersonGoals | null, teamId: string, withPersonal: boolean): Goal[] {
  if (!goals) return [];
  return [...(withPersonal ? goals.personal : []), ...goals.team.filter((g) => g.team?.id === teamId)].filter(
    (g) => g.can_update && !CLOSED_GOAL_STATUSES.has(g.status),
  );
}

/** The goals fieldset: each open goal with where it stands and its value now. */
function GoalProgressFields({
  id,
  goals,
  values,
  failed,
  onValue,
  personalWith,
}: {
  id: string;
  goals: Goal[];
  values: Record<string, string>;
  failed: { goalId: string; error: ApiError } | null;
  onValue: (goalId: string, value: string) => void;
  /** The team whose form holds my personal goals, when it is another one. */
  personalWith: string | null;
}) {
  return (
    <fieldset class="checkin-form__group checkin-goals">
      <legend>My goals</legend>
      {personalWith && (
        <p class="muted checkin-goals__elsewhere">
          Your personal goals are in your check-in with {personalWith}: update them there, once a cycle.
        </p>
      )}
      {goals.length === 0 && personalWith ? null : goals.length === 0 ? (
        <p class="muted checkin-goals__empty">
          No open goals to update. <Link href="/goals">Add a personal goal</Link> to track it here.
        </p>
      ) : (
        <ul class="checkin-goals__list">
          {goals.map((g) => {
            const field = `${id}-goal-${g.id}`;
            const error = failed?.goalId === g.id ? failed.error : null;
            return (
              <li key={g.id} class="checkin-goal" data-goal-id={g.id}>
                <p class="checkin-goal__title">
                  <strong>{g.title}</strong> {g.team ? <span class="muted">· {g.team.name}</span> : <span class="muted">· personal</span>}{' '}
                  <GoalStatusBadge status={g.status} />
                </p>
                <GoalFacts goal={g} />
                <ProgressBar goal={g} />
                <div class="field checkin-goal__field">
                  <label for={field}>
                    {g.metric} now{g.unit ? ` (${g.unit})` : ''}
                  </label>
                  <input
                    id={field}
                    type="number"
                    step="any"
                    value={values[g.id] ?? ''}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={`${field}-hint${error ? ` ${field}-error` : ''}`}
                    onInput={(e) => onValue(g.id, e.currentTarget.value)}
                  />
                  <span id={`${field}-hint`} class="field__hint">
                    Optional: recorded as this goal's progress when you save
                  </span>
                  {error && (
                    <p id={`${field}-error`} class="field__error">
                      {error.problem.errors?.[0] ? `Expected ${error.problem.errors[0].expected}` : error.message}
                    </p>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}

function initialForm(entry: MyTeamCheckin): FormState {
  const base = entry.checkin ?? entry.prefill;
  return {
    clientChange: base?.client_change ?? '',
    note: base?.note ?? '',
    resolve: [],
    newBlockers: [],
    addressee: '',
    question: '',
    progress: {},
  };
}

/** The leader and teammates a question may go to: never me. */
function useAddressees(teamId: string, me: string | null) {
  return useAsync(async (signal) => {
    const detail = await api.team(teamId, signal);
    const people: PersonSummary[] = [];
    const seen = new Set<string>(me ? [me] : []);
    const add = (p: PersonSummary, role: string) => {
      if (seen.has(p.id)) return;
      seen.add(p.id);
      people.push({ ...p, title: role });
    };
    if (detail.leader) add(detail.leader, 'leader');
    [...detail.members].sort((a, b) => a.person.name.localeCompare(b.person.name)).forEach((m) => add(m.person, 'teammate'));
    return people;
  }, [teamId, me]);
}

/** What the check-in form and the card around it take. */
type CheckinFormProps = {
  entry: MyTeamCheckin;
  goals: Goal[];
  personalWith: string | null;
  onSaved: (message: string) => void;
};

function CheckinForm({
  entry,
  goals,
  personalWith,
  onSaved,
}: CheckinFormProps) {
  const { user } = useSession();
  const [form, setForm] = useState<FormState>(() => initialForm(entry));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [goalFailure, setGoalFailure] = useState<{ goalId: string; error: ApiError } | null>(null);
  const [partial, setPartial] = useState('');
  const addressees = useAddressees(entry.team.id, user.person_id);
  const id = `checkin-${entry.team.id}`;
  const submitted = entry.checkin?.submitted_at != null;
  const asked = entry.question;
  const set = (patch: Partial<FormState>) => setForm({ ...form, ...patch });
  // A blocker added from the keyboard gets the focus, so typing goes on there.
  const blockerCount = useRef(form.newBlockers.length);
  useEffect(() => {
    if (form.newBlockers.length > blockerCount.current) document.getElementById(`${id}-blocker-${form.newBlockers.length - 1}`)?.focus();
    blockerCount.current = form.newBlockers.length;
  }, [form.newBlockers.length]);

  /**
   * Records the typed values as goal progress, one POST each, stopping at the
   * first refusal (shown under its field; the goals already recorded leave the
   * form). Returns how many were recorded, or null after a refusal.
   */
  const recordProgress = async (): Promise<number | null> => {
    const pending = goals.filter((g) => (form.progress[g.id] ?? '').trim() !== '');
    let progress = { ...form.progress };
    for (const g of pending) {
      try {
        await goalsApi.addProgress(g.id, { value: Number(form.progress[g.id]) });
        progress = { ...progress, [g.id]: '' };
      } catch (e) {
        // The check-in is saved: its new blockers and question were sent, so
        // they leave the form and a second save does not send them again.
        setForm({ ...form, progress, newBlockers: [], addressee: '', question: '' });
        setGoalFailure({ goalId: g.id, error: toApiError(e) });
        document.getElementById(`${id}-goal-${g.id}`)?.focus();
        return null;
      }
    }
    return pending.length;
  };

  const save = async (submit: boolean) => {
    if (busy) return;
    setBusy(true);
    setError(null);
    setGoalFailure(null);
    setPartial('');
    try {
      const blockers = form.newBlockers.filter((b) => b.trim() !== '').map((text) => ({ text }));
      const withQuestion = !asked && (form.addressee !== '' || form.question.trim() !== '');
      await checkinsApi.save(entry.team.id, {
        client_change: form.clientChange,
        note: form.note,
        resolve_blockers: form.resolve,
        ...(submit && blockers.length > 0 ? { blockers } : {}),
        ...(submit && withQuestion ? { question: { addressee_id: form.addressee, text: form.question } } : {}),
        submit,
      });
      const saved = submit ? `Check-in with ${entry.team.name} submitted.` : `Draft for ${entry.team.name} saved.`;
      const recorded = await recordProgress();
      if (recorded === null) {
        setPartial(`${saved} A goal's progress was not recorded: see under it.`);
        return;
      }
      onSaved(recorded === 0 ? saved : `${saved} Progress recorded for ${recorded} ${recorded === 1 ? 'goal' : 'goals'}.`);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void save(true);
    }
  };
  const described = (field: string, hint?: string) =>
    [hint ?? '', fieldProblem(error, field) ? `${id}-${field}-error` : ''].filter(Boolean).join(' ') || undefined;
  const invalid = (field: string) => (fieldProblem(error, field) ? true : undefined);
  const named = ['client_change', 'note', 'question', 'question.addressee_id', 'question.text', 'blockers']
    .concat(form.newBlockers.map((_, i) => `blockers[${i}].text`))
    .concat(entry.open_blockers.map((_, i) => `resolve_blockers[${i}]`));
  const unplaced = error && !error.problem.errors?.some((e) => named.includes(e.field));

  return (
    <form
      class="checkin-form form-grid"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void save(true);
      }}
    >
      <div class="field">
        <label for={`${id}-client_change`}>What changed for the client</label>
        <textarea
          id={`${id}-client_change`}
          rows={3}
          maxLength={4000}
          value={form.clientChange}
          aria-invalid={invalid('client_change')}
          aria-describedby={described('client_change')}
          onInput={(e) => set({ clientChange: e.currentTarget.value })}
          onKeyDown={onKeyDown}
        />
        <FieldError id={`${id}-client_change-error`} error={error} field="client_change" />
      </div>

      <fieldset class="checkin-form__group">
        <legend>What is blocking me</legend>
        {entry.open_blockers.length === 0 ? (
          <p class="muted">No open blockers carried over.</p>
        ) : (
          <ul class="blocker-list">
            {entry.open_blockers.map((b, i) => (
              <li key={b.id} data-blocker-id={b.id}>
                <label class="checkbox">
                  <input
                    type="checkbox"
                    checked={form.resolve.includes(b.id)}
                    onChange={(e) =>
                      set({ resolve: e.currentTarget.checked ? [...form.resolve, b.id] : form.resolve.filter((r) => r !== b.id) })
                    }
                  />
                  <span>
                    {b.text} <span class="muted">· open since {longDate(b.opened_on)}</span> — resolved
                  </span>
                </label>
                <FieldError id={`${id}-resolve-${i}-error`} error={error} field={`resolve_blockers[${i}]`} />
              </li>
            ))}
          </ul>
        )}
        {form.newBlockers.map((text, i) => (
          <div class="field" key={i}>
            <label for={`${id}-blocker-${i}`}>New blocker {i + 1}</label>
            <div class="inline-row">
              <input
                id={`${id}-blocker-${i}`}
                type="text"
                maxLength={4000}
                value={text}
                aria-invalid={invalid(`blockers[${i}].text`)}
                aria-describedby={fieldProblem(error, `blockers[${i}].text`) ? `${id}-blocker-${i}-error` : undefined}
                onInput={(e) => set({ newBlockers: form.newBlockers.map((b, j) => (j === i ? e.currentTarget.value : b)) })}
                onKeyDown={onKeyDown}
              />
              <button
                type="button"
                class="button button--ghost button--small"
                onClick={() => set({ newBlockers: form.newBlockers.filter((_, j) => j !== i) })}
              >
                Remove
              </button>
            </div>
            <FieldError id={`${id}-blocker-${i}-error`} error={error} field={`blockers[${i}].text`} />
          </div>
        ))}
        <FieldError id={`${id}-blockers-error`} error={error} field="blockers" />
        <button type="button" class="button button--small" onClick={() => set({ newBlockers: [...form.newBlockers, ''] })}>
          Add a blocker
        </button>
      </fieldset>

      <fieldset class="checkin-form__group">
        <legend>The one question that would save time</legend>
        {asked ? (
          <p class="checkin-form__asked">
            Asked {asked.addressee.name}: “{asked.text}”{' '}
            {asked.answer !== null ? <span>— answered: {asked.answer}</span> : <span class="muted">— not answered yet</span>}
          </p>
        ) : (
          <>
            <div class="field">
              <label for={`${id}-addressee`}>Ask</label>
              <AsyncSection state={addressees} loading="Loading your team…" failed="The team could not be loaded">
                {(people) => (
                  <select
                    id={`${id}-addressee`}
                    value={form.addressee}
                    aria-invalid={invalid('question.addressee_id')}
                    aria-describedby={described('question.addressee_id')}
                    onChange={(e) => set({ addressee: e.currentTarget.value })}
                  >
                    <option value="">Nobody this time</option>
                    {people.map((p) => (
                      <option key={p.id} value={p.id}>
                        {p.name} ({p.title})
                      </option>
                    ))}
                  </select>
                )}
              </AsyncSection>
              <FieldError id={`${id}-question.addressee_id-error`} error={error} field="question.addressee_id" />
            </div>
            <div class="field">
              <label for={`${id}-question`}>Question</label>
              <textarea
                id={`${id}-question`}
                rows={2}
                maxLength={4000}
                value={form.question}
                aria-invalid={invalid('question.text')}
                aria-describedby={described('question.text')}
                onInput={(e) => set({ question: e.currentTarget.value })}
                onKeyDown={onKeyDown}
              />
              <FieldError id={`${id}-question.text-error`} error={error} field="question.text" />
              <FieldError id={`${id}-question-error`} error={error} field="question" />
            </div>
          </>
        )}
      </fieldset>

      <GoalProgressFields
        id={id}
        goals={goals}
        personalWith={personalWith}
        values={form.progress}
        failed={goalFailure}
        onValue={(goalId, value) => set({ progress: { ...form.progress, [goalId]: value } })}
      />

      <div class="field">
        <label for={`${id}-note`}>Note</label>
        <textarea
          id={`${id}-note`}
          rows={2}
          maxLength={4000}
          value={form.note}
          aria-invalid={invalid('note')}
          aria-describedby={described('note', `${id}-note-hint`)}
          onInput={(e) => set({ note: e.currentTarget.value })}
          onKeyDown={onKeyDown}
        />
        <span id={`${id}-note-hint`} class="field__hint">
          Optional
        </span>
        <FieldError id={`${id}-note-error`} error={error} field="note" />
      </div>

      <div class="checkin-form__actions">
        {!submitted && (
          <button type="button" class="button button--small" disabled={busy} onClick={() => void save(false)}>
            Save draft
          </button>
        )}
        <button type="submit" class="button button--primary button--small" disabled={busy}>
          {submitted ? 'Save changes' : 'Submit'}
        </button>
        <span class="field__hint">
          Ctrl+Enter submits. New blockers and the question are sent on submit{submitted ? '' : '; a draft keeps the text'}.
        </span>
      </div>
      {unplaced && <ErrorMessage error={error} title="The check-in was not saved" />}
      <p class="notice checkin-form__partial" role="status" aria-live="polite">
        {partial}
      </p>
    </form>
  );
}

function TeamCheckinCard({
  entry,
  goals,
  personalWith,
  onSaved,
}: CheckinFormProps) {
  const id = `checkin-${entry.team.id}`;
  return (
    <section class="card checkin-card" aria-labelledby={`${id}-title`} data-team-id={entry.team.id}>
      <div class="card__header">
        <h2 id={`${id}-title`}>
          <Link href={teamPath(entry.team.id)}>{entry.team.name}</Link>
        </h2>
        <StatusBadge status={entry.status} excluded={entry.excluded_because} />
      </div>
      <p class="checkin-card__cycle">
        Cycle {cycleLabel(entry.cycle)} · due <strong>{longDate(entry.cycle.due_on)}</strong>
        {entry.checkin?.submitted_at && (
          <>
            {' · '}
            <Link href={checkinPath(entry.checkin.id)}>Read what you submitted</Link>
          </>
        )}
      </p>
      {entry.status === 'excluded' ? (
        <EmptyState title="No check-in expected from you this cycle">
          <p>You are left out of this cycle ({entry.excluded_because ?? 'excluded'}).</p>
        </EmptyState>
      ) : (
        <CheckinForm
          key={`${entry.checkin?.id ?? 'new'}-${entry.checkin?.updated_at ?? ''}`}
          entry={entry}
          goals={goals}
          personalWith={personalWith}
          onSaved={onSaved}
        />
      )}
    </section>
  );
}

function LedTeams({ overdue }: { overdue: OverdueCheckins }) {
  if (overdue.teams.length === 0) return null;
  return (
    <Card title="Teams I lead" id="led-teams">
      <ul class="led-teams">
        {overdue.teams.map((t) => (
          <li key={t.team.id}>
            <Link href={teamCheckinsPath(t.team.id)}>{t.team.name}</Link>{' '}
            <span class="muted">
              · {t.members.length === 0 ? 'everyone has checked in' : `${t.members.length} not checked in yet`} · due{' '}
              {longDate(t.cycle.due_on)}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function Checkins() {
  usePageTitle('Check-ins');
  const [state, { reload }] = useReloadable((signal) => checkinsApi.mine(signal), []);
  const overdue = useAsync((signal) => checkinsApi.overdue(signal), []);
  const { user } = useSession();
  // Goals are an addition to the form: without them (no person, or their
  // load failed) the check-in still works, with the empty goals state.
  const [goals, { reload: reloadGoals }] = useReloadable(
    (signal) => (user.person_id ? goalsApi.myGoals(signal) : Promise.resolve(null)),
    [user.person_id],
  );
  const myGoals = goals.status === 'ready' ? goals.data : null;
  const [message, setMessage] = useState('');
  const onSaved = (text: string) => {
    setMessage(text);
    reload();
    reloadGoals();
  };
  return (
    <>
      <header class="page-header">
        <h1>Check-ins</h1>
        <p class="page-header__lead">
          A few minutes a cycle: what changed for the client, what blocks you, the one question that would save time. Feedback you asked
          for or were asked for: <Link href="/feedback">My feedback</Link>.
        </p>
      </header>
      <p class="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      {message && <p class="notice">{message}</p>}
      {overdue.status === 'ready' && <LedTeams overdue={overdue.data} />}
      <AsyncPage state={state} loading="Loading your check-ins…" title="Check-ins">
        {(mine) => (
          <div class="checkins-layout">
            <div class="checkins-layout__main">
              {mine.teams.length === 0 ? (
                <Card title="My check-ins" id="my-checkins">
                  <EmptyState title="None of your teams runs check-ins">
                    <p>When you are a member of a team with a check-in cadence, its form shows here.</p>
                  </EmptyState>
                </Card>
              ) : (
                mine.teams.map((entry, i) => (
                  <TeamCheckinCard
                    key={entry.team.id}
                    entry={entry}
                    goals={goalsFor(myGoals, entry.team.id, i === 0)}
                    personalWith={i === 0 || !myGoals?.personal.length ? null : mine.teams[0].team.name}
                    onSaved={onSaved}
                  />
                ))
              )}
            </div>
            <div class="checkins-layout__side">
              <Card title="Questions for me" id="questions-to-me">
                {mine.questions_to_me.length === 0 ? (
                  <EmptyState title="No questions waiting for you" />
                ) : (
                  <ul class="question-list">
                    {mine.questions_to_me.map((q) => (
                      <QuestionItem key={q.id} question={q} canAnswer={true} />
                    ))}
                  </ul>
                )}
              </Card>
            </div>
          </div>
        )}
      </AsyncPage>
    </>
  );
}
