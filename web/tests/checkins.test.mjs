// Check-ins in the browser, checked against the API as each user sees it,
// and who sees what (docs/CHECKINS.md "Who sees what"): a member M submits a
// check-in with a blocker and a question to a teammate, by keyboard alone;
// the team's leader reads it on the team's check-in page; the teammate sees
// the question (Home, Check-ins) and answers it, but not the check-in; another
// team's leader and the administrator get the not-found page for the
// check-in's address and for the team's check-ins. Bad input (a blank "what
// changed" on submit) shows under its field and writes nothing. Screenshots
// of each page at 1280 and 390 px.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot, startGuild, VIEWPORTS } from './harness.mjs';
import { disposeCast, findTeamCast, signInCast } from './cast.mjs';
import { signInWithForm, UI_TIMEOUT_MS, waitForHeading } from './helpers.mjs';

const NOT_FOUND_CHECKIN = "We can't find that check-in";
const NOT_FOUND_TEAM = "We can't find that team";
const OPEN_STATUSES = new Set(['due', 'draft', 'overdue']);

let guild;
let cast;
const pages = {};

/** A member whose check-in with the team is still open this cycle. */
async function openInTeam(api, teamId) {
  const mine = await api.get('/checkins/me');
  const entry = mine.teams.find((t) => t.team.id === teamId);
  return entry !== undefined && OPEN_STATUSES.has(entry.status);
}

before(async () => {
  guild = await startGuild();
  cast = await findTeamCast(guild, { prefix: 'checkins', accept: openInTeam });
  Object.assign(pages, await signInCast(guild, cast));
});
after(async () => {
  await disposeCast(cast);
  await guild?.stop();
});

const teamCard = (page) => page.locator(`.checkin-card[data-team-id="${cast.team.id}"]`);
const fieldId = (name) => `checkin-${cast.team.id}-${name}`;
const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

async function openCheckins(page) {
  await page.goto('/checkins');
  await teamCard(page).locator('form').waitFor({ timeout: UI_TIMEOUT_MS });
}

