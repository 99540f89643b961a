// Self-service skills in the browser (docs/SKILLS.md), checked against the
// API: a member, by keyboard alone on their own profile, opens "Edit skills",
// finds a skill through the type-ahead over the taxonomy, sets its level with
// the level descriptions beside it, marks it wants-to-grow and saves; the
// skill history shows the change; they remove one of their skills after a
// confirmation. A teammate (a peer) endorses the new skill from the member's
// page and the effective rating becomes the peer's. A member who shares no
// team or engagement with them is offered no rating and the API refuses one,
// naming "source". Screenshots at 1280 px.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { disposeCast, findTeamCast } from './cast.mjs';
import { screenshot, startGuild } from './harness.mjs';
import { allPages, apiAs, createAccount, signInWithForm, UI_TIMEOUT_MS } from './helpers.mjs';

let guild;
let cast;
let unrelated; // {who, api, person}
const pages = {};
let added; // {id, name}: the skill the member adds

before(async () => {
  guild = await startGuild();
  cast = await findTeamCast(guild, { prefix: 'selfservice' });
  unrelated = await findUnrelated();
  for (const [name, who] of [
    ['member', cast.member.who],
    ['teammate', cast.teammate.who],
    ['unrelated', unrelated.who],
  ]) {
    pages[name] = await guild.newPage();
    await signInWithForm(pages[name], who);
  }
});
after(async () => {
  await unrelated?.api.dispose();
  await disposeCast(cast);
  await guild?.stop();
});

const ratingsPath = (personId) => `/people/${encodeURIComponent(personId)}/skill-ratings`;
const profilePath = (personId) => `/people/${encodeURIComponent(personId)}`;

// A person who may give the member no rating at all (no shared team or
// engagement, not their leader, not an administrator), with an account.
async function findUnrelated() {
  const people = await allPages(cast.admin, '/people');
  const taken = new Set([cast.member, cast.teammate, cast.leader].map((c) => c.person.id));
  const candidates = [cast.otherLeader.person, ...people.filter((p) => !taken.has(p.id))];
  for (const person of candidates.slice(0, 12)) {
    const who =
      person.id === cast.otherLeader.person.id ? cast.otherLeader.who : await createAccount(cast.admin, { email: `selfservice.unrelated.${person.id}@example.test`, person_id: person.id });
    const api = await apiAs(guild.baseUrl, who);
    const view = await api.get(ratingsPath(cast.member.person.id));
    if (view.may_rate.length === 0) return { who, api, person };
    await api.dispose();
  }
  assert.fail('no one in the demo firm is unrelated to the member');
}

const activeElement = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return { id: el?.id ?? '', label: el?.getAttribute('aria-label') ?? '', text: (el?.textContent ?? '').trim() };
  });

