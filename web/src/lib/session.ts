// The signed-in user, shared through a context by the app shell.

import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { User } from '../api/types';

export interface SessionContextValue {
  user: User;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession used outside the signed-in shell');
  return value;
}

export const isAdministrator = (user: User) => user.role === 'administrator';

const ROLE_LABELS: Record<string, string> = {
  administrator: 'Administrator',
  firm_leader: 'Firm leader',
  member: 'Member',
};

export const roleLabel = (role: string) => ROLE_LABELS[role] ?? role;