/** Presses Tab until the element with `id` has the focus (at most `limit` presses). */
async function tabTo(page, id, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    if ((await activeId(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached #${id}`);
}

let submitted; // {checkinId, questionId, blocker, question, change}

test('the member submits a check-in with a blocker and a question to a teammate, by keyboard alone', async () => {
  const page = pages.member;
  await openCheckins(page);
  const mine = await cast.member.api.get('/checkins/me');
  const entry = mine.teams.find((t) => t.team.id === cast.team.id);
  // The cycle and due day the API gives, and the form prefilled from the last check-in.
  const card = teamCard(page);
  assert.match(await card.locator('.checkin-card__cycle').innerText(), new RegExp(`due ${await dueLabel(page, entry.cycle.due_on)}`));
  const prefill = entry.checkin?.client_change ?? entry.prefill?.client_change ?? '';
  assert.equal(await page.locator(`#${fieldId('client_change')}`).inputValue(), prefill);
  // The addressee picker lists the leader and the teammates, never the member.
  await page.locator(`#${fieldId('addressee')}`).waitFor({ timeout: UI_TIMEOUT_MS });
  const options = await page.locator(`#${fieldId('addressee')} option`).evaluateAll((els) => els.map((o) => o.value).filter(Boolean));
  const detail = await cast.admin.get(`/teams/${encodeURIComponent(cast.team.id)}`);
  const expected = new Set([cast.team.leader_id, ...detail.members.map((m) => m.person.id)]);
  expected.delete(cast.member.person.id);
  assert.deepEqual(new Set(options), expected);

  const change = `Client signed the phase 2 scope ${Date.now()}`;
  const blocker = 'Waiting for the client data room access';
  const question = 'Who holds the client relationship map?';
  await page.locator('main').focus();
  await tabTo(page, fieldId('client_change'));
  await page.keyboard.press('Control+A');
  await page.keyboard.type(change);
  // "Add a blocker" by Enter moves the focus into the new field.
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'Add a blocker') break;
  }
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Add a blocker');
  await page.keyboard.press('Enter');
  await page.waitForFunction((id) => document.activeElement?.id === id, fieldId('blocker-0'), { timeout: UI_TIMEOUT_MS });
  await page.keyboard.type(blocker);
  await tabTo(page, fieldId('addressee'));
  for (let i = 0; i < 60; i += 1) {
    if ((await page.locator(`#${fieldId('addressee')}`).inputValue()) === cast.teammate.person.id) break;
    await page.keyboard.press('ArrowDown');
  }
  assert.equal(await page.locator(`#${fieldId('addressee')}`).inputValue(), cast.teammate.person.id);
  await page.keyboard.press('Tab');
  assert.equal(await activeId(page), fieldId('question'));
  await page.keyboard.type(question);
  await page.keyboard.press('Control+Enter');
  await page.locator('.notice', { hasText: `Check-in with ${cast.team.name} submitted.` }).waitFor({ timeout: UI_TIMEOUT_MS });

  const after = await cast.member.api.get('/checkins/me');
  const now = after.teams.find((t) => t.team.id === cast.team.id);
  assert.equal(now.status, 'submitted');
  assert.equal(now.checkin.client_change, change);
  assert.ok(now.open_blockers.some((b) => b.text === blocker), 'the blocker is open');
  assert.equal(now.question.text, question);
  assert.equal(now.question.addressee.id, cast.teammate.person.id);
  submitted = { checkinId: now.checkin.id, questionId: now.question.id, blocker, question, change };
  // The page now shows it submitted, the blocker carried over with its "resolved" box, and the question asked.
  await teamCard(page).locator('[data-status="submitted"]').waitFor({ timeout: UI_TIMEOUT_MS });
  await teamCard(page).locator('.blocker-list li', { hasText: blocker }).locator('input[type="checkbox"]').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await teamCard(page).locator('.checkin-form__asked').innerText(), new RegExp(cast.teammate.person.name));
  await screenshot(page, 'checkins-member-1280');
});

async function dueLabel(page, iso) {
  return page.evaluate((d) => {
    const [y, m, day] = d.split('-').map(Number);
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    return `${day} ${months[m - 1]} ${y}`;
  }, iso);
}

test("the leader reads the check-in on the team's check-in page and nudges once per cycle", async () => {
  assert.ok(submitted, 'the member submitted first');
  const page = pages.leader;
  const view = await cast.leader.api.get(`/teams/${encodeURIComponent(cast.team.id)}/checkins`);
  await page.goto(`/teams/${encodeURIComponent(cast.team.id)}`);
  await page.getByRole('link', { name: 'Team check-ins' }).click();
  await waitForHeading(page, 'Team check-ins');
  // Every member with the API's status.
  const rows = await page.locator('.members-checkins tbody tr').evaluateAll((els) =>
    els.map((el) => ({ id: el.dataset.personId, status: el.dataset.status })),
  );
  assert.deepEqual(rows, view.members.map((m) => ({ id: m.person.id, status: m.status })));
  const row = page.locator(`.members-checkins tr[data-person-id="${cast.member.person.id}"]`);
  assert.equal(await row.getAttribute('data-status'), 'submitted');
  await row.locator('summary').click();
  await row.locator('details p', { hasText: submitted.change }).waitFor({ timeout: UI_TIMEOUT_MS });
  // Trends: the chart and one table row per cycle of the API's.
  const trends = await cast.leader.api.get(`/teams/${encodeURIComponent(cast.team.id)}/checkins/trends?cycles=12`);
  await page.locator('#checkin-trends .chart svg').first().waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await page.locator('.trends-table tbody tr').count(), trends.cycles.length);
  await screenshot(page, 'checkins-team-1280');
  // Nudge: the API's count, then nobody the second time in the cycle.
  const waiting = view.members.filter((m) => OPEN_STATUSES.has(m.status)).length;
  if (waiting > 0) {
    await page.getByRole('button', { name: 'Nudge everyone overdue' }).click();
    await page.locator('.nudge__result', { hasText: /Nudged \d+ (person|people)\./ }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.getByRole('button', { name: 'Nudge everyone overdue' }).click();
    await page.locator('.nudge__result', { hasText: 'Nobody to nudge' }).waitFor({ timeout: UI_TIMEOUT_MS });
  }
  // The check-in itself, with its blocker and question.
  await row.getByRole('link', { name: 'Blockers and question' }).click();
  await waitForHeading(page, `Check-in by ${cast.member.person.name}`);
  await page.locator('#checkin-blockers li', { hasText: submitted.blocker }).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.locator('#checkin-question .question__text', { hasText: submitted.question }).waitFor({ timeout: UI_TIMEOUT_MS });
  await screenshot(page, 'checkin-detail-1280');
});

