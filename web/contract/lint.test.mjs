// src/api/openapi.json passes Redocly CLI's lint with its recommended rules,
// warnings counted as errors (the `recommended-strict` set): every operation
// has an operationId (client generators need it), the licence is stated,
// every operation has a 4XX answer, parameters and $refs are sound...
// Each problem is printed with its line, the operation and the rule's page.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { DOCUMENT_NAME, DOCUMENT_PATH, WEB_DIR } from './openapi.mjs';

const REDOCLY = resolve(WEB_DIR, 'node_modules/.bin/redocly');
const RULES = 'recommended-strict';

/** "#/paths/~1api~1v1~1people/get/operationId" -> "GET /api/v1/people: operationId" */
function where(pointer) {
  const tokens = pointer.replace(/^#\//, '').split('/').map((t) => decodeURIComponent(t).replaceAll('~1', '/').replaceAll('~0', '~'));
  if (tokens[0] === 'paths' && tokens.length >= 3) return `${tokens[2].toUpperCase()} ${tokens[1]}${tokens.length > 3 ? ` (${tokens.slice(3).join('/')})` : ''}`;
  return tokens.join('/') || '(the document)';
}

test(`${DOCUMENT_NAME} passes Redocly's ${RULES} lint`, () => {
  const lint = spawnSync(REDOCLY, ['lint', DOCUMENT_PATH, '--extends', RULES, '--format', 'json', '--max-problems', '1000'], {
    cwd: WEB_DIR,
    encoding: 'utf8',
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  });
  if (lint.error) throw lint.error;
  let report;
  try {
    report = JSON.parse(lint.stdout);
  } catch {
    assert.fail(`redocly lint gave no JSON report (exit ${lint.status}):\n${lint.stdout}\n${lint.stderr}`);
  }
  const problems = report.problems.map((p) => {
    const at = p.location?.[0];
    return `- ${DOCUMENT_NAME}:${at?.start?.line ?? '?'} ${where(at?.pointer ?? '')}: ${p.message} [${p.ruleId}, ${p.severity}; ${p.reference ?? 'https://redocly.com/docs/cli/rules'}]`;
  });
  assert.equal(problems.length, 0, `Redocly lint (${RULES}) found ${problems.length} problems in ${DOCUMENT_NAME}:\n${problems.join('\n')}`);
  assert.equal(lint.status, 0, `redocly lint exited with ${lint.status}:\n${lint.stderr}`);
});
