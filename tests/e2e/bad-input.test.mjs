// Bad input never breaks the page: hostile data, broken tables, mangled links, blocked clipboards
// and a module that cannot load each leave a readable guide and a clear message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, fixture, widget, pageWithTable, clipboard, copyFeedback } from './harness.mjs';

let env;
let strict;
before(async () => {
  env = await start();
  strict = await start({ csp: "default-src 'self'; script-src 'self'; style-src 'self'" });
});
after(async () => { await env.close(); await strict.close(); });

const guideIsComplete = (page) => page.locator('[data-guide-section][hidden], [data-guide-step][hidden], [data-guide-display-scope][hidden], [data-guide-actions-badge][hidden]').count();

test('hostile labels, ids and scopes are shown as text and never run', async () => {
  const hostile = [
    { id: '"><svg/onload=window.__pwned=1>', label: '<img src=x onerror="window.__pwned=2">', scopes: ['<img/src=x/onerror=window.__pwned=3>'] },
    { id: 'plain', label: '"><script>window.__pwned=4</script>', scopes: ['tickets:read'] },
  ];
  const address = `${env.url}hostile.html`;
  const page = await open(env.browser, address, { html: pageWithTable('helpdesk.html', JSON.stringify(hostile)) });
  const w = widget(page);
  assert.deepEqual(await w.shownIds(), hostile.map((action) => action.id));
  assert.deepEqual(await w.panel.locator('.guides-scope-selector__action-label').allTextContents(), hostile.map((action) => action.label));
  await w.selectAll.click();
  assert.equal(await w.output.textContent(), `${hostile[0].scopes[0]} tickets:read`);
  const ticketBadge = page.locator('[data-guide-actions-badge][data-guide-actions-badge-scopes="tickets:read,tickets:write"] [data-guide-actions-badge-labels]');
  assert.equal(await ticketBadge.textContent(), hostile[1].label);
  assert.equal(await page.locator('main img, main script:not([src]), main svg').count(), 0, 'no element was created from data');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  const reopened = await open(env.browser, await w.url.inputValue(), { html: pageWithTable('helpdesk.html', JSON.stringify(hostile)) });
  assert.deepEqual(await widget(reopened).checkedIds(), hostile.map((action) => action.id), 'odd ids survive the URL round trip');
  assert.equal(await reopened.evaluate(() => window.__pwned), undefined);
  assert.deepEqual([...page.errors, ...reopened.errors], []);
});

for (const [name, table, message] of [
  ['malformed JSON', '[{"id": "a",', /^The action selector could not start: the action table is not valid JSON \(.+\)\.$/],
  ['a non-array', '"actions"', 'The action selector could not start: the action table must be a JSON array, found a string.'],
  ['an object without actions', '{"id": "a"}', 'The action selector could not start: the action table must be a JSON array (or an object with an "actions" array), found an object.'],
  ['a bad field', '[{"id":"a","label":"A","scopes":["x"]},{"id":"b","label":["B"],"scopes":[]}]', 'The action selector could not start: action at index 1: "label" must be a string, found an array.'],
  ['an empty table', '[]', 'The action selector could not start: the action table has no actions.'],
]) {
  test(`${name} shows an alert in the panel and leaves the guide complete`, async () => {
    const page = await open(env.browser, `${env.url}broken.html`, { html: pageWithTable('helpdesk.html', table) });
    const alert = page.locator('[data-guides-scope-selector] [role=alert]');
    if (message instanceof RegExp) assert.match(await alert.textContent(), message);
    else assert.equal(await alert.textContent(), message);
    assert.equal(await page.locator('[data-guides-scope-selector]').getAttribute('data-guide-state'), 'failed');
    assert.equal(await guideIsComplete(page), 0);
    assert.equal(await widget(page).loading.isHidden(), true);
    assert.equal(await widget(page).search.isDisabled(), true);
    assert.deepEqual(page.errors, []);
  });
}

