// Client relationships: who holds each client and how strongly, the risk
// when it rests on one partner (key clients below two strong partner
// relationships are flagged), and for one client who should be introduced
// and its account leadership in brief (pages/Leadership.tsx has the whole).
// /clients?flagged=true&key=true and /clients/{id}.

import { api } from '../api/client';
import type { ClientCoverage, ClientDetail, RelationshipHolder, Risk, Strength } from '../api/types';
import { AsyncPage } from '../components/async';
import { percent } from '../components/network';
import { Card, EmptyState } from '../components/status';
import { LeadershipCard } from './Leadership';
import { clientPath, Link, navigate, personPath, useLocation } from '../lib/router';
import { useAsync, usePageTitle } from '../lib/useAsync';

const RISK_LABELS: Record<Risk, string> = {
  uncovered: 'No strong partner',
  single_partner: 'One strong partner',
  covered: 'Covered',
};
const STRENGTH_LABELS: Record<Strength, string> = { strong: 'Strong', moderate: 'Moderate', weak: 'Weak' };
/** Strength scores above this fill the bar (leading a current engagement is 2). */
const FULL_BAR_SCORE = 3;

export function RiskBadge({ coverage }: { coverage: ClientCoverage }) {
  return (
    <span class={`badge risk risk--${coverage.risk}${coverage.flagged ? ' risk--flagged' : ''}`}>
      {coverage.flagged && <span aria-hidden="true">⚑ </span>}
      {RISK_LABELS[coverage.risk]}
      {coverage.flagged && <span class="visually-hidden"> (flagged key client)</span>}
    </span>
  );
}

function StrengthBar({ holder }: { holder: RelationshipHolder }) {
  return (
    <span class="strength">
      <span class="strength__bar" aria-hidden="true">
        <span class={`strength__fill strength--${holder.strength}`} style={{ width: `${Math.min(100, (100 * holder.score) / FULL_BAR_SCORE)}%` }} />
      </span>
      <span class="strength__label">
        {STRENGTH_LABELS[holder.strength]} ({holder.score.toFixed(1)})
      </span>
    </span>
  );
}

