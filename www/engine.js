// The engine: the one wasm module (the core compiled with a thin wasm-bindgen boundary, src/lib.rs)
// that the widget's renderer and the integrators' helpers share. Loaded once, from the file next
// to the built scripts (dist/scope-selector.wasm), in a browser by fetch and in Node from disk.
import init from './pkg/scope_selector.js';

// Re-exported by name, so a bundle takes only what it uses (the widget's has no helper).
export { Catalog, Panel, guideUrl, panelMarkup, readGuideUrl } from './pkg/scope_selector.js';

/** @type {Promise<{ memory: WebAssembly.Memory }> | undefined} */
let loading;

/**
 * Loads and starts the wasm module once; resolves to its memory (what the engine holds, for a
 * script that measures it).
 * @returns {Promise<{ memory: WebAssembly.Memory }>}
 */
export function load() {
  loading ??= (async () => {
    const url = new URL('./scope-selector.wasm', import.meta.url);
    // Node's fetch does not read file: URLs; a variable specifier keeps bundlers off Node's module.
    const fs = 'node:fs/promises';
    const source = url.protocol === 'file:'
      ? (await import(/* webpackIgnore: true */ /* @vite-ignore */ fs)).readFile(url)
      : fetch(url);
    const { memory } = await init({ module_or_path: await source });
    return { memory };
  })();
  loading.catch(() => { loading = undefined; });
  return loading;
}
