// Browser-test harness: runs the real `guild` binary on a temporary SQLite
// database filled by `guild demo`, serves web/dist with `guild serve` on a
// free port, and drives the system Chromium through playwright-core.
//
// Contract with the server (see docs/WEB.md):
//   guild demo --people N --seed S --db FILE   prints "sign-in: ROLE EMAIL PASSWORD"
//                                             for each ROLE of DEMO_ROLES
//   guild serve --db FILE --port 0 --static DIR  prints "listening on http://127.0.0.1:PORT"
//
// Environment: GUILD_BIN (default ../build/guild from web/), GUILD_STATIC
// (default web/dist), GUILD_CHROMIUM (default /usr/bin/chromium).

import { spawn } from 'node:child_process';
import { access, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchBrowser, VIEWPORTS } from './browser.mjs';

export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SCREENSHOT_DIR = resolve(WEB_DIR, '..', 'test-artifacts', 'screenshots');
const DEMO_TIMEOUT_MS = 180_000;
const LISTEN_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const SIGN_IN_LINE = /^sign-in:\s+(\S+)\s+(\S+)\s+(\S+)\s*$/;
const LISTEN_LINE = /listening on (http:\/\/127\.0\.0\.1:\d+)/;
/**
 * The demo's personas (src/service/accounts/user_service.h, CreateDemoUsers):
 * a team leader with open seats to staff, a plain member of their team, an
 * engagement leader (a member leading engagements), a firm leader (role
 * firm_leader) and the administrator.
 */
export const DEMO_ROLES = ['administrator', 'leader', 'member', 'engagement-leader', 'firm-leader'];

async function mustExist(path, what, hint) {
  try {
    await access(path, constants.R_OK);
  } catch {
    throw new Error(`${what} not found at ${path}: ${hint}`);
  }
}

/** Runs a command to completion; rejects with its output when it fails. */
function run(bin, args, timeoutMs) {
  return new Promise((ok, fail) => {
    const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', fail);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (code === 0) ok(output);
      else fail(new Error(`${bin} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${output}`));
    });
  });
}

/** Parses the demo's sign-in lines into {ROLE: {email, password}} for every ROLE of DEMO_ROLES. */
export function parseSignIns(output) {
  const signIns = {};
  for (const line of output.split(/\r?\n/)) {
    const m = SIGN_IN_LINE.exec(line.trim());
    if (m) signIns[m[1]] = { email: m[2], password: m[3] };
  }
  const missing = DEMO_ROLES.filter((r) => !signIns[r]);
  if (missing.length) throw new Error(`guild demo printed no sign-in for ${missing.join(', ')}:\n${output}`);
  return signIns;
}

/** Starts `guild serve`; resolves with {url, child, log()} once it listens. */
function serve(bin, db, staticDir) {
  return new Promise((ok, fail) => {
    const child = spawn(bin, ['serve', '--db', db, '--port', '0', '--static', staticDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let log = '';
    let done = false;
    const finish = (error, url) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (error) {
        child.kill('SIGKILL');
        fail(error);
      } else ok({ url, child, log: () => log });
    };
    const onData = (d) => {
      log += d;
      const m = LISTEN_LINE.exec(log);
      if (m) finish(null, m[1]);
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('error', (e) => finish(e));
    child.on('exit', (code) => finish(new Error(`guild serve exited (${code}) before listening:\n${log}`)));
    const timer = setTimeout(() => finish(new Error(`guild serve did not print "listening on" in ${LISTEN_TIMEOUT_MS} ms:\n${log}`)), LISTEN_TIMEOUT_MS);
  });
}

function stopProcess(child) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((ok) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    child.once('exit', () => {
      clearTimeout(timer);
      ok();
    });
    child.kill('SIGTERM');
  });
}

/**
 * Starts a demo firm, the server and Chromium. Returns
 * {baseUrl, signIns, browser, newPage(viewport), serverLog(), stop()}.
 */
export async function startGuild({ people = 60, seed = 3 } = {}) {
  const bin = resolve(WEB_DIR, process.env.GUILD_BIN ?? '../build/guild');
  const staticDir = resolve(WEB_DIR, process.env.GUILD_STATIC ?? 'dist');
  await mustExist(bin, 'The guild binary', 'build it (cmake --build build --target guild) or set GUILD_BIN');
  await mustExist(join(staticDir, 'index.html'), 'The built web application', 'run `npm run build` in web/ or set GUILD_STATIC');

  const dir = await mkdtemp(join(tmpdir(), 'guild-web-test-'));
  const db = join(dir, 'guild.db');
  let server = null;
  let browser = null;
  const stop = async () => {
    if (browser) await browser.close().catch(() => {});
    if (server) await stopProcess(server.child);
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const demoOutput = await run(bin, ['demo', '--people', String(people), '--seed', String(seed), '--db', db], DEMO_TIMEOUT_MS);
    const signIns = parseSignIns(demoOutput);
    server = await serve(bin, db, staticDir);
    browser = await launchBrowser();
    const contexts = [];
    return {
      baseUrl: server.url,
      signIns,
      browser,
      serverLog: () => server.log(),
      /** A page in a fresh context (own cookies) at the given viewport. */
      async newPage(viewport = VIEWPORTS.desktop) {
        const context = await browser.newContext({ viewport, baseURL: server.url });
        contexts.push(context);
        return context.newPage();
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export { VIEWPORTS };
