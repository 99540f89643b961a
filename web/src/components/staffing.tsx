// Pieces of the staffing board: who may open it, an assignment's explanation,
// and the capacity heatmap with its legend and its table twin.

import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { CapacityPage, ProposedAssignment, StaffingPlan, User } from '../api/types';
import { levelLabel, useChart } from './insights';
import { CAPACITY_BANDS, utilisation, type CapacityCell } from '../lib/capacity';

/**
 * Whether the user may open the staffing board: administrators and firm
 * leaders always; anyone else when the server lets them list openings (they
 * lead an engagement). null while asking.
 */
export function useStaffingAccess(user: User): boolean | null {
  const firmWide = user.role === 'administrator' || user.role === 'firm_leader';
  const [allowed, setAllowed] = useState<boolean | null>(firmWide ? true : null);
  useEffect(() => {
    if (firmWide) return;
    const controller = new AbortController();
    api.staffingOpenings({}, 1, null, controller.signal).then(
      () => !controller.signal.aborted && setAllowed(true),
      () => !controller.signal.aborted && setAllowed(false),
    );
    return () => controller.abort();
  }, [user.id, firmWide]);
  return allowed;
}

/** A share as a percentage; "—" for a figure the viewer may not see (null). */
export const percent = (share: number | null) => (share === null ? '—' : `${Math.round(share * 100)}%`);

