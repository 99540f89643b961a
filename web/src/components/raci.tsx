// The responsibility matrix (RACI) as an ARIA grid, editable in place with
// the keyboard alone: arrow keys (and Home/End) move between cells, R, A, C
// or I sets the person's role on the row, Delete or Backspace clears it. One
// cell is in the tab order at a time (roving tabindex); every change is sent
// at once and announced in a live region; a refused change (two accountable
// people on a row, say) shows the server's problem and leaves the cell as it
// was.

import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/client';
import { goalsApi } from '../api/goals-client';
import type { RaciRole, RaciRow, TeamRoles } from '../api/types';
import { toApiError } from '../lib/useAsync';
import { EmptyState, ErrorMessage } from './status';

const ROLE_WORDS: Record<RaciRole, string> = {
  R: 'Responsible',
  A: 'Accountable',
  C: 'Consulted',
  I: 'Informed',
};
const KIND_LABELS: Record<RaciRow['kind'], string> = {
  goal: 'Goal',
  deliverable: 'Deliverable',
  'client-relationship': 'Client',
};

function roleOf(row: RaciRow, personId: string): RaciRole | null {
  return row.cells.find((c) => c.person_id === personId)?.role ?? null;
}

export function RaciGrid({ roles, onChange }: { roles: TeamRoles; onChange: (roles: TeamRoles) => void }) {
  const [at, setAt] = useState({ row: 0, col: 0 });
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const cells = useRef(new Map<string, HTMLTableCellElement>());
  const moved = useRef(false);
  const rows = roles.rows;
  const people = roles.people;

  // A layout effect: focus follows the keys at once, before the next key press arrives.
  useLayoutEffect(() => {
    if (!moved.current) return;
    cells.current.get(`${at.row}-${at.col}`)?.focus();
  }, [at, roles]);

  if (rows.length === 0 || people.length === 0) {
    return <EmptyState title="Nothing to assign yet">Add goals, deliverables or client relationships and members first.</EmptyState>;
  }

  const go = (row: number, col: number) => {
    moved.current = true;
    setAt({ row: Math.max(0, Math.min(rows.length - 1, row)), col: Math.max(0, Math.min(people.length - 1, col)) });
  };

  const set = async (r: number, c: number, role: RaciRole | null) => {
    const row = rows[r];
    const person = people[c].person;
    if (roleOf(row, person.id) === role || busy) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await goalsApi.setRoles(roles.team.id, [{ row_kind: row.kind, row_id: row.id, person_id: person.id, role }]);
      setMessage(role ? `${person.name} is now ${ROLE_WORDS[role].toLowerCase()} for ${row.label}.` : `${person.name} has no role on ${row.label} now.`);
      onChange(updated);
    } catch (e) {
      const problem = toApiError(e);
      setError(problem);
      setMessage(`Not changed: ${problem.problem.detail ?? problem.problem.title}`);
    } finally {
      setBusy(false);
    }
  };

  const onKey = (event: KeyboardEvent, r: number, c: number) => {
    const key = event.key;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [r - 1, c],
      ArrowDown: [r + 1, c],
      ArrowLeft: [r, c - 1],
      ArrowRight: [r, c + 1],
      Home: [r, 0],
      End: [r, people.length - 1],
    };
    if (moves[key]) {
      event.preventDefault();
      go(...moves[key]);
      return;
    }
    if (!roles.can_change || event.ctrlKey || event.metaKey || event.altKey) return;
    const letter = key.toUpperCase();
    if (letter === 'R' || letter === 'A' || letter === 'C' || letter === 'I') {
      event.preventDefault();
      void set(r, c, letter);
    } else if (key === 'Delete' || key === 'Backspace') {
      event.preventDefault();
      void set(r, c, null);
    }
  };

  return (
    <div class="raci">
      <p id="raci-help" class="raci__help">
        {roles.can_change
          ? 'Arrow keys move between cells. Type R, A, C or I to give the person that role on the row; Delete clears it.'
          : 'Arrow keys move between cells. Only the team’s leaders change who does what.'}{' '}
        R responsible · A accountable (one per row) · C consulted · I informed.
      </p>
      <div class="table-wrap">
        <table class="table raci__grid" role="grid" aria-label="Who does what" aria-describedby="raci-help" aria-readonly={!roles.can_change} aria-busy={busy}>
          <thead>
            <tr>
              <th scope="col">Goal, deliverable or client relationship</th>
              {people.map((p) => (
                <th scope="col" key={p.person.id} class="raci__person">
                  <span>{p.person.name}</span>
                  {p.role && <span class="raci__person-role">{p.role}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={`${row.kind}-${row.id}`}>
                <th scope="row" class="raci__row">
                  <span class="raci__kind">{KIND_LABELS[row.kind]}</span> {row.label}
                </th>
                {people.map((p, c) => {
                  const role = roleOf(row, p.person.id);
                  return (
                    <td
                      key={p.person.id}
                      role="gridcell"
                      ref={(el) => {
                        if (el) cells.current.set(`${r}-${c}`, el);
                      }}
                      tabIndex={at.row === r && at.col === c ? 0 : -1}
                      class={`raci__cell${role ? ` raci__cell--${role}` : ''}`}
                      aria-label={`${row.label}, ${p.person.name}: ${role ? ROLE_WORDS[role] : 'no role'}`}
                      data-row={row.id}
                      data-person={p.person.id}
                      onKeyDown={(e) => onKey(e, r, c)}
                      onClick={() => go(r, c)}
                    >
                      {role ?? <span aria-hidden="true">·</span>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p class="visually-hidden" role="status" aria-live="polite">
        {message}
      </p>
      {error && <ErrorMessage error={error} title="That change was refused" />}
    </div>
  );
}
