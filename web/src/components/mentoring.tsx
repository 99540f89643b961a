// Mentoring as a flow (issue 23) on My growth: "Ask to mentor" on a
// suggested mentor (a native modal <dialog>: focus stays inside, Escape
// closes it), and the "Mentoring" card: requests asked of me (Accept /
// Decline), my requests waiting for an answer, and my active pairs with
// their start and review dates.

import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from '../api/client';
import { announceInboxChange } from '../api/feedback-client';
import { mentoringApi } from '../api/mentoring-client';
import type { Mentorship, MyMentorships } from '../api/types';
import { longDate } from './insights';
import { ErrorMessage } from './status';
import { toApiError } from '../lib/useAsync';

export interface SkillChoice {
  id: string;
  name: string;
}

/** The "Ask to mentor" button and its dialog. */
export function AskToMentor({ mentor, skills, preselected, onAsked }: { mentor: { id: string; name: string }; skills: SkillChoice[]; preselected: string; onAsked: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [chosen, setChosen] = useState<string[]>([preselected]);
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [sent, setSent] = useState(false);
  const open = () => {
    setChosen([preselected]);
    setError(null);
    dialog.current?.showModal();
  };
  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c.filter((x) => x !== id), id] : c.filter((x) => x !== id)));
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await mentoringApi.ask({ mentor_id: mentor.id, skill_ids: chosen, message });
      dialog.current?.close();
      setSent(true);
      onAsked();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  const base = `ask-${mentor.id}-${preselected}`.replace(/[^A-Za-z0-9_-]/g, '-');
  if (sent) return <p class="muted" role="status">Asked {mentor.name} to mentor you.</p>;
  return (
    <>
      <button type="button" class="button button--small" onClick={open} data-ask-mentor={mentor.id}>
        Ask to mentor
      </button>
      <dialog ref={dialog} class="dialog" aria-labelledby={`${base}-title`}>
        <form method="dialog" onSubmit={submit} class="form">
          <h2 id={`${base}-title`}>Ask {mentor.name} to mentor you</h2>
          <fieldset class="field">
            <legend>Skills</legend>
            {skills.map((s) => (
              <label key={s.id} class="checkbox">
                <input type="checkbox" name="skill" value={s.id} checked={chosen.includes(s.id)} onChange={(e) => toggle(s.id, e.currentTarget.checked)} /> {s.name}
              </label>
            ))}
          </fieldset>
          <div class="field">
            <label for={`${base}-message`}>Message (optional)</label>
            <textarea id={`${base}-message`} maxLength={1000} rows={3} value={message} onInput={(e) => setMessage(e.currentTarget.value)} />
          </div>
          {error && <ErrorMessage error={error} />}
          <div class="form__actions">
            <button type="submit" class="button button--primary" disabled={busy || chosen.length === 0}>
              Send request
            </button>
            <button type="button" class="button button--ghost" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

function skillNames(m: Mentorship): string {
  return m.skills.map((s) => s.name).join(', ');
}

function Pair({ m, me }: { m: Mentorship; me: string }) {
  const mentee = m.mentee.id === me;
  const other = mentee ? m.mentor : m.mentee;
  return (
    <li class="mentorship" data-mentorship-id={m.id} data-status={m.status}>
      <strong>{other.name}</strong> {mentee ? 'mentors you' : 'is your mentee'} in {skillNames(m)}
      {m.started_on && <span class="muted"> · since {longDate(m.started_on)}</span>}
      {m.review_on && <span class="muted"> · review on {longDate(m.review_on)}</span>}
    </li>
  );
}

/** The Mentoring card's body: what is asked of me, what I asked, my pairs. */
export function MentoringPanel({ me, version }: { me: string; version: number }) {
  const [data, setData] = useState<MyMentorships | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [reload, setReload] = useState(0);
  const [note, setNote] = useState('');
  useEffect(() => {
    const controller = new AbortController();
    mentoringApi
      .mine(controller.signal)
      .then(setData)
      .catch((e) => {
        if (!controller.signal.aborted) setError(toApiError(e));
      });
    return () => controller.abort();
  }, [reload, version]);
  const act = async (m: Mentorship, accept: boolean) => {
    setError(null);
    try {
      await (accept ? mentoringApi.accept(m.id) : mentoringApi.decline(m.id));
      setNote(`${accept ? 'Accepted' : 'Declined'} ${m.mentee.name}'s request.`);
      announceInboxChange();
      setReload((n) => n + 1);
    } catch (e) {
      setError(toApiError(e));
    }
  };
  if (!data) return error ? <ErrorMessage error={error} /> : <p class="muted">Loading mentoring…</p>;
  const active = [...data.as_mentee, ...data.as_mentor].filter((m) => m.status === 'active');
  const waiting = data.as_mentee.filter((m) => m.status === 'requested');
  return (
    <>
      {error && <ErrorMessage error={error} />}
      <p role="status" class="muted">
        {note}
      </p>
      <h3>Requests to me</h3>
      {data.asked_of_me.length === 0 ? (
        <p class="muted">Nobody has asked you to mentor them.</p>
      ) : (
        <ul class="plain-list" aria-label="Requests to me" id="mentoring-requests">
          {data.asked_of_me.map((m) => (
            <li key={m.id} class="mentorship" data-mentorship-id={m.id}>
              <strong>{m.mentee.name}</strong> asks you to mentor them in {skillNames(m)}
              {m.message && <span class="why">“{m.message}”</span>}
              <span class="form__actions">
                <button type="button" class="button button--small button--primary" onClick={() => act(m, true)} aria-label={`Accept ${m.mentee.name}'s request`}>
                  Accept
                </button>
                <button type="button" class="button button--small button--ghost" onClick={() => act(m, false)} aria-label={`Decline ${m.mentee.name}'s request`}>
                  Decline
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <h3>Active</h3>
      {active.length === 0 ? (
        <p class="muted">No active mentoring yet.</p>
      ) : (
        <ul class="plain-list" aria-label="Active mentoring" id="mentoring-active">
          {active.map((m) => (
            <Pair key={m.id} m={m} me={me} />
          ))}
        </ul>
      )}
      {waiting.length > 0 && (
        <>
          <h3>Waiting for an answer</h3>
          <ul class="plain-list" aria-label="My requests waiting for an answer" id="mentoring-waiting">
            {waiting.map((m) => (
              <li key={m.id} class="mentorship" data-mentorship-id={m.id}>
                {m.mentor.name}, for {skillNames(m)}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
