// A reader's journey in Firefox: the renderer and the engine in a second browser engine, driven
// through geckodriver (W3C WebDriver) by the few commands this needs, written here: open the demo,
// search, tick, choose a separator, press a preset, paste a key, and read what the page shows.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { serve } from '../scripts/serve.mjs';

const table = JSON.parse(readFileSync(new URL('./fixtures/ashby-actions.json', import.meta.url), 'utf8'));
const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const GECKODRIVER = process.env.GECKODRIVER ?? 'geckodriver';

/** A free TCP port. */
const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

let driver;
let site;
let session;

/** A WebDriver command; resolves to its value, or rejects with the driver's message. */
async function command(method, path, body) {
  const response = await fetch(`${session ?? driver.url}${path}`, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { value } = await response.json();
  if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.message ?? response.status}`);
  return value;
}

/** Runs `script` (a function body; `arguments` holds `args`) in the page. */
const run = (script, ...args) => command('POST', '/execute/sync', { script, args });

/** Waits until `script` returns something truthy (10 s at most). */
async function until(script, ...args) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await run(script, ...args);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${script}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The element `selector` finds, as WebDriver refers to it. */
async function element(selector) {
  const found = await command('POST', '/element', { using: 'css selector', value: selector });
  return Object.values(found)[0];
}

const type = async (selector, text) => command('POST', `/element/${await element(selector)}/value`, { text });
const click = async (selector) => command('POST', `/element/${await element(selector)}/click`, {});

before(async () => {
  const port = await freePort();
  const process = spawn(GECKODRIVER, ['--port', String(port), '--host', '127.0.0.1'], { stdio: 'ignore' });
  driver = { process, url: `http://127.0.0.1:${port}` };
  const deadline = Date.now() + 20_000;
  while (!(await fetch(`${driver.url}/status`).then((response) => response.ok, () => false))) {
    if (Date.now() > deadline) throw new Error('geckodriver did not start');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  site = await serve({ port: 0 });
  const created = await command('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'firefox', 'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless'] } } },
  });
  session = `${driver.url}/session/${created.sessionId}`;
});

after(async () => {
  if (session) await command('DELETE', '').catch(() => {});
  site?.server.close();
  driver?.process.kill();
});

test('Firefox: search, tick, separator, preset and key check on the Ashby demo', async () => {
  await command('POST', '/url', { url: `${site.url}index.html` });
  await until("return document.querySelector('[data-guides-scope-selector]')?.getAttribute('data-guide-state') === 'ready';");
  assert.equal(await run("return document.querySelectorAll('.guides-scope-selector__row:not([hidden])').length;"), table.length);

  // A search (typed, so the input events are Firefox's own), its words marked in the rows.
  await type('[data-guide-action-search]', 'cand write');
  await until("return document.querySelectorAll('.guides-scope-selector__row:not([hidden])').length < 40;");
  const shown = await run("return [...document.querySelectorAll('.guides-scope-selector__row:not([hidden]) .guides-scope-selector__action-id')].map((id) => id.textContent);");
  const expected = table.filter((action) => action.scopes.includes('candidatesWrite') || (/cand/i.test(action.label) && /write/i.test(`${action.label} ${action.id} ${action.scopes}`)));
  assert.ok(shown.length > 5, shown.join(' '));
  assert.ok(shown.every((id) => expected.some((action) => action.id === id)), shown.join(' '));
  assert.ok(await run("return document.querySelectorAll('.guides-scope-selector__row:not([hidden]) mark').length > 0;"));

  // A tick: the scopes, the address and the guide follow.
  await click('.guides-scope-selector__row:not([hidden]) input');
  await until("return document.querySelector('[data-guide-scopes-output]').textContent === 'candidatesWrite';");
  assert.match(await run('return location.search;'), new RegExp(`^\\?actions=${shown[0]}$`));
  assert.equal(await run("return document.querySelector('[data-guide-scopes=\"apiKeysWebhooksRead,apiKeysWebhooksWrite\"]').hidden;"), true);

  // The separator, a preset, and a pasted key.
  await run("const select = document.querySelector('[data-guide-scope-delimiter]'); select.value = 'comma'; select.dispatchEvent(new Event('change', { bubbles: true }));");
  await click('.guides-scope-selector__preset');
  await until("return document.querySelector('.guides-scope-selector__preset').getAttribute('aria-pressed') === 'true';");
  const readOnly = table.filter((action) => action.scopes.every((scope) => scope.endsWith('Read')));
  // (Cleared with Esc, which the panel handles: every row shown again, with its tick.)
  await type('[data-guide-action-search]', '\uE00C');
  await until("return document.querySelector('[data-guide-action-search]').value === '';");
  assert.equal(await run("return document.querySelectorAll('.guides-scope-selector__row:not([hidden]) input:checked').length;"), readOnly.length);
  await type('[data-guide-key-check]', 'jobsRead');
  await until("return document.querySelector('.guides-scope-selector__key-summary')?.textContent.startsWith('Your key lacks');");
  assert.equal(await run("return [...document.querySelectorAll('.guides-scope-selector__key-section')].length > 0;"), true);
  assert.equal(await run("return document.querySelector('[data-guide-scopes-output]').textContent.split(',').length;"),
    new Set(readOnly.flatMap((action) => action.scopes)).size);
});
