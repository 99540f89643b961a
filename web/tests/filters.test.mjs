// Issue 23, "Filters, empty states, small bugs": practice/office/grade
// drop-downs fed by /people/facets and applied as they change (People, Find
// people, Staffing); the market says what a member cannot see; its From field
// and columns carry dates with the year; the import report names the file;
// the administrator's home never links to itself; a new user is linked to a
// person with a picker; free hours say whose they are; role search finds
// either spelling. Each small bug has an assertion that fails on the old page.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot, startGuild } from './harness.mjs';
import { apiGet, signInWithForm, UI_TIMEOUT_MS, waitForHeading } from './helpers.mjs';

let guild;
let admin;
let member;

before(async () => {
  guild = await startGuild({ people: 200, seed: 3 });
  admin = await guild.newPage();
  await signInWithForm(admin, guild.signIns.administrator);
  member = await guild.newPage();
  await signInWithForm(member, guild.signIns.member);
});
after(async () => {
  await guild?.stop();
});

/** The options of a drop-down, without the leading "Any". */
async function optionValues(select) {
  return (await select.locator('option').evaluateAll((os) => os.map((o) => o.value))).filter(Boolean);
}

test('facets: every signed-in user lists practices, offices and grades with counts; filters ignore letter case', async () => {
  for (const page of [admin, member]) {
    const facets = await apiGet(page, '/people/facets');
    for (const key of ['practices', 'offices', 'grades']) {
      assert.ok(facets[key].length > 0, `${key} listed`);
      for (const v of facets[key]) assert.ok(v.value && v.count > 0, `${key}: ${JSON.stringify(v)}`);
    }
  }
  const facets = await apiGet(member, '/people/facets');
  const practice = facets.practices[0];
  const exact = await apiGet(member, `/people?practice=${encodeURIComponent(practice.value)}&limit=500`);
  const shouted = await apiGet(member, `/people?practice=${encodeURIComponent(practice.value.toUpperCase())}&limit=500`);
  assert.equal(exact.items.length, Math.min(practice.count, 500));
  assert.deepEqual(shouted.items.map((p) => p.id), exact.items.map((p) => p.id), 'the practice filter folds case');
});

test('People: the practice, office and grade drop-downs list the facets and apply as they change', async () => {
  const facets = await apiGet(member, '/people/facets');
  await member.goto('/people');
  await waitForHeading(member, 'People');
  const practice = member.locator('#people-practice');
  await practice.locator('option').nth(1).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
  assert.equal(await practice.evaluate((el) => el.tagName), 'SELECT', 'a drop-down, not a text field');
  assert.deepEqual(await optionValues(practice), facets.practices.map((v) => v.value));
  assert.deepEqual(await optionValues(member.locator('#people-grade')), facets.grades.map((v) => v.value));
  const chosen = facets.practices[facets.practices.length - 1].value;
  await practice.selectOption(chosen);
  await member.waitForURL((url) => url.searchParams.get('practice') === chosen, { timeout: UI_TIMEOUT_MS });
  const expected = await apiGet(member, `/people?practice=${encodeURIComponent(chosen)}&limit=25`);
  const list = member.getByRole('list', { name: 'People' });
  await member.waitForFunction(
    (n) => document.querySelectorAll('ul[aria-label="People"] > li').length === n && !document.body.innerText.includes('Searching…'),
    expected.items.length,
    { timeout: UI_TIMEOUT_MS },
  );
  const shown = await list.locator('li').allInnerTexts();
  for (const [i, p] of expected.items.entries()) assert.match(shown[i], new RegExp(p.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await screenshot(member, 'filters-people-practice');
});

test('Find people: practice applies without pressing Find, and free hours say whose they are', async () => {
  const market = await apiGet(admin, '/skills/market?limit=5');
  const skill = market.skills[0]?.skill.name;
  assert.ok(skill, 'the demo has a skill in demand');
  await admin.goto(`/finder?need=${encodeURIComponent(`${skill}:1`)}`);
  await waitForHeading(admin, 'Find people');
  await admin.locator('.hit').first().waitFor({ timeout: UI_TIMEOUT_MS });
  const practice = admin.locator('#finder-practice');
  assert.equal(await practice.evaluate((el) => el.tagName), 'SELECT');
  await practice.locator('option').nth(1).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
  const facets = await apiGet(admin, '/people/facets');
  const chosen = facets.practices[0].value;
  await practice.selectOption(chosen);
  await admin.waitForURL((url) => url.searchParams.get('practice') === chosen, { timeout: UI_TIMEOUT_MS });
  // Free hours are labelled with the person's name (firm-wide viewers see them).
  await admin.goto(`/finder?need=${encodeURIComponent(`${skill}:1`)}&from=2026-01-05&to=2026-02-01`);
  const badge = admin.locator('.hit .badge', { hasText: 'free time' }).first();
  await badge.waitFor({ timeout: UI_TIMEOUT_MS });
  const name = await admin.locator('.hit').first().locator('a').first().innerText();
  assert.match(await badge.innerText(), new RegExp(`^${name.trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}'s free time: \\d+ h$`));
});

test('Staffing: the openings practice filter is a drop-down of the facets and applies as it changes', async () => {
  await admin.goto('/staffing');
  await waitForHeading(admin, 'Staffing board');
  const practice = admin.locator('#openings-practice');
  await practice.locator('option').nth(1).waitFor({ state: 'attached', timeout: UI_TIMEOUT_MS });
  assert.equal(await practice.evaluate((el) => el.tagName), 'SELECT');
  const facets = await apiGet(admin, '/people/facets');
  assert.deepEqual(await optionValues(practice), facets.practices.map((v) => v.value));
  const chosen = facets.practices[0].value;
  const expected = await apiGet(admin, `/staffing/openings?practice=${encodeURIComponent(chosen)}&limit=25`);
  await practice.selectOption(chosen);
  if (expected.total > 0) {
    await admin.locator('#openings-count', { hasText: `of ${expected.total}` }).waitFor({ timeout: UI_TIMEOUT_MS });
  } else {
    await admin.getByText('No open seats').waitFor({ timeout: UI_TIMEOUT_MS });
  }
});

test('Market: the From field shows its date and the columns carry the year', async () => {
  const answer = member.waitForResponse((r) => r.url().includes('/api/v1/skills/market') && r.status() === 200, { timeout: UI_TIMEOUT_MS });
  await member.goto('/market');
  await waitForHeading(member, 'Skills market');
  const market = await (await answer).json();
  const from = member.locator('#market-from');
  await member.waitForFunction(() => document.querySelector('#market-from')?.value !== '', null, { timeout: UI_TIMEOUT_MS });
  assert.equal(await from.inputValue(), market.periods[0]);
  if (market.skills.length > 0) {
    const year = market.periods[0].slice(0, 4);
    await member.locator('#market-heatmap svg text', { hasText: year }).first().waitFor({ timeout: UI_TIMEOUT_MS });
  }
  if (market.redacted && market.hidden_skills > 0) {
    assert.match(await member.locator('#market-redacted').innerText(), new RegExp(`${market.hidden_skills} here`));
  }
});

test('Market: a member whose demand is all hidden is told what is hidden and why, not "no demand"', async () => {
  const real = await apiGet(member, '/skills/market?limit=25');
  const hidden = { ...real, skills: [], redacted: true, hidden_skills: 4, hidden_demand_hours: 321, min_holders: 3 };
  await member.route('**/api/v1/skills/market**', (route) => route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(hidden) }));
  try {
    await member.goto('/market');
    const note = member.locator('#market-hidden');
    await note.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await note.innerText(), /4 skills are asked for \(321 h in these periods\).*fewer than 3 people/s);
    assert.equal(await member.getByText('No demand in this range').count(), 0);
    await screenshot(member, 'filters-market-hidden');
  } finally {
    await member.unroute('**/api/v1/skills/market**');
  }
});

