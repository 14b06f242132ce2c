// scope-selector's spec importer for scripts (the package's "./import" entry), in Node ≥ 20 or a
// browser: an OpenAPI 2.0, 3.0 or 3.1 document (JSON or YAML) or a Google discovery document in,
// an action table out, exactly as `scope-selector import` writes it. The scripts' wasm module
// (dist/import.wasm, loaded on first use from the file next to this one), apart from the engine:
// a reader's page never loads the YAML and OpenAPI readers, nor the panel markup's templates
// (`panelMarkup`, behind the helpers' `renderPanel`). Errors are the importer's messages, in
// English.
import init, { importSpec as importJson, panelMarkup as markup } from '../target/import-pkg/scope_selector_import.js';

/**
 * The panel markup for `table` (JSON text) as the widget root `key`, with the key check and the
 * export buttons when `extras`, its texts from `words(message)` (a message's JSON in, its words
 * out): the helpers' `renderPanel`. Call `load()` first; throws the table's problem as the
 * engine does (the message's JSON).
 * @param {string} table @param {string} key @param {boolean} extras @param {(message: string) => string} words
 * @returns {string}
 */
export const panelMarkup = (table, key, extras, words) => markup(table, key, extras, words);

/**
 * Reads the importer's wasm from disk in Node, whose `fetch` does not read `file:` URLs. (The
 * magic comments and the variable keep bundlers off Node's module; scripts/build.sh does not
 * minify this file, which would drop them.)
 * @param {URL} url
 */
async function readFile(url) {
  const fs = 'node:fs/promises';
  return (await import(/* webpackIgnore: true */ /* @vite-ignore */ fs)).readFile(url);
}

/** @type {Promise<void> | undefined} */
let loading;

/** Loads and starts the scripts' wasm once (the first `importSpec` or `renderPanel` does it). */
export function load() {
  loading ??= (async () => {
    const url = new URL('./import.wasm', import.meta.url);
    const source = url.protocol === 'file:' ? readFile(url) : fetch(url);
    await init({ module_or_path: await source });
  })();
  loading.catch(() => { loading = undefined; });
  return loading;
}

/**
 * @typedef {{ id: string, label: string, scopes: string[], group?: string, alternatives?: string[][] }} ImportedAction
 * @typedef {{ actions: ImportedAction[], scopeLabels?: Record<string, string> }} ImportedTable
 * @typedef {{ scheme?: string, groupBy?: 'tag' | 'path', skipDeprecated?: boolean }} ImportOptions
 * @typedef {{ read: number, kept: number, dropped: [string, number][] }} ImportSummary
 * @typedef {{ table: ImportedTable, scheme: string, summary: ImportSummary, warnings: string[] }} ImportResult
 */

/**
 * Imports the spec `text` (OpenAPI 2.0, 3.0 or 3.1, JSON or YAML, or a Google discovery
 * document): the action table (`table`, the CLI's table, parsed), the security scheme whose
 * scopes it lists, the counts (operations read, kept, and dropped per reason, in the CLI's words)
 * and what the import went on despite (`warnings`). `options` are the CLI's `--scheme`,
 * `--group-by` and `--skip-deprecated`. Rejects with an `Error` carrying the importer's message
 * when the document cannot be imported.
 * @param {string} text @param {ImportOptions} [options] @returns {Promise<ImportResult>}
 */
export async function importSpec(text, options = {}) {
  if (typeof text !== 'string') throw new TypeError('importSpec(text): text must be the spec as a string');
  if (options === null || typeof options !== 'object') throw new TypeError('importSpec(text, options): options must be an object');
  await load();
  let result;
  try {
    result = JSON.parse(importJson(text, JSON.stringify(options)));
  } catch (thrown) {
    throw new Error(typeof thrown === 'string' ? thrown : String(thrown));
  }
  return { ...result, table: JSON.parse(result.table) };
}
