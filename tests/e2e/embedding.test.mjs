// How a page includes the widget: the shell adds its stylesheet unless the page links it already.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start, open, widget } from './harness.mjs';
import { flatPage } from '../../scripts/demo-page.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const demo = flatPage('index.html');

for (const [name, html] of [
  ['added by the shell', demo],
  ['linked by the page', demo.replace('</head>', '<link rel="stylesheet" href="dist/scope-selector.css" data-scope-selector-css>\n</head>')],
]) {
  test(`the stylesheet, ${name}, is loaded once and styles the panel`, async () => {
    const requested = [];
    const page = await open(env.browser, `${env.url}embedding.html`, { html });
    page.on('request', (request) => requested.push(request.url()));
    await page.reload();
    await page.waitForSelector('[data-guide-state="ready"]');
    await page.waitForFunction(() => [...document.styleSheets].some((sheet) => sheet.href?.endsWith('/scope-selector.css')));
    assert.equal(await page.locator('link[rel=stylesheet][href$="scope-selector.css"]').count(), 1);
    assert.equal(requested.filter((url) => url.endsWith('/scope-selector.css')).length, 1);
    const rowHeight = await page.locator('.guides-scope-selector__row').first().evaluate((row) => row.getBoundingClientRect().height);
    assert.equal(rowHeight, 40, 'the stylesheet sets the row height');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('a panel printed by scope-selector render mounts and works', async () => {
  const { execFileSync } = await import('node:child_process');
  const cli = new URL('../../target/debug/scope-selector', import.meta.url).pathname;
  const table = new URL('../fixtures/helpdesk-actions.json', import.meta.url).pathname;
  const panel = execFileSync(cli, ['render', '--table', table], { encoding: 'utf8' });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Rendered</title>
<script type="module" async src="dist/scope-selector.js"></script></head><body>
${panel}<section data-guide-step data-guide-scopes="agents:read" id="agents">Agents</section></body></html>`;
  const page = await open(env.browser, `${env.url}rendered.html`, { html });
  const w = widget(page);
  assert.equal(await page.locator('[data-guides-scope-selector]').getAttribute('data-guide-state'), 'ready');
  assert.equal(await w.rows.count(), 12);
  await w.row('tickets_list').locator('input').check();
  assert.equal(await w.output.textContent(), 'tickets:read');
  assert.equal(await page.locator('#agents').isHidden(), true, 'a step sharing no scope with the choice is hidden');
  assert.match(await w.url.inputValue(), /[?&]actions=tickets_list$/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
