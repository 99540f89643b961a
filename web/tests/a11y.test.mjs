// Accessibility, checked by the standard tool: axe-core (WCAG 2.1 A and AA
// rules) on every page of the application, as every demo persona (DEMO_ROLES:
// member, team leader, engagement leader, firm leader, administrator), at 1366
// and 390 px; and the main
// navigation on one row at 1366 and 1280 px, its "More" menu by keyboard.
//
// axe is injected by the test browser (page.evaluate of axe.min.js, which the
// DevTools protocol runs outside the page's Content-Security-Policy); the
// server's policy is not loosened, and the test checks it is still sent.
//
// Every page: the test starts from each route of web/src/app.tsx that needs
// no id, then follows the links the pages themselves offer, visiting one
// address per route pattern (/people/:id, /teams/:id/checkins, ...), so a
// page added to the app and linked from another is checked without listing it
// here. A few addresses with a query (a finder search, a target role) are
// added because nothing links to them with content.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { after, before, test } from 'node:test';
import { DEMO_ROLES, screenshot, startGuild } from './harness.mjs';
import { apiGet, navLinks, signInWithForm, UI_TIMEOUT_MS } from './helpers.mjs';

const require = createRequire(import.meta.url);
const AXE_SOURCE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const LAPTOP = { width: 1366, height: 800 };
const SMALL_LAPTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

/** The routes of web/src/app.tsx that need no id; the others are reached through links. */
const START_PATHS = [
  '/',
  '/people',
  '/teams',
  '/growth',
  '/goals',
  '/openings',
  '/checkins',
  '/inbox',
  '/feedback',
  '/feedback/ask',
  '/finder',
  '/market',
  '/staffing',
  '/network',
  '/clients',
  '/team-formation',
  '/admin',
  '/admin/import',
  '/admin/users',
  '/no-such-page',
];

/** The route patterns of web/src/app.tsx with an id, most specific first. */
const ID_ROUTES = [
  [/^\/people\/[^/]+\/growth$/, '/people/:id/growth'],
  [/^\/people\/[^/]+$/, '/people/:id'],
  [/^\/teams\/[^/]+\/checkins$/, '/teams/:id/checkins'],
  [/^\/teams\/[^/]+\/brief$/, '/teams/:id/brief'],
  [/^\/teams\/[^/]+\/network$/, '/teams/:id/network'],
  [/^\/teams\/[^/]+$/, '/teams/:id'],
  [/^\/feedback\/(?!ask$)[^/]+$/, '/feedback/:id'],
  [/^\/checkins\/[^/]+$/, '/checkins/:id'],
  [/^\/clients\/[^/]+\/leadership$/, '/clients/:id/leadership'],
  [/^\/clients\/[^/]+$/, '/clients/:id'],
];

/** The route an address belongs to: its pattern for addresses with an id, else its path. */
function routeOf(address) {
  const path = new URL(address, 'http://x').pathname;
  for (const [re, pattern] of ID_ROUTES) if (re.test(path)) return pattern;
  return path;
}

let guild;
let personas;

before(async () => {
  guild = await startGuild();
  personas = guild.signIns;
});
after(async () => {
  await guild?.stop();
});

/** Waits until the page has its heading, no loading indicator and no request in flight. */
async function settle(page) {
  await page.locator('main h1, #signin-form').first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('.state--loading, .chart__canvas:not([data-state=ready]):not([data-state=empty])'), null, { timeout: UI_TIMEOUT_MS }).catch(() => {});
}

/** axe's WCAG 2.1 A and AA violations on the page, as "rule (impact): selector — summary" lines. */
async function axeViolations(page) {
  const hasAxe = await page.evaluate(() => typeof window.axe === 'object');
  if (!hasAxe) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  const lines = [];
  for (const v of results.violations) {
    for (const node of v.nodes) {
      lines.push(`${v.id} (${v.impact}): ${node.target.join(' ')} — ${node.failureSummary?.split('\n').slice(1, 2).join(' ').trim() ?? v.help}`);
    }
  }
  return lines;
}

