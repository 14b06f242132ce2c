// Property test of guide URLs across implementations: for a random table, key, choice and
// separator, the CLI (the core, natively) and buildGuideUrl (the core in wasm, in Node) build the
// same URL, which, opened in the browser, restores exactly that choice and separator in the widget
// (the core again, reading the URL the browser gives it); and a link of an earlier version opens.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { expectedUnion, fixture } from '../e2e/harness.mjs';
import { pageWithTable } from '../../scripts/demo-page.mjs';
import { seededRandom } from '../../scripts/random.mjs';
import { buildGuideUrl, parseGuideUrl } from '../../www/dist/tools.js';
import { assertNoErrors, panel } from './harness.mjs';

const CLI = new URL('../../target/debug/scope-selector', import.meta.url).pathname;
const SEPARATORS = ['space', 'comma', 'semicolon', 'pipe', 'newline'];
const CASES = 16;

export const behaviours = {
  'a URL built by the CLI and by buildGuideUrl restores its choice and separator in the browser': async (b, { plain }) => {
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
      const html = pageWithTable('index.html', JSON.stringify(table))
        .replace('data-guides-scope-selector ', key ? `data-guides-scope-selector="${key}" ` : 'data-guides-scope-selector ');
      const base = `${plain.page(`/prop-${at}.html`, html)}?lang=en#setup`;
      const args = ['url', '--base', base, `--actions=${chosen.join(',')}`, '--separator', separator, '--table', file];
      if (key) args.push('--key', key);
      const url = execFileSync(CLI, args, { encoding: 'utf8' }).trim();
      assert.equal(await buildGuideUrl(base, chosen, { table, separator, key }), url, `case ${at}: buildGuideUrl agrees`);
      const parsed = await parseGuideUrl(url, { table: JSON.stringify(table), key });
      const expected = table.map((action) => action.id).filter((id) => chosen.includes(id));
      assert.deepEqual([parsed.actions, parsed.separator, parsed.notices], [expected, separator, []]);

      await b.open(url);
      const w = panel(b);
      if (at === 0) {
        // The helpers in a browser too (fetching their wasm instead of reading it from disk).
        const inBrowser = await b.run(async (base, ids, options) => {
          const { buildGuideUrl } = await import('/dist/tools.js');
          return buildGuideUrl(base, ids, options);
        }, base, chosen, { table, separator, key });
        assert.equal(inBrowser, url, `buildGuideUrl in ${b.name} agrees`);
      }
      assert.deepEqual(await w.checkedIds(), expected, `case ${at}: ${url}`);
      assert.equal(await w.separator(), separator, `case ${at}: ${url}`);
      assert.equal(await w.visible('.guides-scope-selector__notices'), false, `case ${at}: no notice for ${url}`);
      await assertNoErrors(b);
    }
  },

  'a link of an earlier version (commas between ids) opens its choice': async (b, { plain }) => {
    const table = fixture('ashby-actions.json');
    // Out of table order in the link; the panel shows them in table order.
    const ids = ['ashby_create_offer', 'ashby_list_jobs'];
    const known = table.map((action) => action.id).filter((id) => ids.includes(id));
    assert.equal(known.length, 2);
    await b.open(`${plain.url}flat.html?actions=${ids.join(',')}&separator=newline`);
    const w = panel(b);
    assert.deepEqual(await w.checkedIds(), known);
    assert.equal(await w.output(), expectedUnion(table, ids).join('\n'));
    assert.equal(await w.separator(), 'newline');
  },
};
