// The reader's whole journey, on the Ashby demo (plain and under a strict Content-Security-Policy)
// and on a second provider's page whose scopes are written area:verb and whose actions need
// several scopes each.
import assert from 'node:assert/strict';
import { expectedSearch, expectedUnion, fixture, SEPARATORS } from '../e2e/harness.mjs';
import { assertNoErrors, copyFeedback, panel, read, settles } from './harness.mjs';

const PAGES = [
  { page: 'flat.html', table: fixture('ashby-actions.json'), query: 'offer', narrow: 'cand write',
    pick: ['ashby_start_offer', 'ashby_list_jobs', 'ashby_get_offer'], hiddenStep: 'apiKeysWebhooksRead,apiKeysWebhooksWrite' },
  { page: 'helpdesk.html', table: fixture('helpdesk-actions.json'), query: 'ticket', narrow: 'tickets:write customers',
    pick: ['tickets_assign', 'customers_upsert'], hiddenStep: 'macros:execute' },
];

/** The journey's behaviours on each page, by name; each gets the browser and the sites. */
export const behaviours = {};

for (const journey of [...PAGES, { ...PAGES[0], csp: true }]) {
  const { table } = journey;
  const suite = `journey on ${journey.page}${journey.csp ? ' under a strict CSP' : ''}`;
  /** Opens the page (at `query`), ticking `ids` and choosing `separator` if given; resolves to its panel. */
  async function fresh(b, sites, { query = '', ids = [], separator } = {}) {
    await b.open(`${(journey.csp ? sites.strict : sites.plain).url}${journey.page}${query}`);
    const w = panel(b);
    for (const id of ids) await w.check(id);
    if (separator) await w.choose(separator);
    return w;
  }
  const add = (name, body) => { behaviours[`${suite}: ${name}`] = body; };

  add('builds one row per action with its id and hides the loading text', async (b, sites) => {
    const w = await fresh(b, sites);
    assert.deepEqual(await w.shownIds(), table.map((action) => action.id));
    assert.equal(await w.visible('[data-guide-loading]'), false);
    assert.equal(await w.visible('[data-guide-no-results]'), false);
    assert.equal(await w.status(), `0 of ${table.length} actions selected`);
    const [label, scopes] = await b.run((id) => {
      const row = [...document.querySelectorAll('.guides-scope-selector__row')].find((each) => each.querySelector('.guides-scope-selector__action-id').textContent === id);
      return [row.querySelector('.guides-scope-selector__action-label').textContent, row.querySelector('.guides-scope-selector__action-scopes').textContent];
    }, table[0].id);
    assert.equal(label, table[0].label);
    assert.equal(scopes, table[0].scopes.join(', '));
  });

  add('search is case-insensitive over label, id and scope, and every word must match', async (b, sites) => {
    const w = await fresh(b, sites);
    for (const query of [journey.query, journey.query.toUpperCase(), journey.narrow, table[1].id, table.at(-1).scopes[0]]) {
      await w.search(query);
      await settles(b, read.ids, [w.root, false], expectedSearch(table, query).map((action) => action.id), query);
    }
  });

  add('a search without matches shows the no-results element', async (b, sites) => {
    const w = await fresh(b, sites);
    await w.search('zzz no such action');
    await settles(b, read.count, [w.at('.guides-scope-selector__row:not([hidden])')], 0);
    assert.equal(await w.visible('[data-guide-no-results]'), true);
    await w.search('');
    await settles(b, read.count, [w.at('.guides-scope-selector__row:not([hidden])')], table.length);
    assert.equal(await w.visible('[data-guide-no-results]'), false);
  });

  add('select all picks only the filtered actions; clear empties the choice', async (b, sites) => {
    const w = await fresh(b, sites);
    const filtered = expectedSearch(table, journey.narrow).map((action) => action.id);
    await w.search(journey.narrow);
    await settles(b, read.ids, [w.root, false], filtered);
    await w.click('[data-guide-select-all]');
    await w.search('');
    await settles(b, read.ids, [w.root, true], filtered);
    assert.equal(await w.status(), `${filtered.length} of ${table.length} actions selected`);
    assert.equal(await w.output(), expectedUnion(table, filtered).join(' '));
    await w.click('[data-guide-clear]');
    assert.deepEqual(await w.checkedIds(), []);
    assert.equal(await w.output(), '');
    await settles(b, read.search, [], '', 'the address follows once the view is painted');
  });

  add('ticking actions shows their scope union with every separator, and copy scopes copies it', async (b, sites) => {
    const w = await fresh(b, sites, { ids: journey.pick });
    const union = expectedUnion(table, journey.pick);
    for (const [name, separator] of Object.entries(SEPARATORS)) {
      await w.choose(name);
      assert.equal(await w.output(), union.join(separator), name);
    }
    await w.choose('comma');
    await w.click('[data-guide-copy-scopes]');
    // The feedback appears once the clipboard is written (copying is asynchronous).
    assert.equal(await copyFeedback(b, w.at('[data-guide-copy-scopes]')), 'Copied');
    assert.equal(await b.readClipboard(), union.join(','));
  });

  add('the guide URL follows the choice in the address bar without adding history', async (b, sites) => {
    const w = await fresh(b, sites, { ids: journey.pick, separator: 'comma' });
    const historyBefore = await b.run(() => history.length);
    await w.uncheck(journey.pick[0]);
    await w.check(journey.pick[0]);
    const url = new URL(await w.url());
    await settles(b, read.url, [], url.href, 'the address follows once the view is painted');
    const inTableOrder = table.map((action) => action.id).filter((id) => journey.pick.includes(id));
    assert.equal(url.searchParams.get('actions'), inTableOrder.join(' '));
    assert.equal(url.searchParams.get('separator'), 'comma');
    assert.equal(await b.run(() => history.length), historyBefore);
    await w.click('[data-guide-copy-url]');
    assert.equal(await copyFeedback(b, w.at('[data-guide-copy-url]')), 'Copied');
    assert.equal(await b.readClipboard(), url.href);
  });

  add('opening the copied URL restores the same choice and separator', async (b, sites) => {
    const w = await fresh(b, sites, { ids: journey.pick, separator: 'comma' });
    await w.click('[data-guide-copy-url]');
    assert.equal(await copyFeedback(b, w.at('[data-guide-copy-url]')), 'Copied');
    const copied = await b.readClipboard();
    await assertNoErrors(b);
    await b.open(copied);
    assert.deepEqual((await w.checkedIds()).sort(), [...journey.pick].sort());
    assert.equal(await w.separator(), 'comma');
    assert.equal(await w.output(), expectedUnion(table, journey.pick).join(','));
    assert.equal(await w.url(), copied);
  });

  add('the guide hides unrelated steps, filters scope lists and fills badges', async (b, sites) => {
    await fresh(b, sites, { ids: journey.pick });
    const union = expectedUnion(table, journey.pick);
    const steps = await b.run(() => [...document.querySelectorAll('[data-guide-step], [data-guide-section]')]
      .map((step) => ({ scopes: step.getAttribute('data-guide-scopes'), shown: !step.hidden })));
    for (const step of steps) {
      const scopes = step.scopes.split(',').filter(Boolean);
      assert.equal(step.shown, scopes.length === 0 || scopes.some((scope) => union.includes(scope)), scopes.join(','));
    }
    assert.equal(await b.run(read.visible, `[data-guide-scopes="${journey.hiddenStep}"]`), false);
    const displayed = await b.run(() => [...document.querySelectorAll('[data-guide-display-scope]')]
      .filter((item) => item.getClientRects().length > 0).map((item) => item.dataset.guideDisplayScope));
    assert.deepEqual([...new Set(displayed)].sort(), [...union].sort());
    const badges = await b.run(() => [...document.querySelectorAll('[data-guide-actions-badge]')].filter((badge) => badge.getClientRects().length > 0)
      .map((badge) => ({ scopes: badge.getAttribute('data-guide-actions-badge-scopes'), labels: badge.querySelector('[data-guide-actions-badge-labels]').textContent })));
    assert.ok(badges.length > 0, 'a badge is shown');
    for (const badge of badges) {
      const scopes = badge.scopes.split(',');
      const labels = [...new Set(table.filter((action) => journey.pick.includes(action.id) && action.scopes.some((scope) => scopes.includes(scope))).map((action) => action.label))].sort();
      assert.equal(badge.labels, labels.join(', '));
    }
  });

  add('clearing brings back the full static guide', async (b, sites) => {
    const w = await fresh(b, sites, { ids: journey.pick });
    const hiddenParts = '[data-guide-step][hidden], [data-guide-section][hidden], [data-guide-display-scope][hidden]';
    assert.ok(await b.run(read.count, hiddenParts) > 0, 'the choice hides something first');
    await w.click('[data-guide-clear]');
    assert.equal(await b.run(read.count, hiddenParts), 0);
    assert.equal(await b.run(read.count, '[data-guide-actions-badge][hidden]'), 0);
    await settles(b, read.search, [], '', 'the address follows once the view is painted');
  });

  add('a per-scope copy button copies its scope', async (b, sites) => {
    await fresh(b, sites);
    await b.click('[data-copy]');
    assert.equal(await copyFeedback(b, '[data-copy]'), 'Copied');
    assert.equal(await b.readClipboard(), await b.run(read.attribute, '[data-copy]', 'data-copy'));
  });
}
