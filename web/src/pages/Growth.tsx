// My growth (/growth) and a person's growth (/people/{id}/growth, for people
// whose details the viewer may read): skills as a chart, the history of one
// skill, gaps to a chosen role (kept in the address as ?role=ID), people to
// follow (mentors, role models), lead (mentees) and walk with (peers), and
// the advisory circle with its quarterly reminder. On my own page: "Ask to
// mentor" on each suggested mentor and the Mentoring card (requests to me,
// my active pairs; components/mentoring.tsx).

import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { CircleMemberView, CircleView, GapView, Growth as GrowthData, HistoryPoint, PersonSkillView, RoleGaps as RoleGapsData, RoleRef } from '../api/types';
import { BriefRow, isoToday, LevelHistoryChart, levelLabel, longDate } from '../components/insights';
import { GapActions } from '../components/gap-actions';
import { AskToMentor, MentoringPanel } from '../components/mentoring';
import { SkillsBlock } from '../components/skills';
import { AsyncPage, AsyncSection } from '../components/async';
import { Card, EmptyState } from '../components/status';
import { TypeAhead, type TypeAheadOption } from '../components/typeahead';
import { Link, navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { useAsync, usePageTitle } from '../lib/useAsync';
const ROLE_SUGGESTIONS = 10;
/** Show the circle reminder as due when the next review is this close. */
const REMINDER_DAYS = 21;

function toSkillViews(data: GrowthData): PersonSkillView[] {
  return data.skills.map((s) => ({ skill_id: s.id, name: s.name, level: s.level, level_name: s.level_name, wants_to_grow: s.wants_to_grow, source: s.source, last_used: null }));
}

function SkillHistory({ history }: { history: HistoryPoint[] }) {
  const skills = useMemo(() => {
    const seen = new Map<string, string>();
    for (const h of history) if (!seen.has(h.skill.id)) seen.set(h.skill.id, h.skill.name);
    return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  }, [history]);
  const [chosen, setChosen] = useState<string>('');
  const skillId = skills.some((s) => s.id === chosen) ? chosen : skills[0]?.id ?? '';
  const steps = useMemo(
    () => history.filter((h) => h.skill.id === skillId).sort((a, b) => a.date.localeCompare(b.date)).map((h) => ({ date: h.date, level: h.level })),
    [history, skillId],
  );
  if (skills.length === 0) {
    return (
      <EmptyState title="No history recorded yet">
        <p>Levels are recorded each time a skill is assessed; the journey shows here once there are some.</p>
      </EmptyState>
    );
  }
  const name = skills.find((s) => s.id === skillId)?.name ?? '';
  return (
    <>
      <div class="field field--compact history__picker">
        <label for="history-skill">Skill</label>
        <select id="history-skill" value={skillId} onChange={(e) => setChosen(e.currentTarget.value)}>
          {skills.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <LevelHistoryChart steps={steps} until={isoToday()} />
      <div class="table-wrap">
        <table class="table table--compact" id="history-table">
          <caption class="visually-hidden">Recorded levels of {name}, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Level</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s, i) => (
              <tr key={`${s.date}-${i}`}>
                <td>{longDate(s.date)}</td>
                <td>{levelLabel(s.level)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

const KIND_LABELS: Record<string, string> = { missing: 'Missing', below: 'Below level', met: 'Met' };

function GapTable({ rows, caption, id }: { rows: GapView[]; caption: string; id: string }) {
  return (
    <div class="table-wrap">
      <table class="table" id={id}>
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col">Needs</th>
            <th scope="col">Have</th>
            <th scope="col" class="num hide-narrow">Importance</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((g) => (
            <tr key={g.skill.id}>
              <th scope="row" class="table__rowhead">
                <span class="gap__name">{g.skill.name}</span>
                <span class={`badge badge--inline gap--${g.kind}`}>{KIND_LABELS[g.kind] ?? g.kind}</span>
                {g.essential && g.kind !== 'met' && <span class="badge badge--inline">Essential</span>}
              </th>
              <td>{levelLabel(g.required)}</td>
              <td>{levelLabel(g.have)}</td>
              <td class="num hide-narrow">{g.importance.toFixed(1)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RoleOption extends TypeAheadOption {
  role: RoleRef;
}

function RoleGapsPanel({ personId, roleId }: { personId: string; roleId: string }) {
  const state = useAsync((signal) => api.gaps(personId, roleId, signal), [personId, roleId]);
  return (
    <>
      <AsyncSection state={state} loading="Comparing with the role…" failed="The gaps could not be worked out">
        {(data) => <RoleGapsView data={data} />}
      </AsyncSection>
      <GapActions personId={personId} roleId={roleId} />
    </>
  );
}

function RoleGapsView({ data: { role, gaps, met } }: { data: RoleGapsData }) {
  return (
    <div class="gaps" aria-live="polite">
      <p class="gaps__summary">
        <strong>{role.name}</strong>: {gaps.length === 0 ? 'no gaps — every skill is met' : `${gaps.length} ${gaps.length === 1 ? 'gap' : 'gaps'}, most important first`}
        {met.length > 0 && `; ${met.length} met`}.
      </p>
      {gaps.length > 0 && <GapTable rows={gaps} caption={`Gaps to ${role.name}, most important first`} id="gaps-table" />}
      {met.length > 0 && (
        <details class="gaps__met">
          <summary>Skills already met ({met.length})</summary>
          <GapTable rows={met} caption={`Skills of ${role.name} already met`} id="gaps-met-table" />
        </details>
      )}
    </div>
  );
}

function RoleGaps({ personId }: { personId: string }) {
  const location = useLocation();
  const roleId = location.query.get('role') ?? '';
  const [roleName, setRoleName] = useState('');
  const pickRole = (o: RoleOption) => {
    setRoleName(o.role.name);
    const params = new URLSearchParams(location.query);
    params.set('role', o.role.id);
    navigate(`${location.path}?${params.toString()}`, { replace: true });
  };
  const load = async (text: string, signal: AbortSignal): Promise<RoleOption[]> => {
    const found = await api.roles(text, ROLE_SUGGESTIONS, signal);
    return found.roles.map((r) => ({ key: r.id, label: r.name, detail: r.source, role: r }));
  };
  return (
    <>
      <TypeAhead<RoleOption> id="growth-role" label="Target role" placeholder="e.g. Data scientist" hint="A firm role or an O*NET / ESCO occupation." load={load} onPick={pickRole} initialText={roleName || undefined} />
      {roleId ? (
        <RoleGapsPanel personId={personId} roleId={roleId} />
      ) : (
        <p class="muted gaps__hint">Pick a role to see the missing skills and level gaps, ordered by how much the role relies on them.</p>
      )}
    </>
  );
}

function Section({ title, count, children }: { title: string; count: number; children: ComponentChildren }) {
  return (
    <div class="subsection">
      <h3>
        {title} <span class="muted">({count})</span>
      </h3>
      {children}
    </div>
  );
}

function List<T>({ items, empty, label, render }: { items: T[]; empty: string; label: string; render: (item: T) => ComponentChildren }) {
  if (items.length === 0) return <p class="muted">{empty}</p>;
  return (
    <ul class="plain-list" aria-label={label}>
      {items.map((item, i) => (
        <li key={i}>{render(item)}</li>
      ))}
    </ul>
  );
}

const CIRCLE_SLOTS: { key: 'senior' | 'peer' | 'junior'; label: string }[] = [
  { key: 'senior', label: 'Someone senior' },
  { key: 'peer', label: 'A peer' },
  { key: 'junior', label: 'Someone junior' },
];

function daysUntil(iso: string): number {
  const target = Date.parse(`${iso}T00:00:00Z`);
  const today = Date.parse(`${isoToday()}T00:00:00Z`);
  return Math.round((target - today) / 86_400_000);
}

function Circle({ circle, mine }: { circle: CircleView | null; mine: boolean }) {
  if (!circle) {
    return (
      <EmptyState title="No circle yet">
        <p>The circle needs a grade on the firm's ladder; ask an administrator to record it.</p>
      </EmptyState>
    );
  }
  const next = typeof circle.next_review === 'string' ? circle.next_review : '';
  const days = next ? daysUntil(next) : Infinity;
  return (
    <>
      <ul class="circle" aria-label="Advisory circle">
        {CIRCLE_SLOTS.map(({ key, label }) => {
          const member: CircleMemberView | null = circle[key];
          return (
            <li key={key} class="circle__slot">
              <span class="circle__label">{label}</span>
              {member ? <BriefRow person={member.person} why={member.why} /> : <p class="muted">Nobody fits yet.</p>}
            </li>
          );
        })}
      </ul>
      {next && (
        <p class={days <= REMINDER_DAYS ? 'reminder reminder--due' : 'reminder'} id="circle-reminder">
          {mine ? 'Consult your circle' : 'The circle meets'} once a quarter — next by <strong>{longDate(next)}</strong>
          {days <= REMINDER_DAYS && days >= 0 && ` (in ${days} ${days === 1 ? 'day' : 'days'})`}.
        </p>
      )}
    </>
  );
}

function GrowthBody({ data, mine }: { data: GrowthData; mine: boolean }) {
  const p = data.person;
  const owner = mine ? 'you' : p.name;
  const [asked, setAsked] = useState(0);
  const growthSkills = data.skills.filter((s) => s.wants_to_grow).map((s) => ({ id: s.id, name: s.name }));
  const skillsFor = (skill: { id: string; name: string }) => (growthSkills.some((s) => s.id === skill.id) ? growthSkills : [skill, ...growthSkills]);
  return (
    <>
      <header class="page-header">
        <p class="eyebrow">{[p.practice, p.office, p.grade].filter(Boolean).join(' · ')}</p>
        <h1>{mine ? 'My growth' : `Growth of ${p.name}`}</h1>
        <p class="page-header__lead">
          {mine ? 'Your skills, your gaps to a role you aim for, and the people to follow, lead and walk with.' : `Skills, gaps and the people around ${p.name}.`}{' '}
          {!mine && <Link href={`/people/${encodeURIComponent(p.id)}`}>Open the profile</Link>}
        </p>
      </header>
      <div class="layout-split">
        <div class="layout-split__main">
          <Card title={mine ? 'My skills' : 'Skills'} id="growth-skills">
            <SkillsBlock skills={toSkillViews(data)} owner={owner} emptyHint="Skills appear here once they are assessed or imported." />
          </Card>
          <Card title="Skill history" id="growth-history">
            <SkillHistory history={data.history} />
          </Card>
          <Card title="Gaps to a role" id="growth-gaps">
            <RoleGaps personId={p.id} />
          </Card>
          {mine && (
            <Card title="Mentoring" id="mentoring">
              <MentoringPanel me={p.id} version={asked} />
            </Card>
          )}
        </div>
        <div class="layout-split__side">
          <Card title="Follow" id="growth-follow">
            <Section title="Mentors" count={data.mentors.length}>
              <List
                items={data.mentors}
                label="Mentors"
                empty="No mentor with time right now for a skill marked “wants to grow”."
                render={(m) => (
                  <BriefRow person={m.person} context={`${m.skill.name}: level ${m.mentor_level} (${mine ? 'you' : 'now'} ${m.mentee_level})`} why={m.why}>
                    {mine && !m.why.startsWith('active mentorship') && (
                      <AskToMentor mentor={m.person} skills={skillsFor(m.skill)} preselected={m.skill.id} onAsked={() => setAsked((n) => n + 1)} />
                    )}
                  </BriefRow>
                )}
              />
            </Section>
            <Section title="Role models" count={data.role_models.length}>
              <List items={data.role_models} label="Role models" empty="Nobody's recorded journey matches yet." render={(r) => <BriefRow person={r.person} context={r.skill?.name} why={r.why} />} />
            </Section>
          </Card>
          <Card title="Lead" id="growth-lead">
            <List
              items={data.mentees}
              label="Mentees"
              empty="Nobody is growing a skill held here at level 4 or above."
              render={(m) => <BriefRow person={m.person} context={`${m.skill.name}: level ${m.mentee_level} (${mine ? 'you' : 'mentor'} ${m.mentor_level})`} why={m.why} />}
            />
          </Card>
          <Card title="Walk with" id="growth-peers">
            <List
              items={data.peers}
              label="Peers"
              empty="Nobody is growing the same skills from a similar level."
              render={(peer) => <BriefRow person={peer.person} context={peer.skills.map((s) => s.name).join(', ')} why={peer.why} />}
            />
          </Card>
          <Card title="Advisory circle" id="growth-circle">
            <Circle circle={data.circle} mine={mine} />
          </Card>
        </div>
      </div>
    </>
  );
}

export function Growth({ id }: { id?: string }) {
  const { user } = useSession();
  const personId = id ?? user.person_id ?? '';
  const mine = personId !== '' && personId === user.person_id;
  const state = useAsync((signal) => (personId ? api.growth(personId, signal) : Promise.resolve(null)), [personId]);
  usePageTitle(mine || !id ? 'My growth' : state.status === 'ready' && state.data ? `Growth of ${state.data.person.name}` : 'Growth');
  if (!personId) {
    return (
      <>
        <h1>My growth</h1>
        <EmptyState title="Your account is not linked to a person">
          <p>Growth belongs to people in the firm's directory. An administrator can link your account.</p>
        </EmptyState>
      </>
    );
  }
  return (
    <AsyncPage state={state} loading="Loading growth…" title={mine ? 'My growth' : 'Growth'} notFound="person">
      {(data) => data && <GrowthBody data={data} mine={mine} />}
    </AsyncPage>
  );
}
