// The skills pages: My growth, Find people, Skills market. Expected values
// come from the API as the same user sees it (docs/API.md, "Skills").

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { request } from 'playwright-core';
import { startGuild } from './harness.mjs';
import { apiGet, navLink, signInWithForm, UI_TIMEOUT_MS, waitForHeading } from './helpers.mjs';

const FINDER_PAGE = 20;
const DEFAULT_LEVEL = 3;
const MARKET_QUERY = 'periods=6&period_weeks=4&limit=20';
let guild;
let page; // signed in as the demo member

const enc = encodeURIComponent;
const escapeRegExp = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const texts = async (locator) => (await locator.allInnerTexts()).map((t) => t.trim());

/** Creates a firm leader through the administrator's API session; returns its sign-in. */
async function createFirmLeader() {
  const admin = guild.signIns.administrator;
  const context = await request.newContext({ baseURL: guild.baseUrl });
  const session = await context.post('/api/v1/session', { data: { email: admin.email, password: admin.password } });
  assert.equal(session.status(), 200);
  const { csrf_token: csrf } = await session.json();
  const people = await (await context.get('/api/v1/people?limit=500')).json();
  const taken = new Set(Object.values(guild.signIns).map((s) => s.email.toLowerCase()));
  const person = people.items.reverse().find((p) => p.email && !taken.has(p.email.toLowerCase()));
  const who = { email: 'skills.firm.leader@example.test', password: 'a-long-enough-password-42' };
  const created = await context.post('/api/v1/admin/users', {
    data: { ...who, person_id: person?.id, role: 'firm_leader' },
    headers: { 'X-CSRF-Token': csrf },
  });
  assert.equal(created.status(), 201, `creating a firm leader answered ${created.status()}: ${await created.text()}`);
  await context.dispose();
  return who;
}

/** The status line of the finder's results once a search has finished. */
async function waitForResults(p) {
  await p.waitForFunction(() => {
    const status = document.querySelector('#finder-results [role=status]')?.textContent ?? '';
    return /\d+ of \d+/.test(status) || document.querySelector('#finder-results .alert, #finder-results .empty');
  }, null, { timeout: UI_TIMEOUT_MS });
}

/** An option of a type-ahead whose label is exactly `label`. */
function option(p, fieldId, label) {
  return p
    .locator(`#${fieldId}-listbox .typeahead__option`)
    .filter({ has: p.locator('.typeahead__label', { hasText: new RegExp(`^${escapeRegExp(label)}$`) }) })
    .first();
}

async function mySkillName() {
  const { user } = await apiGet(page, '/session');
  const growth = await apiGet(page, `/people/${enc(user.person_id)}/growth`);
  if (growth.skills.length) return growth.skills[0].name;
  const suggested = await apiGet(page, '/skills/suggest?q=a&limit=5');
  assert.ok(suggested.skills.length > 0, 'the demo firm should have a skill starting with "a"');
  return suggested.skills[0].name;
}

before(async () => {
  guild = await startGuild();
  page = await guild.newPage();
  await signInWithForm(page, guild.signIns.member);
});
after(async () => {
  await guild?.stop();
});

