// A person's skills: a chart (ECharts, loaded on demand) for sighted users and
// a table that carries the same facts for everyone.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { PersonSkillView } from '../api/types';
import { EmptyState } from './status';

export const MAX_LEVEL = 5;
/** Level names used on the chart axis when the server's are not at hand. */
export const LEVEL_NAMES = ['Awareness', 'Working', 'Practitioner', 'Advanced', 'Expert'];
/** How many skills the chart shows; the table lists them all. */
const CHART_SKILLS = 12;

function sortByLevel(skills: PersonSkillView[]): PersonSkillView[] {
  return [...skills].sort((a, b) => b.level - a.level || a.name.localeCompare(b.name));
}

export function LevelMeter({ level }: { level: number }) {
  return (
    <span class="level-meter" aria-hidden="true">
      {Array.from({ length: MAX_LEVEL }, (_, i) => (
        <span key={i} class={i < level ? 'level-meter__dot is-on' : 'level-meter__dot'} />
      ))}
    </span>
  );
}

export function SkillTable({ skills, caption }: { skills: PersonSkillView[]; caption: string }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col">Level</th>
            <th scope="col" class="hide-narrow">Wants to grow</th>
            <th scope="col" class="hide-narrow">Source</th>
          </tr>
        </thead>
        <tbody>
          {sortByLevel(skills).map((s) => (
            <tr key={s.skill_id + s.source}>
              <th scope="row" class="table__rowhead">
                {s.name}
                {s.wants_to_grow && <span class="badge badge--grow show-narrow">Wants to grow</span>}
              </th>
              <td>
                <span class="level">
                  <LevelMeter level={s.level} />
                  <span>
                    {s.level} · {s.level_name}
                  </span>
                </span>
              </td>
              <td class="hide-narrow">
                {s.wants_to_grow ? (
                  <span class="badge badge--grow">
                    <span aria-hidden="true">↗</span>
                    Wants to grow
                  </span>
                ) : (
                  <span class="muted">—</span>
                )}
              </td>
              <td class="hide-narrow muted">{s.source}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

type ChartState = 'loading' | 'ready' | 'failed';

/** Horizontal bars of skill levels; decorative for screen readers (the table says it all). */
export function SkillChart({ skills }: { skills: PersonSkillView[] }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<ChartState>('loading');
  const shown = sortByLevel(skills).slice(0, CHART_SKILLS).reverse();

  useEffect(() => {
    let disposed = false;
    let dispose: (() => void) | undefined;
    import('../lib/charts')
      .then(({ drawSkillBars }) => {
        if (disposed || !host.current) return;
        dispose = drawSkillBars(host.current, shown, LEVEL_NAMES);
        setState('ready');
      })
      .catch(() => !disposed && setState('failed'));
    return () => {
      disposed = true;
      dispose?.();
    };
  }, [skills]);

  const height = Math.max(160, shown.length * 30 + 50);
  return (
    <div class="chart" aria-hidden="true">
      <ul class="chart-legend">
        <li>
          <span class="chart-legend__swatch" style={{ background: '#2f6f9f' }} />
          Level (1 Awareness – 5 Expert)
        </li>
        <li>
          <span class="chart-legend__swatch" style={{ background: '#1f9d8b' }} />
          Wants to grow
        </li>
      </ul>
      <div ref={host} class="chart__canvas" style={{ height: `${height}px` }} data-state={state} />
      {state === 'failed' && <p class="muted">The chart could not be drawn; the table below lists every skill.</p>}
    </div>
  );
}

export function SkillsBlock({ skills, owner, emptyHint }: { skills: PersonSkillView[]; owner: string; emptyHint: string }) {
  if (skills.length === 0) {
    return (
      <EmptyState title="No skills recorded yet">
        <p>{emptyHint}</p>
      </EmptyState>
    );
  }
  return (
    <>
      <SkillChart skills={skills} />
      <SkillTable skills={skills} caption={`Skills of ${owner}, with levels`} />
    </>
  );
}
