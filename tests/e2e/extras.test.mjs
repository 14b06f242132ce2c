// The panel's extras on the Ashby demo, as a reader uses them: presets, checking a key they
// already have, and the exports; and that a page without them never loads their module.
import { test, describe, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, open, fixture, widget, expectedUnion, clipboard, copyFeedback } from './harness.mjs';

const table = fixture('ashby-actions.json');
/** The actions all of whose scopes are in `scopes` (independently of the core). */
const within = (scopes) => table.filter((action) => action.scopes.every((scope) => scopes.includes(scope))).map((action) => action.id);
/** The ids in table order. */
const inTableOrder = (ids) => table.map((action) => action.id).filter((id) => ids.includes(id));
const ATS_SYNC = ['jobsRead', 'candidatesRead', 'interviewsRead', 'hiringProcessRead', 'organizationRead', 'offersRead'];

let plain;
let strict;
before(async () => { plain = await start(); strict = await start({ csp: true }); });
after(async () => { await plain.close(); await strict.close(); });

for (const csp of [false, true]) {
  describe(`extras on the Ashby demo${csp ? ' under a strict Content-Security-Policy' : ''}`, () => {
    let env;
    let page;
    let w;
    async function fresh(query = '') {
      page = await open(env.browser, `${env.url}index.html${query}`);
      w = widget(page);
      await page.locator('.guides-scope-selector__preset').first().waitFor();
    }
    const presets = () => page.locator('.guides-scope-selector__preset');
    const preset = (label) => page.locator('.guides-scope-selector__preset', { hasText: label });
    const report = () => page.locator('.guides-scope-selector__key-report');
    before(() => { env = csp ? strict : plain; });
    afterEach(async () => { assert.deepEqual(page.errors, []); await page.context().close(); });

    test('a preset applies its choice, shows as pressed while the choice is its own, and survives the URL', async () => {
      await fresh();
      assert.deepEqual(await presets().allTextContents(), ['Read-only', 'Minimum for the ATS sync']);
      assert.deepEqual(await presets().evaluateAll((buttons) => buttons.map((button) => button.getAttribute('aria-pressed'))), ['false', 'false']);
      assert.equal(await page.locator('.guides-scope-selector__presets').getAttribute('role'), 'group');
      // Their styles came with them (a constructed stylesheet, which the policy allows).
      assert.equal(await page.locator('.guides-scope-selector__presets').evaluate((group) => getComputedStyle(group).display), 'flex');
      assert.equal(await presets().first().evaluate((button) => getComputedStyle(button).fontSize), '12px');

      await preset('Minimum for the ATS sync').click();
      const expected = within(ATS_SYNC);
      assert.ok(expected.length > 10);
      assert.deepEqual(await w.checkedIds(), expected);
      assert.equal(await w.output.textContent(), expectedUnion(table, expected).join(' '));
      assert.equal(await preset('Minimum for the ATS sync').getAttribute('aria-pressed'), 'true');
      assert.equal(await preset('Read-only').getAttribute('aria-pressed'), 'false');

      // The link reopens the same choice, and the preset shows as pressed again.
      const url = await w.url.inputValue();
      await page.context().close();
      page = await open(env.browser, url);
      w = widget(page);
      await preset('Minimum for the ATS sync').and(page.locator('[aria-pressed="true"]')).waitFor();
      assert.deepEqual(await w.checkedIds(), expected);

      // Another tick: the choice is no longer the preset's.
      await w.row('ashby_create_offer').locator('input').check();
      assert.equal(await preset('Minimum for the ATS sync').getAttribute('aria-pressed'), 'false');
      await preset('Read-only').click();
      assert.deepEqual(await w.checkedIds(), within(table.flatMap((action) => action.scopes).filter((scope) => scope.endsWith('Read'))));
      assert.equal(await preset('Read-only').getAttribute('aria-pressed'), 'true');
      // Pressed again, it is released: the choice is cleared.
      await preset('Read-only').click();
      assert.deepEqual(await w.checkedIds(), []);
      assert.equal(await preset('Read-only').getAttribute('aria-pressed'), 'false');
    });

    test('a pasted key is checked against the choice: missing, not needed, unknown, and what it can run', async () => {
      await fresh();
      for (const id of ['ashby_list_candidates', 'ashby_create_offer']) await w.row(id).locator('input').check();
      const field = page.locator('[data-guide-key-check]');
      await field.fill('Jobs: Read\ncandidatesRead, Payroll: Write');
      await report().locator('.guides-scope-selector__key-summary').waitFor();
      assert.equal(await report().locator('.guides-scope-selector__key-summary').textContent(), 'Your key lacks 1 of the 2 scopes your choice needs.');
      const section = (heading) => report().locator('.guides-scope-selector__key-section', { hasText: heading }).locator('li');
      assert.deepEqual(await section('Missing from your key').allTextContents(), ['Offers: Write offersWrite']);
      assert.deepEqual(await section('not needed by your choice').allTextContents(), ['Jobs: Read jobsRead']);
      assert.deepEqual(await section('Not scopes of this table').allTextContents(), ['Payroll: Write']);
      const runnable = within(['jobsRead', 'candidatesRead']);
      assert.match(await report().locator('.guides-scope-selector__key-runnable').textContent(), new RegExp(`^Your key can run ${runnable.length} of the ${table.length} actions\\.`));
      assert.equal(await report().getAttribute('role'), null);
      assert.equal(await report().locator('[role="status"]').count(), 1);

      // One click chooses what the key can run; the focus goes back to the key.
      await report().getByRole('button', { name: `Choose these ${runnable.length} actions` }).click();
      assert.deepEqual(await w.checkedIds(), inTableOrder(runnable));
      assert.equal(await page.evaluate(() => document.activeElement?.hasAttribute('data-guide-key-check')), true);
      assert.equal(await report().locator('.guides-scope-selector__key-summary').textContent(), 'Your key has all 2 scopes your choice needs.');
      // The choice now matches the key: nothing is missing or unneeded.
      assert.equal(await report().locator('.guides-scope-selector__key-section', { hasText: 'Missing' }).count(), 0);
      await field.fill('');
      assert.equal(await report().isHidden(), true);
    });

    test('the exports: a Markdown checklist copied, the choice downloaded as JSON', async () => {
      await fresh();
      const markdown = page.locator('[data-guide-export-markdown]');
      const json = page.locator('[data-guide-export-json]');
      assert.equal(await markdown.isDisabled(), false);
      await markdown.click();
      assert.equal(await copyFeedback(markdown), 'Nothing to copy yet');

      const ids = ['ashby_list_candidates', 'ashby_create_offer', 'ashby_list_jobs'];
      for (const id of ids) await w.row(id).locator('input').check();
      await markdown.click();
      await page.waitForFunction(() => document.querySelector('[data-guide-export-markdown]')?.getAttribute('data-copy-feedback') === 'Copied');
      const text = await clipboard(page);
      const url = await w.url.inputValue();
      assert.match(text, /^## API key permissions\n\nGrant these 3 scopes for 3 actions\.\n/);
      assert.ok(text.includes('### Candidates\n\n- [ ] Candidates: Read (`candidatesRead`): List Candidates\n'), text);
      assert.ok(text.includes('### Offers\n\n- [ ] Offers: Write (`offersWrite`): Create Offer\n'), text);
      assert.ok(text.endsWith(`Reopen this choice: <${url}>\n`), text);
      assert.equal(text.match(/^- \[ \] /gm).length, expectedUnion(table, ids).length);

      const [download] = await Promise.all([page.waitForEvent('download'), json.click()]);
      assert.equal(download.suggestedFilename(), 'scope-selector-choice.json');
      const saved = JSON.parse(await readFile(await download.path(), 'utf8'));
      assert.deepEqual(saved, { actions: inTableOrder(ids), scopes: expectedUnion(table, ids), url });
    });
  });
}

describe('one engine, and taking the extras down', () => {
  // Replaces "a page whose panel asks for no extras loads their module only on its first search":
  // the extras are no longer a module of their own (issue 17: one engine); what a reader's page
  // loads is now asserted instead.
  for (const name of ['helpdesk.html', 'index.html']) {
    test(`${name} loads one wasm module, whatever the reader does`, async () => {
      const page = await open(plain.browser, `${plain.url}${name}`);
      const requested = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.reload();
      await page.waitForSelector('[data-guides-scope-selector][data-guide-state="ready"]');
      await page.locator('.guides-scope-selector__row input').first().check();
      await page.locator('[data-guide-action-search]').first().fill('re');
      await page.locator('.guides-scope-selector__row:not([hidden]) mark').first().waitFor();
      const wasm = requested.filter((url) => url.endsWith('.wasm'));
      assert.deepEqual(wasm.map((url) => new URL(url).pathname), ['/dist/scope-selector.wasm'], requested.join('\n'));
      assert.deepEqual(page.errors, []);
      await page.context().close();
    });
  }

  // Was "destroy() removes what the extras added and leaves the markup as it was", which awaited
  // `widget.extras` (gone with the extras' module): the same promise of the markup, without it.
  test('destroy() removes what the extras added and leaves the markup as it was', async () => {
    const page = await open(plain.browser, `${plain.url}index.html`);
    await page.locator('.guides-scope-selector__preset').first().waitFor();
    assert.equal(await page.locator('.guides-scope-selector__preset').count(), 2);
    await page.locator('[data-guide-key-check]').fill('jobsRead');
    const restored = await page.evaluate(async () => {
      const root = document.querySelector('[data-guides-scope-selector]');
      const { ready } = await import('./dist/scope-selector.js');
      const [widget] = await ready;
      widget.destroy();
      return {
        presets: root.querySelectorAll('.guides-scope-selector__preset, .guides-scope-selector__presets').length,
        report: root.querySelectorAll('.guides-scope-selector__key-report').length,
        markdown: root.querySelector('[data-guide-export-markdown]').getAttribute('data-guide-export-markdown'),
        disabled: root.querySelector('[data-guide-key-check]').disabled,
      };
    });
    assert.deepEqual(restored, { presets: 0, report: 0, markdown: '', disabled: true });
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
});
