// The account leadership page and the client log in the browser, checked
// against the API as the same user sees it (60-person demo, seed 3).
//
// Account leadership (/clients/{id}/leadership): the leader of a key
// client's leadership team sees the accountable person, the shared goals
// with their statuses, the deliverables, the warnings and an editable RACI
// grid; a member of it the same, read-only; another team's leader gets the
// not-found page for that client exactly as for a client with no leadership
// team (the API answers 404 to both); the administrator reaches it from the
// client page, sees the bound warning of the leadership team the demo
// oversizes on purpose, and the empty state of a client without one.
//
// Client log (Team page of an engagement team): the leader adds an entry
// with the keyboard alone and it shows at the top; a blank note is refused
// with the server's problem beside the field; a member adds one too and
// reads the whole log page by page; a firm leader reads it without a form
// (the API refuses their write); another team's leader finds no such team.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot, startGuild } from './harness.mjs';
import { apiAs, createAccount, signInWithForm, UI_TIMEOUT_MS, waitForHeading } from './helpers.mjs';

const NOT_FOUND_LEADERSHIP = "We can't find that account leadership team";
const NOT_FOUND_TEAM = "We can't find that team";
const STATUS_WORDS = { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track', done: 'Done', missed: 'Missed' };

let guild;
let admin;
const apis = [];
const demoAccounts = new Map(); // person id -> the demo's sign-in for that person

before(async () => {
  guild = await startGuild();
  admin = await apiAs(guild.baseUrl, guild.signIns.administrator);
  for (const role of ['leader', 'member']) {
    const api = await apiAs(guild.baseUrl, guild.signIns[role]);
    demoAccounts.set((await api.get('/session')).user.person_id, guild.signIns[role]);
    await api.dispose();
  }
});
after(async () => {
  for (const api of apis) await api.dispose();
  await admin?.dispose();
  await guild?.stop();
});

/** The sign-in of the account linked to `personId` (the demo's, or a new member account). */
async function accountOf(personId) {
  if (!demoAccounts.has(personId)) {
    demoAccounts.set(personId, await createAccount(admin, { email: `ll.${personId}@example.test`, person_id: personId }));
  }
  return demoAccounts.get(personId);
}

async function clientOf(who) {
  const api = await apiAs(guild.baseUrl, who);
  apis.push(api);
  return api;
}

async function pageOf(who) {
  const page = await guild.newPage();
  await signInWithForm(page, who);
  return page;
}

/** A person who leads some team and for whom every path in `hidden` answers 404; null when nobody does. */
async function outsider(teams, exclude, hidden) {
  const leaders = [...new Set(teams.map((t) => t.leader_id).filter((id) => id && !exclude.has(id)))];
  for (const id of leaders) {
    const who = await accountOf(id);
    const api = await clientOf(who);
    const answers = await Promise.all(hidden.map((path) => api.send('GET', path)));
    if (answers.every((r) => r.status === 404)) return { who, api, id };
  }
  return null;
}

// ---------- Account leadership ----------

let lead; // the cast, found once
async function leadershipCast() {
  if (lead) return lead;
  const { items: teams } = await admin.get('/teams?limit=500');
  const withTeams = new Set(teams.filter((t) => t.leadership_team).map((t) => t.client_id));
  const { clients } = await admin.get('/clients?limit=500');
  const bare = clients.map((c) => c.client).find((c) => !withTeams.has(c.id));
  assert.ok(bare, 'the demo firm has a client without a leadership team');
  // The demo oversizes one leadership team on purpose: the administrator's test shows its warning.
  let oversized = null;
  // The cast's team: one with a member besides its leader, a free cell in its grid, and a leader of another team kept out of it.
  let team = null;
  let roles = null;
  let other = null;
  for (const t of teams.filter((t) => t.leadership_team && t.client_id && t.leader_id)) {
    const r = await admin.get(`/teams/${encodeURIComponent(t.id)}/roles`);
    if (r.warnings.some((w) => w.kind === 'leadership-team-too-large')) oversized ??= t;
    if (team || r.people.length < 2) continue;
    // The editing test sets a role in a free cell of a deliverable or relationship row.
    if (!r.rows.some((row) => row.kind !== 'goal' && r.people.some((p) => !row.cells.some((x) => x.person_id === p.person.id)))) continue;
    other = await outsider(teams, new Set(r.people.map((p) => p.person.id)), [
      `/clients/${encodeURIComponent(t.client_id)}/leadership`,
      `/clients/${encodeURIComponent(bare.id)}/leadership`,
      `/teams/${encodeURIComponent(t.id)}`,
    ]);
    if (other) [team, roles] = [t, r];
  }
  assert.ok(oversized, 'the demo firm has an oversized leadership team (it breaks one on purpose)');
  assert.ok(team, 'a leadership team with a member, and a leader of another team kept out of it');
  const clientId = team.client_id;
  const onTeam = roles.people.map((p) => p.person.id);
  const memberId = onTeam.find((id) => id !== team.leader_id && demoAccounts.has(id)) ?? onTeam.find((id) => id !== team.leader_id);
  const leader = await accountOf(team.leader_id);
  const member = await accountOf(memberId);
  lead = {
    team,
    oversized,
    clientId,
    bare,
    path: `/clients/${encodeURIComponent(clientId)}/leadership`,
    leader,
    leaderApi: await clientOf(leader),
    member,
    memberApi: await clientOf(member),
    other,
  };
  return lead;
}

/** Opens the leadership page and waits for its goals and grid. */
async function openLeadership(page, path) {
  await page.goto(path);
  await page.locator('#leadership-goals .goal, #leadership-goals .empty').first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.locator('#leadership-roles [role="grid"]').waitFor({ timeout: UI_TIMEOUT_MS });
}

async function shownGoals(page, scope) {
  return page.locator(`${scope} .goal`).evaluateAll((els) =>
    els.map((el) => ({ id: el.dataset.goalId, status: el.querySelector('.goal-status').textContent.trim() })),
  );
}

const byId = (a, b) => a.id.localeCompare(b.id);

test("the account leadership page shows its leader the API's team, goals, roles, deliverables and warnings, editable", async () => {
  const c = await leadershipCast();
  const api = await c.leaderApi.get(`${c.path}`);
  assert.equal(api.roles.can_change, true);
  const page = await pageOf(c.leader);
  await openLeadership(page, c.path);
  await waitForHeading(page, api.client.name);
  assert.match(await page.locator('.leadership__accountable').innerText(), new RegExp(`Accountable for the account:\\s*${api.accountable.name}`));
  assert.deepEqual(
    (await shownGoals(page, '#leadership-goals')).sort(byId),
    api.goals.goals.map((g) => ({ id: g.id, status: STATUS_WORDS[g.status] })).sort(byId),
  );
  for (const g of api.goals.goals) {
    const badge = page.locator(`#leadership-goals .goal[data-goal-id="${g.id}"] .goal-status`).first();
    assert.match(await badge.getAttribute('class'), new RegExp(`goal-status--${g.status}`));
  }
  await page.locator('#leadership-goals .chart--goals svg').first().waitFor({ timeout: UI_TIMEOUT_MS });
  // Warnings: exactly the API's, the bound among them.
  const warnings = await page.locator('#leadership-warnings .raci-warnings__item').allInnerTexts();
  assert.equal(warnings.length, api.roles.warnings.length);
  for (const w of api.roles.warnings) assert.ok(warnings.some((t) => t.includes(w.message)), w.message);
  // Deliverables: the API's deliverable rows, each with who is accountable.
  const deliverables = api.roles.rows.filter((r) => r.kind === 'deliverable');
  assert.deepEqual(
    await page.locator('#leadership-deliverables tbody th').allInnerTexts(),
    deliverables.map((r) => r.label),
  );
  assert.equal(await page.locator('#leadership-people li').count(), api.roles.people.length);
  // The grid is the leader's to change: a key sets a role and the API has it; Delete clears it.
  assert.equal(await page.locator('#leadership-roles [role="grid"]').getAttribute('aria-readonly'), 'false');
  const row = api.roles.rows.find((r) => r.kind !== 'goal' && api.roles.people.some((p) => !r.cells.some((x) => x.person_id === p.person.id)));
  assert.ok(row, 'some deliverable or relationship row has a person without a role');
  const person = api.roles.people.find((p) => !row.cells.some((x) => x.person_id === p.person.id)).person.id;
  const cell = page.locator(`#leadership-roles td[data-row="${row.id}"][data-person="${person}"]`);
  await cell.click();
  await page.keyboard.press('i');
  await page.locator(`#leadership-roles td[data-row="${row.id}"][data-person="${person}"]`, { hasText: 'I' }).waitFor({ timeout: UI_TIMEOUT_MS });
  const roleNow = async () =>
    (await c.leaderApi.get(`/teams/${encodeURIComponent(c.team.id)}/roles`)).rows.find((r) => r.id === row.id).cells.find((x) => x.person_id === person)?.role ?? null;
  assert.equal(await roleNow(), 'I');
  await page.keyboard.press('Delete');
  await page.locator(`#leadership-roles td[data-row="${row.id}"][data-person="${person}"][aria-label$="no role"]`).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await roleNow(), null);
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, 'account-leadership');
  // The leadership team's own page leads here.
  await page.goto(`/teams/${encodeURIComponent(c.team.id)}`);
  await page.getByRole('link', { name: 'Account leadership page' }).click();
  await waitForHeading(page, api.client.name);
  await page.context().close();
});

