// Shared set-up for the end-to-end tests: the demo server, Chromium, and a reference model of
// the expected results computed independently from the fixture tables.
import { readFileSync } from 'node:fs';
import { launchChromium } from '../../scripts/chromium.mjs';
import { serve } from '../../scripts/serve.mjs';
import { flatPage } from '../../scripts/demo-page.mjs';

export function fixture(name) {
  return JSON.parse(readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8'));
}

/** Starts the server and the browser; returns { url, browser, close }. */
export async function start(options = {}) {
  const pages = new Map([['/flat.html', Buffer.from(flatPage('index.html'))], ...(options.pages ?? [])]);
  const { server, url } = await serve({ port: 0, ...options, pages });
  const browser = await launchChromium();
  return { url, browser, close: async () => { await browser.close(); server.close(); } };
}

/**
 * Opens `address` in a new context with clipboard access and collects script errors in
 * `page.errors`. `html` serves that markup at the address; `init` runs before the page's scripts;
 * `block` answers 404 for URLs matching it.
 */
export async function open(browser, address, { permissions = ['clipboard-read', 'clipboard-write'], html, init, block } = {}) {
  const context = await browser.newContext({ permissions });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  // Matched on the path, so an address with a query or a fragment is served the markup too.
  const path = new URL(address).pathname;
  if (html) await page.route((url) => url.pathname === path, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  if (block) await page.route(block, (route) => route.fulfill({ status: 404, body: 'not found' }));
  if (init) await page.addInitScript(init);
  await page.goto(address);
  await page.waitForSelector('[data-guides-scope-selector][data-guide-state]');
  return page;
}

export { pageWithTable } from '../../scripts/demo-page.mjs';

// --- Reference model: the behaviour the README documents, written independently of the Rust code.

/** Case and diacritics folded away, as the README documents: lower case, NFD, no nonspacing marks. */
export const fold = (text) => text.toLowerCase().normalize('NFD').replace(/\p{Mn}+/gu, '');

// The widget's result for `query`, found independently: the actions holding every folded word
// in a field, best first (the exact label, a label prefix, the query at a word start in the
// label, the rest), in table order within a rank.
export function expectedSearch(actions, query) {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const phrase = words.join(' ');
  const rank = (label) => {
    const folded = fold(label).replace(/\s/g, ' ');
    if (folded === phrase) return 0;
    if (folded.startsWith(phrase)) return 1;
    for (let at = folded.indexOf(phrase, 1); at > 0; at = folded.indexOf(phrase, at + 1)) {
      if (/[\0-\x7f]/.test(folded[at - 1]) && !/[a-z0-9]/.test(folded[at - 1])) return 2;
    }
    return 3;
  };
  const found = actions.filter((action) => {
    const fields = [action.label, action.id, ...action.scopes].map(fold);
    return words.every((word) => fields.some((field) => field.includes(word)));
  });
  // (Array sorting is stable.)
  return phrase ? found.sort((a, b) => rank(a.label) - rank(b.label)) : found;
}

export function expectedUnion(actions, chosenIds) {
  const chosen = new Set(chosenIds);
  const needed = new Set(actions.filter((action) => chosen.has(action.id)).flatMap((action) => action.scopes));
  const order = [...new Set(actions.flatMap((action) => action.scopes))];
  return order.filter((scope) => needed.has(scope));
}

export const SEPARATORS = { space: ' ', comma: ',', semicolon: ';', pipe: '|', newline: '\n' };

// --- Reading the widget -------------------------------------------------------------------------

export function widget(page, root = '[data-guides-scope-selector]') {
  const panel = page.locator(root).first();
  return {
    panel,
    search: panel.locator('[data-guide-action-search]'),
    rows: panel.locator('.guides-scope-selector__row:not([hidden])'),
    shownIds: () => panel.locator('.guides-scope-selector__row:not([hidden]) .guides-scope-selector__action-id').allTextContents(),
    checkedIds: () => panel.locator('.guides-scope-selector__row:not([hidden]):has(input:checked) .guides-scope-selector__action-id').allTextContents(),
    row: (id) => panel.locator('.guides-scope-selector__row', { has: page.locator(`code:text-is("${id}")`) }),
    status: panel.locator('.guides-scope-selector__status'),
    output: panel.locator('[data-guide-scopes-output]'),
    url: panel.locator('[data-guide-url]'),
    separator: panel.locator('[data-guide-scope-delimiter]'),
    noResults: panel.locator('[data-guide-no-results]'),
    loading: panel.locator('[data-guide-loading]'),
    selectAll: panel.locator('[data-guide-select-all]'),
    clear: panel.locator('[data-guide-clear]'),
    copyUrl: panel.locator('[data-guide-copy-url]'),
    copyScopes: panel.locator('[data-guide-copy-scopes]'),
  };
}

export const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

/** The feedback a copy button shows, once it shows one (copying is asynchronous after the click). */
export async function copyFeedback(button) {
  await button.and(button.page().locator('[data-copy-feedback]')).waitFor();
  return button.getAttribute('data-copy-feedback');
}
