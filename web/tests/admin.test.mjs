// An administrator: the Admin pages, a bad import read back as an error
// table (and nothing written), a good import, users and roles.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startGuild } from './harness.mjs';
import { apiGet, navLink, navLinks, signInWithForm, UI_TIMEOUT_MS, waitForHeading } from './helpers.mjs';

let guild;
let page;

before(async () => {
  guild = await startGuild();
  page = await guild.newPage();
  await signInWithForm(page, guild.signIns.administrator);
});
after(async () => {
  await guild?.stop();
});

// Line 2 is fine; lines 3, 4 and 5 each break one rule.
const BAD_PEOPLE_CSV = [
  'id,name,email,weekly_capacity_hours,start_date',
  'web-ok-1,Wendy Okay,wendy.okay@example.test,40,2020-01-06',
  'web-bad-2,Bad Email,not-an-email,40,2020-01-06',
  'web-bad-3,Bad Hours,bad.hours@example.test,lots,2020-01-06',
  'web-bad-4,Bad Date,bad.date@example.test,40,2020-13-45',
  '',
].join('\n');
const BAD_LINES = new Map([
  [3, 'email'],
  [4, 'weekly_capacity_hours'],
  [5, 'start_date'],
]);

async function upload(kind, name, text) {
  await page.goto('/admin/import');
  await page.getByLabel('What the file holds').selectOption(kind);
  await page.getByLabel('File', { exact: true }).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await page.getByRole('button', { name: 'Upload and import' }).click();
}

test('the nav has Admin, and /admin opens the import section', async () => {
  assert.deepEqual(await navLinks(page), ['Home', 'My growth', 'My goals', 'Check-ins', 'People', 'Find people', 'Teams', 'Skills market', 'Staffing', 'Form a team', 'Network', 'Clients', 'Admin']);
  await (await navLink(page, 'Admin')).click();
  await waitForHeading(page, 'Administration');
  await page.locator('#import').waitFor({ timeout: UI_TIMEOUT_MS });
});

test('a bad CSV is refused with a table of every bad line, and nothing is written', async () => {
  await upload('people', 'bad-people.csv', BAD_PEOPLE_CSV);
  const table = page.locator('#import-error-table');
  await table.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await page.getByRole('alert').first().innerText(), /not imported/);
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())),
  );
  const lines = new Set(rows.map((r) => Number(r[0])));
  assert.deepEqual([...lines].sort(), [...BAD_LINES.keys()].sort(), `rows: ${JSON.stringify(rows)}`);
  for (const [line, field] of BAD_LINES) {
    const row = rows.find((r) => Number(r[0]) === line && r[1] === field);
    assert.ok(row, `no error row for line ${line}, field ${field}: ${JSON.stringify(rows)}`);
    assert.ok(row[3].length > 0, `line ${line} says nothing about what was expected`);
  }
  const found = await apiGet(page, '/people?q=Wendy%20Okay');
  assert.equal(found.items.length, 0, 'the good line of a refused file must not be written');
});

test('a good CSV imports and reports what it did', async () => {
  const good = BAD_PEOPLE_CSV.split('\n').slice(0, 2).join('\n') + '\n';
  await upload('people', 'good-people.csv', good);
  const success = page.locator('.alert--success');
  await success.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await success.innerText(), /Imported 1 row/);
  const found = await apiGet(page, '/people?q=Wendy%20Okay');
  assert.equal(found.items.length, 1);
});

test('users: the list matches the API, a new user can be created and given another role', async () => {
  await page.goto('/admin/users');
  const table = page.locator('#users-table');
  await table.waitFor({ timeout: UI_TIMEOUT_MS });
  const first = await apiGet(page, '/admin/users?limit=50');
  const emails = (await table.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-user-email')))).sort();
  assert.deepEqual(emails, first.items.map((u) => u.email).sort());

  const email = 'new.colleague@example.test';
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Initial password').fill('a-long-enough-password-42');
  await page.getByLabel('Role', { exact: true }).selectOption('member');
  await page.getByRole('button', { name: 'Create user' }).click();
  await page.locator(`tr[data-user-email="${email}"]`).waitFor({ timeout: UI_TIMEOUT_MS });

  await page.getByLabel(`Role of ${email}`, { exact: true }).selectOption('firm_leader');
  await page.getByRole('button', { name: `Save role of ${email}` }).click();
  await page.getByRole('status').filter({ hasText: `${email} is now Firm leader` }).waitFor({ timeout: UI_TIMEOUT_MS });
  const after = await apiGet(page, '/admin/users?limit=500');
  assert.equal(after.items.find((u) => u.email === email)?.role, 'firm_leader');
});
