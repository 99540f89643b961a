// The firm's skills market (/market): a heatmap of skills by periods showing
// demand against supply (shortfall in hours, or the demand/supply ratio), the
// same numbers as a table, key-person risks and teaching gaps. Firm leaders
// and administrators can open the three remedies (redeploy, develop, hire)
// for a skill. The controls live in the address (?from=&periods=&weeks=&show=).

import { useMemo, useState } from 'preact/hooks';
import { api } from '../api/client';
import type { Market as MarketData, MarketSkill, NamedRef } from '../api/types';
import { BriefRow, levelLabel, longDate, MarketHeatmap } from '../components/insights';
import { LEVEL_NAMES } from '../components/skills';
import { AsyncSection, refusalFor } from '../components/async';
import { Card, EmptyState } from '../components/status';
import { formatMarketValue, MARKET_COLORS, RATIO_LOG_CLAMP, type HeatmapInput, type MarketMeasure } from '../components/market-scale';
import { navigate, personPath, Link, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { useAsync, usePageTitle } from '../lib/useAsync';
const PERIOD_CHOICES = [3, 6, 12];
const WEEK_CHOICES = [1, 2, 4];
const ROWS = 20;

interface MarketControls {
  from: string;
  periods: number;
  weeks: number;
  measure: MarketMeasure;
}

function controlsFromUrl(q: URLSearchParams): MarketControls {
  const periods = Number(q.get('periods'));
  const weeks = Number(q.get('weeks'));
  return {
    from: /^\d{4}-\d{2}-\d{2}$/.test(q.get('from') ?? '') ? (q.get('from') as string) : '',
    periods: PERIOD_CHOICES.includes(periods) ? periods : 6,
    weeks: WEEK_CHOICES.includes(weeks) ? weeks : 4,
    measure: q.get('show') === 'ratio' ? 'ratio' : 'shortfall',
  };
}

function controlsToUrl(c: MarketControls): string {
  const params = new URLSearchParams();
  if (c.from) params.set('from', c.from);
  if (c.periods !== 6) params.set('periods', String(c.periods));
  if (c.weeks !== 4) params.set('weeks', String(c.weeks));
  if (c.measure === 'ratio') params.set('show', 'ratio');
  const text = params.toString();
  return `/market${text ? `?${text}` : ''}`;
}

/** demand - supply, or demand / supply (Infinity with no supply, null with neither). */
export function marketValue(demand: number, supply: number, measure: MarketMeasure): number | null {
  if (measure === 'shortfall') return demand - supply;
  if (supply > 0) return demand / supply;
  return demand > 0 ? Infinity : null;
}

function heatmapInput(data: MarketData, measure: MarketMeasure): HeatmapInput {
  return {
    periods: data.periods,
    skills: data.skills.map((s) => s.skill.name),
    values: data.skills.map((s) => data.periods.map((_, i) => (s.periods[i] ? marketValue(s.periods[i].demand_hours, s.periods[i].supply_hours, measure) : null))),
    measure,
  };
}

function Legend({ input }: { input: HeatmapInput }) {
  let extent = 0;
  for (const row of input.values) for (const v of row) if (v !== null && Number.isFinite(v)) extent = Math.max(extent, Math.abs(v));
  const ratio = input.measure === 'ratio';
  const low = ratio ? `1/${2 ** RATIO_LOG_CLAMP} or less` : `${Math.round(extent)} h spare`;
  const high = ratio ? `${2 ** RATIO_LOG_CLAMP}× or more` : `${Math.round(extent)} h short`;
  return (
    <div class="heat-legend" id="market-legend">
      <p class="heat-legend__title">{ratio ? 'Demand ÷ supply per period (1.0 = balanced)' : 'Demand − supply per period, in hours (0 = balanced)'}</p>
      <div class="heat-legend__bar" style={{ background: `linear-gradient(to right, ${MARKET_COLORS.join(', ')})` }} aria-hidden="true" />
      <div class="heat-legend__labels">
        <span>
          <strong>More supply</strong> · {low}
        </span>
        <span>Balanced</span>
        <span>
          {high} · <strong>Short of people</strong>
        </span>
      </div>
    </div>
  );
}

function Remedies({ skill }: { skill: NamedRef }) {
  const [level, setLevel] = useState(3);
  const state = useAsync((signal) => api.remedies(skill.id, level, signal), [skill.id, level]);
  return (
    <div class="remedies" id="market-remedies" aria-live="polite">
      <div class="remedies__head">
        <h3>Remedies for {skill.name}</h3>
        <div class="field field--compact">
          <label for="remedy-level">At level</label>
          <select id="remedy-level" value={level} onChange={(e) => setLevel(Number(e.currentTarget.value))}>
            {LEVEL_NAMES.map((name, i) => (
              <option key={name} value={i + 1}>
                {i + 1} · {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <AsyncSection state={state} loading="Looking for people…" failed="The remedies could not be worked out">
        {(remedies) => (
          <div class="remedies__grid">
            <div>
              <h4>Redeploy</h4>
              {remedies.redeploy.length === 0 ? (
                <p class="muted">Nobody holds it at this level with time.</p>
              ) : (
                <ul class="plain-list" aria-label="Redeploy">
                  {remedies.redeploy.map((c) => (
                    <li key={c.person.id}>
                      <BriefRow person={c.person} context={`${levelLabel(c.level)}${c.free_hours ? `, ${Math.round(c.free_hours)} h free` : ''}`} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h4>Develop</h4>
              {remedies.develop.length === 0 ? (
                <p class="muted">Nobody wants to grow it from just below.</p>
              ) : (
                <ul class="plain-list" aria-label="Develop">
                  {remedies.develop.map((c) => (
                    <li key={c.person.id}>
                      <BriefRow person={c.person} context={`now ${levelLabel(c.level)}, wants to grow`} />
                    </li>
                  ))}
                </ul>
              )}
            </div>
            <div>
              <h4>Hire</h4>
              <p>{remedies.hire ? <strong>Hire: nobody inside can be redeployed or developed.</strong> : 'Not needed: look inside first.'}</p>
            </div>
          </div>
        )}
      </AsyncSection>
    </div>
  );
}

function MarketTable({ data, measure, onRemedies }: { data: MarketData; measure: MarketMeasure; onRemedies?: (skill: NamedRef) => void }) {
  return (
    <div class="table-wrap" tabIndex={0} role="region" aria-label="Supply and demand per skill">
      <table class="table" id="market-table">
        <caption class="visually-hidden">Supply and demand per skill over the whole range, hours</caption>
        <thead>
          <tr>
            <th scope="col">Skill</th>
            <th scope="col" class="num hide-narrow">Holders</th>
            <th scope="col" class="num">Demand h</th>
            <th scope="col" class="num">Supply h</th>
            <th scope="col" class="num">{measure === 'ratio' ? 'Ratio' : 'Short h'}</th>
            {onRemedies && <th scope="col">Remedies</th>}
          </tr>
        </thead>
        <tbody>
          {data.skills.map((s: MarketSkill) => (
            <tr key={s.skill.id}>
              <th scope="row" class="table__rowhead">
                {s.skill.name}
              </th>
              <td class="num hide-narrow">{s.holders}</td>
              <td class="num">{Math.round(s.demand_hours)}</td>
              <td class="num">{Math.round(s.supply_hours)}</td>
              <td class="num">{formatMarketValue(marketValue(s.demand_hours, s.supply_hours, measure), measure)}</td>
              {onRemedies && (
                <td>
                  <button type="button" class="button button--small" aria-label={`Remedies for ${s.skill.name}`} onClick={() => onRemedies(s.skill)}>
                    Remedies
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MarketBody({ data, controls, firmWide }: { data: MarketData; controls: MarketControls; firmWide: boolean }) {
  const input = useMemo(() => heatmapInput(data, controls.measure), [data, controls.measure]);
  const [remedyFor, setRemedyFor] = useState<NamedRef | null>(null);
  return (
    <>
      <Card title="Supply and demand" id="market-heatmap">
        {data.redacted && (
          <p class="muted" id="market-redacted">
            Skills held by fewer than {data.min_holders} people are left out
            {data.hidden_skills > 0 ? ` (${data.hidden_skills} here, with ${Math.round(data.hidden_demand_hours)} h of demand)` : ''}, and no one is named: their free hours are
            theirs. Firm leaders see the whole market.
          </p>
        )}
        {data.skills.length === 0 && data.hidden_skills > 0 ? (
          <EmptyState title="Demand in this range is hidden from you">
            <p id="market-hidden">
              {data.hidden_skills} {data.hidden_skills === 1 ? 'skill is' : 'skills are'} asked for ({Math.round(data.hidden_demand_hours)} h in these periods), but each is
              held by fewer than {data.min_holders} people: showing its supply would show one or two people's own free time. Firm leaders and administrators see these
              skills.
            </p>
          </EmptyState>
        ) : data.skills.length === 0 ? (
          <EmptyState title="No demand in this range">
            <p>No open engagement asks for a skill in these periods. Try a later start or more periods.</p>
          </EmptyState>
        ) : (
          <>
            <Legend input={input} />
            <MarketHeatmap input={input} />
            <MarketTable data={data} measure={controls.measure} onRemedies={firmWide ? setRemedyFor : undefined} />
            {remedyFor && <Remedies skill={remedyFor} />}
          </>
        )}
      </Card>
      <div class="layout-columns">
        <Card title="Key-person risks" id="market-risks">
          {data.key_person_risks.length === 0 ? (
            <p class="muted">No skill in demand rests on a single person.</p>
          ) : (
            <ul class="plain-list risk-list" aria-label="Key-person risks">
              {data.key_person_risks.map((r) => (
                <li key={r.skill.id} class="risk">
                  <span class="risk__skill">{r.skill.name}</span>
                  <span class="muted">
                    {Math.round(r.demand_hours)} h asked for — only{' '}
                    {r.holders.length === 0 && `${r.holder_count} ${r.holder_count === 1 ? 'person holds' : 'people hold'} it`}
                  </span>
                  {r.holders.map((h, i) => (
                    <span key={h.id}>
                      {i > 0 && ', '}
                      <Link href={personPath(h.id)}>{h.name}</Link>
                    </span>
                  ))}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Teaching gaps" id="market-teaching">
          {data.teaching_gaps.length === 0 ? (
            <p class="muted">Every skill people want to grow has enough people to teach it.</p>
          ) : (
            <div class="table-wrap">
              <table class="table">
                <caption class="visually-hidden">Skills many want to grow but few can teach</caption>
                <thead>
                  <tr>
                    <th scope="col">Skill</th>
                    <th scope="col" class="num">Want to grow</th>
                    <th scope="col" class="num">Can teach</th>
                  </tr>
                </thead>
                <tbody>
                  {data.teaching_gaps.map((t) => (
                    <tr key={t.skill.id}>
                      <th scope="row" class="table__rowhead">
                        {t.skill.name}
                      </th>
                      <td class="num">{t.growers}</td>
                      <td class="num">{t.teachers}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Card>
      </div>
    </>
  );
}

export function Market() {
  usePageTitle('Skills market');
  const { user } = useSession();
  const firmWide = user.role === 'firm_leader' || user.role === 'administrator';
  const location = useLocation();
  const controls = controlsFromUrl(location.query);
  const set = (change: Partial<MarketControls>) => navigate(controlsToUrl({ ...controls, ...change }), { replace: true });
  const state = useAsync(
    (signal) => api.market({ from: controls.from || undefined, periods: controls.periods, period_weeks: controls.weeks, limit: ROWS }, signal),
    [controls.from, controls.periods, controls.weeks],
  );
  const refused = refusalFor(state);
  if (refused) return refused;
  // With no date chosen the server starts at this week: the field shows that date.
  const shownFrom = state.status === 'ready' ? (state.data.periods[0] ?? '') : '';
  return (
    <>
      <header class="page-header">
        <h1>Skills market</h1>
        <p class="page-header__lead">
          Hours the firm's open work asks for each skill against free hours of people who hold it (level 3 or above), period by period
          {state.status === 'ready' && state.data.periods.length > 0 && ` from ${longDate(state.data.periods[0])}`}.
        </p>
      </header>
      <form class="filters card" aria-label="Market range" onSubmit={(e) => e.preventDefault()}>
        <div class="field field--compact">
          <label for="market-from">From</label>
          <input id="market-from" type="date" value={controls.from || shownFrom} onChange={(e) => set({ from: e.currentTarget.value })} />
        </div>
        <div class="field field--compact">
          <label for="market-periods">Periods</label>
          <select id="market-periods" value={controls.periods} onChange={(e) => set({ periods: Number(e.currentTarget.value) })}>
            {PERIOD_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <div class="field field--compact">
          <label for="market-weeks">Weeks each</label>
          <select id="market-weeks" value={controls.weeks} onChange={(e) => set({ weeks: Number(e.currentTarget.value) })}>
            {WEEK_CHOICES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </div>
        <fieldset class="finder__mode">
          <legend>Show</legend>
          <label class="choice">
            <input type="radio" name="measure" checked={controls.measure === 'shortfall'} onChange={() => set({ measure: 'shortfall' })} /> shortfall in hours
          </label>
          <label class="choice">
            <input type="radio" name="measure" checked={controls.measure === 'ratio'} onChange={() => set({ measure: 'ratio' })} /> demand ÷ supply
          </label>
        </fieldset>
      </form>
      <AsyncSection state={state} loading="Weighing supply and demand…" failed="The market could not be loaded">
        {(data) => <MarketBody data={data} controls={controls} firmWide={firmWide} />}
      </AsyncSection>
    </>
  );
}
