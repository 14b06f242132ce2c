// What a reader downloads, measured in a browser (gzip -9 of each file of www/dist/ the page
// requests), on the fullest panel (www/index.html, the Ashby demo with presets, key check and
// exports):
// - the whole journey: mount, search, tick, expand a module and press a scope toggle, press a preset, paste a key, both exports, copy the
//   scopes and the URL (the page's HTML, demo.css and the favicon are not counted); a requested
//   file of www/dist/ that is not on disk fails the measurement;
// - the first load: what is requested before the widget is interactive.
// The same journey is measured on the demo in each built-in language (its `<html lang>`), which
// adds the language's words (www/dist/locales/). `--check` (run by `npm test`) fails when the
// English journey exceeds CEILING_BYTES, or a language's exceeds MAX_CEILING_BYTES; `--json`
// prints the figures as JSON. When target/plain/ holds the plain stable build (`bash scripts/build.sh
// --plain`), its wasm is reported beside, for comparison.
//
// CEILING_BYTES is the journey reached so far plus a small margin, so no change makes a reader's
// download heavier unnoticed: lowered with every saving; an issue may raise it by the measured,
// reported cost of what it adds, and never above MAX_CEILING_BYTES.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gzipSync, constants } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.mjs';
import { serve } from './serve.mjs';

export const MAX_CEILING_BYTES = 64 * 1024;
export const CEILING_BYTES = 64_960;
const DIST = new URL('../www/dist/', import.meta.url);

/** gzip -9 of a file. @param {URL} url */
const gzipped = (url) => gzipSync(readFileSync(url), { level: constants.Z_BEST_COMPRESSION }).length;

/** The sizes of the dist files among `urls` (served from `base`), in request order, each once. */
function sizes(urls, base) {
  const files = [...new Set(urls.filter((url) => url.startsWith(`${base}dist/`)).map((url) => new URL(url).pathname.slice('/dist/'.length)))];
  return files.map((file) => {
    const url = new URL(file, DIST);
    if (!existsSync(url)) throw new Error(`size: the page requested dist/${file}, which is not in www/dist/`);
    return { file, raw: readFileSync(url).length, gzip: gzipped(url) };
  });
}

/** The built-in languages but English (crates/core/locales/). */
export const LANGUAGES = readdirSync(new URL('../crates/core/locales/', import.meta.url))
  .filter((file) => file.endsWith('.json') && file !== 'en.json').map((file) => file.slice(0, -'.json'.length));

/** The sum of the gzipped sizes of `files`. @param {{ gzip: number }[]} files */
const sum = (files) => files.reduce((total, file) => total + file.gzip, 0);

/**
 * Scripts a reader's whole journey on the Ashby demo; resolves to the files of each part. With
 * `languages`, the journey is also measured on the demo in each of them: `languages` maps each
 * to its journey's files and total.
 * @param {string[]} [languages]
 */
