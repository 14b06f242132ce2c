// Where a wasm file's bytes come from: fetched in a browser, read from disk where Node runs the
// package (Node's fetch does not read file: URLs).

/** The wasm at `url` (a URL next to the module asking, so bundlers and CDNs keep them together). */
export async function wasmSource(url) {
  if (url.protocol !== 'file:') return fetch(url);
  // A variable specifier, so bundlers leave Node's own module to Node.
  const fs = 'node:fs/promises';
  return (await import(/* webpackIgnore: true */ /* @vite-ignore */ fs)).readFile(url);
}
