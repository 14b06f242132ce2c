// scope-selector's helpers for integrators, in Node ≥ 20 or a browser: guide URLs built and read
// by the same core as the widget and the CLI (compiled to wasm, loaded on first use from the
// files next to this module). A page showing the widget loads it only to describe a table the
// widget rejected or repaired.

let started;
/** Loads the helpers' module once. */
function load() {
  started ??= (async () => {
    const glue = await import('./tools/scope_selector_tools.js');
    const url = new URL('./tools/scope_selector_tools_bg.wasm', import.meta.url);
    // Node's fetch does not read file: URLs; a variable specifier keeps bundlers off Node's module.
    const fs = 'node:fs/promises';
    const source = url.protocol === 'file:' ? (await import(/* webpackIgnore: true */ /* @vite-ignore */ fs)).readFile(url) : fetch(url);
    await glue.default({ module_or_path: await source });
    return glue;
  })();
  return started;
}

/** The guide URL choosing `actions` on the page at `base`; options `{table, separator, key}`. */
export async function buildGuideUrl(base, actions, options) {
  return (await load()).buildGuideUrl(base, actions, options);
}

/** The choice a guide URL makes, `{actions, scopes, separator, notices}`; options `{table, key}`. */
export async function parseGuideUrl(url, options) {
  return (await load()).parseGuideUrl(url, options);
}

/** The panel markup for `table` (an array of actions or JSON text); options `{key}`. */
export async function renderPanel(table, options) {
  return (await load()).renderPanel(table, options);
}

/** A `Catalog` of `table` (an array of actions or JSON text): search and scope unions as the widget does them. */
export async function createCatalog(table) {
  const { Catalog } = await load();
  return new Catalog(typeof table === 'string' ? table : JSON.stringify(table));
}

/** What the widget finds wrong with `table` (JSON text): the core's message, or `null` if nothing. */
export async function tableProblem(table) {
  const { Catalog } = await load();
  try {
    new Catalog(table).free();
    return null;
  } catch (error) {
    return error.message;
  }
}

/** What was repaired in `table` (JSON text) to use it: the core's notices (repeated ids, blank scopes). */
export async function tableNotices(table) {
  const { Catalog } = await load();
  const catalog = new Catalog(table);
  try {
    return catalog.warnings;
  } finally {
    catalog.free();
  }
}
