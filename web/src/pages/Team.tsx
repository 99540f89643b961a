// A team: its purpose first (with its history; its leaders edit it), the goal
// tree with progress charts and status colours, who does what (the RACI grid,
// editable in place by keyboard) beside the warnings about roles, the client
// log of its engagement(s), then its leader and members with their roles.

import { api } from '../api/client';
import { goalsApi } from '../api/goals-client';
import type { TeamDetail } from '../api/types';
import { Avatar, PersonRow } from '../components/people';
import { AsyncPage, AsyncSection } from '../components/async';
import { teamCheckinsPath } from '../components/checkins';
import { ClientLog } from '../components/clientlog';
import { GoalChart, GoalTree, PurposeSection, WarningsPanel } from '../components/goals';
import { RaciGrid } from '../components/raci';
import { Card, EmptyState } from '../components/status';
import { leadershipPath, Link, personPath, teamPath } from '../lib/router';
import { useSession } from '../lib/session';
import { useAsync, usePageTitle, useReloadable } from '../lib/useAsync';

function MemberTable({ detail }: { detail: TeamDetail }) {
  if (detail.members.length === 0) {
    return <EmptyState title="No members yet">This team has no members on record.</EmptyState>;
  }
  const members = [...detail.members].sort((a, b) => a.person.name.localeCompare(b.person.name));
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">Members of {detail.team.name} and their roles</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Role on the team</th>
            <th scope="col" class="hide-narrow">Title</th>
            <th scope="col" class="hide-narrow">Practice · Office</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.person.id}>
              <th scope="row" class="table__rowhead">
                <span class="cell-person">
                  <Avatar name={m.person.name} size="sm" />
                  <Link href={personPath(m.person.id)}>{m.person.name}</Link>
                </span>
              </th>
              <td>{m.role || <span class="muted">—</span>}</td>
              <td class="hide-narrow">{m.person.title}</td>
              <td class="hide-narrow muted">{[m.person.practice, m.person.office].filter(Boolean).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StaticPurpose({ purpose }: { purpose: string }) {
  return (
    <section class="purpose" aria-labelledby="team-purpose-heading">
      <h2 id="team-purpose-heading" class="purpose__label">
        Purpose
      </h2>
      {purpose ? <p class="purpose__text">{purpose}</p> : <p class="purpose__text purpose__text--missing">This team has not written down its purpose yet.</p>}
    </section>
  );
}

function TeamBody({ detail }: { detail: TeamDetail }) {
  const id = detail.team.id;
  const [goals, goalsControl] = useReloadable((signal) => goalsApi.teamGoals(id, signal), [id]);
  const [roles, rolesControl] = useReloadable((signal) => goalsApi.teamRoles(id, signal), [id]);
  const { user } = useSession();
  const leads = detail.leader !== null && detail.leader.id === user.person_id;
  const own = goals.status === 'ready' ? goals.data.goals.filter((g) => g.team?.id === id) : [];
  return (
    <>
      <header class="page-header">
        <p class="eyebrow">{detail.team.leadership_team ? 'Leadership team' : 'Team'}</p>
        <h1>{detail.team.name}</h1>
        <p class="page-header__lead team-links">
          <Link href={`${teamPath(id)}/network`}>How this team works together: its network and shape →</Link>
          <Link href={`${teamPath(id)}/brief`}>Onboarding brief</Link>
          {leads && <Link href={teamCheckinsPath(id)}>Team check-ins</Link>}
          {detail.team.leadership_team && detail.team.client_id && (
            <Link href={leadershipPath(detail.team.client_id)}>Account leadership page</Link>
          )}
        </p>
      </header>
      {goals.status === 'ready' ? (
        <PurposeSection page={goals.data} onSaved={goalsControl.replace} />
      ) : (
        <StaticPurpose purpose={detail.purpose || detail.team.purpose} />
      )}
      <Card title="Goals" id="team-goals">
        <AsyncSection state={goals} loading="Loading the goals…" failed="The goals could not be loaded">
          {(page) => (
            <>
              {own.length > 0 && (
                <>
                  <GoalChart goals={own} />
                  <p class="chart-legend">
                    Bars: the way covered, in the goal’s status colour · dark tick: what is expected by now. The
                    list below says the same in words.
                  </p>
                </>
              )}
              <GoalTree page={page} onChanged={goalsControl.reload} />
            </>
          )}
        </AsyncSection>
      </Card>
      <Card title="Who does what" id="team-roles">
        <AsyncSection state={roles} loading="Loading who does what…" failed="The roles could not be loaded">
          {(data) => (
            <RaciGrid
              roles={data}
              onChange={(next) => {
                rolesControl.replace(next);
                goalsControl.reload();
              }}
            />
          )}
        </AsyncSection>
      </Card>
      <div class="layout-split">
        <div class="layout-split__main">
          {goals.status === 'ready' && goals.data.log_engagements.length > 0 && (
            <Card title="Client log" id="team-log">
              <ClientLog engagements={goals.data.log_engagements} today={goals.data.as_of} />
            </Card>
          )}
          <Card title={`Members (${detail.members.length})`} id="team-members">
            <MemberTable detail={detail} />
          </Card>
        </div>
        <div class="layout-split__side">
          <Card title="Warnings about roles" id="team-warnings">
            <AsyncSection state={roles} loading="Checking the roles…" failed="The roles could not be checked">
              {(data) => <WarningsPanel warnings={data.warnings} />}
            </AsyncSection>
          </Card>
          <Card title="Leader" id="team-leader">
            {detail.leader ? <PersonRow person={detail.leader} /> : <p class="muted">No leader named.</p>}
          </Card>
        </div>
      </div>
    </>
  );
}

export function Team({ id }: { id: string }) {
  const state = useAsync((signal) => api.team(id, signal), [id]);
  usePageTitle(state.status === 'ready' ? state.data.team.name : 'Team');
  return (
    <AsyncPage state={state} loading="Loading the team…" title="Team" notFound="team">
      {(detail) => <TeamBody detail={detail} />}
    </AsyncPage>
  );
}
