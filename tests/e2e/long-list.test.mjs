// A table too long to render whole: only the rows in view exist, reused as the reader scrolls or
// searches, and they must still show the right actions, ticks and focus.
import { test, before, after, beforeEach, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, widget, pageWithTable, expectedSearch } from './harness.mjs';

const NOUNS = ['Invoice', 'Ticket', 'Customer', 'Webhook', 'Report'];
const TABLE = Array.from({ length: 1000 }, (_, index) => ({
  id: `action_${index}`,
  label: `${index % 2 ? 'List' : 'Update'} ${NOUNS[index % NOUNS.length]} ${index}`,
  scopes: [`${NOUNS[index % NOUNS.length].toLowerCase()}s:${index % 2 ? 'read' : 'write'}`],
}));

let env;
let page;
let w;
before(async () => { env = await start(); });
after(async () => { await env.close(); });
// Every test starts from a freshly opened page, so each passes alone and in any order.
beforeEach(async () => {
  page = await open(env.browser, `${env.url}long-list.html`, { html: pageWithTable('index.html', JSON.stringify(TABLE)) });
  w = widget(page);
});
afterEach(async () => { assert.deepEqual(page.errors, []); await page.context().close(); });

const list = () => w.panel.locator('.guides-scope-selector__list');
/** Scrolls the list so that row `index` of the result is at its top, then waits for a frame. */
async function scrollToRow(index) {
  await list().evaluate(async (element, at) => {
    const row = element.querySelector('.guides-scope-selector__row:not([hidden])');
    element.scrollTop = at * row.getBoundingClientRect().height;
    await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  }, index);
}
/** The shown rows as [position in the result, id]. */
const shown = () => w.rows.evaluateAll((rows) => rows.map((row) => [
  Number(row.getAttribute('aria-posinset')), row.querySelector('.guides-scope-selector__action-id').textContent,
]));

test('only the rows in view exist, each saying where it stands in the whole list', async () => {
  assert.equal(await w.status.textContent(), '0 of 1000 actions selected');
  const rows = await shown();
  assert.ok(rows.length > 0 && rows.length < 100, `${rows.length} rows rendered`);
  assert.deepEqual(rows, rows.map((_, at) => [at + 1, `action_${at}`]));
  assert.equal(await w.rows.first().getAttribute('aria-setsize'), '1000');
});

test('scrolling shows the rows at the new position', async () => {
  await scrollToRow(500);
  const rows = await shown();
  assert.ok(rows.some(([position, id]) => position === 501 && id === 'action_500'), JSON.stringify(rows.slice(0, 5)));
  for (const [position, id] of rows) assert.equal(id, `action_${position - 1}`);
});

test('a tick stays with its action when rows are reused for others', async () => {
  await w.row('action_1').locator('input').check();
  assert.equal(await w.output.textContent(), 'tickets:read');
  await scrollToRow(600);
  assert.deepEqual(await w.checkedIds(), [], 'the reused row shows an action that is not ticked');
  await scrollToRow(0);
  assert.deepEqual(await w.checkedIds(), ['action_1']);
  await w.clear.click();
  assert.deepEqual(await w.checkedIds(), []);
});

test('a search shows exactly the matching actions, best first', async () => {
  // Short results are rendered whole.
  for (const query of ['webhook 9', 'update report', 'invoices:read 12']) {
    await w.search.fill(query);
    assert.deepEqual(await w.shownIds(), expectedSearch(TABLE, query).map((action) => action.id), query);
  }
  // A long result (500 actions) is rendered from its top, each row saying where it stands in it.
  await w.search.fill('list');
  const expected = expectedSearch(TABLE, 'list').map((action) => action.id);
  const rows = await shown();
  assert.ok(expected.length > 200 && rows.length < 100, `${expected.length} results, ${rows.length} rows`);
  assert.deepEqual(rows, expected.slice(0, rows.length).map((id, at) => [at + 1, id]));
  assert.equal(await w.rows.first().getAttribute('aria-setsize'), String(expected.length));
});

test('the keyboard focus stays on its action while the query narrows', async () => {
  await w.search.fill('list');
  // action_9 is the fifth result of "list" and becomes the first of "list 9": another row shows it.
  await w.row('action_9').locator('input').focus();
  await w.search.evaluate((input) => {
    input.value = 'list 9';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const focused = await page.evaluate(() => document.activeElement?.closest('.guides-scope-selector__row')
    ?.querySelector('.guides-scope-selector__action-id').textContent);
  assert.equal(focused, 'action_9');
  assert.equal((await shown())[0][1], 'action_9');
  assert.deepEqual(await w.checkedIds(), [], 'moving the focus ticks nothing');
});

test('a choice too long for a link is kept on the page, and the panel says the URL leaves it out', async () => {
  await w.selectAll.click();
  assert.equal(await w.status.textContent(), '1000 of 1000 actions selected');
  assert.equal(await w.output.textContent(), [...new Set(TABLE.flatMap((action) => action.scopes))].join(' '));
  const notices = w.panel.locator('.guides-scope-selector__notices');
  assert.equal(await notices.textContent(), 'the choice is too large for a link (over 8192 characters); the URL leaves it out');
  assert.equal(new URL(page.url()).searchParams.has('actions'), false);
  assert.equal(await w.url.inputValue(), page.url());
  await w.clear.click();
  assert.equal(await notices.isHidden(), true);
});