test('a broken widget does not stop the other widget on the page', async () => {
  const page = await open(env.browser, `${env.url}two-broken.html`, { html: pageWithTable('two-widgets.html', 'not json') });
  // The panel is marked failed at once; its alert follows once the helpers' module said why.
  await page.locator('[data-guides-scope-selector="desk"] [role=alert]').waitFor();
  assert.equal(await page.locator('[data-guides-scope-selector="desk"] [role=alert]').count(), 1);
  const billing = widget(page, '[data-guides-scope-selector="billing"]');
  await billing.row('plans_list').locator('input').check();
  assert.equal(await billing.output.textContent(), 'plans:read');
  assert.equal(await page.locator('[data-guide-step][data-guide-scopes="invoices:read,invoices:write"]').isHidden(), true);
});

test('repeated ids keep the first action and the panel says so', async () => {
  const table = [{ id: 'a', label: 'First', scopes: ['s'] }, { id: 'a', label: 'Second', scopes: ['t'] }, { id: 'b', label: 'B', scopes: [' ', ' t '] }];
  const page = await open(env.browser, `${env.url}dupes.html`, { html: pageWithTable('helpdesk.html', JSON.stringify(table)) });
  const w = widget(page);
  assert.deepEqual(await w.shownIds(), ['a', 'b']);
  // The helpers' module describes the repairs once it has loaded.
  const notices = w.panel.locator('.guides-scope-selector__notices');
  await notices.waitFor({ state: 'visible' });
  assert.equal(await notices.textContent(),
    'action at index 1 repeats the id "a" of index 0 and was left out\naction at index 2: blank "scopes"[0] was left out');
});

const ashby = fixture('ashby-actions.json');
for (const [name, query, chosen, notice, separator = 'space'] of [
  ['unknown ids are counted', '?actions=ashby_list_jobs+nope+gone,nope', ['ashby_list_jobs'], '2 actions in the link were not found in this guide'],
  ['malformed percent-encoding', '?actions=ashby_list_jobs%2Cashby_get_job%E0%A4%A&separator=%ZZ', ['ashby_list_jobs'],
    '1 action in the link was not found in this guide\nunknown separator "%ZZ" in the link; using space'],
  ['repeated parameters', '?actions=ashby_list_jobs&actions=ashby_get_offer&separator=pipe&separator=comma', ['ashby_list_jobs', 'ashby_get_offer'],
    'the link repeats "actions"; its values were combined\nthe link repeats "separator"; its values were combined', 'pipe'],
  ['an oversized parameter', `?actions=${'ashby_list_jobs+'.repeat(600)}`, [], 'the link\'s "actions" is longer than 8192 characters and was ignored'],
]) {
  test(`a link with ${name} gives a notice and a sane state`, async () => {
    const page = await open(env.browser, `${env.url}index.html${query}`);
    const w = widget(page);
    assert.deepEqual((await w.checkedIds()).sort(), [...chosen].sort());
    assert.equal(await w.separator.inputValue(), separator);
    const notices = w.panel.locator('.guides-scope-selector__notices');
    assert.equal(await notices.textContent(), notice);
    assert.equal(await notices.isVisible(), true);
    await w.row(ashby[0].id).locator('input').check();
    assert.equal(await notices.isHidden(), true, 'the notice goes once the reader changes the choice');
    assert.deepEqual(page.errors, []);
  });
}

test('without the Clipboard API the copy falls back to a selection copy', async () => {
  const page = await open(env.browser, `${env.url}index.html?actions=ashby_list_jobs`, {
    init: () => { Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }); },
  });
  await widget(page).copyScopes.click();
  assert.equal(await copyFeedback(widget(page).copyScopes), 'Copied');
  const reader = await page.context().newPage();
  await reader.goto(`${env.url}favicon.svg`);
  assert.equal(await clipboard(reader), 'jobsRead');
});

