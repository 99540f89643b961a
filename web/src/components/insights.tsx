// Pieces shared by the skills pages (My growth, Find people, Skills market):
// charts drawn by the lazily loaded ECharts chunk, a compact person row for
// the skills endpoints' person shape, and level labels.

import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PersonBrief } from '../api/types';
import type { LevelStep } from '../lib/charts';
import type { HeatmapInput } from './market-scale';
import { Link, personPath } from '../lib/router';
import { Avatar } from './people';
import { LEVEL_NAMES } from './skills';

type ChartState = 'loading' | 'ready' | 'failed';
type Charts = typeof import('../lib/charts');

/**
 * Draws into a host element once the chart chunk has loaded; redraws when
 * `deps` change. `draw` returns the chart's dispose function. `state` is
 * 'failed' when the chunk could not be loaded.
 */
export function useChart(draw: (charts: Charts, host: HTMLElement) => () => void, deps: unknown[]) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<ChartState>('loading');
  useEffect(() => {
    let disposed = false;
    let dispose: (() => void) | undefined;
    import('../lib/charts')
      .then((charts) => {
        if (disposed || !host.current) return;
        dispose = draw(charts, host.current);
        setState('ready');
      })
      .catch(() => !disposed && setState('failed'));
    return () => {
      disposed = true;
      dispose?.();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { host, state };
}

export function levelLabel(level: number): string {
  if (level <= 0) return 'none';
  return `${level} · ${LEVEL_NAMES[level - 1] ?? ''}`;
}

/** Today in the browser's calendar, YYYY-MM-DD. */
export function isoToday(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** "2027-01-01" -> "1 Jan 2027" (the date as written, no time-zone shifts). */
export function longDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${Number(m[3])} ${months[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}

export function briefMeta(person: PersonBrief): string {
  return [person.practice, person.office, person.grade].filter(Boolean).join(' · ');
}

/** A person (linked to their profile) with a line of context and an optional "why". */
export function BriefRow({ person, context, why, children }: { person: PersonBrief; context?: string; why?: string; children?: ComponentChildren }) {
  return (
    <div class="brief-row">
      <Avatar name={person.name} size="sm" />
      <div class="brief-row__text">
        <Link href={personPath(person.id)} class="person-row__name">
          {person.name}
        </Link>
        <span class="brief-row__meta">{[context, briefMeta(person)].filter(Boolean).join(' — ')}</span>
        {why && <span class="why">{why}</span>}
        {children}
      </div>
    </div>
  );
}

/** One skill's recorded levels over time, as a step line. Decorative: a table carries the facts. */
export function LevelHistoryChart({ steps, until }: { steps: LevelStep[]; until: string }) {
  const { host, state } = useChart((charts, el) => charts.drawLevelHistory(el, steps, LEVEL_NAMES, until), [steps, until]);
  return (
    <div class="chart" aria-hidden="true">
      <div ref={host} class="chart__canvas" style={{ height: '220px' }} data-state={state} />
      {state === 'failed' && <p class="muted">The chart could not be drawn; the table lists every recorded level.</p>}
    </div>
  );
}

/** The market heatmap; decorative for screen readers (the table beside it has the numbers). */
export function MarketHeatmap({ input }: { input: HeatmapInput }) {
  const { host, state } = useChart((charts, el) => charts.drawMarketHeatmap(el, input), [input]);
  const height = Math.max(140, input.skills.length * 30 + 50);
  return (
    <div class="chart heatmap" aria-hidden="true">
      <div ref={host} class="chart__canvas" style={{ height: `${height}px` }} data-state={state} />
      {state === 'failed' && <p class="muted">The heatmap could not be drawn; the table below has the same numbers.</p>}
    </div>
  );
}
