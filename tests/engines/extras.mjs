// The panel's extras on the Ashby demo (plain and under a strict Content-Security-Policy), as a
// reader uses them: presets, checking a key they already have, and the exports; then that a
// reader's page loads one wasm module whatever they do, and that destroy() restores the markup.
import assert from 'node:assert/strict';
import { expectedUnion, fixture } from '../e2e/harness.mjs';
import { assertNoErrors, copyFeedback, panel, read, settles } from './harness.mjs';

const table = fixture('ashby-actions.json');
/** The actions all of whose scopes are in `scopes` (independently of the core). */
const within = (scopes) => table.filter((action) => action.scopes.every((scope) => scopes.includes(scope))).map((action) => action.id);
/** The ids in table order. */
const inTableOrder = (ids) => table.map((action) => action.id).filter((id) => ids.includes(id));
const ATS_SYNC = ['jobsRead', 'candidatesRead', 'interviewsRead', 'hiringProcessRead', 'organizationRead', 'offersRead'];
const PRESET = '.guides-scope-selector__preset';
const REPORT = '.guides-scope-selector__key-report';
const SUMMARY = `${REPORT} .guides-scope-selector__key-summary`;

/** The `aria-pressed` of each preset button, by its label. */
const pressed = (b) => b.run((selector) => Object.fromEntries([...document.querySelectorAll(selector)]
  .map((button) => [button.textContent, button.getAttribute('aria-pressed')])), PRESET);
/** Opens the demo and waits for its presets; resolves to its panel. */
async function fresh(b, site, url = `${site.url}flat.html`) {
  await b.open(url);
  await b.until((selector) => document.querySelector(selector), PRESET);
  return panel(b);
}

