// Feedback requests and the inbox in the browser, checked against the API as
// each user sees it (docs/FEEDBACK.md "Who sees what"): a member M asks a
// teammate R for feedback by keyboard alone (a request without reviewers is
// refused under the reviewers field, nothing written); R finds it in the
// inbox (unread badge, marked read on the way) and answers the two questions
// by keyboard; M reads the answer; M's leader, another team's leader and the
// administrator get the not-found page for the request — until M shares the
// answer with the leader, who then reads it, while the other two still
// cannot. Screenshots of each page at 1280 and 390 px.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { disposeCast, findTeamCast, signInCast } from './cast.mjs';
import { screenshot, startGuild, VIEWPORTS } from './harness.mjs';
import { signInWithForm, UI_TIMEOUT_MS, waitForHeading } from './helpers.mjs';

const NOT_FOUND = "We can't find that feedback request";

let guild;
let cast;
const pages = {};
let asked; // {id, event}

before(async () => {
  guild = await startGuild();
  cast = await findTeamCast(guild, { prefix: 'feedback' });
  Object.assign(pages, await signInCast(guild, cast));
});
after(async () => {
  await disposeCast(cast);
  await guild?.stop();
});

const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? '');

async function tabTo(page, id, limit = 80) {
  for (let i = 0; i < limit; i += 1) {
    if ((await activeId(page)) === id) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached #${id}`);
}

test('the member asks a teammate for feedback by keyboard; without reviewers it is refused under the field', async () => {
  const page = pages.member;
  const before = await cast.member.api.get('/feedback-requests?role=mine');
  await page.goto('/feedback');
  await page.locator('#feedback-mine .empty, #feedback-mine .feedback-request').first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.getByRole('link', { name: 'Ask for feedback' }).first().click();
  await waitForHeading(page, 'Ask for feedback');
  const event = `Board pitch ${Date.now()}`;
  await page.locator('main').focus();
  await tabTo(page, 'ask-event');
  await page.keyboard.type(event);
  // No reviewer yet: Enter submits, the problem shows under the reviewers.
  await page.keyboard.press('Enter');
  const error = page.locator('#ask-reviewer_ids-error');
  await error.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await error.innerText(), /^Expected /);
  assert.equal((await cast.member.api.get('/feedback-requests?role=mine')).items.length, before.items.length, 'nothing written');
  await screenshot(page, 'feedback-ask-error-1280');
  // The teammate from the person search: type, ArrowDown, Enter.
  await tabTo(page, 'ask-person');
  await page.keyboard.type(cast.teammate.person.name);
  await page.locator('#ask-person-listbox [role="option"]').first().waitFor({ timeout: UI_TIMEOUT_MS });
  const labels = await page.locator('#ask-person-listbox [role="option"]').allInnerTexts();
  const index = labels.findIndex((l) => l.startsWith(cast.teammate.person.name));
  assert.ok(index >= 0, `the search lists ${cast.teammate.person.name}`);
  for (let i = 0; i <= index; i += 1) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await page.locator(`.chip[data-person-id="${cast.teammate.person.id}"]`).waitFor({ timeout: UI_TIMEOUT_MS });
  await screenshot(page, 'feedback-ask-1280');
  // Tab to the submit button and press Enter.
  for (let i = 0; i < 40; i += 1) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === 'Ask for feedback') break;
  }
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/feedback\/[^/]+$/, { timeout: UI_TIMEOUT_MS });
  await waitForHeading(page, `Feedback on “${event}”`);
  const mine = await cast.member.api.get('/feedback-requests?role=mine');
  const request = mine.items.find((r) => r.event === event);
  assert.ok(request, 'the API has the request');
  assert.deepEqual(request.answers.map((a) => [a.reviewer.id, a.status]), [[cast.teammate.person.id, 'pending']]);
  asked = { id: request.id, event };
});