/** Internal addresses the page links to. */
async function linksOn(page) {
  const hrefs = await page.locator('a[href^="/"]').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  return [...new Set(hrefs)].filter((h) => !h.startsWith('/api/'));
}

async function signedInPage(who, viewport = LAPTOP) {
  const page = await guild.newPage(viewport);
  await signInWithForm(page, who);
  return page;
}

/** Crawls the persona's pages (one address per route); returns {route: address} visited and the violations. */
async function checkEveryPage(page, extra) {
  const visited = new Map();
  const queue = [...START_PATHS, ...extra];
  const violations = [];
  while (queue.length) {
    const address = queue.shift();
    const route = address.includes('?') ? address : routeOf(address);
    if (visited.has(route)) continue;
    visited.set(route, address);
    await page.goto(address);
    await settle(page);
    for (const line of await axeViolations(page)) violations.push(`${address}: ${line}`);
    for (const href of await linksOn(page)) if (!visited.has(routeOf(href))) queue.push(href.split('?')[0].split('#')[0]);
  }
  return { visited, violations };
}

test('the sign-in page has no WCAG 2.1 A or AA violation, and the CSP is unchanged', async () => {
  const page = await guild.newPage(LAPTOP);
  const response = await page.goto('/signin');
  const csp = response.headers()['content-security-policy'] ?? '';
  assert.match(csp, /script-src 'self'/, `the server's Content-Security-Policy: ${csp}`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/, `the server's Content-Security-Policy: ${csp}`);
  await settle(page);
  assert.deepEqual(await axeViolations(page), []);
});

for (const persona of DEMO_ROLES) {
  for (const viewport of [LAPTOP, PHONE]) {
    test(`every page as ${persona} at ${viewport.width} px has no WCAG 2.1 A or AA violation`, async () => {
      const page = await signedInPage(personas[persona], viewport);
      const me = await apiGet(page, '/me');
      const extra = [];
      const roles = await apiGet(page, '/roles?q=a&limit=1');
      if (roles.roles.length) extra.push(`/growth?role=${encodeURIComponent(roles.roles[0].id)}`);
      const skill = me.skills?.[0]?.name ?? (await apiGet(page, '/skills/suggest?q=a&limit=1')).skills[0]?.name;
      if (skill) extra.push(`/finder?need=${encodeURIComponent(`${skill}:2`)}`);
      const { visited, violations } = await checkEveryPage(page, extra);
      console.log(`${persona} at ${viewport.width} px: ${visited.size} pages: ${[...visited.keys()].join(' ')}`);
      assert.ok(visited.size >= START_PATHS.length + extra.length + 2, `only ${visited.size} pages visited as ${persona}`);
      assert.deepEqual(violations, [], `axe found ${violations.length} violations as ${persona} at ${viewport.width} px:\n${violations.join('\n')}`);
      await page.context().close();
    });
  }
}

/** The tops and bottoms of the nav's visible items (links and the "More" button), and the nav's own box. */
async function navRows(page) {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Teams', exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.waitForLoadState('networkidle');
  return nav.evaluate((el) => {
    const items = [...el.querySelectorAll('a, button')].filter((e) => e.getClientRects().length > 0).map((e) => e.getBoundingClientRect());
    const header = el.closest('.app-header__inner').getBoundingClientRect();
    const user = document.querySelector('.user-box').getBoundingClientRect();
    return {
      tops: [...new Set(items.map((r) => Math.round(r.top)))],
      itemHeight: Math.max(...items.map((r) => r.height)),
      navHeight: el.getBoundingClientRect().height,
      headerHeight: header.height,
      navRight: Math.max(...items.map((r) => r.right)),
      userLeft: user.left,
      userTop: Math.round(user.top + user.height / 2),
      navMiddle: Math.round(items[0].top + items[0].height / 2),
    };
  });
}

