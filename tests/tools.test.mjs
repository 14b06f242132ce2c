// The JS helpers for integrators (www/dist/tools.js) in Node: they build and read guide URLs with
// the same rules and the same messages as the CLI.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { buildGuideUrl, parseGuideUrl, renderPanel } from '../www/dist/tools.js';

const tablePath = new URL('./fixtures/ashby-actions.json', import.meta.url).pathname;
const table = JSON.parse(readFileSync(tablePath, 'utf8'));
const cli = new URL('../target/debug/scope-selector', import.meta.url).pathname;
/** The CLI's standard error for `args` (it exits 1). */
function cliError(args) {
  try {
    execFileSync(cli, args, { stdio: 'pipe' });
  } catch (error) {
    assert.equal(error.status, 1);
    return error.stderr.toString().replace(/^scope-selector: /, '').trim();
  }
  throw new Error('the CLI accepted it');
}

test('buildGuideUrl builds what the CLI builds, from an array or JSON text', async () => {
  const url = await buildGuideUrl('https://docs.example.com/ashby#keys', ['ashby_get_offer', 'ashby_list_jobs'], { table, separator: 'comma' });
  assert.equal(url, 'https://docs.example.com/ashby?actions=ashby_list_jobs+ashby_get_offer&separator=comma#keys');
  const cliUrl = execFileSync(cli, ['url', '--base', 'https://docs.example.com/ashby#keys', '--actions', 'ashby_get_offer,ashby_list_jobs', '--separator', 'comma', '--table', tablePath], { encoding: 'utf8' }).trim();
  assert.equal(url, cliUrl);
  assert.equal(await buildGuideUrl('https://h/', 'ashby_list_jobs', { table: JSON.stringify(table), key: 'ats' }), 'https://h/?ats-actions=ashby_list_jobs');
});

test('buildGuideUrl refuses what the CLI refuses, with the same message', async () => {
  await assert.rejects(buildGuideUrl('https://x/', ['nope', 'ashby_list_jobs', 'zz'], { table }), {
    message: cliError(['url', '--base', 'https://x/', '--actions', 'nope,ashby_list_jobs,zz', '--table', tablePath]),
  });
  await assert.rejects(buildGuideUrl('https://x/', ['ashby_list_jobs'], { table, separator: 'tab' }), {
    message: cliError(['url', '--base', 'https://x/', '--actions', 'ashby_list_jobs', '--separator', 'tab', '--table', tablePath]),
  });
  await assert.rejects(buildGuideUrl('https://x/', ['a'], { table: [{ id: 'a b', label: 'A', scopes: [] }] }), {
    message: 'action at index 0: "id" must not contain spaces or commas',
  });
  await assert.rejects(buildGuideUrl('https://x/', ['a'], {}), /options\.table must be the action table/);
  await assert.rejects(buildGuideUrl('https://x/', 5, { table }), /actions must be an array of action ids/);
});

test('parseGuideUrl reads a link as the widget does', async () => {
  const parsed = await parseGuideUrl('https://d/ashby?actions=ashby_list_jobs+zz&separator=pipe', { table });
  assert.deepEqual(parsed, {
    actions: ['ashby_list_jobs'], scopes: ['jobsRead'], separator: 'pipe',
    notices: ['1 action in the link was not found in this guide'],
  });
  const cliJson = JSON.parse(execFileSync(cli, ['decode', 'https://d/ashby?actions=ashby_list_jobs+zz&separator=pipe', '--table', tablePath, '--json'], { encoding: 'utf8' }));
  assert.deepEqual(parsed, cliJson);
});

test('renderPanel prints what scope-selector render prints', async () => {
  const html = await renderPanel(table, { key: 'ats' });
  assert.ok(!html.includes('data-guide-key-check'));
  assert.ok((await renderPanel(table, { extras: true })).includes('data-guide-key-check'));
  assert.equal(html, execFileSync(cli, ['render', '--table', tablePath, '--key', 'ats'], { encoding: 'utf8' }));
  await assert.rejects(renderPanel([{ id: 'a', label: 'A' }]), { message: 'action at index 0: "scopes" is missing' });
});

