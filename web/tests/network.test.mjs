// Collaboration networks: the firm view with its filters, a team's network
// picture and shape, client coverage, and team formation; who sees which
// (docs/NETWORKS.md). Expected values come from the API as the same user sees
// it; screenshots of each page go to test-artifacts/screenshots.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot, startGuild, VIEWPORTS } from './harness.mjs';
import { apiGet, navLink, navLinks, NO_ACCESS, signInWithForm, UI_TIMEOUT_MS, waitForHeading } from './helpers.mjs';

const PICTURE_TIMEOUT_MS = 30_000;
let guild;
let admin; // a page signed in as the demo administrator

const SHAPE_LABELS = { network: 'Network', wagon_wheel: 'Wagon wheel', org_chart: 'Org chart', none: 'No shape yet' };

async function pictureReady(page, scope = 'main') {
  await page.locator(`${scope} .network-picture__canvas[data-state="ready"] canvas`).first().waitFor({ timeout: PICTURE_TIMEOUT_MS });
}

before(async () => {
  guild = await startGuild({ people: 150, seed: 5 });
  admin = await guild.newPage();
  await signInWithForm(admin, guild.signIns.administrator);
});
after(async () => {
  await guild?.stop();
});

test('the firm view shows the figures, communities and every team shape, filtered by practice', async () => {
  const firm = await apiGet(admin, '/network');
  assert.ok(firm.metrics.edges > 0, 'the demo firm should have collaboration ties');
  await (await navLink(admin, 'Network')).click();
  await waitForHeading(admin, "The firm's network");
  await pictureReady(admin, '#firm-communities');
  const figures = await admin.locator('#firm-figures').textContent();
  assert.match(figures, new RegExp(`People\\s*${firm.people.toLocaleString('en-US')}`));
  assert.match(figures, new RegExp(`Ties\\s*${firm.metrics.edges.toLocaleString('en-US')}`));
  const shown = Math.min(50, firm.teams.length);
  assert.equal(await admin.locator('#firm-shapes tbody tr').count(), shown);
  const first = admin.locator('#firm-shapes tbody tr').first();
  assert.match(await first.innerText(), new RegExp(SHAPE_LABELS[firm.teams[0].shape]));
  await screenshot(admin, 'network-firm');

  // Filter by practice: the address and the figures follow.
  const practice = firm.practices[0];
  const filtered = await apiGet(admin, `/network?practice=${encodeURIComponent(practice)}`);
  await admin.getByLabel('Practice').selectOption(practice);
  await admin.getByRole('button', { name: 'Apply' }).click();
  await admin.waitForURL((url) => url.searchParams.get('practice') === practice, { timeout: UI_TIMEOUT_MS });
  await admin.waitForFunction(
    (people) => document.querySelector('#firm-figures')?.textContent?.includes(`People${people}`),
    filtered.people.toLocaleString('en-US'),
    { timeout: UI_TIMEOUT_MS },
  );
  assert.match(await admin.locator('main .page-header__lead').innerText(), new RegExp(practice));
});

test("a team's network: picture, shape with its numbers, members, change over time and an empty period", async () => {
  const firm = await apiGet(admin, '/network');
  const withTies = firm.teams.find((t) => t.shape !== 'none') ?? firm.teams[0];
  const expected = await apiGet(admin, `/teams/${encodeURIComponent(withTies.id)}/network`);
  await admin.goto(`/teams/${encodeURIComponent(withTies.id)}/network`);
  await waitForHeading(admin, `How ${withTies.name} works together`);
  if (expected.edges.length > 0) await pictureReady(admin, '#team-network-picture');
  const shape = await admin.locator('#team-network-shape').innerText();
  assert.match(shape, new RegExp(SHAPE_LABELS[expected.shape.name]));
  assert.ok(shape.includes(expected.shape.reason), `the shape card should give the reason: ${shape}`);
  assert.equal(await admin.locator('#team-network-members tbody tr').count(), expected.nodes.length);
  if (expected.timeline.some((p) => p.ties > 0)) {
    assert.equal(await admin.locator('#team-network-timeline tbody tr').count(), expected.timeline.length);
  } else {
    await admin.locator('#team-network-timeline').getByText('No history yet').waitFor({ timeout: UI_TIMEOUT_MS });
  }
  // Keyboard: the member links are reachable and focusing one keeps the page working.
  await admin.locator('#team-network-members tbody tr a').first().focus();
  assert.equal(await admin.evaluate(() => document.activeElement?.tagName), 'A');
  await screenshot(admin, 'network-team');

  // A period with no shared work shows the empty state.
  await admin.getByLabel('From').fill('2001-01-01');
  await admin.getByLabel('To').fill('2001-01-31');
  await admin.getByRole('button', { name: 'Apply' }).click();
  await admin.waitForURL((url) => url.searchParams.get('from') === '2001-01-01', { timeout: UI_TIMEOUT_MS });
  await admin.getByText('No ties in this period').waitFor({ timeout: UI_TIMEOUT_MS });
  await admin.getByRole('button', { name: 'All time' }).click();
  await admin.waitForURL((url) => !url.search, { timeout: UI_TIMEOUT_MS });
});