test('a member of the leadership team reads the page without controls', async () => {
  const c = await leadershipCast();
  const api = await c.memberApi.get(c.path);
  assert.equal(api.roles.can_change, false);
  const page = await pageOf(c.member);
  await openLeadership(page, c.path);
  await waitForHeading(page, api.client.name);
  assert.deepEqual(
    (await shownGoals(page, '#leadership-goals')).sort(byId),
    api.goals.goals.map((g) => ({ id: g.id, status: STATUS_WORDS[g.status] })).sort(byId),
  );
  assert.equal(await page.locator('#leadership-roles [role="grid"]').getAttribute('aria-readonly'), 'true');
  assert.equal(await page.getByRole('button', { name: 'Edit purpose' }).count(), 0);
  await page.locator('#leadership-roles [role="gridcell"]').first().click();
  await page.keyboard.press('a');
  await page.waitForTimeout(300);
  assert.deepEqual((await c.memberApi.get(c.path)).roles.rows, api.roles.rows);
  await screenshot(page, 'account-leadership-member');
  await page.context().close();
});

test("another team's leader finds no leadership team, for this client and for a client without one alike", async () => {
  const c = await leadershipCast();
  const page = await pageOf(c.other.who);
  const names = [];
  for (const client of [c.clientId, c.bare.id]) {
    assert.equal((await c.other.api.send('GET', `/clients/${encodeURIComponent(client)}/leadership`)).status, 404);
    await page.goto(`/clients/${encodeURIComponent(client)}/leadership`);
    await waitForHeading(page, NOT_FOUND_LEADERSHIP);
    names.push(await page.locator('main').innerText());
  }
  assert.equal(names[0], names[1], 'the two pages say the same');
  assert.ok(!names[0].includes(c.team.name));
  await page.context().close();
});

