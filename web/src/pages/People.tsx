// The people directory: a debounced search with practice/office/grade
// drop-downs (the directory's facets, applied as they change), kept in the address (so Back and shared links work), and a
// "Load more" button that follows the server's cursor.

import { useEffect, useState } from 'preact/hooks';
import { api, type PeopleFilter } from '../api/client';
import type { PersonSummary } from '../api/types';
import { FacetSelect, usePeopleFacets } from '../components/facets';
import { PersonRow } from '../components/people';
import { EmptyState, ErrorMessage, Loading } from '../components/status';
import { navigate, useLocation } from '../lib/router';
import { toApiError, usePageTitle } from '../lib/useAsync';
import type { ApiError } from '../api/client';

const PAGE_SIZE = 25;
const DEBOUNCE_MS = 300;
const FILTER_KEYS = ['q', 'practice', 'office', 'grade'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];
type Filter = Record<FilterKey, string>;

interface Results {
  items: PersonSummary[];
  cursor: string | null;
  loading: boolean;
  error: ApiError | null;
}

function filterFromQuery(query: URLSearchParams): Filter {
  return { q: query.get('q') ?? '', practice: query.get('practice') ?? '', office: query.get('office') ?? '', grade: query.get('grade') ?? '' };
}

function filterToSearch(filter: Filter): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) if (filter[key].trim()) params.set(key, filter[key].trim());
  const text = params.toString();
  return text ? `?${text}` : '';
}

function toRequest(filter: Filter): PeopleFilter {
  return { q: filter.q.trim(), practice: filter.practice.trim(), office: filter.office.trim(), grade: filter.grade.trim() };
}

function usePeopleResults(filter: Filter) {
  const [results, setResults] = useState<Results>({ items: [], cursor: null, loading: true, error: null });
  const key = filterToSearch(filter);
  useEffect(() => {
    const controller = new AbortController();
    setResults({ items: [], cursor: null, loading: true, error: null });
    api.people(toRequest(filter), PAGE_SIZE, null, controller.signal).then(
      (page) => setResults({ items: page.items, cursor: page.next_cursor ?? null, loading: false, error: null }),
      (e) => !controller.signal.aborted && setResults({ items: [], cursor: null, loading: false, error: toApiError(e) }),
    );
    return () => controller.abort();
  }, [key]);

  const loadMore = async () => {
    if (!results.cursor) return;
    setResults({ ...results, loading: true, error: null });
    try {
      const page = await api.people(toRequest(filter), PAGE_SIZE, results.cursor);
      setResults({ items: [...results.items, ...page.items], cursor: page.next_cursor ?? null, loading: false, error: null });
    } catch (e) {
      setResults({ ...results, loading: false, error: toApiError(e) });
    }
  };
  return { results, loadMore };
}

export function People() {
  usePageTitle('People');
  const location = useLocation();
  const applied = filterFromQuery(location.query);
  const [draft, setDraft] = useState<Filter>(applied);
  const { results, loadMore } = usePeopleResults(applied);
  const facets = usePeopleFacets();

  // Typing updates the address after a pause; the address drives the search.
  useEffect(() => {
    const timer = window.setTimeout(() => navigate(`/people${filterToSearch(draft)}`, { replace: true }), DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [filterToSearch(draft)]);

  const set = (key: FilterKey) => (value: string) => setDraft({ ...draft, [key]: value });
  // A drop-down applies at once: no pause, as there is no typing to wait for.
  const choose = (key: FilterKey) => (value: string) => {
    const next = { ...draft, [key]: value };
    setDraft(next);
    navigate(`/people${filterToSearch(next)}`, { replace: true });
  };
  const filtered = FILTER_KEYS.some((k) => applied[k]);
  const first = results.loading && results.items.length === 0;

  return (
    <>
      <header class="page-header">
        <h1>People</h1>
        <p class="page-header__lead">Everyone in the firm: find a person by name, email or title.</p>
      </header>
      <form class="filters card" role="search" aria-label="Search people" onSubmit={(e) => e.preventDefault()}>
        <div class="field field--grow">
          <label for="people-q">Search</label>
          <input id="people-q" type="search" value={draft.q} placeholder="Name, email or title" autoComplete="off" onInput={(e) => set('q')(e.currentTarget.value)} />
        </div>
        <FacetSelect id="people-practice" label="Practice" values={facets.practices} value={draft.practice} onChange={choose('practice')} />
        <FacetSelect id="people-office" label="Office" values={facets.offices} value={draft.office} onChange={choose('office')} />
        <FacetSelect id="people-grade" label="Grade" values={facets.grades} value={draft.grade} onChange={choose('grade')} />
        <button type="button" class="button button--ghost filters__clear" disabled={!FILTER_KEYS.some((k) => draft[k])} onClick={() => setDraft({ q: '', practice: '', office: '', grade: '' })}>
          Clear
        </button>
      </form>

      <section class="card" aria-labelledby="people-results-heading">
        <div class="card__header">
          <h2 id="people-results-heading">{filtered ? 'Matching people' : 'Directory'}</h2>
          <p class="muted" role="status" aria-live="polite">
            {results.loading ? 'Searching…' : `Showing ${results.items.length}${results.cursor ? '+' : ''} ${results.items.length === 1 ? 'person' : 'people'}`}
          </p>
        </div>
        {first && <Loading label="Searching the directory…" />}
        {!results.loading && !results.error && results.items.length === 0 && (
          <EmptyState title={filtered ? 'No one matches these filters' : 'The directory is empty'}>
            <p>{filtered ? 'Try a shorter search or clear a filter.' : 'An administrator can import people from the Admin page.'}</p>
          </EmptyState>
        )}
        {results.items.length > 0 && (
          <ul class="plain-list people-list" aria-label="People">
            {results.items.map((p) => (
              <li key={p.id}>
                <PersonRow person={p} />
              </li>
            ))}
          </ul>
        )}
        {results.error && <ErrorMessage error={results.error} />}
        {results.cursor && (
          <div class="load-more">
            <button type="button" class="button" onClick={loadMore} disabled={results.loading}>
              {results.loading ? 'Loading…' : 'Load more'}
            </button>
          </div>
        )}
      </section>
    </>
  );
}
