// web/src/api/types.ts against the OpenAPI document:
//   - src/api/openapi.gen.ts is what openapi-typescript makes of the
//     document now (the build regenerates it: `npm run gen:api`),
//   - the web application type-checks against it (tsc), so every page reads
//     only fields the document describes, with their documented types, and
//   - types.ts writes no API shape by hand: each exported type derives from
//     the generated one (Schema<...>, Answer<...>, RequestBody<...>,
//     QueryOf<...> or parts of them); constants and form state that are not
//     API shapes carry a `@clientOnly` comment.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import ts from 'typescript';
import { DOCUMENT_PATH, REPO_DIR, WEB_DIR } from './openapi.mjs';

const GENERATED = resolve(WEB_DIR, 'src/api/openapi.gen.ts');
const TYPES = resolve(WEB_DIR, 'src/api/types.ts');
const BIN = resolve(WEB_DIR, 'node_modules/.bin');
const CLIENT_ONLY = '@clientOnly';

function run(command, args) {
  const result = spawnSync(join(BIN, command), args, { cwd: WEB_DIR, encoding: 'utf8' });
  if (result.error) throw result.error;
  return result;
}

test('src/api/openapi.gen.ts is generated from the current OpenAPI document', () => {
  const dir = mkdtempSync(join(tmpdir(), 'guild-openapi-ts-'));
  try {
    const fresh = join(dir, 'openapi.gen.ts');
    const made = run('openapi-typescript', [DOCUMENT_PATH, '--output', fresh]);
    assert.equal(made.status, 0, `openapi-typescript failed on ${relative(REPO_DIR, DOCUMENT_PATH)}:\n${made.stderr}${made.stdout}`);
    let current = '';
    try {
      current = readFileSync(GENERATED, 'utf8');
    } catch {
      // reported below
    }
    assert.ok(
      current === readFileSync(fresh, 'utf8'),
      `web/src/api/openapi.gen.ts is missing or older than src/api/openapi.json: run \`npm run gen:api\` in web/ (the build does it)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the web application type-checks against the generated API types', () => {
  const checked = run('tsc', ['--noEmit', '--pretty', 'false']);
  assert.equal(
    checked.status,
    0,
    `tsc found pages that do not agree with src/api/openapi.json (a field the document lacks, a type it states differently); ` +
      `fix the page, or the document if the server really sends it:\n${checked.stdout}${checked.stderr}`,
  );
});

/** Exported declarations of types.ts that spell out a shape instead of deriving it. */
function handWritten(source) {
  const file = ts.createSourceFile(TYPES, source, ts.ScriptTarget.ES2022, true);
  // An object type or mapped type anywhere, or a literal that is not a
  // type argument or index ('a' | 'b' is spelled; Schema<'User'> is not).
  const spelled = (node) => {
    let found = false;
    const visit = (n, named) => {
      if (ts.isTypeLiteralNode(n) || ts.isMappedTypeNode(n) || (ts.isLiteralTypeNode(n) && !named)) found = true;
      else if (ts.isTypeReferenceNode(n)) n.typeArguments?.forEach((a) => visit(a, true));
      else if (ts.isIndexedAccessTypeNode(n)) {
        visit(n.objectType, named);
        visit(n.indexType, true);
      } else ts.forEachChild(n, (c) => visit(c, named));
    };
    visit(node, false);
    return found;
  };
  const out = [];
  for (const statement of file.statements) {
    const exported = statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    const comments = ts.getJSDocCommentsAndTags(statement).map((c) => c.getText()).join('\n');
    if (comments.includes(CLIENT_ONLY)) continue;
    const line = file.getLineAndCharacterOfPosition(statement.getStart()).line + 1;
    if (ts.isInterfaceDeclaration(statement)) out.push(`types.ts:${line}: interface ${statement.name.text}`);
    else if (ts.isTypeAliasDeclaration(statement) && statement.typeParameters === undefined && spelled(statement.type)) {
      out.push(`types.ts:${line}: type ${statement.name.text}`);
    }
  }
  return out;
}

test('types.ts writes no API shape by hand', () => {
  const found = handWritten(readFileSync(TYPES, 'utf8'));
  assert.deepEqual(
    found,
    [],
    `${found.length} types in web/src/api/types.ts are written by hand:\n${found.join('\n')}\n` +
      `Describe the shape in src/api/openapi.json and derive it (Schema<'Name'>, Answer<'operationId'>, RequestBody<...>, QueryOf<...>), ` +
      `or mark a type that is not an API shape with a /** ${CLIENT_ONLY} why */ comment (docs/WEB.md, "API types").`,
  );
});
