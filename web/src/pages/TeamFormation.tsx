// Team formation: the skills a task needs (with levels), the communication
// cost to minimise, and (for firm leaders) the free hours each member needs;
// Guild proposes people who cover every skill among those who already work
// well together, and explains every member. The query lives in the address
// (/team-formation?need=Tax:3&objective=sum&hours=&practice=).

import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { FormedTeam, Objective } from '../api/types';
import { NetworkPicture } from '../components/network';
import { EmptyState, ErrorMessage, Loading } from '../components/status';
import { TypeAhead, type TypeAheadOption } from '../components/typeahead';
import { communityColor } from '../lib/palette';
import { Link, navigate, personPath, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { toApiError, usePageTitle } from '../lib/useAsync';
import { NeedList, type Need } from './Finder';

const DEFAULT_LEVEL = 3;
const SUGGEST_LIMIT = 8;
const OBJECTIVES: { value: Objective; label: string; meaning: string }[] = [
  { value: 'sum', label: 'Everyone close to everyone', meaning: 'least sum of distances between the people covering each pair of skills (Kargar and An)' },
  { value: 'diameter', label: 'No two far apart', meaning: 'least largest distance between two members (Lappas, Liu and Terzi)' },
  { value: 'leader', label: 'Close to one leader', meaning: 'least sum of distances from a leader to each skill (Kargar and An)' },
];

interface FormQuery {
  needs: Need[];
  objective: Objective;
  hours: string;
  practice: string;
}

function fromUrl(params: URLSearchParams): FormQuery {
  const needs = params.getAll('need').flatMap((text) => {
    const at = text.lastIndexOf(':');
    const skill = (at < 0 ? text : text.slice(0, at)).trim();
    const level = at < 0 ? DEFAULT_LEVEL : Number(text.slice(at + 1));
    return skill ? [{ skill, level: Number.isInteger(level) && level >= 1 && level <= 5 ? level : DEFAULT_LEVEL }] : [];
  });
  const objective = (params.get('objective') ?? 'sum') as Objective;
  return {
    needs,
    objective: OBJECTIVES.some((o) => o.value === objective) ? objective : 'sum',
    hours: params.get('hours') ?? '',
    practice: params.get('practice') ?? '',
  };
}

function toUrl(q: FormQuery): string {
  const params = new URLSearchParams();
  for (const n of q.needs) params.append('need', `${n.skill}:${n.level}`);
  if (q.objective !== 'sum') params.set('objective', q.objective);
  if (q.hours.trim()) params.set('hours', q.hours.trim());
  if (q.practice.trim()) params.set('practice', q.practice.trim());
  const text = params.toString();
  return `/team-formation${text ? `?${text}` : ''}`;
}

type Result = { status: 'idle' } | { status: 'loading' } | { status: 'error'; error: ApiError } | { status: 'ready'; team: FormedTeam };

function useTeam(query: FormQuery, key: string): Result {
  const [result, setResult] = useState<Result>({ status: 'idle' });
  useEffect(() => {
    if (query.needs.length === 0) {
      setResult({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setResult({ status: 'loading' });
    api
      .formTeam(
        {
          need: query.needs.map((n) => `${n.skill}:${n.level}`),
          objective: query.objective,
          hours: query.hours.trim() ? Number(query.hours) : undefined,
          practice: query.practice.trim() || undefined,
        },
        controller.signal,
      )
      .then(
        (team) => !controller.signal.aborted && setResult({ status: 'ready', team }),
        (e) => !controller.signal.aborted && setResult({ status: 'error', error: toApiError(e) }),
      );
    return () => controller.abort();
  }, [key]);
  return result;
}

/** Each need no one meets, as the server named it. */
function UnmetNeeds({ error }: { error: ApiError }) {
  const errors = error.problem.errors ?? [];
  if (errors.length === 0) return <ErrorMessage error={error} title="No team could be formed" />;
  return (
    <div class="alert alert--warn" role="alert">
      <p class="alert__title">No team can cover these needs</p>
      <ul>
        {errors.map((e) => (
          <li key={e.value}>
            <strong>{e.value}</strong>: {e.expected}
          </li>
        ))}
      </ul>
    </div>
  );
}

function TeamResult({ team }: { team: FormedTeam }) {
  const picture = useMemo(() => {
    const ids = new Set(team.members.map((m) => m.id));
    const edges: { source: string; target: string; width: number; label: string }[] = [];
    for (const m of team.members) {
      for (const t of m.ties) {
        if (t.hours > 0 && m.id < t.id && ids.has(t.id)) edges.push({ source: m.id, target: t.id, width: 2 + Math.min(8, t.hours / 20), label: `${Math.round(t.hours)} h` });
      }
    }
    return {
      nodes: team.members.map((m) => ({ id: m.id, label: `${m.name}${m.covers.length ? ` (${m.covers.join(', ')})` : ''}`, color: communityColor(m.leader ? 1 : 0), size: 36, ring: m.leader })),
      edges,
    };
  }, [team]);
  const name = (id: string) => team.members.find((m) => m.id === id)?.name ?? id;
  return (
    <>
      <dl class="facts facts--wide">
        <div class="facts__item">
          <dt>Cost ({team.objective})</dt>
          <dd>
            {team.cost.toFixed(3)} {team.optimal && <span class="badge badge--accent">proven least</span>}
          </dd>
        </div>
        <div class="facts__item">
          <dt>Diameter</dt>
          <dd>{team.costs.diameter.toFixed(3)}</dd>
        </div>
        <div class="facts__item">
          <dt>Sum of distances</dt>
          <dd>{team.costs.sum.toFixed(3)}</dd>
        </div>
        <div class="facts__item">
          <dt>Leader distance</dt>
          <dd>
            {team.costs.leader.toFixed(3)} (leader {name(team.leader)})
          </dd>
        </div>
      </dl>
      <p class="muted">Distances: a tie of w hours is 40 / (w + 40) long, so people who shared a full-time week are 0.5 apart and strangers are far.</p>
      <NetworkPicture nodes={picture.nodes} edges={picture.edges} height={320} label="The proposed team: lines are direct ties (hours of shared work); the ring marks the leader." />
      <div class="table-wrap">
        <table class="table">
          <caption class="visually-hidden">Why each member is on the team</caption>
          <thead>
            <tr>
              <th scope="col">Member</th>
              <th scope="col">Covers</th>
              <th scope="col">Ties to the others</th>
            </tr>
          </thead>
          <tbody>
            {team.members.map((m) => (
              <tr key={m.id}>
                <th scope="row" class="table__rowhead">
                  <Link href={personPath(m.id)}>{m.name}</Link>
                  {m.leader && <span class="badge">leader</span>}
                  <div class="muted">
                    {m.grade} · {m.practice}
                  </div>
                </th>
                <td>{m.covers.length ? m.covers.join(', ') : <span class="muted">connects the team</span>}</td>
                <td>
                  {m.ties.length === 0 ? (
                    <span class="muted">works alone on this task</span>
                  ) : (
                    <ul class="plain-list ties">
                      {m.ties.map((t) => (
                        <li key={t.id}>
                          {name(t.id)}: {t.hours > 0 ? `${Math.round(t.hours)} h together` : 'no direct tie'}, distance {t.distance.toFixed(2)}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

export function TeamFormation() {
  usePageTitle('Form a team');
  const { user } = useSession();
  const firmWide = user.role === 'firm_leader' || user.role === 'administrator';
  const location = useLocation();
  const applied = fromUrl(location.query);
  const key = toUrl(applied);
  const [draft, setDraft] = useState<FormQuery>(applied);
  const result = useTeam(applied, key);
  useEffect(() => setDraft(fromUrl(location.query)), [key]);

  const addNeed = (skill: string) => {
    if (draft.needs.some((n) => n.skill.toLowerCase() === skill.toLowerCase())) return;
    setDraft({ ...draft, needs: [...draft.needs, { skill, level: DEFAULT_LEVEL }] });
  };
  const load = async (text: string, signal: AbortSignal): Promise<TypeAheadOption[]> => {
    const found = await api.suggestSkills(text, SUGGEST_LIMIT, signal);
    return found.skills.map((s) => ({ key: s.id, label: s.name, detail: 'Skill' }));
  };
  return (
    <>
      <header class="page-header">
        <h1>Form a team</h1>
        <p class="page-header__lead">
          Name the skills a task needs. Guild proposes people who cover them all and who already work together, so the team communicates at low cost.
        </p>
      </header>
      <form
        class="card finder"
        aria-label="What the team needs"
        onSubmit={(e) => {
          e.preventDefault();
          navigate(toUrl(draft));
        }}
      >
        <div class="finder__needs">
          <TypeAhead
            id="team-skill"
            label="Skill"
            placeholder="e.g. Tax law, negotiation"
            hint="Pick a suggestion, or press Enter to add what you typed."
            load={load}
            clearOnPick
            onPick={(o) => addNeed(o.label)}
            onEnterText={(text) => {
              addNeed(text);
              return true;
            }}
          />
          <NeedList needs={draft.needs} onChange={(needs) => setDraft({ ...draft, needs })} />
        </div>
        <fieldset class="finder__mode">
          <legend>Lowest communication cost</legend>
          {OBJECTIVES.map((o) => (
            <label class="choice" key={o.value}>
              <input type="radio" name="objective" value={o.value} checked={draft.objective === o.value} onChange={() => setDraft({ ...draft, objective: o.value })} />{' '}
              {o.label} <span class="muted">— {o.meaning}</span>
            </label>
          ))}
        </fieldset>
        <div class="filters filters--inline">
          <div class="field field--compact">
            <label for="team-practice">Practice</label>
            <input id="team-practice" type="text" value={draft.practice} placeholder="Any" onInput={(e) => setDraft({ ...draft, practice: e.currentTarget.value })} />
          </div>
          {firmWide && (
            <div class="field field--compact">
              <label for="team-hours">Free hours a week each</label>
              <input id="team-hours" type="number" min={0} step={1} value={draft.hours} placeholder="0" onInput={(e) => setDraft({ ...draft, hours: e.currentTarget.value })} />
            </div>
          )}
        </div>
        {!firmWide && <p class="muted finder__note">Free hours are private: firm leaders can ask for members with capacity.</p>}
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={draft.needs.length === 0}>
            Propose a team
          </button>
        </div>
      </form>
      <section class="card" aria-labelledby="team-result-heading" id="team-result">
        <div class="card__header">
          <h2 id="team-result-heading">Proposed team</h2>
          <p class="muted" role="status" aria-live="polite">
            {result.status === 'loading' ? 'Forming the team…' : result.status === 'ready' ? `${result.team.members.length} ${result.team.members.length === 1 ? 'person' : 'people'} in ${(result.team.seconds * 1000).toFixed(0)} ms` : ''}
          </p>
        </div>
        {result.status === 'idle' && (
          <EmptyState title="Add a skill to start">
            <p>Pick the skills the task needs, set their levels, then choose “Propose a team”.</p>
          </EmptyState>
        )}
        {result.status === 'loading' && <Loading label="Forming the team…" />}
        {result.status === 'error' && <UnmetNeeds error={result.error} />}
        {result.status === 'ready' && <TeamResult team={result.team} />}
      </section>
    </>
  );
}
