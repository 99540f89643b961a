#!/usr/bin/env node
// THROWAWAY stand-in for the `guild` binary, ONLY to check the browser-test
// harness itself before the real server exists:
//   GUILD_BIN=dev/fake-guild.mjs npm run test:browser
// It speaks the documented contract (demo prints sign-ins, serve prints
// "listening on") and serves dev/mock-server.mjs. The committed tests default
// to the real ../build/guild.
import { writeFileSync } from 'node:fs';

const [command, ...args] = process.argv.slice(2);
const arg = (name) => args[args.indexOf(name) + 1];
const mock = await import('./mock-server.mjs');
if (command === 'demo') {
  writeFileSync(arg('--db'), 'fake');
  for (const s of mock.DEMO_SIGN_INS) console.log(`sign-in: ${s.label} ${s.email} ${s.password}`);
} else if (command === 'serve') {
  mock.server.listen(Number(arg('--port')), '127.0.0.1', () => console.log(`listening on http://127.0.0.1:${mock.server.address().port}`));
  process.on('SIGTERM', () => process.exit(0));
} else {
  console.error(`fake-guild: unknown command ${command}`);
  process.exit(2);
}
