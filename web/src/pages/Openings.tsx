// Openings for me (/openings): the open openings that fit my skills or give
// me a stretch seat on a skill I want to grow, with why in plain words, and a
// Volunteer toggle (aria-pressed) that volunteers or withdraws in one click.
// Only my own list: no rates, costs or anyone's free hours (docs/API.md
// "Volunteering").

import { useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import type { MyOpenings, OpeningFitKind, OpeningForMe } from '../api/types';
import { AsyncPage } from '../components/async';
import { levelLabel, longDate } from '../components/insights';
import { Card, EmptyState, ErrorMessage } from '../components/status';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { toApiError, usePageTitle, useReloadable } from '../lib/useAsync';

/** @clientOnly openings read per page */
const PAGE_SIZE = 50;

/** @clientOnly labels of the fit kinds */
const FIT_LABELS: Record<OpeningFitKind, { label: string; tag: string }> = {
  fit: { label: 'Fits your skills', tag: 'tag tag--good' },
  stretch: { label: 'Stretch seat', tag: 'tag tag--stretch' },
  short: { label: 'Short of it', tag: 'tag' },
};

function VolunteerToggle({ opening, onChanged }: { opening: OpeningForMe; onChanged: (o: OpeningForMe, message: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const toggle = async () => {
    setBusy(true);
    setError(null);
    try {
      const state = opening.volunteered ? await api.withdraw(opening.id) : await api.volunteer(opening.id);
      onChanged({ ...opening, volunteered: state.volunteered }, state.volunteered ? `You volunteered for ${opening.title}.` : `You withdrew from ${opening.title}.`);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="opening__action">
      <button type="button" class={opening.volunteered ? 'button button--primary button--small' : 'button button--small'} aria-pressed={opening.volunteered} disabled={busy} onClick={toggle}>
        Volunteer<span class="visually-hidden"> for {opening.title}</span>
      </button>
      {opening.volunteered && <span class="muted opening__hint">Volunteered · press again to withdraw</span>}
      {error && <ErrorMessage error={error} title={opening.volunteered ? 'You were not withdrawn' : 'You were not volunteered'} />}
    </div>
  );
}

function OpeningRow({ opening, onChanged }: { opening: OpeningForMe; onChanged: (o: OpeningForMe, message: string) => void }) {
  const fit = FIT_LABELS[opening.fit];
  return (
    <li class="opening" id={`opening-${opening.id}`}>
      <div class="opening__head">
        <h3 class="opening__title">{opening.title}</h3>
        <span class={fit.tag}>{fit.label}</span>
        {opening.lead && <span class="tag">Lead seat</span>}
      </div>
      <p class="opening__meta">
        {opening.engagement.name} · {longDate(opening.start)} to {longDate(opening.end)} · {opening.hours_per_week} h a week · {opening.seats_left} {opening.seats_left === 1 ? 'seat' : 'seats'} left
      </p>
      <p class="opening__why">{opening.why}</p>
      {opening.skills.length > 0 && (
        <ul class="tags" aria-label={`Skills ${opening.title} asks for`}>
          {opening.skills.map((s) => (
            <li key={s.skill.id} class={s.stretch ? 'tag tag--stretch' : 'tag'}>
              {s.skill.name}: needs {levelLabel(s.min_level)}, you {s.level > 0 ? levelLabel(s.level) : 'none yet'}
            </li>
          ))}
        </ul>
      )}
      <VolunteerToggle opening={opening} onChanged={onChanged} />
    </li>
  );
}

function OpeningsList({ first }: { first: MyOpenings }) {
  const [items, setItems] = useState<OpeningForMe[]>(first.items);
  const [cursor, setCursor] = useState<string | null>(first.next_cursor);
  const [message, setMessage] = useState('');
  const [more, setMore] = useState<{ busy: boolean; error: ApiError | null }>({ busy: false, error: null });
  const changed = (o: OpeningForMe, text: string) => {
    setItems((all) => all.map((x) => (x.id === o.id ? o : x)));
    setMessage(text);
  };
  const loadMore = async () => {
    setMore({ busy: true, error: null });
    try {
      const page = await api.myOpenings(PAGE_SIZE, cursor);
      setItems((all) => [...all, ...page.items]);
      setCursor(page.next_cursor);
      setMore({ busy: false, error: null });
    } catch (e) {
      setMore({ busy: false, error: toApiError(e) });
    }
  };
  const volunteered = items.filter((o) => o.volunteered).length;
  return (
    <Card title={`Open openings (${first.total})`} id="my-openings">
      <p class="muted">
        Best fit first. {volunteered > 0 ? `You volunteered for ${volunteered}.` : 'Volunteer for the ones you want: the staffing plan favours volunteers.'}
      </p>
      <p role="status" class="visually-hidden" id="volunteer-status">
        {message}
      </p>
      {items.length === 0 ? (
        <EmptyState title="No openings fit you right now">
          <p>
            Openings show here when your skills meet them, or when one asks a level above yours in a skill you want to grow. Mark the skills you want to grow on <Link href="/growth">My growth</Link>.
          </p>
        </EmptyState>
      ) : (
        <ul class="plain-list openings" aria-label="Openings for me">
          {items.map((o) => (
            <OpeningRow key={o.id} opening={o} onChanged={changed} />
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" class="button" disabled={more.busy} onClick={loadMore}>
          Show more openings
        </button>
      )}
      {more.error && <ErrorMessage error={more.error} title="More openings could not be loaded" />}
    </Card>
  );
}

export function Openings() {
  usePageTitle('Openings for me');
  const { user } = useSession();
  const linked = Boolean(user.person_id);
  const [state] = useReloadable((signal) => (linked ? api.myOpenings(PAGE_SIZE, null, signal) : Promise.resolve(null)), [linked]);
  if (!linked) {
    return (
      <>
        <h1>Openings for me</h1>
        <EmptyState title="Your account is not linked to a person">
          <p>Volunteering is for people in the firm's directory. An administrator can link your account.</p>
        </EmptyState>
      </>
    );
  }
  return (
    <AsyncPage state={state} loading="Finding openings that fit you…" title="Openings for me">
      {(first) =>
        first && (
          <>
            <header class="page-header">
              <h1>Openings for me</h1>
              <p class="page-header__lead">Seats on live engagements that fit your skills, or stretch one you want to grow by a level. Volunteer in one click; withdraw the same way.</p>
            </header>
            <OpeningsList first={first} />
          </>
        )
      }
    </AsyncPage>
  );
}