test('My growth shows my skills chart and table, history, and the follow / lead / walk-with lists', async () => {
  const { user } = await apiGet(page, '/session');
  assert.ok(user.person_id, 'the demo member is linked to a person');
  const growth = await apiGet(page, `/people/${enc(user.person_id)}/growth`);
  await (await navLink(page, 'My growth')).click();
  await waitForHeading(page, 'My growth');
  await page.locator('#growth-skills').waitFor({ timeout: UI_TIMEOUT_MS });

  if (growth.skills.length) {
    await page.locator('#growth-skills .chart__canvas[data-state=ready] svg').first().waitFor({ timeout: UI_TIMEOUT_MS });
    const rows = page.locator('#growth-skills tbody tr');
    assert.equal(await rows.count(), growth.skills.length);
    for (const s of growth.skills) {
      const row = rows.filter({ has: page.getByRole('rowheader', { name: s.name, exact: true }) }).first();
      const text = await row.innerText();
      assert.match(text, new RegExp(`${s.level} · ${escapeRegExp(s.level_name)}`));
      if (s.wants_to_grow) assert.match(text, /Wants to grow/);
    }
  } else {
    assert.match(await page.locator('#growth-skills').innerText(), /No skills recorded yet/);
  }

  // History: the chosen skill's recorded levels, oldest first.
  if (growth.history.length) {
    const chosen = await page.locator('#history-skill').inputValue();
    const expected = growth.history.filter((h) => h.skill.id === chosen).sort((a, b) => a.date.localeCompare(b.date));
    assert.ok(expected.length > 0, `the history picker chose ${chosen}, which has history`);
    assert.equal(await page.locator('#history-table tbody tr').count(), expected.length);
    await page.locator('#growth-history .chart__canvas[data-state=ready] svg').first().waitFor({ timeout: UI_TIMEOUT_MS });
  } else {
    assert.match(await page.locator('#growth-history').innerText(), /No history recorded yet/);
  }

  const lists = [
    ['#growth-follow', 'Mentors', growth.mentors],
    ['#growth-follow', 'Role models', growth.role_models],
    ['#growth-lead', 'Mentees', growth.mentees],
    ['#growth-peers', 'Peers', growth.peers],
  ];
  for (const [card, label, items] of lists) {
    const list = page.locator(`${card} ul[aria-label="${label}"] > li`);
    assert.equal(await list.count(), items.length, `${label}: as many rows as the API has`);
    assert.deepEqual(await texts(list.locator('.person-row__name')), items.map((i) => i.person.name), `${label}: same people, same order`);
    const whys = await texts(list.locator('.why'));
    assert.deepEqual(whys, items.map((i) => i.why).filter(Boolean), `${label}: each row says why`);
  }

  const circle = page.locator('#growth-circle');
  if (growth.circle) {
    for (const slot of ['senior', 'peer', 'junior']) {
      if (growth.circle[slot]) assert.match(await circle.innerText(), new RegExp(escapeRegExp(growth.circle[slot].person.name)));
    }
    if (growth.circle.next_review) {
      const [y, m, d] = growth.circle.next_review.split('-').map(Number);
      const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
      assert.match(await page.locator('#circle-reminder').innerText(), new RegExp(`once a quarter — next by ${d} ${month} ${y}`));
    }
  } else {
    assert.match(await circle.innerText(), /No circle yet/);
  }
});

test('picking a target role shows my gaps to it, most important first', async () => {
  const { user } = await apiGet(page, '/session');
  const roles = await apiGet(page, '/roles?q=a&limit=10');
  assert.ok(roles.roles.length > 0, 'the demo firm should have roles');
  const role = roles.roles[0];
  const expected = await apiGet(page, `/people/${enc(user.person_id)}/gaps?role=${enc(role.id)}`);
  await page.goto('/growth');
  await waitForHeading(page, 'My growth');
  await page.getByRole('combobox', { name: 'Target role' }).fill(role.name);
  await option(page, 'growth-role', role.name).click();
  await page.waitForURL(new RegExp(`role=${escapeRegExp(enc(role.id))}`), { timeout: UI_TIMEOUT_MS });
  await page.locator('.gaps__summary').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await page.locator('.gaps__summary').innerText(), new RegExp(escapeRegExp(expected.role.name)));
  if (expected.gaps.length) {
    assert.deepEqual(await texts(page.locator('#gaps-table tbody .gap__name')), expected.gaps.map((g) => g.skill.name));
  } else {
    assert.match(await page.locator('.gaps__summary').innerText(), /no gaps/);
  }
  // The role is in the address: reloading shows the same gaps.
  await page.reload();
  await page.locator('.gaps__summary').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await page.locator('.gaps__summary').innerText(), new RegExp(escapeRegExp(expected.role.name)));
});

test('finding people by a skill lists the ranked hits the API finds, each with its why', async () => {
  const name = await mySkillName();
  const expected = await apiGet(page, `/skills/search?need=${enc(`${name}:${DEFAULT_LEVEL}`)}&mode=all&limit=${FINDER_PAGE}`);
  await page.goto('/finder');
  await waitForHeading(page, 'Find people');
  assert.match(await page.locator('#finder-results').innerText(), /Add a skill to start/);
  await page.getByRole('combobox', { name: 'Skill' }).fill(name);
  await option(page, 'finder-skill', name).click();
  assert.deepEqual(await texts(page.locator('.needs .needs__skill')), [name]);
  await page.getByRole('button', { name: 'Find people', exact: true }).click();
  await page.waitForURL(/need=/, { timeout: UI_TIMEOUT_MS });
  await waitForResults(page);
  if (expected.hits.length === 0) {
    assert.match(await page.locator('#finder-results').innerText(), /No one matches/);
    return;
  }
  assert.match(await page.locator('#finder-results [role=status]').innerText(), new RegExp(`${expected.hits.length} of ${expected.total}`));
  const hits = page.locator('.hits > li');
  assert.deepEqual(await texts(hits.locator('.person-row__name')), expected.hits.map((h) => h.person.name));
  for (let i = 0; i < Math.min(3, expected.hits.length); i++) {
    assert.deepEqual(await texts(hits.nth(i).locator('.why-list li')), expected.hits[i].why);
    assert.match(await hits.nth(i).innerText(), new RegExp(`${expected.hits[i].needs_met} of 1 need met`));
  }
  // The query is in the address: a shared link gives the same results.
  const shared = page.url();
  const other = await guild.newPage();
  await signInWithForm(other, guild.signIns.member);
  await other.goto(shared);
  // The first render may show the empty state before the address's query runs: wait for the hits.
  await other.waitForFunction((n) => document.querySelectorAll('#finder-results .hits > li').length === n,
    expected.hits.length, { timeout: UI_TIMEOUT_MS });
  assert.deepEqual(await texts(other.locator('.hits > li .person-row__name')), expected.hits.map((h) => h.person.name));
});

