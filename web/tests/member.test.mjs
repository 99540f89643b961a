// A member: home shows their own skills, teams and actions; the directory and
// profiles work; Admin and other teams are closed to them.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startGuild } from './harness.mjs';
import { allPages, apiAs, apiGet, heading, navLinks, NO_ACCESS, signInWithForm, UI_TIMEOUT_MS, waitForHeading } from './helpers.mjs';

const DIRECTORY_PAGE = 25;
let guild;
let page;

before(async () => {
  guild = await startGuild();
  page = await guild.newPage();
  await signInWithForm(page, guild.signIns.member);
});
after(async () => {
  await guild?.stop();
});

test('the nav has Home, My growth, My goals, Check-ins, People, Find people, Teams, Skills market and Openings for me but no Admin; the header names the user', async () => {
  // Staffing shows when the API lets this member read openings (they lead a team).
  const staffing = (await page.request.get('/api/v1/staffing/openings?limit=1')).status() === 200;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Skills market', includeHidden: true }).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
  if (staffing) await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staffing', includeHidden: true }).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
  // Form a team shows with Staffing; Clients when the member leads an engagement for a client (docs/NETWORKS.md).
  const clients = (await apiGet(page, '/clients')).total > 0;
  if (clients) await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Clients', includeHidden: true }).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
  assert.deepEqual(await navLinks(page), [
    'Home', 'My growth', 'My goals', 'Check-ins', 'People', 'Find people', 'Teams', 'Skills market', 'Openings for me',
    ...(staffing ? ['Staffing', 'Form a team'] : []),
    ...(clients ? ['Clients'] : []),
  ]);
  const session = await apiGet(page, '/session');
  assert.equal(session.user.role, 'member');
  assert.match(await page.locator('.user-box').innerText(), new RegExp(session.user.name || session.user.email));
});

test('home lists exactly my skills (with level names), my teams and my actions', async () => {
  const me = await apiGet(page, '/me');
  await page.goto('/');
  await page.locator('#my-skills').waitFor({ timeout: UI_TIMEOUT_MS });
  if (me.skills.length === 0) {
    assert.match(await page.locator('#my-skills').innerText(), /No skills recorded yet/);
  } else {
    const rows = page.locator('#my-skills tbody tr');
    assert.equal(await rows.count(), me.skills.length);
    for (const s of me.skills) {
      const row = rows.filter({ has: page.getByRole('rowheader', { name: s.name, exact: true }) }).first();
      assert.match(await row.innerText(), new RegExp(`${s.level} · ${s.level_name}`));
    }
  }
  const teamLinks = (await page.locator('#my-teams .team-list__name').allInnerTexts()).map((t) => t.trim()).sort();
  assert.deepEqual(teamLinks, me.teams.map((t) => t.name).sort());
  const actions = (await page.locator('#my-actions .action-list__link').allInnerTexts()).map((t) => t.replace('→', '').trim());
  assert.deepEqual(actions, me.actions.map((a) => a.title));
});

test('/admin shows the no-access page', async () => {
  await page.goto('/admin');
  await waitForHeading(page, NO_ACCESS);
  await page.goto('/admin/import');
  await waitForHeading(page, NO_ACCESS);
  assert.equal(await page.locator('#import').count(), 0);
});

test("a team I am on shows its purpose and members; a team I am not on is as if missing", async () => {
  const me = await apiGet(page, '/me');
  assert.ok(me.teams.length > 0, 'the demo member should be on a team');
  const mine = me.teams[0];
  const detail = await apiGet(page, `/teams/${encodeURIComponent(mine.id)}`);
  await page.goto(`/teams/${encodeURIComponent(mine.id)}`);
  await waitForHeading(page, mine.name);
  if (detail.purpose) assert.equal((await page.locator('.purpose__text').innerText()).trim(), detail.purpose.trim());
  const shown = (await page.locator('#team-members tbody th a').allInnerTexts()).map((t) => t.trim()).sort();
  assert.deepEqual(shown, detail.members.map((m) => m.person.name).sort());

  const admin = await apiAs(guild.baseUrl, guild.signIns.administrator);
  const everyTeam = await allPages(admin, '/teams');
  await admin.dispose();
  const myIds = new Set(me.teams.map((t) => t.id));
  const other = everyTeam.find((t) => !myIds.has(t.id) && t.leader_id !== me.person?.id);
  assert.ok(other, 'the demo firm should have a team the member is not on');
  // The API answers 404 for a team the viewer may not see, as for a missing
  // one, so team ids cannot be probed (issue 27).
  await page.goto(`/teams/${encodeURIComponent(other.id)}`);
  await waitForHeading(page, "We can't find that team");
  assert.equal(await page.getByText(other.name, { exact: true }).count(), 0);
  // And it is not in the member's team list either.
  await page.goto('/teams');
  await page.locator('.team-list, .empty').first().waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await page.locator('.team-list__name', { hasText: other.name }).count(), 0);
});