test('createCatalog searches and unites scopes as the widget does, and names what is wrong', async () => {
  const { createCatalog, tableProblem, tableNotices } = await import('../www/dist/tools.js');
  const small = [
    { id: 'deals_list', label: 'List Deals', scopes: ['deals:read'] },
    { id: 'deals_update', label: 'Update Deal', scopes: ['deals:write', 'deals:read'] },
    { id: 'audit_export', label: 'Export Audit Log', scopes: ['audit:read'] },
  ];
  const catalog = await createCatalog(small);
  assert.equal(catalog.length, 3);
  assert.deepEqual([...catalog.search('DEAL')], [0, 1]);
  assert.deepEqual([...catalog.search('deal write')], [1]);
  // Ranked as the widget lists them: the exact label, a label prefix, a word start, the rest.
  const ranked = await createCatalog([
    { id: 'notes', label: 'Read deal notes', scopes: [] },
    { id: 'ideal', label: 'Ideal rename', scopes: ['deal:write'] },
    { id: 'deals', label: 'Deals list', scopes: [] },
    { id: 'deal', label: 'Deal', scopes: [] },
  ]);
  assert.deepEqual([...ranked.search('deal')], [3, 2, 0, 1]);
  // Case and diacritics are folded by the JS engine, as in the widget.
  const accents = await createCatalog([{ id: 'a', label: 'Äpfel', scopes: [] }, { id: 'b', label: 'İstanbul', scopes: [] }]);
  assert.deepEqual([...accents.search('apfel')], [0]);
  assert.deepEqual([...accents.search('ISTANBUL')], [1]);
  // JSON text crosses into wasm memory as UTF-8 at its exact length: characters of two, three and
  // four bytes (a surrogate pair) read whole; a lone surrogate in the text becomes U+FFFD, as an
  // escaped one does in the core's reader.
  const json = String.raw`[{"id":"a","label":"Café 🙂 · Zürich","scopes":["x"]},{"id":"b","label":"escaped \ud800 end","scopes":["y"]}`
    + ',{"id":"c","label":"raw \uD800 end","scopes":["z"]}]';
  assert.ok(json.includes('\uD800') && json.includes(String.raw`\ud800`));
  const text = await createCatalog(json);
  assert.deepEqual([...text.search('🙂 zurich')], [0]);
  assert.deepEqual([...text.search('CAFE ·')], [0]);
  assert.deepEqual([...text.search('escaped \ufffd end')], [1]);
  assert.deepEqual([...text.search('raw \ufffd end')], [2]);
  assert.deepEqual(text.scopes([2, 0]), ['x', 'z']);
  text.free();
  assert.deepEqual(catalog.scopes([2, 1, 0]), ['deals:read', 'deals:write', 'audit:read']);
  assert.deepEqual(catalog.warnings, []);
  assert.throws(() => catalog.scopes([3]), Error);
  catalog.free();
  await assert.rejects(createCatalog('[]'), { message: 'the action table has no actions' });
  assert.equal(await tableProblem('5'), 'the action table must be a JSON array, found a number');
  assert.equal(await tableProblem('[{"id":"a","label":"A"}]'), 'action at index 0: "scopes" is missing');
  assert.match(await tableProblem('[{'), /^the action table is not valid JSON \(/);
  assert.equal(await tableProblem(JSON.stringify(small)), null);
  assert.deepEqual(await tableNotices('[{"id":"a","label":"A","scopes":["s"]},{"id":"a","label":"B","scopes":["s"]}]'),
    ['action at index 1 repeats the id "a" of index 0 and was left out']);
});

test('a large table whose text is not plain ASCII crosses into wasm memory at its own length', async () => {
  const { createCatalog, load } = await import('../www/dist/tools.js');
  (await createCatalog([{ id: 'a', label: 'A', scopes: [] }])).free();
  const { memory } = await load();
  const before = memory.buffer.byteLength;
  const json = JSON.stringify(Array.from({ length: 40_000 }, (_, at) =>
    ({ id: `action_${at}`, label: `Élément ${at} · liste`, scopes: [`module${at % 40}:read`] })));
  const catalog = await createCatalog(json);
  const grown = memory.buffer.byteLength - before;
  assert.equal(catalog.length, 40_000);
  assert.deepEqual([...catalog.search('element 39999')], [39_999]);
  catalog.free();
  // Measured: 2.76 times the JSON's length (the text, the table and the index), and 4.0 times
  // with wasm-bindgen's own conversion, which reserves three bytes per character of such text.
  assert.ok(grown < 3.25 * json.length, `memory grew by ${grown} B for ${json.length} B of JSON`);
});

test('every shipped glue passes strings at their exact length (scripts/fix-glue.mjs)', () => {
  for (const glue of ['scope-selector.js', 'index.js', 'tools.js']) {
    const text = readFileSync(new URL(`../www/dist/${glue}`, import.meta.url), 'utf8');
    assert.match(text, /\.encode\(/, `${glue} encodes strings`);
    assert.doesNotMatch(text, /encodeInto/, `${glue} still writes strings into a buffer of three bytes per character`);
  }
});
