// Pieces of the network pages: the Cytoscape picture (lazily loaded), the
// shape with the numbers that decided it, and the period filter.

import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { NetworkMetrics, NetworkShape, ShapeName } from '../api/types';
import type { User } from '../api/types';
import type { Picture, PictureEdge, PictureNode } from '../lib/network-picture';
import { Loading } from './status';

export const SHAPE_LABELS: Record<ShapeName, string> = {
  network: 'Network',
  wagon_wheel: 'Wagon wheel',
  org_chart: 'Org chart',
  none: 'No shape yet',
};

export const SHAPE_MEANINGS: Record<ShapeName, string> = {
  network: 'members work with each other, in clusters',
  wagon_wheel: 'every line runs through one person',
  org_chart: 'lines run one to one, down a hierarchy',
  none: 'too few ties to have a shape',
};

/**
 * Whether the Clients page has anything for this user: firm-wide viewers see
 * every client; others only when the server lists some (partners who lead
 * an engagement). null while asking.
 */
export function useClientsAccess(user: User): boolean | null {
  const firmWide = user.role === 'administrator' || user.role === 'firm_leader';
  const [allowed, setAllowed] = useState<boolean | null>(firmWide ? true : null);
  useEffect(() => {
    if (firmWide) return;
    const controller = new AbortController();
    api.clients({}, controller.signal).then(
      (list) => !controller.signal.aborted && setAllowed(list.total > 0),
      () => !controller.signal.aborted && setAllowed(false),
    );
    return () => controller.abort();
  }, [user.id, firmWide]);
  return allowed;
}

export const percent = (share: number) => `${Math.round(share * 100)}%`;
export const fixed = (value: number, digits = 2) => value.toFixed(digits);

export function ShapeBadge({ shape }: { shape: ShapeName }) {
  return <span class={`badge shape shape--${shape}`}>{SHAPE_LABELS[shape]}</span>;
}

/** The shape, why, and the figures beside the picture. */
export function ShapeFacts({ shape, metrics }: { shape: NetworkShape; metrics: NetworkMetrics }) {
  return (
    <div class="shape-facts">
      <p class="shape-facts__name">
        <ShapeBadge shape={shape.name} /> <span class="muted">{SHAPE_MEANINGS[shape.name]}</span>
      </p>
      <p class="shape-facts__reason">{shape.reason}</p>
      <dl class="facts">
        <div class="facts__item">
          <dt>People</dt>
          <dd>{metrics.nodes}</dd>
        </div>
        <div class="facts__item">
          <dt>Ties</dt>
          <dd>{metrics.edges}</dd>
        </div>
        <div class="facts__item">
          <dt>Density</dt>
          <dd>{fixed(metrics.density)}</dd>
        </div>
        <div class="facts__item">
          <dt>Transitivity</dt>
          <dd>{fixed(metrics.transitivity)}</dd>
        </div>
        <div class="facts__item">
          <dt>Average clustering</dt>
          <dd>{fixed(metrics.avg_clustering)}</dd>
        </div>
        <div class="facts__item">
          <dt>Degree centralization</dt>
          <dd>{fixed(metrics.degree_centralization)}</dd>
        </div>
        <div class="facts__item">
          <dt>Hub's share of ties</dt>
          <dd>{percent(shape.hub_share)}</dd>
        </div>
        <div class="facts__item">
          <dt>Leader's share of ties</dt>
          <dd>{percent(shape.leader_share)}</dd>
        </div>
        <div class="facts__item">
          <dt>Communities</dt>
          <dd>
            {metrics.communities} (modularity {fixed(metrics.modularity)})
          </dd>
        </div>
      </dl>
    </div>
  );
}

/**
 * The picture: decorative for screen readers (the table beside it has the
 * same facts); `highlight` emphasises one node, e.g. the focused table row.
 */
export function NetworkPicture({
  nodes,
  edges,
  highlight,
  label,
  height = 420,
}: {
  nodes: PictureNode[];
  edges: PictureEdge[];
  highlight?: string | null;
  label: string;
  height?: number;
}) {
  const host = useRef<HTMLDivElement>(null);
  const picture = useRef<Picture | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  useEffect(() => {
    let disposed = false;
    setState('loading');
    import('../lib/network-picture')
      .then(({ drawNetwork }) => {
        if (disposed || !host.current) return;
        picture.current = drawNetwork(host.current, nodes, edges);
        setState('ready');
      })
      .catch(() => !disposed && setState('failed'));
    return () => {
      disposed = true;
      picture.current?.dispose();
      picture.current = null;
    };
  }, [nodes, edges]);
  useEffect(() => picture.current?.highlight(highlight ?? null), [highlight, state]);
  return (
    <figure class="network-picture">
      {state === 'loading' && <Loading label="Drawing the network…" />}
      {state === 'failed' && <p class="muted">The picture could not be drawn; the table has the same facts.</p>}
      <div ref={host} class="network-picture__canvas" style={{ height: `${height}px` }} aria-hidden="true" data-state={state} />
      <figcaption class="muted">{label}</figcaption>
    </figure>
  );
}

/** A colour swatch list: what the colours and sizes mean. */
export function PictureLegend({ items }: { items: { color: string; label: string }[] }) {
  return (
    <ul class="chart-legend" aria-hidden="true">
      {items.map((i) => (
        <li key={i.label}>
          <span class="chart-legend__swatch" style={{ background: i.color }} />
          {i.label}
        </li>
      ))}
    </ul>
  );
}

/** From / to date inputs; applies on submit. */
export function PeriodFilter({
  id,
  from,
  to,
  onApply,
}: {
  id: string;
  from: string;
  to: string;
  onApply: (from: string, to: string) => void;
}) {
  const [draft, setDraft] = useState({ from, to });
  useEffect(() => setDraft({ from, to }), [from, to]);
  return (
    <form
      class="filters filters--inline network-filters"
      aria-label="Filter the network"
      onSubmit={(e) => {
        e.preventDefault();
        onApply(draft.from, draft.to);
      }}
    >
      <div class="field field--compact">
        <label for={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="date" value={draft.from} onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
      </div>
      <div class="field field--compact">
        <label for={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={draft.to} min={draft.from || undefined} onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
      </div>
      <div class="form__actions">
        <button type="submit" class="button button--primary button--small">
          Apply
        </button>
        <button type="button" class="button button--ghost button--small" onClick={() => onApply('', '')}>
          All time
        </button>
      </div>
    </form>
  );
}
