// scope-selector's JavaScript API: loads the wasm module once and forwards to it. Everything the
// widget decides (tables, search, URLs, the page's markup) is decided in Rust; see docs/api.md.
import { ROOT, STATE } from './contract.generated.js';
import { showFailure, unavailableText } from './failure.js';
import { wasmSource } from './wasm-source.js';

let started;
/** Loads and starts the widget module once (its glue, then its wasm); resolves to the glue's exports. */
export function load() {
  started ??= (async () => {
    // Loaded on demand (not imported statically), so a page whose module cannot load still gets
    // this file's "unavailable" message.
    const glue = await import('./scope_selector.js');
    await glue.default({ module_or_path: wasmSource(new URL('./scope_selector_bg.wasm', import.meta.url)) });
    return glue;
  })();
  return started;
}

/** A `Catalog` of a table (an array of actions, or JSON text): search and scope unions. */
export async function catalog(table) {
  const { Catalog } = await load();
  return new Catalog(typeof table === 'string' ? table : JSON.stringify(table));
}

/** Mounts `root` with the loaded module; a panel whose table or markup cannot be used shows why. */
function mountLoaded(glue, root, options) {
  try {
    return glue.mount(root, options);
  } catch (error) {
    // (A root that is not a panel, or is mounted already, is left alone.)
    if (root?.matches?.(ROOT) && !root.hasAttribute(STATE)) showFailure(root, error.message, 'failed');
    throw error;
  }
}

/** Shows on `root` that the module cannot load, and gives the error to throw. */
function unavailable(root, options, error) {
  if (root?.matches?.(ROOT) && !root.hasAttribute(STATE)) showFailure(root, unavailableText(root, options?.strings), 'unavailable');
  return new Error(`the scope-selector module could not load: ${error?.message ?? error}`, { cause: error });
}

/** Mounts the widget on one panel root. Resolves to its `Widget`; rejects with an `Error`. */
export async function mount(root, options) {
  let glue;
  try {
    glue = await load();
  } catch (error) {
    throw unavailable(root, options, error);
  }
  return mountLoaded(glue, root, options);
}

/**
 * Mounts every panel root in `container` not mounted yet (after destroying the widgets whose roots
 * left the page), so calling it after a client-side navigation mounts only the new panels.
 * Panels that cannot start show why; the others are mounted. Resolves to the new widgets.
 */
export async function mountAll(container = globalThis.document) {
  const pending = () => [...(container.matches?.(ROOT) ? [container] : []), ...container.querySelectorAll(ROOT)]
    .filter((root) => !root.hasAttribute(STATE));
  let glue;
  try {
    glue = await load();
  } catch (error) {
    for (const root of pending()) unavailable(root, undefined, error);
    console.error('scope-selector: the module could not load', error);
    return [];
  }
  glue.sweep();
  // No await from here on: two calls cannot both mount the same root.
  const widgets = [];
  for (const root of pending()) {
    try {
      widgets.push(mountLoaded(glue, root));
    } catch (error) {
      console.error('scope-selector:', error.message);
    }
  }
  return widgets;
}
