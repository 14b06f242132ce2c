// A page made as an integrator would from Google's Gmail discovery document (a real public spec,
// tests/fixtures/specs/): `importSpec` gives the table, `renderPanel` the panel markup, and the
// reader chooses actions whose scopes have alternatives. The widget grants the least privilege
// set, which is neither the union of every listed scope nor the actions' first alternatives, and a
// key that allows the choice through other alternatives is enough.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { importSpec } from '../../www/dist/import.js';
import { renderPanel } from '../../www/dist/tools.js';
import { start, open, widget } from './harness.mjs';

const AUTH = 'https://www.googleapis.com/auth/';
const SEND = 'gmail.users.messages.send';
const DRAFT = 'gmail.users.drafts.create';

let env;
let table;
let html;
before(async () => {
  env = await start();
  const spec = readFileSync(new URL('../fixtures/specs/gmail.v1.json', import.meta.url), 'utf8');
  ({ table } = await importSpec(spec));
  const panel = await renderPanel(table, { extras: true });
  html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Connect Gmail</title>
<script type="module" src="/dist/scope-selector.js"></script></head><body><h1>Connect Gmail</h1>
${panel}</body></html>`;
});
after(() => env.close());

test('an imported discovery document: the output is the least privilege set, and a key allowing the choice is enough', async () => {
  const page = await open(env.browser, `${env.url}gmail.html`, { html });
  const w = widget(page);
  const actions = Array.isArray(table) ? table : table.actions;
  const byId = new Map(actions.map((action) => [action.id, action]));
  // The table as imported: messages.send needs gmail.send, or any of four other sets.
  assert.deepEqual(byId.get(SEND).scopes, [`${AUTH}gmail.send`]);
  assert.equal(byId.get(SEND).alternatives.length, 4);

  // The imported table groups its actions by resource: its list is grouped, its modules expanded here.
  for (const name of await w.panel.locator('.guides-scope-selector__module-name').all()) await name.click();
  for (const id of [SEND, DRAFT]) await w.row(id).locator('input').check();
  await w.separator.selectOption('space');
  const output = (await w.output.textContent()).trim().split(' ');
  // Read from Gmail's document: gmail.addons.current.action.compose is listed for both methods,
  // and alone lets fewer of its methods run than any other set allowing both.
  assert.deepEqual(output, [`${AUTH}gmail.addons.current.action.compose`]);
  const chosen = [byId.get(SEND), byId.get(DRAFT)];
  const union = [...new Set(chosen.flatMap((action) => [action.scopes, ...action.alternatives].flat()))];
  const firsts = [...new Set(chosen.flatMap((action) => action.scopes))];
  assert.notDeepEqual(output, union, 'not the union of every listed scope');
  assert.notDeepEqual(output, firsts, 'not the first alternatives');

  // A row lists every alternative, and a search finds an action by a later alternative's scope.
  const scopesText = await w.row(SEND).locator('.guides-scope-selector__action-scopes').textContent();
  assert.equal(scopesText.split(' | ').length, 5, scopesText);
  await w.search.fill('gmail.compose');
  assert.ok((await w.shownIds()).includes(SEND), 'found by gmail.compose, its third alternative');
  await w.search.fill('');

  // gmail.modify allows both methods (their fourth and third alternatives): the key is enough.
  const key = w.panel.locator('[data-guide-key-check]');
  await key.fill(`${AUTH}gmail.modify`);
  const summary = w.panel.locator('.guides-scope-selector__key-summary');
  await summary.waitFor();
  assert.equal((await summary.textContent()).trim(), 'Your key has the 1 scope your choice needs.');
  assert.equal(await w.panel.locator('.guides-scope-selector__key-scopes').count(), 0, 'nothing missing, nothing unneeded');
  // gmail.send alone allows the send but not the draft: the least to add is one scope.
  await key.fill(`${AUTH}gmail.send`);
  await page.waitForFunction(() => document.querySelector('.guides-scope-selector__key-summary')?.textContent.includes('lacks'));
  assert.equal((await summary.textContent()).trim(), 'Your key lacks 1 of the 2 scopes your choice needs.');
  assert.deepEqual(await w.panel.locator('.guides-scope-selector__key-scopes').first().locator('code').allTextContents(), [`${AUTH}gmail.addons.current.action.compose`]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