for (const persona of DEMO_ROLES) {
  test(`the nav fits on one row at 1366 and 1280 px as ${persona}, and the home page is screenshotted`, async () => {
    for (const viewport of [LAPTOP, SMALL_LAPTOP]) {
      const page = await signedInPage(personas[persona], viewport);
      const rows = await navRows(page);
      const where = `${persona} at ${viewport.width} px: ${JSON.stringify(rows)}`;
      assert.equal(rows.tops.length, 1, `the nav's items are on ${rows.tops.length} rows, ${where}`);
      assert.ok(rows.navHeight <= rows.itemHeight + 1, `the nav is ${rows.navHeight} px high for items of ${rows.itemHeight} px, ${where}`);
      assert.ok(rows.navRight <= rows.userLeft, `the nav runs under the user box, ${where}`);
      assert.ok(Math.abs(rows.userTop - rows.navMiddle) <= 4, `the user box is not beside the nav, ${where}`);
      assert.ok(rows.headerHeight <= 64, `the header is ${rows.headerHeight} px high, ${where}`);
      if (viewport === LAPTOP) {
        await page.goto('/');
        await settle(page);
        await screenshot(page, `a11y-home-${persona}-1366`);
      }
      await page.context().close();
    }
    const phone = await signedInPage(personas[persona], PHONE);
    await settle(phone);
    await screenshot(phone, `a11y-home-${persona}-390`);
    // At phone width every link stands in the nav's scrolling row; none is behind a button.
    const links = await navLinks(phone);
    const visible = await phone.getByRole('navigation', { name: 'Main' }).getByRole('link').count();
    assert.equal(visible, links.length, `at 390 px ${visible} of the nav's ${links.length} links are visible as ${persona}`);
    assert.deepEqual(await axeViolations(phone), [], `axe at 390 px on the home page as ${persona}`);
    await phone.context().close();
  });
}

test("the nav's More menu works with the keyboard alone and passes axe when open", async () => {
  const page = await signedInPage(personas.administrator);
  await settle(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  const more = nav.getByRole('button', { name: /^More/ });
  const admin = nav.getByRole('link', { name: 'Admin', exact: true, includeHidden: true });
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  assert.equal(await admin.isVisible(), false, 'Admin is in the closed menu');
  // Tab from the last primary link reaches the button; Enter opens it.
  await nav.getByRole('link', { name: 'Teams', exact: true }).focus();
  await page.keyboard.press('Tab');
  assert.equal(await more.evaluate((el) => el === document.activeElement), true, 'Tab after Teams reaches More');
  await page.keyboard.press('Enter');
  assert.equal(await more.getAttribute('aria-expanded'), 'true');
  await admin.waitFor({ timeout: UI_TIMEOUT_MS });
  const controlled = await more.getAttribute('aria-controls');
  assert.equal(await page.locator(`#${controlled}`).getByRole('link', { name: 'Admin', exact: true }).count(), 1, 'aria-controls names the list of links');
  assert.deepEqual(await axeViolations(page), [], 'axe with the More menu open');
  // Tab goes into the menu; Escape closes it and returns to the button.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Skills market');
  await page.keyboard.press('Escape');
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  assert.equal(await more.evaluate((el) => el === document.activeElement), true, 'Escape returns to More');
  // Space opens it; Enter on a link goes there, closes the menu and marks More as holding the current page.
  await page.keyboard.press('Space');
  await admin.waitFor({ timeout: UI_TIMEOUT_MS });
  await admin.focus();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/admin/);
  await page.locator('main h1', { hasText: 'Administration' }).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  assert.equal(await admin.getAttribute('aria-current'), 'page');
  assert.match((await more.textContent()) ?? '', /current page: Admin/);
  // A click outside closes it.
  await more.click();
  await admin.waitFor({ timeout: UI_TIMEOUT_MS });
  await page.locator('main h1').click();
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  await page.context().close();
});
