// Two behaviour fixes to wasm-bindgen's generated glue of the engine and of the importer, before
// scripts/build.sh bundles it (`node scripts/fix-glue.mjs GLUE`). Neither is there to save bytes:
// - Strings cross into wasm memory at their exact UTF-8 length, through `TextEncoder.encode`.
//   The glue's own way writes ASCII a character at a time and, at the first other character,
//   grows its buffer to three bytes per remaining character: for a 12.6 MB table that is a 38 MB
//   buffer, in memory a wasm module never gives back. wasm-bindgen's glue already has the exact
//   way, for a module without `realloc`: it becomes the only way.
// - The glue's default wasm location, `new URL('scope_selector_bg.wasm', import.meta.url)` (the
//   importer's: `scope_selector_import_bg.wasm`), is dropped: engine.js and import.js always pass
//   the wasm, and once bundled that URL points beside the bundle, where there is no such file;
//   bundlers that resolve such URLs (webpack, so Docusaurus) fail on it.
// Each text must be found exactly once: if wasm-bindgen's output changes, this fails loudly.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

/** The one place `text` holds `marker` (its index), or an error naming it. */
function findOnce(text, marker, file) {
  const at = text.indexOf(marker);
  if (at < 0 || text.indexOf(marker, at + 1) >= 0) {
    throw new Error(`fix-glue: expected ${file} to hold ${JSON.stringify(marker.slice(0, 60))}… once`);
  }
  return at;
}

/** `passStringToWasm0` reduced to its branch for a module without `realloc`, and the
 * `encodeInto` fallback, which only the other branch used, left out. */
function exactStrings(glue, file) {
  const shape = (problem) =>
    new Error(`fix-glue: ${file}: ${problem}; wasm-bindgen's glue changed shape (this was written for 0.2.130): update exactStrings in scripts/fix-glue.mjs`);
  const head = 'function passStringToWasm0(arg, malloc, realloc) {\n    if (realloc === undefined) {';
  const tail = '\n    WASM_VECTOR_LEN = offset;\n    return ptr;\n}\n';
  const start = findOnce(glue, head, file);
  const end = findOnce(glue, tail, file) + tail.length;
  const branch = glue.indexOf('\n        return ptr;\n    }\n', start);
  if (branch < 0 || branch > end || glue.slice(start, branch).includes('\n    }')) throw shape('the exact branch is not the first block of passStringToWasm0');
  const fallbackHead = "\nif (!('encodeInto' in cachedTextEncoder)) {";
  const fallbackTail = '\n    };\n}\n';
  const from = findOnce(glue, fallbackHead, file);
  const to = glue.indexOf(fallbackTail, from) + fallbackTail.length;
  const fallback = glue.slice(from, to);
  if (to < from + fallbackTail.length || /\n(function|let|const) /.test(fallback) || !(to <= start || from >= end)) {
    throw shape('the encodeInto fallback is not one block outside passStringToWasm0');
  }
  const exact = `function passStringToWasm0(arg, malloc) {${glue.slice(start + head.length, branch)}\n        return ptr;\n}\n`;
  const cuts = [[start, end, exact], [from, to, '']].sort((x, y) => y[0] - x[0]);
  for (const [cutFrom, cutTo, text] of cuts) glue = glue.slice(0, cutFrom) + text + glue.slice(cutTo);
  return glue;
}

const [glueFile] = process.argv.slice(2);
if (!glueFile) throw new Error('usage: node scripts/fix-glue.mjs GLUE');
// The glue `NAME.js` points at `NAME_bg.wasm`.
const wasmName = `${basename(glueFile, '.js')}_bg.wasm`;
const DEFAULT_LOCATION = [
  `module_or_path = new URL('${wasmName}', import.meta.url);`,
  "throw new Error('scope-selector: init needs the wasm');",
];
let glue = exactStrings(readFileSync(glueFile, 'utf8'), glueFile);
findOnce(glue, DEFAULT_LOCATION[0], glueFile);
glue = glue.replace(DEFAULT_LOCATION[0], () => DEFAULT_LOCATION[1]);
if (glue.includes('encodeInto') || glue.includes('realloc(ptr')) throw new Error(`fix-glue: ${glueFile} still writes strings the old way`);
writeFileSync(glueFile, glue);
