// How a page includes the widget: the shell adds its stylesheet unless the page links it already.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start, open } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const demo = readFileSync(new URL('../../www/index.html', import.meta.url), 'utf8');

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
