// A Docusaurus 3 site (React: rendered on the server, then hydrated, as Mintlify's Next.js pages
// are) with the package from the packed tarball, built twice: as a client module bundled by
// Docusaurus, and as the one-tag embed in a site script (the way Mintlify includes custom
// scripts; without the wait for hydration this one makes React report error #418 and drop the
// panel). The guide page is written like the seed's Mintlify MDX. On a direct load the panel
// mounts and stays mounted with no error in the console; it also mounts after client-side
// navigation. Run by `npm test` after `npm ci` in tests/docusaurus/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from '../scripts/chromium.mjs';
import { serve } from '../scripts/serve.mjs';

const repo = fileURLToPath(new URL('..', import.meta.url));
const site = join(repo, 'tests/docusaurus');
const table = JSON.parse(readFileSync(join(repo, 'tests/fixtures/ashby-actions.json'), 'utf8'));

const VARIANTS = [
  ['as a client module', 'docusaurus.config.js'],
  ['as a site script (the one-tag embed)', 'docusaurus.script.config.js'],
];
let work;
const sites = new Map();
let browser;

before(async () => {
  work = mkdtempSync(join(tmpdir(), 'scope-selector-docusaurus-'));
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  execFileSync('npm', ['install', '--offline', '--no-save', '--no-audit', '--no-fund', join(work, packed.filename)], { cwd: site, stdio: 'ignore' });
  // The table in the panel's attribute, escaped the way the seed page has it.
  const escaped = JSON.stringify(table).replace(/&/g, '&amp;').replace(/"/g, '&#x22;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const page = readFileSync(join(site, 'ashby.template.mdx'), 'utf8').replace('TABLE_JSON', () => escaped);
  writeFileSync(join(site, 'docs/ashby.mdx'), page);
  // No webpack cache from an earlier run may stand in for the package just installed.
  rmSync(join(site, 'node_modules/.cache'), { recursive: true, force: true });
  // The site script is served from the site's static files, as a copied folder.
  rmSync(join(site, 'static/scope-selector'), { recursive: true, force: true });
  cpSync(join(site, 'node_modules/scope-selector/www/dist'), join(site, 'static/scope-selector'), { recursive: true });
  for (const [name, config] of VARIANTS) {
    const out = join(work, config);
    execFileSync(join(site, 'node_modules/.bin/docusaurus'), ['build', '--config', config, '--out-dir', out], { cwd: site, stdio: 'ignore' });
    sites.set(name, await serve({ port: 0, root: out }));
  }
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  for (const { server } of sites.values()) server.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** A page that records script errors and every console error (React reports hydration errors there). */
async function newPage() {
  const page = await browser.newPage();
  page.problems = [];
  page.on('pageerror', (error) => page.problems.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') page.problems.push(message.text()); });
  page.on('response', (response) => { if (response.status() >= 400) page.problems.push(`${response.status()} ${response.url()}`); });
  return page;
}

async function checkPanel(page) {
  const root = page.locator('[data-guides-scope-selector]');
  await page.waitForSelector('[data-guides-scope-selector][data-guide-state="ready"]');
  assert.equal(await root.locator('.guides-scope-selector__row').count(), table.length);
  const row = root.locator('.guides-scope-selector__row', { has: page.locator('code:text-is("ashby_list_jobs")') });
  await row.locator('input').check();
  assert.equal(await root.locator('[data-guide-scopes-output]').textContent(), 'jobsRead');
  // React writes the bare root attribute as "true": still the unnamed widget's parameters.
  assert.match(await root.locator('[data-guide-url]').inputValue(), /\/ashby\/\?actions=ashby_list_jobs$/);
  assert.equal(await page.locator('[data-guide-display-scope="offersRead"]').isHidden(), true, 'the guide follows the choice');
  assert.equal(await page.locator('[data-guide-actions-badge-labels]').textContent(), 'List Jobs');
}

for (const [name] of VARIANTS) {
  test(`Docusaurus, ${name}, direct load: the panel mounts after hydration, stays mounted, and React reports nothing`, async () => {
    const { url } = sites.get(name);
    const page = await newPage();
    await page.goto(`${url}ashby/`);
    await checkPanel(page);
    // React would discard a tree it found changed before hydrating it: give it time to.
    await page.waitForTimeout(1500);
    assert.equal(await page.locator('[data-guides-scope-selector]').getAttribute('data-guide-state'), 'ready');
    assert.equal(await page.locator('.guides-scope-selector__row').count(), table.length, 'still mounted, once');
    assert.equal(await page.locator('[data-guide-scopes-output]').textContent(), 'jobsRead');
    assert.deepEqual(page.problems, []);
    await page.close();
  });

  test(`Docusaurus, ${name}, client-side navigation: the panel of the next page mounts`, async () => {
    const { url } = sites.get(name);
    const page = await newPage();
    await page.goto(`${url}`);
    await page.waitForFunction(() => Object.keys(document.querySelector('#__docusaurus') ?? {}).some((key) => key.startsWith('__reactContainer$')));
    await page.locator('article a[href="/ashby/"]').click();
    await page.waitForURL(`${url}ashby/`, { waitUntil: 'commit' });
    await checkPanel(page);
    // Back and forth: the removed panel is destroyed, the new one mounted once.
    await page.goBack();
    await page.waitForURL(`${url}`, { waitUntil: 'commit' });
    await page.waitForSelector('article a[href="/ashby/"]');
    await page.goForward();
    await page.waitForURL(/\/ashby\//, { waitUntil: 'commit' });
    await checkPanel(page);
    assert.equal(await page.locator('[data-guides-scope-selector]').count(), 1);
    assert.deepEqual(page.problems, []);
    await page.close();
  });
}
