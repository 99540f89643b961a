// A person's skills with every rating (docs/SKILLS.md): on one's own profile
// the "Edit skills" flow (type-ahead over the taxonomy, the level with its
// description beside it, wants-to-grow, remove with confirmation), on a
// colleague's the rating or endorsement the viewer may give; the effective
// rating with its source, the precedence in one line, and the skill history.
// Everything works with the keyboard alone: the type-ahead is a combobox, the
// levels a radio group, and focus moves to what appears (the form, the
// confirmation) and back.

import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import type { HeldSkillRating, LevelDescription, PersonSkillRatings, RatingSource } from '../api/types';
import { toApiError } from '../lib/useAsync';
import { Card, EmptyState, ErrorMessage, Loading } from './status';
import { TypeAhead, type TypeAheadOption } from './typeahead';

const SUGGEST_LIMIT = 8;
const DEFAULT_LEVEL = 2;

/** @clientOnly how each rating source reads in a sentence */
const SOURCE_LABELS: Record<RatingSource, string> = {
  self: 'self-rated',
  peer: 'endorsed by a peer',
  manager: 'rated by a manager',
  assessed: 'assessed',
};

interface SkillOption extends TypeAheadOption {
  id: string;
}

/** @clientOnly the skill and rating being edited */
interface Draft {
  skillId: string;
  skillName: string;
  source: RatingSource;
  level: number;
  wantsToGrow: boolean;
}

function LevelChoice({ levels, value, onChange, idPrefix }: { levels: LevelDescription[]; value: number; onChange: (level: number) => void; idPrefix: string }) {
  return (
    <fieldset class="levels">
      <legend>Level</legend>
      {levels.map((l) => (
        <label key={l.level} class={`levels__option${l.level === value ? ' levels__option--chosen' : ''}`} for={`${idPrefix}-level-${l.level}`}>
          <input type="radio" id={`${idPrefix}-level-${l.level}`} name={`${idPrefix}-level`} value={l.level} checked={l.level === value} onChange={() => onChange(l.level)} />
          <span class="levels__name">
            {l.level} · {l.name}
          </span>
          <span class="levels__meaning">{l.meaning}</span>
        </label>
      ))}
    </fieldset>
  );
}

async function loadSkills(text: string, signal: AbortSignal): Promise<SkillOption[]> {
  const found = await api.suggestSkills(text, SUGGEST_LIMIT, signal);
  return found.skills.map((s) => ({
    id: s.id,
    key: s.id,
    label: s.name,
    detail: s.match && s.match.toLowerCase() !== s.name.toLowerCase() ? `also “${s.match}”` : undefined,
  }));
}

