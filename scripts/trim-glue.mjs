// Adjusts wasm-bindgen's generated glue before scripts/build.sh bundles it into the shell:
// - its two long warnings are shortened (some 250 bytes the one-tag page would load for messages
//   shown only on a misconfigured server, or never: the shell always passes `{ module_or_path }`);
// - its default wasm location, `new URL('scope_selector_bg.wasm', import.meta.url)`, is dropped:
//   the shell always passes the wasm, and once bundled that URL points beside the bundle, where
//   there is no wasm; bundlers that resolve such URLs (webpack, so Docusaurus) fail on it.
// Each text must be found exactly once: if wasm-bindgen's output changes, this fails loudly.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const GLUE = fileURLToPath(new URL('../www/dist/pkg/scope_selector.js', import.meta.url));
const REPLACEMENTS = [
  [
    '"`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\\n"',
    '"scope-selector: the server does not serve the wasm as application/wasm, so it compiles more slowly:"',
  ],
  [
    "'using deprecated parameters for the initialization function; pass a single object instead'",
    "'scope-selector: init expects { module_or_path }'",
  ],
  [
    "module_or_path = new URL('scope_selector_bg.wasm', import.meta.url);",
    "throw new Error('scope-selector: init needs the wasm');",
  ],
];

let glue = readFileSync(GLUE, 'utf8');
for (const [from, to] of REPLACEMENTS) {
  const count = glue.split(from).length - 1;
  if (count !== 1) throw new Error(`trim-glue: expected the glue to hold ${from.slice(0, 60)}… once, found it ${count} times`);
  glue = glue.replace(from, to);
}
writeFileSync(GLUE, glue);
