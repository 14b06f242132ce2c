// Bad input never breaks the page: hostile data, broken tables, mangled links, blocked clipboards
// and a module that cannot load each leave a readable guide and a clear message.
import assert from 'node:assert/strict';
import { fixture } from '../e2e/harness.mjs';
import { pageWithTable } from '../../scripts/demo-page.mjs';
import { assertNoErrors, copyFeedback, panel, read, recorded, settles, startSite } from './harness.mjs';

const ashby = fixture('ashby-actions.json');
const HIDDEN_PARTS = '[data-guide-section][hidden], [data-guide-step][hidden], [data-guide-display-scope][hidden], [data-guide-actions-badge][hidden]';
const ALERT = '[data-guides-scope-selector] [role=alert]';

/** Runs `body` with a site of its own (`options` as startSite's), closed afterwards. */
async function withSite(options, body) {
  const site = await startSite(options);
  try { await body(site); } finally { site.close(); }
}

export const behaviours = {
  'hostile labels, ids and scopes are shown as text and never run': async (b, { plain }) => {
    const hostile = [
      { id: '"><svg/onload=window.__pwned=1>', label: '<img src=x onerror="window.__pwned=2">', scopes: ['<img/src=x/onerror=window.__pwned=3>'] },
      { id: 'plain', label: '"><script>window.__pwned=4</script>', scopes: ['tickets:read'] },
    ];
    await b.open(plain.page('/hostile.html', pageWithTable('helpdesk.html', JSON.stringify(hostile))));
    const w = panel(b);
    assert.deepEqual(await w.shownIds(), hostile.map((action) => action.id));
    assert.deepEqual(await b.run(read.texts, w.at('.guides-scope-selector__action-label')), hostile.map((action) => action.label));
    await w.click('[data-guide-select-all]');
    await settles(b, read.text, [w.at('[data-guide-scopes-output]')], `${hostile[0].scopes[0]} tickets:read`);
    assert.equal(await b.run(read.text, '[data-guide-actions-badge][data-guide-actions-badge-scopes="tickets:read,tickets:write"] [data-guide-actions-badge-labels]'), hostile[1].label);
    assert.equal(await b.run(read.count, 'main img, main script:not([src]), main svg'), 0, 'no element was created from data');
    assert.equal(await b.run(() => window.__pwned ?? null), null);

    const url = await w.url();
    await assertNoErrors(b);
    await b.open(url);
    assert.deepEqual(await w.checkedIds(), hostile.map((action) => action.id), 'odd ids survive the URL round trip');
    assert.equal(await b.run(() => window.__pwned ?? null), null);
  },

  'a broken widget does not stop the other widget on the page': async (b, { plain }) => {
    await b.open(plain.page('/two-broken.html', pageWithTable('two-widgets.html', 'not json')));
    // The panel is marked failed at once; its alert follows once the helpers' module said why.
    await b.until(() => document.querySelector('[data-guides-scope-selector="desk"] [role=alert]'));
    assert.equal(await b.run(read.count, '[data-guides-scope-selector="desk"] [role=alert]'), 1);
    const billing = panel(b, '[data-guides-scope-selector="billing"]');
    await billing.check('plans_list');
    assert.equal(await billing.output(), 'plans:read');
    assert.equal(await b.run(read.visible, '[data-guide-step][data-guide-scopes="invoices:read,invoices:write"]'), false);
  },

  'repeated ids keep the first action and the panel says so': async (b, { plain }) => {
    const table = [{ id: 'a', label: 'First', scopes: ['s'] }, { id: 'a', label: 'Second', scopes: ['t'] }, { id: 'b', label: 'B', scopes: [' ', ' t '] }];
    await b.open(plain.page('/dupes.html', pageWithTable('helpdesk.html', JSON.stringify(table))));
    const w = panel(b);
    assert.deepEqual(await w.shownIds(), ['a', 'b']);
    await settles(b, read.visible, [w.at('.guides-scope-selector__notices')], true);
    assert.equal(await w.notices(), 'action at index 1 repeats the id "a" of index 0 and was left out\naction at index 2: blank "scopes"[0] was left out');
  },

  'without the Clipboard API the copy falls back to a selection copy': async (b, { plain }) => {
    const url = plain.page('/no-clipboard-api.html', pageWithTable('index.html', JSON.stringify(ashby)), () => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
    });
    await b.open(`${url}?actions=ashby_list_jobs`);
    await b.click('[data-guide-copy-scopes]');
    assert.equal(await copyFeedback(b, '[data-guide-copy-scopes]'), 'Copied');
    await assertNoErrors(b);
    // Read back from a page that has the Clipboard API.
    await b.command('POST', '/url', { url: plain.page('/blank.html', '<!doctype html><html><head><title>blank</title></head><body></body></html>') });
    assert.equal(await b.readClipboard(), 'jobsRead');
  },

  // The page sees what a denied clipboard gives it (writeText rejects with NotAllowedError) and a
  // selection copy that fails, the same way in every engine.
  'when the clipboard is denied and the fallback fails, the reader is told to press Ctrl+C': async (b, { plain }) => {
    const url = plain.page('/clipboard-denied.html', pageWithTable('index.html', JSON.stringify(ashby)), () => {
      Clipboard.prototype.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError'));
      Clipboard.prototype.write = Clipboard.prototype.writeText;
      document.execCommand = () => false;
    });
    await b.open(`${url}?actions=ashby_list_jobs`);
    const w = panel(b);
    const blocked = 'Copy blocked: press Ctrl+C (⌘C)';
    await w.click('[data-guide-copy-url]');
    assert.equal(await copyFeedback(b, w.at('[data-guide-copy-url]')), blocked);
    assert.equal(await b.run(read.text, '.guides-scope-selector__live'), blocked);
    const selected = await b.run((selector) => { const input = document.querySelector(selector); return input.value.slice(input.selectionStart, input.selectionEnd); }, w.at('[data-guide-url]'));
    assert.equal(selected, await w.url(), 'the URL is selected, ready for Ctrl+C');
    await w.click('[data-guide-copy-scopes]');
    // The text is selected before the feedback appears (the copy attempt is asynchronous).
    assert.equal(await copyFeedback(b, w.at('[data-guide-copy-scopes]')), blocked);
    assert.equal(await b.run(() => getSelection().toString()), 'jobsRead');
  },

  'a guide that names a scope the table lacks gets one console warning naming it': async (b, { plain }) => {
    const html = pageWithTable('index.html', JSON.stringify(ashby))
      .replace('data-guide-scopes="jobsRead,jobsWrite"', 'data-guide-scopes="jobsRead,jobsWrtie"')
      .replace('data-guide-display-scope="offersRead"', 'data-guide-display-scope="jobsWrtie"');
    await b.open(plain.page('/typo.html', html));
    await b.until(() => document.querySelector('[data-guide-state="ready"]'));
    const typos = (await recorded(b)).console.filter(({ level, text }) => level === 'warn' && text.includes('"jobsWrtie"'));
    assert.equal(typos.length, 1, JSON.stringify(typos));
    assert.match(typos[0].text, /^scope-selector: the guide names the scope "jobsWrtie", which is not in the action table/);
  },

  'when the copy code cannot load, a click on a copy button breaks nothing and says so in the console': async (b) => {
    await withSite({ pages: [['/dist/copy.js', null]] }, async (site) => {
      await b.open(`${site.url}flat.html`);
      const w = panel(b);
      await w.check('ashby_list_jobs');
      await w.click('[data-guide-copy-scopes]');
      await b.until(() => window.__recorded.console.some(({ level, text }) => level === 'error' && text.includes('scope-selector: could not load the copy code')));
      assert.equal(await b.run(read.attribute, w.at('[data-guide-copy-scopes]'), 'data-copy-feedback'), null, 'no feedback claims a copy');
      assert.equal(await w.output(), 'jobsRead', 'the widget keeps working');
      await assertNoErrors(b);
    });
  },
};