test('the administrator reaches the page from the client page; a client without a leadership team shows an empty state', async () => {
  const c = await leadershipCast();
  const api = await admin.get(c.path);
  const page = await pageOf(guild.signIns.administrator);
  await page.goto(`/clients/${encodeURIComponent(c.clientId)}`);
  const card = page.locator('#client-leadership');
  await card.getByRole('link', { name: 'Open the account leadership page' }).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await card.innerText(), new RegExp(`Accountable for the account:\\s*${api.accountable.name}`));
  const n = api.roles.warnings.length;
  assert.ok((await card.innerText()).includes(n === 0 ? 'no warnings about roles' : `${n} warning${n === 1 ? '' : 's'} about roles`));
  await page.waitForLoadState('networkidle');
  await screenshot(page, 'client-leadership-card');
  await card.getByRole('link', { name: 'Open the account leadership page' }).click();
  await waitForHeading(page, api.client.name);
  await page.locator('#leadership-roles [role="grid"]').waitFor({ timeout: UI_TIMEOUT_MS });

  // The oversized leadership team: its page warns about the bound, as the API does.
  const big = await admin.get(`/clients/${encodeURIComponent(c.oversized.client_id)}/leadership`);
  const bound = big.roles.warnings.find((w) => w.kind === 'leadership-team-too-large');
  await page.goto(`/clients/${encodeURIComponent(c.oversized.client_id)}/leadership`);
  await page.locator('#leadership-warnings .raci-warnings__item', { hasText: 'Leadership team too large' }).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.ok((await page.locator('#leadership-warnings').innerText()).includes(bound.message), bound.message);
  assert.equal(await page.locator('#leadership-people li').count(), big.roles.people.length);
  await screenshot(page, 'account-leadership-oversized');

  const bare = await admin.get(`/clients/${encodeURIComponent(c.bare.id)}/leadership`);
  assert.equal(bare.goals, null);
  await page.goto(`/clients/${encodeURIComponent(c.bare.id)}`);
  await page.locator('#client-leadership', { hasText: 'No account leadership team yet' }).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.goto(`/clients/${encodeURIComponent(c.bare.id)}/leadership`);
  await waitForHeading(page, c.bare.name);
  await page.locator('.empty', { hasText: 'No account leadership team' }).waitFor({ timeout: UI_TIMEOUT_MS });
  await screenshot(page, 'account-leadership-empty');
  await page.context().close();
});