/** The explanation of one proposed assignment, shown in its expanded row. */
export function Explanation({ entry }: { entry: ProposedAssignment }) {
  const e = entry.explanation;
  const facts = [
    e.volunteer && 'volunteered for it',
    e.continuity && 'has served this client before',
    e.worked_with > 0 && `worked with ${e.worked_with} of the team before`,
    e.pinned && 'pinned by the engagement leader',
    e.key_client_partner && 'keeps a key client at two partners',
    entry.moved_from && `moved from ${entry.moved_from.name}`,
  ].filter(Boolean) as string[];
  return (
    <div class="explain">
      <div class="explain__col">
        <h4>Fit per required skill</h4>
        <ul class="plain-list">
          {e.fit.map((f) => (
            <li key={f.skill.id}>
              <strong>{f.skill.name}</strong>: needs {levelLabel(f.required)}, has {levelLabel(f.level)}
              {f.level > f.required && <span class="tag tag--good">+{f.level - f.required}</span>}
              {f.level < f.required && <span class="tag tag--stretch">stretch</span>}
            </li>
          ))}
        </ul>
        {e.stretch_skill && (
          <p>
            Stretch on <strong>{e.stretch_skill.name}</strong>
            {e.coach && <> — coached by {e.coach.name}</>}.
          </p>
        )}
      </div>
      <div class="explain__col">
        <h4>Load</h4>
        {e.load_before === null || e.load_after === null ? (
          <p class="muted">Hidden: you may not see this person's bookings.</p>
        ) : (
          <p>
            Peak {percent(e.load_before)} → <strong>{percent(e.load_after)}</strong> of capacity
          </p>
        )}
        {facts.length > 0 && (
          <ul class="plain-list explain__facts">
            {facts.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        )}
      </div>
      <div class="explain__col">
        <h4>Runner-ups</h4>
        {e.runner_ups.length === 0 ? (
          <p class="muted">Nobody else could take this seat.</p>
        ) : (
          <ol class="explain__runners">
            {e.runner_ups.map((r) => (
              <li key={r.person.id}>
                <strong>{r.person.name}</strong> <span class="muted">— {r.why_lost}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
    </div>
  );
}

/** Hours the plan proposes per person and week (a week counts an entry it touches, as the engine does); a moved entry leaves its old holder. */
export function plannedHours(plan: StaffingPlan, weeks: string[]): Map<string, number[]> {
  const out = new Map<string, number[]>();
  const add = (person: string, start: string, end: string, hours: number) => {
    const row = out.get(person) ?? weeks.map(() => 0);
    weeks.forEach((monday, i) => {
      const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86400000).toISOString().slice(0, 10);
      if (start <= sunday && end >= monday) row[i] += hours;
    });
    out.set(person, row);
  };
  for (const a of plan.assignments) {
    add(a.person.id, a.start, a.end, a.hours_per_week);
    if (a.moved_from) add(a.moved_from.id, a.start, a.end, -a.hours_per_week);
  }
  return out;
}

export type CapacitySort = 'name' | 'busiest' | 'freest';
export type CapacityGrouping = 'none' | 'practice' | 'office' | 'grade';
type Row = CapacityPage['items'][number] & { group?: string };

function peakShare(row: Row, includeTentative: boolean): number {
  let peak = -1;
  for (const cell of row.weeks) peak = Math.max(peak, utilisation(cell as CapacityCell, includeTentative) ?? -1);
  return peak;
}

/** Rows sorted by name or peak utilisation, within groups (each row carries its group's name). */
export function sortAndGroup(items: Row[], sort: CapacitySort, grouping: CapacityGrouping, includeTentative: boolean): Row[] {
  const key = (r: Row) => (grouping === 'none' ? '' : (r.person[grouping] ?? '') || 'none');
  const share = new Map(items.map((r) => [r.person.id, peakShare(r, includeTentative)]));
  return items
    .map((r) => ({ ...r, group: grouping === 'none' ? undefined : key(r) }))
    .sort((a, b) => {
      const g = key(a).localeCompare(key(b));
      if (g !== 0) return g;
      if (sort !== 'name') {
        const d = (share.get(b.person.id) ?? 0) - (share.get(a.person.id) ?? 0);
        if (d !== 0) return sort === 'busiest' ? d : -d;
      }
      return a.person.name.localeCompare(b.person.name) || a.person.id.localeCompare(b.person.id);
    });
}

/** Row labels: the name, and for people who share a name on the page their grade, office and id. */
export function rowLabels(items: Row[]): string[] {
  const count = new Map<string, number>();
  for (const r of items) count.set(r.person.name, (count.get(r.person.name) ?? 0) + 1);
  return items.map((r) => {
    const p = r.person;
    const base = (count.get(p.name) ?? 0) > 1 ? `${p.name} (${[p.grade, p.office, p.id].filter(Boolean).join(', ')})` : p.name;
    return r.group ? `${r.group} · ${base}` : base;
  });
}

export function CapacityLegend({ includeTentative, withPlan = false }: { includeTentative: boolean; withPlan?: boolean }) {
  return (
    <div class="capacity-legend" id="capacity-legend">
      <span class="capacity-legend__title">Booked share of capacity:</span>
      {CAPACITY_BANDS.map((b) => (
        <span key={b.label} class="capacity-legend__item">
          <span class="swatch" style={{ background: b.color }} aria-hidden="true" />
          {b.label}
        </span>
      ))}
      <span class="capacity-legend__item">
        <span class="swatch swatch--none" aria-hidden="true" />
        not employed
      </span>
      {withPlan && (
        <span class="capacity-legend__item" id="capacity-legend-plan">
          <span class="swatch swatch--planned" aria-hidden="true" />
          dashed outline, bold: with the proposed plan's hours
        </span>
      )}
      {includeTentative ? (
        <span class="capacity-legend__item">
          <span class="swatch swatch--tentative" aria-hidden="true" />
          dotted outline, italic: includes tentative hours
        </span>
      ) : (
        <span class="capacity-legend__item">confirmed work and time off only</span>
      )}
    </div>
  );
}

/** The capacity heatmap; decorative for screen readers (the table view has the numbers). */
export function CapacityHeatmap({ page, includeTentative }: { page: { weeks: string[]; items: Row[] }; includeTentative: boolean }) {
  const { host, state } = useChart(
    (charts, el) =>
      charts.drawCapacityHeatmap(el, {
        people: rowLabels(page.items),
        weeks: page.weeks,
        cells: page.items.map((row) => row.weeks as CapacityCell[]),
        includeTentative,
      }),
    [page, includeTentative],
  );
  const height = Math.max(120, page.items.length * 28 + 40);
  return (
    <div class="chart heatmap" aria-hidden="true">
      <div ref={host} class="chart__canvas" id="capacity-chart" style={{ height: `${height}px` }} data-state={state} />
      {state === 'failed' && <p class="muted">The heatmap could not be drawn; use the table view.</p>}
    </div>
  );
}

function cellText(cell: CapacityCell, includeTentative: boolean): string {
  const share = utilisation(cell, includeTentative);
  return share === null ? '–' : `${Math.round(share * 100)}%`;
}

/** The same numbers as the heatmap, as a table (keyboard and screen readers). */
export function CapacityTable({ page, includeTentative }: { page: { weeks: string[]; items: Row[] }; includeTentative: boolean }) {
  return (
    <div class="table-wrap" tabIndex={0} aria-label="Capacity by person and week">
      <table class="table table--compact" id="capacity-table">
        <caption class="visually-hidden">Booked share of each person's capacity per week; confirmed and tentative hours in brackets</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            {page.weeks.map((w) => (
              <th key={w} scope="col" class="num">
                {w.slice(5)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {page.items.map((row, r) => (
            <tr key={row.person.id}>
              <th scope="row" class="table__rowhead">
                {rowLabels(page.items)[r]}
              </th>
              {(row.weeks as CapacityCell[]).map((cell, i) => (
                <td key={page.weeks[i]} class="num" title={`${cell.confirmed} h confirmed, ${cell.tentative} h tentative, ${cell.proposed ?? 0} h proposed, ${cell.time_off} h off of ${cell.capacity} h`}>
                  {cellText(cell, includeTentative)}
                  {cell.tentative > 0 && <span class="muted"> ({Math.round(cell.confirmed)}+{Math.round(cell.tentative)}t)</span>}
                  {(cell.proposed ?? 0) !== 0 && <span class="muted"> +{Math.round(cell.proposed ?? 0)}p</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