function ClientRows({ clients }: { clients: ClientCoverage[] }) {
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">Clients, flagged key clients first, and who holds each relationship</caption>
        <thead>
          <tr>
            <th scope="col">Client</th>
            <th scope="col">Coverage</th>
            <th scope="col">Strong partners</th>
            <th scope="col" class="hide-narrow">Held by</th>
          </tr>
        </thead>
        <tbody>
          {clients.map((c) => (
            <tr key={c.client.id}>
              <th scope="row" class="table__rowhead">
                <Link href={clientPath(c.client.id)}>{c.client.name}</Link>
                {c.client.key_client && <span class="badge badge--accent client-key">Key client</span>}
                <div class="muted">{c.client.industry}</div>
              </th>
              <td>
                <RiskBadge coverage={c} />
              </td>
              <td>{c.strong_partners}</td>
              <td class="hide-narrow">
                {c.holders.length === 0 ? (
                  <span class="muted">no one yet</span>
                ) : (
                  c.holders.map((h) => `${h.name} (${STRENGTH_LABELS[h.strength].toLowerCase()})`).join(', ')
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Clients() {
  usePageTitle('Client relationships');
  const location = useLocation();
  const flagged = location.query.get('flagged') === 'true';
  const key = location.query.get('key') === 'true';
  const state = useAsync((signal) => api.clients({ flagged, key }, signal), [flagged, key]);
  const setFilter = (f: boolean, k: boolean) => {
    const q = new URLSearchParams();
    if (f) q.set('flagged', 'true');
    if (k) q.set('key', 'true');
    navigate(`/clients${q.toString() ? `?${q}` : ''}`, { replace: true });
  };
  return (
    <>
      <header class="page-header">
        <h1>Client relationships</h1>
        <p class="page-header__lead">A relationship held by one partner walks out of the door with that partner. Key clients need at least two strong partner relationships.</p>
      </header>
      <fieldset class="filters filters--inline card">
        <legend class="visually-hidden">Show</legend>
        <label class="choice">
          <input type="checkbox" checked={flagged} onChange={(e) => setFilter(e.currentTarget.checked, key)} /> Only flagged key clients
        </label>
        <label class="choice">
          <input type="checkbox" checked={key} onChange={(e) => setFilter(flagged, e.currentTarget.checked)} /> Only key clients
        </label>
      </fieldset>
      <AsyncPage state={state} loading="Reading client relationships…" title="Client relationships">
        {(list) => (
          <Card title={`${list.total} ${list.total === 1 ? 'client' : 'clients'}`} id="clients-list">
            {list.clients.length === 0 ? (
              <EmptyState title={flagged || key ? 'No client matches' : 'No clients to show'}>
                <p>
                  {flagged || key
                    ? 'Clear the filters to see every client you may see.'
                    : 'Firm leaders see every client; partners see the clients whose engagements they lead.'}
                </p>
              </EmptyState>
            ) : (
              <>
                <ClientRows clients={list.clients} />
                {list.total > list.clients.length && <p class="muted">The first {list.clients.length} are shown.</p>}
              </>
            )}
          </Card>
        )}
      </AsyncPage>
    </>
  );
}

function HolderTable({ detail }: { detail: ClientDetail }) {
  if (detail.holders.length === 0) return <EmptyState title="No one has worked for this client yet" />;
  return (
    <div class="table-wrap">
      <table class="table">
        <caption class="visually-hidden">Who holds the relationship, strongest first</caption>
        <thead>
          <tr>
            <th scope="col">Person</th>
            <th scope="col">Strength</th>
            <th scope="col">Engagements (led)</th>
            <th scope="col" class="hide-narrow">Hours</th>
            <th scope="col" class="hide-narrow">Last worked</th>
          </tr>
        </thead>
        <tbody>
          {detail.holders.map((h) => (
            <tr key={h.id}>
              <th scope="row" class="table__rowhead">
                <Link href={personPath(h.id)}>{h.name}</Link>
                <div class="muted">{h.grade}</div>
              </th>
              <td>
                <StrengthBar holder={h} />
              </td>
              <td>
                {h.engagements} ({h.led})
              </td>
              <td class="hide-narrow">{Math.round(h.hours ?? 0)}</td>
              <td class="hide-narrow">{h.last_worked}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Successors({ detail }: { detail: ClientDetail }) {
  if (detail.successors.length === 0) {
    return <EmptyState title="No one to suggest">No partner or director outside the current holders works near this client or holds the skills it buys.</EmptyState>;
  }
  return (
    <ol class="plain-list successors" aria-label="Who should be introduced, best first">
      {detail.successors.map((s) => (
        <li key={s.id} class="successor">
          <p class="successor__who">
            <Link href={personPath(s.id)}>{s.name}</Link> <span class="muted">
              {s.grade} · {s.practice}
            </span>{' '}
            <span class="badge">score {s.score.toFixed(2)}</span>
          </p>
          <p class="successor__facts">
            Meets {percent(s.skill_share)} of the skills the client buys
            {detail.capacity_visible && s.free_hours_per_week !== undefined && ` · ${Math.round(s.free_hours_per_week)} h free a week`}
            {s.tied_to && ` · ${Math.round(s.tie_hours)} h with ${s.tied_to.name}`}
          </p>
          <p class="successor__reason muted">{s.reason}</p>
        </li>
      ))}
    </ol>
  );
}

export function Client({ id }: { id: string }) {
  const state = useAsync((signal) => api.clientCoverage(id, signal), [id]);
  usePageTitle(state.status === 'ready' ? state.data.client.name : 'Client');
  return (
    <AsyncPage state={state} loading="Reading the client's coverage…" title="Client" notFound="client">
      {(detail) => (
        <>
          <header class="page-header">
            <p class="eyebrow">
              <Link href="/clients">Client relationships</Link> · {detail.client.industry}
            </p>
            <h1>{detail.client.name}</h1>
            <p class="page-header__lead">
              <RiskBadge coverage={detail} /> {detail.client.key_client && <span class="badge badge--accent">Key client</span>}
            </p>
          </header>
          <div class="alert alert--info client-reason" role="note">
            <p>{detail.reason}</p>
          </div>
          <div class="layout-split">
            <div class="layout-split__main">
              <Card title="Who holds the relationship" id="client-holders">
                <HolderTable detail={detail} />
              </Card>
            </div>
            <div class="layout-split__side">
              <LeadershipCard clientId={detail.client.id} />
              <Card title="Who should be introduced" id="client-successors">
                <Successors detail={detail} />
                {!detail.capacity_visible && <p class="muted">Free hours are private: only firm leaders see them and have them weigh in.</p>}
              </Card>
            </div>
          </div>
        </>
      )}
    </AsyncPage>
  );
}