function RatingForm({
  ratings,
  draft,
  sources,
  busy,
  onChange,
  onSave,
  onCancel,
}: {
  ratings: PersonSkillRatings;
  draft: Draft;
  sources: RatingSource[];
  busy: boolean;
  onChange: (d: Draft) => void;
  onSave: () => void;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useLayoutEffect(() => heading.current?.focus(), [draft.skillId]);
  return (
    <form
      class="rating-form"
      aria-labelledby="rating-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
    >
      <h3 id="rating-form-title" tabIndex={-1} ref={heading}>
        {draft.skillName}
      </h3>
      {sources.length > 1 && (
        <div class="field field--compact">
          <label for="rating-source">Rate as</label>
          <select id="rating-source" value={draft.source} onChange={(e) => onChange({ ...draft, source: e.currentTarget.value as RatingSource })}>
            {sources.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
      )}
      <LevelChoice levels={ratings.levels} value={draft.level} idPrefix="rating" onChange={(level) => onChange({ ...draft, level })} />
      {draft.source === 'self' && (
        <label class="checkbox" for="rating-grow">
          <input type="checkbox" id="rating-grow" checked={draft.wantsToGrow} onChange={(e) => onChange({ ...draft, wantsToGrow: e.currentTarget.checked })} />
          I want to grow this skill
        </label>
      )}
      <div class="rating-form__actions">
        <button type="submit" class="button button--primary button--small" disabled={busy}>
          {draft.source === 'self' ? 'Save skill' : draft.source === 'peer' ? 'Endorse' : 'Save rating'}
        </button>
        <button type="button" class="button button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function SkillRow({
  held,
  mine,
  canEdit,
  confirming,
  busy,
  onEdit,
  onAskRemove,
  onRemove,
  onKeep,
}: {
  held: HeldSkillRating;
  mine: boolean;
  canEdit: boolean;
  confirming: boolean;
  busy: boolean;
  onEdit: () => void;
  onAskRemove: () => void;
  onRemove: () => void;
  onKeep: () => void;
}) {
  const confirmRef = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  const self = held.ratings.find((r) => r.source === 'self');
  const others = held.ratings.filter((r) => r !== held.ratings[0]);
  return (
    <li class="rated-skill" data-skill={held.skill.id}>
      <div class="rated-skill__main">
        <span class="rated-skill__name">{held.skill.name}</span>
        <span class="rated-skill__level">
          {held.effective.level} · {held.effective.level_name}
        </span>
        <span class="rated-skill__source">({SOURCE_LABELS[held.effective.source]})</span>
        {held.wants_to_grow && <span class="badge badge--grow">Wants to grow</span>}
      </div>
      {others.length > 0 && (
        <p class="rated-skill__others muted">
          Also: {others.map((r) => `${r.source} ${r.level} · ${r.level_name}`).join('; ')}
        </p>
      )}
      {canEdit && !confirming && (
        <div class="rated-skill__actions">
          <button type="button" class="button button--ghost button--small" onClick={onEdit} aria-label={`${mine ? 'Edit' : 'Rate'} ${held.skill.name}`}>
            {mine ? 'Edit' : 'Rate'}
          </button>
          {mine && self && (
            <button type="button" class="button button--ghost button--small" onClick={onAskRemove} aria-label={`Remove ${held.skill.name}`}>
              Remove
            </button>
          )}
        </div>
      )}
      {confirming && (
        <div class="rated-skill__confirm" role="group" aria-label={`Confirm removing ${held.skill.name}`}>
          <span>
            Remove {held.skill.name} from your skills{held.ratings.length > 1 ? ' (your own rating; colleagues’ ratings stay)' : ''}?
          </span>
          <button type="button" ref={confirmRef} class="button button--primary button--small" disabled={busy} onClick={onRemove}>
            Yes, remove
          </button>
          <button type="button" class="button button--small" onClick={onKeep}>
            Keep it
          </button>
        </div>
      )}
    </li>
  );
}

function History({ ratings }: { ratings: PersonSkillRatings }) {
  if (!ratings.history_visible) return null;
  return (
    <section class="skill-history" aria-labelledby="skill-history-title">
      <h3 id="skill-history-title">Skill history</h3>
      {ratings.history.length === 0 ? (
        <p class="muted">No changes recorded yet.</p>
      ) : (
        <ol class="skill-history__list" aria-label="Skill history, newest first">
          {ratings.history.slice(0, 20).map((h) => (
            <li key={`${h.skill.id}-${h.date}`}>
              <time dateTime={h.date}>{h.date}</time> · {h.skill.name}: {h.level} · {h.level_name}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function RatingsBody({ personId, name, initial }: { personId: string; name: string; initial: PersonSkillRatings }) {
  const [ratings, setRatings] = useState(initial);
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [message, setMessage] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);
  const mine = ratings.may_rate.includes('self');
  const colleagueSources = ratings.may_rate.filter((s) => s !== 'self');
  const sources: RatingSource[] = mine ? ['self'] : [...colleagueSources].reverse();
  const canEdit = mine ? editing : sources.length > 0;

  const run = async (call: () => Promise<PersonSkillRatings>, done: string) => {
    setBusy(true);
    setError(null);
    try {
      setRatings(await call());
      setMessage(done);
      setDraft(null);
      setConfirming(null);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  const startDraft = (skillId: string, skillName: string) => {
    const held = ratings.skills.find((s) => s.skill.id === skillId);
    const own = held?.ratings.find((r) => r.source === sources[0]);
    setMessage('');
    setDraft({
      skillId,
      skillName,
      source: sources[0],
      level: own?.level ?? held?.effective.level ?? DEFAULT_LEVEL,
      wantsToGrow: held?.wants_to_grow ?? false,
    });
  };
  const save = (d: Draft) => {
    const level = ratings.levels.find((l) => l.level === d.level)?.name ?? String(d.level);
    const body = d.source === 'self' ? { skill_id: d.skillId, source: d.source, level: d.level, wants_to_grow: d.wantsToGrow } : { skill_id: d.skillId, source: d.source, level: d.level };
    void run(() => api.rateSkill(personId, body), `Saved: ${d.skillName} at ${level}${d.source === 'self' ? '' : ` (${d.source})`}.`);
  };

  return (
    <>
      <p class="precedence-note muted" id="precedence-note">
        The level shown is the effective rating: assessed, then manager, then peer, then self — the highest source present counts.
      </p>
      {mine && (
        <button
          type="button"
          id="skills-edit"
          ref={editButton}
          class="button button--small"
          aria-expanded={editing}
          onClick={() => {
            setEditing(!editing);
            setDraft(null);
            setConfirming(null);
          }}
        >
          {editing ? 'Done editing' : 'Edit skills'}
        </button>
      )}
      {mine && editing && !draft && (
        <div class="skill-add">
          <TypeAhead<SkillOption>
            id="skill-add"
            label="Add a skill"
            placeholder="e.g. Tax law, negotiation"
            hint="Type to search the taxonomy; pick with the arrow keys and Enter."
            load={loadSkills}
            clearOnPick
            onPick={(o) => startDraft(o.id, o.label)}
          />
        </div>
      )}
      {draft && (
        <RatingForm
          ratings={ratings}
          draft={draft}
          sources={sources}
          busy={busy}
          onChange={setDraft}
          onSave={() => save(draft)}
          onCancel={() => {
            setDraft(null);
            editButton.current?.focus();
          }}
        />
      )}
      <div role="status" aria-live="polite" class="skill-ratings__status">
        {message && <p class="alert alert--success">{message}</p>}
      </div>
      {error && <ErrorMessage error={error} />}
      {ratings.skills.length === 0 ? (
        <EmptyState title={mine ? 'No skills yet' : `${name} has no skills on record.`}>{mine && <p>Use “Edit skills” to add the skills you have and the ones you want to grow.</p>}</EmptyState>
      ) : (
        <ul class="rated-skills" aria-label={`${name}’s skills`} aria-describedby="precedence-note">
          {ratings.skills.map((held) => (
            <SkillRow
              key={held.skill.id}
              held={held}
              mine={mine}
              canEdit={canEdit}
              confirming={confirming === held.skill.id}
              busy={busy}
              onEdit={() => startDraft(held.skill.id, held.skill.name)}
              onAskRemove={() => setConfirming(held.skill.id)}
              onRemove={() => void run(() => api.unrateSkill(personId, held.skill.id, 'self'), `Removed: ${held.skill.name}.`)}
              onKeep={() => setConfirming(null)}
            />
          ))}
        </ul>
      )}
      {!mine && sources.length > 0 && !draft && (
        <div class="skill-add">
          <TypeAhead<SkillOption>
            id="skill-rate"
            label={`Rate another of ${name}’s skills`}
            placeholder="e.g. Audit"
            load={loadSkills}
            clearOnPick
            onPick={(o) => startDraft(o.id, o.label)}
          />
        </div>
      )}
      <History ratings={ratings} />
    </>
  );
}

/** The skills card of a person's page. */
export function SkillRatingsCard({ personId, name }: { personId: string; name: string }) {
  const [state, setState] = useState<{ status: 'loading' } | { status: 'ready'; data: PersonSkillRatings } | { status: 'error'; error: ApiError }>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    api.skillRatings(personId, controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (e) => {
        if (!controller.signal.aborted) setState({ status: 'error', error: toApiError(e) });
      },
    );
    return () => controller.abort();
  }, [personId]);
  return (
    <Card title="Skills" id="person-skills">
      {state.status === 'loading' && <Loading label="Loading skills…" />}
      {state.status === 'error' && <ErrorMessage error={state.error} />}
      {state.status === 'ready' && <RatingsBody key={personId} personId={personId} name={name} initial={state.data} />}
    </Card>
  );
}