test('client coverage lists flagged key clients first and explains one client', async () => {
  const all = await apiGet(admin, '/clients');
  assert.ok(all.total > 0);
  await (await navLink(admin, 'Clients')).click();
  await waitForHeading(admin, 'Client relationships');
  await admin.locator('#clients-list tbody tr').first().waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await admin.locator('#clients-list tbody tr').count(), Math.min(200, all.total));

  const flagged = await apiGet(admin, '/clients?flagged=true');
  await admin.getByLabel('Only flagged key clients').check();
  await admin.waitForURL((url) => url.searchParams.get('flagged') === 'true', { timeout: UI_TIMEOUT_MS });
  if (flagged.total === 0) {
    await admin.getByText('No client matches').waitFor({ timeout: UI_TIMEOUT_MS });
  } else {
    await admin.locator('#clients-list', { hasText: `${flagged.total} client` }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await admin.locator('#clients-list tbody tr').count(), Math.min(200, flagged.total));
  }
  await screenshot(admin, 'network-clients');

  const target = (flagged.clients[0] ?? all.clients[0]).client;
  const detail = await apiGet(admin, `/clients/${encodeURIComponent(target.id)}/coverage`);
  await admin.goto(`/clients/${encodeURIComponent(target.id)}`);
  await waitForHeading(admin, target.name);
  assert.equal(await admin.locator('#client-holders tbody tr').count(), detail.holders.length);
  assert.equal(await admin.locator('#client-successors .successor').count(), detail.successors.length);
  assert.ok((await admin.locator('.client-reason').innerText()).includes(detail.reason));
  await screenshot(admin, 'network-client');
});

test('team formation proposes and explains a team; unknown skills are named', async () => {
  // Two skills held by different people, so that the team has more than one member.
  const people = await apiGet(admin, '/people?limit=30');
  let skill = null;
  let first = null;
  for (const p of people.items) {
    const profile = await apiGet(admin, `/people/${encodeURIComponent(p.id)}`);
    if (profile.skills.length === 0) continue;
    if (!first) {
      first = profile;
      continue;
    }
    const held = new Set(first.skills.map((s) => s.skill_id));
    const other = profile.skills.find((s) => !held.has(s.skill_id));
    if (other) {
      skill = [first.skills[0].name, other.name];
      break;
    }
  }
  assert.ok(skill, 'two demo people should hold different skills');
  const expected = await apiGet(admin, `/team-formation?${skill.map((s) => `need=${encodeURIComponent(`${s}:1`)}`).join('&')}`);

  await (await navLink(admin, 'Form a team')).click();
  await waitForHeading(admin, 'Form a team');
  await admin.getByText('Add a skill to start').waitFor({ timeout: UI_TIMEOUT_MS });
  for (const s of skill) {
    const box = admin.getByRole('combobox', { name: 'Skill' });
    await box.fill(s);
    await box.press('Escape');
    await box.press('Enter');
    await admin.getByLabel(`Minimum level for ${s}`).selectOption('1');
  }
  await admin.getByRole('button', { name: 'Propose a team' }).click();
  await admin.locator('#team-result tbody tr').first().waitFor({ timeout: PICTURE_TIMEOUT_MS });
  assert.equal(await admin.locator('#team-result tbody tr').count(), expected.members.length);
  for (const m of expected.members) {
    assert.ok((await admin.locator('#team-result tbody').innerText()).includes(m.name));
  }
  await screenshot(admin, 'network-team-formation');

  await admin.goto('/team-formation?need=No%20such%20skill%20at%20all:2');
  await admin.getByText('No team can cover these needs').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await admin.locator('#team-result').innerText(), /No such skill at all:2/);
});

/** A member account linked to no person: leads nothing, holds no client. */
async function createPlainMember() {
  const who = { email: 'network.member@example.test', password: 'a-long-enough-password-42' };
  const session = await admin.request.get('/api/v1/session');
  const { csrf_token: csrf } = await session.json();
  const created = await admin.request.post('/api/v1/admin/users', { data: { ...who, role: 'member' }, headers: { 'X-CSRF-Token': csrf } });
  assert.equal(created.status(), 201, `creating a member answered ${created.status()}: ${await created.text()}`);
  return who;
}

test('a plain member sees neither the firm view, clients nor team formation; a leader sees their own team', async () => {
  const member = await guild.newPage(VIEWPORTS.phone);
  const who = await createPlainMember();
  // The nav asks the server whether there are clients and staffing to show.
  const asked = Promise.all([
    member.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/clients', { timeout: UI_TIMEOUT_MS }),
    member.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/staffing/openings', { timeout: UI_TIMEOUT_MS }),
  ]);
  await signInWithForm(member, who);
  await asked;
  await member.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve())));
  const links = await navLinks(member);
  assert.ok(!links.includes('Network') && !links.includes('Form a team') && !links.includes('Clients'), `member nav: ${links}`);
  await member.goto('/network');
  await member.getByText(NO_ACCESS).waitFor({ timeout: UI_TIMEOUT_MS });

  const leader = await guild.newPage();
  await signInWithForm(leader, guild.signIns.leader);
  const me = await apiGet(leader, '/me');
  const led = me.teams.find((t) => t.leader_id === me.person?.id) ?? me.teams[0];
  assert.ok(led, 'the demo leader should be on a team');
  await leader.goto(`/teams/${encodeURIComponent(led.id)}/network`);
  await waitForHeading(leader, `How ${led.name} works together`);
  await leader.locator('#team-network-shape').waitFor({ timeout: UI_TIMEOUT_MS });
  await screenshot(member, 'network-member-refused-phone');
});
