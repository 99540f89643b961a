// The one way a page shows data it loads with useAsync: a spinner while
// loading, the no-access page on 403, the not-found page on 404 (when the page
// says what is missing), otherwise the error under the page's title; then
// the page itself. Pages added later use these instead of their own branches
// (docs/WEB.md, "Loading, refusals and errors").

import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api/client';
import { HttpStatus } from '../api/status';
import type { AsyncState } from '../lib/useAsync';
import { Forbidden, NotFound } from '../pages/Simple';
import { ErrorMessage, Loading } from './status';

/**
 * The page that replaces a whole page when the server refuses it: no access
 * on 403, not found on 404 when `notFound` names what was asked for (a
 * "team", a "person"); null for any other answer.
 */
export function refusalPage(error: ApiError, notFound?: string) {
  if (error.status === HttpStatus.forbidden) return <Forbidden />;
  if (error.status === HttpStatus.notFound && notFound) return <NotFound what={notFound} />;
  return null;
}

/** A page whose parts load on their own: the refusal page for `state`, or null while it may show. */
export function refusalFor<T>(state: AsyncState<T>, notFound?: string) {
  return state.status === 'error' ? refusalPage(state.error, notFound) : null;
}

interface AsyncPageProps<T> {
  state: AsyncState<T>;
  /** What the spinner says, e.g. "Loading the team…". */
  loading: string;
  /** The page's heading, shown above an error that is not a refusal. */
  title: string;
  /** What a 404 is about ("team"); without it a 404 shows as an error. */
  notFound?: string;
  children: (data: T) => ComponentChildren;
}

/** A whole page that shows nothing until its data is there. */
export function AsyncPage<T>({ state, loading, title, notFound, children }: AsyncPageProps<T>) {
  if (state.status === 'loading') return <Loading label={loading} />;
  if (state.status === 'error') {
    return (
      refusalPage(state.error, notFound) ?? (
        <>
          <h1>{title}</h1>
          <ErrorMessage error={state.error} />
        </>
      )
    );
  }
  return <>{children(state.data)}</>;
}

interface AsyncSectionProps<T> {
  state: AsyncState<T>;
  /** What the spinner says. */
  loading: string;
  /** The alert's heading when loading fails, e.g. "The gaps could not be worked out". */
  failed?: string;
  children: (data: T) => ComponentChildren;
}

/** A part of a page (a card, a panel): a spinner, then the data or an alert in place. */
export function AsyncSection<T>({ state, loading, failed, children }: AsyncSectionProps<T>) {
  if (state.status === 'loading') return <Loading label={loading} />;
  if (state.status === 'error') return <ErrorMessage error={state.error} title={failed} />;
  return <>{children(state.data)}</>;
}
