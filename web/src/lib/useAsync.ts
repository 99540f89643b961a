// Loads data for a page: state is loading, then data or an error. Re-runs
// when `deps` change and aborts the previous load.

import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../api/client';

export type AsyncState<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; data: T };

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError({ type: 'about:blank', title: 'Something went wrong', status: 0, detail: message });
}

const LOADING = { status: 'loading' } as const;

function sameDeps(a: unknown[], b: unknown[]): boolean {
  return a.length === b.length && a.every((value, i) => Object.is(value, b[i]));
}

export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: unknown[]): AsyncState<T> {
  // Each result remembers the deps it was loaded for. Effects run after the
  // render, so the render right after the deps change would otherwise show
  // the previous deps' data (a page's rows under the next page's numbers).
  const [state, setState] = useState<{ deps: unknown[]; value: AsyncState<T> }>({ deps, value: LOADING });
  useEffect(() => {
    const controller = new AbortController();
    setState({ deps, value: LOADING });
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ deps, value: { status: 'ready', data } });
      },
      (error) => {
        if (!controller.signal.aborted) setState({ deps, value: { status: 'error', error: toApiError(error) } });
      },
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return sameDeps(state.deps, deps) ? state.value : LOADING;
}

/**
 * useAsync for data the page itself changes: `replace(data)` shows what a
 * write answered, `reload()` fetches again behind the data on screen (no
 * spinner, so focus and open panels stay). A failed reload keeps the data
 * shown: the write that asked for it has already reported its own outcome.
 */
export function useReloadable<T>(
  load: (signal: AbortSignal) => Promise<T>,
  deps: unknown[],
): [AsyncState<T>, { replace: (data: T) => void; reload: () => void }] {
  const loaded = useAsync(load, deps);
  const [latest, setLatest] = useState<{ deps: unknown[]; data: T } | null>(null);
  // A fresh load for new deps supersedes what an earlier write answered.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setLatest(null), deps);
  const replace = (data: T) => setLatest({ deps, data });
  const reload = () => {
    load(new AbortController().signal).then(replace, () => undefined);
  };
  const state: AsyncState<T> =
    latest && loaded.status === 'ready' && sameDeps(latest.deps, deps) ? { status: 'ready', data: latest.data } : loaded;
  return [state, { replace, reload }];
}

/** Sets the document title for the page being shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title ? `${title} · Guild` : 'Guild';
  }, [title]);
}
