// A team's check-ins as its leaders see them (/teams/{id}/checkins): this
// cycle's members with their status (an excluded one with the reason), what
// each submitted, the open questions addressed to me with an answer box,
// blockers open for more than two cycles, "Nudge everyone overdue" with its
// result, and the trends per cycle (chart and the same numbers in a table).
// The leader sets how often the team checks in (weekly, fortnightly, a
// custom number of days, or off); a team with check-ins off shows only that
// control. Whoever does not lead the team gets the not-found page (the API's
// 404), so members never see the control.

import { useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import { checkinsApi } from '../api/checkins-client';
import type { CheckinTrends, MemberCheckin, TeamCheckins as TeamCheckinsData } from '../api/types';
import { AsyncPage, AsyncSection } from '../components/async';
import { checkinPath, cycleLabel, FieldError, fieldProblem, QuestionItem, StatusBadge } from '../components/checkins';
import { longDate, useChart } from '../components/insights';
import { Card, EmptyState, ErrorMessage } from '../components/status';
import { Link, personPath, teamPath } from '../lib/router';
import { isStale, STALE_TEAM_MESSAGE, useTeamEtag } from '../lib/team-etag';
import { toApiError, useAsync, usePageTitle } from '../lib/useAsync';

/** @clientOnly cycles the trends cover */
const TREND_CYCLES = 12;
/** @clientOnly the cadences the select names; any other number of days is "custom" */
const NAMED_CADENCES: Record<string, number> = { weekly: 7, fortnightly: 14, off: 0 };
/** @clientOnly the longest cycle the API accepts (kMaxCheckinCadenceDays) */
const MAX_CADENCE_DAYS = 91;

function cadenceChoice(days: number): string {
  return Object.keys(NAMED_CADENCES).find((k) => NAMED_CADENCES[k] === days) ?? 'custom';
}

function cadenceLabel(days: number): string {
  if (days === 0) return 'off';
  if (days === 7) return 'weekly';
  if (days === 14) return 'fortnightly';
  return `every ${days} ${days === 1 ? 'day' : 'days'}`;
}

/** The leader's select: weekly, fortnightly, custom days or off; saved on "Set cadence". */
function CadenceControl({
  teamId,
  days,
  onChanged,
  onStale,
}: {
  teamId: string;
  days: number;
  onChanged: (days: number) => void;
  /** The team changed since the page read it (412): reload and say so. */
  onStale: () => void;
}) {
  const [choice, setChoice] = useState(cadenceChoice(days));
  const [custom, setCustom] = useState(String(days > 0 ? days : 7));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const id = `cadence-${teamId}`;
  // The team as this page read it: "Set cadence" sends it as If-Match.
  const version = useTeamEtag(teamId);
  // An empty custom field is no number (never 0, which is "off"): the API names the field.
  const wanted = choice === 'custom' ? (custom.trim() === '' ? null : Number(custom)) : NAMED_CADENCES[choice];
  const save = async () => {
    setBusy(true);
    setError(null);
    try {
      const set = await checkinsApi.setCadence(teamId, wanted, version.etag);
      await version.refresh();
      onChanged(set.days);
    } catch (e) {
      if (isStale(e)) {
        await version.refresh();
        onStale();
      } else {
        setError(toApiError(e));
      }
    } finally {
      setBusy(false);
    }
  };
  const invalid = fieldProblem(error, 'days') ? true : undefined;
  return (
    <form
      class="cadence-form inline-row"
      aria-label="Check-in cadence"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <div class="field">
        <label for={`${id}-choice`}>Check-ins</label>
        <select id={`${id}-choice`} value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
          <option value="weekly">Weekly</option>
          <option value="fortnightly">Fortnightly</option>
          <option value="custom">Custom number of days</option>
          <option value="off">Off</option>
        </select>
      </div>
      {choice === 'custom' && (
        <div class="field">
          <label for={`${id}-days`}>Days per cycle</label>
          <input
            id={`${id}-days`}
            type="number"
            min={1}
            max={MAX_CADENCE_DAYS}
            step={1}
            value={custom}
            aria-invalid={invalid}
            aria-describedby={invalid ? `${id}-days-error` : undefined}
            onInput={(e) => setCustom(e.currentTarget.value)}
          />
        </div>
      )}
      <button type="submit" class="button button--small" disabled={busy || wanted === days}>
        Set cadence
      </button>
      <FieldError id={`${id}-days-error`} error={error} field="days" />
      {error && !fieldProblem(error, 'days') && <ErrorMessage error={error} title="The cadence was not changed" />}
    </form>
  );
}

/** The page of a team whose check-ins are off: the control to turn them on. */
function CheckinsOff({
  teamId,
  onChanged,
  onStale,
}: {
  teamId: string;
  onChanged: (days: number) => void;
  onStale: () => void;
}) {
  const team = useAsync((signal) => api.team(teamId, signal), [teamId]);
  return (
    <>
      <header class="page-header">
        <p class="eyebrow">
          <Link href={teamPath(teamId)}>{team.status === 'ready' ? team.data.team.name : 'Team'}</Link>
        </p>
        <h1>Team check-ins</h1>
        <p class="page-header__lead">This team runs no check-ins. Choose a cadence to start them; members check in from the current cycle on.</p>
      </header>
      <Card title="Cadence" id="checkin-cadence">
        <CadenceControl teamId={teamId} days={0} onChanged={onChanged} onStale={onStale} />
      </Card>
    </>
  );
}

function percent(share: number | null): string {
  return share === null ? '—' : `${Math.round(share * 100)}%`;
}

function MemberRow({ member }: { member: MemberCheckin }) {
  const submitted = member.checkin?.submitted_at ? member.checkin : null;
  return (
    <tr data-person-id={member.person.id} data-status={member.status}>
      <th scope="row" class="table__rowhead">
        <Link href={personPath(member.person.id)}>{member.person.name}</Link>
      </th>
      <td>
        <StatusBadge status={member.status} excluded={member.excluded_because} />
      </td>
      <td class="member-checkin">
        {submitted ? (
          <details>
            <summary>What changed for the client</summary>
            <p>{submitted.client_change}</p>
            {submitted.note && (
              <p>
                <span class="log-entry__label">Note</span> {submitted.note}
              </p>
            )}
            <Link href={checkinPath(submitted.id)}>Blockers and question</Link>
          </details>
        ) : (
          <span class="muted">—</span>
        )}
      </td>
    </tr>
  );
}

function Nudge({ teamId, waiting }: { teamId: string; waiting: number }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const nudge = async () => {
    setBusy(true);
    setError(null);
    try {
      const { nudged } = await checkinsApi.nudge(teamId);
      setResult(nudged === 0 ? 'Nobody to nudge: everyone was already nudged this cycle or has checked in.' : `Nudged ${nudged} ${nudged === 1 ? 'person' : 'people'}.`);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="nudge">
      <button type="button" class="button button--small" disabled={busy || waiting === 0} onClick={() => void nudge()}>
        Nudge everyone overdue
      </button>
      <span class="nudge__result" role="status" aria-live="polite">
        {result}
      </span>
      {error && <ErrorMessage error={error} title="Nobody was nudged" />}
    </div>
  );
}

function TrendsChart({ trends }: { trends: CheckinTrends }) {
  const { host, state } = useChart((charts, el) => charts.drawCheckinTrends(el, trends.cycles), [trends]);
  return (
    <div class="chart" aria-hidden="true">
      <div ref={host} class="chart__canvas" style={{ height: '260px' }} data-state={state} />
      {state === 'failed' && <p class="muted">The chart could not be drawn; the table has the same numbers.</p>}
    </div>
  );
}

function Trends({ teamId }: { teamId: string }) {
  const state = useAsync((signal) => checkinsApi.trends(teamId, TREND_CYCLES, signal), [teamId]);
  return (
    <Card title="Trends" id="checkin-trends">
      <AsyncSection state={state} loading="Loading the trends…" failed="The trends could not be loaded">
        {(trends) =>
          trends.cycles.length === 0 ? (
            <EmptyState title="No cycles yet" />
          ) : (
            <>
              <TrendsChart trends={trends} />
              <div class="table-wrap" tabIndex={0} role="region" aria-label="Check-in trends per cycle">
                <table class="table table--compact trends-table">
                  <caption>Per cycle, oldest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Cycle from</th>
                      <th scope="col">Submitted</th>
                      <th scope="col">Completion</th>
                      <th scope="col">Median hours to answer</th>
                      <th scope="col">Blockers opened</th>
                      <th scope="col">Blockers resolved</th>
                    </tr>
                  </thead>
                  <tbody>
                    {trends.cycles.map((c) => (
                      <tr key={c.cycle_start}>
                        <th scope="row">{longDate(c.cycle_start)}</th>
                        <td class="num">
                          {c.submitted} of {c.expected}
                        </td>
                        <td class="num">{percent(c.completion)}</td>
                        <td class="num">{c.median_hours_to_answer === null ? '—' : c.median_hours_to_answer.toFixed(1)}</td>
                        <td class="num">{c.blockers_opened}</td>
                        <td class="num">{c.blockers_resolved}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )
        }
      </AsyncSection>
    </Card>
  );
}

function TeamCheckinsBody({
  data,
  onCadence,
  onStale,
}: {
  data: TeamCheckinsData;
  onCadence: (days: number) => void;
  onStale: () => void;
}) {
  const waiting = data.members.filter((m) => m.status === 'overdue' || m.status === 'due' || m.status === 'draft').length;
  const submitted = data.members.filter((m) => m.status === 'submitted').length;
  const expected = data.members.filter((m) => m.status !== 'excluded').length;
  return (
    <>
      <header class="page-header">
        <p class="eyebrow">
          <Link href={teamPath(data.team.id)}>{data.team.name}</Link>
        </p>
        <h1>Team check-ins</h1>
        <p class="page-header__lead">
          Cycle {cycleLabel(data.cycle)} · due {longDate(data.cycle.due_on)} · {submitted} of {expected} submitted · check-ins{' '}
          <span class="cadence-now">{cadenceLabel(data.cadence_days)}</span>
        </p>
      </header>
      <Card title="Cadence" id="checkin-cadence">
        <CadenceControl
          key={data.cadence_days}
          teamId={data.team.id}
          days={data.cadence_days}
          onChanged={onCadence}
          onStale={onStale}
        />
      </Card>
      <div class="layout-split">
        <div class="layout-split__main">
          <Card title="This cycle" id="cycle-members" actions={<Nudge teamId={data.team.id} waiting={waiting} />}>
            {data.members.length === 0 ? (
              <EmptyState title="This team has no members who check in" />
            ) : (
              <div class="table-wrap">
                <table class="table members-checkins">
                  <caption class="visually-hidden">Members and their check-in status this cycle</caption>
                  <thead>
                    <tr>
                      <th scope="col">Member</th>
                      <th scope="col">Status</th>
                      <th scope="col">Check-in</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.members.map((m) => (
                      <MemberRow key={m.person.id} member={m} />
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
          <Trends teamId={data.team.id} />
        </div>
        <div class="layout-split__side">
          <Card title="Questions for me" id="team-questions">
            {data.open_questions.length === 0 ? (
              <EmptyState title="No open questions for you" />
            ) : (
              <ul class="question-list">
                {data.open_questions.map((q) => (
                  <QuestionItem key={q.id} question={q} canAnswer={true} />
                ))}
              </ul>
            )}
          </Card>
          <Card title="Blockers open for more than two cycles" id="lingering-blockers">
            {data.lingering_blockers.length === 0 ? (
              <EmptyState title="No lingering blockers" />
            ) : (
              <ul class="blocker-list blocker-list--lingering">
                {data.lingering_blockers.map(({ blocker, cycles_open }) => (
                  <li key={blocker.id} data-blocker-id={blocker.id}>
                    <p class="blocker__text">{blocker.text}</p>
                    <p class="muted">
                      <Link href={personPath(blocker.person.id)}>{blocker.person.name}</Link> · open since {longDate(blocker.opened_on)} ·{' '}
                      {cycles_open} cycles
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

export function TeamCheckins({ id }: { id: string }) {
  const [version, setVersion] = useState(0);
  const [message, setMessage] = useState('');
  const state = useAsync((signal) => checkinsApi.team(id, signal), [id, version]);
  usePageTitle(state.status === 'ready' ? `Check-ins · ${state.data.team.name}` : 'Team check-ins');
  const onCadence = (days: number) => {
    setMessage(`Check-ins are now ${cadenceLabel(days)}.`);
    setVersion((v) => v + 1);
  };
  const onStale = () => {
    setMessage(`The cadence was not changed. ${STALE_TEAM_MESSAGE}`);
    setVersion((v) => v + 1);
  };
  // A team without check-ins answers 400 naming "team" to its leaders only
  // (everyone else gets the 404 first).
  const off = state.status === 'error' && fieldProblem(state.error, 'team') !== undefined;
  return (
    <>
      <p class="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      {message && <p class="notice cadence-notice">{message}</p>}
      {off ? (
        <CheckinsOff teamId={id} onChanged={onCadence} onStale={onStale} />
      ) : (
        <AsyncPage state={state} loading="Loading the team's check-ins…" title="Team check-ins" notFound="team">
          {(data) => <TeamCheckinsBody data={data} onCadence={onCadence} onStale={onStale} />}
        </AsyncPage>
      )}
    </>
  );
}