// ---------- Client log ----------

let log;
async function logCast() {
  if (log) return log;
  const { items: teams } = await admin.get('/teams?limit=500');
  const candidates = teams.filter((t) => t.kind === 'engagement' && t.leader_id && t.member_count >= 2);
  candidates.sort((a, b) => Number(demoAccounts.has(b.leader_id)) - Number(demoAccounts.has(a.leader_id)));
  for (const team of candidates) {
    const detail = await admin.get(`/teams/${encodeURIComponent(team.id)}`);
    const memberId = detail.members.map((m) => m.person.id).find((id) => id !== team.leader_id);
    const goals = await admin.get(`/teams/${encodeURIComponent(team.id)}/goals`);
    if (!memberId || goals.log_engagements.length !== 1) continue;
    const engagement = goals.log_engagements[0];
    const logPath = `/engagements/${encodeURIComponent(engagement.id)}/log`;
    const path = `/teams/${encodeURIComponent(team.id)}`;
    const onIt = new Set([team.leader_id, ...detail.members.map((m) => m.person.id)]);
    const other = await outsider(teams, onIt, [path, logPath]);
    if (!other) continue;
    const leader = await accountOf(team.leader_id);
    const member = await accountOf(memberId);
    const firmLeader = await createAccount(admin, { email: 'll.firm.leader@example.test', role: 'firm_leader' });
    log = {
      team,
      path,
      engagement,
      logPath,
      field: (name) => `#log-${engagement.id}-${name}`,
      leader,
      leaderApi: await clientOf(leader),
      member,
      memberId,
      memberApi: await clientOf(member),
      firmLeader,
      firmLeaderApi: await clientOf(firmLeader),
      other,
    };
    return log;
  }
  assert.fail('the demo firm has no engagement team with a leader and a member');
}

async function wholeLog(api, logPath) {
  return (await api.get(`${logPath}?limit=200`)).items;
}

async function openLog(page, path) {
  await page.goto(path);
  await page.locator('#team-log .log-entry, #team-log .empty').first().waitFor({ timeout: UI_TIMEOUT_MS });
}

const shownIds = (page) => page.locator('#team-log .log-entry').evaluateAll((els) => els.map((el) => el.dataset.logId));

test('the leader adds a client log entry with the keyboard alone and it shows at the top', async () => {
  const c = await logCast();
  const before = await wholeLog(c.leaderApi, c.logPath);
  const page = await pageOf(c.leader);
  await openLog(page, c.path);
  assert.deepEqual(await shownIds(page), before.slice(0, 10).map((e) => e.id));
  // From the link above the page, Tab until the note field has focus.
  await page.getByRole('link', { name: 'Onboarding brief' }).focus();
  const changed = c.field('changed').slice(1);
  for (let i = 0; i < 400 && (await page.evaluate(() => document.activeElement?.id)) !== changed; i += 1) await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.id), changed, 'Tab reaches "What changed for the client"');
  await page.keyboard.type('The client signed off the VAT position paper.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Two invoices lack supplier VAT numbers.');
  await page.keyboard.press('Tab');
  await page.keyboard.type('The controller sends them by Friday.');
  for (let i = 0; i < 10 && (await page.evaluate(() => document.activeElement?.textContent?.trim())) !== 'Add to the log'; i += 1) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  const top = page.locator('#team-log .log-entry').first();
  await top.locator('.log-entry__changed', { hasText: 'The client signed off the VAT position paper.' }).waitFor({ timeout: UI_TIMEOUT_MS });
  const after = await wholeLog(c.leaderApi, c.logPath);
  assert.equal(after.length, before.length + 1);
  const entry = after.find((e) => e.changed === 'The client signed off the VAT position paper.');
  assert.equal(entry.issues, 'Two invoices lack supplier VAT numbers.');
  assert.equal(entry.resolution, 'The controller sends them by Friday.');
  assert.equal(entry.author.id, c.team.leader_id);
  // Newest first by date: the API lists it first too (ties on a day go by id).
  if (!before.some((e) => e.date >= entry.date)) assert.equal(after[0].id, entry.id);
  assert.equal(await top.getAttribute('data-log-id'), entry.id);
  assert.match(await top.innerText(), new RegExp(entry.author.name));
  assert.equal(await page.locator(c.field('changed')).inputValue(), '', 'the form is empty again');
  await page.locator('#team-log').scrollIntoViewIfNeeded();
  await screenshot(page, 'team-client-log');
  await page.context().close();
});

