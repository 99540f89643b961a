// A team's collaboration network: the picture (coloured by community, sized
// by betweenness, the leader ringed), its shape with the numbers that
// decided it, who the hubs, brokers and isolates are, and the change over
// time. The period lives in the address (?from=&to=).

import { useMemo, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { NetworkNode, TeamNetwork as TeamNetworkData } from '../api/types';
import { AsyncPage } from '../components/async';
import { fixed, NetworkPicture, percent, PeriodFilter, PictureLegend, ShapeBadge, ShapeFacts } from '../components/network';
import { Card, EmptyState } from '../components/status';
import { communityColor } from '../lib/palette';
import { Link, navigate, personPath, teamPath, useLocation } from '../lib/router';
import { useAsync, usePageTitle } from '../lib/useAsync';

const MIN_NODE = 22;
const MAX_NODE = 64;
const MAX_EDGE = 9;

/** Node diameters: larger for higher betweenness (square root, so small values still show). */
function sizes(nodes: NetworkNode[]): Map<string, number> {
  const top = Math.max(0, ...nodes.map((n) => n.betweenness));
  return new Map(nodes.map((n) => [n.id, MIN_NODE + (top > 0 ? (MAX_NODE - MIN_NODE) * Math.sqrt(n.betweenness / top) : 0)]));
}

function roles(n: NetworkNode): string {
  return [n.leader && 'leader', n.hub && 'hub', n.broker && 'broker', n.isolate && 'isolate'].filter(Boolean).join(', ');
}

function MemberTable({ data, onFocus }: { data: TeamNetworkData; onFocus: (id: string | null) => void }) {
  const rows = [...data.nodes].sort((a, b) => b.betweenness - a.betweenness || a.name.localeCompare(b.name));
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">Members, their ties and roles in the network, most central first</caption>
        <thead>
          <tr>
            <th scope="col">Member</th>
            <th scope="col">Community</th>
            <th scope="col">Ties</th>
            <th scope="col">Betweenness</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((n) => (
            <tr key={n.id} onMouseEnter={() => onFocus(n.id)} onMouseLeave={() => onFocus(null)}>
              <th scope="row" class="table__rowhead">
                <Link href={personPath(n.id)} onFocus={() => onFocus(n.id)} onBlur={() => onFocus(null)}>
                  {n.name}
                </Link>
              </th>
              <td>
                <span class="swatch" style={{ background: communityColor(n.community) }} aria-hidden="true" />
                {n.community >= 0 ? n.community + 1 : '—'}
              </td>
              <td>{n.degree}</td>
              <td>{fixed(n.betweenness)}</td>
              <td>{roles(n) || <span class="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Timeline({ data }: { data: TeamNetworkData }) {
  if (data.timeline.every((p) => p.ties === 0)) {
    return <EmptyState title="No history yet">No shared work is recorded for this team in the last periods.</EmptyState>;
  }
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label="The team's network period by period">
      <table class="table table--compact">
        <caption class="visually-hidden">The team's network period by period, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">Shape</th>
            <th scope="col">Ties</th>
            <th scope="col">Transitivity</th>
            <th scope="col">Leader's share</th>
          </tr>
        </thead>
        <tbody>
          {data.timeline.map((p) => (
            <tr key={p.from}>
              <th scope="row" class="table__rowhead">
                {p.from} – {p.to}
              </th>
              <td>
                <ShapeBadge shape={p.shape} />
              </td>
              <td>{p.ties}</td>
              <td>{fixed(p.transitivity)}</td>
              <td>{percent(p.leader_share)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function People({ title, ids, data }: { title: string; ids: string[]; data: TeamNetworkData }) {
  const names = ids.map((id) => data.nodes.find((n) => n.id === id)?.name ?? id);
  return (
    <div class="people-line">
      <span class="people-line__label">{title}</span> {names.length ? names.join(', ') : <span class="muted">none</span>}
    </div>
  );
}

function NetworkBody({ data, from, to }: { data: TeamNetworkData; from: string; to: string }) {
  const [focus, setFocus] = useState<string | null>(null);
  const picture = useMemo(() => {
    const size = sizes(data.nodes);
    const top = Math.max(1, ...data.edges.map((e) => e.weight));
    return {
      nodes: data.nodes.map((n) => ({ id: n.id, label: n.name, color: communityColor(n.community), size: size.get(n.id) ?? MIN_NODE, ring: n.leader })),
      edges: data.edges.map((e) => ({ source: e.source, target: e.target, width: 1 + (MAX_EDGE - 1) * Math.sqrt(e.weight / top) })),
    };
  }, [data]);
  const communities = Math.max(0, ...data.nodes.map((n) => n.community + 1));
  const setPeriod = (f: string, t: string) => {
    const q = new URLSearchParams();
    if (f) q.set('from', f);
    if (t) q.set('to', t);
    navigate(`${teamPath(data.team.id)}/network${q.toString() ? `?${q}` : ''}`);
  };
  return (
    <>
      <header class="page-header">
        <p class="eyebrow">
          <Link href={teamPath(data.team.id)}>{data.team.name}</Link> · Network
        </p>
        <h1>How {data.team.name} works together</h1>
        <p class="page-header__lead">
          Ties are hours of shared work on the same engagements{data.period ? ` between ${data.period.from} and ${data.period.to}` : ', all time'}.
        </p>
      </header>
      <PeriodFilter id="team-period" from={from} to={to} onApply={setPeriod} />
      <div class="layout-split">
        <div class="layout-split__main">
          <Card title="Network" id="team-network-picture">
            {data.edges.length === 0 ? (
              <EmptyState title={data.period ? 'No ties in this period' : 'No ties yet'}>
                <p>
                  No two members of this team worked on the same engagement at the same time{data.period ? ' in this period. Try “All time”.' : ', and none are planned to.'}
                </p>
              </EmptyState>
            ) : (
              <>
                <NetworkPicture
                  nodes={picture.nodes}
                  edges={picture.edges}
                  highlight={focus}
                  label="Colour: community. Size: betweenness. Ring: the leader. Line width: hours of shared work."
                />
                <PictureLegend
                  items={Array.from({ length: Math.min(communities, 10) }, (_, c) => ({ color: communityColor(c), label: `Community ${c + 1}` }))}
                />
              </>
            )}
          </Card>
          <Card title="Members" id="team-network-members">
            <MemberTable data={data} onFocus={setFocus} />
          </Card>
        </div>
        <div class="layout-split__side">
          <Card title="Shape" id="team-network-shape">
            <ShapeFacts shape={data.shape} metrics={data.metrics} />
            <People title="Hubs:" ids={data.nodes.filter((n) => n.hub).map((n) => n.id)} data={data} />
            <People title="Brokers:" ids={data.nodes.filter((n) => n.broker).map((n) => n.id)} data={data} />
            <People title="Isolates:" ids={data.nodes.filter((n) => n.isolate).map((n) => n.id)} data={data} />
          </Card>
          <Card title="Change over time" id="team-network-timeline">
            <Timeline data={data} />
          </Card>
        </div>
      </div>
    </>
  );
}

export function TeamNetwork({ id }: { id: string }) {
  const location = useLocation();
  const from = location.query.get('from') ?? '';
  const to = location.query.get('to') ?? '';
  const state = useAsync((signal) => api.teamNetwork(id, { from: from || undefined, to: to || undefined }, signal), [id, from, to]);
  usePageTitle(state.status === 'ready' ? `${state.data.team.name} · Network` : 'Team network');
  return (
    <AsyncPage state={state} loading="Drawing the team's network…" title="Team network" notFound="team">
      {(data) => <NetworkBody data={data} from={from} to={to} />}
    </AsyncPage>
  );
}
