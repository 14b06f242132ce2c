// The reader's journey by keyboard alone: `/` to the search, arrows through the rows and back,
// Space to tick, Esc to clear the search, Tab to the copy button; on the Ashby demo and on a list
// long enough to render only the rows in view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, widget, fixture, pageWithTable, expectedSearch, expectedUnion, clipboard, copyFeedback } from './harness.mjs';
import { withoutExtras } from '../../scripts/demo-page.mjs';

const table = fixture('ashby-actions.json');
let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** The id of the row whose checkbox has the focus, or what else has it. */
const focused = (page) => page.evaluate(() => {
  const active = document.activeElement;
  const row = active?.closest('.guides-scope-selector__row');
  if (row) return row.querySelector('.guides-scope-selector__action-id').textContent;
  if (active?.hasAttribute('data-guide-action-search')) return 'search';
  return active?.tagName.toLowerCase() ?? null;
});

test('the whole Ashby journey by keyboard alone', async () => {
  const page = await open(env.browser, `${env.url}index.html`);
  const w = widget(page);
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  assert.equal(await focused(page), 'search');
  assert.equal(await w.search.inputValue(), '', 'the / that moved the focus is not typed');
  await page.keyboard.type('offer');
  const offers = expectedSearch(table, 'offer').map((action) => action.id);
  assert.deepEqual(await w.shownIds(), offers);

  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), offers[0]);
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), offers[1]);
  await page.keyboard.press('Space');
  assert.deepEqual(await w.checkedIds(), offers.slice(0, 2));
  assert.match(await w.status.textContent(), /^2 of 137 actions selected · \d+ shown$/);
  assert.equal(await w.status.getAttribute('role'), 'status', 'the counts are announced');

  // Up from the first row is the search box; Esc there clears the search, ticks kept.
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), 'search');
  await page.keyboard.press('Escape');
  assert.equal(await w.search.inputValue(), '');
  assert.equal(await w.rows.count(), table.length);
  assert.equal(await focused(page), 'search');
  // A `/` typed in the search box is text.
  await page.keyboard.type('a/b');
  assert.equal(await w.search.inputValue(), 'a/b');
  await page.keyboard.press('Escape');

  // Tab on to the scopes' copy button and copy with Enter.
  const expected = expectedUnion(table, offers.slice(0, 2)).join(' ');
  assert.equal(await w.output.textContent(), expected);
  for (let tabs = 0; tabs < 200 && !(await page.evaluate(() => document.activeElement?.hasAttribute('data-guide-copy-scopes'))); tabs += 1) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  assert.equal(await copyFeedback(w.copyScopes), 'Copied');
  assert.equal(await clipboard(page), expected);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('arrows walk a windowed list past the rendered rows, and the focus stays on its action', async () => {
  const TABLE = Array.from({ length: 1000 }, (_, index) => ({ id: `action_${index}`, label: `Action ${index}`, scopes: [`s${index % 7}`] }));
  const page = await open(env.browser, `${env.url}keys.html`, { html: withoutExtras(pageWithTable('index.html', JSON.stringify(TABLE))) });
  const w = widget(page);
  await w.search.focus();
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), 'action_0');
  const rendered = await w.rows.count();
  for (let step = 0; step < rendered + 20; step += 1) await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), `action_${rendered + 20}`);
  assert.ok(await w.rows.count() < 100, 'still windowed');
  await page.keyboard.press('Space');
  assert.deepEqual(await w.checkedIds(), [`action_${rendered + 20}`]);
  for (let step = 0; step < 5; step += 1) await page.keyboard.press('ArrowUp');
  assert.equal(await focused(page), `action_${rendered + 15}`);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('/ is left to a site that handles it first, and to text fields', async () => {
  const page = await open(env.browser, `${env.url}index.html`, {
    init: () => document.addEventListener('keydown', (event) => { if (event.key === '/' && window.siteSearch) event.preventDefault(); }),
  });
  const w = widget(page);
  await page.evaluate(() => { window.siteSearch = true; });
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  assert.notEqual(await focused(page), 'search');
  await page.evaluate(() => { window.siteSearch = false; });
  // The key field is enabled once the extras are attached.
  await page.locator('[data-guide-key-check]:not([disabled])').waitFor();
  await page.locator('[data-guide-key-check]').focus();
  await page.keyboard.type('/');
  assert.equal(await page.locator('[data-guide-key-check]').inputValue(), '/');
  assert.equal(await w.search.inputValue(), '');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('keys of an input method, with modifiers or sent to the window leave the widget alone, and it keeps working', async () => {
  const page = await open(env.browser, `${env.url}index.html`);
  const w = widget(page);
  await w.search.focus();
  await w.search.evaluate((search) => {
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', isComposing: true, bubbles: true }));
    search.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', ctrlKey: true, bubbles: true }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '/' }));
  });
  assert.equal(await focused(page), 'search');
  // Still answering: the arrow and a tick go through.
  await page.keyboard.press('ArrowDown');
  assert.equal(await focused(page), table[0].id);
  await page.keyboard.press('Space');
  assert.deepEqual(await w.checkedIds(), [table[0].id]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
