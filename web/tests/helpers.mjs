// Page-level helpers shared by the browser tests.

import assert from 'node:assert/strict';
import { request } from 'playwright-core';

const UI_TIMEOUT_MS = 15_000;

/** Signs in through the form and waits for the app shell. */
export async function signInWithForm(page, { email, password }) {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.app-header').waitFor({ timeout: UI_TIMEOUT_MS });
}

/** GET /api/v1{path} with the page's cookies; returns the parsed body. */
export async function apiGet(page, path) {
  const response = await page.request.get(`/api/v1${path}`);
  assert.equal(response.status(), 200, `GET ${path} answered ${response.status()}: ${await response.text()}`);
  return response.json();
}

/**
 * A cookie-carrying API client signed in as `who`, independent of any page:
 * `get(path)` expects 200 and gives the body; `send(method, path, data)`
 * writes with the session's CSRF token and gives {status, body} whatever
 * the server answered.
 */
export async function apiAs(baseUrl, who) {
  const context = await request.newContext({ baseURL: baseUrl });
  const response = await context.post('/api/v1/session', { data: { email: who.email, password: who.password } });
  assert.equal(response.status(), 200, `sign-in of ${who.email} answered ${response.status()}`);
  const { csrf_token: csrf } = await response.json();
  return {
    async get(path) {
      const r = await context.get(`/api/v1${path}`);
      assert.equal(r.status(), 200, `GET ${path} answered ${r.status()}`);
      return r.json();
    },
    async send(method, path, data) {
      const r = await context.fetch(`/api/v1${path}`, { method, data, headers: { 'X-CSRF-Token': csrf } });
      const text = await r.text();
      let body = null;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        body = text;
      }
      return { status: r.status(), body };
    },
    dispose: () => context.dispose(),
  };
}

/** Creates an account through an administrator's client (apiAs); returns its sign-in. */
export async function createAccount(admin, { email, role = 'member', person_id = null }) {
  const who = { email, password: 'a-long-enough-password-42' };
  const created = await admin.send('POST', '/admin/users', { ...who, role, person_id });
  assert.equal(created.status, 201, `creating ${email} answered ${created.status}: ${JSON.stringify(created.body)}`);
  return who;
}

/** Every item of a paged list endpoint. */
export async function allPages(client, path) {
  const items = [];
  let cursor = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const page = await client.get(`${path}${sep}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...page.items);
    cursor = page.next_cursor ?? null;
  } while (cursor);
  return items;
}

export async function heading(page) {
  const h1 = page.locator('main h1').first();
  await h1.waitFor({ timeout: UI_TIMEOUT_MS });
  return (await h1.innerText()).trim();
}

export async function waitForHeading(page, text) {
  await page.locator('main h1', { hasText: text }).first().waitFor({ timeout: UI_TIMEOUT_MS });
}

/** Names of the main navigation's links, those in its closed "More" menu included, in order. */
export async function navLinks(page) {
  return (await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { includeHidden: true }).allTextContents()).map((t) => t.trim());
}

/** A link of the main navigation, opening its "More" menu first when the link is in it (closed). */
export async function navLink(page, name) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  const link = nav.getByRole('link', { name, exact: true, includeHidden: true });
  await link.waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
  if (!(await link.isVisible())) await nav.getByRole('button', { name: /^More/ }).click();
  await link.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  return link;
}

export const NO_ACCESS = "You don't have access to this page";
export { UI_TIMEOUT_MS };
