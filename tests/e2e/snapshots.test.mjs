// A page that puts back a snapshot of an enhanced panel, as htmx's history cache and Turbo's page
// cache do (they restore the DOM as it was, widget's rows and state included, without its
// widget): the panel is mounted afresh from its table, replacing what the earlier widget drew.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, widget, fixture, expectedUnion } from './harness.mjs';

const table = fixture('ashby-actions.json');
let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

test('a panel put back from a page cache is mounted afresh and works', async () => {
  const page = await open(env.browser, `${env.url}flat.html`);
  const w = widget(page);
  await w.row('ashby_list_jobs').locator('input').check();
  await page.locator('[data-guide-key-check]').fill('jobsRead');
  // The cache keeps the page as it is now, then the reader navigates away and back.
  await page.evaluate(() => {
    window.snapshot = document.body.innerHTML;
    document.body.replaceChildren();
  });
  await page.waitForFunction(() => !document.querySelector('[data-guides-scope-selector]'));
  await page.evaluate(() => { document.body.innerHTML = window.snapshot; });
  const root = page.locator('[data-guides-scope-selector]');
  // The restored root carries the earlier widget's state and rows: a new widget takes it over.
  await page.waitForFunction(() => document.querySelectorAll('[data-guides-scope-selector] [data-guide-state]').length === 0
    && document.querySelector('[data-guides-scope-selector]').getAttribute('data-guide-state') === 'ready'
    && document.querySelectorAll('.guides-scope-selector__rows').length === 1);
  await page.waitForFunction(() => [...document.querySelectorAll('.guides-scope-selector__status')].length === 1);
  assert.equal(await root.locator('.guides-scope-selector__rows').count(), 1, 'one list of rows, not two');
  assert.equal(await root.locator('.guides-scope-selector__presets').count(), 1, 'one group of presets');
  assert.equal(await root.locator('.guides-scope-selector__key-summary').count(), 1, 'one key report');
  assert.equal(await w.rows.count(), table.length);
  // The choice comes from the address (the link the first widget wrote), and a tick works.
  assert.deepEqual(await w.checkedIds(), ['ashby_list_jobs']);
  await w.row('ashby_create_offer').locator('input').check();
  assert.equal(await w.output.textContent(), expectedUnion(table, ['ashby_list_jobs', 'ashby_create_offer']).join(' '));
  // (The address follows once the view is painted.)
  await page.waitForURL(/actions=ashby_list_jobs\+ashby_create_offer$/);
  // The guide follows the new widget: the step of webhooks is hidden, and comes back on Clear.
  const webhooks = page.locator('[data-guide-scopes="apiKeysWebhooksRead,apiKeysWebhooksWrite"]').first();
  assert.equal(await webhooks.isHidden(), true);
  await w.clear.click();
  assert.equal(await webhooks.isHidden(), false);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a panel that could not start, put back from a page cache, starts once it can', async () => {
  // The wasm cannot load at first: the panel says the selector is unavailable and disables its controls.
  const block = '**/scope-selector.wasm';
  const page = await open(env.browser, `${env.url}flat.html`, { block });
  const w = widget(page);
  assert.equal(await page.locator('[data-guides-scope-selector]').getAttribute('data-guide-state'), 'unavailable');
  assert.equal(await w.search.isDisabled(), true);
  // The network is back; the reader navigates away and back, and the cache puts the page back.
  await page.unroute(block);
  await page.evaluate(() => {
    window.snapshot = document.body.innerHTML;
    document.body.replaceChildren();
  });
  await page.evaluate(() => { document.body.innerHTML = window.snapshot; });
  await page.waitForSelector('[data-guides-scope-selector][data-guide-state="ready"]');
  assert.equal(await page.locator('[data-guides-scope-selector] [role=alert]').count(), 0, 'the old alert is gone');
  assert.equal(await w.search.isDisabled(), false, 'the controls the failure disabled are enabled again');
  assert.equal(await w.loading.isHidden(), true);
  await w.search.fill('offer');
  await w.search.fill('');
  await w.row('ashby_list_jobs').locator('input').check();
  assert.equal(await w.output.textContent(), 'jobsRead');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
