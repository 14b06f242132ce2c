// Adjusts wasm-bindgen's generated glue before scripts/build.sh bundles or minifies it.
//
//   node scripts/trim-glue.mjs                  the widget's glue (www/dist/pkg): every change below
//   node scripts/trim-glue.mjs --strings GLUE   another module's glue: exact-length strings only
//
// - Strings cross into wasm memory at their exact UTF-8 length, through `TextEncoder.encode`.
//   The glue's own way writes ASCII a character at a time and, at the first other character,
//   grows its buffer to three bytes per remaining character: for a 12.6 MB table that is a 38 MB
//   buffer, in memory a wasm module never gives back (the widget's allocator rounds it up to
//   64 MiB). wasm-bindgen's glue already has the exact way, for a module without `realloc`: it
//   becomes the only way.
// - The widget's two long warnings are shortened (some 250 bytes the one-tag page would load for
//   messages shown only on a misconfigured server, or never: the shell always passes
//   `{ module_or_path }`).
// - The widget's default wasm location, `new URL('scope_selector_bg.wasm', import.meta.url)`, is
//   dropped: the shell always passes the wasm, and once bundled that URL points beside the bundle,
//   where there is no wasm; bundlers that resolve such URLs (webpack, so Docusaurus) fail on it.
// Each text must be found exactly once: if wasm-bindgen's output changes, this fails loudly.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The one place `text` holds `marker` (its index), or an error naming it. */
function findOnce(text, marker, file) {
  const at = text.indexOf(marker);
  if (at < 0 || text.indexOf(marker, at + 1) >= 0) {
    throw new Error(`trim-glue: expected ${file} to hold ${JSON.stringify(marker.slice(0, 60))}… once`);
  }
  return at;
}

/** `passStringToWasm0` reduced to its branch for a module without `realloc`, and the
 * `encodeInto` fallback, which only the other branch used, left out. */
function exactStrings(glue, file) {
  const head = 'function passStringToWasm0(arg, malloc, realloc) {\n    if (realloc === undefined) {';
  const branchEnd = '\n        return ptr;\n    }\n';
  const tail = '\n    WASM_VECTOR_LEN = offset;\n    return ptr;\n}\n';
  const start = findOnce(glue, head, file);
  const branch = glue.indexOf(branchEnd, start);
  const end = findOnce(glue, tail, file) + tail.length;
  const fallback = "\nif (!('encodeInto' in cachedTextEncoder)) {";
  const fallbackEnd = '\n    };\n}\n';
  const from = findOnce(glue, fallback, file);
  const to = glue.indexOf(fallbackEnd, from) + fallbackEnd.length;
  if (branch < 0 || end < branch || to < from + fallbackEnd.length || (from > start && from < end)) {
    throw new Error(`trim-glue: ${file} writes strings in another shape`);
  }
  const exact = `function passStringToWasm0(arg, malloc) {${glue.slice(start + head.length, branch)}\n        return ptr;\n}\n`;
  const parts = [[start, end, exact], [from, to, '']].sort((x, y) => y[0] - x[0]);
  for (const [cutFrom, cutTo, text] of parts) glue = glue.slice(0, cutFrom) + text + glue.slice(cutTo);
  return glue;
}

const WIDGET = [
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

const [option, path] = process.argv.slice(2);
if (option !== undefined && (option !== '--strings' || !path)) {
  throw new Error('usage: node scripts/trim-glue.mjs [--strings GLUE]');
}
const glueFile = path ?? fileURLToPath(new URL('../www/dist/pkg/scope_selector.js', import.meta.url));
let glue = exactStrings(readFileSync(glueFile, 'utf8'), glueFile);
for (const [from, to] of option ? [] : WIDGET) {
  findOnce(glue, from, glueFile);
  glue = glue.replace(from, () => to);
}
if (glue.includes('encodeInto') || glue.includes('realloc(ptr')) throw new Error(`trim-glue: ${glueFile} still writes strings the old way`);
writeFileSync(glueFile, glue);
