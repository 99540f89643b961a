// Mentoring as a flow (issue 23) in the browser: the demo member asks a
// mentor suggested on My growth through the "Ask to mentor" dialog (the
// suggested skill preselected, a message); the mentor signs in, finds the
// request in the inbox (API) and on My growth, accepts; both see the active
// pair with its start and review date; a third person can neither act on it
// nor list it through the API. Screenshots at 1280 px.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { screenshot, startGuild } from './harness.mjs';
import { apiAs, createAccount, signInWithForm, UI_TIMEOUT_MS, waitForHeading } from './helpers.mjs';

let guild;
let admin;
const cast = {}; // member, mentor, third: {who, api, person}
let mentorship; // the request the member made

before(async () => {
  guild = await startGuild();
  admin = await apiAs(guild.baseUrl, guild.signIns.administrator);
  const member = await apiAs(guild.baseUrl, guild.signIns.member);
  const personId = (await member.get('/session')).user.person_id;
  const growth = await member.get(`/people/${encodeURIComponent(personId)}/growth`);
  assert.ok(growth.mentors.length > 0, 'the demo member has a suggested mentor');
  const suggestion = growth.mentors[0];
  const leaderApi = await apiAs(guild.baseUrl, guild.signIns.leader);
  const leaderId = (await leaderApi.get('/session')).user.person_id;
  await leaderApi.dispose();
  const account = async (id, prefix) => (id === leaderId ? guild.signIns.leader : createAccount(admin, { email: `${prefix}.${id}@example.test`, person_id: id }));
  const mentorWho = await account(suggestion.person.id, 'mentoring');
  cast.member = { who: guild.signIns.member, api: member, person: { id: personId } };
  cast.mentor = { who: mentorWho, api: await apiAs(guild.baseUrl, mentorWho), person: suggestion.person, skill: suggestion.skill };
  // A third person: the demo leader unless they are the mentor, else someone else.
  const people = (await admin.get('/people?limit=50')).items.map((p) => p.id);
  const thirdId = leaderId !== suggestion.person.id && leaderId !== personId ? leaderId : people.find((id) => id !== personId && id !== suggestion.person.id);
  const thirdWho = await account(thirdId, 'mentoring-third');
  cast.third = { who: thirdWho, api: await apiAs(guild.baseUrl, thirdWho), person: { id: thirdId } };
});
after(async () => {
  for (const c of Object.values(cast)) await c.api?.dispose();
  await admin?.dispose();
  await guild?.stop();
});

test('the member asks a suggested mentor through the dialog', async () => {
  const page = await guild.newPage();
  await signInWithForm(page, cast.member.who);
  await page.goto('/growth');
  await waitForHeading(page, 'My growth');
  const ask = page.locator(`[data-ask-mentor="${cast.mentor.person.id}"]`).first();
  await ask.waitFor({ timeout: UI_TIMEOUT_MS });
  await ask.focus();
  await page.keyboard.press('Enter');
  const dialog = page.locator('dialog[open]');
  await dialog.waitFor({ timeout: UI_TIMEOUT_MS });
  const preselected = dialog.locator(`input[type="checkbox"][value="${cast.mentor.skill.id}"]`);
  assert.equal(await preselected.isChecked(), true, 'the suggested skill is preselected');
  await dialog.getByLabel('Message (optional)').fill('Could we meet every other week?');
  await screenshot(page, 'mentoring-ask-dialog-1280');
  await dialog.getByRole('button', { name: 'Send request' }).click();
  await page.getByText(`Asked ${cast.mentor.person.name} to mentor you.`).first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.locator('#mentoring-waiting').getByText(cast.mentor.person.name).waitFor({ timeout: UI_TIMEOUT_MS });
  const mine = await cast.member.api.get('/me/mentorships');
  const requested = mine.as_mentee.filter((m) => m.status === 'requested' && m.mentor.id === cast.mentor.person.id);
  assert.equal(requested.length, 1);
  mentorship = requested[0];
  assert.deepEqual(
    mentorship.skills.map((s) => s.id),
    [cast.mentor.skill.id],
  );
  assert.equal(mentorship.message, 'Could we meet every other week?');
  await screenshot(page, 'mentoring-asked-1280');
  await page.close();
});

test('the mentor sees the request and its inbox item, and accepts', async () => {
  assert.ok(mentorship, 'the request exists');
  const inbox = await cast.mentor.api.get('/inbox');
  assert.ok(inbox.items.some((i) => i.kind === 'mentorship-request' && i.ref_id === mentorship.id), 'an inbox item for the mentor');
  const page = await guild.newPage();
  await signInWithForm(page, cast.mentor.who);
  await page.goto('/growth');
  await waitForHeading(page, 'My growth');
  const request = page.locator(`#mentoring-requests [data-mentorship-id="${mentorship.id}"]`);
  await request.waitFor({ timeout: UI_TIMEOUT_MS });
  await screenshot(page, 'mentoring-request-to-me-1280');
  await request.getByRole('button', { name: /^Accept / }).click();
  const active = page.locator(`#mentoring-active [data-mentorship-id="${mentorship.id}"]`);
  await active.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await active.innerText(), /is your mentee .* since .* review on /);
  await screenshot(page, 'mentoring-active-mentor-1280');
  await page.close();
});

test('both see the active pair with its start and review date; a third person cannot reach it', async () => {
  const fromMentee = (await cast.member.api.get('/me/mentorships')).as_mentee.find((m) => m.id === mentorship.id);
  const fromMentor = (await cast.mentor.api.get('/me/mentorships')).as_mentor.find((m) => m.id === mentorship.id);
  for (const m of [fromMentee, fromMentor]) {
    assert.equal(m.status, 'active');
    assert.match(m.started_on, /^\d{4}-\d{2}-\d{2}$/);
    assert.match(m.review_on, /^\d{4}-\d{2}-\d{2}$/);
    assert.ok(m.review_on > m.started_on);
  }
  assert.ok((await cast.member.api.get('/inbox')).items.some((i) => i.kind === 'mentorship-answer' && i.ref_id === mentorship.id));
  const page = await guild.newPage();
  await signInWithForm(page, cast.member.who);
  await page.goto('/growth');
  await waitForHeading(page, 'My growth');
  const active = page.locator(`#mentoring-active [data-mentorship-id="${mentorship.id}"]`);
  await active.waitFor({ timeout: UI_TIMEOUT_MS });
  assert.match(await active.innerText(), new RegExp(`${cast.mentor.person.name} mentors you .* since .* review on `));
  await screenshot(page, 'mentoring-active-mentee-1280');
  await page.close();

  const third = cast.third.api;
  for (const action of ['accept', 'decline', 'end']) {
    const reply = await third.send('POST', `/mentorships/${encodeURIComponent(mentorship.id)}/${action}`);
    assert.equal(reply.status, 404, `${action} by a third person`);
  }
  const review = await third.send('PUT', `/mentorships/${encodeURIComponent(mentorship.id)}/review-date`, { review_on: '2099-01-01' });
  assert.equal(review.status, 404);
  const listed = await third.get('/me/mentorships');
  assert.ok(![...listed.asked_of_me, ...listed.as_mentee, ...listed.as_mentor].some((m) => m.id === mentorship.id));
});
