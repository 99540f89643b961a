// The staffing board (/staffing): an administrator proposes a plan, reads an
// explanation, accepts it and sees the capacity heatmap change; a member
// gets no board. Expected values come from the API as the same user sees it
// (docs/API.md, "Staffing").

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { join } from 'node:path';
import { screenshot, SCREENSHOT_DIR, startGuild } from './harness.mjs';
import { apiGet, navLink, navLinks, NO_ACCESS, signInWithForm, UI_TIMEOUT_MS, waitForHeading } from './helpers.mjs';

const CAPACITY_QUERY = '/staffing/capacity?weeks=8&limit=25';
const PLAN_TIMEOUT_MS = 60_000;
let guild;
let admin; // a page signed in as the demo administrator

/** The capacity page the board shows for these people (all of them, on one page). */
function planCapacity(page, people) {
  return apiGet(page, `/staffing/capacity?weeks=8&limit=500${people.map((p) => `&person=${encodeURIComponent(p)}`).join('')}`);
}

/** Cells the board outlines while a plan is proposed: tentative hours, or hours the plan would add or move away. */
function outlinedCells(capacity, plan) {
  const touches = (a, monday) => {
    const sunday = new Date(Date.parse(`${monday}T00:00:00Z`) + 6 * 86400000).toISOString().slice(0, 10);
    return a.start <= sunday && a.end >= monday;
  };
  return capacity.items.reduce(
    (n, row) =>
      n +
      row.weeks.filter((w, i) => {
        const planned = plan.assignments.some((a) => (a.person.id === row.person.id || a.moved_from?.id === row.person.id) && touches(a, capacity.weeks[i]));
        return w.capacity > 0 && (w.tentative > 0 || planned);
      }).length,
    0,
  );
}

function tentativeHours(capacity) {
  return capacity.items.reduce((t, row) => t + row.weeks.reduce((u, w) => u + w.tentative, 0), 0);
}

/** A member account linked to no person: leads no engagement. */
async function createPlainMember() {
  const who = { email: 'staffing.member@example.test', password: 'a-long-enough-password-42' };
  const session = await admin.request.get('/api/v1/session');
  const { csrf_token: csrf } = await session.json();
  const created = await admin.request.post('/api/v1/admin/users', { data: { ...who, role: 'member' }, headers: { 'X-CSRF-Token': csrf } });
  assert.equal(created.status(), 201, `creating a member answered ${created.status()}: ${await created.text()}`);
  return who;
}

/** Cells of the first capacity page with tentative hours (what gets a dashed outline). */
function tentativeCells(capacity) {
  return capacity.items.reduce((n, row) => n + row.weeks.filter((w) => w.capacity > 0 && w.tentative > 0).length, 0);
}

/** Cells the heatmap draws with a dashed outline. */
async function dashedCells(page) {
  await page.locator('#capacity-chart[data-state="ready"] svg').waitFor({ timeout: UI_TIMEOUT_MS });
  return page.locator('#capacity-chart svg path[stroke-dasharray]').count();
}

before(async () => {
  // 200 people, seed 2: open seats, most of them fillable, and proposed
  // entries with runner-ups who are seated nowhere else (the change below).
  guild = await startGuild({ people: 200, seed: 2 });
  admin = await guild.newPage();
  await signInWithForm(admin, guild.signIns.administrator);
});
after(async () => {
  await guild?.stop();
});

