// The reader's journey on a page that enforces Trusted Types (`require-trusted-types-for
// 'script'`) beside the strict Content-Security-Policy: the widget writes text only and loads its
// code without string-to-code sinks, so nothing is blocked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { STRICT_CSP } from '../../scripts/serve.mjs';
import { start, open, widget, fixture, expectedUnion, clipboard, copyFeedback } from './harness.mjs';

const table = fixture('ashby-actions.json');
let env;
before(async () => { env = await start({ csp: `${STRICT_CSP}; require-trusted-types-for 'script'` }); });
after(async () => { await env.close(); });

test('the whole journey works under Trusted Types, with no violation', async () => {
  const page = await open(env.browser, `${env.url}flat.html`, {
    init: () => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (event) => {
        if (event.violatedDirective.startsWith('require-trusted-types-for') || event.violatedDirective.startsWith('trusted-types')) {
          window.violations.push(`${event.violatedDirective}: ${event.sample}`);
        }
      });
    },
  });
  const sink = await page.evaluate(() => { try { document.createElement('div').innerHTML = '<b>x</b>'; return 'allowed'; } catch (error) { return error.name; } });
  assert.equal(sink, 'TypeError', 'the page enforces Trusted Types: markup from a string is refused');
  await page.evaluate(() => { window.violations = []; });
  const w = widget(page);
  await w.search.fill('offer');
  await page.locator('.guides-scope-selector__row:not([hidden]) mark').first().waitFor();
  await w.search.fill('');
  await w.row('ashby_create_offer').locator('input').check();
  await page.locator('.guides-scope-selector__preset', { hasText: 'Read-only' }).click();
  await page.locator('[data-guide-key-check]').fill('jobsRead, Payroll: Write');
  await page.locator('.guides-scope-selector__key-summary').waitFor();
  await page.locator('[data-guide-export-markdown]').click();
  assert.equal(await copyFeedback(page.locator('[data-guide-export-markdown]')), 'Copied');
  await w.copyScopes.click();
  assert.equal(await copyFeedback(w.copyScopes), 'Copied');
  assert.equal(await clipboard(page), await w.output.textContent());
  assert.ok((await w.output.textContent()).length > 0);
  // The same choice again through the link: the page's address holds it.
  const reopened = await open(env.browser, await w.url.inputValue());
  assert.deepEqual(await widget(reopened).checkedIds(), await w.checkedIds());
  assert.deepEqual(await page.evaluate(() => window.violations), []);
  assert.deepEqual([...page.errors, ...reopened.errors], []);
  assert.equal(expectedUnion(table, await w.checkedIds()).join(' '), await w.output.textContent());
  await page.context().close();
  await reopened.context().close();
});
