// A team leader: sees the teams they lead with purpose, leader and members.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startGuild } from './harness.mjs';
import { allPages, apiGet, navLinks, NO_ACCESS, signInWithForm, UI_TIMEOUT_MS, waitForHeading } from './helpers.mjs';

let guild;
let page;

before(async () => {
  guild = await startGuild();
  page = await guild.newPage();
  await signInWithForm(page, guild.signIns.leader);
});
after(async () => {
  await guild?.stop();
});

test('the leader is a leader and has no Admin link', async () => {
  const { user } = await apiGet(page, '/session');
  assert.equal(user.leads_teams, true);
  assert.ok(!(await navLinks(page)).includes('Admin'));
  await page.goto('/admin/users');
  await waitForHeading(page, NO_ACCESS);
});

test('the Teams page lists exactly the teams the API lets the leader see', async () => {
  const teams = await allPages({ get: (p) => apiGet(page, p) }, '/teams');
  await page.goto('/teams');
  await page.locator('.team-list, .empty').first().waitFor({ timeout: UI_TIMEOUT_MS });
  const shown = (await page.locator('.team-list__name').allInnerTexts()).map((t) => t.trim()).sort();
  assert.deepEqual(shown, teams.map((t) => t.name).sort());
});

test("the team the leader leads shows its purpose first, the leader, and every member's role", async () => {
  const { user } = await apiGet(page, '/session');
  const teams = await allPages({ get: (p) => apiGet(page, p) }, '/teams');
  const led = teams.find((t) => t.leader_id && t.leader_id === user.person_id);
  assert.ok(led, 'the demo leader should lead a team');
  const detail = await apiGet(page, `/teams/${encodeURIComponent(led.id)}`);
  await page.goto('/teams');
  await page.locator('.team-list__name', { hasText: led.name }).first().click();
  await waitForHeading(page, led.name);
  const purpose = page.locator('.purpose');
  assert.ok(await purpose.isVisible());
  if (detail.purpose) assert.equal((await page.locator('.purpose__text').innerText()).trim(), detail.purpose.trim());
  assert.match(await page.locator('#team-leader').innerText(), new RegExp(detail.leader.name));
  const rows = page.locator('#team-members tbody tr');
  assert.equal(await rows.count(), detail.members.length);
  for (const m of detail.members) {
    const href = `/people/${encodeURIComponent(m.person.id)}`;
    const row = rows.filter({ has: page.locator(`a[href="${href}"]`) });
    assert.equal(await row.count(), 1, `one row for ${m.person.id}`);
    assert.match(await row.innerText(), new RegExp(m.person.name));
    if (m.role) assert.match(await row.innerText(), new RegExp(m.role.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  }
});
