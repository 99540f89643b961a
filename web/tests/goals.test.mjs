// Purpose, goals and roles in the browser, checked against the API as the
// same user sees it: the team page (purpose and its history, the goal tree
// with its status colours and charts, the RACI grid edited with the keyboard
// alone, the warnings), "My goals", the onboarding brief in print, and who
// sees and edits what: a member, their team's leader, another team's leader
// and the administrator (personal goals are the person's and their leaders'
// until shared; a team's goals and roles are changed by its leaders and
// administrators, read by its members, and do not exist for anyone else).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot, startGuild } from './harness.mjs';
import { apiAs, apiGet, createAccount, signInWithForm, UI_TIMEOUT_MS, waitForHeading } from './helpers.mjs';

let guild;
let leader;
let member;
let team; // a team the leader leads, with goals

before(async () => {
  guild = await startGuild();
  leader = await guild.newPage();
  await signInWithForm(leader, guild.signIns.leader);
  member = await guild.newPage();
  await signInWithForm(member, guild.signIns.member);
  const { user } = await apiGet(leader, '/session');
  const { items } = await apiGet(leader, '/teams?limit=500');
  // A team the leader leads with goals; one whose RACI grid has a free cell
  // first (the keyboard test sets a role in it), as the demo's teams differ.
  let withGoals = null;
  for (const t of items.filter((t) => t.leader_id === user.person_id)) {
    const goals = await apiGet(leader, `/teams/${encodeURIComponent(t.id)}/goals`);
    if (!goals.goals.some((g) => g.team?.id === t.id)) continue;
    withGoals ??= t;
    const roles = await apiGet(leader, `/teams/${encodeURIComponent(t.id)}/roles`);
    const people = roles.people.map((p) => p.person.id);
    if (roles.rows.some((row) => people.some((p) => !row.cells.some((c) => c.person_id === p)))) {
      team = t;
      break;
    }
  }
  team ??= withGoals;
  assert.ok(team, 'the demo leader should lead a team with goals');
});
after(async () => {
  if (cast) for (const api of [cast.admin, cast.memberApi, cast.myLeaderApi, cast.otherLeaderApi]) await api.dispose();
  await guild?.stop();
});

async function openTeam(page, id) {
  await page.goto(`/teams/${encodeURIComponent(id)}`);
  await page.locator('#team-goals .goal').first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.locator('#team-roles .raci__grid').waitFor({ timeout: UI_TIMEOUT_MS });
}

test('the team page shows the purpose and the goal tree with the API statuses and a chart', async () => {
  const goals = await apiGet(leader, `/teams/${encodeURIComponent(team.id)}/goals`);
  await openTeam(leader, team.id);
  await waitForHeading(leader, team.name);
  assert.equal((await leader.locator('.purpose__text').innerText()).trim(), goals.team.purpose.trim());
  const shown = await leader.locator('#team-goals .goal').evaluateAll((els) =>
    els.map((el) => ({ id: el.dataset.goalId, status: el.querySelector('.goal-status').textContent.trim() })),
  );
  const labels = { 'on-track': 'On track', 'at-risk': 'At risk', 'off-track': 'Off track', done: 'Done', missed: 'Missed' };
  assert.deepEqual(
    [...shown].sort((a, b) => a.id.localeCompare(b.id)),
    goals.goals.map((g) => ({ id: g.id, status: labels[g.status] })).sort((a, b) => a.id.localeCompare(b.id)),
  );
  // Each status shows in its own colour class beside its word.
  for (const g of goals.goals) {
    const badge = leader.locator(`.goal[data-goal-id="${g.id}"] .goal-status`).first();
    assert.match(await badge.getAttribute('class'), new RegExp(`goal-status--${g.status}`));
  }
  await leader.locator('.chart--goals svg').first().waitFor({ timeout: UI_TIMEOUT_MS });
  // A goal's progress history opens as a chart and a table of the API's updates.
  const own = goals.goals.find((g) => g.team?.id === team.id && g.current_value !== null);
  assert.ok(own, 'the demo team has a goal with recorded progress');
  {
    const detail = await apiGet(leader, `/goals/${encodeURIComponent(own.id)}`);
    await leader.locator(`.goal[data-goal-id="${own.id}"]`).getByRole('button', { name: 'Show progress' }).click();
    const rows = leader.locator(`.goal[data-goal-id="${own.id}"] .goal__details tbody tr`);
    await rows.first().waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await rows.count(), Math.min(12, detail.updates.length));
    await leader.locator(`.goal[data-goal-id="${own.id}"] .chart--history svg`).waitFor({ timeout: UI_TIMEOUT_MS });
  }
  await screenshot(leader, 'team-goals');
});

