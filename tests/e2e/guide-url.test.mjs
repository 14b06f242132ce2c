// Property test of guide URLs across implementations: for a random table, key, choice and
// separator, the CLI (the core, natively) and buildGuideUrl (the core in wasm, in Node) build the
// same URL, which, opened in Chromium, restores exactly that choice and separator in the widget
// (the core again, reading the URL the browser gives it).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { start, open, widget, pageWithTable } from './harness.mjs';
import { seededRandom } from '../../scripts/random.mjs';
import { buildGuideUrl, parseGuideUrl } from '../../www/dist/tools.js';

const CLI = new URL('../../target/debug/scope-selector', import.meta.url).pathname;
const SEPARATORS = ['space', 'comma', 'semicolon', 'pipe', 'newline'];
const CASES = 16;

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });


test('a URL built by the CLI and by buildGuideUrl restores its choice and separator in the browser', async () => {
  const dir = mkdtempSync(`${tmpdir()}/scope-selector-urls-`);
  for (let at = 0; at < CASES; at += 1) {
    const next = seededRandom(20261202 + at);
    const pick = (list) => list[Math.floor(next() * list.length)];
    // Ids with characters a URL must encode, but never a space or a comma (the table forbids them).
    const alphabet = ['a', 'b', 'z', '_', '-', '.', ':', '/', '?', '&', '=', '+', '%', '#', 'é', '✓', '"'];
    const size = 1 + Math.floor(next() * 25);
    const ids = new Set();
    while (ids.size < size) ids.add(Array.from({ length: 1 + Math.floor(next() * 6) }, () => pick(alphabet)).join(''));
    const table = [...ids].map((id, index) => ({ id, label: `Action ${index}`, scopes: [`area${index % 4}:${pick(['read', 'write'])}`] }));
    const chosen = table.filter(() => next() < 0.4).map((action) => action.id);
    if (!chosen.length) chosen.push(table[0].id);
    const separator = pick(SEPARATORS);
    const key = pick(['', 'crm', 'k2', 'ats-v1']);

    const file = `${dir}/table-${at}.json`;
    writeFileSync(file, JSON.stringify(table));
    const path = `prop-${at}.html`;
    const args = ['url', '--base', `${env.url}${path}?lang=en#setup`, `--actions=${chosen.join(',')}`, '--separator', separator, '--table', file];
    if (key) args.push('--key', key);
    const url = execFileSync(CLI, args, { encoding: 'utf8' }).trim();
    const base = `${env.url}${path}?lang=en#setup`;
    assert.equal(await buildGuideUrl(base, chosen, { table, separator, key }), url, `case ${at}: buildGuideUrl agrees`);
    const parsed = await parseGuideUrl(url, { table: JSON.stringify(table), key });
    assert.deepEqual([parsed.actions, parsed.separator, parsed.notices], [table.map((action) => action.id).filter((id) => chosen.includes(id)), separator, []]);

    const html = pageWithTable('index.html', JSON.stringify(table))
      .replace('data-guides-scope-selector ', key ? `data-guides-scope-selector="${key}" ` : 'data-guides-scope-selector ');
    const page = await open(env.browser, url, { html });
    const w = widget(page);
    if (at === 0) {
      // The helpers in a browser too (fetching their wasm instead of reading it from disk).
      const inBrowser = await page.evaluate(async ([base, ids, options]) => {
        const { buildGuideUrl } = await import('/dist/tools.js');
        return buildGuideUrl(base, ids, options);
      }, [base, chosen, { table, separator, key }]);
      assert.equal(inBrowser, url, 'buildGuideUrl in Chromium agrees');
    }
    const expected = table.map((action) => action.id).filter((id) => chosen.includes(id));
    assert.deepEqual(await w.checkedIds(), expected, `case ${at}: ${url}`);
    assert.equal(await w.separator.inputValue(), separator, `case ${at}: ${url}`);
    assert.equal(await w.panel.locator('.guides-scope-selector__notices').isHidden(), true, `case ${at}: no notice for ${url}`);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  }
});