test('the teammate sees the question (Home, Check-ins) and answers it, but not the check-in', async () => {
  assert.ok(submitted, 'the member submitted first');
  const page = pages.teammate;
  await page.goto('/');
  await page.locator(`#home-checkins li[data-question-id="${submitted.questionId}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
  await screenshot(page, 'home-checkins-1280');
  await page.locator(`#home-checkins li[data-question-id="${submitted.questionId}"] a`).click();
  const item = page.locator(`#questions-to-me .question[data-question-id="${submitted.questionId}"]`);
  await item.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal((await item.locator('.question__text').innerText()).trim(), submitted.question);
  const answer = 'Priya keeps it; ask her for the latest copy';
  await item.locator('textarea').focus();
  await page.keyboard.type(answer);
  await page.keyboard.press('Control+Enter');
  await item.locator('.question__answer', { hasText: answer }).waitFor({ timeout: UI_TIMEOUT_MS });
  const asked = await cast.member.api.get('/checkin-questions?from=me');
  assert.equal(asked.items.find((q) => q.id === submitted.questionId)?.answer, answer);
  // The check-in itself is not theirs to read.
  assert.equal((await cast.teammate.api.send('GET', `/checkins/${submitted.checkinId}`)).status, 404);
  await page.goto(`/checkins/${submitted.checkinId}`);
  await waitForHeading(page, NOT_FOUND_CHECKIN);
  // Nor the team's check-ins.
  await page.goto(`/teams/${encodeURIComponent(cast.team.id)}/checkins`);
  await waitForHeading(page, NOT_FOUND_TEAM);
});

test("another team's leader and the administrator get the not-found page for the check-in and the team's check-ins", async () => {
  assert.ok(submitted, 'the member submitted first');
  for (const [name, api] of [
    ['otherLeader', cast.otherLeader.api],
    ['admin', cast.admin],
  ]) {
    const page = pages[name];
    assert.equal((await api.send('GET', `/checkins/${submitted.checkinId}`)).status, 404, `${name}: GET the check-in`);
    assert.equal((await api.send('GET', `/teams/${encodeURIComponent(cast.team.id)}/checkins`)).status, 404, `${name}: the team's check-ins`);
    await page.goto(`/checkins/${submitted.checkinId}`);
    await waitForHeading(page, NOT_FOUND_CHECKIN);
    assert.equal(await page.getByText(submitted.change).count(), 0);
    await page.goto(`/teams/${encodeURIComponent(cast.team.id)}/checkins`);
    await waitForHeading(page, NOT_FOUND_TEAM);
    // The question is not theirs either.
    const theirs = await api.get('/checkin-questions?to=me');
    assert.ok(!theirs.items.some((q) => q.id === submitted.questionId), `${name} is not asked`);
  }
});

test('a blank "what changed" on submit shows under its field and writes nothing', async () => {
  const page = pages.teammate;
  const before = (await cast.teammate.api.get('/checkins/me')).teams.find((t) => t.team.id === cast.team.id);
  await openCheckins(page);
  const field = page.locator(`#${fieldId('client_change')}`);
  await field.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.press('Control+Enter');
  const error = page.locator(`#${fieldId('client_change')}-error`);
  await error.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await error.innerText(), /^Expected /);
  assert.equal(await field.getAttribute('aria-invalid'), 'true');
  assert.match((await field.getAttribute('aria-describedby')) ?? '', new RegExp(`${fieldId('client_change')}-error`));
  const after = (await cast.teammate.api.get('/checkins/me')).teams.find((t) => t.team.id === cast.team.id);
  assert.equal(after.status, before.status);
  assert.deepEqual(after.checkin, before.checkin);
  await screenshot(page, 'checkins-error-1280');
});

