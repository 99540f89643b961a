// Sign-in: wrong password (401), keyboard-only sign-in, sign-out, rate limit (429).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { request } from 'playwright-core';
import { startGuild } from './harness.mjs';
import { heading, UI_TIMEOUT_MS } from './helpers.mjs';

const RATE_LIMIT_ATTEMPTS = 40;
let guild;

before(async () => {
  guild = await startGuild();
});
after(async () => {
  await guild?.stop();
});

test('an unknown visitor is sent to the sign-in page, remembering where they were going', async () => {
  const page = await guild.newPage();
  await page.goto('/people');
  await page.waitForURL(/\/signin\?next=%2Fpeople$/, { timeout: UI_TIMEOUT_MS });
  assert.equal(await heading(page), 'Sign in');
});

test('a wrong password shows the 401 problem in an alert and keeps the user on the page', async () => {
  const page = await guild.newPage();
  await page.goto('/signin');
  await page.getByLabel('Email').fill(guild.signIns.member.email);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: UI_TIMEOUT_MS });
  const text = await alert.innerText();
  assert.match(text, /The email or password is not right/);
  assert.match(text, /HTTP 401/);
  assert.equal(await page.locator('.app-header').count(), 0);
});

test('keyboard only: Tab to the fields, type, Enter signs in; then back to the page asked for', async () => {
  const page = await guild.newPage();
  await page.goto('/teams');
  await page.waitForURL(/\/signin/, { timeout: UI_TIMEOUT_MS });
  const { email, password } = guild.signIns.member;
  // From the top of the page: skip link, then the email field.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skip to the sign-in form');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'signin-email');
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'signin-password');
  await page.keyboard.type(password);
  await page.keyboard.press('Enter');
  await page.locator('.app-header').waitFor({ timeout: UI_TIMEOUT_MS });
  await page.waitForURL(/\/teams$/, { timeout: UI_TIMEOUT_MS });
  assert.equal(await heading(page), 'Teams');
  // The focus ring is visible on a focused link (focus-visible outline).
  await page.keyboard.press('Tab');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none');
});

test('sign-out revokes the session and returns to the sign-in page', async () => {
  const page = await guild.newPage();
  await page.goto('/signin');
  await page.getByLabel('Email').fill(guild.signIns.leader.email);
  await page.getByLabel('Password').fill(guild.signIns.leader.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.locator('.app-header').waitFor({ timeout: UI_TIMEOUT_MS });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.waitForURL(/\/signin$/, { timeout: UI_TIMEOUT_MS });
  const me = await page.request.get('/api/v1/me');
  assert.equal(me.status(), 401);
  await page.goto('/');
  await page.waitForURL(/\/signin/, { timeout: UI_TIMEOUT_MS });
});

// Last in this file: once rate limited, this client address may not sign in for a while.
test('too many attempts: the 429 problem is shown', async () => {
  const client = await request.newContext({ baseURL: guild.baseUrl });
  let limited = false;
  for (let i = 0; i < RATE_LIMIT_ATTEMPTS && !limited; i++) {
    const r = await client.post('/api/v1/session', { data: { email: guild.signIns.member.email, password: `wrong-${i}` } });
    limited = r.status() === 429;
  }
  await client.dispose();
  assert.ok(limited, `no 429 after ${RATE_LIMIT_ATTEMPTS} wrong passwords`);
  const page = await guild.newPage();
  await page.goto('/signin');
  await page.getByLabel('Email').fill(guild.signIns.member.email);
  await page.getByLabel('Password').fill('still-wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor({ timeout: UI_TIMEOUT_MS });
  const text = await alert.innerText();
  assert.match(text, /Too many sign-in attempts/);
  assert.match(text, /HTTP 429/);
});
