// One check-in (/checkins/{id}): who, which team and cycle, what changed for
// the client, the note, the blockers it raised and its question with the
// answer. Its author and its team's leaders read it; anyone else gets the
// not-found page (the API answers 404, as for an unknown check-in).

import { checkinsApi } from '../api/checkins-client';
import type { CheckinDetail } from '../api/types';
import { AsyncPage } from '../components/async';
import { dayOf, QuestionItem } from '../components/checkins';
import { longDate } from '../components/insights';
import { Card, EmptyState } from '../components/status';
import { Link, personPath, teamPath } from '../lib/router';
import { useSession } from '../lib/session';
import { useAsync, usePageTitle } from '../lib/useAsync';

function CheckinBody({ detail }: { detail: CheckinDetail }) {
  const { user } = useSession();
  const { checkin } = detail;
  return (
    <>
      <header class="page-header">
        <p class="eyebrow">
          <Link href={teamPath(checkin.team_id)}>The team</Link>
        </p>
        <h1>
          Check-in by <Link href={personPath(checkin.person.id)}>{checkin.person.name}</Link>
        </h1>
        <p class="page-header__lead">
          Cycle from {longDate(checkin.cycle_start)} ·{' '}
          {checkin.submitted_at ? `submitted ${dayOf(checkin.submitted_at)}` : 'draft (only you see it)'}
        </p>
      </header>
      <div class="layout-split">
        <div class="layout-split__main">
          <Card title="What changed for the client" id="checkin-change">
            <p class="checkin-text">{checkin.client_change || <span class="muted">Nothing written</span>}</p>
            {checkin.note && (
              <p class="checkin-text">
                <span class="log-entry__label">Note</span> {checkin.note}
              </p>
            )}
          </Card>
          <Card title="Blockers raised" id="checkin-blockers">
            {detail.blockers.length === 0 ? (
              <EmptyState title="No blockers raised in this check-in" />
            ) : (
              <ul class="blocker-list">
                {detail.blockers.map((b) => (
                  <li key={b.id} data-blocker-id={b.id}>
                    {b.text}{' '}
                    <span class="muted">
                      · opened {longDate(b.opened_on)}
                      {b.resolved_on ? ` · resolved ${longDate(b.resolved_on)}` : ' · open'}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        </div>
        <div class="layout-split__side">
          <Card title="Question" id="checkin-question">
            {detail.questions.length === 0 ? (
              <EmptyState title="No question asked" />
            ) : (
              <ul class="question-list">
                {detail.questions.map((q) => (
                  <QuestionItem key={q.id} question={q} canAnswer={q.addressee.id === user.person_id} />
                ))}
              </ul>
            )}
          </Card>
        </div>
      </div>
    </>
  );
}

export function Checkin({ id }: { id: string }) {
  usePageTitle('Check-in');
  const state = useAsync((signal) => checkinsApi.checkin(id, signal), [id]);
  return (
    <AsyncPage state={state} loading="Loading the check-in…" title="Check-in" notFound="check-in">
      {(detail) => <CheckinBody detail={detail} />}
    </AsyncPage>
  );
}
