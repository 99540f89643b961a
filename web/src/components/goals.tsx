// Pieces of the goals pages: the status badge, a goal's progress bar, the
// goal tree, the progress chart, a goal's history chart, the purpose with its
// history and editor, the warnings panel, the progress form, and a person's
// goals as cards (My goals, a profile).

import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { goalsApi } from '../api/goals-client';
import type { Goal, GoalStatus, PurposeChange, RaciWarning, TeamGoals } from '../api/types';
import { Link, personPath, teamPath } from '../lib/router';
import { isStale, STALE_TEAM_MESSAGE, useTeamEtag } from '../lib/team-etag';
import { toApiError, useAsync, useReloadable } from '../lib/useAsync';
import { AsyncSection } from './async';
import { longDate, useChart } from './insights';
import { Card, EmptyState, ErrorMessage } from './status';

export const STATUS_LABELS: Record<GoalStatus, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  done: 'Done',
  missed: 'Missed',
};

export function StatusBadge({ status, prefix }: { status: GoalStatus; prefix?: string }) {
  return (
    <span class={`badge goal-status goal-status--${status}`}>
      {prefix ? `${prefix} ` : ''}
      {STATUS_LABELS[status] ?? status}
    </span>
  );
}

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

function number(value: number | null, unit: string): string {
  if (value === null) return '—';
  const text = Number.isInteger(value) ? String(value) : value.toFixed(2).replace(/0+$/, '').replace(/\.$/, '');
  return unit ? `${text} ${unit}` : text;
}

/** A bar of the way covered with a tick at what is expected by now; the text says the same. */
export function ProgressBar({ goal }: { goal: Goal }) {
  const done = Math.max(0, Math.min(1, goal.progress ?? 0));
  const expected = Math.max(0, Math.min(1, goal.expected ?? 0));
  return (
    <div class="goal-progress">
      <div class="goal-progress__track" aria-hidden="true">
        <div class={`goal-progress__fill goal-progress__fill--${goal.status}`} style={{ width: `${done * 100}%` }} />
        <div class="goal-progress__expected" style={{ left: `${expected * 100}%` }} />
      </div>
      <span class="goal-progress__text">
        {pct(goal.progress)} of the way · {pct(goal.expected)} expected by now
      </span>
    </div>
  );
}

export function GoalFacts({ goal }: { goal: Goal }) {
  return (
    <p class="goal__facts">
      {goal.metric}: {number(goal.start_value, goal.unit)} → {number(goal.target_value, goal.unit)}
      {goal.current_value !== null && (
        <>
          {' '}
          · now {number(goal.current_value, goal.unit)}
          {goal.measured_on ? ` (${longDate(goal.measured_on)})` : ''}
        </>
      )}
      {' '}· due {longDate(goal.due_date)}
      {goal.owner && (
        <>
          {' '}
          · accountable:{' '}
          <Link href={personPath(goal.owner.id)}>{goal.owner.name}</Link>
        </>
      )}
    </p>
  );
}

