// Volunteering and gap actions in the browser (issue 23), checked against the
// API: a member opens "Openings for me" from the nav, volunteers for an
// opening with the toggle (aria-pressed), a reload shows it, the staffing
// board's API shows the volunteer to the administrator, and the member
// withdraws with the same button. On My growth, a gap to a role shows its
// actions (mentors, openings that would grow it, the next role) and their
// links lead where they say. Screenshots at 1280 px.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot, startGuild } from './harness.mjs';
import { allPages, apiAs, createAccount, navLink, signInWithForm, UI_TIMEOUT_MS, waitForHeading } from './helpers.mjs';

let guild;
let admin;
let volunteer; // {who, api, personId, openings}
let page;

before(async () => {
  guild = await startGuild();
  admin = await apiAs(guild.baseUrl, guild.signIns.administrator);
  volunteer = await findVolunteer();
  page = await guild.newPage();
  await signInWithForm(page, volunteer.who);
});
after(async () => {
  await volunteer?.api.dispose();
  await admin?.dispose();
  await guild?.stop();
});

// The demo's member when an opening fits them that they have not volunteered
// for; else the first person who has
// some, with an account made for them.
async function findVolunteer() {
  const member = guild.signIns.member;
  const candidates = [{ who: member, person: null }];
  for (const person of (await allPages(admin, '/people')).slice(0, 40)) {
    candidates.push({ who: null, person });
  }
  for (const c of candidates) {
    const who = c.who ?? (await createAccount(admin, { email: `volunteer.${c.person.id}@example.test`, person_id: c.person.id }));
    const api = await apiAs(guild.baseUrl, who);
    const openings = await api.get('/me/openings?limit=500');
    const personId = (await api.get('/session')).user.person_id;
    // One they have not volunteered for yet (the demo makes volunteers too).
    if (openings.items.some((o) => !o.volunteered) && personId) return { who, api, personId, openings };
    await api.dispose();
  }
  assert.fail('no one in the demo firm has an opening that fits');
}

const boardVolunteers = async (opening) => {
  const board = await allPages(admin, `/staffing/openings?engagement=${encodeURIComponent(opening.engagement.id)}`);
  const row = board.find((o) => o.id === opening.id);
  assert.ok(row, `the board lists ${opening.id}`);
  return row.volunteers.map((p) => p.id);
};

test('a member volunteers from "Openings for me", a reload shows it, the board shows it, and they withdraw', async () => {
  const { personId } = volunteer;
  const first = volunteer.openings.items.find((o) => !o.volunteered);
  assert.ok(first, 'an opening not volunteered for yet');
  for (const o of volunteer.openings.items) {
    assert.ok(['fit', 'stretch', 'short'].includes(o.fit));
    assert.ok(o.why.length > 10, `a why for ${o.id}`);
    for (const key of ['cost', 'cost_rate', 'free_hours', 'load']) assert.equal(o[key], undefined);
  }
  await (await navLink(page, 'Openings for me')).click();
  await waitForHeading(page, 'Openings for me');
  const row = page.locator(`#opening-${first.id}`);
  await row.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await row.innerText(), new RegExp(first.engagement.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  assert.ok((await row.innerText()).includes(first.why), 'the why is shown');
  const toggle = row.getByRole('button', { name: `Volunteer for ${first.title}` });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  await toggle.click();
  await page.waitForFunction((id) => document.querySelector(`#opening-${id} button`)?.getAttribute('aria-pressed') === 'true', first.id, { timeout: UI_TIMEOUT_MS });
  assert.match(await page.locator('#volunteer-status').innerText(), /You volunteered for/);
  await screenshot(page, 'volunteer-openings');

  // The write reached the server: the member's list and the administrator's board.
  const mine = await volunteer.api.get('/me/openings?limit=500');
  assert.equal(mine.items.find((o) => o.id === first.id).volunteered, true);
  assert.ok((await boardVolunteers(first)).includes(personId), 'the board shows the volunteer');

  await page.reload();
  await waitForHeading(page, 'Openings for me');
  const again = page.locator(`#opening-${first.id}`).getByRole('button', { name: `Volunteer for ${first.title}` });
  await again.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await again.getAttribute('aria-pressed'), 'true', 'a reload shows the volunteering');

  await again.click();
  await page.waitForFunction((id) => document.querySelector(`#opening-${id} button`)?.getAttribute('aria-pressed') === 'false', first.id, { timeout: UI_TIMEOUT_MS });
  assert.match(await page.locator('#volunteer-status').innerText(), /You withdrew from/);
  const after = await volunteer.api.get('/me/openings?limit=500');
  assert.equal(after.items.find((o) => o.id === first.id).volunteered, false);
  assert.ok(!(await boardVolunteers(first)).includes(personId), 'the board no longer shows them');
});

