// Small views of people and teams used on several pages.

import type { PersonSummary, TeamSummary } from '../api/types';
import { Link, personPath, teamPath } from '../lib/router';
import { EmptyState } from './status';

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? '?';
  const last = parts.length > 1 ? parts[parts.length - 1][0] : '';
  return (first + last).toUpperCase();
}

export function Avatar({ name, size = 'md' }: { name: string; size?: 'sm' | 'md' | 'lg' }) {
  return (
    <span class={`avatar avatar--${size}`} aria-hidden="true">
      {initials(name)}
    </span>
  );
}

export function personMeta(person: PersonSummary): string {
  return [person.practice, person.office, person.grade].filter(Boolean).join(' · ');
}

/** A person as one line: avatar, linked name, title and where they sit. */
export function PersonRow({ person, extra }: { person: PersonSummary; extra?: string }) {
  return (
    <div class="person-row">
      <Avatar name={person.name} size="sm" />
      <div class="person-row__text">
        <Link href={personPath(person.id)} class="person-row__name">
          {person.name}
        </Link>
        <span class="person-row__meta">
          {[person.title, extra].filter(Boolean).join(' — ')}
        </span>
      </div>
      <span class="person-row__place">{personMeta(person)}</span>
    </div>
  );
}

export function PeopleList({ people, empty }: { people: PersonSummary[]; empty: string }) {
  if (people.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="plain-list">
      {people.map((p) => (
        <li key={p.id}>
          <PersonRow person={p} />
        </li>
      ))}
    </ul>
  );
}

export function TeamList({ teams, emptyTitle, emptyBody }: { teams: TeamSummary[]; emptyTitle: string; emptyBody?: string }) {
  if (teams.length === 0) return <EmptyState title={emptyTitle}>{emptyBody && <p>{emptyBody}</p>}</EmptyState>;
  return (
    <ul class="team-list">
      {teams.map((t) => (
        <li key={t.id} class="team-list__item">
          <Link href={teamPath(t.id)} class="team-list__name">
            {t.name}
          </Link>
          {t.leadership_team && <span class="badge badge--accent">Leadership team</span>}
          {t.purpose && <p class="team-list__purpose">{t.purpose}</p>}
          <p class="team-list__meta">
            {t.member_count} {t.member_count === 1 ? 'member' : 'members'}
          </p>
        </li>
      ))}
    </ul>
  );
}
