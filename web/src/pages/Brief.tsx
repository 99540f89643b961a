// A team's one-page onboarding brief: the purpose, the goals with their
// status, who does what, open questions about roles, and the last entries of
// the client log. A newcomer reads it on day one; "Print" gives one page (the
// print stylesheet drops the application around it).

import { goalsApi } from '../api/goals-client';
import type { RaciRole, TeamBrief } from '../api/types';
import { AsyncPage } from '../components/async';
import { STATUS_LABELS } from '../components/goals';
import { longDate } from '../components/insights';
import { Link, teamPath } from '../lib/router';
import { useAsync, usePageTitle } from '../lib/useAsync';

const pct = (share: number | null) => (share === null ? '—' : `${Math.round(Math.max(0, share) * 100)}%`);

function WhoDoesWhat({ brief }: { brief: TeamBrief }) {
  const { roles } = brief;
  const of = (personId: string, role: RaciRole) =>
    roles.rows.filter((row) => row.cells.some((c) => c.person_id === personId && c.role === role)).map((row) => row.label);
  return (
    <dl class="brief__people">
      {roles.people.map(({ person, role }) => {
        const accountable = of(person.id, 'A');
        const does = of(person.id, 'R');
        const consulted = of(person.id, 'C');
        const informed = of(person.id, 'I');
        return (
          <div key={person.id} class="brief__person">
            <dt>
              {person.name}
              {role && <span class="muted"> · {role}</span>}
            </dt>
            <dd>
              {accountable.length > 0 && <p>Accountable for: {accountable.join('; ')}</p>}
              {does.length > 0 && <p>Does: {does.join('; ')}</p>}
              {consulted.length > 0 && <p>Consulted on: {consulted.join('; ')}</p>}
              {informed.length > 0 && <p>Kept informed of: {informed.join('; ')}</p>}
              {accountable.length + does.length + consulted.length + informed.length === 0 && <p class="muted">No role yet.</p>}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function BriefBody({ brief }: { brief: TeamBrief }) {
  const { goals } = brief;
  const team = goals.team;
  return (
    <article class="brief">
      <header class="brief__header">
        <p class="eyebrow">Onboarding brief · as of {longDate(goals.as_of)}</p>
        <h1>{team.name}</h1>
        <div class="brief__actions no-print">
          <button type="button" class="button button--primary button--small" onClick={() => window.print()}>
            Print
          </button>
          <Link href={teamPath(team.id)} class="button button--small">
            Back to the team
          </Link>
        </div>
      </header>
      <section class="brief__section" aria-labelledby="brief-purpose">
        <h2 id="brief-purpose">Why we exist</h2>
        <p class="brief__purpose">{team.purpose || 'This team has not written down its purpose yet.'}</p>
      </section>
      <section class="brief__section" aria-labelledby="brief-goals">
        <h2 id="brief-goals">Our goals</h2>
        <table class="table table--compact brief__goals">
          <thead>
            <tr>
              <th scope="col">Status</th>
              <th scope="col">Goal</th>
              <th scope="col">Progress</th>
              <th scope="col">Due</th>
              <th scope="col">Accountable</th>
            </tr>
          </thead>
          <tbody>
            {goals.goals.map((g) => (
              <tr key={g.id} class={g.team?.id === team.id ? '' : 'brief__context'}>
                <td>
                  <span class={`goal-status-text goal-status-text--${g.status}`}>{STATUS_LABELS[g.status]}</span>
                </td>
                <td>
                  {g.title}
                  {g.team?.id !== team.id && g.team && <span class="muted"> ({g.team.name})</span>}
                </td>
                <td>
                  {pct(g.progress)} <span class="muted">of {pct(g.expected)} expected</span>
                </td>
                <td>{longDate(g.due_date)}</td>
                <td>{g.owner?.name ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section class="brief__section" aria-labelledby="brief-who">
        <h2 id="brief-who">Who does what</h2>
        <WhoDoesWhat brief={brief} />
      </section>
      {brief.roles.warnings.length > 0 && (
        <section class="brief__section" aria-labelledby="brief-questions">
          <h2 id="brief-questions">Open questions about roles</h2>
          <ul>
            {brief.roles.warnings.map((w, i) => (
              <li key={i}>{w.message}</li>
            ))}
          </ul>
        </section>
      )}
      <section class="brief__section" aria-labelledby="brief-log">
        <h2 id="brief-log">Latest from the client log</h2>
        {brief.log.length === 0 ? (
          <p class="muted">Nothing logged yet.</p>
        ) : (
          <ol class="brief__log">
            {brief.log.map((e) => (
              <li key={e.id}>
                <span class="brief__log-date">{longDate(e.date)}</span> {e.changed}
                {e.issues && <p class="brief__log-issue">Issue: {e.issues}</p>}
                {e.resolution && <p class="brief__log-issue">How we resolve it: {e.resolution}</p>}
              </li>
            ))}
          </ol>
        )}
      </section>
    </article>
  );
}

export function Brief({ id }: { id: string }) {
  const state = useAsync((signal) => goalsApi.brief(id, signal), [id]);
  usePageTitle(state.status === 'ready' ? `Onboarding brief: ${state.data.goals.team.name}` : 'Onboarding brief');
  return (
    <AsyncPage state={state} loading="Loading the brief…" title="Onboarding brief" notFound="team">
      {(brief) => <BriefBody brief={brief} />}
    </AsyncPage>
  );
}