test('an unknown skill shows "did you mean" buttons, and one of them searches for it', async () => {
  const name = await mySkillName();
  // One letter dropped: close to a real name, but not a name.
  const unknown = name.length > 4 ? name.slice(0, 2) + name.slice(3) : `${name}zq`;
  const response = await page.request.get(`/api/v1/skills/search?need=${enc(`${unknown}:${DEFAULT_LEVEL}`)}&mode=all&limit=${FINDER_PAGE}`);
  assert.equal(response.status(), 404, `"${unknown}" should be unknown`);
  const problem = await response.json();
  assert.ok(Array.isArray(problem.suggestions) && problem.suggestions.length > 0, `the API suggests names for "${unknown}"`);

  await page.goto('/finder');
  await waitForHeading(page, 'Find people');
  const field = page.getByRole('combobox', { name: 'Skill' });
  await field.fill(unknown);
  await field.press('Enter'); // adds what was typed
  await page.getByRole('button', { name: 'Find people', exact: true }).click();
  const alert = page.locator('.did-you-mean');
  await alert.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await alert.innerText(), new RegExp(`don't know the skill “${escapeRegExp(unknown)}”`));
  const buttons = alert.getByRole('list', { name: 'Did you mean' }).getByRole('button');
  assert.deepEqual(await texts(buttons), problem.suggestions);

  await buttons.first().click();
  await page.waitForFunction((want) => new URL(window.location.href).searchParams.getAll('need')[0] === want, `${problem.suggestions[0]}:${DEFAULT_LEVEL}`, { timeout: UI_TIMEOUT_MS });
  await waitForResults(page);
  // The alert goes once the new search answers (it may outlive the URL change by a moment).
  await page.locator('.did-you-mean').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  const expected = await apiGet(page, `/skills/search?need=${enc(`${problem.suggestions[0]}:${DEFAULT_LEVEL}`)}&mode=all&limit=${FINDER_PAGE}`);
  assert.deepEqual(await texts(page.locator('.hits > li .person-row__name')), expected.hits.map((h) => h.person.name));
});

test('the finder works with the keyboard alone', async () => {
  const name = await mySkillName();
  await page.goto('/finder');
  await waitForHeading(page, 'Find people');
  // Tab from the top of the page to the skill field.
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'finder-skill');
  }
  assert.ok(reached, 'Tab reaches the skill field');
  await page.keyboard.type(name.slice(0, Math.min(name.length, 6)));
  await page.locator('#finder-skill-listbox .typeahead__option').first().waitFor({ timeout: UI_TIMEOUT_MS });
  // Arrow down to the exact name, then Enter.
  const labels = await texts(page.locator('#finder-skill-listbox .typeahead__label'));
  const index = labels.indexOf(name);
  assert.ok(index >= 0, `"${name}" is among the suggestions ${JSON.stringify(labels)}`);
  for (let i = 0; i <= index; i++) await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#finder-skill').getAttribute('aria-activedescendant'), `finder-skill-option-${index}`);
  await page.keyboard.press('Enter');
  assert.deepEqual(await texts(page.locator('.needs .needs__skill')), [name]);
  assert.equal(await page.locator('#finder-skill').inputValue(), '', 'the field is cleared for the next skill');

  // Tab to the new need's level and raise it with the arrow key.
  let onLevel = false;
  for (let i = 0; i < 5 && !onLevel; i++) {
    await page.keyboard.press('Tab');
    onLevel = await page.evaluate(() => document.activeElement?.id === 'need-level-0');
  }
  assert.ok(onLevel, 'Tab reaches the level of the need');
  const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  assert.notEqual(outline, 'none', 'the focused field shows a focus ring');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.locator('#need-level-0').inputValue(), String(DEFAULT_LEVEL + 1));

  // On to the submit button, then Enter.
  let onSubmit = false;
  for (let i = 0; i < 30 && !onSubmit; i++) {
    await page.keyboard.press('Tab');
    onSubmit = await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Find people' && document.activeElement.tagName === 'BUTTON');
  }
  assert.ok(onSubmit, 'Tab reaches the Find people button');
  await page.keyboard.press('Enter');
  await page.waitForURL(new RegExp(`need=.*%3A${DEFAULT_LEVEL + 1}`), { timeout: UI_TIMEOUT_MS });
  await waitForResults(page);
  const expected = await apiGet(page, `/skills/search?need=${enc(`${name}:${DEFAULT_LEVEL + 1}`)}&mode=all&limit=${FINDER_PAGE}`);
  assert.deepEqual(await texts(page.locator('.hits > li .person-row__name')), expected.hits.map((h) => h.person.name));
});

