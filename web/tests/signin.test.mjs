// Sign-in: wrong password (401), keyboard-only sign-in, sign-out, every demo
// persona's pages, rate limit (429).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { request } from 'playwright-core';
import { DEMO_ROLES, startGuild } from './harness.mjs';
import { apiGet, heading, navLinks, NO_ACCESS, signInWithForm, UI_TIMEOUT_MS, waitForHeading } from './helpers.mjs';

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

// What each demo persona's navigation offers (the rest of its pages are
// checked below, against the API as the same user sees it).
const PERSONA_NAV = {
  administrator: { role: 'Administrator', has: ['Staffing', 'Network', 'Admin'], lacks: [] },
  'firm-leader': { role: 'Firm leader', has: ['Staffing', 'Network'], lacks: ['Admin'] },
  'engagement-leader': { role: 'Member', has: ['Staffing'], lacks: ['Network', 'Admin'] },
  leader: { role: 'Member', has: ['Staffing'], lacks: ['Network', 'Admin'] },
  member: { role: 'Member', has: [], lacks: ['Staffing', 'Network', 'Admin'] },
};

/** A page signed in (with the form) as the demo persona `role`, its navigation drawn. */
async function signedInAs(role) {
  const page = await guild.newPage();
  await signInWithForm(page, guild.signIns[role]);
  await page.locator('.nav__link', { hasText: 'Teams' }).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.waitForLoadState('networkidle');
  return page;
}

/** Every open opening the viewer's board lists (all pages). */
async function boardOpenings(page) {
  const items = [];
  let cursor = '';
  do {
    const body = await apiGet(page, `/staffing/openings?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    items.push(...body.items);
    cursor = body.next_cursor ?? '';
  } while (cursor);
  return items;
}

test('guild demo prints a sign-in for every persona, each a different account', () => {
  assert.deepEqual(Object.keys(guild.signIns).sort(), [...DEMO_ROLES].sort());
  const emails = new Set(DEMO_ROLES.map((r) => guild.signIns[r].email));
  assert.equal(emails.size, DEMO_ROLES.length);
});

for (const role of DEMO_ROLES) {
  test(`the ${role} signs in and the navigation offers what that role may use`, async () => {
    const page = await signedInAs(role);
    const expected = PERSONA_NAV[role];
    assert.equal((await page.locator('.user-box__role').innerText()).trim(), expected.role);
    const links = await navLinks(page);
    for (const name of expected.has) assert.ok(links.includes(name), `${role} should have ${name} in ${links.join(', ')}`);
    for (const name of expected.lacks) assert.ok(!links.includes(name), `${role} should not have ${name} in ${links.join(', ')}`);
  });
}

test('the firm leader sees firm-wide views: every team, the firm network, every open seat', async () => {
  const page = await signedInAs('firm-leader');
  const admin = await signedInAs('administrator');
  await page.goto('/teams');
  await waitForHeading(page, 'Teams');
  assert.match(await page.locator('.page-header__lead').innerText(), /Every team in the firm/);
  await page.goto('/network');
  await waitForHeading(page, "The firm's network");
  const mine = await boardOpenings(page);
  const all = await boardOpenings(admin);
  assert.ok(all.length > 0, 'the demo firm should have open seats');
  assert.deepEqual(mine.map((o) => o.id).sort(), all.map((o) => o.id).sort());
  await page.goto('/staffing');
  await waitForHeading(page, 'Staffing board');
  await page.locator('#staffing-openings tbody tr').first().waitFor({ timeout: UI_TIMEOUT_MS });
});

for (const role of ['engagement-leader', 'leader']) {
  test(`the ${role} has open seats to staff on the board, on the engagements they lead only`, async () => {
    const page = await signedInAs(role);
    const me = (await apiGet(page, '/session')).user;
    assert.ok(me.person_id, `the ${role} is a person`);
    const mine = await boardOpenings(page);
    assert.ok(mine.length > 0, `the ${role} should have open seats to staff`);
    for (const o of mine) {
      assert.equal(o.engagement.leader?.id, me.person_id, `${o.id} is on ${o.engagement.name}, led by someone else`);
      assert.ok(o.seats_left > 0);
    }
    // Every engagement they lead with open seats is on their board.
    const admin = await signedInAs('administrator');
    const led = (await boardOpenings(admin)).filter((o) => o.engagement.leader?.id === me.person_id);
    assert.deepEqual(mine.map((o) => o.id).sort(), led.map((o) => o.id).sort());
    await page.goto('/staffing');
    await waitForHeading(page, 'Staffing board');
    const rows = page.locator('#staffing-openings tbody tr');
    await rows.first().waitFor({ timeout: UI_TIMEOUT_MS });
    const text = await page.locator('#staffing-openings tbody').innerText();
    for (const name of new Set(mine.map((o) => o.engagement.name))) assert.ok(text.includes(name), `the board shows ${name}`);
    // Not the firm network.
    await page.goto('/network');
    await waitForHeading(page, NO_ACCESS);
  });
}

test('the member gets no staffing board', async () => {
  const page = await signedInAs('member');
  assert.equal((await page.request.get('/api/v1/staffing/openings?limit=1')).status(), 403);
  await page.goto('/staffing');
  await waitForHeading(page, NO_ACCESS);
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
