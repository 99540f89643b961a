// The version of a team (the ETag of GET /teams/{id}) that a page read, so
// that its team writes (purpose, check-in cadence) send it as If-Match and
// a change someone else made meanwhile is refused (412) instead of lost.

import { useCallback, useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api/client';
import { HttpStatus } from '../api/status';

export interface TeamEtag {
  /** The ETag last read; '' before it is read (the write then goes without If-Match). */
  etag: string;
  /** Reads it again (after a write, or after a 412). */
  refresh: () => Promise<void>;
}

export function useTeamEtag(teamId: string): TeamEtag {
  const [etag, setEtag] = useState('');
  const refresh = useCallback(async () => {
    try {
      setEtag(await api.teamEtag(teamId));
    } catch {
      setEtag('');
    }
  }, [teamId]);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { etag, refresh };
}

/** True when a write was refused because the team changed since it was read. */
export function isStale(error: unknown): boolean {
  return error instanceof ApiError && error.status === HttpStatus.preconditionFailed;
}

/** What the pages say after a 412, once they have reloaded. */
export const STALE_TEAM_MESSAGE =
  'Someone else changed this team while you had the page open. The page now shows their change: check it and save again.';