test('when the clipboard is denied and the fallback fails, the reader is told to press Ctrl+C', async () => {
  const page = await open(env.browser, `${env.url}index.html?actions=ashby_list_jobs`, {
    permissions: [],
    init: () => { document.execCommand = () => false; },
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Browser.setPermission', { permission: { name: 'clipboard-write', allowWithoutSanitization: true }, setting: 'denied' })
    .catch(() => cdp.send('Browser.setPermission', { permission: { name: 'clipboard-write' }, setting: 'denied' }));
  assert.equal(await page.evaluate(() => navigator.clipboard.writeText('x').then(() => 'allowed', (error) => error.name)), 'NotAllowedError');
  const w = widget(page);
  await w.copyUrl.click();
  assert.equal(await copyFeedback(w.copyUrl), 'Copy blocked: press Ctrl+C (⌘C)');
  assert.equal(await page.locator('.guides-scope-selector__live').textContent(), 'Copy blocked: press Ctrl+C (⌘C)');
  const selected = await w.url.evaluate((input) => input.value.slice(input.selectionStart, input.selectionEnd));
  assert.equal(selected, await w.url.inputValue(), 'the URL is selected, ready for Ctrl+C');
  await w.copyScopes.click();
  // The text is selected before the feedback appears (the copy attempt is asynchronous).
  assert.equal(await copyFeedback(w.copyScopes), 'Copy blocked: press Ctrl+C (⌘C)');
  assert.equal(await page.evaluate(() => getSelection().toString()), 'jobsRead');
});

for (const [name, server, block] of [
  // (The wasm moved from dist/pkg/scope_selector_bg.wasm to dist/scope-selector.wasm, issue 17.)
  ['the wasm file is missing', () => env, '**/scope-selector.wasm'],
  ["the CSP forbids compiling wasm (no 'wasm-unsafe-eval')", () => strict, undefined],
]) {
  test(`when ${name}, the panel says the selector is unavailable and the guide stays complete`, async () => {
    const page = await open(env.browser, `${server().url}index.html?actions=ashby_list_jobs`, { block });
    const root = page.locator('[data-guides-scope-selector]');
    assert.equal(await root.getAttribute('data-guide-state'), 'unavailable');
    assert.match(await root.locator('[role=alert]').textContent(), /unavailable/);
    assert.equal(await widget(page).loading.isHidden(), true);
    assert.equal(await guideIsComplete(page), 0);
    assert.match(await page.locator('[data-guide-actions-badge-labels]').first().textContent(), /^Add Application Hiring Team Member, /, "the author's badge text");
  });
}

test('a guide that names a scope the table lacks gets one console warning naming it', async () => {
  const html = pageWithTable('index.html', JSON.stringify(fixture('ashby-actions.json')))
    .replace('data-guide-scopes="jobsRead,jobsWrite"', 'data-guide-scopes="jobsRead,jobsWrtie"')
    .replace('data-guide-display-scope="offersRead"', 'data-guide-display-scope="jobsWrtie"');
  const warnings = [];
  const context = await env.browser.newContext();
  const page = await context.newPage();
  page.on('console', (message) => { if (message.type() === 'warning') warnings.push(message.text()); });
  await page.route(`${env.url}typo.html`, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${env.url}typo.html`);
  await page.waitForSelector('[data-guide-state="ready"]');
  const typos = warnings.filter((text) => text.includes('"jobsWrtie"'));
  assert.equal(typos.length, 1, warnings.join('\n'));
  assert.match(typos[0], /^scope-selector: the guide names the scope "jobsWrtie", which is not in the action table/);
  await context.close();
});

test('when the copy code cannot load, a click on a copy button breaks nothing and says so in the console', async () => {
  const page = await open(env.browser, `${env.url}index.html`, { block: '**/copy.js' });
  const w = widget(page);
  await w.row('ashby_list_jobs').locator('input').check();
  const logged = page.waitForEvent('console', { predicate: (message) => message.type() === 'error' && message.text().includes('scope-selector: could not load the copy code') });
  await w.copyScopes.click();
  await logged;
  assert.deepEqual(page.errors, []);
  assert.equal(await w.copyScopes.getAttribute('data-copy-feedback'), null, 'no feedback claims a copy');
  assert.equal(await w.output.textContent(), 'jobsRead', 'the widget keeps working');
});
