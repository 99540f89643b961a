// A key client's account leadership on one page (/clients/{id}/leadership):
// the one person accountable for the account, the leadership team's purpose,
// its shared goals (status colours, progress, the goal tree), who does what
// (the RACI grid, editable in place by the team's leaders and
// administrators, read-only for everyone else), its deliverables, the
// warnings (a leadership team over its bound among them) and its members.
// The API answers 404 to whoever is not on the team (firm leaders and
// administrators see every client, with an empty state when a client has no
// leadership team), and the page says "not found" alike: nothing tells a
// client without a team from a team the viewer is not on. LeadershipCard is
// the summary on the client page.

import type { ApiError } from '../api/client';
import { goalsApi } from '../api/goals-client';
import type { AccountLeadership, DeliverableStatus, RaciRow, TeamGoals, TeamRoles } from '../api/types';
import { AsyncPage } from '../components/async';
import { GoalChart, GoalTree, PurposeSection, StatusBadge, WarningsPanel } from '../components/goals';
import { longDate } from '../components/insights';
import { Avatar } from '../components/people';
import { RaciGrid } from '../components/raci';
import { Card, EmptyState, ErrorMessage, Loading } from '../components/status';
import { HttpStatus } from '../api/status';
import { leadershipPath, Link, personPath, teamPath } from '../lib/router';
import { useAsync, usePageTitle, useReloadable } from '../lib/useAsync';

const DELIVERABLE_STATUS: Record<DeliverableStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