test('the warnings panel lists exactly the API warnings', async () => {
  const roles = await apiGet(leader, `/teams/${encodeURIComponent(team.id)}/roles`);
  await openTeam(leader, team.id);
  const items = await leader.locator('#team-warnings .raci-warnings__item').allInnerTexts();
  assert.equal(items.length, roles.warnings.length);
  for (const w of roles.warnings) assert.ok(items.some((t) => t.includes(w.message)), w.message);
});

async function cellRole(page, teamId, rowId, personId) {
  const roles = await apiGet(page, `/teams/${encodeURIComponent(teamId)}/roles`);
  const row = roles.rows.find((r) => r.id === rowId);
  return row.cells.find((c) => c.person_id === personId)?.role ?? null;
}

test('the leader edits the RACI grid with the keyboard alone', async () => {
  const roles = await apiGet(leader, `/teams/${encodeURIComponent(team.id)}/roles`);
  await openTeam(leader, team.id);
  // Reach the grid by Tab from the button before it.
  await leader.getByRole('button', { name: 'Onboarding brief' }).or(leader.getByRole('link', { name: 'Onboarding brief' })).first().focus();
  for (let i = 0; i < 200; i += 1) {
    await leader.keyboard.press('Tab');
    if (await leader.evaluate(() => document.activeElement?.getAttribute('role') === 'gridcell')) break;
  }
  const first = await leader.evaluate(() => ({
    row: document.activeElement?.dataset.row,
    person: document.activeElement?.dataset.person,
  }));
  assert.ok(first.row, 'Tab reaches a cell of the grid');
  // Find a cell (row, person) without a role and not the goal owner: move there with arrows.
  const people = roles.people.map((p) => p.person.id);
  let target = null;
  roles.rows.forEach((row, r) => {
    people.forEach((p, c) => {
      if (!target && row.kind !== 'goal' && !row.cells.some((cell) => cell.person_id === p)) target = { r, c, row, person: p };
    });
  });
  if (!target) {
    roles.rows.forEach((row, r) => {
      people.forEach((p, c) => {
        if (!target && !row.cells.some((cell) => cell.person_id === p)) target = { r, c, row, person: p };
      });
    });
  }
  assert.ok(target, 'some cell has no role');
  for (let i = 0; i < target.r; i += 1) await leader.keyboard.press('ArrowDown');
  await leader.keyboard.press('Home');
  for (let i = 0; i < target.c; i += 1) await leader.keyboard.press('ArrowRight');
  const at = await leader.evaluate(() => ({ row: document.activeElement?.dataset.row, person: document.activeElement?.dataset.person }));
  assert.deepEqual(at, { row: target.row.id, person: target.person });
  await leader.keyboard.press('c');
  await leader.locator(`td[data-row="${target.row.id}"][data-person="${target.person}"]`, { hasText: 'C' }).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await cellRole(leader, team.id, target.row.id, target.person), 'C');
  await screenshot(leader, 'team-raci');
  await leader.keyboard.press('Delete');
  await leader.locator(`td[data-row="${target.row.id}"][data-person="${target.person}"][aria-label$="no role"]`).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await cellRole(leader, team.id, target.row.id, target.person), null);
  // A second accountable person on a deliverable is refused and nothing changes.
  const deliverable = roles.rows.findIndex((row) => row.kind === 'deliverable' && row.cells.filter((c) => c.role === 'A').length === 1);
  assert.ok(deliverable >= 0, 'the demo team has a deliverable with one accountable person');
  {
    const row = roles.rows[deliverable];
    const other = people.findIndex((p) => !row.cells.some((c) => c.person_id === p && c.role === 'A'));
    await leader.keyboard.press('Home');
    const now = roles.rows.findIndex((r) => r.id === at.row);
    for (let i = 0; i < Math.abs(deliverable - now); i += 1) await leader.keyboard.press(deliverable > now ? 'ArrowDown' : 'ArrowUp');
    for (let i = 0; i < other; i += 1) await leader.keyboard.press('ArrowRight');
    const before = await cellRole(leader, team.id, row.id, people[other]);
    await leader.keyboard.press('a');
    await leader.locator('#team-roles [role="alert"]').waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await cellRole(leader, team.id, row.id, people[other]), before);
  }
});

