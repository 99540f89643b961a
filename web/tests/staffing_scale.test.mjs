// The staffing board at firm scale (issue 23): the 2,000-person demo firm,
// as administrator (propose, select, accept a plan of more than 100 seats),
// as an engagement leader (only their engagements; no costs, no totals), as
// the demo's team leader and as a member (the board only when the API allows
// it). Expected values come from the API as the same user sees it.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { screenshot, SCREENSHOT_DIR, startGuild } from './harness.mjs';
import { allPages, apiGet, NO_ACCESS, signInWithForm, UI_TIMEOUT_MS, waitForHeading } from './helpers.mjs';

const PLAN_TIMEOUT_MS = 120_000;
const PLANNED_STROKE = '#5b2a86';
let guild;
let admin;

before(async () => {
  guild = await startGuild({ people: 2000, seed: 3 });
  admin = await guild.newPage();
  await signInWithForm(admin, guild.signIns.administrator);
});
after(async () => {
  await guild?.stop();
});

async function openBoard(page) {
  await page.goto('/staffing');
  await waitForHeading(page, 'Staffing board');
  await page.locator('#staffing-openings tbody tr').first().waitFor({ timeout: UI_TIMEOUT_MS });
}

async function propose(page) {
  const reply = page.waitForResponse((r) => r.url().endsWith('/api/v1/staffing/plans') && r.request().method() === 'POST', { timeout: PLAN_TIMEOUT_MS });
  await page.locator('#propose-full').click();
  const plan = await (await reply).json();
  // The table when someone is seated, else the empty state.
  await page.locator('#plan-summary').waitFor({ timeout: PLAN_TIMEOUT_MS });
  if (plan.assignments.length > 0) await page.locator('#plan-assignments').waitFor({ timeout: UI_TIMEOUT_MS });
  return plan;
}

test('every opening and every engagement is reachable; a plan of more than 100 seats is proposed, selected and accepted', async () => {
  const openings = await allPages({ get: (p) => apiGet(admin, p) }, '/staffing/openings');
  const engagements = new Set(openings.map((o) => o.engagement.id));
  assert.ok(openings.length > 50, `the demo firm should have more than a page of openings (${openings.length})`);
  await openBoard(admin);
  // The engagement filter offers every engagement with open seats, not those of the first page.
  await admin.locator('#openings-engagement option', { hasText: `all (${engagements.size})` }).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
  assert.equal(await admin.locator('#openings-engagement option').count(), engagements.size + 1);
  // Paging reaches the last opening.
  let seen = await admin.locator('#staffing-openings tbody tr').count();
  while (await admin.locator('#openings-next').isEnabled()) {
    await admin.locator('#openings-next').click();
    await admin.locator('#openings-count', { hasText: `Openings ${seen + 1}–` }).waitFor({ timeout: UI_TIMEOUT_MS });
    seen += await admin.locator('#staffing-openings tbody tr').count();
  }
  assert.equal(seen, openings.length);
  assert.match(await admin.locator('#openings-count').innerText(), new RegExp(`of ${openings.length}$`));
  // Filtering by an engagement asks the server for its openings.
  const some = openings[openings.length - 1].engagement;
  await admin.locator('#openings-engagement').selectOption(some.id);
  await admin.locator('#openings-count', { hasText: `of ${openings.filter((o) => o.engagement.id === some.id).length}` }).waitFor({ timeout: UI_TIMEOUT_MS });
  await admin.locator('#openings-engagement').selectOption('');
  await admin.locator('#openings-count', { hasText: `of ${openings.length}` }).waitFor({ timeout: UI_TIMEOUT_MS });

  // Propose: the page moves to the plan, focuses its heading and says so.
  const plan = await propose(admin);
  const n = plan.assignments.length;
  assert.ok(n > 100, `the plan should seat more than 100 (${n})`);
  await admin.waitForFunction(() => document.activeElement?.id === 'staffing-plan-heading', null, { timeout: UI_TIMEOUT_MS });
  assert.match(await admin.locator('#plan-announce').innerText(), new RegExp(`Plan ready: ${n} of ${plan.seats} seats filled`));
  // Plain language: no solver words on the board itself; names, not ids.
  const card = await admin.locator('#staffing-plan').innerText();
  assert.ok(!/Objective|Bound\b|Gap\b/.test(card), 'no Objective / Bound / Gap on the board');
  assert.ok(!card.includes(plan.assignments[0].person.id + ' '), 'people are named, not listed by id');
  // Only the constraint problems that concern the plan shown.
  const shownIssues = await admin.locator('#plan-issues li').count();
  assert.ok(shownIssues <= plan.issues.length);

  // Select none, then one engagement, then all; the sticky bar counts them.
  await admin.locator('#plan-select-none').click();
  assert.equal((await admin.locator('#plan-selected-count').innerText()).trim(), `0 of ${n} selected`);
  assert.equal(await admin.locator('#plan-accept').isDisabled(), true);
  const byEngagement = new Map();
  for (const a of plan.assignments) if (a.opening.engagement) byEngagement.set(a.opening.engagement.id, (byEngagement.get(a.opening.engagement.id) ?? 0) + 1);
  const [eid, count] = [...byEngagement].sort((a, b) => b[1] - a[1])[0];
  await admin.locator('#plan-select-engagement').selectOption(eid);
  assert.equal((await admin.locator('#plan-selected-count').innerText()).trim(), `${count} of ${n} selected`);
  await admin.locator('#plan-select-all').click();
  assert.equal((await admin.locator('#plan-selected-count').innerText()).trim(), `${n} of ${n} selected`);
  // The accept bar stays in view while the table scrolls.
  await admin.locator('#plan-assignments tbody tr').nth(Math.floor(n / 2)).scrollIntoViewIfNeeded();
  const bar = await admin.locator('#plan-accept-bar').boundingBox();
  const viewport = admin.viewportSize();
  assert.ok(bar && bar.y >= 0 && bar.y + bar.height <= viewport.height + 1, `the accept bar is in view: ${JSON.stringify(bar)}`);
  await screenshot(admin, 'staffing-scale-plan');

  // The heatmap shows the proposed hours (dashed) over the bookings; loads include them.
  await admin.locator('#capacity-chart[data-state="ready"] svg').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.ok((await admin.locator(`#capacity-chart svg path[stroke="${PLANNED_STROKE}"]`).count()) > 0, 'proposed cells are outlined');
  await admin.locator('#capacity-legend-plan').waitFor({ timeout: UI_TIMEOUT_MS });
  for (const a of plan.assignments) {
    if (a.explanation.load_after !== null && !a.moved_from) {
      assert.ok(a.explanation.load_after > 0, `${a.id}: a ${a.hours_per_week} h seat loads its person (${a.explanation.load_before} -> ${a.explanation.load_after})`);
    }
  }
  await admin.locator('#capacity-sort').selectOption('busiest');
  await admin.locator('#capacity-group').selectOption('practice');
  await admin.locator('#capacity-as-table').check();
  const firstRow = await admin.locator('#capacity-table tbody tr th').first().innerText();
  assert.match(firstRow, / · /, 'grouped rows name their practice');
  await admin.locator('#staffing-capacity').screenshot({ path: join(SCREENSHOT_DIR, 'staffing-scale-capacity-table.png') });
  await admin.locator('#capacity-as-table').uncheck();
  await admin.locator('#staffing-capacity').screenshot({ path: join(SCREENSHOT_DIR, 'staffing-scale-capacity.png') });

  // Accept everything.
  const reply = admin.waitForResponse((r) => r.url().endsWith('/accept'), { timeout: PLAN_TIMEOUT_MS });
  await admin.locator('#plan-accept').click();
  const body = await (await reply).json();
  assert.equal(body.created + body.moved, n, JSON.stringify(body).slice(0, 300));
  await admin.locator('#plan-accept-status', { hasText: 'Accepted' }).waitFor({ timeout: UI_TIMEOUT_MS });
});