test('the teammate finds it in the inbox and answers both questions by keyboard', async () => {
  assert.ok(asked, 'the member asked first');
  const page = pages.teammate;
  const inbox = await cast.teammate.api.get('/inbox');
  assert.ok(inbox.unread >= 1);
  await page.goto('/');
  const badge = page.locator('.inbox-link__badge');
  await badge.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal((await badge.innerText()).trim(), String(Math.min(inbox.unread, 99)));
  await page.locator('.inbox-link').click();
  await waitForHeading(page, 'Inbox');
  // The item of this request (the demo's inbox holds other feedback requests,
  // some stamped later today than this test runs).
  const mine = inbox.items.find((i) => i.kind === 'feedback-request' && i.ref_id === asked.id);
  assert.ok(mine, 'the request is on the first page of the inbox');
  const item = page.locator(`.inbox-item[data-inbox-id="${mine.id}"]`);
  await item.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await item.getAttribute('data-unread'), 'true');
  // Items in the API's order, newest first.
  const ids = await page.locator('.inbox-item').evaluateAll((els) => els.map((el) => el.dataset.inboxId));
  assert.deepEqual(ids, inbox.items.map((i) => i.id));
  await screenshot(page, 'inbox-1280');
  await item.locator('.inbox-item__link').click();
  await waitForHeading(page, `Feedback on “${asked.event}”`);
  const after = await cast.teammate.api.get('/inbox');
  assert.equal(after.unread, inbox.unread - 1, 'following the item marked it read');
  await page.locator(`#answer-${asked.id}-most_effective`).focus();
  await page.keyboard.type('The opening story about the client’s own numbers');
  await page.keyboard.press('Tab');
  assert.equal(await activeId(page), `answer-${asked.id}-do_better`);
  await page.keyboard.type('Leave more time for their questions');
  await page.keyboard.press('Control+Enter');
  await page.locator(`.feedback-answers li[data-reviewer-id="${cast.teammate.person.id}"][data-status="answered"]`).waitFor({ timeout: UI_TIMEOUT_MS });
  await page.locator(`.feedback-request[data-request-id="${asked.id}"] .feedback-request__header`, { hasText: '1 answered, 0 declined, 0 waiting' }).waitFor({ timeout: UI_TIMEOUT_MS });
  await screenshot(page, 'feedback-answered-1280');
  const seen = await cast.teammate.api.get(`/feedback-requests/${asked.id}`);
  assert.equal(seen.answers[0].status, 'answered');
});

async function expectNotFound(name, api) {
  assert.equal((await api.send('GET', `/feedback-requests/${asked.id}`)).status, 404, `${name}: the API answers 404`);
  await pages[name].goto(`/feedback/${asked.id}`);
  await waitForHeading(pages[name], NOT_FOUND);
  assert.equal(await pages[name].getByText('Leave more time for their questions').count(), 0);
}

test('only the asker and the author read the answer, and the leader only once it is shared with them', async () => {
  assert.ok(asked, 'the member asked first');
  const page = pages.member;
  await page.goto('/feedback');
  const answer = page.locator(`#feedback-mine .feedback-request[data-request-id="${asked.id}"] li[data-reviewer-id="${cast.teammate.person.id}"]`);
  await answer.locator('.feedback-texts', { hasText: 'Leave more time for their questions' }).waitFor({ timeout: UI_TIMEOUT_MS });
  for (const [name, api] of [
    ['leader', cast.leader.api],
    ['otherLeader', cast.otherLeader.api],
    ['admin', cast.admin],
  ]) {
    await expectNotFound(name, api);
  }
  // Share with the team's leader.
  await answer.locator('select').selectOption(cast.leader.person.id);
  await answer.getByRole('button', { name: 'Share' }).click();
  await answer.locator('.feedback-answer__shared', { hasText: `Shared with ${cast.leader.person.name}` }).waitFor({ timeout: UI_TIMEOUT_MS });
  await screenshot(page, 'feedback-mine-1280');
  const shared = await cast.leader.api.get(`/feedback-requests/${asked.id}`);
  assert.equal(shared.answers[0].most_effective, 'The opening story about the client’s own numbers');
  await pages.leader.goto(`/feedback/${asked.id}`);
  await waitForHeading(pages.leader, `Feedback on “${asked.event}”`);
  await pages.leader.locator('.feedback-texts', { hasText: 'Leave more time for their questions' }).waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await pages.leader.locator('.share-form, .feedback-answer').count(), 0, 'the leader neither shares nor answers');
  await screenshot(pages.leader, 'feedback-shared-leader-1280');
  for (const [name, api] of [
    ['otherLeader', cast.otherLeader.api],
    ['admin', cast.admin],
  ]) {
    await expectNotFound(name, api);
  }
});

