// Gzipped size of what the one-tag page loads before the widget is interactive (the shipped files
// in www/dist/). `--json` prints the figures as JSON (used by the benchmark); `--check` (run by
// `npm test`) fails when the total exceeds the enforced ceiling. When target/plain/ holds the plain
// stable build (`bash scripts/build.sh --plain`), its wasm and glue are reported beside, for
// comparison: it shows what the size options of scripts/build.sh save.
//
// CEILING_BYTES is the size reached so far plus a small margin, so no change can make the widget
// heavier unnoticed: lowered with every saving; an issue may raise it by the measured, reported
// cost of what it adds, and never above MAX_CEILING_BYTES.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const MAX_CEILING_BYTES = 40 * 1024;
export const CEILING_BYTES = 40_670;
export const SHIPPED = ['pkg/scope_selector_bg.wasm', 'scope-selector.js', 'scope-selector.css'];
// Loaded after the widget is interactive: on a first click of a copy button (copy.js), once the
// first widgets are mounted (watch.js); hydration.js only on React pages, before mounting.
const ON_DEMAND = ['copy.js', 'watch.js', 'hydration.js'];
const SHIPPED_FROM = '../www/dist/';
const PLAIN = ['scope_selector_bg.wasm', 'scope_selector.js'];
// The panel's extras (presets, key check, exports, the search's words marked): loaded after a
// widget is interactive when its panel's markup asks for one of them, else on its first search.
const EXTRAS = ['extras.js', 'extras/scope_selector_extras.js', 'extras/scope_selector_extras_bg.wasm'];
// Loaded by integrators' scripts (guide URLs, Catalog), and by a page showing the widget only to
// describe a table the widget rejected or repaired.
const TOOLS = ['tools.js', 'tools/scope_selector_tools.js', 'tools/scope_selector_tools_bg.wasm'];
const PLAIN_FROM = '../target/plain/';

const sizeOf = (url) => {
  const bytes = readFileSync(url);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length };
};

export function measure() {
  const files = SHIPPED.map((file) => ({ file, ...sizeOf(new URL(SHIPPED_FROM + file, import.meta.url)) }));
  const plainFiles = PLAIN.map((file) => new URL(PLAIN_FROM + file, import.meta.url));
  const plain = plainFiles.every(existsSync) ? PLAIN.map((file, at) => ({ file, ...sizeOf(plainFiles[at]) })) : null;
  const toolFiles = TOOLS.map((file) => new URL(SHIPPED_FROM + file, import.meta.url));
  const tools = toolFiles.every(existsSync) ? TOOLS.map((file, at) => ({ file, ...sizeOf(toolFiles[at]) })) : null;
  const onDemand = ON_DEMAND.map((file) => ({ file, ...sizeOf(new URL(SHIPPED_FROM + file, import.meta.url)) }));
  const extras = EXTRAS.map((file) => ({ file, ...sizeOf(new URL(SHIPPED_FROM + file, import.meta.url)) }));
  return { files, total: files.reduce((sum, file) => sum + file.gzip, 0), ceiling: CEILING_BYTES, onDemand, extras, plain, tools };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = measure();
  const row = (file, raw, gzip) => `${file.padEnd(28)} ${String(raw).padStart(8)} B raw ${String(gzip).padStart(8)} B gzip -9`;
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    for (const { file, raw, gzip } of report.files) console.log(row(file, raw, gzip));
    console.log(`${'total'.padEnd(28)} ${' '.repeat(15)} ${String(report.total).padStart(8)} B gzip -9 (enforced ceiling ${report.ceiling} B)`);
    console.log('loaded on demand: after the widget is interactive (copy.js, watch.js), on React pages only (hydration.js):');
    for (const { file, raw, gzip } of report.onDemand) console.log(row(file, raw, gzip));
    console.log(`the panel's extras (presets, key check, exports, marked search words: after the widget is interactive, when the panel asks or on its first search), ${report.extras.reduce((sum, file) => sum + file.gzip, 0)} B gzip -9:`);
    for (const { file, raw, gzip } of report.extras) console.log(row(file, raw, gzip));
    if (report.tools) {
      console.log('helpers for integrators (tools.js: loaded by scripts; by the widget\'s page only for a rejected or repaired table):');
      for (const { file, raw, gzip } of report.tools) console.log(row(file, raw, gzip));
    }
    if (report.plain) {
      console.log('plain stable build (wasm-pack build --release, no size options; not shipped):');
      for (const { file, raw, gzip } of report.plain) console.log(row(file, raw, gzip));
    }
  }
  if (CEILING_BYTES > MAX_CEILING_BYTES) throw new Error(`the ceiling may not exceed ${MAX_CEILING_BYTES} B`);
  if (process.argv.includes('--check') && report.total > report.ceiling) {
    console.error(`size check failed: the shipped files total ${report.total} B gzipped, over the ceiling of ${report.ceiling} B`);
    process.exit(1);
  }
}
