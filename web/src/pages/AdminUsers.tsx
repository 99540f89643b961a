// Users and roles: list (paged), create, change a user's role.

import { useEffect, useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { api, type ApiError } from '../api/client';
import { ROLES, type Role, type User } from '../api/types';
import { Card, EmptyState, ErrorMessage, Loading } from '../components/status';
import { TypeAhead, type TypeAheadOption } from '../components/typeahead';
import { Link, personPath } from '../lib/router';
import { roleLabel } from '../lib/session';
import { toApiError } from '../lib/useAsync';

const PAGE_SIZE = 50;

function FieldErrors({ error }: { error: ApiError }) {
  const errors = error.problem.errors ?? [];
  return (
    <>
      <ErrorMessage error={error} />
      {errors.length > 0 && (
        <ul class="field-errors">
          {errors.map((e, i) => (
            <li key={i}>
              <code>{e.field}</code>: expected {e.expected}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/** @clientOnly a directory entry offered by the person picker */
interface PersonOption extends TypeAheadOption {
  detail: string;
}

/** @clientOnly people the picker lists */
const PICKER_LIMIT = 8;

/** The directory by name, email or title: the person a new user's account belongs to. */
async function searchPeople(text: string, signal: AbortSignal): Promise<PersonOption[]> {
  const page = await api.people({ q: text }, PICKER_LIMIT, null, signal);
  return page.items.map((p) => ({ key: p.id, label: p.name, detail: [p.title, p.practice, p.email].filter(Boolean).join(' · ') }));
}

function CreateUser({ onCreated }: { onCreated: (user: User) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [person, setPerson] = useState<PersonOption | null>(null);
  const [role, setRole] = useState<Role>('member');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await api.createUser({ email: email.trim(), password, role, ...(person ? { person_id: person.key } : {}) });
      onCreated(created);
      setEmail('');
      setPassword('');
      setPerson(null);
      setRole('member');
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Create a user" id="create-user">
      <form class="form form--row" onSubmit={submit}>
        <div class="field field--grow">
          <label for="new-user-email">Email</label>
          <input id="new-user-email" type="email" required autoComplete="off" value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </div>
        <div class="field">
          <label for="new-user-password">Initial password</label>
          <input id="new-user-password" type="password" required autoComplete="new-password" value={password} onInput={(e) => setPassword(e.currentTarget.value)} />
        </div>
        <div class="field person-picker">
          {person ? (
            <p class="person-picker__chosen" id="new-user-person-chosen">
              Person: <strong>{person.label}</strong> <span class="muted">{person.detail}</span>{' '}
              <button type="button" class="button button--ghost button--small" onClick={() => setPerson(null)} aria-label={`Choose another person than ${person.label}`}>
                Change
              </button>
            </p>
          ) : (
            <TypeAhead<PersonOption> id="new-user-person" label="Person (optional)" placeholder="Type a name" load={searchPeople} onPick={setPerson} minChars={2} />
          )}
        </div>
        <div class="field">
          <label for="new-user-role">Role</label>
          <select id="new-user-role" value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </div>
        <div class="form__actions">
          <button type="submit" class="button button--primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create user'}
          </button>
        </div>
      </form>
      <div aria-live="assertive">{error && <FieldErrors error={error} />}</div>
    </Card>
  );
}

function UserRow({ user, onChanged, onError }: { user: User; onChanged: (u: User) => void; onError: (e: ApiError) => void }) {
  const [role, setRole] = useState<Role>(user.role);
  const [busy, setBusy] = useState(false);
  const selectId = `role-${user.id}`;
  const save = async () => {
    setBusy(true);
    try {
      onChanged(await api.updateUser(user.id, { role }));
    } catch (e) {
      onError(toApiError(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <tr data-user-email={user.email}>
      <th scope="row" class="table__rowhead">
        {user.person_id ? <Link href={personPath(user.person_id)}>{user.name || user.email}</Link> : user.name || <span class="muted">—</span>}
        {user.leads_teams && <span class="badge badge--accent badge--inline">Leads teams</span>}
      </th>
      <td class="break">{user.email}</td>
      <td>
        <div class="inline-edit">
          <label for={selectId} class="visually-hidden">
            Role of {user.email}
          </label>
          <select id={selectId} value={role} onChange={(e) => setRole(e.currentTarget.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
          <button type="button" class="button button--small" disabled={busy || role === user.role} onClick={save} aria-label={`Save role of ${user.email}`}>
            {busy ? 'Saving…' : 'Save'}
          </button>
        </div>
      </td>
    </tr>
  );
}

export function AdminUsers() {
  const [users, setUsers] = useState<User[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);
  const [notice, setNotice] = useState('');

  const load = async (from: string | null) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.users(PAGE_SIZE, from);
      setUsers((before) => (from ? [...before, ...page.items] : page.items));
      setCursor(page.next_cursor ?? null);
    } catch (e) {
      setError(toApiError(e));
    } finally {
      setLoading(false);
    }
  };
  useEffect(() => {
    load(null);
  }, []);

  const created = (user: User) => {
    setUsers((before) => [user, ...before]);
    setNotice(`Created ${user.email} as ${roleLabel(user.role)}.`);
  };
  const changed = (user: User) => {
    setUsers((before) => before.map((u) => (u.id === user.id ? user : u)));
    setError(null);
    setNotice(`${user.email} is now ${roleLabel(user.role)}.`);
  };

  return (
    <>
      <CreateUser onCreated={created} />
      <Card title="Users" id="users">
        <p class="notice" role="status" aria-live="polite">
          {notice}
        </p>
        {error && <FieldErrors error={error} />}
        {loading && users.length === 0 && <Loading label="Loading users…" />}
        {!loading && users.length === 0 && !error && <EmptyState title="No users yet" />}
        {users.length > 0 && (
          <div class="table-wrap">
            <table class="table" id="users-table">
              <caption class="visually-hidden">Users who can sign in, with their roles</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                </tr>
              </thead>
              <tbody>
                {users.map((u) => (
                  <UserRow key={u.id + u.role} user={u} onChanged={changed} onError={setError} />
                ))}
              </tbody>
            </table>
          </div>
        )}
        {cursor && (
          <div class="load-more">
            <button type="button" class="button" disabled={loading} onClick={() => load(cursor)}>
              {loading ? 'Loading…' : 'Load more'}
            </button>
          </div>
        )}
      </Card>
    </>
  );
}
