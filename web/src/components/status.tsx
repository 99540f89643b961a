// Loading, error and empty states shared by every page.

import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api/client';

export function Loading({ label = 'Loading…' }: { label?: string }) {
  return (
    <div class="state state--loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** A problem from the server, read out by screen readers as soon as it shows. */
export function ErrorMessage({ error, title }: { error: ApiError; title?: string }) {
  const { problem } = error;
  const heading = title ?? problem.title;
  const detail = problem.detail && problem.detail !== heading ? problem.detail : null;
  return (
    <div class="alert alert--error" role="alert">
      <p class="alert__title">{heading}</p>
      {detail && <p class="alert__detail">{detail}</p>}
      {problem.status > 0 && <p class="alert__meta">HTTP {problem.status}</p>}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <div class="empty">
      <p class="empty__title">{title}</p>
      {children && <div class="empty__body">{children}</div>}
    </div>
  );
}

export function Card({
  title,
  id,
  children,
  actions,
}: {
  title: string;
  id?: string;
  children: ComponentChildren;
  actions?: ComponentChildren;
}) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section class="card" aria-labelledby={headingId} id={id}>
      <div class="card__header">
        <h2 id={headingId}>{title}</h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