for (const [name, table, message] of [
  ['malformed JSON', '[{"id": "a",', /^The action selector could not start: the action table is not valid JSON \(.+\)\.$/],
  ['a non-array', '"actions"', 'The action selector could not start: the action table must be a JSON array, found a string.'],
  ['an object without actions', '{"id": "a"}', 'The action selector could not start: the action table must be a JSON array (or an object with an "actions" array), found an object.'],
  ['a bad field', '[{"id":"a","label":"A","scopes":["x"]},{"id":"b","label":["B"],"scopes":[]}]', 'The action selector could not start: action at index 1: "label" must be a string, found an array.'],
  ['an empty table', '[]', 'The action selector could not start: the action table has no actions.'],
]) {
  behaviours[`${name} shows an alert in the panel and leaves the guide complete`] = async (b, { plain }) => {
    await b.open(plain.page(`/broken-${name.replace(/\W+/g, '-')}.html`, pageWithTable('helpdesk.html', table)));
    const alert = await b.until((selector) => document.querySelector(selector)?.textContent, ALERT);
    if (message instanceof RegExp) assert.match(alert, message);
    else assert.equal(alert, message);
    assert.equal(await b.run(read.attribute, '[data-guides-scope-selector]', 'data-guide-state'), 'failed');
    assert.equal(await b.run(read.count, HIDDEN_PARTS), 0);
    assert.equal(await b.run(read.visible, '[data-guide-loading]'), false);
    assert.equal(await b.run(read.disabled, '[data-guide-action-search]'), true);
  };
}