export const behaviours = {};
for (const csp of [false, true]) {
  const add = (name, body) => { behaviours[`extras${csp ? ' under a strict CSP' : ''}: ${name}`] = (b, sites) => body(b, csp ? sites.strict : sites.plain); };

  add('a preset applies its choice, shows as pressed while the choice is its own, and survives the URL', async (b, site) => {
    let w = await fresh(b, site);
    assert.deepEqual(await pressed(b), { 'Read-only': 'false', 'Minimum for the ATS sync': 'false' });
    assert.equal(await b.run(read.attribute, '.guides-scope-selector__presets', 'role'), 'group');
    // Their styles came with them (a constructed stylesheet, which the policy allows).
    assert.deepEqual(await b.run((selector) => [getComputedStyle(document.querySelector('.guides-scope-selector__presets')).display,
      getComputedStyle(document.querySelector(selector)).fontSize], PRESET), ['flex', '12px']);

    await b.click(read.withText, PRESET, 'Minimum for the ATS sync');
    const expected = within(ATS_SYNC);
    assert.ok(expected.length > 10);
    await settles(b, read.ids, [w.root, true], expected);
    assert.equal(await w.output(), expectedUnion(table, expected).join(' '));
    assert.deepEqual(await pressed(b), { 'Read-only': 'false', 'Minimum for the ATS sync': 'true' });

    // The link reopens the same choice, and the preset shows as pressed again.
    const url = await w.url();
    await assertNoErrors(b);
    w = await fresh(b, site, url);
    await b.until((selector) => [...document.querySelectorAll(selector)].some((button) => button.textContent === 'Minimum for the ATS sync' && button.getAttribute('aria-pressed') === 'true'), PRESET);
    assert.deepEqual(await w.checkedIds(), expected);

    // Another tick: the choice is no longer the preset's.
    await w.check('ashby_create_offer');
    assert.equal((await pressed(b))['Minimum for the ATS sync'], 'false');
    await b.click(read.withText, PRESET, 'Read-only');
    await settles(b, read.ids, [w.root, true], within(table.flatMap((action) => action.scopes).filter((scope) => scope.endsWith('Read'))));
    assert.equal((await pressed(b))['Read-only'], 'true');
    // Pressed again, it is released: the choice is cleared.
    await b.click(read.withText, PRESET, 'Read-only');
    await settles(b, read.ids, [w.root, true], []);
    assert.equal((await pressed(b))['Read-only'], 'false');
  });

  add('a pasted key is checked against the choice: missing, not needed, unknown, and what it can run', async (b, site) => {
    const w = await fresh(b, site);
    for (const id of ['ashby_list_candidates', 'ashby_create_offer']) await w.check(id);
    await b.fill('[data-guide-key-check]', 'Jobs: Read\ncandidatesRead, Payroll: Write');
    await settles(b, read.text, [SUMMARY], 'Your key lacks 1 of the 2 scopes your choice needs.');
    const section = (heading) => b.run((report, heading) => [...([...document.querySelectorAll(`${report} .guides-scope-selector__key-section`)]
      .find((part) => part.textContent.includes(heading))?.querySelectorAll('li') ?? [])].map((item) => item.textContent), REPORT, heading);
    assert.deepEqual(await section('Missing from your key'), ['Offers: Write offersWrite']);
    assert.deepEqual(await section('not needed by your choice'), ['Jobs: Read jobsRead']);
    assert.deepEqual(await section('Not scopes of this table'), ['Payroll: Write']);
    const runnable = within(['jobsRead', 'candidatesRead']);
    assert.match(await b.run(read.text, `${REPORT} .guides-scope-selector__key-runnable`), new RegExp(`^Your key can run ${runnable.length} of the ${table.length} actions\\.`));
    assert.equal(await b.run(read.attribute, REPORT, 'role'), null);
    assert.equal(await b.run(read.count, `${REPORT} [role="status"]`), 1);

    // One click chooses what the key can run; the focus goes back to the key.
    await b.click(read.withText, `${REPORT} button`, `Choose these ${runnable.length} actions`);
    await settles(b, read.ids, [w.root, true], inTableOrder(runnable));
    assert.equal(await b.run(() => document.activeElement?.hasAttribute('data-guide-key-check')), true);
    assert.equal(await b.run(read.text, SUMMARY), 'Your key has all 2 scopes your choice needs.');
    // The choice now matches the key: nothing is missing or unneeded.
    assert.equal(await b.run((report) => [...document.querySelectorAll(`${report} .guides-scope-selector__key-section`)].filter((part) => part.textContent.includes('Missing')).length, REPORT), 0);
    await b.fill('[data-guide-key-check]', '');
    await settles(b, read.visible, [REPORT], false);
  });

  add('the exports: a Markdown checklist copied, the choice downloaded as JSON', async (b, site) => {
    const w = await fresh(b, site);
    assert.equal(await b.run(read.disabled, '[data-guide-export-markdown]'), false);
    await b.click('[data-guide-export-markdown]');
    assert.equal(await copyFeedback(b, '[data-guide-export-markdown]'), 'Nothing to copy yet');

    const ids = ['ashby_list_candidates', 'ashby_create_offer', 'ashby_list_jobs'];
    for (const id of ids) await w.check(id);
    await b.click('[data-guide-export-markdown]');
    await b.until(() => document.querySelector('[data-guide-export-markdown]')?.getAttribute('data-copy-feedback') === 'Copied');
    const text = await b.readClipboard();
    const url = await w.url();
    assert.match(text, /^## API key permissions\n\nGrant these 3 scopes for 3 actions\.\n/);
    assert.ok(text.includes('### Candidates\n\n- [ ] Candidates: Read (`candidatesRead`): List Candidates\n'), text);
    assert.ok(text.includes('### Offers\n\n- [ ] Offers: Write (`offersWrite`): Create Offer\n'), text);
    assert.ok(text.endsWith(`Reopen this choice: <${url}>\n`), text);
    assert.equal(text.match(/^- \[ \] /gm).length, expectedUnion(table, ids).length);

    // The download: the file name the page gives the link it clicks, and the Blob behind its address.
    await b.run(() => {
      window.__downloads = [];
      const blobs = new Map();
      const create = URL.createObjectURL;
      URL.createObjectURL = (blob) => { const address = create(blob); blobs.set(address, blob); return address; };
      const click = HTMLAnchorElement.prototype.click;
      HTMLAnchorElement.prototype.click = function clickLink() {
        if (blobs.has(this.href)) window.__downloads.push({ name: this.download, blob: blobs.get(this.href) });
        return click.call(this);
      };
    });
    await b.click('[data-guide-export-json]');
    await b.until(() => window.__downloads.length > 0);
    assert.equal(await b.run(() => window.__downloads[0].name), 'scope-selector-choice.json');
    const saved = JSON.parse(await b.run(() => window.__downloads[0].blob.text()));
    assert.deepEqual(saved, { actions: inTableOrder(ids), scopes: expectedUnion(table, ids), url });
  });
}

// The extras are no longer a module of their own (issue 17: one engine): what a reader's page
// loads is asserted instead, from the resources the page itself lists.
for (const name of ['helpdesk.html', 'flat.html']) {
  behaviours[`${name} loads one wasm module, whatever the reader does`] = async (b, { plain }) => {
    await b.open(`${plain.url}${name}`);
    const w = panel(b);
    await b.click(`${w.root} .guides-scope-selector__row input`);
    await w.search('re');
    await b.until(() => document.querySelector('.guides-scope-selector__row:not([hidden]) mark'));
    const wasm = await b.run(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.endsWith('.wasm')));
    assert.deepEqual(wasm, ['/dist/scope-selector.wasm']);
  };
}

behaviours['destroy() removes what the extras added and leaves the markup as it was'] = async (b, { plain }) => {
  await fresh(b, plain);
  assert.equal(await b.run(read.count, PRESET), 2);
  await b.fill('[data-guide-key-check]', 'jobsRead');
  // The page's own script takes the widget down, as a site does (a script the driver runs may
  // import a second copy of the module in some engines, with widgets of its own).
  plain.pages.set('/destroy-widgets.js', Buffer.from("import { ready } from '/dist/scope-selector.js';\nfor (const widget of await ready) widget.destroy();\ndocument.documentElement.dataset.destroyed = '';\n"));
  await b.run(() => document.head.append(Object.assign(document.createElement('script'), { type: 'module', src: '/destroy-widgets.js' })));
  await b.until(() => document.documentElement.hasAttribute('data-destroyed'));
  const restored = await b.run(() => {
    const root = document.querySelector('[data-guides-scope-selector]');
    return {
      presets: root.querySelectorAll('.guides-scope-selector__preset, .guides-scope-selector__presets').length,
      report: root.querySelectorAll('.guides-scope-selector__key-report').length,
      markdown: root.querySelector('[data-guide-export-markdown]').getAttribute('data-guide-export-markdown'),
      disabled: root.querySelector('[data-guide-key-check]').disabled,
    };
  });
  assert.deepEqual(restored, { presets: 0, report: 0, markdown: '', disabled: true });
};
