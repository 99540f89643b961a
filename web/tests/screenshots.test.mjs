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
