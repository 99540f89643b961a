// The OpenAPI document (src/api/openapi.json) as the contract checks read it:
// where it is, which operation a request hits, and the schema its answer
// must follow. Shared by the contract checks in this folder (docs/API.md,
// "The contract, checked").

import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WEB_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const REPO_DIR = resolve(WEB_DIR, '..');
export const DOCUMENT_PATH = resolve(REPO_DIR, 'src/api/openapi.json');
/** The document's path as people type it, for messages. */
export const DOCUMENT_NAME = relative(REPO_DIR, DOCUMENT_PATH);

export const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function loadDocument() {
  return JSON.parse(readFileSync(DOCUMENT_PATH, 'utf8'));
}

/** Every operation: {method, path, operation}. */
export function operations(doc) {
  const out = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) if (item[method]) out.push({ method, path, operation: item[method] });
  }
  return out;
}

/**
 * The documented path a request path hits: segments equal, or a `{name}`
 * template segment standing for any one segment; the most literal match wins
 * (`/skills/suggest` before `/skills/{id}`). null when none matches.
 */
export function matchPath(doc, pathname) {
  const parts = pathname.split('/');
  let best = null;
  let bestLiterals = -1;
  for (const template of Object.keys(doc.paths ?? {})) {
    const t = template.split('/');
    if (t.length !== parts.length) continue;
    let literals = 0;
    let ok = true;
    for (let i = 0; i < t.length && ok; i++) {
      if (/^\{[^}]+\}$/.test(t[i])) continue;
      if (t[i] === decodeURIComponent(parts[i])) literals++;
      else ok = false;
    }
    if (ok && literals > bestLiterals) {
      best = template;
      bestLiterals = literals;
    }
  }
  return best;
}

/** The documented response for `status`: exact, then `4XX`-style, then `default`. */
export function responseFor(operation, status) {
  const responses = operation.responses ?? {};
  const exact = String(status);
  if (responses[exact]) return { key: exact, response: responses[exact] };
  const range = `${exact[0]}XX`;
  if (responses[range]) return { key: range, response: responses[range] };
  if (responses.default) return { key: 'default', response: responses.default };
  return null;
}

/** JSON pointer escaping of one reference token. */
export const pointerToken = (token) => String(token).replaceAll('~', '~0').replaceAll('/', '~1');
