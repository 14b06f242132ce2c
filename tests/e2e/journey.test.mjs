// The reader's whole journey, run on the Ashby demo and on a second provider's page whose scopes
// are written area:verb and whose actions need several scopes each.
import { test, describe, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, fixture, widget, expectedSearch, expectedUnion, SEPARATORS, clipboard, copyFeedback } from './harness.mjs';

const PAGES = [
  { page: 'index.html', table: fixture('ashby-actions.json'), query: 'offer', narrow: 'cand write',
    pick: ['ashby_start_offer', 'ashby_list_jobs', 'ashby_get_offer'], hiddenStep: 'apiKeysWebhooksRead,apiKeysWebhooksWrite' },
  { page: 'helpdesk.html', table: fixture('helpdesk-actions.json'), query: 'ticket', narrow: 'tickets:write customers',
    pick: ['tickets_assign', 'customers_upsert'], hiddenStep: 'macros:execute' },
];

let plain;
let strict;
before(async () => { plain = await start(); strict = await start({ csp: true }); });
after(async () => { await plain.close(); await strict.close(); });

for (const journey of [...PAGES, { ...PAGES[0], csp: true }]) {
  describe(`journey on ${journey.page}${journey.csp ? ' under a strict Content-Security-Policy' : ''}`, () => {
    const { table } = journey;
    // Every test opens the page itself (and sets up its own choice), so each passes alone.
    let env;
    let page;
    let w;
    /** Opens the page (at `query`), ticking `ids` and choosing `separator` if given. */
    async function fresh({ query = '', ids = [], separator } = {}) {
      page = await open(env.browser, env.url + journey.page + query);
      w = widget(page);
      for (const id of ids) await w.row(id).locator('input').check();
      if (separator) await w.separator.selectOption(separator);
    }
    before(() => { env = journey.csp ? strict : plain; });
    afterEach(async () => { assert.deepEqual(page.errors, []); await page.context().close(); });

    test('builds one row per action with its id and hides the loading text', async () => {
      await fresh();
      assert.equal(await w.rows.count(), table.length);
      assert.deepEqual(await w.shownIds(), table.map((action) => action.id));
      assert.equal(await w.loading.isHidden(), true);
      assert.equal(await w.noResults.isHidden(), true);
      assert.equal(await w.status.textContent(), `0 of ${table.length} actions selected`);
      const first = table[0];
      const row = w.row(first.id);
      assert.equal(await row.locator('.guides-scope-selector__action-label').textContent(), first.label);
      assert.equal(await row.locator('.guides-scope-selector__action-scopes').textContent(), first.scopes.join(', '));
    });

    test('search is case-insensitive over label, id and scope, and every word must match', async () => {
      await fresh();
      for (const query of [journey.query, journey.query.toUpperCase(), journey.narrow, table[1].id, table.at(-1).scopes[0]]) {
        await w.search.fill(query);
        assert.deepEqual(await w.shownIds(), expectedSearch(table, query).map((action) => action.id), query);
      }
    });

    test('a search without matches shows the no-results element', async () => {
      await fresh();
      await w.search.fill('zzz no such action');
      assert.equal(await w.rows.count(), 0);
      assert.equal(await w.noResults.isVisible(), true);
      await w.search.fill('');
      assert.equal(await w.noResults.isHidden(), true);
      assert.equal(await w.rows.count(), table.length);
    });

    test('select all picks only the filtered actions; clear empties the choice', async () => {
      await fresh();
      const filtered = expectedSearch(table, journey.narrow).map((action) => action.id);
      await w.search.fill(journey.narrow);
      await w.selectAll.click();
      await w.search.fill('');
      assert.deepEqual(await w.checkedIds(), filtered);
      assert.equal(await w.status.textContent(), `${filtered.length} of ${table.length} actions selected`);
      assert.equal(await w.output.textContent(), expectedUnion(table, filtered).join(' '));
      await w.clear.click();
      assert.deepEqual(await w.checkedIds(), []);
      assert.equal(await w.output.textContent(), '');
      assert.equal(new URL(page.url()).search, '');
    });

    test('ticking actions shows their scope union with every separator, and copy scopes copies it', async () => {
      await fresh({ ids: journey.pick });
      const union = expectedUnion(table, journey.pick);
      for (const [name, separator] of Object.entries(SEPARATORS)) {
        await w.separator.selectOption(name);
        assert.equal(await w.output.textContent(), union.join(separator), name);
      }
      await w.separator.selectOption('comma');
      await w.copyScopes.click();
      // The feedback appears once the clipboard is written (copying is asynchronous).
      assert.equal(await copyFeedback(w.copyScopes), 'Copied');
      assert.equal(await clipboard(page), union.join(','));
    });

    test('the guide URL follows the choice in the address bar without adding history', async () => {
      await fresh({ ids: journey.pick, separator: 'comma' });
      const historyBefore = await page.evaluate(() => history.length);
      await w.row(journey.pick[0]).locator('input').uncheck();
      await w.row(journey.pick[0]).locator('input').check();
      const url = new URL(await w.url.inputValue());
      assert.equal(page.url(), url.href);
      const inTableOrder = table.map((action) => action.id).filter((id) => journey.pick.includes(id));
      assert.equal(url.searchParams.get('actions'), inTableOrder.join(' '));
      assert.equal(url.searchParams.get('separator'), 'comma');
      assert.equal(await page.evaluate(() => history.length), historyBefore);
      await w.copyUrl.click();
      assert.equal(await copyFeedback(w.copyUrl), 'Copied');
      assert.equal(await clipboard(page), url.href);
    });

    test('opening the copied URL restores the same choice and separator', async () => {
      await fresh({ ids: journey.pick, separator: 'comma' });
      await w.copyUrl.click();
      assert.equal(await copyFeedback(w.copyUrl), 'Copied');
      const copied = await clipboard(page);
      const reopened = await open(env.browser, copied);
      const again = widget(reopened);
      assert.deepEqual((await again.checkedIds()).sort(), [...journey.pick].sort());
      assert.equal(await again.separator.inputValue(), 'comma');
      assert.equal(await again.output.textContent(), expectedUnion(table, journey.pick).join(','));
      assert.equal(await again.url.inputValue(), copied);
      assert.deepEqual(reopened.errors, []);
      await reopened.context().close();
    });

    test('the guide hides unrelated steps, filters scope lists and fills badges', async () => {
      await fresh({ ids: journey.pick });
      const union = expectedUnion(table, journey.pick);
      const steps = page.locator('[data-guide-step], [data-guide-section]');
      for (const step of await steps.all()) {
        const scopes = (await step.getAttribute('data-guide-scopes')).split(',').filter(Boolean);
        const shown = scopes.length === 0 || scopes.some((scope) => union.includes(scope));
        assert.equal(await step.evaluate((element) => !element.hidden), shown, scopes.join(','));
      }
      assert.equal(await page.locator(`[data-guide-scopes="${journey.hiddenStep}"]`).first().isHidden(), true);
      const items = page.locator('[data-guide-display-scope]:visible');
      assert.deepEqual([...new Set(await items.evaluateAll((all) => all.map((item) => item.dataset.guideDisplayScope)))].sort(), [...union].sort());
      for (const badge of await page.locator('[data-guide-actions-badge]:visible').all()) {
        const scopes = (await badge.getAttribute('data-guide-actions-badge-scopes')).split(',');
        const labels = [...new Set(table.filter((action) => journey.pick.includes(action.id) && action.scopes.some((scope) => scopes.includes(scope))).map((action) => action.label))].sort();
        assert.equal(await badge.locator('[data-guide-actions-badge-labels]').textContent(), labels.join(', '));
      }
    });

    test('clearing brings back the full static guide', async () => {
      await fresh({ ids: journey.pick });
      assert.ok(await page.locator('[data-guide-step][hidden], [data-guide-section][hidden], [data-guide-display-scope][hidden]').count() > 0, 'the choice hides something first');
      await w.clear.click();
      assert.equal(await page.locator('[data-guide-step][hidden], [data-guide-section][hidden], [data-guide-display-scope][hidden]').count(), 0);
      assert.equal(await page.locator('[data-guide-actions-badge][hidden]').count(), 0);
      assert.equal(new URL(page.url()).searchParams.get('actions'), null);
    });

    test('a per-scope copy button copies its scope', async () => {
      await fresh();
      const button = page.locator('[data-copy]').first();
      await button.click();
      assert.equal(await copyFeedback(button), 'Copied');
      assert.equal(await clipboard(page), await button.getAttribute('data-copy'));
    });
  });
}
