// Gaps become actions (My growth, under the gaps to a role): for each gap,
// people who could mentor it and the openings that would grow it (the
// person's own, shown to them only), and the next role on their path — one
// grade up in their practice (GET /people/{id}/gap-actions).

import { useState } from 'preact/hooks';
import { api } from '../api/client';
import type { GapActions as GapActionsData, GapActionsView } from '../api/types';
import { AsyncSection } from './async';
import { BriefRow } from './insights';
import { Link, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { useAsync } from '../lib/useAsync';

/** @clientOnly gaps shown with their actions before "Show all" (most important first) */
const GAPS_SHOWN = 5;

/** @clientOnly how a fit reads beside an opening */
const FIT_WORDS: Record<string, string> = { fit: 'fits', stretch: 'stretch seat', short: 'short of it' };

function GapRow({ gap, openingsVisible, mine }: { gap: GapActionsView; openingsVisible: boolean; mine: boolean }) {
  const headingId = `gap-actions-${gap.skill.id.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  return (
    <li class="gap-actions__gap" aria-labelledby={headingId}>
      <h4 id={headingId} class="gap-actions__skill">
        {gap.skill.name} <span class="muted">(level {gap.have} → {gap.required})</span>
      </h4>
      <div class="gap-actions__columns">
        <div>
          <p class="gap-actions__label">Could mentor {mine ? 'you' : 'them'}</p>
          {gap.mentors.length === 0 ? (
            <p class="muted">Nobody at level 4 or above with time right now.</p>
          ) : (
            <ul class="plain-list" aria-label={`Mentors for ${gap.skill.name}`}>
              {gap.mentors.map((m) => (
                <li key={m.person.id}>
                  <BriefRow person={m.person} context={`${gap.skill.name}: level ${m.mentor_level}`} why={m.why} />
                </li>
              ))}
            </ul>
          )}
        </div>
        {openingsVisible && (
          <div>
            <p class="gap-actions__label">Openings that would grow it</p>
            {gap.openings.length === 0 ? (
              <p class="muted">No open opening asks for it right now.</p>
            ) : (
              <ul class="plain-list" aria-label={`Openings for ${gap.skill.name}`}>
                {gap.openings.map((o) => (
                  <li key={o.id} class="gap-actions__opening">
                    <Link href={`/openings#opening-${encodeURIComponent(o.id)}`}>{o.title}</Link>{' '}
                    <span class="muted">
                      {o.engagement.name} · {FIT_WORDS[o.fit] ?? o.fit}
                      {o.volunteered ? ' · volunteered' : ''}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
    </li>
  );
}

function GapActionsView({ data, mine }: { data: GapActionsData; mine: boolean }) {
  const location = useLocation();
  const [all, setAll] = useState(false);
  const shown = all ? data.gaps : data.gaps.slice(0, GAPS_SHOWN);
  return (
    <div class="gap-actions" id="gap-actions">
      <h3>What to do about each gap</h3>
      <p class="gap-actions__next" id="next-role">
        {data.next_role ? (
          <>
            Next role on {mine ? 'your' : 'their'} path: <Link href={`${location.path}?role=${encodeURIComponent(data.next_role.id)}`}>{data.next_role.name}</Link> <span class="muted">— {data.next_role_why}</span>
          </>
        ) : (
          <>No next role to suggest: {data.next_role_why}.</>
        )}
      </p>
      {data.gaps.length > 0 && (
        <ul class="plain-list gap-actions__list" aria-label="Actions for each gap">
          {shown.map((g) => (
            <GapRow key={g.skill.id} gap={g} openingsVisible={data.openings_visible} mine={mine} />
          ))}
        </ul>
      )}
      {shown.length < data.gaps.length && (
        <button type="button" class="button button--small" onClick={() => setAll(true)}>
          Show the actions for all {data.gaps.length} gaps
        </button>
      )}
    </div>
  );
}

/** The actions for the gaps of `personId` to `roleId`; mounted by My growth beside the gap table. */
export function GapActions({ personId, roleId }: { personId: string; roleId: string }) {
  const { user } = useSession();
  const mine = personId === user.person_id;
  const state = useAsync((signal) => api.gapActions(personId, roleId, signal), [personId, roleId]);
  return (
    <AsyncSection state={state} loading="Finding mentors and openings…" failed="The actions for the gaps could not be worked out">
      {(data) => <GapActionsView data={data} mine={mine} />}
    </AsyncSection>
  );
}
