// The staffing board (/staffing): open openings, a proposed what-if plan with
// an explanation per assignment, accepting all or some of it, and a capacity
// heatmap of people by week. For administrators, firm leaders and engagement
// leaders (the server decides; others see "no access").

import { Fragment } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { AcceptResult, StaffingOpening, StaffingPlan } from '../api/types';
import type { CapacityCell } from '../lib/capacity';
import { levelLabel, longDate } from '../components/insights';
import { refusalFor } from '../components/async';
import { FacetSelect, usePeopleFacets } from '../components/facets';
import { CapacityHeatmap, CapacityLegend, CapacityTable, Explanation, percent, plannedHours, sortAndGroup, type CapacityGrouping, type CapacitySort } from '../components/staffing';
import { Card, EmptyState, ErrorMessage, Loading } from '../components/status';
import { toApiError, useAsync, usePageTitle } from '../lib/useAsync';

const OPENINGS_PAGE = 50;
const CAPACITY_PAGE = 25;
const WEEK_CHOICES = [4, 8, 12];

type PlanState =
  | { status: 'idle' }
  | { status: 'solving'; label: string }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; plan: StaffingPlan };

function Openings({
  openings,
  busy,
  onPropose,
}: {
  openings: StaffingOpening[];
  busy: boolean;
  onPropose: (opening: StaffingOpening) => void;
}) {
  return (
    <div class="table-wrap">
      <table class="table" id="staffing-openings">
        <caption class="visually-hidden">Open openings with seats left</caption>
        <thead>
          <tr>
            <th scope="col">Opening</th>
            <th scope="col">Engagement</th>
            <th scope="col">Needs</th>
            <th scope="col" class="num">h/week</th>
            <th scope="col">Dates</th>
            <th scope="col" class="num">Seats left</th>
            <th scope="col">Plan</th>
          </tr>
        </thead>
        <tbody>
          {openings.map((o) => (
            <tr key={o.id}>
              <th scope="row" class="table__rowhead">
                {o.title || o.id}
                {o.lead && <span class="tag">lead</span>}
              </th>
              <td>
                {o.engagement.name}
                <span class="muted"> · {o.client?.name ?? 'no client'}</span>
              </td>
              <td>{o.required.map((r) => `${r.skill.name} ${levelLabel(r.min_level)}`).join(', ') || '—'}</td>
              <td class="num">{o.hours_per_week}</td>
              <td>
                {longDate(o.start)} – {longDate(o.end)}
              </td>
              <td class="num">{o.seats_left}</td>
              <td>
                <button type="button" class="button button--small" disabled={busy} aria-label={`Propose a plan for ${o.title || o.id}`} onClick={() => onPropose(o)}>
                  Propose
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PlanSummary({ plan }: { plan: StaffingPlan }) {
  const { objective, bound, gap } = plan;
  return (
    <>
      <dl class="plan-summary" id="plan-summary">
        <div>
          <dt>Seats filled</dt>
          <dd>
            {plan.assignments.length} of {plan.seats}
          </dd>
        </div>
        <div>
          <dt>Left open</dt>
          <dd>{plan.unfilled.length}</dd>
        </div>
        <div>
          <dt>Worked out in</dt>
          <dd>{plan.steps.reduce((t, s) => t + s.seconds, 0).toFixed(1)} s</dd>
        </div>
      </dl>
      {objective !== null && bound !== null && gap !== null && (
        <details class="plan-solver" id="plan-solver">
          <summary>How good is this plan?</summary>
          <p class="muted">
            Total cost {objective.toFixed(1)}; no plan can cost less than {bound.toFixed(1)}, so this one is within {(gap * 100).toFixed(2)}% of the best.
          </p>
          <ul class="plain-list">
            {plan.steps.map((s) => (
              <li key={s.name}>
                {s.name}: {s.seconds.toFixed(2)} s{s.effect ? ` — ${s.effect}` : ''}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}

interface PlanTableProps {
  plan: StaffingPlan;
  selected: Set<string>;
  onToggle: (id: string) => void;
  /** entry id -> person id seated instead of the proposed person */
  changes: Record<string, string>;
  onChange: (id: string, personId: string | null) => void;
}

function PlanTable({ plan, selected, onToggle, changes, onChange }: PlanTableProps) {
  const [open, setOpen] = useState<string | null>(null);
  const columns = 7;
  return (
    <div class="table-wrap">
      <table class="table" id="plan-assignments">
        <caption class="visually-hidden">Proposed assignments; expand a row for why</caption>
        <thead>
          <tr>
            <th scope="col">Accept</th>
            <th scope="col">Person</th>
            <th scope="col">Opening</th>
            <th scope="col" class="num">h/week</th>
            <th scope="col">Dates</th>
            <th scope="col">Load</th>
            <th scope="col">Why</th>
          </tr>
        </thead>
        <tbody>
          {plan.assignments.map((a) => {
            const expanded = open === a.id;
            const detailId = `why-${a.id}`;
            return (
              <Fragment key={a.id}>
                <tr class={selected.has(a.id) ? '' : 'row--off'}>
                  <td>
                    <input
                      type="checkbox"
                      checked={selected.has(a.id)}
                      disabled={plan.accepted}
                      aria-label={`Accept ${a.person.name} on ${a.opening.title}`}
                      onChange={() => onToggle(a.id)}
                    />
                  </td>
                  <th scope="row" class="table__rowhead">
                    {a.person.name}
                    <span class="muted"> · {a.person.grade}</span>
                    {a.stretch && <span class="tag tag--stretch">stretch</span>}
                    {a.explanation.volunteer && <span class="tag tag--good">volunteer</span>}
                    {a.explanation.runner_ups.length > 0 && !plan.accepted && (
                      <label class="plan-change">
                        <span class="muted">Seat</span>
                        <select
                          value={changes[a.id] ?? a.person.id}
                          aria-label={`Person seated on ${a.opening.title} (proposed: ${a.person.name})`}
                          onChange={(e) => {
                            const v = (e.target as HTMLSelectElement).value;
                            onChange(a.id, v === a.person.id ? null : v);
                          }}
                        >
                          <option value={a.person.id}>{a.person.name} (proposed)</option>
                          {a.explanation.runner_ups.map((r) => (
                            <option key={r.person.id} value={r.person.id}>
                              {r.person.name} · {r.person.grade}
                              {r.cost !== null && a.cost !== null ? ` (cost ${r.cost.toFixed(1)} vs ${a.cost.toFixed(1)})` : ''}
                            </option>
                          ))}
                        </select>
                        {changes[a.id] && <span class="tag tag--changed">changed</span>}
                      </label>
                    )}
                  </th>
                  <td>
                    {a.opening.title}
                    <span class="muted"> · {a.opening.engagement?.name}</span>
                  </td>
                  <td class="num">{a.hours_per_week}</td>
                  <td>
                    {longDate(a.start)} – {longDate(a.end)}
                  </td>
                  <td>
                    {percent(a.explanation.load_before)} → {percent(a.explanation.load_after)}
                  </td>
                  <td>
                    <button type="button" class="button button--small" aria-expanded={expanded} aria-controls={detailId} onClick={() => setOpen(expanded ? null : a.id)}>
                      {expanded ? 'Hide' : 'Why?'}
                    </button>
                  </td>
                </tr>
                {expanded && (
                  <tr class="row--detail" id={detailId}>
                    <td colSpan={columns}>
                      <Explanation entry={a} />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The constraint problems that concern this plan: its entries, openings, engagements or people. */
function issuesOfPlan(plan: StaffingPlan) {
  const entries = new Set(plan.assignments.map((a) => a.id));
  const subjects = new Set<string>();
  for (const a of plan.assignments) {
    subjects.add(a.opening.id).add(a.person.id);
    if (a.opening.engagement) subjects.add(a.opening.engagement.id);
  }
  for (const u of plan.unfilled) {
    subjects.add(u.opening.id);
    if (u.opening.engagement) subjects.add(u.opening.engagement.id);
  }
  if (plan.opening_id) subjects.add(plan.opening_id);
  return plan.issues.filter((i) => i.entry_ids.some((id) => entries.has(id)) || subjects.has(i.subject_id));
}

function planTitle(plan: StaffingPlan): string {
  if (plan.mode === 'full') return 'Proposed plan';
  const opening = plan.assignments.find((a) => a.opening.id === plan.opening_id)?.opening ?? plan.unfilled.find((u) => u.opening.id === plan.opening_id)?.opening;
  return `Proposed plan for ${opening?.title || 'one opening'}${opening?.engagement ? ` (${opening.engagement.name})` : ''}`;
}

function PlanCard({ plan, onAccepted }: { plan: StaffingPlan; onAccepted: (result: AcceptResult) => void }) {
  const [selected, setSelected] = useState<Set<string>>(() => new Set(plan.assignments.map((a) => a.id)));
  const [changes, setChanges] = useState<Record<string, string>>({});
  const [byEngagement, setByEngagement] = useState('');
  const engagements = useMemo(() => {
    const seen = new Map<string, { name: string; count: number }>();
    for (const a of plan.assignments) {
      const e = a.opening.engagement;
      if (!e) continue;
      const entry = seen.get(e.id) ?? { name: e.name, count: 0 };
      entry.count += 1;
      seen.set(e.id, entry);
    }
    return [...seen].sort((a, b) => a[1].name.localeCompare(b[1].name));
  }, [plan]);
  const issues = useMemo(() => issuesOfPlan(plan), [plan]);
  // Moving to the plan once it is shown, and saying so.
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const heading = document.getElementById('staffing-plan-heading');
    if (heading) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
    top.current?.scrollIntoView?.({ block: 'start' });
  }, [plan.id]);
  const change = (id: string, personId: string | null) => {
    const next = { ...changes };
    if (personId === null) delete next[id];
    else next[id] = personId;
    setChanges(next);
  };
  const [state, setState] = useState<{ status: 'idle' | 'busy' } | { status: 'error'; error: ApiError } | { status: 'done'; result: AcceptResult }>({ status: 'idle' });
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  const selectEngagement = (id: string) => {
    setByEngagement(id);
    if (id) setSelected(new Set(plan.assignments.filter((a) => a.opening.engagement?.id === id).map((a) => a.id)));
  };
  const accept = async () => {
    setState({ status: 'busy' });
    try {
      const all = selected.size === plan.assignments.length;
      const chosen = Object.fromEntries(Object.entries(changes).filter(([id]) => selected.has(id)));
      const result = await api.acceptPlan(plan.id, all ? undefined : [...selected], chosen);
      setState({ status: 'done', result });
      onAccepted(result);
    } catch (error) {
      setState({ status: 'error', error: toApiError(error) });
    }
  };
  const done = state.status === 'done' || plan.accepted;
  const filled = plan.assignments.length;
  return (
    <div ref={top} class="plan-anchor">
      <p class="visually-hidden" role="status" aria-live="polite" id="plan-announce">
        Plan ready: {filled} of {plan.seats} seats filled, {plan.unfilled.length} left open.
      </p>
      <Card title={planTitle(plan)} id="staffing-plan">
        <p class="muted">
          A what-if: nothing is saved until you accept it. Accepted assignments are written as tentative. To seat a runner-up instead, pick them in the
          row; every rule is checked again when you accept.
        </p>
        <PlanSummary plan={plan} />
        {filled === 0 ? (
          <EmptyState title="Nobody can be seated">
            <p>The reasons for each open seat are listed below.</p>
          </EmptyState>
        ) : (
          <>
            <div class="plan-select" role="group" aria-label="Select entries to accept">
              <button type="button" class="button button--small" id="plan-select-all" disabled={done} onClick={() => { setSelected(new Set(plan.assignments.map((a) => a.id))); setByEngagement(''); }}>
                Select all
              </button>
              <button type="button" class="button button--small" id="plan-select-none" disabled={done} onClick={() => { setSelected(new Set()); setByEngagement(''); }}>
                Select none
              </button>
              {engagements.length > 1 && (
                <label class="field field--compact">
                  <span>Only engagement</span>
                  <select id="plan-select-engagement" value={byEngagement} disabled={done} onChange={(e) => selectEngagement(e.currentTarget.value)}>
                    <option value="">—</option>
                    {engagements.map(([id, e]) => (
                      <option key={id} value={id}>
                        {e.name} ({e.count})
                      </option>
                    ))}
                  </select>
                </label>
              )}
            </div>
            <PlanTable plan={plan} selected={selected} onToggle={toggle} changes={changes} onChange={change} />
          </>
        )}
        {plan.unfilled.length > 0 && (
          <div id="plan-unfilled">
            <h3>Seats left open</h3>
            <ul class="plain-list">
              {plan.unfilled.map((u) => (
                <li key={u.seat_id}>
                  <strong>{u.opening.title || 'Untitled opening'}</strong>
                  {u.opening.engagement && <span class="muted"> · {u.opening.engagement.name}</span>} <span class="muted">— {u.reason}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
        {issues.length > 0 && (
          <div id="plan-issues">
            <h3>Rules this plan could not meet</h3>
            <ul class="plain-list">
              {issues.map((i) => (
                <li key={`${i.constraint}-${i.subject_id}-${i.message}`}>
                  <span class="tag">{i.constraint.replace('_', ' ')}</span> {i.message}
                </li>
              ))}
            </ul>
          </div>
        )}
        {filled > 0 && (
          <div class="plan-actions plan-actions--sticky" id="plan-accept-bar">
            <span class="plan-actions__count" id="plan-selected-count">
              {selected.size} of {filled} selected
            </span>
            <button type="button" class="button button--primary" id="plan-accept" disabled={done || state.status === 'busy' || selected.size === 0} onClick={accept}>
              {state.status === 'busy' ? 'Accepting…' : `Accept ${selected.size} of ${filled}`}
            </button>
            <div aria-live="polite" role="status" id="plan-accept-status">
              {state.status === 'done' && (
                <p class="alert alert--success">
                  Accepted: {state.result.created} tentative assignment{state.result.created === 1 ? '' : 's'} written
                  {state.result.moved > 0 && `, ${state.result.moved} moved`}
                  {state.result.changed > 0 && `, ${state.result.changed} with the person you chose`}.
                </p>
              )}
            </div>
            {state.status === 'error' && <ErrorMessage error={state.error} title="The plan was not accepted; nothing was written" />}
          </div>
        )}
      </Card>
    </div>
  );
}

function Capacity({ version, plan }: { version: number; plan: StaffingPlan | null }) {
  const [weeks, setWeeks] = useState(8);
  const [practice, setPractice] = useState('');
  const [search, setSearch] = useState('');
  const [onlyPlan, setOnlyPlan] = useState(true);
  const [sort, setSort] = useState<CapacitySort>('name');
  const [group, setGroup] = useState<CapacityGrouping>('none');
  const planPeople = useMemo(() => (plan && plan.assignments.length > 0 ? [...new Set(plan.assignments.map((a) => a.person.id))] : null), [plan]);
  const [includeTentative, setIncludeTentative] = useState(true);
  const [asTable, setAsTable] = useState(false);
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1];
  const restart = () => setCursors([null]);
  const state = useAsync(
    async (signal) => {
      // A name search finds the people first (the directory's search), then their rows.
      let people = planPeople && onlyPlan ? planPeople : undefined;
      if (search) {
        const found = await api.people({ q: search }, CAPACITY_PAGE, null, signal);
        const ids = found.items.map((p) => p.id).filter((id) => !people || people.includes(id));
        if (ids.length === 0) return { weeks: [] as string[], items: [], next_cursor: null };
        people = ids;
      }
      // The plan's people come in one page, so that sorting and grouping see them all.
      const limit = people ? Math.min(500, Math.max(CAPACITY_PAGE, people.length)) : CAPACITY_PAGE;
      return api.capacity({ weeks, practice: practice || undefined, person: people, limit, cursor: cursor ?? undefined }, signal);
    },
    [weeks, practice, search, cursor, version, onlyPlan, planPeople],
  );
  const rows = useMemo(() => {
    if (state.status !== 'ready') return null;
    const page = state.data;
    const proposed = plan && !plan.accepted ? plannedHours(plan, page.weeks) : new Map<string, number[]>();
    const items = page.items.map((row) => ({
      ...row,
      weeks: row.weeks.map((cell, i): CapacityCell => ({ ...cell, proposed: proposed.get(row.person.id)?.[i] ?? 0 })),
    }));
    return { ...page, items: sortAndGroup(items, sort, group, includeTentative) };
  }, [state, plan, sort, group, includeTentative]);
  return (
    <Card title="Capacity by person and week" id="staffing-capacity">
      <form class="filters" aria-label="Capacity view" onSubmit={(e) => e.preventDefault()}>
        <div class="field field--compact">
          <label for="capacity-weeks">Weeks</label>
          <select id="capacity-weeks" value={weeks} onChange={(e) => { setWeeks(Number(e.currentTarget.value)); restart(); }}>
            {WEEK_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div class="field field--compact">
          <label for="capacity-search">Name</label>
          <input id="capacity-search" type="search" value={search} placeholder="anyone" onChange={(e) => { setSearch(e.currentTarget.value.trim()); restart(); }} />
        </div>
        <div class="field field--compact">
          <label for="capacity-practice">Practice</label>
          <input id="capacity-practice" value={practice} placeholder="all" onChange={(e) => { setPractice(e.currentTarget.value.trim()); restart(); }} />
        </div>
        <div class="field field--compact">
          <label for="capacity-sort">Sort by</label>
          <select id="capacity-sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as CapacitySort)}>
            <option value="name">name</option>
            <option value="busiest">busiest first</option>
            <option value="freest">most free first</option>
          </select>
        </div>
        <div class="field field--compact">
          <label for="capacity-group">Group by</label>
          <select id="capacity-group" value={group} onChange={(e) => setGroup(e.currentTarget.value as CapacityGrouping)}>
            <option value="none">nothing</option>
            <option value="practice">practice</option>
            <option value="office">office</option>
            <option value="grade">grade</option>
          </select>
        </div>
        {planPeople && (
          <label class="choice">
            <input type="checkbox" id="capacity-only-plan" checked={onlyPlan} onChange={(e) => { setOnlyPlan(e.currentTarget.checked); restart(); }} /> only people in the plan
          </label>
        )}
        <label class="choice">
          <input type="checkbox" id="capacity-tentative" checked={includeTentative} onChange={(e) => setIncludeTentative(e.currentTarget.checked)} /> include tentative
        </label>
        <label class="choice">
          <input type="checkbox" id="capacity-as-table" checked={asTable} onChange={(e) => setAsTable(e.currentTarget.checked)} /> table view
        </label>
      </form>
      {state.status === 'loading' && <Loading label="Adding up hours…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} title="The capacity could not be loaded" />}
      {rows && rows.items.length === 0 && (
        <EmptyState title="Nobody to show">
          <p>No one you may see matches these filters{search ? ` and the name “${search}”` : ''}.</p>
        </EmptyState>
      )}
      {rows && rows.items.length > 0 && (
        <>
          <CapacityLegend includeTentative={includeTentative} withPlan={Boolean(plan && !plan.accepted)} />
          {asTable ? <CapacityTable page={rows} includeTentative={includeTentative} /> : <CapacityHeatmap page={rows} includeTentative={includeTentative} />}
          <div class="pager">
            <button type="button" class="button button--small" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
              Previous people
            </button>
            <button type="button" class="button button--small" disabled={!rows.next_cursor} onClick={() => setCursors([...cursors, rows.next_cursor])}>
              Next people
            </button>
          </div>
        </>
      )}
    </Card>
  );
}

/** Every engagement with open seats the viewer may staff (all pages of the openings). */
function useEngagements(practice: string, version: number) {
  return useAsync(
    async (signal) => {
      const seen = new Map<string, string>();
      let cursor: string | null = null;
      do {
        const page = await api.staffingOpenings({ practice: practice || undefined }, 500, cursor, signal);
        for (const o of page.items) seen.set(o.engagement.id, o.engagement.name);
        cursor = page.next_cursor;
      } while (cursor);
      return [...seen].sort((a, b) => a[1].localeCompare(b[1]));
    },
    [practice, version],
  );
}

export function Staffing() {
  usePageTitle('Staffing');
  const [engagement, setEngagement] = useState('');
  const [practice, setPractice] = useState('');
  const [version, setVersion] = useState(0);
  const [plan, setPlan] = useState<PlanState>({ status: 'idle' });
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const cursor = cursors[cursors.length - 1];
  const openings = useAsync(
    (signal) => api.staffingOpenings({ practice: practice || undefined, engagement: engagement || undefined }, OPENINGS_PAGE, cursor, signal),
    [practice, engagement, cursor, version],
  );
  const engagements = useEngagements(practice, version);
  const facets = usePeopleFacets();
  const refused = refusalFor(openings);
  if (refused) return refused;

  const propose = async (opening?: StaffingOpening) => {
    setPlan({ status: 'solving', label: opening ? `Seating ${opening.title || 'the opening'}…` : 'Working out the full plan…' });
    try {
      const result = await api.proposePlan(opening ? { mode: 'incremental', opening_id: opening.id } : { mode: 'full' });
      setPlan({ status: 'ready', plan: result });
    } catch (error) {
      setPlan({ status: 'error', error: toApiError(error) });
    }
  };
  const shown = openings.status === 'ready' ? openings.data.items : [];
  const busy = plan.status === 'solving';
  const first = (cursors.length - 1) * OPENINGS_PAGE;
  return (
    <>
      <header class="page-header">
        <h1>Staffing board</h1>
        <p class="page-header__lead">Open seats, a proposed plan that says why, and everyone's load week by week.</p>
      </header>
      <Card
        title="Open openings"
        id="staffing-openings-card"
        actions={
          <button type="button" class="button button--primary" id="propose-full" disabled={busy || shown.length === 0} onClick={() => propose()}>
            Propose full plan
          </button>
        }
      >
        <form class="filters" aria-label="Filter openings" onSubmit={(e) => e.preventDefault()}>
          <FacetSelect
            id="openings-practice"
            label="Practice"
            values={facets.practices}
            value={practice}
            onChange={(value) => {
              setPractice(value);
              setEngagement('');
              setCursors([null]);
            }}
          />
          <div class="field field--compact">
            <label for="openings-engagement">Engagement</label>
            <select id="openings-engagement" value={engagement} onChange={(e) => { setEngagement(e.currentTarget.value); setCursors([null]); }}>
              <option value="">all{engagements.status === 'ready' ? ` (${engagements.data.length})` : ''}</option>
              {engagements.status === 'ready' &&
                engagements.data.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
            </select>
          </div>
        </form>
        {openings.status === 'loading' && <Loading label="Loading openings…" />}
        {openings.status === 'error' && <ErrorMessage error={openings.error} title="The openings could not be loaded" />}
        {openings.status === 'ready' && shown.length === 0 && (
          <EmptyState title="No open seats">
            <p>Every opening you can staff is filled{practice || engagement ? ' for these filters' : ''}.</p>
          </EmptyState>
        )}
        {shown.length > 0 && openings.status === 'ready' && (
          <>
            <p class="muted" role="status" id="openings-count">
              Openings {first + 1}–{first + shown.length} of {openings.data.total}
            </p>
            <Openings openings={shown} busy={busy} onPropose={propose} />
            <div class="pager">
              <button type="button" class="button button--small" id="openings-previous" disabled={cursors.length === 1} onClick={() => setCursors(cursors.slice(0, -1))}>
                Previous openings
              </button>
              <button type="button" class="button button--small" id="openings-next" disabled={!openings.data.next_cursor} onClick={() => setCursors([...cursors, openings.data.next_cursor])}>
                Next openings
              </button>
            </div>
          </>
        )}
      </Card>
      {plan.status === 'solving' && <Loading label={plan.label} />}
      {plan.status === 'error' && <ErrorMessage error={plan.error} title="No plan could be made" />}
      {plan.status === 'ready' && (
        <PlanCard
          key={plan.plan.id}
          plan={plan.plan}
          onAccepted={() => {
            // Accepted: its hours are bookings now, no longer drawn as proposed.
            setPlan({ status: 'ready', plan: { ...plan.plan, accepted: true } });
            setVersion(version + 1);
          }}
        />
      )}
      <Capacity version={version} plan={plan.status === 'ready' ? plan.plan : null} />
    </>
  );
}