test('a member sees the grid but cannot change it', async () => {
  const { user } = await apiGet(member, '/session');
  const { items } = await apiGet(member, '/teams?limit=500');
  // A team of the member's with a matrix (their people team, for check-ins,
  // has no goals and so no grid).
  let mine;
  let roles;
  for (const t of items.filter((t) => t.leader_id !== user.person_id)) {
    const r = await apiGet(member, `/teams/${encodeURIComponent(t.id)}/roles`);
    if (r.rows.length > 0) {
      mine = t;
      roles = r;
      break;
    }
  }
  assert.ok(mine, 'the member is on a team with a RACI matrix');
  assert.equal(roles.can_change, false);
  await member.goto(`/teams/${encodeURIComponent(mine.id)}`);
  const cell = member.locator('#team-roles [role="gridcell"]').first();
  await cell.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await member.locator('#team-roles [role="grid"]').getAttribute('aria-readonly'), 'true');
  await cell.click();
  await member.keyboard.press('a');
  await member.waitForTimeout(300);
  const after = await apiGet(member, `/teams/${encodeURIComponent(mine.id)}/roles`);
  assert.deepEqual(after.rows, roles.rows);
  assert.equal(await member.getByRole('button', { name: 'Edit purpose' }).count(), 0);
});

test('the leader edits the purpose with the keyboard and the history shows it', async () => {
  await openTeam(leader, team.id);
  await leader.getByRole('button', { name: 'Edit purpose' }).focus();
  await leader.keyboard.press('Enter');
  const box = leader.getByLabel(/The end this team serves/);
  await box.waitFor({ timeout: UI_TIMEOUT_MS });
  await box.fill('Be the team our client trusts with its hardest questions');
  await leader.keyboard.press('Tab');
  await leader.keyboard.press('Enter');
  await leader.locator('.purpose__text', { hasText: 'Be the team our client trusts' }).waitFor({ timeout: UI_TIMEOUT_MS });
  const goals = await apiGet(leader, `/teams/${encodeURIComponent(team.id)}/goals`);
  assert.equal(goals.team.purpose, 'Be the team our client trusts with its hardest questions');
  assert.equal(goals.purpose_history.at(-1).after, goals.team.purpose);
  await leader.locator('.purpose__history summary').click();
  assert.match(await leader.locator('.purpose-history').innerText(), /Be the team our client trusts/);
});

