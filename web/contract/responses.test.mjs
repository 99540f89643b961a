// The OpenAPI document against what the server really sends: runs the API
// test programs (tests/api) with GUILD_API_RECORD_DIR set, so every answer
// they get is recorded, then checks each recorded answer under /api/v1:
//   - its path and method are a documented operation (404 and 405 from the
//     router for unknown ones are fine),
//   - its status is among the operation's documented responses,
//   - its content type is the documented one, and
//   - its body validates against the documented schema (JSON Schema 2020-12,
//     by Ajv), with undocumented fields reported (strict-schemas.mjs).
// Each problem is printed once, with how often it was seen and the first
// test that saw it. Environment: GUILD_API_TEST_DIR, the folder holding the
// API test programs (default ../build/tests/api from web/).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { DOCUMENT_NAME, loadDocument, matchPath, operations, pointerToken, responseFor, WEB_DIR } from './openapi.mjs';
import { closedDocument } from './strict-schemas.mjs';

const API_PREFIX = '/api/v1/';
const TEST_DIR = resolve(WEB_DIR, process.env.GUILD_API_TEST_DIR ?? '../build/tests/api');
/** API test programs that need more than the machine (a PostgreSQL server). */
const SKIPPED = new Set(['api_two_server_test']);
const RUN_TIMEOUT_MS = 300_000;
const ROUTER_ANSWERS = new Set([404, 405]);
const NOT_MODIFIED = 304;

function testPrograms() {
  let names;
  try {
    names = readdirSync(TEST_DIR);
  } catch {
    throw new Error(`No API test programs at ${TEST_DIR}: build them (cmake --build build) or set GUILD_API_TEST_DIR`);
  }
  return names
    .filter((n) => n.endsWith('_test') && !SKIPPED.has(n))
    .map((n) => join(TEST_DIR, n))
    .filter((p) => statSync(p).isFile() && (statSync(p).mode & 0o111) !== 0)
    .sort();
}

/** Runs every API test program with recording on; returns the recorded exchanges. */
function record() {
  const programs = testPrograms();
  assert.ok(programs.length > 0, `no *_test program in ${TEST_DIR}`);
  const dir = mkdtempSync(join(tmpdir(), 'guild-api-record-'));
  try {
    for (const program of programs) {
      const run = spawnSync(program, ['--gtest_brief=1'], {
        env: { ...process.env, GUILD_API_RECORD_DIR: dir },
        encoding: 'utf8',
        timeout: RUN_TIMEOUT_MS,
      });
      if (run.error) throw new Error(`${program} could not run: ${run.error.message}`);
      // A failing API test is reported by its own CTest entry; its answers are still checked here.
      if (run.status !== 0) console.log(`note: ${program} exited with ${run.status}; its failures are reported by its own tests`);
    }
    const exchanges = [];
    for (const file of readdirSync(dir)) {
      for (const line of readFileSync(join(dir, file), 'utf8').split('\n')) if (line) exchanges.push(JSON.parse(line));
    }
    return { programs, exchanges };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function describeError(e) {
  const where = e.instancePath || '(the body)';
  if (e.keyword === 'unevaluatedProperties') return `${where}: has "${e.params.unevaluatedProperty}", which the document does not describe`;
  if (e.keyword === 'required') return `${where}: lacks "${e.params.missingProperty}", which the document marks required`;
  return `${where}: ${e.message}${e.params?.allowedValues ? ` (${e.params.allowedValues.join(', ')})` : ''}`;
}

function schemaLocation(e) {
  const at = e.schemaPath.indexOf('#');
  return at >= 0 ? e.schemaPath.slice(at) : e.schemaPath;
}

/** Checks one exchange; returns [problem key, message] pairs. */
function check(doc, ajv, x) {
  const url = new URL(x.target, 'http://guild.test');
  if (!url.pathname.startsWith(API_PREFIX)) return [];
  const method = x.method.toLowerCase();
  const template = matchPath(doc, url.pathname);
  const operation = template ? doc.paths[template][method] : undefined;
  const op = `${x.method} ${template ?? url.pathname}`;
  if (!operation) {
    if (ROUTER_ANSWERS.has(x.status)) return [];
    return [[`${op} undocumented`, `${op}: the server answered ${x.status}, but ${DOCUMENT_NAME} has no such operation`]];
  }
  const found = responseFor(operation, x.status);
  const listed = Object.keys(operation.responses ?? {}).join(', ');
  if (!found) {
    return [[`${op} ${x.status}`, `${op} (${operation.operationId ?? 'no operationId'}): answered ${x.status}, which is not among its documented responses (${listed})`]];
  }
  if (x.status === NOT_MODIFIED) return [];
  const mediaType = (x.content_type ?? '').split(';')[0].trim().toLowerCase();
  const content = found.response.content ?? {};
  if (!x.body) return Object.keys(content).length ? [[`${op} ${x.status} empty`, `${op} ${x.status}: the body is empty, but the document describes ${Object.keys(content).join(', ')}`]] : [];
  if (!content[mediaType]) {
    return [[`${op} ${x.status} ${mediaType}`, `${op} ${x.status}: sent as ${mediaType || '(no content type)'}, documented as ${Object.keys(content).join(', ') || 'no body'}`]];
  }
  if (!content[mediaType].schema || !mediaType.includes('json')) return [];
  const pointer = ['paths', template, method, 'responses', found.key, 'content', mediaType, 'schema'].map(pointerToken).join('/');
  const validate = ajv.getSchema(`openapi.json#/${pointer}`);
  let body;
  try {
    body = JSON.parse(x.body);
  } catch {
    return [[`${op} ${x.status} not json`, `${op} ${x.status}: the body is not JSON: ${x.body.slice(0, 80)}`]];
  }
  if (validate(body)) return [];
  return validate.errors.map((e) => [
    `${op} ${x.status} ${e.instancePath.replace(/\/\d+/g, '/*')} ${e.keyword} ${JSON.stringify(e.params)}`,
    `${op} ${x.status} (${operation.operationId ?? 'no operationId'}): ${describeError(e)} [schema ${schemaLocation(e)}]`,
  ]);
}

test('every answer the API tests get follows the OpenAPI document', () => {
  const doc = loadDocument();
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(closedDocument(doc), 'openapi.json');

  const { programs, exchanges } = record();
  const problems = new Map();
  const answered = new Set();
  let checked = 0;
  for (const x of exchanges) {
    if (!x.target.startsWith(API_PREFIX)) continue;
    checked++;
    const template = matchPath(doc, new URL(x.target, 'http://guild.test').pathname);
    if (template && x.status < 300) answered.add(`${x.method.toLowerCase()} ${template}`);
    for (const [key, message] of check(doc, ajv, x)) {
      const seen = problems.get(key);
      if (seen) seen.count++;
      else problems.set(key, { message, count: 1, first: `${x.test}: ${x.method} ${x.target}` });
    }
  }
  console.log(`checked ${checked} answers recorded by ${programs.length} API test programs against ${DOCUMENT_NAME}`);
  const unchecked = operations(doc).filter((o) => !answered.has(`${o.method} ${o.path}`));
  for (const o of unchecked) console.log(`note: no API test gets a 2xx answer from ${o.method.toUpperCase()} ${o.path}; its success shape is unchecked`);
  const report = [...problems.values()].map((p) => `- ${p.message}\n    seen ${p.count}×, first in ${p.first}`);
  assert.equal(
    report.length,
    0,
    `${report.length} answers differ from ${DOCUMENT_NAME} (fix the document or the handler; docs/API.md, "The contract, checked"):\n${report.join('\n')}`,
  );
});