test('a firm leader sees the market heatmap with its legend, the risks, teaching gaps and remedies', async () => {
  const leader = await createFirmLeader();
  const p = await guild.newPage();
  await signInWithForm(p, leader);
  const market = await apiGet(p, `/skills/market?${MARKET_QUERY}`);
  await (await navLink(p, 'Skills market')).click();
  await waitForHeading(p, 'Skills market');
  await p.locator('#market-heatmap').waitFor({ timeout: UI_TIMEOUT_MS });
  if (market.skills.length === 0) {
    assert.match(await p.locator('#market-heatmap').innerText(), /No demand in this range/);
  } else {
    await p.locator('#market-heatmap .chart__canvas[data-state=ready] svg').first().waitFor({ timeout: UI_TIMEOUT_MS });
    assert.match(await p.locator('#market-legend').innerText(), /Demand − supply per period, in hours/);
    assert.deepEqual(await texts(p.locator('#market-table tbody th')), market.skills.map((s) => s.skill.name));
    // Each period's column label is on the heatmap's axis: day, month and year (issue 23).
    const svgText = await p.locator('#market-heatmap svg').first().textContent();
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    for (const period of market.periods) {
      const [year, month, day] = period.split('-').map(Number);
      assert.ok(svgText.includes(`${day} ${months[month - 1]}`) && svgText.includes(String(year)), `the heatmap labels period ${period} with its year`);
    }
    // The ratio view keeps the same rows.
    await p.getByLabel('demand ÷ supply').check();
    await p.waitForURL(/show=ratio/);
    await p.locator('#market-legend', { hasText: 'Demand ÷ supply' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.deepEqual(await texts(p.locator('#market-table tbody th')), market.skills.map((s) => s.skill.name));

    const first = market.skills[0].skill;
    const remedies = await apiGet(p, `/skills/${enc(first.id)}/remedies?level=3`);
    await p.getByRole('button', { name: `Remedies for ${first.name}` }).click();
    await p.locator('#market-remedies .remedies__grid').waitFor({ timeout: UI_TIMEOUT_MS });
    assert.deepEqual(await texts(p.locator('#market-remedies ul[aria-label="Redeploy"] .person-row__name')), remedies.redeploy.map((c) => c.person.name));
    assert.deepEqual(await texts(p.locator('#market-remedies ul[aria-label="Develop"] .person-row__name')), remedies.develop.map((c) => c.person.name));
  }
  assert.equal(await p.locator('#market-risks li.risk').count(), market.key_person_risks.length);
  assert.equal(await p.locator('#market-teaching tbody tr').count(), market.teaching_gaps.length);
});

test('a member sees the market without remedies, and another person\'s growth follows the API\'s rules', async () => {
  await page.goto('/market');
  await waitForHeading(page, 'Skills market');
  await page.locator('#market-heatmap').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await page.getByRole('button', { name: /^Remedies for / }).count(), 0);
  // A member's market is redacted: the page says so and names no key person.
  const market = await apiGet(page, `/skills/market?${MARKET_QUERY}`);
  assert.equal(market.redacted, true);
  assert.ok(market.skills.every((s) => s.holders >= 3), 'no skill with fewer than 3 holders reaches a member');
  assert.match(await page.locator('#market-redacted').innerText(), new RegExp(`fewer than ${market.min_holders} people are left out`));
  assert.equal(await page.locator('#market-risks a').count(), 0);

  const { user } = await apiGet(page, '/session');
  const people = await apiGet(page, '/people?limit=500');
  const other = people.items.find((x) => x.id !== user.person_id);
  const response = await page.request.get(`/api/v1/people/${enc(other.id)}/growth`);
  await page.goto(`/people/${enc(other.id)}/growth`);
  if (response.status() === 200) {
    await waitForHeading(page, `Growth of ${other.name}`);
  } else {
    assert.equal(response.status(), 403);
    await waitForHeading(page, "You don't have access to this page");
  }
});