test('the check-in pages at phone width', async () => {
  assert.ok(submitted, 'the member submitted first');
  for (const [name, who, path, ready] of [
    ['checkins-member', cast.member.who, '/checkins', '.checkin-card form'],
    ['checkins-team', cast.leader.who, `/teams/${encodeURIComponent(cast.team.id)}/checkins`, '#checkin-trends .chart svg'],
    ['checkin-detail', cast.leader.who, `/checkins/${submitted.checkinId}`, '#checkin-blockers li'],
    ['home-checkins', cast.member.who, '/', '#home-checkins'],
  ]) {
    const page = await guild.newPage(VIEWPORTS.phone);
    await signInWithForm(page, who);
    await page.goto(path);
    await page.locator(ready).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await page.waitForLoadState('networkidle');
    await screenshot(page, `${name}-390`);
    await page.context().close();
  }
  // A member's nav keeps to one line at 1280 px with "Check-ins" in it (with and without an unread badge).
  for (const name of ['member', 'teammate']) {
    const nav = pages[name].getByRole('navigation', { name: 'Main' });
    await pages[name].goto('/');
    await nav.getByRole('link', { name: 'Check-ins' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const tops = await nav.getByRole('link').evaluateAll((els) => [...new Set(els.map((el) => Math.round(el.getBoundingClientRect().top)))]);
    assert.equal(tops.length, 1, `${name}: the nav wraps onto ${tops.length} lines`);
  }
});

test("the member records a goal's progress from the check-in form, in the same save", async () => {
  assert.ok(submitted, 'the member submitted first');
  const page = pages.member;
  const api = cast.member.api;
  const due = new Date(Date.now() + 120 * 86400000).toISOString().slice(0, 10);
  const created = await api.send('POST', '/goals', {
    title: `Billable hours in the check-in ${Date.now()}`,
    metric: 'Billable hours',
    unit: 'h',
    start_value: 0,
    target_value: 100,
    due_date: due,
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const goal = created.body;
  // Personal goals are in the first team's form only (docs/CHECKINS.md).
  const myTeams = (await api.get('/checkins/me')).teams.map((t) => t.team.id);
  const home = myTeams[0];
  const homeField = (name) => `checkin-${home}-${name}`;
  try {
    await openCheckins(page);
    const card = page.locator(`.checkin-card[data-team-id="${home}"]`);
    const item = card.locator(`.checkin-goal[data-goal-id="${goal.id}"]`);
    await item.waitFor({ timeout: UI_TIMEOUT_MS });
    // The API's open goals of mine that belong with this team: personal ones and this team's I may update.
    const mine = await api.get('/me/goals');
    const open = (g) => g.can_update && !['done', 'missed'].includes(g.status);
    const expected = [...mine.personal, ...mine.team.filter((g) => g.team?.id === home)].filter(open).map((g) => g.id);
    const shown = await card.locator('.checkin-goal').evaluateAll((els) => els.map((el) => el.dataset.goalId));
    assert.deepEqual([...shown].sort(), [...expected].sort());
    // Every other team's form: its own goals only, and where the personal ones are.
    for (const other of myTeams.slice(1)) {
      const otherCard = page.locator(`.checkin-card[data-team-id="${other}"]`);
      if ((await otherCard.locator('form').count()) === 0) continue;
      const ids = await otherCard.locator('.checkin-goal').evaluateAll((els) => els.map((el) => el.dataset.goalId));
      assert.deepEqual(ids.sort(), mine.team.filter((g) => g.team?.id === other).filter(open).map((g) => g.id).sort());
      await otherCard.locator('.checkin-goals__elsewhere', { hasText: 'Your personal goals are in your check-in with' }).waitFor({ timeout: UI_TIMEOUT_MS });
    }
    assert.match(await item.innerText(), /Billable hours: 0 h → 100 h/);

    // The value, then the form's own save: the check-in and the progress together.
    const field = page.locator(`#${homeField(`goal-${goal.id}`)}`);
    await field.focus();
    await page.keyboard.type('42');
    const change = `Scope agreed, hours logged ${Date.now()}`;
    await page.locator(`#${homeField('client_change')}`).fill(change);
    await page.keyboard.press('Control+Enter');
    await page.locator('.notice', { hasText: 'Progress recorded for 1 goal.' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const detail = await api.get(`/goals/${encodeURIComponent(goal.id)}`);
    assert.equal(detail.goal.current_value, 42);
    assert.equal(detail.updates.length, 1);
    const entry = (await api.get('/checkins/me')).teams.find((t) => t.team.id === home);
    assert.equal(entry.checkin.client_change, change);
    // The form shows where the goal stands now, and the field is empty again.
    await card.locator(`.checkin-goal[data-goal-id="${goal.id}"] .goal__facts`, { hasText: 'now 42 h' }).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await page.locator(`#${homeField(`goal-${goal.id}`)}`).inputValue(), '');
    await screenshot(page, 'checkins-goals-1280');
  } finally {
    await api.send('DELETE', `/goals/${encodeURIComponent(goal.id)}`);
  }
  // Without open goals for this form, its empty state.
  const rest = await api.get('/me/goals');
  const left = [...rest.personal, ...rest.team.filter((g) => g.team?.id === home)].filter(
    (g) => g.can_update && !['done', 'missed'].includes(g.status),
  );
  await openCheckins(page);
  const homeCard = page.locator(`.checkin-card[data-team-id="${home}"]`);
  if (left.length === 0) {
    await homeCard.locator('.checkin-goals__empty', { hasText: 'No open goals to update' }).waitFor({ timeout: UI_TIMEOUT_MS });
  } else {
    assert.equal(await homeCard.locator('.checkin-goal').count(), left.length);
  }
});

test('the leader sets the cadence on the team check-ins page (custom, off and back); a member cannot see the control', async () => {
  const page = pages.leader;
  const apiPath = `/teams/${encodeURIComponent(cast.team.id)}/checkins`;
  const original = (await cast.leader.api.get(apiPath)).cadence_days;
  const choice = page.locator(`#cadence-${cast.team.id}-choice`);
  const setButton = page.getByRole('button', { name: 'Set cadence' });
  const notice = (text) => page.locator('.cadence-notice', { hasText: text }).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.goto(apiPath);
  await waitForHeading(page, 'Team check-ins');
  assert.equal(await choice.inputValue(), { 7: 'weekly', 14: 'fortnightly' }[original] ?? 'custom');

  // Fortnightly, by keyboard: the select, then Enter on the button.
  await choice.focus();
  await choice.selectOption('fortnightly');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), 'Set cadence');
  await page.keyboard.press('Enter');
  await notice('Check-ins are now fortnightly.');
  assert.equal((await cast.leader.api.get(apiPath)).cadence_days, 14);
  await page.locator('.cadence-now', { hasText: 'fortnightly' }).waitFor({ timeout: UI_TIMEOUT_MS });

  // A custom number out of range: the API's message under the field, nothing changed.
  await choice.selectOption('custom');
  const days = page.locator(`#cadence-${cast.team.id}-days`);
  await days.fill('92');
  await setButton.click();
  const error = page.locator(`#cadence-${cast.team.id}-days-error`);
  await error.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await error.innerText(), /^Expected .*1 to 91/);
  assert.equal(await days.getAttribute('aria-invalid'), 'true');
  assert.equal((await cast.leader.api.get(apiPath)).cadence_days, 14);
  await days.fill('10');
  await setButton.click();
  await notice('Check-ins are now every 10 days.');
  assert.equal((await cast.leader.api.get(apiPath)).cadence_days, 10);
  await screenshot(page, 'checkins-team-cadence-1280');

  // Off: the page keeps only the control; turning them on again brings the cycle back.
  await choice.selectOption('off');
  await setButton.click();
  await notice('Check-ins are now off.');
  await page.locator('#checkin-cadence', { hasText: 'Check-ins' }).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await choice.inputValue(), 'off');
  assert.equal(await page.locator('.members-checkins').count(), 0);
  assert.ok(!(await cast.member.api.get('/checkins/me')).teams.some((t) => t.team.id === cast.team.id), 'off for the member too');
  await screenshot(page, 'checkins-team-off-1280');
  await choice.selectOption(original === 7 ? 'weekly' : 'custom');
  if (original !== 7) await days.fill(String(original));
  await setButton.click();
  await page.locator('.members-checkins').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal((await cast.leader.api.get(apiPath)).cadence_days, original);

  // A member of the team: the not-found page, no control; the API refuses them.
  const memberPage = pages.member;
  await memberPage.goto(apiPath);
  await waitForHeading(memberPage, NOT_FOUND_TEAM);
  assert.equal(await memberPage.locator(`#cadence-${cast.team.id}-choice`).count(), 0);
  assert.equal((await cast.member.api.send('PUT', `/teams/${encodeURIComponent(cast.team.id)}/checkin-cadence`, { days: 14 })).status, 403);
  assert.equal((await cast.leader.api.get(apiPath)).cadence_days, original);
});

test('a cadence set on a page read before someone else changed the team is refused (412): the page reloads and says so', async () => {
  const page = pages.leader;
  const teamPathApi = `/teams/${encodeURIComponent(cast.team.id)}`;
  const apiPath = `${teamPathApi}/checkins`;
  const original = (await cast.leader.api.get(apiPath)).cadence_days;
  const purpose = (await cast.leader.api.get(teamPathApi)).purpose;
  await page.goto(apiPath);
  await waitForHeading(page, 'Team check-ins');
  // The page has read the team's ETag; another leader's write changes the team.
  await page.waitForLoadState('networkidle');
  const changed = await cast.leader.api.send('PUT', `${teamPathApi}/purpose`, { purpose: `${purpose || 'Serve our clients'} (changed elsewhere)` });
  assert.equal(changed.status, 200);
  const choice = page.locator(`#cadence-${cast.team.id}-choice`);
  await choice.selectOption(original === 14 ? 'weekly' : 'fortnightly');
  await page.getByRole('button', { name: 'Set cadence' }).click();
  await page.locator('.cadence-notice', { hasText: 'Someone else changed this team' }).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal((await cast.leader.api.get(apiPath)).cadence_days, original);
  // Reloaded with the new version: setting it again goes through.
  await page.waitForLoadState('networkidle');
  await choice.selectOption(original === 14 ? 'weekly' : 'fortnightly');
  await page.getByRole('button', { name: 'Set cadence' }).click();
  await page.locator('.cadence-notice', { hasText: 'Check-ins are now' }).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal((await cast.leader.api.get(apiPath)).cadence_days, original === 14 ? 7 : 14);
  // Put the team back as it was.
  assert.equal((await cast.leader.api.send('PUT', `${teamPathApi}/checkin-cadence`, { days: original })).status, 200);
  if (purpose) assert.equal((await cast.leader.api.send('PUT', `${teamPathApi}/purpose`, { purpose })).status, 200);
});