for (const [name, query, chosen, notice, separator = 'space'] of [
  ['unknown ids are counted', '?actions=ashby_list_jobs+nope+gone,nope', ['ashby_list_jobs'], '2 actions in the link were not found in this guide'],
  ['malformed percent-encoding', '?actions=ashby_list_jobs%2Cashby_get_job%E0%A4%A&separator=%ZZ', ['ashby_list_jobs'],
    '1 action in the link was not found in this guide\nunknown separator "%ZZ" in the link; using space'],
  ['repeated parameters', '?actions=ashby_list_jobs&actions=ashby_get_offer&separator=pipe&separator=comma', ['ashby_list_jobs', 'ashby_get_offer'],
    'the link repeats "actions"; its values were combined\nthe link repeats "separator"; its values were combined', 'pipe'],
  ['an oversized parameter', `?actions=${'ashby_list_jobs+'.repeat(600)}`, [], 'the link\'s "actions" is longer than 8192 characters and was ignored'],
]) {
  behaviours[`a link with ${name} gives a notice and a sane state`] = async (b, { plain }) => {
    await b.open(`${plain.url}flat.html${query}`);
    const w = panel(b);
    assert.deepEqual((await w.checkedIds()).sort(), [...chosen].sort());
    assert.equal(await w.separator(), separator);
    assert.equal(await w.notices(), notice);
    assert.equal(await w.visible('.guides-scope-selector__notices'), true);
    await w.check(ashby[0].id);
    assert.equal(await w.visible('.guides-scope-selector__notices'), false, 'the notice goes once the reader changes the choice');
  };
}

for (const [name, options] of [
  ['the wasm file is missing', { pages: [['/dist/scope-selector.wasm', null]] }],
  ["the CSP forbids compiling wasm (no 'wasm-unsafe-eval')", { csp: "default-src 'self'; script-src 'self'; style-src 'self'" }],
]) {
  behaviours[`when ${name}, the panel says the selector is unavailable and the guide stays complete`] = async (b) => {
    await withSite(options, async (site) => {
      await b.open(`${site.url}flat.html?actions=ashby_list_jobs`);
      assert.equal(await b.run(read.attribute, '[data-guides-scope-selector]', 'data-guide-state'), 'unavailable');
      assert.match(await b.run(read.text, ALERT), /unavailable/);
      assert.equal(await b.run(read.visible, '[data-guide-loading]'), false);
      assert.equal(await b.run(read.count, HIDDEN_PARTS), 0);
      assert.match(await b.run(read.text, '[data-guide-actions-badge-labels]'), /^Add Application Hiring Team Member, /, "the author's badge text");
      await assertNoErrors(b);
    });
  };
}
