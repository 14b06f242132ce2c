// Search that ignores case and diacritics in any script, through the browser's own Unicode
// support: a reader types without accents (or with other ones) and finds the action.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, widget, pageWithTable, expectedSearch } from './harness.mjs';
import { withoutExtras } from '../../scripts/demo-page.mjs';

const TABLE = [
  { id: 'apples_buy', label: 'Äpfel kaufen', scopes: ['orders:write'] },
  { id: 'office_istanbul', label: 'İstanbul office', scopes: ['offices:read'] },
  { id: 'greek_docs', label: 'Ελληνικά έγγραφα', scopes: ['docs:read'] },
  { id: 'cafe_menu', label: 'Cafe menu', scopes: ['menus:read'] },
  { id: 'resume_upload', label: 'Upload résumé', scopes: ['candidates:write'] },
  { id: 'plain', label: 'List orders', scopes: ['orders:read'] },
];

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
    orders: ['apples_buy', 'plain'],
  };
  for (const [query, ids] of Object.entries(cases)) {
    await w.search.fill(query);
    assert.deepEqual(await w.shownIds(), ids, query);
    assert.deepEqual(ids, expectedSearch(TABLE, query).map((action) => action.id), `the reference agrees on ${query}`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