async function upload(name, text) {
  await admin.goto('/admin/import');
  await admin.getByLabel('What the file holds').selectOption('people');
  await admin.getByLabel('File', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await admin.getByRole('button', { name: 'Upload and import' }).click();
}

test('the import report and its error table name the uploaded file', async () => {
  const header = 'id,name,email,weekly_capacity_hours,start_date';
  await upload('hr-export-march.csv', `${header}\nflt-1,Fern Filter,fern.filter@example.test,40,2020-01-06\n`);
  const success = admin.locator('.alert--success');
  await success.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await success.innerText(), /from hr-export-march\.csv/);
  await upload('broken-april.csv', `${header}\nflt-2,Bad Mail,not-an-email,40,2020-01-06\n`);
  const alert = admin.getByRole('alert').first();
  await alert.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await alert.innerText(), /broken-april\.csv was not imported/);
});

test("the administrator's home has no link back to itself", async () => {
  await admin.goto('/');
  await admin.locator('main h1').first().waitFor({ timeout: UI_TIMEOUT_MS });
  await admin.locator('#my-actions, main .card').first().waitFor({ timeout: UI_TIMEOUT_MS });
  const selfLinks = await admin.locator('main a[href="/"]').count();
  assert.equal(selfLinks, 0, 'a link in the page body leads back to home');
});

test('a new user is linked to a person with the type-ahead picker, not a typed id', async () => {
  const person = (await apiGet(admin, '/people?limit=3')).items[2];
  await admin.goto('/admin/users');
  await admin.locator('#users-table').waitFor({ timeout: UI_TIMEOUT_MS });
  const email = 'picked.person@example.test';
  await admin.getByLabel('Email', { exact: true }).fill(email);
  await admin.getByLabel('Initial password').fill('a-long-enough-password-42');
  const picker = admin.getByRole('combobox', { name: 'Person (optional)' });
  await picker.fill(person.name.slice(0, 5));
  await admin.getByRole('option', { name: new RegExp(person.name) }).first().click();
  await admin.locator('#new-user-person-chosen', { hasText: person.name }).waitFor({ timeout: UI_TIMEOUT_MS });
  await admin.getByRole('button', { name: 'Create user' }).click();
  await admin.locator(`tr[data-user-email="${email}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
  const users = await apiGet(admin, '/admin/users?limit=500');
  assert.equal(users.items.find((u) => u.email === email)?.person_id, person.id);
});

test('target-role search finds British and American spellings, each role once', async () => {
  const british = await apiGet(member, '/roles?q=investment%20adviser&limit=20');
  const american = await apiGet(member, '/roles?q=investment%20advisor&limit=20');
  assert.ok(british.roles.length > 0, 'the taxonomy has an investment adviser');
  assert.deepEqual(american.roles.map((r) => r.id), british.roles.map((r) => r.id));
  const labour = await apiGet(member, '/roles?q=labor%20relations&limit=20');
  const names = labour.roles.map((r) => r.name.toLowerCase());
  assert.ok(names.some((n) => n.includes('labour')) && names.some((n) => n.includes('labor')), names.join(', '));
});