export async function measure(languages = []) {
  const demo = readFileSync(new URL('../www/index.html', import.meta.url), 'utf8');
  const pages = new Map(languages.map((lang) => [`/index-${lang}.html`, Buffer.from(demo.replace('<html lang="en">', `<html lang="${lang}">`))]));
  const { server, url } = await serve({ port: 0, pages });
  const browser = await launchChromium();
  try {
    const english = await journey(browser, url, 'index.html');
    /** @type {Record<string, { files: ReturnType<typeof sizes>, total: number }>} */
    const translated = {};
    for (const lang of languages) {
      const files = (await journey(browser, url, `index-${lang}.html`)).journey;
      translated[lang] = { files, total: sum(files) };
    }
    const plainWasm = new URL('../target/plain/scope_selector_bg.wasm', import.meta.url);
    return {
      journey: { files: english.journey, total: sum(english.journey) },
      firstLoad: { files: english.first, total: sum(english.first) },
      languages: translated,
      ceiling: CEILING_BYTES,
      plain: existsSync(plainWasm) ? { file: 'target/plain/scope_selector_bg.wasm', raw: readFileSync(plainWasm).length, gzip: gzipped(plainWasm) } : null,
    };
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * One reader's journey on page `path`; resolves to the files of the whole journey and of the
 * first load.
 * @param {import('playwright-core').Browser} browser @param {string} url @param {string} path
 */
async function journey(browser, url, path) {
  const context = await browser.newContext({ permissions: ['clipboard-read', 'clipboard-write'], acceptDownloads: true });
  try {
    const page = await context.newPage();
    /** @type {string[]} */
    const requested = [];
    let firstLoad = null;
    page.on('request', (request) => requested.push(request.url()));
    await page.goto(`${url}${path}`);
    await page.waitForSelector('[data-guides-scope-selector][data-guide-state="ready"]');
    firstLoad = [...requested];
    const panel = page.locator('[data-guides-scope-selector]');
    await panel.locator('[data-guide-action-search]').fill('offer');
    await panel.locator('.guides-scope-selector__row:not([hidden]) input').first().check();
    await panel.locator('[data-guide-action-search]').fill('');
    // The demo is grouped by module: a header expanded and a scope toggle pressed.
    await panel.locator('.guides-scope-selector__module-name').first().click();
    await panel.locator('.guides-scope-selector__toggle').first().click();
    await panel.locator('.guides-scope-selector__preset').first().click();
    await panel.locator('[data-guide-key-check]').fill('jobsRead, Candidates: Read');
    await panel.locator('.guides-scope-selector__key-summary').waitFor();
    const feedback = (selector) => page.waitForFunction((s) => document.querySelector(s)?.hasAttribute('data-copy-feedback'), selector);
    await panel.locator('[data-guide-export-markdown]').click();
    await feedback('[data-guide-export-markdown]');
    await Promise.all([page.waitForEvent('download'), panel.locator('[data-guide-export-json]').click()]);
    await panel.locator('[data-guide-copy-scopes]').click();
    await feedback('[data-guide-copy-scopes]');
    await panel.locator('[data-guide-copy-url]').click();
    await feedback('[data-guide-copy-url]');
    await page.waitForLoadState('networkidle');
    return { journey: sizes(requested, url), first: sizes(firstLoad, url) };
  } finally {
    await context.close();
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const report = await measure(LANGUAGES);
  const row = (file, raw, gzip) => `${file.padEnd(28)} ${String(raw).padStart(8)} B raw ${String(gzip).padStart(8)} B gzip -9`;
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(report, null, 2));
  } else {
    console.log('the whole journey on www/index.html (mount, search, tick, preset, key, exports, copies):');
    for (const { file, raw, gzip } of report.journey.files) console.log(row(file, raw, gzip));
    console.log(`${'total'.padEnd(28)} ${' '.repeat(15)} ${String(report.journey.total).padStart(8)} B gzip -9 (enforced ceiling ${report.ceiling} B, never above ${MAX_CEILING_BYTES} B)`);
    console.log(`the first load (before the widget is interactive): ${report.firstLoad.total} B gzip -9 (${report.firstLoad.files.map((file) => file.file).join(', ')})`);
    console.log('the same journey in each built-in language (its words added):');
    for (const [lang, { files, total }] of Object.entries(report.languages)) {
      const words = files.filter((file) => file.file.startsWith('locales/')).map((file) => `${file.file} ${file.gzip} B`).join(', ');
      console.log(`${lang.padEnd(6)} ${String(total).padStart(6)} B gzip -9 (+${total - report.journey.total} B: ${words})`);
    }
    if (report.plain) console.log(`plain stable build (no size options, no wasm-opt), not shipped: ${row(report.plain.file, report.plain.raw, report.plain.gzip)}`);
  }
  if (CEILING_BYTES > MAX_CEILING_BYTES) throw new Error(`the ceiling may not exceed ${MAX_CEILING_BYTES} B`);
  if (process.argv.includes('--check')) {
    const over = Object.entries(report.languages).filter(([, { total }]) => total > MAX_CEILING_BYTES);
    if (report.journey.total > report.ceiling) {
      console.error(`size check failed: the whole journey downloads ${report.journey.total} B gzipped, over the ceiling of ${report.ceiling} B`);
    }
    for (const [lang, { total }] of over) console.error(`size check failed: the whole journey in ${lang} downloads ${total} B gzipped, over ${MAX_CEILING_BYTES} B`);
    if (report.journey.total > report.ceiling || over.length) process.exit(1);
  }
}
