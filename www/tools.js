// scope-selector's helpers for integrators (the package's "./tools" entry), in Node ≥ 20 or a
// browser: guide URLs built and read and a searchable `Catalog`, by the same engine as the widget
// (the one wasm module, loaded on first use from the file next to this one), so they accept,
// reject and build exactly what the widget does; and panel markup, from the scripts' module
// (import.js), which reads the table with the same core. Errors are the engine's messages, in
// English.
import { Panel, guideUrl, load as loadEngine } from './engine.js';
import { load as loadScripts, panelMarkup } from './import.js';
import { helpers } from './catalogue.generated.js';
import english from './locales/en.js';
import problems from './locales/problems/en.js';
import { thrownWords, wordsFor } from './messages.js';

/** The helpers' words: the widget's English words, their own and those of the rare problems. */
const words = wordsFor({ ...english, ...helpers, ...problems }, 'en');

/**
 * Reads the engine's wasm from disk in Node, whose `fetch` does not read `file:` URLs. (The magic
 * comments and the variable keep bundlers off Node's module; scripts/build.sh does not minify
 * this file, which would drop them.)
 * @param {URL} url
 */
async function readFile(url) {
  const fs = 'node:fs/promises';
  return (await import(/* webpackIgnore: true */ /* @vite-ignore */ fs)).readFile(url);
}

/** Loads the engine (the first helper does it); resolves to its memory. */
export const load = () => loadEngine(readFile);

/**
 * @typedef {{ id: string, label: string, scopes: string[], group?: string }} Action
 * @typedef {Action[] | { actions: Action[], scopeLabels?: Record<string, string> }} ActionTable
 * @typedef {{ table: ActionTable | string, key?: string }} UrlOptions
 * @typedef {{ actions: string[], scopes: string[], separator: string, notices: string[] }} ParsedUrl
 */

/**
 * A table option as JSON text, or a TypeError naming `what`.
 * @param {unknown} table @param {string} what
 */
function tableText(table, what) {
  if (typeof table === 'string') return table;
  if (table !== null && typeof table === 'object') return JSON.stringify(table);
  throw new TypeError(`${what} must be the action table: an array of actions, or JSON text`);
}

/**
 * Runs `call` on the loaded engine; the engine's thrown messages become `Error`s in English.
 * @template T @param {() => T} call @returns {Promise<T>}
 */
async function run(call) {
  await load();
  try {
    return call();
  } catch (thrown) {
    throw new Error(thrownWords(thrown, words));
  }
}

/**
 * A string option, or a TypeError naming it.
 * @param {Record<string, unknown> | undefined} options @param {string} name
 */
