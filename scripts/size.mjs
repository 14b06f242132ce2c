// Gzipped size of every shipped file. `--check` fails when the total exceeds the budget;
// `--json` prints the figures as JSON (used by the benchmark).
import { readFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';

export const BUDGET_BYTES = 25 * 1024;
export const SHIPPED = ['pkg/scope_selector_bg.wasm', 'pkg/scope_selector.js', 'scope-selector.js', 'scope-selector.css'];

export function measure() {
  const files = SHIPPED.map((file) => {
    const bytes = readFileSync(new URL(`../www/${file}`, import.meta.url));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: constants.Z_BEST_COMPRESSION }).length };
  });
  return { files, total: files.reduce((sum, file) => sum + file.gzip, 0), budget: BUDGET_BYTES };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = measure();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    for (const { file, raw, gzip } of report.files) console.log(`${file.padEnd(28)} ${String(raw).padStart(8)} B raw ${String(gzip).padStart(8)} B gzip -9`);
    console.log(`${'total'.padEnd(28)} ${' '.repeat(15)} ${String(report.total).padStart(8)} B gzip -9 (budget ${report.budget} B)`);
  }
  if (process.argv.includes('--check') && report.total > report.budget) {
    console.error(`size budget exceeded: ${report.total} B > ${report.budget} B`);
    process.exit(1);
  }
}
