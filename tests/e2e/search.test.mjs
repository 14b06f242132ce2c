// Search that ignores case and diacritics in any script, through the browser's own Unicode
// support: a reader types without accents (or with other ones) and finds the action.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, widget, fixture, pageWithTable, expectedSearch } from './harness.mjs';
import { withoutExtras } from '../../scripts/demo-page.mjs';

const TABLE = [
  { id: 'apples_buy', label: 'Äpfel kaufen', scopes: ['orders:write'] },
  { id: 'office_istanbul', label: 'İstanbul office', scopes: ['offices:read'] },
  { id: 'greek_docs', label: 'Ελληνικά έγγραφα', scopes: ['docs:read'] },
  { id: 'cafe_menu', label: 'Cafe menu', scopes: ['menus:read'] },
  { id: 'resume_upload', label: 'Upload résumé', scopes: ['candidates:write'] },
  { id: 'plain', label: 'List orders', scopes: ['orders:read'] },
];

const ashby = fixture('ashby-actions.json');
let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

test('search ignores case and diacritics, in the data and in the query', async () => {
  const page = await open(env.browser, `${env.url}search.html`, { html: withoutExtras(pageWithTable('index.html', JSON.stringify(TABLE))) });
  const w = widget(page);
  const cases = {
    apfel: ['apples_buy'],
    ÄPFEL: ['apples_buy'],
    istanbul: ['office_istanbul'],
    ISTANBUL: ['office_istanbul'],
    ελληνικα: ['greek_docs'],
    'ΕΓΓΡΑΦΑ': ['greek_docs'],
    café: ['cafe_menu'],
    resume: ['resume_upload'],
    'résumé upload': ['resume_upload'],
    // The label's match first, then the scope's.
    orders: ['plain', 'apples_buy'],
  };
  for (const [query, ids] of Object.entries(cases)) {
    await w.search.fill(query);
    assert.deepEqual(await w.shownIds(), ids, query);
    assert.deepEqual(ids, expectedSearch(TABLE, query).map((action) => action.id), `the reference agrees on ${query}`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('results are ranked: the exact label, label prefixes, word starts, then ids and scopes', async () => {
  const page = await open(env.browser, `${env.url}flat.html`);
  const w = widget(page);
  const shownLabels = () => w.panel.locator('.guides-scope-selector__row:not([hidden]) .guides-scope-selector__action-label').allTextContents();
  await w.search.fill('get job');
  assert.deepEqual((await shownLabels()).slice(0, 2), ['Get Job', 'Get Job Posting'], 'the exact label, then a label prefix');
  assert.deepEqual(await w.shownIds(), expectedSearch(ashby, 'get job').map((action) => action.id));

  // "candidate" is in 22 labels and, through candidatesRead, in the scopes of many more actions.
  await w.search.fill('CANDIDATE');
  const labels = await shownLabels();
  const inLabel = labels.map((label) => label.toLowerCase().includes('candidate'));
  assert.equal(inLabel.filter(Boolean).length, 22);
  assert.equal(inLabel.indexOf(false), 22, 'every label match comes before the matches by scope');
  assert.deepEqual(await w.shownIds(), expectedSearch(ashby, 'candidate').map((action) => action.id));

  // The ranked rows are in this order in the document too: ↓ from the search box reaches the best.
  await w.search.focus();
  await w.search.fill('job');
  await page.keyboard.press('ArrowDown');
  const first = await page.evaluate(() => document.activeElement.closest('.guides-scope-selector__row').querySelector('code').textContent);
  assert.equal(first, expectedSearch(ashby, 'job')[0].id);

  await w.search.fill('');
  assert.deepEqual(await w.shownIds(), ashby.map((action) => action.id), 'table order again without a query');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