test("a blank note is refused: the server's problem shows beside the field and nothing is written", async () => {
  const c = await logCast();
  const before = await wholeLog(c.leaderApi, c.logPath);
  const page = await pageOf(c.leader);
  await openLog(page, c.path);
  await page.locator(c.field('changed')).focus();
  await page.keyboard.type('   ');
  await page.keyboard.press('Control+Enter');
  const error = page.locator(`${c.field('changed')}-error`);
  await error.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await error.innerText(), /non-empty note/);
  assert.equal(await page.locator(c.field('changed')).getAttribute('aria-invalid'), 'true');
  assert.match(await page.locator(c.field('changed')).getAttribute('aria-describedby'), new RegExp(`${c.field('changed').slice(1)}-error`));
  await page.locator('#team-log [role="alert"]', { hasText: 'The entry was not added' }).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.deepEqual(await wholeLog(c.leaderApi, c.logPath), before);
  await screenshot(page, 'team-client-log-error');
  await page.context().close();
});

test('a member adds an entry too, and reads the whole log page by page', async () => {
  const c = await logCast();
  // Enough entries for several pages (the page reads 10 at a time), dated in the past.
  for (let i = 1; i <= 24; i += 1) {
    const day = String(i).padStart(2, '0');
    const added = await c.memberApi.send('POST', c.logPath, { changed: `Weekly note ${i}`, date: `2025-01-${day}` });
    assert.equal(added.status, 201, JSON.stringify(added.body));
  }
  const page = await pageOf(c.member);
  await openLog(page, c.path);
  await page.locator(c.field('changed')).focus();
  await page.keyboard.type('Member note: the client’s new CFO starts on Monday.');
  await page.keyboard.press('Control+Enter');
  await page.locator('#team-log .log-entry').first().locator('.log-entry__changed', { hasText: 'Member note' }).waitFor({ timeout: UI_TIMEOUT_MS });
  const whole = await wholeLog(c.memberApi, c.logPath);
  // The API lists it first too, among the entries of its day (which go by id).
  const at = whole.findIndex((e) => e.changed === 'Member note: the client’s new CFO starts on Monday.');
  assert.ok(at >= 0 && whole.slice(0, at + 1).every((e) => e.date === whole[at].date), 'newest first');
  assert.equal(whole[at].author.id, c.memberId);
  assert.ok(whole.length > 20, 'the log spans more than two pages');
  // Reload: the first page, then "Show older entries" until the whole log is there, in the API's order.
  await openLog(page, c.path);
  assert.equal(await page.locator('#team-log .log-entry').count(), 10);
  for (let i = 0; i < 10 && (await page.getByRole('button', { name: 'Show older entries' }).count()) > 0; i += 1) {
    const shown = await page.locator('#team-log .log-entry').count();
    await page.getByRole('button', { name: 'Show older entries' }).click();
    await page.locator(`#team-log .log-entry >> nth=${Math.min(shown, whole.length - 1)}`).waitFor({ timeout: UI_TIMEOUT_MS });
  }
  await page.locator('#team-log .log-end').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.deepEqual(await shownIds(page), whole.map((e) => e.id));
  await page.context().close();
});

test('a firm leader reads the log without a form; a leader from elsewhere finds no such team', async () => {
  const c = await logCast();
  const whole = await wholeLog(c.firmLeaderApi, c.logPath);
  const goals = await c.firmLeaderApi.get(`${c.path}/goals`);
  assert.equal(goals.log_engagements[0].can_write, false);
  const page = await pageOf(c.firmLeader);
  await openLog(page, c.path);
  assert.deepEqual(await shownIds(page), whole.slice(0, 10).map((e) => e.id));
  assert.equal(await page.locator('#team-log form').count(), 0);
  assert.equal((await c.firmLeaderApi.send('POST', c.logPath, { changed: 'Not mine to write' })).status, 403);
  await page.context().close();

  const other = await pageOf(c.other.who);
  await other.goto(c.path);
  await waitForHeading(other, NOT_FOUND_TEAM);
  assert.equal(await other.locator('#team-log').count(), 0);
  assert.equal((await c.other.api.send('GET', c.logPath)).status, 404);
  assert.equal((await c.other.api.send('POST', c.logPath, { changed: 'Hijacked' })).status, 404);
  assert.deepEqual(await wholeLog(c.leaderApi, c.logPath), whole);
  await other.context().close();
});