// components/gap-actions.tsx shows the first five gaps' actions until "Show all".
const GAPS_SHOWN = 5;

// A role with a gap that has an action (a mentor or an opening) for the volunteer.
async function roleWithActions(personId) {
  const roles = (await volunteer.api.get('/roles?q=&limit=100')).roles;
  for (const role of roles) {
    const actions = await volunteer.api.get(`/people/${encodeURIComponent(personId)}/gap-actions?role=${encodeURIComponent(role.id)}`);
    const shown = actions.gaps.slice(0, GAPS_SHOWN);
    const gap = shown.find((g) => g.openings.length > 0) ?? shown.find((g) => g.mentors.length > 0);
    if (gap) return { role, actions, gap };
  }
  assert.fail('no role gives the volunteer a gap with a mentor or an opening');
}

test('on My growth a gap shows its mentors, openings and the next role, and the links work', async () => {
  const { personId } = volunteer;
  const { role, actions, gap } = await roleWithActions(personId);
  assert.equal(actions.openings_visible, true, 'the person sees their own openings');
  await page.goto(`/growth?role=${encodeURIComponent(role.id)}`);
  await waitForHeading(page, 'My growth');
  const box = page.locator('#gap-actions');
  await box.waitFor({ timeout: UI_TIMEOUT_MS });
  const item = box.getByRole('listitem').filter({ has: page.getByRole('heading', { name: new RegExp(`^${gap.skill.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) }) }).first();
  await item.waitFor({ timeout: UI_TIMEOUT_MS });
  for (const m of gap.mentors) assert.ok((await item.innerText()).includes(m.person.name), `mentor ${m.person.name} shown`);
  for (const o of gap.openings) assert.ok((await item.innerText()).includes(o.title), `opening ${o.title} shown`);
  const next = page.locator('#next-role');
  if (actions.next_role) assert.ok((await next.innerText()).includes(actions.next_role.name));
  else assert.ok((await next.innerText()).includes(actions.next_role_why));
  await screenshot(page, 'volunteer-gap-actions');
  if (actions.gaps.length > GAPS_SHOWN) {
    await box.getByRole('button', { name: `Show the actions for all ${actions.gaps.length} gaps` }).click();
    await page.waitForFunction((n) => document.querySelectorAll('#gap-actions .gap-actions__gap').length === n, actions.gaps.length, { timeout: UI_TIMEOUT_MS });
    await box.getByRole('button', { name: /^Show the actions/ }).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  }

  if (gap.openings.length > 0) {
    await item.getByRole('link', { name: gap.openings[0].title }).click();
    await waitForHeading(page, 'Openings for me');
    await page.locator(`#opening-${gap.openings[0].id}`).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.goBack();
    await page.locator('#gap-actions').waitFor({ timeout: UI_TIMEOUT_MS });
  }
  if (gap.mentors.length > 0) {
    const mentor = gap.mentors[0].person;
    await page.locator('#gap-actions').getByRole('link', { name: mentor.name, exact: true }).first().click();
    await waitForHeading(page, mentor.name);
    await page.goBack();
    await page.locator('#gap-actions').waitFor({ timeout: UI_TIMEOUT_MS });
  }
  if (actions.next_role) {
    await page.locator('#next-role').getByRole('link', { name: actions.next_role.name }).click();
    await page.waitForURL((url) => url.searchParams.get('role') === actions.next_role.id, { timeout: UI_TIMEOUT_MS });
    await page.locator('#gap-actions').waitFor({ timeout: UI_TIMEOUT_MS });
  }
});