function stringOption(options, name) {
  const value = options?.[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw new TypeError(`options.${name} must be a string`);
  return value;
}

/**
 * The guide URL choosing `actions` on the page at `base`; throws, naming them, on unknown ids, a
 * choice too large for a link or an unknown separator.
 * @param {string} base
 * @param {string[] | string} actions
 * @param {UrlOptions & { separator?: 'space' | 'comma' | 'semicolon' | 'pipe' | 'newline' }} options
 * @returns {Promise<string>}
 */
export async function buildGuideUrl(base, actions, options) {
  const table = tableText(options?.table, 'options.table');
  if (!(typeof actions === 'string' || (Array.isArray(actions) && actions.every((id) => typeof id === 'string')))) {
    throw new TypeError('actions must be an array of action ids, or a string of them');
  }
  const ids = typeof actions === 'string' ? actions : actions.join(' ');
  const separator = stringOption(options, 'separator') ?? 'space';
  const key = stringOption(options, 'key') ?? '';
  return run(() => guideUrl(table, base, ids, separator, key));
}

/**
 * The choice a guide URL makes, read by the widget's own panel: ids in table order, the scopes to
 * grant for them, the separator's name, and what the link could not use.
 * @param {string} url @param {UrlOptions} options @returns {Promise<ParsedUrl>}
 */
export async function parseGuideUrl(url, options) {
  const table = tableText(options?.table, 'options.table');
  const key = stringOption(options, 'key') ?? '';
  // The widget's own panel for the table, opened at the link as the page's one root named `key`.
  const panel = await run(() => Panel.open(table, JSON.stringify({ url, roots: [key], at: 0 })));
  try {
    /** @type {import('./render/view.js').ViewData} */
    const { choice } = JSON.parse(panel.update('{}'));
    const { actions, scopes } = JSON.parse(panel.choice());
    // What it says of the link (the table's repairs, among its notices too, are not the link's).
    const notices = (choice?.notices ?? []).filter(({ code }) => code.startsWith('link.')).map(words);
    return { actions, scopes, separator: choice?.separator ?? 'space', notices };
  } finally {
    panel.free();
  }
}

/**
 * The panel markup for `table`, as `scope-selector render` prints it (every control of the markup
 * contract, the table escaped into the root's attribute).
 * @param {ActionTable | string} table @param {{ key?: string, extras?: boolean }} [options]
 * @returns {Promise<string>}
 */
export async function renderPanel(table, options) {
  const text = tableText(table, 'renderPanel(table): table');
  const key = stringOption(options, 'key') ?? '';
  // (From the scripts' module, with the importer: a reader's page never needs the markup.)
  await loadScripts();
  try {
    return panelMarkup(text, key, options?.extras === true, (/** @type {string} */ message) => words(JSON.parse(message)));
  } catch (thrown) {
    throw new Error(thrownWords(thrown, words));
  }
}

/**
 * An action table prepared for search and scope unions, read and searched as the widget does:
 * `length`; `search(query)`, the indices of the actions matching every word of the query, best
 * first (the exact label, a label prefix, a word start in the label, then the rest), in table
 * order within a rank; `scopes(indices)`, the scopes to grant for those actions as the widget
 * grants them (their least privilege set, in table order of first appearance: the union of their
 * scopes when none has alternatives); `warnings`, what was repaired while reading the table;
 * `free()`, the engine's memory for it given back.
 * @typedef {{ readonly length: number, search(query: string): Uint32Array,
 *   scopes(indices: Uint32Array | number[]): string[], readonly warnings: string[], free(): void }} Catalog
 */

/**
 * Reads `table` into a `Catalog`; rejects with an `Error` naming the problem.
 * @param {ActionTable | string} table @returns {Promise<Catalog>}
 */
export async function createCatalog(table) {
  const text = tableText(table, 'createCatalog(table): table');
  // A panel of the engine, the widget's own, for the table alone: its first view counts the
  // actions and lists what was repaired.
  const panel = await run(() => Panel.open(text, '{}'));
  /** @type {import('./render/view.js').ViewData} */
  const first = JSON.parse(panel.update('{}'));
  const length = Number(first.status.args?.count);
  const warnings = (first.choice?.notices ?? []).map(words);
  return {
    length,
    search: (query) => panel.search(query),
    scopes(indices) {
      const chosen = [...indices];
      const index = chosen.find((at) => !(Number.isInteger(at) && at >= 0 && at < length));
      if (index !== undefined) throw new Error(words({ code: 'table.indexOutOfRange', args: { index, length } }));
      panel.update(JSON.stringify({ choose: chosen }));
      return JSON.parse(panel.choice()).scopes;
    },
    warnings,
    free: () => panel.free(),
  };
}

/**
 * What the widget finds wrong with `table` (JSON text): the engine's message, or `null`.
 * @param {string} table @returns {Promise<string | null>}
 */
export async function tableProblem(table) {
  try {
    (await createCatalog(table)).free();
    return null;
  } catch (error) {
    return /** @type {Error} */ (error).message;
  }
}

/**
 * What was repaired in `table` (JSON text) to use it: the engine's notices.
 * @param {string} table @returns {Promise<string[]>}
 */
export async function tableNotices(table) {
  const catalog = await createCatalog(table);
  try {
    return catalog.warnings;
  } finally {
    catalog.free();
  }
}
