// The teams the signed-in user may see, paged with "Load more".

import { useEffect, useState } from 'preact/hooks';
import { api, type ApiError } from '../api/client';
import type { TeamSummary } from '../api/types';
import { TeamList } from '../components/people';
import { ErrorMessage, Loading } from '../components/status';
import { useSession } from '../lib/session';
import { toApiError, usePageTitle } from '../lib/useAsync';

const PAGE_SIZE = 50;

export function Teams() {
  usePageTitle('Teams');
  const { user } = useSession();
  const [items, setItems] = useState<TeamSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<ApiError | null>(null);

  const load = async (from: string | null, signal?: AbortSignal) => {
    setLoading(true);
    setError(null);
    try {
      const page = await api.teams(PAGE_SIZE, from, signal);
      setItems((before) => (from ? [...before, ...page.items] : page.items));
      setCursor(page.next_cursor ?? null);
    } catch (e) {
      if (!signal?.aborted) setError(toApiError(e));
    } finally {
      if (!signal?.aborted) setLoading(false);
    }
  };
  useEffect(() => {
    const controller = new AbortController();
    load(null, controller.signal);
    return () => controller.abort();
  }, []);

  const everything = user.role === 'administrator' || user.role === 'firm_leader';
  return (
    <>
      <header class="page-header">
        <h1>Teams</h1>
        <p class="page-header__lead">{everything ? 'Every team in the firm.' : 'The teams you are on or lead.'}</p>
      </header>
      <section class="card" aria-labelledby="teams-heading">
        <div class="card__header">
          <h2 id="teams-heading">{everything ? 'All teams' : 'Your teams'}</h2>
        </div>
        {loading && items.length === 0 && <Loading label="Loading teams…" />}
        {error && <ErrorMessage error={error} />}
        {!(loading && items.length === 0) && !error && (
          <TeamList teams={items} emptyTitle="No teams to show" emptyBody="When you are staffed onto a team, it shows here." />
        )}
        {cursor && (
          <div class="load-more">
            <button type="button" class="button" disabled={loading} onClick={() => load(cursor)}>
              {loading ? 'Loading…' : 'Load more'}
            </button>
          </div>
        )}
      </section>
    </>
  );
}
