// The firm's collaboration network (firm leaders, administrators): figures,
// the communities as a picture, every team's shape, and the brokers who join
// the firm together. Filters by practice and period live in the address
// (/network?practice=&from=&to=).

import { useEffect, useMemo, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { FirmNetwork as FirmNetworkData, ShapeName } from '../api/types';
import { AsyncPage } from '../components/async';
import { fixed, NetworkPicture, percent, SHAPE_LABELS, SHAPE_MEANINGS, ShapeBadge } from '../components/network';
import { Card, EmptyState } from '../components/status';
import { communityColor } from '../lib/palette';
import { Link, navigate, personPath, teamPath, useLocation } from '../lib/router';
import { useAsync, usePageTitle } from '../lib/useAsync';

const TEAMS_PAGE = 50;
const SHAPE_ORDER: ShapeName[] = ['network', 'org_chart', 'wagon_wheel', 'none'];

interface Filter {
  practice: string;
  from: string;
  to: string;
}

function filterPath(f: Filter): string {
  const q = new URLSearchParams();
  if (f.practice) q.set('practice', f.practice);
  if (f.from) q.set('from', f.from);
  if (f.to) q.set('to', f.to);
  return `/network${q.toString() ? `?${q}` : ''}`;
}

function Filters({ applied, practices }: { applied: Filter; practices: string[] }) {
  const [draft, setDraft] = useState(applied);
  useEffect(() => setDraft(applied), [applied.practice, applied.from, applied.to]);
  return (
    <form
      class="filters filters--inline network-filters card"
      aria-label="Filter the firm's network"
      onSubmit={(e) => {
        e.preventDefault();
        navigate(filterPath(draft));
      }}
    >
      <div class="field field--compact">
        <label for="firm-practice">Practice</label>
        <select id="firm-practice" value={draft.practice} onChange={(e) => setDraft({ ...draft, practice: e.currentTarget.value })}>
          <option value="">All practices</option>
          {practices.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <div class="field field--compact">
        <label for="firm-from">From</label>
        <input id="firm-from" type="date" value={draft.from} onInput={(e) => setDraft({ ...draft, from: e.currentTarget.value })} />
      </div>
      <div class="field field--compact">
        <label for="firm-to">To</label>
        <input id="firm-to" type="date" value={draft.to} min={draft.from || undefined} onInput={(e) => setDraft({ ...draft, to: e.currentTarget.value })} />
      </div>
      <div class="form__actions">
        <button type="submit" class="button button--primary button--small">
          Apply
        </button>
        <button type="button" class="button button--ghost button--small" onClick={() => navigate('/network')}>
          Whole firm, all time
        </button>
      </div>
    </form>
  );
}

function Figures({ data }: { data: FirmNetworkData }) {
  const m = data.metrics;
  return (
    <dl class="facts facts--wide">
      <div class="facts__item">
        <dt>People</dt>
        <dd>{data.people.toLocaleString()}</dd>
      </div>
      <div class="facts__item">
        <dt>Ties</dt>
        <dd>{m.edges.toLocaleString()}</dd>
      </div>
      <div class="facts__item">
        <dt>Density</dt>
        <dd>{m.density.toExponential(2)}</dd>
      </div>
      <div class="facts__item">
        <dt>Average clustering</dt>
        <dd>{fixed(m.avg_clustering)}</dd>
      </div>
      <div class="facts__item">
        <dt>Transitivity</dt>
        <dd>{fixed(m.transitivity)}</dd>
      </div>
      <div class="facts__item">
        <dt>Degree centralization</dt>
        <dd>{fixed(m.degree_centralization, 3)}</dd>
      </div>
      <div class="facts__item">
        <dt>Connected groups</dt>
        <dd>
          {m.components.toLocaleString()} (largest {m.largest_component.toLocaleString()})
        </dd>
      </div>
      <div class="facts__item">
        <dt>Communities</dt>
        <dd>
          {m.communities.toLocaleString()} (modularity {fixed(m.modularity)})
        </dd>
      </div>
      <div class="facts__item">
        <dt>Betweenness</dt>
        <dd>{m.betweenness_sources < m.nodes ? `sampled from ${m.betweenness_sources} people` : 'exact'}</dd>
      </div>
    </dl>
  );
}

function ShapeSummary({ data }: { data: FirmNetworkData }) {
  const total = data.teams.length;
  if (total === 0) return <EmptyState title="No teams">No team is led from this practice.</EmptyState>;
  return (
    <ul class="shape-bars" aria-label="Teams by shape">
      {SHAPE_ORDER.map((s) => {
        const n = data.shapes[s] ?? 0;
        return (
          <li key={s}>
            <span class="shape-bars__label">
              <ShapeBadge shape={s} /> <span class="muted">{SHAPE_MEANINGS[s]}</span>
            </span>
            <span class="shape-bars__bar" aria-hidden="true">
              <span class={`shape-bars__fill shape--${s}`} style={{ width: `${(100 * n) / total}%` }} />
            </span>
            <span class="shape-bars__count">
              {n} {n === 1 ? 'team' : 'teams'} ({percent(n / total)})
            </span>
          </li>
        );
      })}
    </ul>
  );
}

function TeamsTable({ data }: { data: FirmNetworkData }) {
  const [shown, setShown] = useState(TEAMS_PAGE);
  const [shape, setShape] = useState<ShapeName | ''>('');
  const rows = data.teams.filter((t) => !shape || t.shape === shape);
  return (
    <>
      <div class="field field--compact">
        <label for="firm-team-shape">Show</label>
        <select id="firm-team-shape" value={shape} onChange={(e) => setShape(e.currentTarget.value as ShapeName | '')}>
          <option value="">Every shape</option>
          {SHAPE_ORDER.map((s) => (
            <option key={s} value={s}>
              {SHAPE_LABELS[s]}
            </option>
          ))}
        </select>
      </div>
      {rows.length === 0 ? (
        <EmptyState title="No team of this shape" />
      ) : (
        <div class="table-wrap">
          <table class="table table--compact">
            <caption class="visually-hidden">Teams and the shape of their networks</caption>
            <thead>
              <tr>
                <th scope="col">Team</th>
                <th scope="col">People</th>
                <th scope="col">Shape</th>
                <th scope="col">Hub's share</th>
                <th scope="col">Leader's share</th>
                <th scope="col" class="hide-narrow">Transitivity</th>
              </tr>
            </thead>
            <tbody>
              {rows.slice(0, shown).map((t) => (
                <tr key={t.id}>
                  <th scope="row" class="table__rowhead">
                    <Link href={`${teamPath(t.id)}/network`}>{t.name}</Link>
                  </th>
                  <td>{t.members}</td>
                  <td>
                    <ShapeBadge shape={t.shape} />
                  </td>
                  <td>{percent(t.hub_share)}</td>
                  <td>{percent(t.leader_share)}</td>
                  <td class="hide-narrow">{fixed(t.transitivity)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {rows.length > shown && (
        <div class="load-more">
          <button type="button" class="button" onClick={() => setShown(shown + TEAMS_PAGE)}>
            Show more ({rows.length - shown} left)
          </button>
        </div>
      )}
    </>
  );
}

function FirmBody({ data, applied }: { data: FirmNetworkData; applied: Filter }) {
  const picture = useMemo(() => {
    const top = Math.max(1, ...data.communities.map((c) => c.size));
    const heaviest = Math.max(1, ...data.community_ties.map((t) => t.weight));
    return {
      nodes: data.communities.map((c) => ({
        id: `c${c.id}`,
        label: `${c.practice || 'Community'} · ${c.size}`,
        color: communityColor(c.id),
        size: 18 + 60 * Math.sqrt(c.size / top),
      })),
      edges: data.community_ties.map((t) => ({ source: `c${t.source}`, target: `c${t.target}`, width: 1 + 8 * Math.sqrt(t.weight / heaviest) })),
    };
  }, [data]);
  return (
    <>
      <header class="page-header">
        <h1>The firm's network</h1>
        <p class="page-header__lead">
          Who works with whom, from shared work on engagements{applied.practice ? ` in ${applied.practice}` : ''}
          {data.period ? `, ${data.period.from} to ${data.period.to}` : ', all time'}.
        </p>
      </header>
      <Filters applied={applied} practices={data.practices} />
      <div class="layout-split">
        <div class="layout-split__main">
          <Card title={`Communities (${data.communities.length} largest shown)`} id="firm-communities">
            {data.communities.length === 0 || data.metrics.edges === 0 ? (
              <EmptyState title="No collaboration recorded">No two people worked on the same engagement at the same time in this selection.</EmptyState>
            ) : (
              <NetworkPicture
                nodes={picture.nodes}
                edges={picture.edges}
                label="Each circle is a community of people who work together, sized by headcount and named by its main practice; lines are hours of shared work between communities."
                height={460}
              />
            )}
          </Card>
          <Card title="Teams by shape" id="firm-shapes">
            <ShapeSummary data={data} />
            <TeamsTable data={data} />
          </Card>
        </div>
        <div class="layout-split__side">
          <Card title="Figures" id="firm-figures">
            <Figures data={data} />
          </Card>
          <Card title="Brokers" id="firm-brokers">
            {data.brokers.length === 0 ? (
              <EmptyState title="No brokers">No one sits between otherwise separate groups.</EmptyState>
            ) : (
              <ol class="plain-list brokers" aria-label="People of highest betweenness">
                {data.brokers.map((b) => (
                  <li key={b.id}>
                    <Link href={personPath(b.id)}>{b.name}</Link> <span class="muted">{b.practice}</span>
                  </li>
                ))}
              </ol>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

export function FirmNetwork() {
  const location = useLocation();
  const applied: Filter = {
    practice: location.query.get('practice') ?? '',
    from: location.query.get('from') ?? '',
    to: location.query.get('to') ?? '',
  };
  const state = useAsync(
    (signal) => api.firmNetwork({ practice: applied.practice || undefined, from: applied.from || undefined, to: applied.to || undefined }, signal),
    [applied.practice, applied.from, applied.to],
  );
  usePageTitle("The firm's network");
  return (
    <AsyncPage state={state} loading="Reading the firm's network…" title="The firm's network">
      {(data) => <FirmBody data={data} applied={applied} />}
    </AsyncPage>
  );
}
