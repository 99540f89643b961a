// THROWAWAY: screenshots of the pages against dev/mock-server.mjs, for design
// work only.   node dev/mock-server.mjs 5174 &
//   MEMBER_EMAIL=... LEADER_EMAIL=... node dev/screenshots.mjs http://127.0.0.1:5174 OUTDIR

import { mkdir } from 'node:fs/promises';
import { launchBrowser, VIEWPORTS } from '../tests/browser.mjs';

const [base, out = '../test-artifacts/dev-screenshots'] = process.argv.slice(2);
await mkdir(out, { recursive: true });
const browser = await launchBrowser();
const creds = { member: ['', 'member-pass'], leader: ['', 'leader-pass'], admin: ['admin@example.com', 'admin-pass'] };

async function shoot(role, viewportName, pages) {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewportName] });
  const page = await context.newPage();
  page.on('console', (m) => m.type() === 'error' && console.log('console:', m.text()));
  await page.goto(`${base}/signin`);
  await page.screenshot({ path: `${out}/signin-${viewportName}.png` });
  const email = creds[role][0] || (role === 'member' ? process.env.MEMBER_EMAIL : process.env.LEADER_EMAIL);
  await page.fill('#signin-email', email);
  await page.fill('#signin-password', creds[role][1]);
  await page.click('button[type=submit]');
  await page.waitForSelector('.app-header');
  for (const [name, path, wait] of pages) {
    await page.goto(`${base}${path}`);
    await page.waitForSelector(wait);
    await page.waitForTimeout(300);
    await page.screenshot({ path: `${out}/${role}-${name}-${viewportName}.png`, fullPage: true });
  }
  await context.close();
}

const common = [
  ['home', '/', '#my-skills, .empty'],
  ['people', '/people', '.people-list'],
  ['person', '/people/p005', '#person-skills'],
  ['team', '/teams/t1', '#team-members'],
  ['teams', '/teams', '.team-list, .empty'],
  ['notfound', '/nowhere', '.notice-page'],
];
for (const v of ['desktop', 'phone']) {
  await shoot('member', v, [...common, ['admin', '/admin', '.notice-page'], ['team-forbidden', '/teams/t2', '.notice-page']]);
  await shoot('admin', v, [['import', '/admin/import', '#import'], ['users', '/admin/users', '#users-table']]);
}
await browser.close();
console.log('done');
