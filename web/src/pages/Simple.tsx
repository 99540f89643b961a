// The pages that say "no": not found, and no access.

import { Link } from '../lib/router';
import { usePageTitle } from '../lib/useAsync';

export function NotFound({ what = 'page' }: { what?: string }) {
  usePageTitle('Not found');
  return (
    <div class="notice-page">
      <p class="notice-page__code" aria-hidden="true">404</p>
      <h1>We can't find that {what}</h1>
      <p class="muted">The address may be mistyped, or the {what} was removed.</p>
      <p>
        <Link href="/" class="button button--primary">
          Go to your home page
        </Link>
      </p>
    </div>
  );
}

export function Forbidden() {
  usePageTitle('No access');
  return (
    <div class="notice-page">
      <p class="notice-page__code" aria-hidden="true">403</p>
      <h1>You don't have access to this page</h1>
      <p class="muted">
        It is open to other roles or to the members of another team. If you need it, ask an administrator of your
        firm's Guild.
      </p>
      <p>
        <Link href="/" class="button button--primary">
          Go to your home page
        </Link>
      </p>
    </div>
  );
}
