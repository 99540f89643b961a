// Home: my skills, my teams and my open actions.

import { api } from '../api/client';
import { checkinsApi } from '../api/checkins-client';
import type { Action, Me, MyCheckins } from '../api/types';
import { cycleLabel, StatusBadge } from '../components/checkins';
import { longDate } from '../components/insights';
import { personMeta, TeamList } from '../components/people';
import { SkillsBlock } from '../components/skills';
import { AsyncSection } from '../components/async';
import { Card, EmptyState } from '../components/status';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { useAsync, usePageTitle } from '../lib/useAsync';

function firstName(name: string): string {
  return name.trim().split(/\s+/)[0] ?? name;
}

function ActionList({ actions }: { actions: Action[] }) {
  if (actions.length === 0) {
    return (
      <EmptyState title="You're all caught up">
        <p>Nothing is waiting for you right now.</p>
      </EmptyState>
    );
  }
  return (
    <ul class="action-list">
      {actions.map((a) => (
        <li key={a.kind + a.href}>
          {a.href.startsWith('/') ? (
            <Link href={a.href} class="action-list__link">
              <span>{a.title}</span>
              <span aria-hidden="true" class="action-list__arrow">→</span>
            </Link>
          ) : a.href ? (
            <a href={a.href} class="action-list__link">
              <span>{a.title}</span>
            </a>
          ) : (
            <span class="action-list__text">{a.title}</span>
          )}
        </li>
      ))}
    </ul>
  );
}

/** My check-ins still to do this cycle and the questions routed to me, each linking to where it is done. */
function CheckinsDue({ mine }: { mine: MyCheckins }) {
  const due = mine.teams.filter((t) => t.status === 'due' || t.status === 'draft' || t.status === 'overdue');
  if (due.length === 0 && mine.questions_to_me.length === 0) {
    return (
      <EmptyState title="No check-in due">
        <p>
          Your check-ins for this cycle are done or none is expected. <Link href="/checkins">Open check-ins</Link>
        </p>
      </EmptyState>
    );
  }
  return (
    <ul class="action-list home-checkins">
      {due.map((t) => (
        <li key={t.team.id} data-team-id={t.team.id}>
          <Link href="/checkins" class="action-list__link">
            <span>
              Check in with {t.team.name} <StatusBadge status={t.status} />
              <span class="muted"> · due {longDate(t.cycle.due_on)} ({cycleLabel(t.cycle)})</span>
            </span>
            <span aria-hidden="true" class="action-list__arrow">→</span>
          </Link>
        </li>
      ))}
      {mine.questions_to_me.map((q) => (
        <li key={q.id} data-question-id={q.id}>
          <Link href="/checkins#questions-to-me" class="action-list__link">
            <span>
              {q.asker.name} asks: “{q.text}”
            </span>
            <span aria-hidden="true" class="action-list__arrow">→</span>
          </Link>
        </li>
      ))}
    </ul>
  );
}

function HomeCheckins() {
  const state = useAsync((signal) => checkinsApi.mine(signal), []);
  if (state.status === 'error') return null; // an account linked to no person has no check-ins
  return (
    <Card
      title="My check-ins"
      id="home-checkins"
      actions={
        <Link href="/feedback" class="button button--ghost button--small">
          My feedback
        </Link>
      }
    >
      <AsyncSection state={state} loading="Loading your check-ins…">
        {(mine) => <CheckinsDue mine={mine} />}
      </AsyncSection>
    </Card>
  );
}

function HomeBody({ me }: { me: Me }) {
  const owner = me.person?.name ?? 'you';
  return (
    <div class="layout-split">
      <div class="layout-split__main">
        <Card title="My skills" id="my-skills">
          {me.person ? (
            <SkillsBlock
              skills={me.skills}
              owner={owner}
              emptyHint="Ask your manager or an administrator to import your skills profile, or rate yourself once self-assessment opens."
            />
          ) : (
            <EmptyState title="Your account is not linked to a person">
              <p>Skills and teams belong to people in the firm's directory. An administrator can link your account.</p>
            </EmptyState>
          )}
        </Card>
      </div>
      <div class="layout-split__side">
        {me.person && <HomeCheckins />}
        <Card title="My open actions" id="my-actions">
          <ActionList actions={me.actions} />
        </Card>
        <Card title="My teams" id="my-teams">
          <TeamList
            teams={me.teams}
            emptyTitle="You're not on a team yet"
            emptyBody="When you are staffed onto a team, it shows here with its purpose."
          />
        </Card>
      </div>
    </div>
  );
}

export function Home() {
  usePageTitle('Home');
  const { user } = useSession();
  const state = useAsync((signal) => api.me(signal), []);
  const me = state.status === 'ready' ? state.data : null;
  return (
    <>
      <header class="page-header">
        <h1>Welcome, {firstName(user.name || user.email)}</h1>
        {me?.person && <p class="page-header__lead">{[me.person.title, personMeta(me.person)].filter(Boolean).join(' · ')}</p>}
      </header>
      <AsyncSection state={state} loading="Loading your home page…">
        {(data) => <HomeBody me={data} />}
      </AsyncSection>
    </>
  );
}
