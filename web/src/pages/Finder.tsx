// Find people by skill: needs (skill + minimum level) picked with a
// type-ahead, all/any, practice/office/grade, wants-to-grow, an availability
// window and (for firm-wide viewers) minimum free hours. The query lives in
// the address (/finder?need=Python:3&need=SQL:2&mode=all...), so results can
// be shared and Back works; the address drives the search.

import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import { HttpStatus } from '../api/status';
import type { SearchHit, SearchMode, SearchQuery, SearchResult, SkillSuggestion } from '../api/types';
import { FacetSelect, usePeopleFacets } from '../components/facets';
import { BriefRow, levelLabel } from '../components/insights';
import { LEVEL_NAMES } from '../components/skills';
import { EmptyState, ErrorMessage, Loading } from '../components/status';
import { TypeAhead, type TypeAheadOption } from '../components/typeahead';
import { navigate, personPath, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { toApiError, usePageTitle } from '../lib/useAsync';

const PAGE_SIZE = 20;
const DEFAULT_LEVEL = 3;
const SUGGEST_LIMIT = 8;

export interface Need {
  skill: string; //!< a name (or id) as the server accepts it
  level: number;
}

interface FinderQuery {
  needs: Need[];
  mode: SearchMode;
  practice: string;
  office: string;
  grade: string;
  grow: boolean;
  from: string;
  to: string;
  minFree: string;
  limit: number;
}

const EMPTY: FinderQuery = { needs: [], mode: 'all', practice: '', office: '', grade: '', grow: false, from: '', to: '', minFree: '', limit: PAGE_SIZE };

/** "Machine learning:4" -> need; the level is after the last colon. */
function parseNeed(text: string): Need | null {
  const at = text.lastIndexOf(':');
  const skill = (at < 0 ? text : text.slice(0, at)).trim();
  const level = at < 0 ? DEFAULT_LEVEL : Number(text.slice(at + 1));
  if (!skill) return null;
  return { skill, level: Number.isInteger(level) && level >= 1 && level <= LEVEL_NAMES.length ? level : DEFAULT_LEVEL };
}

export function queryFromUrl(params: URLSearchParams): FinderQuery {
  const limit = Number(params.get('limit'));
  return {
    needs: params.getAll('need').map(parseNeed).filter((n): n is Need => n !== null),
    mode: params.get('mode') === 'any' ? 'any' : 'all',
    practice: params.get('practice') ?? '',
    office: params.get('office') ?? '',
    grade: params.get('grade') ?? '',
    grow: params.get('wants_to_grow') === 'true',
    from: params.get('from') ?? '',
    to: params.get('to') ?? '',
    minFree: params.get('min_free_hours') ?? '',
    limit: Number.isInteger(limit) && limit > 0 ? limit : PAGE_SIZE,
  };
}

export function queryToUrl(q: FinderQuery): string {
  const params = new URLSearchParams();
  for (const n of q.needs) params.append('need', `${n.skill}:${n.level}`);
  if (q.mode === 'any') params.set('mode', 'any');
  if (q.practice.trim()) params.set('practice', q.practice.trim());
  if (q.office.trim()) params.set('office', q.office.trim());
  if (q.grade.trim()) params.set('grade', q.grade.trim());
  if (q.grow) params.set('wants_to_grow', 'true');
  if (q.from) params.set('from', q.from);
  if (q.to) params.set('to', q.to);
  if (q.minFree.trim()) params.set('min_free_hours', q.minFree.trim());
  if (q.limit !== PAGE_SIZE) params.set('limit', String(q.limit));
  const text = params.toString();
  return `/finder${text ? `?${text}` : ''}`;
}

function toRequest(q: FinderQuery): SearchQuery {
  return {
    need: q.needs.map((n) => `${n.skill}:${n.level}`),
    mode: q.mode,
    practice: q.practice.trim() || undefined,
    office: q.office.trim() || undefined,
    grade: q.grade.trim() || undefined,
    wants_to_grow: q.grow,
    from: q.from || undefined,
    to: q.to || undefined,
    min_free_hours: q.minFree.trim() ? Number(q.minFree.trim()) : undefined,
    limit: q.limit,
  };
}

/** While a search runs, the previous results stay on screen ("Show more" keeps focus and place). */
type Results = { status: 'idle' } | { status: 'loading'; previous?: SearchResult } | { status: 'error'; error: ApiError } | { status: 'ready'; data: SearchResult };

function useSearch(query: FinderQuery, key: string): Results {
  const [results, setResults] = useState<Results>({ status: 'idle' });
  useEffect(() => {
    if (query.needs.length === 0) {
      setResults({ status: 'idle' });
      return;
    }
    const controller = new AbortController();
    setResults((prev) => ({ status: 'loading', previous: prev.status === 'ready' ? prev.data : prev.status === 'loading' ? prev.previous : undefined }));
    api.searchPeople(toRequest(query), controller.signal).then(
      (data) => !controller.signal.aborted && setResults({ status: 'ready', data }),
      (e) => !controller.signal.aborted && setResults({ status: 'error', error: toApiError(e) }),
    );
    return () => controller.abort();
  }, [key]);
  return results;
}

/** Which need a 404 "unknown skill" problem is about: the quoted name in its detail, if any. */
function unknownNeedIndex(error: ApiError, needs: Need[]): number {
  const detail = `${error.problem.detail ?? ''} ${error.problem.title ?? ''}`.toLowerCase();
  const quoted = needs.findIndex((n) => detail.includes(`'${n.skill.toLowerCase()}'`) || detail.includes(`"${n.skill.toLowerCase()}"`));
  if (quoted >= 0) return quoted;
  const named = needs.findIndex((n) => detail.includes(n.skill.toLowerCase()));
  return named >= 0 ? named : needs.length - 1;
}

interface SuggestOption extends TypeAheadOption {
  kind: 'skill' | 'person';
  id: string;
}

export function NeedList({ needs, onChange }: { needs: Need[]; onChange: (needs: Need[]) => void }) {
  if (needs.length === 0) return <p class="muted needs__empty">No skills yet: pick one above.</p>;
  return (
    <ul class="needs" aria-label="Skills to find">
      {needs.map((n, i) => (
        <li key={`${n.skill}-${i}`} class="needs__item">
          <span class="needs__skill">{n.skill}</span>
          <label class="visually-hidden" for={`need-level-${i}`}>
            Minimum level for {n.skill}
          </label>
          <select
            id={`need-level-${i}`}
            value={n.level}
            onChange={(e) => onChange(needs.map((m, j) => (j === i ? { ...m, level: Number(e.currentTarget.value) } : m)))}
          >
            {LEVEL_NAMES.map((name, l) => (
              <option key={name} value={l + 1}>
                at least {l + 1} · {name}
              </option>
            ))}
          </select>
          <button type="button" class="button button--ghost button--small" aria-label={`Remove ${n.skill}`} onClick={() => onChange(needs.filter((_, j) => j !== i))}>
            Remove
          </button>
        </li>
      ))}
    </ul>
  );
}

function HitRow({ hit, rank }: { hit: SearchHit; rank: number }) {
  const needs = hit.matches.length;
  return (
    <li class="hit">
      <span class="hit__rank" aria-hidden="true">
        {rank}
      </span>
      <BriefRow person={hit.person}>
        <div class="hit__facts">
          <span class="badge badge--accent">
            {hit.needs_met} of {needs} {needs === 1 ? 'need' : 'needs'} met
          </span>
          {hit.wants_to_grow && (
            <span class="badge badge--grow">
              <span aria-hidden="true">↗</span> Wants to grow
            </span>
          )}
          {hit.free_hours !== null && hit.free_hours !== undefined && (
            <span class="badge">
              {hit.person.name}'s free time: {Math.round(hit.free_hours)} h
            </span>
          )}
        </div>
        <ul class="matches" aria-label={`How ${hit.person.name} matches`}>
          {hit.matches.map((m) => (
            <li key={m.need.id} class={m.met ? 'match is-met' : 'match'}>
              <span aria-hidden="true">{m.met ? '✓' : '·'}</span> {m.need.name} ≥ {m.min_level}:{' '}
              {m.matched ? `${levelLabel(m.level)}${m.matched.id !== m.need.id ? ` (as ${m.matched.name})` : ''}` : 'not held'}
              <span class="visually-hidden">{m.met ? ', met' : ', not met'}</span>
            </li>
          ))}
        </ul>
        {hit.why.length > 0 && (
          <ul class="why-list" aria-label="Why">
            {hit.why.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        )}
      </BriefRow>
    </li>
  );
}

function DidYouMean({ error, needs, onReplace }: { error: ApiError; needs: Need[]; onReplace: (index: number, name: string) => void }) {
  const index = unknownNeedIndex(error, needs);
  const suggestions = error.problem.suggestions ?? [];
  const unknown = needs[index]?.skill ?? '';
  return (
    <div class="alert alert--warn did-you-mean" role="alert">
      <p class="alert__title">We don't know the skill “{unknown}”.</p>
      {suggestions.length > 0 ? (
        <>
          <p>Did you mean:</p>
          <ul class="did-you-mean__list" aria-label="Did you mean">
            {suggestions.map((s) => (
              <li key={s}>
                <button type="button" class="button button--small" onClick={() => onReplace(index, s)}>
                  {s}
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>No skill has a similar name. Remove it, or try a broader name.</p>
      )}
    </div>
  );
}

export function Finder() {
  usePageTitle('Find people');
  const { user } = useSession();
  const firmWide = user.role === 'firm_leader' || user.role === 'administrator';
  const location = useLocation();
  const applied = queryFromUrl(location.query);
  const key = queryToUrl(applied);
  const [draft, setDraft] = useState<FinderQuery>(applied);
  const results = useSearch(applied, key);

  // The address changed (Back, a shared link, "did you mean"): show it in the form.
  useEffect(() => setDraft(queryFromUrl(location.query)), [key]);

  const apply = (q: FinderQuery, replace = false) => navigate(queryToUrl({ ...q, limit: replace ? q.limit : PAGE_SIZE }), { replace });
  const addNeed = (skill: string) => {
    if (draft.needs.some((n) => n.skill.toLowerCase() === skill.toLowerCase())) return;
    setDraft({ ...draft, needs: [...draft.needs, { skill, level: DEFAULT_LEVEL }] });
  };
  const loadSuggestions = async (text: string, signal: AbortSignal): Promise<SuggestOption[]> => {
    const found = await api.suggestSkills(text, SUGGEST_LIMIT, signal);
    const skills = found.skills.map((s: SkillSuggestion) => ({
      kind: 'skill' as const,
      id: s.id,
      key: `skill:${s.id}`,
      label: s.name,
      detail: s.match && s.match.toLowerCase() !== s.name.toLowerCase() ? `also “${s.match}”` : 'Skill',
    }));
    const people = found.people.map((p) => ({ kind: 'person' as const, id: p.id, key: `person:${p.id}`, label: p.name, detail: 'Person — open profile' }));
    return [...skills, ...people];
  };
  const replaceNeed = (index: number, name: string) => {
    const needs = applied.needs.map((n, i) => (i === index ? { ...n, skill: name } : n));
    apply({ ...applied, needs }, true);
  };
  const set = <K extends keyof FinderQuery>(field: K, value: FinderQuery[K]) => setDraft({ ...draft, [field]: value });
  // A drop-down applies at once when there is something to search for.
  const choose = (field: 'practice' | 'office' | 'grade') => (value: string) => {
    const next = { ...draft, [field]: value };
    setDraft(next);
    if (next.needs.length > 0) apply(next);
  };
  const facets = usePeopleFacets();

  const shown = results.status === 'ready' ? results.data : results.status === 'loading' ? results.previous : undefined;
  const hits = shown?.hits ?? [];
  const total = shown?.total ?? 0;
  const unknownSkill = results.status === 'error' && results.error.status === HttpStatus.notFound && results.error.problem.suggestions !== undefined;

  return (
    <>
      <header class="page-header">
        <h1>Find people</h1>
        <p class="page-header__lead">Who has these skills? Add the skills you need with a minimum level; results are ranked and say why they match.</p>
      </header>
      <form
        class="finder card"
        role="search"
        aria-label="Find people by skill"
        onSubmit={(e) => {
          e.preventDefault();
          apply(draft);
        }}
      >
        <div class="finder__needs">
          <TypeAhead<SuggestOption>
            id="finder-skill"
            label="Skill"
            placeholder="e.g. Python, negotiation"
            hint="Pick a suggestion, or press Enter to add what you typed."
            load={loadSuggestions}
            clearOnPick
            onPick={(o) => (o.kind === 'person' ? navigate(personPath(o.id)) : addNeed(o.label))}
            onEnterText={(text) => {
              addNeed(text);
              return true;
            }}
          />
          <NeedList needs={draft.needs} onChange={(needs) => set('needs', needs)} />
        </div>
        <fieldset class="finder__mode">
          <legend>People who have</legend>
          <label class="choice">
            <input type="radio" name="mode" value="all" checked={draft.mode === 'all'} onChange={() => set('mode', 'all')} /> all of these skills
          </label>
          <label class="choice">
            <input type="radio" name="mode" value="any" checked={draft.mode === 'any'} onChange={() => set('mode', 'any')} /> any of them
          </label>
        </fieldset>
        <div class="filters filters--inline">
          <FacetSelect id="finder-practice" label="Practice" values={facets.practices} value={draft.practice} onChange={choose('practice')} />
          <FacetSelect id="finder-office" label="Office" values={facets.offices} value={draft.office} onChange={choose('office')} />
          <FacetSelect id="finder-grade" label="Grade" values={facets.grades} value={draft.grade} onChange={choose('grade')} />
          <div class="field field--compact">
            <label for="finder-from">Available from</label>
            <input id="finder-from" type="date" value={draft.from} onInput={(e) => set('from', e.currentTarget.value)} />
          </div>
          <div class="field field--compact">
            <label for="finder-to">until</label>
            <input id="finder-to" type="date" value={draft.to} min={draft.from || undefined} onInput={(e) => set('to', e.currentTarget.value)} />
          </div>
          {firmWide && (
            <div class="field field--compact">
              <label for="finder-free">Min. free hours</label>
              <input id="finder-free" type="number" min={0} step={1} inputMode="numeric" value={draft.minFree} placeholder="0" onInput={(e) => set('minFree', e.currentTarget.value)} />
            </div>
          )}
        </div>
        <label class="choice">
          <input type="checkbox" checked={draft.grow} onChange={(e) => set('grow', e.currentTarget.checked)} /> Only people who want to grow these skills
        </label>
        {!firmWide && <p class="muted finder__note">Free hours are private: you see them for people whose details you may read; firm leaders can filter by them.</p>}
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={draft.needs.length === 0}>
            Find people
          </button>
          <button type="button" class="button button--ghost" disabled={draft.needs.length === 0 && key === '/finder'} onClick={() => apply(EMPTY)}>
            Clear
          </button>
        </div>
      </form>

      <section class="card" aria-labelledby="finder-results-heading" id="finder-results">
        <div class="card__header">
          <h2 id="finder-results-heading">Results</h2>
          <p class="muted" role="status" aria-live="polite">
            {results.status === 'loading' ? 'Searching…' : results.status === 'ready' ? `${hits.length} of ${total} ${total === 1 ? 'person' : 'people'}` : ''}
          </p>
        </div>
        {results.status === 'idle' && (
          <EmptyState title="Add a skill to start">
            <p>Pick one or more skills above, set the level you need, then choose “Find people”.</p>
          </EmptyState>
        )}
        {results.status === 'loading' && !shown && <Loading label="Searching people…" />}
        {results.status === 'error' &&
          (unknownSkill ? <DidYouMean error={results.error} needs={applied.needs} onReplace={replaceNeed} /> : <ErrorMessage error={results.error} title="The search failed" />)}
        {results.status === 'ready' && hits.length === 0 && (
          <EmptyState title="No one matches">
            <p>{applied.mode === 'all' && applied.needs.length > 1 ? 'Try “any of them”, a lower level, or fewer filters.' : 'Try a lower level or fewer filters.'}</p>
          </EmptyState>
        )}
        {hits.length > 0 && (
          <ol class={results.status === 'loading' ? 'plain-list hits is-stale' : 'plain-list hits'} aria-label="People found, best first" aria-busy={results.status === 'loading'}>
            {hits.map((h, i) => (
              <HitRow key={h.person.id} hit={h} rank={i + 1} />
            ))}
          </ol>
        )}
        {shown && total > hits.length && (
          <div class="load-more">
            <button type="button" class="button" disabled={results.status === 'loading'} onClick={() => apply({ ...applied, limit: applied.limit + PAGE_SIZE }, true)}>
              {results.status === 'loading' ? 'Loading…' : 'Show more'}
            </button>
          </div>
        )}
      </section>
    </>
  );
}
