// The search's words marked in the rows (by the extras' module, which a panel without extras
// markup loads on its first search): as text, through the same fold as the search, kept up to
// date as the query changes, the rows scroll, and the box is cleared.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, widget, pageWithTable } from './harness.mjs';
import { withoutExtras } from '../../scripts/demo-page.mjs';

const TABLE = [
  { id: 'apples_buy', label: 'Äpfel kaufen', scopes: ['orders:write'] },
  { id: 'office_istanbul', label: 'İstanbul office', scopes: ['offices:read'] },
  { id: 'markup', label: 'Show <b>bold</b> offers', scopes: ['offers:read'] },
  { id: 'plain', label: 'List orders', scopes: ['orders:read'] },
];
const LONG = Array.from({ length: 1000 }, (_, index) => ({ id: `action_${index}`, label: `List Invoice ${index}`, scopes: ['invoices:read'] }));

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** The marked texts of the shown rows, row by row, each as [label, id, scopes] marks. */
const marked = (w) => w.rows.evaluateAll((rows) => rows.map((row) => [...row.querySelectorAll('mark')].map((mark) => mark.textContent)));
/** The shown rows' label texts, as a reader reads them. */
const labels = (w) => w.panel.locator('.guides-scope-selector__row:not([hidden]) .guides-scope-selector__action-label').allTextContents();

test('a search marks its words in the rows, through the fold, as text', async () => {
  const page = await open(env.browser, `${env.url}marks.html`, { html: withoutExtras(pageWithTable('index.html', JSON.stringify(TABLE))) });
  const w = widget(page);
  await w.search.fill('apfel');
  // The first search loads the extras' module; the marks follow.
  await page.waitForFunction(() => document.querySelector('.guides-scope-selector__row:not([hidden]) mark'));
  assert.deepEqual(await marked(w), [['Äpfel']]);

  await w.search.fill('istanbul OFF');
  assert.deepEqual(await marked(w), [['İstanbul', 'off', 'off', 'istanbul', 'off']]);
  assert.deepEqual(await labels(w), ['İstanbul office'], 'the text reads as before');

  // A label holding markup is text: the mark holds the characters "<b>", and no <b> element exists.
  await w.search.fill('<b>');
  assert.deepEqual(await marked(w), [['<b>']]);
  assert.equal(await w.panel.locator('b').count(), 0);
  assert.deepEqual(await labels(w), ['Show <b>bold</b> offers']);

  // Each mark is inside the field it belongs to.
  await w.search.fill('orders');
  assert.deepEqual(await marked(w), [['orders', 'orders'], ['orders']]);

  // "r" is in every action, inside a word or in a scope: all ranked alike, in table order, every
  // row shown. Esc then clears the query without showing, hiding or rewriting a row, and the marks
  // go with it.
  await w.search.fill('r');
  assert.deepEqual(await w.shownIds(), TABLE.map((action) => action.id));
  assert.ok((await marked(w)).every((marks) => marks.length > 0));
  await w.search.focus();
  await page.keyboard.press('Escape');
  assert.equal(await w.search.inputValue(), '');
  assert.deepEqual((await marked(w)).flat(), [], 'Esc clears the marks with the query');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('rows a long list renders as it scrolls are marked too', async () => {
  const page = await open(env.browser, `${env.url}marks-long.html`, { html: withoutExtras(pageWithTable('index.html', JSON.stringify(LONG))) });
  const w = widget(page);
  await w.search.fill('invoice 9');
  await page.waitForFunction(() => document.querySelector('.guides-scope-selector__row:not([hidden]) mark'));
  await w.search.fill('invoice');
  const list = w.panel.locator('.guides-scope-selector__list');
  await list.evaluate(async (element) => {
    element.scrollTop = element.scrollHeight / 2;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  });
  const rows = await marked(w);
  const ids = await w.shownIds();
  assert.ok(ids.length > 5 && !ids.includes('action_0'), `scrolled to other rows: ${ids[0]}…`);
  assert.deepEqual(rows, ids.map(() => ['Invoice', 'invoice']), 'the label and the scope of every row in view');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
