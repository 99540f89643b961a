// A person's profile: details, manager and reports, skills (edited here by
// the person, rated by colleagues who may), teams.

import { api } from '../api/client';
import type { PersonProfile } from '../api/types';
import { Avatar, PeopleList, PersonRow, TeamList } from '../components/people';
import { SkillRatingsCard } from '../components/skill-ratings';
import { AsyncPage } from '../components/async';
import { PersonGoalsCard } from '../components/goals';
import { Card } from '../components/status';
import { Link } from '../lib/router';
import { useAsync, usePageTitle } from '../lib/useAsync';

function Facts({ profile }: { profile: PersonProfile }) {
  const p = profile.person;
  const facts: [string, string][] = [
    ['Practice', p.practice],
    ['Office', p.office],
    ['Grade', p.grade],
    ['Capacity', p.weekly_capacity_hours ? `${p.weekly_capacity_hours} h / week` : ''],
    ['Started', p.start_date ?? ''],
    ['Leaves', p.end_date ?? ''],
  ];
  return (
    <dl class="facts">
      {facts
        .filter(([, value]) => value)
        .map(([term, value]) => (
          <div class="facts__item" key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

function ProfileBody({ profile }: { profile: PersonProfile }) {
  const p = profile.person;
  return (
    <>
      <header class="profile-header card">
        <Avatar name={p.name} size="lg" />
        <div class="profile-header__text">
          <h1>{p.name}</h1>
          <p class="profile-header__title">{p.title || 'No title recorded'}</p>
          <p>
            <a href={`mailto:${p.email}`}>{p.email}</a>
          </p>
          {p.weekly_capacity_hours ? (
            <p>
              <Link href={`/people/${encodeURIComponent(p.id)}/growth`}>Growth: skills chart, gaps, mentors and peers</Link>
            </p>
          ) : null}
          {p.tags && p.tags.length > 0 && (
            <ul class="tags" aria-label="Tags">
              {p.tags.map((t) => (
                <li key={t} class="badge">
                  {t}
                </li>
              ))}
            </ul>
          )}
        </div>
        <Facts profile={profile} />
      </header>
      <div class="layout-split">
        <div class="layout-split__main">
          <SkillRatingsCard personId={p.id} name={p.name} />
          <PersonGoalsCard personId={p.id} name={p.name} />
        </div>
        <div class="layout-split__side">
          <Card title="Reports to" id="person-manager">
            {profile.manager ? <PersonRow person={profile.manager} /> : <p class="muted">No manager on record.</p>}
          </Card>
          <Card title={`Direct reports (${profile.reports.length})`} id="person-reports">
            <PeopleList people={profile.reports} empty="No direct reports." />
          </Card>
          <Card title="Teams" id="person-teams">
            <TeamList teams={profile.teams} emptyTitle="Not on a team you can see" />
          </Card>
        </div>
      </div>
    </>
  );
}

export function Person({ id }: { id: string }) {
  const state = useAsync((signal) => api.person(id, signal), [id]);
  usePageTitle(state.status === 'ready' ? state.data.person.name : 'Profile');
  return (
    <AsyncPage state={state} loading="Loading the profile…" title="Profile" notFound="person">
      {(profile) => <ProfileBody profile={profile} />}
    </AsyncPage>
  );
}
