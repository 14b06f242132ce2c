// The reader's journey in three browser engines (Chromium, Firefox, WebKit), one test body per
// behaviour, each run in every engine through the WebDriver layer of ./webdriver.mjs. What an
// engine cannot do is skipped by name, with the reason, listed at the end of the run (and in
// docs/robustness.md), never silently. `ENGINES=firefox,webkit` runs some of them only.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve } from '../../scripts/serve.mjs';
import { pageWithTable } from '../../scripts/demo-page.mjs';
import { expectedSearch, expectedUnion, fixture } from '../e2e/harness.mjs';
import { ENGINE_NAMES, KEYS, launch } from './webdriver.mjs';

const table = fixture('ashby-actions.json');
const desk = fixture('helpdesk-actions.json');
const billing = fixture('billing-actions.json');
const engines = (process.env.ENGINES ?? ENGINE_NAMES.join(',')).split(',').filter(Boolean);

/** What an engine cannot do that a test would check: assertion name → reason, by engine. */
const CANNOT = {
  firefox: {
    'clipboard read-back': 'Firefox ESR gives web pages no navigator.clipboard.readText without a paste prompt, and geckodriver cannot grant it',
  },
  webkit: {
    'clipboard read-back': 'WebKit asks for a paste confirmation on navigator.clipboard.readText, which WebKitWebDriver cannot give',
  },
};

/** Skipped assertions, printed at the end: "engine: name (reason)". */
const skipped = [];

/** Runs `check` unless `engine` cannot do `name`, which is then recorded with its reason. */
async function unlessCannot(engine, name, check) {
  const reason = CANNOT[engine]?.[name];
  if (reason) {
    skipped.push(`${engine}: ${name} (${reason})`);
    return;
  }
  await check();
}

/** Each engine's version, and how many of its tests passed. */
const versions = new Map();
const counts = new Map();

const BROKEN = 'not json';
let site;
before(async () => {
  site = await serve({ port: 0, pages: new Map([['/broken.html', Buffer.from(pageWithTable('helpdesk.html', BROKEN))]]) });
});
after(() => {
  site.server.close();
  const ran = engines.map((engine) => `${engine} ${versions.get(engine) ?? '?'}: ${counts.get(engine) ?? 0} tests passed`);
  console.log(`\nengines: ${ran.join('; ')}`);
  console.log(skipped.length ? `skipped assertions:\n${skipped.map((line) => `  ${line}`).join('\n')}` : "skipped assertions: none");
});

// --- Reading the page (run inside it) -------------------------------------------------------------

/** The ids of the rows shown (or of those ticked), in order. */
const shownIds = (checked, root) => [...document.querySelectorAll(`${root ?? '[data-guides-scope-selector]'} .guides-scope-selector__row:not([hidden])${checked ? ':has(input:checked)' : ''} .guides-scope-selector__action-id`)].map((id) => id.textContent);
const text = (selector) => document.querySelector(selector)?.textContent ?? null;
/** What has the focus: the search box, a row's action id, or the element's tag. */
const focused = () => {
  const active = document.activeElement;
  if (active?.matches('[data-guide-action-search]')) return 'search';
  return active?.closest('.guides-scope-selector__row')?.querySelector('.guides-scope-selector__action-id')?.textContent ?? active?.tagName;
};