test('My goals: add a personal goal, record progress, share it', async () => {
  await member.goto('/goals');
  await waitForHeading(member, 'My goals');
  await member.getByLabel('Goal', { exact: true }).fill('Lead a client meeting');
  await member.getByLabel('What you measure').fill('meetings led');
  await member.getByLabel('Where it stands now').fill('0');
  await member.getByLabel('Target').fill('3');
  await member.getByLabel('Due date').fill('2099-12-31');
  await member.getByRole('button', { name: 'Add goal' }).click();
  const card = member.locator('#personal-goals .goal', { hasText: 'Lead a client meeting' });
  await card.waitFor({ timeout: UI_TIMEOUT_MS });
  const mine = await apiGet(member, '/me/goals');
  const created = mine.personal.find((g) => g.title === 'Lead a client meeting');
  assert.ok(created);
  assert.equal(created.shared, false);
  await card.getByLabel(/meetings led now/).fill('1');
  await card.getByRole('button', { name: 'Record progress' }).click();
  await member.locator('#personal-goals .goal', { hasText: 'Lead a client meeting' }).locator('.goal-progress__text', { hasText: '33%' }).waitFor({ timeout: UI_TIMEOUT_MS });
  await card.getByLabel(/Shared with everyone/).check();
  await member.waitForTimeout(300);
  const after = (await apiGet(member, '/me/goals')).personal.find((g) => g.id === created.id);
  assert.equal(after.current_value, 1);
  assert.equal(after.shared, true);
  await screenshot(member, 'my-goals');
});

test('the onboarding brief prints on one page without the application around it', async () => {
  const brief = await apiGet(leader, `/teams/${encodeURIComponent(team.id)}/brief`);
  await leader.goto(`/teams/${encodeURIComponent(team.id)}/brief`);
  await waitForHeading(leader, team.name);
  assert.match(await leader.locator('.brief__purpose').innerText(), new RegExp(brief.goals.team.purpose.slice(0, 20)));
  assert.equal(await leader.locator('.brief__goals tbody tr').count(), brief.goals.goals.length);
  assert.equal(await leader.locator('.brief__log li').count(), brief.log.length);
  await leader.emulateMedia({ media: 'print' });
  assert.equal(await leader.locator('.app-header').isVisible(), false);
  assert.equal(await leader.getByRole('button', { name: 'Print' }).isVisible(), false);
  const pdf = await leader.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
  assert.equal(pages, 1, 'the brief fits one A4 page');
  await screenshot(leader, 'team-brief-print');
  await leader.emulateMedia({ media: 'screen' });
});

// ---------- Who sees and edits what, per role ----------
// The member; a leader of a team the member is on ("my leader"); the leader of
// a team the member is not on, who is not their manager ("another team's
// leader"); the administrator. Personal goals are the person's and their
// leaders' (and manager's) only, until the person shares them; no role
// overrides that, not even the administrator's.

/**
 * Finds the cast in the demo firm and makes their accounts: a member M of a
 * team T (M leads nothing), T's leader ("my leader"), and a person who leads
 * some team but neither manages M nor is on or leads any team of M's (leaders
 * of a client's engagements lead its account team too, so each candidate is
 * checked against the API: every team of M's answers 404 to them).
 */
async function viewers() {
  const admin = await apiAs(guild.baseUrl, guild.signIns.administrator);
  const { items: teams } = await admin.get('/teams?limit=500');
  const leaders = [...new Set(teams.map((t) => t.leader_id).filter(Boolean))];
  // The demo's own accounts are linked to people already: use them for those people.
  const demo = new Map();
  for (const role of ['leader', 'member']) {
    const api = await apiAs(guild.baseUrl, guild.signIns[role]);
    demo.set((await api.get('/session')).user.person_id, guild.signIns[role]);
    await api.dispose();
  }
  const account = async (personId, email) => demo.get(personId) ?? (await createAccount(admin, { email, person_id: personId }));
  const tried = new Map(); // a leader's person id -> {who, api}
  const clientOf = async (personId) => {
    if (!tried.has(personId)) {
      const who = await account(personId, `goals.leader.${personId}@example.test`);
      tried.set(personId, { who, api: await apiAs(guild.baseUrl, who) });
    }
    return tried.get(personId);
  };
  for (const team of teams.filter((t) => t.leader_id)) {
    const detail = await admin.get(`/teams/${encodeURIComponent(team.id)}`);
    for (const { person } of detail.members) {
      if (leaders.includes(person.id)) continue;
      const profile = await admin.get(`/people/${encodeURIComponent(person.id)}`);
      const mine = new Set(profile.teams.map((t) => t.id));
      const excluded = new Set([person.id, profile.manager?.id, ...profile.teams.map((t) => t.leader_id)]);
      for (const candidate of leaders.filter((l) => !excluded.has(l)).slice(0, 3)) {
        const other = await clientOf(candidate);
        const answers = await Promise.all([...mine].map((id) => other.api.send('GET', `/teams/${encodeURIComponent(id)}`)));
        if (answers.some((r) => r.status !== 404)) continue;
        const member = await account(person.id, 'goals.member@example.test');
        const myLeader = (await clientOf(team.leader_id)).who;
        for (const [id, c] of tried) if (id !== candidate && id !== team.leader_id) await c.api.dispose();
        return {
          admin,
          member,
          memberApi: await apiAs(guild.baseUrl, member),
          memberId: person.id,
          myTeam: team,
          myLeader,
          myLeaderApi: tried.get(team.leader_id).api,
          otherLeader: other.who,
          otherLeaderApi: other.api,
        };
      }
    }
  }
  assert.fail("the demo firm has no member with a leader from outside the member's teams");
}