test('mark all read empties the badge; the feedback pages at phone width', async () => {
  assert.ok(asked, 'the member asked first');
  const page = pages.member;
  await page.goto('/inbox');
  await waitForHeading(page, 'Inbox');
  const before = await cast.member.api.get('/inbox');
  if (before.unread > 0) {
    await page.getByRole('button', { name: 'Mark all read' }).click();
    await page.locator('.notice', { hasText: `Marked ${before.unread} ` }).waitFor({ timeout: UI_TIMEOUT_MS });
    await page.locator('.inbox-link__badge').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  }
  assert.equal((await cast.member.api.get('/inbox')).unread, 0);
  assert.equal(await page.locator('.inbox-item[data-unread="true"]').count(), 0);
  for (const [name, who, path, ready] of [
    ['feedback-mine', cast.member.who, '/feedback', '#feedback-mine .feedback-request'],
    ['feedback-ask', cast.member.who, '/feedback/ask', '#ask-event'],
    ['inbox', cast.teammate.who, '/inbox', '.inbox-item'],
    ['feedback-request', cast.teammate.who, `/feedback/${asked.id}`, '.feedback-texts'],
  ]) {
    const phone = await guild.newPage(VIEWPORTS.phone);
    await signInWithForm(phone, who);
    await phone.goto(path);
    await phone.locator(ready).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await phone.waitForLoadState('networkidle');
    await screenshot(phone, `${name}-390`);
    await phone.context().close();
  }
});

test('the calendar section on the inbox makes a feed, shows its URL once with a copy button, and a new URL breaks the old one', async () => {
  const page = pages.teammate;
  const api = cast.teammate.api;
  const section = page.locator('#calendar-feed');
  const urlField = page.locator('#calendar-feed-url');
  /** The URL field's value once a new one shows, as a path the API client can fetch. */
  const shownPath = async (previous) => {
    await page.waitForFunction(
      (old) => {
        const v = document.getElementById('calendar-feed-url')?.value ?? '';
        return v !== '' && v !== old;
      },
      previous,
      { timeout: UI_TIMEOUT_MS },
    );
    const value = await urlField.inputValue();
    assert.match(value, /^http:\/\/[^/]+\/api\/v1\/calendar\/gcal_[A-Za-z0-9_-]+\.ics$/);
    return { value, path: new URL(value).pathname.replace(/^\/api\/v1/, '') };
  };
  await page.goto('/inbox');
  await waitForHeading(page, 'Inbox');
  const before = await api.get('/me/calendar-feed');
  await section.locator('.calendar-feed').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await section.locator('.calendar-feed').getAttribute('data-exists'), String(before.exists));
  if (!before.exists) {
    assert.match(await section.locator('.calendar-feed__state').innerText(), /no calendar feed yet/);
    assert.equal(await page.locator('#calendar-feed-warning').count(), 0);
  }
  assert.equal(await urlField.count(), 0, 'no URL before one is made');

  // By keyboard: Tab to the button, Enter; the focus lands on the URL.
  const buttonName = before.exists ? 'Make a new feed URL' : 'Create my calendar feed';
  await page.locator('main').focus();
  for (let i = 0; i < 60; i += 1) {
    if ((await page.evaluate(() => document.activeElement?.textContent?.trim())) === buttonName) break;
    await page.keyboard.press('Tab');
  }
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), buttonName);
  await page.keyboard.press('Enter');
  const first = await shownPath('');
  await page.waitForFunction(() => document.activeElement?.id === 'calendar-feed-url', null, { timeout: UI_TIMEOUT_MS });
  const feed = await api.send('GET', first.path);
  assert.equal(feed.status, 200, 'the URL shown serves the feed');
  assert.match(String(feed.body), /^BEGIN:VCALENDAR/);
  const state = await api.get('/me/calendar-feed');
  assert.equal(state.exists, true);
  // The copy button, then the section says the feed exists and warns before a new URL.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await section.getByRole('button', { name: 'Copy' }).click();
  await section.locator('.calendar-feed__copied', { hasText: /Copied\.|Ctrl\+C/ }).waitFor({ timeout: UI_TIMEOUT_MS });
  await section.locator('.calendar-feed[data-exists="true"]').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await page.locator('#calendar-feed-warning').innerText(), /breaks the old one/);
  await screenshot(page, 'inbox-calendar-1280');

  // A new URL: shown in place of the old one, which now answers 404.
  await section.getByRole('button', { name: 'Make a new feed URL' }).click();
  const second = await shownPath(first.value);
  assert.notEqual(second.path, first.path);
  assert.equal((await api.send('GET', first.path)).status, 404, 'the old URL stops working');
  assert.equal((await api.send('GET', second.path)).status, 200);
  // Reloading never shows a URL again (only its hash is kept).
  await page.reload();
  await section.locator('.calendar-feed[data-exists="true"]').waitFor({ timeout: UI_TIMEOUT_MS });
  assert.equal(await urlField.count(), 0);
});