/** The behaviours, each run in every engine with its browser `b`. */
const behaviours = {
  'search, tick, separator, output, address, guide and copy': async (b) => {
    await b.open(`${site.url}index.html`);
    assert.equal((await b.run(shownIds)).length, table.length);
    await b.fill('[data-guide-action-search]', 'offer');
    const offers = expectedSearch(table, 'offer').map((action) => action.id);
    await b.until((expected) => document.querySelectorAll('.guides-scope-selector__row:not([hidden])').length === expected, offers.length);
    assert.deepEqual(await b.run(shownIds), offers);
    assert.ok(await b.run(() => document.querySelectorAll('.guides-scope-selector__row:not([hidden]) mark').length > 0), 'the words are marked');

    await b.click('.guides-scope-selector__row:not([hidden]) input');
    // The output follows each tick at once (a renderer one view behind fails here).
    const output = (want) => document.querySelector('[data-guide-scopes-output]').textContent === want;
    await b.until(output, expectedUnion(table, [offers[0]]).join(' '));
    await b.click('.guides-scope-selector__row:not([hidden]):nth-child(n+2) input:not(:checked)');
    const chosen = await b.run(shownIds, true);
    assert.equal(chosen.length, 2);
    await b.click('[data-guide-scope-delimiter] option[value="comma"]');
    const expected = expectedUnion(table, chosen).join(',');
    await b.until((want) => document.querySelector('[data-guide-scopes-output]').textContent === want, expected);
    const params = new URLSearchParams(await b.run(() => location.search));
    assert.deepEqual(params.get('actions').split(' '), table.filter((action) => chosen.includes(action.id)).map((action) => action.id));
    assert.equal(params.get('separator'), 'comma');
    assert.equal(await b.run(() => document.querySelector('[data-guide-scopes="apiKeysWebhooksRead,apiKeysWebhooksWrite"]').hidden), true, 'an unneeded step is hidden');

    await b.click('[data-guide-copy-scopes]');
    const feedback = await b.until(() => document.querySelector('[data-guide-copy-scopes]').getAttribute('data-copy-feedback'));
    assert.equal(feedback, 'Copied');
    await unlessCannot(b.name, 'clipboard read-back', async () => {
      assert.equal(await b.readClipboard(), expected);
    });
  },

  'the journey by keyboard: /, arrows, Space, Esc': async (b) => {
    await b.open(`${site.url}index.html`);
    await b.run(() => document.activeElement?.blur());
    await b.press('/');
    assert.equal(await b.run(focused), 'search');
    assert.equal(await b.run(() => document.querySelector('[data-guide-action-search]').value), '', 'the / is not typed');
    await b.press(...'offer');
    const offers = expectedSearch(table, 'offer').map((action) => action.id);
    await b.until((expected) => document.querySelectorAll('.guides-scope-selector__row:not([hidden])').length === expected, offers.length);
    await b.press(KEYS.down);
    assert.equal(await b.run(focused), offers[0]);
    await b.press(KEYS.space);
    assert.equal(await b.run(text, '[data-guide-scopes-output]'), expectedUnion(table, [offers[0]]).join(' '));
    await b.press(KEYS.down);
    assert.equal(await b.run(focused), offers[1]);
    await b.press(KEYS.space);
    assert.deepEqual(await b.run(shownIds, true), offers.slice(0, 2));
    assert.match(await b.run(text, '.guides-scope-selector__status'), /^2 of 137 actions selected · \d+ shown$/);
    await b.press(KEYS.up, KEYS.up);
    assert.equal(await b.run(focused), 'search');
    await b.press(KEYS.escape);
    assert.equal(await b.run(() => document.querySelector('[data-guide-action-search]').value), '');
    assert.equal((await b.run(shownIds)).length, table.length);
    assert.equal(await b.run(text, '[data-guide-scopes-output]'), expectedUnion(table, offers.slice(0, 2)).join(' '));
  },

  'a guide URL reopens its choice, and a link of an earlier version opens': async (b) => {
    const ids = ['offer_create', 'jobs_list'];
    await b.open(`${site.url}index.html?actions=${ids.join('+')}&separator=newline`);
    const inTableOrder = table.filter((action) => ids.includes(action.id)).map((action) => action.id);
    assert.deepEqual(await b.run(shownIds, true), inTableOrder);
    assert.equal(await b.run(text, '[data-guide-scopes-output]'), expectedUnion(table, ids).join('\n'));
    assert.equal(await b.run(() => document.querySelector('[data-guide-scope-delimiter]').value), 'newline');
    // Commas between ids, as the first versions wrote them.
    await b.open(`${site.url}index.html?actions=${ids.join(',')}`);
    assert.deepEqual(await b.run(shownIds, true), inTableOrder);
  },

  'two widgets keep their own choices, guides and parameters': async (b) => {
    await b.open(`${site.url}two-widgets.html`);
    const deskRoot = '[data-guides-scope-selector="desk"]';
    const billingRoot = '[data-guides-scope-selector="billing"]';
    assert.equal((await b.run(shownIds, false, deskRoot)).length, desk.length);
    assert.equal((await b.run(shownIds, false, billingRoot)).length, billing.length);
    await b.fill(`${deskRoot} [data-guide-action-search]`, 'tickets_list');
    await b.until((root) => document.querySelectorAll(`${root} .guides-scope-selector__row:not([hidden])`).length === 1, deskRoot);
    await b.click(`${deskRoot} .guides-scope-selector__row:not([hidden]) input`);
    await b.until(() => document.querySelector('[data-guides-scope-selector="desk"] [data-guide-scopes-output]').textContent === 'tickets:read');
    assert.equal(await b.run(text, `${billingRoot} [data-guide-scopes-output]`), '');
    const params = new URLSearchParams(await b.run(() => location.search));
    assert.equal(params.get('desk-actions'), 'tickets_list');
    assert.equal(params.get('billing-actions'), null);
  },

  'a table that is not JSON: an alert, and the whole static guide': async (b) => {
    await b.open(`${site.url}broken.html`);
    assert.equal(await b.run(() => document.querySelector('[data-guides-scope-selector]').getAttribute('data-guide-state')), 'failed');
    assert.match(await b.run(text, '[data-guides-scope-selector] [role=alert]'), /^The action selector could not start: the action table is not valid JSON \(.+\)\.$/);
    assert.equal(await b.run(() => document.querySelectorAll('[data-guide-section][hidden], [data-guide-step][hidden]').length), 0);
    assert.equal(await b.run(() => document.querySelector('[data-guide-action-search]').disabled), true);
  },

  'a preset, a pasted key and the Markdown export': async (b) => {
    await b.open(`${site.url}index.html`);
    await b.click('.guides-scope-selector__preset');
    await b.until(() => document.querySelector('.guides-scope-selector__preset').getAttribute('aria-pressed') === 'true');
    const readOnly = table.filter((action) => action.scopes.every((scope) => scope.endsWith('Read')));
    assert.equal((await b.run(shownIds, true)).length, readOnly.length);
    await b.type('[data-guide-key-check]', 'jobsRead');
    const summary = await b.until(() => document.querySelector('.guides-scope-selector__key-summary')?.textContent);
    const needed = new Set(readOnly.flatMap((action) => action.scopes)).size;
    assert.equal(summary, `Your key lacks ${needed - 1} of the ${needed} scopes your choice needs.`);
    // The Markdown checklist is copied; the JSON choice is a download, its file read back from
    // the Blob the page hands the browser.
    await b.click('[data-guide-export-markdown]');
    assert.equal(await b.until(() => document.querySelector('[data-guide-export-markdown]').getAttribute('data-copy-feedback')), 'Copied');
    await b.run(() => {
      window.__files = [];
      const create = URL.createObjectURL;
      URL.createObjectURL = (blob) => { window.__files.push(blob); return create(blob); };
    });
    await b.click('[data-guide-export-json]');
    await b.until(() => window.__files.length > 0);
    const choice = JSON.parse(await b.run(() => window.__files[0].text()));
    assert.equal(choice.actions.length, readOnly.length);
    assert.equal(choice.scopes.length, needed);
  },
};

for (const engine of engines) {
  describe(engine, () => {
    let browser;
    before(async () => {
      browser = await launch(engine);
      versions.set(engine, browser.version);
    });
    after(() => browser?.close());
    for (const [name, body] of Object.entries(behaviours)) {
      test(`${engine}: ${name}`, async () => {
        await body(browser);
        counts.set(engine, (counts.get(engine) ?? 0) + 1);
      });
    }
  });
}
