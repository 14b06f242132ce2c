// Shortens the names the wasm module and its generated JS glue know each other by: wasm-bindgen
// names every import `__wbg_<name>_<16 hex digits>`, and those names (in the wasm and again in the
// glue) are some 4 KB of nearly incompressible text. binaryen renames the imports, exports and
// module in the wasm and prints the mapping; this script applies the same mapping to the glue and
// its TypeScript declarations. The module's API (`mount`, `Widget`, `default`) keeps its
// names: only the module's internal wiring is renamed. Run by scripts/build.sh after wasm-opt, with the
// wasm features as arguments. Every replacement is counted: if wasm-bindgen's output changes shape,
// this fails instead of shipping a glue that does not match its wasm.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const pkg = (file) => fileURLToPath(new URL(`../www/dist/pkg/${file}`, import.meta.url));
const WASM = pkg('scope_selector_bg.wasm');

// The same features as the build's wasm-opt run (scripts/build.sh passes them), so the output is
// written for the same engines.
const features = process.argv.slice(2);
if (!features.length || !features.every((flag) => flag.startsWith('--enable-'))) {
  throw new Error('usage: node scripts/minify-names.mjs --enable-FEATURE… (the wasm features of scripts/build.sh)');
}
const printed = execFileSync('wasm-opt', [WASM, ...features, '--minify-imports-and-exports-and-modules', '-o', WASM], { encoding: 'utf8' });
// binaryen prints the mapping as JSON with trailing commas.
const mapping = JSON.parse(printed.replace(/,(\s*[\]}])/g, '$1'));
const modules = new Set(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(WASM))).map((entry) => entry.module));
if (modules.size !== 1) throw new Error(`expected the wasm to import from one module, found ${[...modules].join(', ')}`);
const [moduleName] = modules;
for (const [name, short] of mapping.exports) {
  if (!/^[A-Za-z_$][\w$]*$/.test(short)) throw new Error(`export ${name} was renamed to ${short}, not an identifier`);
}

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Replaces whole-word occurrences of `name` (which may hold `$`); returns [text, count]. */
function replaceName(text, name, replacement) {
  let count = 0;
  const result = text.replace(new RegExp(`(?<![\\w$])${escape(name)}(?![\\w$])`, 'g'), () => {
    count += 1;
    return replacement;
  });
  return [result, count];
}

function rewrite(file, edit) {
  writeFileSync(pkg(file), edit(readFileSync(pkg(file), 'utf8')));
}

rewrite('scope_selector.js', (glue) => {
  for (const [, name, short] of mapping.imports) {
    let count;
    [glue, count] = replaceName(glue, name, JSON.stringify(short));
    if (count !== 1) throw new Error(`import ${name} appears ${count} times in the glue, expected once`);
  }
  for (const [name, short] of mapping.exports) {
    [glue] = replaceName(glue, `wasm.${name}`, `wasm.${short}`);
  }
  const [renamed, count] = replaceName(glue, JSON.stringify('./scope_selector_bg.js'), JSON.stringify(moduleName));
  if (count !== 1) throw new Error(`the glue names the import module ${count} times, expected once`);
  return renamed;
});

// The declarations of the raw exports (`InitOutput`, and the wasm's own .d.ts) follow the rename.
const renameExports = (text, pattern) => mapping.exports.reduce((result, [name, short]) => result.replace(pattern(name), (_, before) => `${before}${short}`), text);
rewrite('scope_selector.d.ts', (types) => renameExports(types, (name) => new RegExp(`(readonly )${escape(name)}(?=:)`, 'g')));
rewrite('scope_selector_bg.wasm.d.ts', (types) => renameExports(types, (name) => new RegExp(`(export const )${escape(name)}(?=:)`, 'g')));
