// Screenshots of the main pages at laptop and phone widths, saved to
// test-artifacts/screenshots/ for review. Each page must render its content.

import { after, before, test } from 'node:test';
import { screenshot, startGuild, VIEWPORTS } from './harness.mjs';
import { apiGet, signInWithForm, UI_TIMEOUT_MS } from './helpers.mjs';

const BAD_CSV = 'id,name,email,weekly_capacity_hours\nshot-1,No Email,,40\nshot-2,Bad Hours,bad.hours@example.test,-3\n';
let guild;

before(async () => {
  guild = await startGuild();
});
after(async () => {
  await guild?.stop();
});

async function settle(page, selector) {
  await page.locator(selector).first().waitFor({ timeout: UI_TIMEOUT_MS });
  await page.waitForLoadState('networkidle');
}

for (const [width, viewport] of Object.entries(VIEWPORTS)) {
  test(`main pages at ${width} width`, async () => {
    const page = await guild.newPage(viewport);
    await page.goto('/signin');
    await settle(page, '#signin-form');
    await screenshot(page, `signin-${width}`);

    await signInWithForm(page, guild.signIns.member);
    await settle(page, '#my-skills');
    await screenshot(page, `home-${width}`);
    const me = await apiGet(page, '/me');
    await page.goto('/people');
    await settle(page, '.people-list');
    await screenshot(page, `people-${width}`);
    if (me.person) {
      await page.goto(`/people/${encodeURIComponent(me.person.id)}`);
      await settle(page, '#person-skills');
      await screenshot(page, `profile-${width}`);
    }
    if (me.teams.length) {
      await page.goto(`/teams/${encodeURIComponent(me.teams[0].id)}`);
      await settle(page, '#team-members');
      await screenshot(page, `team-${width}`);
    }
    await page.goto('/admin');
    await settle(page, '.notice-page');
    await screenshot(page, `no-access-${width}`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);

    await signInWithForm(page, guild.signIns.administrator);
    await page.goto('/admin/import');
    await settle(page, '#import');
    await screenshot(page, `admin-import-${width}`);
    await page.getByLabel('File', { exact: true }).setInputFiles({ name: 'people.csv', mimeType: 'text/csv', buffer: Buffer.from(BAD_CSV) });
    await page.getByRole('button', { name: 'Upload and import' }).click();
    await settle(page, '#import-error-table');
    await screenshot(page, `admin-import-errors-${width}`);
    await page.goto('/admin/users');
    await settle(page, '#users-table');
    await screenshot(page, `admin-users-${width}`);
  });
}

// The skills pages: My growth (with a target role), Find people (results and
// "did you mean"), and the Skills market as the administrator (firm-wide).
for (const [width, viewport] of Object.entries(VIEWPORTS)) {
  test(`skills pages at ${width} width`, async () => {
    const page = await guild.newPage(viewport);
    await signInWithForm(page, guild.signIns.member);
    const roles = await apiGet(page, '/roles?q=a&limit=1');
    await page.goto(roles.roles.length ? `/growth?role=${encodeURIComponent(roles.roles[0].id)}` : '/growth');
    await settle(page, '#growth-skills');
    await screenshot(page, `growth-${width}`);
    const me = await apiGet(page, '/me');
    const skill = me.skills[0]?.name ?? (await apiGet(page, '/skills/suggest?q=a&limit=1')).skills[0]?.name;
    if (skill) {
      await page.goto(`/finder?need=${encodeURIComponent(`${skill}:2`)}`);
      await settle(page, '.hits, #finder-results .empty');
      await screenshot(page, `finder-${width}`);
      await page.goto(`/finder?need=${encodeURIComponent(`${skill.slice(0, 2)}${skill.slice(3)}:3`)}`);
      await settle(page, '#finder-results .alert, .hits');
      await screenshot(page, `finder-unknown-${width}`);
    }
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/signin/);
    await signInWithForm(page, guild.signIns.administrator);
    await page.goto('/market');
    await settle(page, '#market-heatmap');
    await page.locator('#market-heatmap .chart__canvas[data-state=ready], #market-heatmap .empty').first().waitFor({ timeout: UI_TIMEOUT_MS });
    await screenshot(page, `market-${width}`);
  });
}