function Deliverables({ roles }: { roles: TeamRoles }) {
  const rows = roles.rows.filter((r) => r.kind === 'deliverable');
  if (rows.length === 0) {
    return <EmptyState title="No deliverables yet">The leadership team has not named what it delivers to the client.</EmptyState>;
  }
  const nameOf = new Map(roles.people.map((p) => [p.person.id, p.person.name]));
  const accountable = (row: RaciRow) => row.cells.filter((c) => c.role === 'A').map((c) => nameOf.get(c.person_id) ?? c.person_id);
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label="Deliverables and who is accountable">
      <table class="table table--compact">
        <caption class="visually-hidden">Deliverables of the account leadership team, with who is accountable for each</caption>
        <thead>
          <tr>
            <th scope="col">Deliverable</th>
            <th scope="col">Due</th>
            <th scope="col">Status</th>
            <th scope="col">Accountable</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const who = accountable(row);
            return (
              <tr key={row.id} data-row-id={row.id}>
                <th scope="row" class="table__rowhead">
                  {row.label}
                </th>
                <td>{row.due_date ? longDate(row.due_date) : '—'}</td>
                <td>{row.status ? DELIVERABLE_STATUS[row.status as DeliverableStatus] ?? row.status : '—'}</td>
                <td>{who.length === 0 ? <span class="leadership__missing">nobody</span> : who.join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function TeamPeople({ roles }: { roles: TeamRoles }) {
  return (
    <ul class="plain-list leadership__people">
      {roles.people.map(({ person, role }) => (
        <li key={person.id} class="cell-person">
          <Avatar name={person.name} size="sm" />
          <Link href={personPath(person.id)}>{person.name}</Link>
          {role && <span class="muted"> · {role}</span>}
        </li>
      ))}
    </ul>
  );
}

function LeadershipBody({ page, onChange, reload }: { page: AccountLeadership; onChange: (page: AccountLeadership) => void; reload: () => void }) {
  const { client, goals, roles, accountable } = page;
  if (!goals || !roles) {
    return (
      <>
        <LeadershipHeader page={page} />
        <EmptyState title="No account leadership team">
          <p>
            {client.name} has no account leadership team yet.{' '}
            {client.key_client
              ? 'As a key client it needs one: a small team with shared goals, its deliverables, who does what, and one person accountable for the account.'
              : 'Key clients need one; this client is not marked as a key client.'}
          </p>
          <p>Add it as a team of this client marked as its leadership team (Admin → Import, teams).</p>
        </EmptyState>
      </>
    );
  }
  const own = goals.goals.filter((g) => g.team?.id === goals.team.id);
  const setGoals = (next: TeamGoals) => onChange({ ...page, goals: next });
  return (
    <>
      <LeadershipHeader page={page} />
      <div class={`alert ${accountable ? 'alert--info' : 'alert--warn'} leadership__accountable`} role="note">
        {accountable ? (
          <p>
            <span class="leadership__accountable-label">Accountable for the account:</span>{' '}
            <Link href={personPath(accountable.id)}>{accountable.name}</Link>
            {accountable.grade && <span class="muted"> · {accountable.grade}</span>}
          </p>
        ) : (
          <p>Nobody is accountable for the account: the leadership team has no leader.</p>
        )}
        <p class="muted">
          The leadership team:{' '}
          <Link href={teamPath(goals.team.id)}>{goals.team.name}</Link> · {roles.people.length}{' '}
          {roles.people.length === 1 ? 'person' : 'people'}
        </p>
      </div>
      <PurposeSection page={goals} onSaved={setGoals} />
      <Card title="Shared goals" id="leadership-goals">
        {own.length > 0 && <GoalChart goals={own} />}
        <GoalTree page={goals} onChanged={reload} />
      </Card>
      <Card title="Who does what" id="leadership-roles">
        <RaciGrid
          roles={roles}
          onChange={(next) => {
            onChange({ ...page, roles: next });
            reload();
          }}
        />
      </Card>
      <div class="layout-split">
        <div class="layout-split__main">
          <Card title="Deliverables" id="leadership-deliverables">
            <Deliverables roles={roles} />
          </Card>
        </div>
        <div class="layout-split__side">
          <Card title="Warnings about roles" id="leadership-warnings">
            <WarningsPanel warnings={roles.warnings} />
          </Card>
          <Card title={`Leadership team (${roles.people.length})`} id="leadership-people">
            <TeamPeople roles={roles} />
          </Card>
        </div>
      </div>
    </>
  );
}

function LeadershipHeader({ page }: { page: AccountLeadership }) {
  return (
    <header class="page-header">
      <p class="eyebrow">Account leadership{page.goals ? ` · as of ${longDate(page.goals.as_of)}` : ''}</p>
      <h1>{page.client.name}</h1>
      {page.client.key_client && (
        <p class="page-header__lead">
          <span class="badge badge--accent">Key client</span>
        </p>
      )}
    </header>
  );
}

export function Leadership({ id }: { id: string }) {
  const [state, control] = useReloadable((signal) => goalsApi.leadership(id, signal), [id]);
  usePageTitle(state.status === 'ready' ? `Account leadership: ${state.data.client.name}` : 'Account leadership');
  return (
    <AsyncPage state={state} loading="Loading the account leadership…" title="Account leadership" notFound="account leadership team">
      {(page) => <LeadershipBody page={page} onChange={control.replace} reload={control.reload} />}
    </AsyncPage>
  );
}

/** On the client page: who is accountable for the account, the goals' statuses and warnings, and the way to the page. */
export function LeadershipCard({ clientId }: { clientId: string }) {
  const state = useAsync((signal) => goalsApi.leadership(clientId, signal), [clientId]);
  let body;
  if (state.status === 'loading') {
    body = <Loading label="Loading the account leadership…" />;
  } else if (state.status === 'error') {
    body = (state.error as ApiError).status === HttpStatus.notFound ? (
      <p class="muted">No account leadership team you are on.</p>
    ) : (
      <ErrorMessage error={state.error} title="The account leadership could not be loaded" />
    );
  } else if (!state.data.goals || !state.data.roles) {
    body = (
      <p class="muted">
        No account leadership team yet.{' '}
        <Link href={leadershipPath(clientId)}>What it needs</Link>
      </p>
    );
  } else {
    const { goals, roles, accountable } = state.data;
    const own = goals.goals.filter((g) => g.team?.id === goals.team.id);
    body = (
      <>
        <p>
          Accountable for the account:{' '}
          {accountable ? <Link href={personPath(accountable.id)}>{accountable.name}</Link> : <span class="leadership__missing">nobody</span>}
        </p>
        <p class="leadership-card__goals">
          {own.length} shared {own.length === 1 ? 'goal' : 'goals'}
          {own.length > 0 && ': '}
          {own.map((g) => (
            <StatusBadge key={g.id} status={g.status} />
          ))}
        </p>
        <p class="muted">
          {roles.people.length} {roles.people.length === 1 ? 'person' : 'people'} ·{' '}
          {roles.warnings.length === 0 ? 'no warnings about roles' : `${roles.warnings.length} ${roles.warnings.length === 1 ? 'warning' : 'warnings'} about roles`}
        </p>
        <p>
          <Link href={leadershipPath(clientId)} class="button button--small">
            Open the account leadership page
          </Link>
        </p>
      </>
    );
  }
  return (
    <Card title="Account leadership" id="client-leadership">
      {body}
    </Card>
  );
}
