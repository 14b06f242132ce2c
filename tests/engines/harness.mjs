// Shared set-up of the reader's journey in three engines: the demo servers (plain and under a
// strict Content-Security-Policy) whose pages record their script errors and console warnings,
// pages and early scripts a test serves, and the panel read and used from inside the page.
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { serve } from '../../scripts/serve.mjs';
import { flatPage } from '../../scripts/demo-page.mjs';

/** The script every served page runs first: it records uncaught errors and console warnings and errors. */
const RECORDER = `window.__recorded = { errors: [], console: [] };
addEventListener('error', (event) => __recorded.errors.push(event.message));
addEventListener('unhandledrejection', (event) => __recorded.errors.push(String(event.reason && event.reason.message || event.reason)));
for (const level of ['warn', 'error']) {
  const write = console[level];
  console[level] = (...args) => { __recorded.console.push({ level, text: args.map(String).join(' ') }); write.apply(console, args); };
}`;

/**
 * A demo server whose HTML pages load the recorder, then the early script a test gave their path
 * (`early`), before anything else. Resolves to { url, pages, early, close }; `pages` maps extra
 * paths to bodies (null: answered 404).
 */
export async function startSite(options = {}) {
  const pages = new Map([['/__recorder.js', Buffer.from(RECORDER)], ['/flat.html', Buffer.from(flatPage('index.html'))], ...(options.pages ?? [])]);
  const early = new Map();
  const html = (text, path) => {
    const scripts = ['/__recorder.js', ...(early.has(path) ? [`/__early${path}.js`] : [])];
    return text.replace(/<head>/i, (head) => `${head}${scripts.map((src) => `<script src="${src}"></script>`).join('')}`);
  };
  const { server, url } = await serve({ port: 0, ...options, pages, html });
  return {
    url, pages,
    /** Serves `body` at `path`, with `init` (a function) run in it before the page's own scripts. */
    page(path, body, init) {
      if (body !== undefined) pages.set(path, Buffer.from(body));
      if (init) {
        early.set(path, true);
        pages.set(`/__early${path}.js`, Buffer.from(`(${init})();`));
      }
      return `${url}${path.slice(1)}`;
    },
    close: () => server.close(),
  };
}

/** What a page recorded: { errors, console }. */
export const recorded = (b) => b.run(() => window.__recorded ?? { errors: ['the recorder did not run'], console: [] });

/** Asserts that the page open in `b` threw nothing (an uncaught error or a rejected promise). */
export async function assertNoErrors(b) {
  assert.deepEqual((await recorded(b)).errors, [], `${b.name}: script errors on ${await b.run(() => location.href)}`);
}

// --- Reading the page (functions run inside it) ---------------------------------------------------

export const read = {
  /** The ids of the rows shown under `root` (or of those ticked), in order. */
  ids: (root, checked) => [...document.querySelectorAll(`${root} .guides-scope-selector__row:not([hidden])${checked ? ':has(input:checked)' : ''} .guides-scope-selector__action-id`)].map((id) => id.textContent),
  text: (selector) => document.querySelector(selector)?.textContent ?? null,
  texts: (selector) => [...document.querySelectorAll(selector)].map((element) => element.textContent),
  value: (selector) => document.querySelector(selector)?.value ?? null,
  attribute: (selector, name) => document.querySelector(selector)?.getAttribute(name) ?? null,
  count: (selector) => document.querySelectorAll(selector).length,
  disabled: (selector) => document.querySelector(selector).disabled,
  /** Whether the element has a box on the page (what a reader can see), as Playwright's `isVisible`. */
  visible: (selector) => {
    const element = document.querySelector(selector);
    return Boolean(element && element.getClientRects().length > 0 && getComputedStyle(element).visibility !== 'hidden');
  },
  url: () => location.href,
  /** The page's query string (the address follows the choice once the view is painted). */
  search: () => location.search,
  /** What has the focus: the search box ("search"), a row's action id, or the element's tag in lower case. */
  focused: () => {
    const active = document.activeElement;
    if (active?.matches('[data-guide-action-search]')) return 'search';
    const row = active?.closest('.guides-scope-selector__row');
    if (row) return row.querySelector('.guides-scope-selector__action-id').textContent;
    return active?.tagName.toLowerCase() ?? null;
  },
  /** The checkbox of the row of action `id` under `root` (an element, for a click). */
  rowBox: (root, id) => [...document.querySelectorAll(`${root} .guides-scope-selector__row`)]
    .find((row) => row.querySelector('.guides-scope-selector__action-id')?.textContent === id)?.querySelector('input') ?? null,
  /** Whether the row of action `id` under `root` is ticked (undefined: no such row drawn). */
  rowChecked: (root, id) => [...document.querySelectorAll(`${root} .guides-scope-selector__row`)]
    .find((row) => row.querySelector('.guides-scope-selector__action-id')?.textContent === id)?.querySelector('input').checked,
  /** The first element `selector` finds whose text contains `text` (an element, for a click). */
  withText: (selector, text) => [...document.querySelectorAll(selector)].find((element) => element.textContent.includes(text)) ?? null,
};

/** The panel under `root` in the page open in `b`, read and used as a reader does. */
export function panel(b, root = '[data-guides-scope-selector]') {
  const at = (selector) => `${root} ${selector}`;
  /** Ticks (or unticks) the row of action `id`, and waits until its box shows it. */
  const setRow = async (id, checked) => {
    if ((await b.run(read.rowChecked, root, id)) !== checked) await b.click(read.rowBox, root, id);
    await settles(b, read.rowChecked, [root, id], checked, `the box of ${id}`);
  };
  return {
    root, at,
    shownIds: () => b.run(read.ids, root, false),
    checkedIds: () => b.run(read.ids, root, true),
    rowCount: () => b.run(read.count, at('.guides-scope-selector__row:not([hidden])')),
    status: () => b.run(read.text, at('.guides-scope-selector__status')),
    output: () => b.run(read.text, at('[data-guide-scopes-output]')),
    url: () => b.run(read.value, at('[data-guide-url]')),
    separator: () => b.run(read.value, at('[data-guide-scope-delimiter]')),
    searchText: () => b.run(read.value, at('[data-guide-action-search]')),
    notices: () => b.run(read.text, at('.guides-scope-selector__notices')),
    visible: (selector) => b.run(read.visible, at(selector)),
    search: (query) => b.fill(at('[data-guide-action-search]'), query),
    choose: (separator) => b.select(at('[data-guide-scope-delimiter]'), separator),
    check: (id) => setRow(id, true),
    uncheck: (id) => setRow(id, false),
    click: (selector) => b.click(at(selector)),
  };
}

/**
 * Polls `fn(...args)` in the page until it deep-equals `expected` (a renderer may paint in the
 * next frame), then asserts it: a value that never comes fails with what was there.
 */
export async function settles(b, fn, args, expected, message) {
  const deadline = Date.now() + 3000;
  let value;
  for (;;) {
    value = await b.run(fn, ...args);
    if (isDeepStrictEqual(value, expected) || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  assert.deepEqual(value, expected, message);
}

/** The feedback a copy button shows, once it shows one (copying is asynchronous after the click). */
export const copyFeedback = (b, selector) => b.until((selector) => document.querySelector(selector)?.getAttribute('data-copy-feedback'), selector);