async function tabUntil(page, matches, what, limit = 120) {
  for (let i = 0; i < limit; i += 1) {
    if (matches(await activeElement(page))) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${what}`);
}

test('the member adds a skill with its level and wants-to-grow, by keyboard alone; the history shows it', async () => {
  const page = pages.member;
  const me = cast.member.person.id;
  const before = await cast.member.api.get(ratingsPath(me));
  assert.deepEqual(before.may_rate, ['self']);
  const held = new Set(before.skills.map((s) => s.skill.id));
  const skills = await allPages(cast.member.api, '/skills');
  const pick = skills.find((s) => !held.has(s.id) && s.name.length >= 4 && skills.filter((t) => t.name.toLowerCase().startsWith(s.name.toLowerCase())).length === 1);
  assert.ok(pick, 'a skill of the taxonomy the member does not hold');
  added = { id: pick.id, name: pick.name };

  await page.goto(profilePath(me));
  await page.locator('#person-skills .precedence-note').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await page.locator('#person-skills .precedence-note').innerText(), /assessed, then manager, then peer, then self/);
  await page.locator('main').focus();
  await tabUntil(page, (a) => a.id === 'skills-edit', '"Edit skills"');
  await page.keyboard.press('Enter');
  await page.locator('#skill-add').waitFor({ timeout: UI_TIMEOUT_MS });
  await tabUntil(page, (a) => a.id === 'skill-add', 'the skill type-ahead');
  await page.keyboard.type(added.name);
  const options = page.locator('#skill-add-listbox [role="option"]');
  await options.first().waitFor({ timeout: UI_TIMEOUT_MS });
  const labels = await options.allInnerTexts();
  const index = labels.findIndex((l) => l.startsWith(added.name));
  assert.ok(index >= 0, `the type-ahead lists ${added.name}: ${labels.join(' | ')}`);
  for (let i = 0; i <= index; i += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');

  // The form: focus on its heading, the levels with their descriptions.
  await page.locator('#rating-form-title', { hasText: added.name }).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal((await activeElement(page)).id, 'rating-form-title');
  const levels = await page.locator('.levels__option').allInnerTexts();
  assert.equal(levels.length, 5);
  for (const l of before.levels) assert.ok(levels.some((text) => text.includes(l.meaning)), `level ${l.level} shows its meaning`);
  await page.keyboard.press('Tab'); // the checked level (2)
  assert.equal((await activeElement(page)).id, 'rating-level-2');
  await page.keyboard.press('ArrowDown'); // level 3
  assert.equal(await page.locator('#rating-level-3').isChecked(), true);
  await page.keyboard.press('Tab');
  assert.equal((await activeElement(page)).id, 'rating-grow');
  await page.keyboard.press('Space');
  assert.equal(await page.locator('#rating-grow').isChecked(), true);
  await screenshot(page, 'selfservice-edit-1280');
  await tabUntil(page, (a) => a.text === 'Save skill', 'the Save button');
  await page.keyboard.press('Enter');
  await page.locator('.skill-ratings__status', { hasText: `Saved: ${added.name} at Practitioner.` }).waitFor({ timeout: UI_TIMEOUT_MS });

  const after = await cast.member.api.get(ratingsPath(me));
  const skill = after.skills.find((s) => s.skill.id === added.id);
  assert.ok(skill, 'the skill is on the profile');
  assert.deepEqual(skill.effective, { level: 3, level_name: 'Practitioner', source: 'self' });
  assert.equal(skill.wants_to_grow, true);
  assert.equal(after.history[0].skill.id, added.id);
  assert.equal(after.history[0].level, 3);
  const row = page.locator(`li.rated-skill[data-skill="${added.id}"]`);
  assert.match(await row.innerText(), /Wants to grow/);
  assert.match(await page.locator('.skill-history__list li').first().innerText(), new RegExp(`${added.name}: 3 · Practitioner`));
  await screenshot(page, 'selfservice-added-1280');
});

test('the member removes one of their skills after confirming, by keyboard alone', async () => {
  const page = pages.member;
  const me = cast.member.person.id;
  const before = await cast.member.api.get(ratingsPath(me));
  // One they rated themselves other than the new one, else the new one.
  const target = before.skills.find((s) => s.skill.id !== added.id && s.ratings.some((r) => r.source === 'self')) ?? before.skills.find((s) => s.skill.id === added.id);
  await tabUntil(page, (a) => a.label === `Remove ${target.skill.name}`, `"Remove ${target.skill.name}"`);
  await page.keyboard.press('Enter');
  await page.locator('.rated-skill__confirm').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal((await activeElement(page)).text, 'Yes, remove', 'focus moves to the confirmation');
  await screenshot(page, 'selfservice-remove-confirm-1280');
  await page.keyboard.press('Enter');
  await page.locator('.skill-ratings__status', { hasText: `Removed: ${target.skill.name}.` }).waitFor({ timeout: UI_TIMEOUT_MS });
  const after = await cast.member.api.get(ratingsPath(me));
  const left = after.skills.find((s) => s.skill.id === target.skill.id);
  assert.ok(!left || !left.ratings.some((r) => r.source === 'self'), 'the self rating is gone');
  if (target.ratings.length === 1) assert.equal(await page.locator(`li.rated-skill[data-skill="${target.skill.id}"]`).count(), 0);
});

test('a teammate endorses the new skill as a peer; the effective rating becomes theirs', async () => {
  const page = pages.teammate;
  const me = cast.member.person.id;
  const view = await cast.teammate.api.get(ratingsPath(me));
  assert.ok(view.may_rate.includes('peer'), `a teammate may endorse: ${view.may_rate}`);
  await page.goto(profilePath(me));
  const row = page.locator(`li.rated-skill[data-skill="${added.id}"]`);
  await row.waitFor({ timeout: UI_TIMEOUT_MS });
  await row.getByRole('button', { name: `Rate ${added.name}` }).click();
  await page.locator('#rating-form-title', { hasText: added.name }).waitFor({ timeout: UI_TIMEOUT_MS });
  if (view.may_rate.length > 1) await page.locator('#rating-source').selectOption('peer');
  await page.locator('label[for="rating-level-4"]').click();
  await page.getByRole('button', { name: 'Endorse' }).click();
  await page.locator('.skill-ratings__status', { hasText: `Saved: ${added.name} at Advanced (peer).` }).waitFor({ timeout: UI_TIMEOUT_MS });
  const after = await cast.member.api.get(ratingsPath(me));
  const skill = after.skills.find((s) => s.skill.id === added.id);
  assert.deepEqual(skill.effective, { level: 4, level_name: 'Advanced', source: 'peer' });
  assert.deepEqual(
    skill.ratings.map((r) => [r.source, r.level]),
    [
      ['peer', 4],
      ['self', 3],
    ],
  );
  assert.match(await row.innerText(), /endorsed by a peer/);
  await screenshot(page, 'selfservice-peer-endorsed-1280');
});

test('a member who shares nothing with them is offered no rating, and the API refuses one naming source', async () => {
  const page = pages.unrelated;
  const me = cast.member.person.id;
  await page.goto(profilePath(me));
  await page.locator(`li.rated-skill[data-skill="${added.id}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await page.locator('#person-skills').getByRole('button', { name: /^Rate / }).count(), 0);
  assert.equal(await page.locator('#skill-rate, #skills-edit').count(), 0);
  const refused = await unrelated.api.send('PUT', ratingsPath(me), { skill_id: added.id, source: 'peer', level: 5 });
  assert.equal(refused.status, 403);
  assert.equal(refused.body.errors[0].field, 'source');
  const skill = (await cast.member.api.get(ratingsPath(me))).skills.find((s) => s.skill.id === added.id);
  assert.equal(skill.effective.level, 4, 'nothing written');
});