test('an administrator proposes a plan, reads why, accepts it and sees the capacity change', async () => {
  const openings = await apiGet(admin, '/staffing/openings?limit=50');
  assert.ok(openings.total > 0, 'the demo firm should have open seats');
  const before = await apiGet(admin, CAPACITY_QUERY);

  await (await navLink(admin, 'Staffing')).click();
  await waitForHeading(admin, 'Staffing board');
  await admin.locator('#staffing-openings tbody tr').first().waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await admin.locator('#staffing-openings tbody tr').count(), openings.items.length);
  const firstRow = await admin.locator('#staffing-openings tbody tr').first().innerText();
  assert.match(firstRow, new RegExp(openings.items[0].engagement.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.equal(await dashedCells(admin), tentativeCells(before));

  // Propose: the table shows every proposed assignment.
  const proposed = admin.waitForResponse((r) => r.url().endsWith('/api/v1/staffing/plans') && r.request().method() === 'POST', { timeout: PLAN_TIMEOUT_MS });
  await admin.locator('#propose-full').click();
  const plan = await (await proposed).json();
  assert.ok(plan.assignments.length > 0, `the plan should seat someone: ${JSON.stringify(plan).slice(0, 400)}`);
  await admin.locator('#plan-assignments').waitFor({ timeout: PLAN_TIMEOUT_MS });
  const rows = admin.locator('#plan-assignments tbody tr');
  assert.equal(await rows.count(), plan.assignments.length);
  assert.match(await admin.locator('#plan-summary').innerText(), new RegExp(`Seats filled\\s*${plan.assignments.length} of ${plan.seats}`));

  // The heatmap now shows the people of the plan.
  const people = [...new Set(plan.assignments.map((a) => a.person.id))];
  const planBefore = await planCapacity(admin, people);
  assert.equal(planBefore.items.length, people.length);
  // Proposed hours are drawn over the bookings (dashed), tentative ones dotted.
  await admin.waitForFunction(
    (n) => document.querySelector('#capacity-chart[data-state="ready"]') && document.querySelectorAll('#capacity-chart svg path[stroke-dasharray]').length === n,
    outlinedCells(planBefore, plan),
    { timeout: UI_TIMEOUT_MS },
  );
  assert.ok((await admin.locator('#capacity-chart svg path[stroke="#5b2a86"]').count()) > 0, 'the proposed hours are outlined');
  const chartBefore = await admin.locator('#capacity-chart svg').innerHTML();

  // Open the first explanation with the keyboard.
  const entry = plan.assignments[0];
  const why = rows.first().getByRole('button', { name: 'Why?' });
  await why.focus();
  await admin.keyboard.press('Enter');
  assert.equal(await rows.first().getByRole('button', { name: 'Hide' }).getAttribute('aria-expanded'), 'true');
  const detail = admin.locator(`#why-${entry.id}`);
  await detail.waitFor({ timeout: UI_TIMEOUT_MS });
  const text = await detail.innerText();
  assert.match(text, /Fit per required skill/i);
  for (const f of entry.explanation.fit) assert.ok(text.includes(f.skill.name), `the explanation names ${f.skill.name}`);
  for (const r of entry.explanation.runner_ups) assert.ok(text.includes(r.why_lost), `the explanation says why ${r.person.name} lost`);
  assert.match(text, new RegExp(`${Math.round(entry.explanation.load_after * 100)}%`));
  await screenshot(admin, 'staffing-plan');
  await admin.locator('#staffing-plan').screenshot({ path: join(SCREENSHOT_DIR, 'staffing-plan-card.png') });

  // Deselect the last entry when there are several, accept the rest:
  // tentative assignments are written and the heatmap redraws.
  const chosen = plan.assignments.length > 1 ? plan.assignments.length - 1 : 1;
  if (chosen < plan.assignments.length) await rows.filter({ has: admin.locator('input[type=checkbox]') }).last().locator('input[type=checkbox]').uncheck();
  assert.match(await admin.locator('#plan-accept').innerText(), new RegExp(`Accept ${chosen} of ${plan.assignments.length}`));

  // Change one accepted entry: seat a runner-up who is not elsewhere in the plan.
  const seated = new Set(plan.assignments.map((a) => a.person.id));
  const swap = plan.assignments
    .slice(0, chosen)
    .map((a) => ({ a, r: a.explanation.runner_ups.find((r) => !seated.has(r.person.id)) }))
    .find((x) => x.r);
  assert.ok(swap, 'some accepted entry should have a runner-up seated nowhere else in the plan');
  if (swap) {
    const select = admin.getByLabel(`Person seated on ${swap.a.opening.title} (proposed: ${swap.a.person.name})`, { exact: true });
    await select.selectOption(swap.r.person.id);
    await rows.filter({ has: select }).locator('.tag--changed').waitFor({ timeout: UI_TIMEOUT_MS });
  }
  const acceptReply = admin.waitForResponse((r) => r.url().endsWith('/accept'), { timeout: UI_TIMEOUT_MS });
  await admin.locator('#plan-accept').click();
  const acceptBody = await (await acceptReply).json();
  assert.equal(acceptBody.changed ?? -1, swap ? 1 : 0, JSON.stringify(acceptBody));
  if (swap) assert.ok(acceptBody.assignment_ids.includes(swap.a.id));
  await admin.locator('#plan-accept-status', { hasText: 'Accepted' }).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await admin.locator('#plan-accept-status').innerText(), new RegExp(`Accepted: ${chosen} tentative`));
  if (swap) {
    assert.match(await admin.locator('#plan-accept-status').innerText(), /1 with the person you chose/);
    const theirs = await planCapacity(admin, [swap.r.person.id]);
    assert.ok(tentativeHours(theirs) > 0, `${swap.r.person.name} now holds tentative hours`);
  }
  const accepted = await apiGet(admin, `/staffing/plans/${encodeURIComponent(plan.id)}`);
  assert.equal(accepted.accepted, true);
  const afterCapacity = await planCapacity(admin, people);
  assert.ok(tentativeHours(afterCapacity) > tentativeHours(planBefore), 'accepting adds tentative hours to the plan\'s people');
  await admin.waitForFunction(
    (expected) => document.querySelectorAll('#capacity-chart svg path[stroke-dasharray]').length === expected,
    tentativeCells(afterCapacity),
    { timeout: UI_TIMEOUT_MS },
  );
  await admin.waitForFunction((old) => document.querySelector('#capacity-chart svg')?.innerHTML !== old, chartBefore, { timeout: UI_TIMEOUT_MS });
  await screenshot(admin, 'staffing-accepted');
  await admin.locator('#staffing-capacity').screenshot({ path: join(SCREENSHOT_DIR, 'staffing-capacity.png') });

  // The table view carries the same numbers; the toggle hides tentative hours.
  await admin.locator('#capacity-as-table').check();
  const table = admin.locator('#capacity-table tbody tr');
  assert.equal(await table.count(), afterCapacity.items.length);
  await admin.locator('#capacity-as-table').uncheck();
  await admin.locator('#capacity-tentative').uncheck();
  await admin.waitForFunction(() => document.querySelectorAll('#capacity-chart svg path[stroke-dasharray]').length === 0, null, { timeout: UI_TIMEOUT_MS });
});

test('a member who leads no engagement gets no staffing board', async () => {
  const page = await guild.newPage();
  await signInWithForm(page, await createPlainMember());
  const probe = await page.request.get('/api/v1/staffing/openings?limit=1');
  assert.equal(probe.status(), 403);
  await page.locator('.nav__link', { hasText: 'Teams' }).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.waitForLoadState('networkidle');
  assert.ok(!(await navLinks(page)).includes('Staffing'));
  await page.goto('/staffing');
  await waitForHeading(page, NO_ACCESS);
});
