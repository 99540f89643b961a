// Pieces of the staffing board: who may open it, an assignment's explanation,
// and the capacity heatmap with its legend and its table twin.

import { useEffect, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { CapacityPage, ProposedAssignment, User } from '../api/types';
import { levelLabel, useChart } from './insights';
import type { CapacityCell } from '../lib/charts';

const BANDS = [
  { label: 'under 50%', className: 'band--light' },
  { label: '50–80%', className: 'band--green' },
  { label: '80–100%', className: 'band--amber' },
  { label: 'over 100%', className: 'band--red' },
];

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

export function CapacityLegend({ includeTentative }: { includeTentative: boolean }) {
  return (
    <div class="capacity-legend" id="capacity-legend">
      <span class="capacity-legend__title">Booked share of capacity:</span>
      {BANDS.map((b) => (
        <span key={b.label} class="capacity-legend__item">
          <span class={`swatch ${b.className}`} aria-hidden="true" />
          {b.label}
        </span>
      ))}
      <span class="capacity-legend__item">
        <span class="swatch swatch--none" aria-hidden="true" />
        not employed
      </span>
      {includeTentative ? (
        <span class="capacity-legend__item">
          <span class="swatch swatch--tentative" aria-hidden="true" />
          dashed outline, italic: includes tentative hours
        </span>
      ) : (
        <span class="capacity-legend__item">confirmed work and time off only</span>
      )}
    </div>
  );
}

/** The capacity heatmap; decorative for screen readers (the table view has the numbers). */
export function CapacityHeatmap({ page, includeTentative }: { page: CapacityPage; includeTentative: boolean }) {
  const { host, state } = useChart(
    (charts, el) =>
      charts.drawCapacityHeatmap(el, {
        people: page.items.map((row) => row.person.name),
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
  if (cell.capacity <= 0) return '–';
  const booked = cell.confirmed + cell.time_off + (includeTentative ? cell.tentative : 0);
  return `${Math.round((booked / cell.capacity) * 100)}%`;
}

/** The same numbers as the heatmap, as a table (keyboard and screen readers). */
export function CapacityTable({ page, includeTentative }: { page: CapacityPage; includeTentative: boolean }) {
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
          {page.items.map((row) => (
            <tr key={row.person.id}>
              <th scope="row" class="table__rowhead">
                {row.person.name}
              </th>
              {row.weeks.map((cell, i) => (
                <td key={page.weeks[i]} class="num" title={`${cell.confirmed} h confirmed, ${cell.tentative} h tentative, ${cell.time_off} h off of ${cell.capacity} h`}>
                  {cellText(cell, includeTentative)}
                  {cell.tentative > 0 && <span class="muted"> ({Math.round(cell.confirmed)}+{Math.round(cell.tentative)}t)</span>}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