test('an engagement leader staffs only their engagements and sees no costs or totals', async () => {
  const openings = await allPages({ get: (p) => apiGet(admin, p) }, '/staffing/openings');
  const leader = openings.map((o) => o.engagement.leader).find((l) => l);
  assert.ok(leader, 'some open engagement has a leader');
  const who = { email: 'board.englead@example.test', password: 'a-long-enough-password-42' };
  const { csrf_token: csrf } = await (await admin.request.get('/api/v1/session')).json();
  const created = await admin.request.post('/api/v1/admin/users', { data: { ...who, role: 'member', person_id: leader.id }, headers: { 'X-CSRF-Token': csrf } });
  assert.equal(created.status(), 201, await created.text());
  const page = await guild.newPage();
  await signInWithForm(page, who);
  const theirs = await allPages({ get: (p) => apiGet(page, p) }, '/staffing/openings');
  assert.ok(theirs.every((o) => o.engagement.leader?.id === leader.id));
  await openBoard(page);
  assert.equal(await page.locator('#openings-engagement option').count(), new Set(theirs.map((o) => o.engagement.id)).size + 1);
  const plan = await propose(page);
  assert.equal(plan.objective, null);
  assert.ok(plan.assignments.every((a) => a.opening.engagement && theirs.some((o) => o.engagement.id === a.opening.engagement.id)));
  await page.locator('#plan-summary').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await page.locator('#plan-solver').count(), 0, 'no solver totals for an engagement leader');
  const options = await page.locator('#plan-assignments select option').allInnerTexts();
  assert.ok(options.every((o) => !/cost/.test(o)), 'no runner-up costs');
  await screenshot(page, 'staffing-scale-engagement-leader');
});

test('the team leader and the member get the board exactly when the API lets them', async () => {
  for (const role of ['leader', 'member']) {
    const page = await guild.newPage();
    await signInWithForm(page, guild.signIns[role]);
    const probe = await page.request.get('/api/v1/staffing/openings?limit=1');
    await page.goto('/staffing');
    if (probe.status() === 200) {
      await waitForHeading(page, 'Staffing board');
    } else {
      assert.equal(probe.status(), 403);
      await waitForHeading(page, NO_ACCESS);
    }
    await screenshot(page, `staffing-scale-${role}`);
  }
});