/** A goal's measurements over time against its straight-line expectation, loaded when opened. */
function GoalHistory({ goal }: { goal: Goal }) {
  const state = useAsync((signal) => goalsApi.goal(goal.id, signal), [goal.id, goal.current_value]);
  const points = state.status === 'ready' ? [...state.data.updates].reverse() : [];
  const chart = useChart(
    (charts, host) =>
      charts.drawGoalHistory(
        host,
        points.map((u) => ({ date: u.date, value: u.value })),
        { start_date: goal.start_date, start_value: goal.start_value ?? 0, due_date: goal.due_date, target_value: goal.target_value ?? 0 },
        goal.unit,
      ),
    [state.status, goal.id],
  );
  return (
    <AsyncSection state={state} loading="Loading the progress history…" failed="The history could not be loaded">
      {(detail) =>
        detail.updates.length === 0 ? (
          <p class="muted">No progress recorded yet.</p>
        ) : (
          <>
            <div ref={chart.host} class="chart chart--history" aria-hidden="true" data-chart-state={chart.state} />
            <table class="table table--compact">
              <caption class="visually-hidden">Progress updates of {goal.title}, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">Date</th>
                  <th scope="col">Value</th>
                  <th scope="col">Comment</th>
                  <th scope="col" class="hide-narrow">By</th>
                </tr>
              </thead>
              <tbody>
                {detail.updates.slice(0, 12).map((u) => (
                  <tr key={u.date}>
                    <td>{longDate(u.date)}</td>
                    <td>{number(u.value, goal.unit)}</td>
                    <td>{u.comment || <span class="muted">—</span>}</td>
                    <td class="hide-narrow">{u.author?.name ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )
      }
    </AsyncSection>
  );
}

/** Records one measurement; calls `onSaved` with the goal as it now stands. */
export function ProgressForm({ goal, onSaved }: { goal: Goal; onSaved: (goal: Goal) => void }) {
  const [value, setValue] = useState('');
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const id = `progress-${goal.id}`;
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = await goalsApi.addProgress(goal.id, { value: Number(value), comment });
      setValue('');
      setComment('');
      onSaved(saved);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="progress-form" onSubmit={submit} aria-label={`Record progress of ${goal.title}`}>
      <label for={`${id}-value`}>
        {goal.metric} now{goal.unit ? ` (${goal.unit})` : ''}
      </label>
      <input id={`${id}-value`} type="number" step="any" required value={value} onInput={(e) => setValue(e.currentTarget.value)} />
      <label for={`${id}-comment`}>What moved it</label>
      <input id={`${id}-comment`} type="text" value={comment} maxLength={8000} onInput={(e) => setComment(e.currentTarget.value)} />
      <button type="submit" class="button button--primary button--small" disabled={busy || value === ''}>
        Record progress
      </button>
      {error && <ErrorMessage error={error} title="The progress was not recorded" />}
    </form>
  );
}

function GoalItem({ goal, own, onChanged }: { goal: Goal; own: boolean; onChanged: () => void }) {
  const [open, setOpen] = useState(false);
  const detailsId = `goal-${goal.id}-details`;
  return (
    <div class={`goal${own ? '' : ' goal--context'}`} data-goal-id={goal.id}>
      <div class="goal__head">
        <StatusBadge status={goal.status} />
        <h3 class="goal__title">{goal.title}</h3>
        {!own && goal.team && (
          <Link href={teamPath(goal.team.id)} class="goal__team">
            {goal.team.name}
          </Link>
        )}
      </div>
      <ProgressBar goal={goal} />
      <GoalFacts goal={goal} />
      {goal.rollup.goals > 1 && (
        <p class="goal__rollup">
          With the {goal.rollup.goals - 1} goal{goal.rollup.goals > 2 ? 's' : ''} aligned to it: {pct(goal.rollup.progress)} of the way{' '}
          <StatusBadge status={goal.rollup.status} prefix="rolled up:" />
        </p>
      )}
      {goal.hidden_children > 0 && <p class="muted goal__hidden">{goal.hidden_children} aligned goal(s) you may not see count in the roll-up.</p>}
      {goal.more_children > 0 && (
        <p class="muted goal__hidden">
          {goal.more_children.toLocaleString()} more aligned goal(s), not listed here, count in the roll-up.
        </p>
      )}
      <button type="button" class="button button--ghost button--small" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen(!open)}>
        {open ? 'Hide progress' : 'Show progress'}
      </button>
      {open && (
        <div id={detailsId} class="goal__details">
          <GoalHistory goal={goal} />
          {goal.can_update && <ProgressForm goal={goal} onSaved={onChanged} />}
        </div>
      )}
    </div>
  );
}

/**
 * The team's goals as a tree: the goals above them (context) first, then the
 * team's own, each with the goals aligned to it nested below.
 */
export function GoalTree({ page, onChanged }: { page: TeamGoals; onChanged: () => void }) {
  if (page.goals.length === 0) {
    return <EmptyState title="No goals yet">This team has not set measurable goals.</EmptyState>;
  }
  const byId = new Map(page.goals.map((g) => [g.id, g]));
  const shown = new Set<string>();
  const roots = page.goals.filter((g) => !g.parent_id || !byId.has(g.parent_id));
  const render = (goal: Goal, depth: number) => {
    if (shown.has(goal.id) || depth > 12) return null;
    shown.add(goal.id);
    const children = goal.children.map((c) => byId.get(c)).filter((c): c is Goal => c !== undefined);
    return (
      <li key={goal.id}>
        <GoalItem goal={goal} own={goal.team?.id === page.team.id} onChanged={onChanged} />
        {children.length > 0 && <ul class="goal-tree">{children.map((c) => render(c, depth + 1))}</ul>}
      </li>
    );
  };
  return <ul class="goal-tree goal-tree--root">{roots.map((g) => render(g, 0))}</ul>;
}

/** The team's own goals as bars: progress (status colour) beside what is expected by now. */
export function GoalChart({ goals }: { goals: Goal[] }) {
  const chart = useChart(
    (charts, host) =>
      charts.drawGoalProgress(
        host,
        goals.map((g) => ({ title: g.title, status: g.status, progress: g.progress ?? 0, expected: g.expected ?? 0 })),
      ),
    [goals.map((g) => `${g.id}:${g.progress}`).join()],
  );
  if (goals.length === 0) return null;
  return (
    <div
      ref={chart.host}
      class="chart chart--goals"
      style={{ height: `${Math.max(120, goals.length * 44 + 40)}px` }}
      aria-hidden="true"
      data-chart-state={chart.state}
    />
  );
}

function PurposeHistory({ history }: { history: PurposeChange[] }) {
  if (history.length === 0) return null;
  return (
    <details class="purpose__history">
      <summary>Purpose history ({history.length})</summary>
      <ol class="purpose-history">
        {[...history].reverse().map((c) => (
          <li key={c.at}>
            <span class="purpose-history__when">
              {longDate(c.at.slice(0, 10))} · {c.author?.name ?? 'an administrator'}
            </span>
            <span class="purpose-history__before">{c.before || <em>(none)</em>}</span>
            <span aria-hidden="true"> → </span>
            <span class="visually-hidden"> became </span>
            <span class="purpose-history__after">{c.after || <em>(none)</em>}</span>
          </li>
        ))}
      </ol>
    </details>
  );
}

/** The purpose, its history, and for the team's leaders an editor. */
export function PurposeSection({ page, onSaved }: { page: TeamGoals; onSaved: (page: TeamGoals) => void }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(page.team.purpose);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  // The team as this page read it: the save sends it as If-Match.
  const version = useTeamEtag(page.team.id);
  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setStale(false);
    try {
      onSaved(await goalsApi.setPurpose(page.team.id, draft, version.etag));
      setEditing(false);
      await version.refresh();
    } catch (e) {
      if (isStale(e)) {
        // Someone else changed the team: show theirs, keep this draft to save again.
        setStale(true);
        try {
          onSaved(await goalsApi.teamGoals(page.team.id));
        } catch (reload) {
          setError(toApiError(reload));
        }
        await version.refresh();
      } else {
        setError(toApiError(e));
      }
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="purpose" aria-labelledby="team-purpose-heading">
      <h2 id="team-purpose-heading" class="purpose__label">
        Purpose
      </h2>
      {editing ? (
        <form onSubmit={save} class="purpose__form">
          <label for="purpose-text">The end this team serves for the client or the firm (not a list of activities)</label>
          <textarea id="purpose-text" rows={3} maxLength={2000} value={draft} onInput={(e) => setDraft(e.currentTarget.value)} />
          <div class="purpose__actions">
            <button type="submit" class="button button--primary button--small" disabled={busy}>
              Save purpose
            </button>
            <button type="button" class="button button--small" onClick={() => setEditing(false)}>
              Cancel
            </button>
          </div>
          {stale && (
            <p class="notice purpose__stale" role="alert">
              The purpose was not saved. {STALE_TEAM_MESSAGE} It now reads: “{page.team.purpose}”.
            </p>
          )}
          {error && <ErrorMessage error={error} title="The purpose was not saved" />}
        </form>
      ) : (
        <>
          {page.team.purpose ? (
            <p class="purpose__text">{page.team.purpose}</p>
          ) : (
            <p class="purpose__text purpose__text--missing">This team has not written down its purpose yet.</p>
          )}
          {page.can_change && (
            <button
              type="button"
              class="button button--small purpose__edit"
              onClick={() => {
                setDraft(page.team.purpose);
                setEditing(true);
              }}
            >
              Edit purpose
            </button>
          )}
        </>
      )}
      <PurposeHistory history={page.purpose_history} />
    </section>
  );
}

const WARNING_LABELS: Record<RaciWarning['kind'], string> = {
  'no-accountable': 'Nobody accountable',
  'several-accountable': 'More than one accountable',
  'member-without-role': 'Member without a role',
  'accountable-left-team': 'Accountable person left the team',
  'leadership-team-too-large': 'Leadership team too large',
};

export function WarningsPanel({ warnings }: { warnings: RaciWarning[] }) {
  if (warnings.length === 0) {
    return (
      <p class="warnings-ok" role="status">
        No warnings: every row has one accountable person and everyone has a role.
      </p>
    );
  }
  return (
    <ul class="raci-warnings">
      {warnings.map((w, i) => (
        <li key={`${w.kind}-${w.row_id ?? ''}-${w.person_id ?? ''}-${i}`} class="raci-warnings__item">
          <span class="badge raci-warnings__kind">{WARNING_LABELS[w.kind] ?? w.kind}</span> {w.message}
        </li>
      ))}
    </ul>
  );
}

/**
 * One goal in a person's list (My goals, a profile): status, progress, facts,
 * whether a personal goal is private or shared, and what the viewer may do
 * with it (the API's can_change and can_update decide): share it, record progress.
 */
export function GoalCard({ goal, onChanged, folded = false }: { goal: Goal; onChanged: () => void; folded?: boolean }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [recording, setRecording] = useState(!folded);
  const share = async (shared: boolean) => {
    setError(null);
    try {
      await goalsApi.updateGoal(goal.id, { shared });
      onChanged();
    } catch (e) {
      setError(toApiError(e));
    }
  };
  const personal = !goal.team;
  return (
    <li class="goal" data-goal-id={goal.id}>
      <div class="goal__head">
        <StatusBadge status={goal.status} />
        <h3 class="goal__title">{goal.title}</h3>
        {goal.team ? (
          <Link href={teamPath(goal.team.id)} class="goal__team">
            {goal.team.name}
          </Link>
        ) : (
          <span class={`badge goal__visibility${goal.shared ? ' badge--accent' : ''}`}>{goal.shared ? 'Shared' : 'Private'}</span>
        )}
      </div>
      <ProgressBar goal={goal} />
      <GoalFacts goal={goal} />
      {personal && goal.can_change && (
        <label class="checkbox">
          <input type="checkbox" checked={goal.shared} onChange={(e) => void share(e.currentTarget.checked)} />
          Shared with everyone (otherwise only you, your manager and your team leaders see it)
        </label>
      )}
      {error && <ErrorMessage error={error} title="The goal was not changed" />}
      {goal.can_update &&
        (recording ? (
          <ProgressForm goal={goal} onSaved={onChanged} />
        ) : (
          <button type="button" class="button button--ghost button--small" aria-expanded="false" onClick={() => setRecording(true)}>
            Record progress
          </button>
        ))}
    </li>
  );
}

/**
 * A list of goal cards, or `children` (an empty state) when there are none;
 * `folded`: progress forms open from a button (a profile), not at once (My goals).
 */
export function GoalList({
  goals,
  onChanged,
  folded = false,
  children,
}: {
  goals: Goal[];
  onChanged: () => void;
  folded?: boolean;
  children: ComponentChildren;
}) {
  if (goals.length === 0) return <>{children}</>;
  return (
    <ul class="goal-list">
      {goals.map((g) => (
        <GoalCard key={g.id} goal={g} onChanged={onChanged} folded={folded} />
      ))}
    </ul>
  );
}

/** A person's goals as far as the viewer may read them (GET /people/{id}/goals), for the profile. */
export function PersonGoalsCard({ personId, name }: { personId: string; name: string }) {
  const [state, { reload }] = useReloadable((signal) => goalsApi.personGoals(personId, signal), [personId]);
  return (
    <Card title="Goals" id="person-goals">
      <AsyncSection state={state} loading="Loading the goals…" failed="The goals could not be loaded">
        {(goals) => (
          <GoalList goals={[...goals.personal, ...goals.team]} onChanged={reload} folded>
            <EmptyState title="No goals to show">
              {name} has no team goals, and no personal goals that are shared or that you lead them on.
            </EmptyState>
          </GoalList>
        )}
      </AsyncSection>
    </Card>
  );
}