test('the directory pages with Load more, and search narrows to what the server finds', async () => {
  const everyone = await allPages({ get: (p) => apiGet(page, p) }, '/people');
  await page.goto('/people');
  const rows = page.locator('.people-list > li');
  await rows.first().waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await rows.count(), Math.min(DIRECTORY_PAGE, everyone.length));
  if (everyone.length > DIRECTORY_PAGE) {
    await page.getByRole('button', { name: 'Load more' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.people-list > li').length === n, Math.min(2 * DIRECTORY_PAGE, everyone.length));
  }
  const target = everyone[everyone.length - 1];
  await page.getByLabel('Search', { exact: true }).fill(target.name);
  await page.waitForURL(/q=/, { timeout: UI_TIMEOUT_MS });
  const expected = await apiGet(page, `/people?q=${encodeURIComponent(target.name)}&limit=${DIRECTORY_PAGE}`);
  await page.waitForFunction((n) => !document.querySelector('[role=status]')?.textContent?.includes('Searching') && document.querySelectorAll('.people-list > li').length === n, expected.items.length);
  const names = await page.locator('.people-list .person-row__name').allInnerTexts();
  assert.deepEqual(names.map((n) => n.trim()), expected.items.map((p) => p.name));
  assert.ok(names.includes(target.name));
});

test('a profile shows details, manager, reports, skills and teams as the API has them', async () => {
  const everyone = await allPages({ get: (p) => apiGet(page, p) }, '/people');
  // A person with a manager and reports makes the fullest check.
  let chosen = null;
  for (const p of everyone) {
    const profile = await apiGet(page, `/people/${encodeURIComponent(p.id)}`);
    if (profile.manager && profile.reports.length > 0) {
      chosen = profile;
      break;
    }
  }
  assert.ok(chosen, 'the demo firm should have a person with a manager and reports');
  await page.goto('/people');
  await page.getByLabel('Search', { exact: true }).fill(chosen.person.name);
  const link = page.locator('.people-list .person-row__name', { hasText: chosen.person.name }).first();
  await link.waitFor({ timeout: UI_TIMEOUT_MS });
  await link.click();
  await waitForHeading(page, chosen.person.name);
  assert.match(await page.locator('.profile-header').innerText(), new RegExp(chosen.person.email.replace(/[.+]/g, '\\$&')));
  assert.match(await page.locator('#person-manager').innerText(), new RegExp(chosen.manager.name));
  const reports = (await page.locator('#person-reports .person-row__name').allInnerTexts()).map((t) => t.trim()).sort();
  assert.deepEqual(reports, chosen.reports.map((r) => r.name).sort());
  const skillRows = page.locator('#person-skills li.rated-skill');
  await page.locator('#person-skills .precedence-note').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await skillRows.count(), chosen.skills.length);
  for (const s of chosen.skills) {
    const row = page.locator(`#person-skills li.rated-skill[data-skill="${s.skill_id}"]`);
    assert.match(await row.innerText(), new RegExp(`${s.level} · ${s.level_name}`));
    if (s.wants_to_grow) assert.match(await row.innerText(), /Wants to grow/);
  }
});

test('an unknown address and an unknown person show the not-found page', async () => {
  await page.goto('/no/such/page');
  assert.match(await heading(page), /can't find that page/);
  await page.goto('/people/no-such-person-id');
  assert.match(await heading(page), /can't find that person/);
});
