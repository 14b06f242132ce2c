// The npm package as a docs team gets it. `npm pack` holds exactly what a site needs; the tarball,
// installed into a fresh Vite app in a temporary directory (no Vite configuration), works when
// built with `vite build` and when served by the Vite dev server; and its declarations type-check
// a usage file with `tsc --noEmit`. Run by `npm test` after the build.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, createServer } from 'vite';
import { launchChromium } from '../scripts/chromium.mjs';
import { serve } from '../scripts/serve.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const fixture = (file) => join(repo, 'tests/package', file);
const EXPECTED_FILES = [
  'CHANGELOG.md', 'LICENSE', 'README.md', 'package.json',
  'www/dist/auto.d.ts', 'www/dist/auto.js', 'www/dist/copy.js', 'www/dist/hydration.js',
  'www/dist/import.d.ts', 'www/dist/import.js', 'www/dist/import.wasm', 'www/dist/index.d.ts',
  'www/dist/index.js', 'www/dist/loader.js', 'www/dist/own-words.js', 'www/dist/scope-selector.css', 'www/dist/scope-selector.d.ts',
  'www/dist/scope-selector.js', 'www/dist/scope-selector.wasm', 'www/dist/tools.d.ts', 'www/dist/tools.js', 'www/dist/watch.js',
  // Each built-in language's words, English included, and its words of the rare problems.
  ...readdirSync(join(repo, 'crates/core/locales')).map((file) => file.replace(/\.json$/, '')).flatMap((lang) => [
    `www/dist/locales/${lang}.js`, `www/dist/locales/problems/${lang}.js`,
  ]),
];

let work;
let app;
let packed;
let browser;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'scope-selector-package-'));
  [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'docs-site', private: true, type: 'module' }));
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', join(work, packed.filename)], { cwd: app, stdio: 'ignore' });
  for (const file of ['main.js', 'usage.ts', 'tsconfig.json']) copyFileSync(fixture(file), join(app, file));
  for (const file of ['demo.css', 'favicon.svg']) copyFileSync(join(repo, 'www', file), join(app, file));
  // The demo guide page, with the module entry instead of the one-tag script.
  const page = readFileSync(join(repo, 'www/index.html'), 'utf8')
    .replace('<script type="module" async src="dist/scope-selector.js"></script>', '<script type="module" src="/main.js"></script>');
  assert.match(page, /src="\/main\.js"/);
  writeFileSync(join(app, 'index.html'), page);
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

test('npm pack holds exactly the built files, the declarations, README, LICENSE and CHANGELOG', () => {
  const files = packed.files.map((file) => file.path).sort();
  assert.deepEqual(files, [...EXPECTED_FILES].sort());
  const wasm = packed.files.find((file) => file.path === 'www/dist/scope-selector.wasm');
  assert.ok(wasm.size > 50_000, 'the wasm is in the tarball, whole');
  for (const { path, size } of packed.files) console.log(`${String(size).padStart(8)} B  ${path}`);
  console.log(`tarball ${packed.size} B, unpacked ${packed.unpackedSize} B`);
});

test('the declarations type-check a usage file (tsc --noEmit)', () => {
  const tsc = join(repo, 'node_modules/.bin/tsc');
  execFileSync(tsc, ['--noEmit', '-p', join(app, 'tsconfig.json')], { cwd: app, stdio: 'pipe' });
  const declarations = ['index.d.ts', 'auto.d.ts', 'scope-selector.d.ts', 'tools.d.ts', 'import.d.ts']
    .map((file) => readFileSync(join(app, 'node_modules/scope-selector/www/dist', file), 'utf8')).join('\n');
  assert.doesNotMatch(declarations, /\bany\b/, 'no `any` in the public declarations');
});

test('importing the API in Node has no side effects, and the auto script does nothing there', async () => {
  const script = `const api = await import('scope-selector'); const auto = await import('scope-selector/auto');
    console.log(typeof api.mount, typeof api.mountAll, JSON.stringify(await auto.ready));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: app, encoding: 'utf8' });
  assert.equal(out.trim(), 'function function []');
});

/** The reader's journey on the guide page at `url`: expand a module, tick an action, get its scope, link and event. */
async function journey(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('response', (response) => { if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`); });
  await page.goto(url);
  const root = page.locator('[data-guides-scope-selector]');
  await page.waitForSelector('[data-guides-scope-selector][data-guide-state="ready"]');
  await page.waitForFunction(() => window.widgets?.length === 1);
  // The demo is grouped by module: the Jobs module expanded first.
  await root.locator('.guides-scope-selector__module-name', { hasText: /^Jobs$/ }).click();
  const row = root.locator('.guides-scope-selector__row', { has: page.locator('code:text-is("ashby_list_jobs")') });
  await row.locator('input').check();
  assert.equal(await root.locator('[data-guide-scopes-output]').textContent(), 'jobsRead');
  assert.match(await root.locator('[data-guide-url]').inputValue(), /\?actions=ashby_list_jobs$/);
  assert.deepEqual(await page.evaluate(() => window.changes.map((change) => change.actions)), [['ashby_list_jobs']]);
  assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.guides-scope-selector__row')).height), '40px', 'the stylesheet applies');
  assert.deepEqual(await page.evaluate(() => window.widgets[0].scopes()), ['jobsRead']);
  // The page's extras come with the widget (the one wasm module the bundler found).
  await root.locator('.guides-scope-selector__preset', { hasText: 'Read-only' }).click();
  await root.locator('.guides-scope-selector__preset[aria-pressed="true"]').waitFor();
  await root.locator('[data-guide-key-check]').fill('jobsRead');
  assert.match(await root.locator('.guides-scope-selector__key-summary').textContent(), /^Your key lacks \d+ of the \d+ scopes your choice needs\.$/);
  // With their styles: the search's words marked, in their colour.
  await root.locator('[data-guide-action-search]').fill('jobs');
  const mark = root.locator('.guides-scope-selector__row:not([hidden]) mark').first();
  await page.waitForFunction(() => getComputedStyle(document.querySelector('.guides-scope-selector__presets')).display === 'flex');
  assert.equal(await mark.evaluate((element) => getComputedStyle(element).backgroundColor), 'rgb(255, 241, 168)', 'the extras\' styles apply');
  await page.evaluate(() => window.widgets[0].destroy());
  assert.equal(await root.getAttribute('data-guide-state'), null);
  assert.equal(await root.locator('.guides-scope-selector__row').count(), 0, 'destroy took the rows away');
  // Mounted again on a German page: the bundler split out the German words, which load.
  await page.evaluate(() => { document.documentElement.lang = 'de'; return window.mountAll(); });
  // (The choice is the address's, which the preset wrote.)
  assert.match(await root.locator('.guides-scope-selector__status').textContent(), /^\d+ von 137 Aktionen ausgewählt$/);
  assert.deepEqual(problems, []);
  await page.close();
}

test('a Vite app that installed the tarball: vite build, then the reader\'s journey', async () => {
  await build({ root: app, logLevel: 'silent', build: { outDir: join(app, 'dist') } });
  const { server, url } = await serve({ port: 0, root: join(app, 'dist') });
  try {
    await journey(url);
  } finally {
    server.close();
  }
});

test('the same app served by the Vite dev server', async () => {
  const server = await createServer({ root: app, logLevel: 'silent', server: { port: 0, host: '127.0.0.1' } });
  await server.listen();
  try {
    await journey(server.resolvedUrls.local[0]);
  } finally {
    await server.close();
  }
});
