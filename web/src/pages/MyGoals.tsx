// My goals: my personal goals (private to me and my leaders unless I share
// one) and the team goals I own or have a part in, with their status; record
// progress, share a personal goal, add one.

import { useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { goalsApi } from '../api/goals-client';
import { AsyncPage } from '../components/async';
import { GoalList } from '../components/goals';
import { longDate } from '../components/insights';
import { Card, EmptyState, ErrorMessage } from '../components/status';
import { useSession } from '../lib/session';
import { toApiError, usePageTitle, useReloadable } from '../lib/useAsync';

function NewGoalForm({ onCreated }: { onCreated: () => void }) {
  const [fields, setFields] = useState({ title: '', metric: '', unit: '', start: '', target: '', due: '', shared: false });
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof fields) => (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    setFields({ ...fields, [key]: input.type === 'checkbox' ? input.checked : input.value });
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await goalsApi.createGoal({
        title: fields.title,
        metric: fields.metric,
        unit: fields.unit,
        start_value: Number(fields.start),
        target_value: Number(fields.target),
        due_date: fields.due,
        shared: fields.shared,
      });
      setFields({ title: '', metric: '', unit: '', start: '', target: '', due: '', shared: false });
      onCreated();
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const field = (key: 'title' | 'metric' | 'unit' | 'start' | 'target' | 'due', label: string, type = 'text', required = true) => (
    <div class="field">
      <label for={`new-goal-${key}`}>{label}</label>
      <input id={`new-goal-${key}`} type={type} step={type === 'number' ? 'any' : undefined} required={required} value={fields[key]} onInput={set(key)} />
    </div>
  );
  return (
    <form class="new-goal form-grid" onSubmit={submit} aria-label="Add a personal goal">
      {field('title', 'Goal')}
      {field('metric', 'What you measure')}
      {field('unit', 'Unit', 'text', false)}
      {field('start', 'Where it stands now', 'number')}
      {field('target', 'Target', 'number')}
      {field('due', 'Due date', 'date')}
      <label class="checkbox">
        <input type="checkbox" checked={fields.shared} onChange={set('shared')} /> Share it with everyone
      </label>
      <button type="submit" class="button button--primary" disabled={busy}>
        Add goal
      </button>
      {error && <ErrorMessage error={error} title="The goal was not added" />}
    </form>
  );
}

export function MyGoals() {
  usePageTitle('My goals');
  const { user } = useSession();
  const linked = Boolean(user.person_id);
  const [state, { reload }] = useReloadable((signal) => (linked ? goalsApi.myGoals(signal) : Promise.resolve(null)), [linked]);
  if (!linked) {
    return (
      <>
        <h1>My goals</h1>
        <EmptyState title="Your account is not linked to a person">
          <p>Goals belong to people in the firm's directory. An administrator can link your account.</p>
        </EmptyState>
      </>
    );
  }
  return (
    <AsyncPage state={state} loading="Loading your goals…" title="My goals">
      {(goals) =>
        goals && (
          <>
            <header class="page-header">
              <p class="eyebrow">Status as of {longDate(goals.as_of)}</p>
              <h1>My goals</h1>
            </header>
            <div class="layout-split">
              <div class="layout-split__main">
                <Card title={`Personal goals (${goals.personal.length})`} id="personal-goals">
                  <GoalList goals={goals.personal} onChanged={reload}>
                    <EmptyState title="No personal goals yet">Add one: something you want to get better at, measured.</EmptyState>
                  </GoalList>
                </Card>
                <Card title={`Team goals I am part of (${goals.team.length})`} id="team-goals">
                  <GoalList goals={goals.team} onChanged={reload}>
                    <EmptyState title="No team goals">You own or contribute to no team goal yet.</EmptyState>
                  </GoalList>
                </Card>
              </div>
              <div class="layout-split__side">
                <Card title="Add a personal goal" id="new-goal">
                  <NewGoalForm onCreated={reload} />
                </Card>
              </div>
            </div>
          </>
        )
      }
    </AsyncPage>
  );
}
