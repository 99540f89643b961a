// Sign-in page: email and password, with the server's 401/429 answers shown
// in an alert that screen readers announce.

import { useState } from 'preact/hooks';
import type { JSX } from 'preact';
import { api, ApiError } from '../api/client';
import { HttpStatus } from '../api/status';
import type { SessionInfo } from '../api/types';
import { ErrorMessage } from '../components/status';
import { toApiError, usePageTitle } from '../lib/useAsync';

function headingFor(error: ApiError): string {
  if (error.status === HttpStatus.unauthorized) return 'The email or password is not right';
  if (error.status === HttpStatus.tooManyRequests) return 'Too many sign-in attempts';
  return error.problem.title;
}

export function SignIn({ onSignedIn }: { onSignedIn: (session: SessionInfo) => void }) {
  usePageTitle('Sign in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  const submit = async (event: JSX.TargetedSubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await api.signIn(email.trim(), password));
    } catch (e) {
      setError(toApiError(e));
      setBusy(false);
    }
  };

  return (
    <div class="signin">
      <a class="skip-link" href="#signin-form">
        Skip to the sign-in form
      </a>
      <div class="signin__panel">
        <div class="signin__brand">
          <span class="brand-mark" aria-hidden="true" />
          <span class="brand-name">Guild</span>
        </div>
        <main id="main" tabIndex={-1}>
          <h1 class="signin__title">Sign in</h1>
          <p class="muted signin__lead">Skills, teams and staffing for your firm.</p>
          <div aria-live="assertive">
            {error && <ErrorMessage error={error} title={headingFor(error)} />}
          </div>
          <form id="signin-form" class="form" onSubmit={submit} noValidate={false}>
            <div class="field">
              <label for="signin-email">Email</label>
              <input
                id="signin-email"
                name="email"
                type="email"
                autoComplete="username"
                required
                value={email}
                onInput={(e) => setEmail(e.currentTarget.value)}
              />
            </div>
            <div class="field">
              <label for="signin-password">Password</label>
              <input
                id="signin-password"
                name="password"
                type="password"
                autoComplete="current-password"
                required
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            </div>
            <button type="submit" class="button button--primary button--block" disabled={busy}>
              {busy ? 'Signing in…' : 'Sign in'}
            </button>
          </form>
        </main>
      </div>
      <p class="signin__foot muted">Guild · self-hosted</p>
    </div>
  );
}