let cast;
async function castOnce() {
  cast ??= await viewers();
  return cast;
}

/** Opens a profile and waits for its goals card to finish loading; returns the ids of the goals shown. */
async function profileGoalIds(page, personId) {
  await page.goto(`/people/${encodeURIComponent(personId)}`);
  const card = page.locator('#person-goals');
  await card.locator('.goal-list, .empty, [role="alert"]').first().waitFor({ timeout: UI_TIMEOUT_MS });
  return card.locator('.goal').evaluateAll((els) => els.map((el) => el.dataset.goalId));
}

/** Pages signed in as the cast: the member, my leader, another team's leader, the administrator. */
async function castPages(c) {
  const pages = {};
  for (const [name, who] of [
    ['member', c.member],
    ['myLeader', c.myLeader],
    ['otherLeader', c.otherLeader],
    ['admin', guild.signIns.administrator],
  ]) {
    pages[name] = await guild.newPage();
    await signInWithForm(pages[name], who);
  }
  pages.close = async () => {
    for (const name of ['member', 'myLeader', 'otherLeader', 'admin']) await pages[name].context().close();
  };
  return pages;
}

test("a personal goal: the person and their leader see it, another team's leader and the administrator do not, until it is shared", async () => {
  const c = await castOnce();
  const created = await c.memberApi.send('POST', '/goals', {
    title: 'Run a workshop for the client', metric: 'workshops run', unit: '', start_value: 0, target_value: 2, due_date: '2099-06-30',
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const goal = created.body;
  assert.equal(goal.shared, false);
  const p = await castPages(c);
  const mine = p.member.locator(`#personal-goals .goal[data-goal-id="${goal.id}"]`);

  // Private: the member (My goals) and their leader (the profile) see it; the others do not, in the page or the API.
  await p.member.goto('/goals');
  await mine.locator('.goal__visibility', { hasText: 'Private' }).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.ok((await profileGoalIds(p.myLeader, c.memberId)).includes(goal.id), 'the leader sees the private goal');
  await screenshot(p.myLeader, 'goals-profile-leader');
  assert.ok(!(await profileGoalIds(p.otherLeader, c.memberId)).includes(goal.id), "another team's leader does not see it");
  assert.ok(!(await profileGoalIds(p.admin, c.memberId)).includes(goal.id), 'the administrator does not see it');
  assert.equal((await c.otherLeaderApi.send('GET', `/goals/${goal.id}`)).status, 404);
  assert.equal((await c.admin.send('GET', `/goals/${goal.id}`)).status, 404);

  // The leader reads it but may not change it or record its progress: no controls, and the API refuses.
  const seen = p.myLeader.locator(`#person-goals .goal[data-goal-id="${goal.id}"]`);
  assert.equal(await seen.getByLabel(/Shared with everyone/).count(), 0);
  assert.equal(await seen.getByRole('button', { name: 'Record progress' }).count(), 0);
  for (const api of [c.myLeaderApi, c.admin]) {
    assert.ok((await api.send('PATCH', `/goals/${goal.id}`, { shared: true })).status >= 400);
    assert.ok((await api.send('POST', `/goals/${goal.id}/updates`, { value: 1 })).status >= 400);
  }
  assert.equal((await c.memberApi.get(`/goals/${goal.id}`)).goal.shared, false);

  // The member shares it from My goals: now everyone signed in reads it, and still only the member changes it.
  await mine.getByLabel(/Shared with everyone/).check();
  await mine.locator('.goal__visibility', { hasText: 'Shared' }).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.ok((await profileGoalIds(p.otherLeader, c.memberId)).includes(goal.id), "another team's leader sees the shared goal");
  assert.ok((await profileGoalIds(p.admin, c.memberId)).includes(goal.id), 'the administrator sees the shared goal');
  const shared = p.otherLeader.locator(`#person-goals .goal[data-goal-id="${goal.id}"]`);
  assert.match(await shared.locator('.goal__visibility').innerText(), /Shared/);
  assert.equal(await shared.getByLabel(/Shared with everyone/).count(), 0);
  assert.equal(await shared.getByRole('button', { name: 'Record progress' }).count(), 0);
  assert.ok((await c.otherLeaderApi.send('PATCH', `/goals/${goal.id}`, { title: 'Taken over' })).status >= 400);
  assert.equal((await c.memberApi.get(`/goals/${goal.id}`)).goal.title, 'Run a workshop for the client');
  await screenshot(p.otherLeader, 'goals-profile-shared');
  await p.close();
});

test("a team's goals and roles: its leader and the administrator edit them, its member reads them, another team's leader finds no such team", async () => {
  const c = await castOnce();
  const path = `/teams/${encodeURIComponent(c.myTeam.id)}`;
  const p = await castPages(c);
  for (const [who, page, edits] of [
    ['the team leader', p.myLeader, true],
    ['the administrator', p.admin, true],
    ['the member', p.member, false],
  ]) {
    await page.goto(path);
    await page.locator('#team-roles [role="grid"], #team-roles .empty').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('#team-goals .goal, #team-goals .empty').first().waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await page.getByRole('button', { name: 'Edit purpose' }).count(), edits ? 1 : 0, `${who}: Edit purpose`);
    const grid = page.locator('#team-roles [role="grid"]');
    if (await grid.count()) assert.equal(await grid.getAttribute('aria-readonly'), edits ? 'false' : 'true', `${who}: grid`);
  }
  // The administrator changes the purpose through the page; the API has it.
  const purpose = 'Keep the client’s operations running while we change them';
  await p.admin.getByRole('button', { name: 'Edit purpose' }).click();
  await p.admin.getByLabel(/The end this team serves/).fill(purpose);
  await p.admin.getByRole('button', { name: 'Save purpose' }).click();
  await p.admin.locator('.purpose__text', { hasText: purpose }).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal((await c.admin.get(`${path}/goals`)).team.purpose, purpose);
  // The member's page shows it too, read-only.
  await p.member.goto(path);
  await p.member.locator('.purpose__text', { hasText: purpose }).waitFor({ timeout: UI_TIMEOUT_MS });

  // Another team's leader: the API answers 404 for a team the viewer may not
  // see, as for a missing one (ids cannot be probed), so the page says not found.
  await p.otherLeader.goto(path);
  await waitForHeading(p.otherLeader, "We can't find that team");
  assert.equal(await p.otherLeader.getByText(c.myTeam.name, { exact: true }).count(), 0);
  for (const sub of ['goals', 'roles', 'brief']) {
    assert.equal((await c.otherLeaderApi.send('GET', `${path}/${sub}`)).status, 404, sub);
  }
  assert.equal((await c.otherLeaderApi.send('PUT', `${path}/purpose`, { purpose: 'Hijacked' })).status, 404);
  assert.equal((await c.admin.get(`${path}/goals`)).team.purpose, purpose);
  await p.otherLeader.goto(`${path}/brief`);
  await waitForHeading(p.otherLeader, "We can't find that team");
  await p.close();
});
