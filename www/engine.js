// The engine: the one wasm module (the core compiled with a thin wasm-bindgen boundary, src/lib.rs)
// that the widget's renderer and the integrators' helpers share. Loaded once, from the file next
// to the built scripts (dist/scope-selector.wasm), in a browser by fetch and in Node from disk.
import init from './pkg/scope_selector.js';

// Re-exported by name, so a bundle takes only what it uses (the widget's has no helper).
export { Panel, guideUrl } from './pkg/scope_selector.js';

/** @type {Promise<{ memory: WebAssembly.Memory }> | undefined} */
let loading;

/**
 * Loads and starts the wasm module once; resolves to its memory (what the engine holds, for a
 * script that measures it). In a browser the wasm is fetched; `readFile(url)` reads it where a
 * `file:` URL cannot be fetched (Node: the helpers pass `fs.readFile`, which the widget's bundle
 * never holds, so bundlers do not look for Node's modules in a site's code).
 * @param {(url: URL) => Promise<BufferSource>} [readFile]
 * @returns {Promise<{ memory: WebAssembly.Memory }>}
 */
export function load(readFile) {
  loading ??= (async () => {
    const url = new URL('./scope-selector.wasm', import.meta.url);
    const source = url.protocol === 'file:' && readFile ? readFile(url) : fetch(url);
    const { memory } = await init({ module_or_path: await source });
    return { memory };
  })();
  loading.catch(() => { loading = undefined; });
  return loading;
}
