// The release build: the npm package's files in dist/ (what a site ships), from the Rust crates
// and the JS shell in www/src. `node scripts/build.mjs` (npm start and npm test run it);
// `--plain` instead builds the wasm with a plain stable `wasm-pack build --release` into
// target/plain/, to show that the code needs none of the size options below.
//
// The size options, all here and nowhere else:
// - core, alloc and std are rebuilt with the crate, for size (`optimize_for_size`) and with panics
//   that abort at once (`-C panic=immediate-abort`), so no panic message, location or formatting
//   code is linked. These are unstable cargo/rustc options, enabled on the pinned stable compiler
//   (rust-toolchain.toml) with RUSTC_BOOTSTRAP for this one command; if a later compiler renames
//   one, this build fails loudly instead of quietly growing.
// - wasm-opt -Oz with the features every current browser has, told that the low 1 KiB of memory
//   is unused (true of Rust's layout: the stack lies below the data and grows down), and with the
//   module's internal import and export names shortened (the glue is rewritten to match, below).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const path = (relative) => `${root}${relative}`;
const env = { ...process.env, PATH: `${path('node_modules/.bin')}:${process.env.HOME}/.cargo/bin:${process.env.PATH}` };
const run = (command, args, options = {}) => execFileSync(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8', ...options });

const SIZE_ENV = {
  RUSTC_BOOTSTRAP: '1',
  CARGO_UNSTABLE_BUILD_STD: 'std,panic_abort',
  CARGO_UNSTABLE_BUILD_STD_FEATURES: 'optimize_for_size',
};
// Added to the rustflags of .cargo/config.toml (SIMD128), not put in their place.
const SIZE_RUSTFLAGS = 'target.wasm32-unknown-unknown.rustflags = ["-Zunstable-options", "-Cpanic=immediate-abort"]';
const WASM_FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
  '--enable-simd', '--enable-reference-types', '--enable-multivalue'];
const WASM_OPT = ['-Oz', ...WASM_FEATURES, '--converge', '--low-memory-unused', '--strip-producers', '--strip-target-features'];

/** wasm-pack for one crate, into target/<outDir>, named `name`; no wasm-opt (done below). */
function wasmPack(crate, outDir, name, { sizeOptions = true } = {}) {
  const args = ['build', crate, '--release', '--target', 'web', '--no-pack', '--out-dir', path(outDir), '--out-name', name];
  if (sizeOptions) args.push('--', '--config', SIZE_RUSTFLAGS);
  run('wasm-pack', args, { env: { ...env, ...(sizeOptions ? SIZE_ENV : {}) }, stdio: ['ignore', 'inherit', 'inherit'] });
}

/**
 * Optimises `dir/name_bg.wasm` and shortens the names its glue knows it by: wasm-bindgen names
 * every import `__wbg_<name>_<16 hex digits>`, some 4 KB of nearly incompressible text, in the
 * wasm and again in the glue. binaryen renames them and prints the mapping, which is applied to
 * the glue here. Every replacement is counted, so a change in wasm-bindgen's output fails the
 * build instead of shipping a glue that does not match its wasm.
 */
function optimise(dir, name) {
  const wasm = path(`${dir}/${name}_bg.wasm`);
  run('wasm-opt', [wasm, ...WASM_OPT, '-o', wasm]);
  // A pass of its own: with --converge the mapping would be printed once per round.
  const printed = run('wasm-opt', [wasm, ...WASM_FEATURES, '--minify-imports-and-exports-and-modules', '-o', wasm]);
  // binaryen prints the mapping as JSON with trailing commas.
  const mapping = JSON.parse(printed.replace(/,(\s*[\]}])/g, '$1'));
  const modules = new Set(WebAssembly.Module.imports(new WebAssembly.Module(readFileSync(wasm))).map((entry) => entry.module));
  if (modules.size !== 1) throw new Error(`expected ${name} to import from one module, found ${[...modules].join(', ')}`);
  const [moduleName] = modules;
  const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  /** `text` with whole-word `from` replaced by `to`, and how many times. */
  const replace = (text, from, to) => {
    let count = 0;
    const result = text.replace(new RegExp(`(?<![\\w$])${escape(from)}(?![\\w$])`, 'g'), () => { count += 1; return to; });
    return [result, count];
  };
  const gluePath = path(`${dir}/${name}.js`);
  let glue = readFileSync(gluePath, 'utf8');
  let count;
  for (const [, importName, short] of mapping.imports) {
    [glue, count] = replace(glue, importName, JSON.stringify(short));
    if (count !== 1) throw new Error(`the glue names the import ${importName} ${count} times, expected once`);
  }
  for (const [exportName, short] of mapping.exports) {
    if (!/^[A-Za-z_$][\w$]*$/.test(short)) throw new Error(`export ${exportName} was renamed to ${short}, not an identifier`);
    [glue] = replace(glue, `wasm.${exportName}`, `wasm.${short}`);
  }
  [glue, count] = replace(glue, JSON.stringify(`./${name}_bg.js`), JSON.stringify(moduleName));
  if (count !== 1) throw new Error(`the glue names its import module ${count} times, expected once`);
  writeFileSync(gluePath, glue);
}

if (process.argv.includes('--plain')) {
  rmSync(path('target/plain'), { recursive: true, force: true });
  wasmPack('.', 'target/plain', 'scope_selector', { sizeOptions: false });
  process.exit(0);
}

writeFileSync(path('www/src/contract.generated.js'), run('cargo', ['run', '-q', '-p', 'scope-selector-core', '--example', 'js_contract']));
wasmPack('.', 'target/pkg/widget', 'scope_selector');
optimise('target/pkg/widget', 'scope_selector');

rmSync(path('dist'), { recursive: true, force: true });
mkdirSync(path('dist'));
const shared = { bundle: true, format: 'esm', minify: true, logLevel: 'warning', target: 'es2022' };
await build({ ...shared, entryPoints: [path('www/src/index.js')], outfile: path('dist/index.js'), external: ['./scope_selector.js'] });
await build({ ...shared, entryPoints: [path('target/pkg/widget/scope_selector.js')], outfile: path('dist/scope_selector.js') });
await build({ ...shared, entryPoints: [path('www/src/auto.js')], outfile: path('dist/auto.js'), external: ['./index.js'] });
await build({ ...shared, entryPoints: [path('www/src/loader.js')], outfile: path('dist/loader.js'), format: 'iife' });
await build({ ...shared, entryPoints: [path('www/style.css')], outfile: path('dist/style.css') });
copyFileSync(path('target/pkg/widget/scope_selector_bg.wasm'), path('dist/scope_selector_bg.wasm'));
