// The spec importer for scripts (www/dist/import.js, its own wasm module) in Node: it gives
// exactly the table, scheme, counts and messages of `scope-selector import` (the CLI, which
// `cargo test` builds), and a reader's page never loads it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importSpec } from '../www/dist/import.js';

const specs = new URL('./fixtures/specs/', import.meta.url).pathname;
const files = readdirSync(specs).filter((file) => /\.(json|yaml)$/.test(file) && !file.endsWith('.expected.json')).sort();
const cli = new URL('../target/debug/scope-selector', import.meta.url).pathname;

/** `scope-selector import PATH ARGS`: the table (parsed) and standard error's lines, or the message it fails with. */
function cliImport(path, args = []) {
  const run = spawnSync(cli, ['import', path, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const lines = run.stderr.trim().split('\n').map((line) => line.replace(/^scope-selector: /, ''));
  if (run.status !== 0) {
    assert.equal(run.status, 1);
    assert.equal(lines.length, 1);
    assert.ok(lines[0].startsWith(`${path}: `));
    return { error: lines[0].slice(path.length + 2) };
  }
  return { table: JSON.parse(run.stdout), stderr: lines };
}

/** What the CLI writes to standard error for `result`, but the scheme's reason. */
function cliLines({ scheme, summary, warnings }, path) {
  const dropped = summary.dropped.reduce((sum, [, count]) => sum + count, 0);
  let counts = `${summary.read} operations read, ${summary.kept} kept, ${dropped} dropped`;
  if (dropped > 0) counts += ` (${summary.dropped.map(([reason, count]) => `${count} ${reason}`).join(', ')})`;
  return [...warnings.slice(0, 10).map((warning) => `warning: ${path}: ${warning}`), `security scheme "${scheme}"`, counts];
}

/** `importSpec` on `path` matches the CLI's run with `args`. */
async function sameAsCli(path, options, args) {
  const expected = cliImport(path, args);
  const result = await importSpec(readFileSync(path, 'utf8'), options);
  assert.deepEqual(Object.keys(result).sort(), ['scheme', 'summary', 'table', 'warnings']);
  assert.deepEqual(result.table, expected.table);
  const [schemeLine, ...rest] = cliLines(result, path).slice(-2);
  const stderr = expected.stderr ?? [];
  assert.ok(stderr.at(-2)?.startsWith(`${schemeLine} (`), `${stderr.at(-2)} names the scheme "${result.scheme}"`);
  assert.deepEqual(stderr.at(-1), rest[0]);
  assert.deepEqual(stderr.slice(0, -2), cliLines(result, path).slice(0, -2));
  return result;
}

test('importSpec gives exactly what `scope-selector import` gives, on every spec fixture', async () => {
  assert.ok(files.length >= 5, files.join(' '));
  for (const file of files) await sameAsCli(join(specs, file), undefined, []);
  const gmail = await importSpec(readFileSync(join(specs, 'gmail.v1.json'), 'utf8'));
  assert.deepEqual(gmail.summary, { read: 79, kept: 79, dropped: [] });
  assert.equal(gmail.table.actions.length, 79);
});

test('the options are the CLI\'s --scheme, --group-by and --skip-deprecated', async () => {
  const swagger = join(specs, 'petstore.swagger2.yaml');
  const plain = await sameAsCli(swagger, {}, []);
  const skipped = await sameAsCli(swagger, { skipDeprecated: true, groupBy: 'path' }, ['--skip-deprecated', '--group-by', 'path']);
  assert.equal(skipped.summary.kept, plain.summary.kept - 1);
  const apiKey = await sameAsCli(swagger, { scheme: 'api_key' }, ['--scheme', 'api_key']);
  assert.equal(apiKey.scheme, 'api_key');
  assert.notDeepEqual(apiKey.table, plain.table);
});

test('a spec that cannot be imported rejects with the CLI\'s message', async () => {
  const oas3 = join(specs, 'petstore.oas3.yaml');
  const { error } = cliImport(oas3, ['--scheme', 'basic']);
  await assert.rejects(importSpec(readFileSync(oas3, 'utf8'), { scheme: 'basic' }), { name: 'Error', message: error });
  const work = mkdtempSync(join(tmpdir(), 'scope-selector-import-'));
  try {
    for (const [name, text] of [['syntax.yaml', 'openapi: 3.0.3\npaths: [\n'], ['other.json', '{"name": "not a spec"}'], ['nokey.yaml', "swagger: '2.0'\npaths: {}\n"]]) {
      const path = join(work, name);
      writeFileSync(path, text);
      const expected = cliImport(path).error;
      assert.ok(expected, `${name} fails in the CLI`);
      await assert.rejects(importSpec(text), { name: 'Error', message: expected });
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  await assert.rejects(importSpec(readFileSync(oas3, 'utf8'), { groupBy: /** @type {'tag'} */ ('tags') }), { message: 'options.groupBy must be "tag" or "path"' });
  await assert.rejects(importSpec(/** @type {string} */ (/** @type {unknown} */ (42))), TypeError);
});

test('a reader\'s page never loads the scripts\' module (the importer and the panel markup)', () => {
  const dist = new URL('../www/dist/', import.meta.url);
  for (const file of ['scope-selector.js', 'index.js', 'auto.js', 'loader.js']) {
    const text = readFileSync(new URL(file, dist), 'utf8');
    assert.doesNotMatch(text, /import\.wasm|import\.js|importSpec|panelMarkup/, `${file} does not reference the scripts' module`);
  }
  // The helpers (for scripts) take their panel markup from it, as a file of its own.
  assert.match(readFileSync(new URL('tools.js', dist), 'utf8'), /from "\.\/import\.js"/);
  const importer = readFileSync(new URL('import.js', dist), 'utf8');
  assert.match(importer, /import\.wasm/);
  // Its glue got scripts/fix-glue.mjs's fixes: strings at their exact length, no default wasm URL.
  assert.match(importer, /\.encode\(/);
  assert.doesNotMatch(importer, /encodeInto|_bg\.wasm/);
});
