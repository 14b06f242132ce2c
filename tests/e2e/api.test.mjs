// The package's API and the auto-mount script on pages that change after loading: mount/destroy,
// the change event, bad input, and client-side navigation (pushState) with "./auto" alone and with
// mountAll, as docs sites with an SPA router do.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { fixture, start, widget } from './harness.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

const cli = new URL('../../target/debug/scope-selector', import.meta.url).pathname;
const tablePath = (name) => new URL(`../fixtures/${name}`, import.meta.url).pathname;
/** A rendered panel (the CLI's `render`, the same Rust as `renderPanel`) and a guide step. */
const guide = (name, scope) => `${execFileSync(cli, ['render', '--table', tablePath(name)], { encoding: 'utf8' })}
<section data-guide-step data-guide-scopes="${scope}" id="step">Step for ${scope}</section>`;
const desk = fixture('helpdesk-actions.json');
const billing = fixture('billing-actions.json');

/** Opens `body` as a page at `path` (served from www/, so `dist/` resolves). */
async function openPage(path, head, body) {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => page.errors.push(error.message));
  page.on('console', (message) => { if (message.type() === 'error') page.errors.push(message.text()); });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;
  const served = new URL(path, env.url).pathname;
  await page.route((url) => url.pathname === served, (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${env.url}${path}`);
  return page;
}

// A tiny router: swaps <main> for the guide of the page it navigates to, with pushState.
const ROUTER = (pages) => `<script type="module">
const pages = ${JSON.stringify(pages)};
window.navigateTo = (name) => {
  history.pushState({}, '', '/spa/' + name);
  document.querySelector('main').innerHTML = pages[name];
};
</script>`;

async function countsAfterNavigations(page, navigate) {
  const seen = [];
  for (const [name, rows] of [['billing', billing.length], ['desk', desk.length], ['billing', billing.length]]) {
    await page.evaluate(() => { window.previousRoots = [...(window.previousRoots ?? []), ...document.querySelectorAll('[data-guides-scope-selector]')]; });
    await navigate(name);
    await page.waitForSelector('main [data-guides-scope-selector][data-guide-state="ready"]');
    await page.waitForFunction((count) => document.querySelectorAll('.guides-scope-selector__row').length === count, rows);
    seen.push(await page.evaluate(() => ({
      roots: document.querySelectorAll('[data-guides-scope-selector]').length,
      rows: document.querySelectorAll('.guides-scope-selector__row').length,
      statuses: document.querySelectorAll('.guides-scope-selector__status').length,
      lives: document.querySelectorAll('.guides-scope-selector__live').length,
      // A destroyed widget put its panel back as written: no rows, no state.
      leftovers: window.previousRoots.filter((root) => root.hasAttribute('data-guide-state') || root.querySelector('.guides-scope-selector__row')).length,
    })));
  }
  return seen;
}

async function checkNavigation(page, navigate) {
  const seen = await countsAfterNavigations(page, navigate);
  assert.deepEqual(seen, [
    { roots: 1, rows: billing.length, statuses: 1, lives: 1, leftovers: 0 },
    { roots: 1, rows: desk.length, statuses: 1, lives: 1, leftovers: 0 },
    { roots: 1, rows: billing.length, statuses: 1, lives: 1, leftovers: 0 },
  ]);
  // The panel of the last page works, and its guide follows it.
  const w = widget(page);
  await w.row(billing[0].id).locator('input').check();
  assert.equal(await w.output.textContent(), billing[0].scopes.join(' '));
  assert.deepEqual(page.errors, []);
}

test('client-side navigation with the auto-mount script alone: new panels mount, removed ones are destroyed', async () => {
  const pages = { billing: guide('billing-actions.json', billing[0].scopes[0]), desk: guide('helpdesk-actions.json', desk[0].scopes[0]) };
  const page = await openPage('spa/start', `<script type="module" src="/dist/scope-selector.js"></script>${ROUTER(pages)}`, `<main>${pages.desk}</main>`);
  await page.waitForSelector('[data-guide-state="ready"]');
  await checkNavigation(page, (name) => page.evaluate((target) => window.navigateTo(target), name));
  await page.context().close();
});

test('client-side navigation with mountAll, the site destroying the widgets it mounted', async () => {
  const pages = { billing: guide('billing-actions.json', billing[0].scopes[0]), desk: guide('helpdesk-actions.json', desk[0].scopes[0]) };
  const head = `<script type="module">
import { mountAll } from '/dist/index.js';
let widgets = await mountAll();
window.afterNavigation = async () => {
  for (const widget of widgets) widget.destroy();
  widgets = await mountAll();
};
window.mounted = true;
</script>${ROUTER(pages)}`;
  const page = await openPage('spa/start', head, `<main>${pages.desk}</main>`);
  await page.waitForFunction(() => window.mounted);
  await checkNavigation(page, (name) => page.evaluate(async (target) => {
    window.navigateTo(target);
    await window.afterNavigation();
  }, name));
  await page.context().close();
});

test('the classic-script loader mounts the panels (platforms that include scripts without type="module")', async () => {
  const page = await openPage('classic.html', '<script src="/dist/loader.js"></script>', guide('helpdesk-actions.json', desk[0].scopes[0]));
  await page.waitForSelector('[data-guide-state="ready"]');
  assert.equal(await widget(page).rows.count(), desk.length);
  assert.equal(await page.locator('[data-guides-scope-selector]').isVisible(), true, 'the rendered panel, hidden until now, shows');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('mount: the change event and onChange follow every change, and the Widget methods agree with the page', async () => {
  const body = guide('helpdesk-actions.json', desk[0].scopes[0]);
  const page = await openPage(`api.html?actions=${desk[1].id}`, '', body);
  const [first, second] = desk;
  const result = await page.evaluate(async ([firstId, secondId]) => {
    const { mount, CHANGE_EVENT } = await import('/dist/index.js');
    const root = document.querySelector('[data-guides-scope-selector]');
    const events = [];
    const calls = [];
    document.addEventListener(CHANGE_EVENT, (event) => events.push(event.detail));
    const widget = await mount(root, { onChange: (detail) => calls.push(detail) });
    const restored = widget.selected();
    root.querySelector('.guides-scope-selector__check').click();
    root.querySelector('[data-guide-select-all]').click();
    root.querySelector('[data-guide-clear]').click();
    widget.select([secondId, firstId]);
    const after = { selected: widget.selected(), scopes: widget.scopes(), url: widget.url(), field: root.querySelector('[data-guide-url]').value };
    widget.clear();
    return { restored, events, calls, after, cleared: widget.selected() };
  }, [first.id, second.id]);
  assert.deepEqual(result.restored, [second.id], 'the link chose the second action');
  // (Each detail is first read here, after every change: it keeps the choice of its own change.)
  assert.deepEqual(result.events.map((event) => event.actions.length), [1, 2, desk.length, 0, 2, 0], 'restored link, tick, select all, clear, select, clear');
  assert.deepEqual(result.calls, result.events, 'onChange gets the same details');
  assert.deepEqual(result.after.selected, [first.id, second.id], 'table order');
  assert.equal(result.after.url, result.after.field);
  assert.match(result.after.url, new RegExp(`\\?actions=${first.id}\\+${second.id}$`));
  assert.deepEqual(result.cleared, []);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('mount: bad input gives clear errors and never a second set of rows', async () => {
  const body = `${guide('helpdesk-actions.json', desk[0].scopes[0])}<div id="plain"></div>
<div data-guides-scope-selector="broken" id="broken"><div class="guides-scope-selector__list"><div data-guide-loading>Loading</div></div><pre data-guide-scopes-output></pre></div>`;
  const page = await openPage('bad-api.html', '', body);
  const result = await page.evaluate(async () => {
    const { mount } = await import('/dist/index.js');
    const root = document.querySelector('[data-guides-scope-selector]');
    const error = async (promise) => promise.then(() => 'resolved', (thrown) => `${thrown.name}: ${thrown.message}`);
    const out = {};
    out.notRoot = await error(mount(document.getElementById('plain')));
    out.notElement = await error(mount('#plain'));
    out.badOption = await error(mount(root, { table: 42 }));
    const widget = await mount(root);
    out.again = await error(mount(root));
    out.rows = root.querySelectorAll('.guides-scope-selector__row').length;
    out.unknown = (() => { try { widget.select(['nope']); return 'no error'; } catch (thrown) { return thrown.message; } })();
    out.notArray = (() => { try { widget.select('x'); return 'no error'; } catch (thrown) { return thrown.message; } })();
    widget.destroy();
    widget.destroy();
    out.afterDestroy = (() => { try { widget.selected(); return 'no error'; } catch (thrown) { return thrown.message; } })();
    const detached = root.cloneNode(true);
    out.detached = await error(mount(detached));
    // Destroyed from its own change callback, in the middle of select().
    let inCallback;
    const again = await mount(root, { onChange: () => { again.destroy(); inCallback = again.root.hasAttribute('data-guide-state'); } });
    again.select([root.querySelector('.guides-scope-selector__action-id').textContent]);
    await new Promise((resolve) => setTimeout(resolve));
    out.destroyedInCallback = { inCallback, after: root.hasAttribute('data-guide-state'), rows: root.querySelectorAll('.guides-scope-selector__row').length };
    again.destroy();
    out.remounted = (await mount(root)).selected().length;
    out.badTable = await error(mount(document.getElementById('broken'), { table: [{ id: 1 }] }));
    out.alert = document.querySelector('#broken [role=alert]')?.textContent;
    return out;
  });
  assert.equal(result.notRoot, 'Error: scope-selector: mount(root): the element is not a panel root (it has no data-guides-scope-selector attribute)');
  assert.equal(result.notElement, 'TypeError: scope-selector: mount(root): root must be an element');
  assert.equal(result.badOption, 'TypeError: scope-selector: options.table must be the action table: an array of actions, an object with actions, or JSON text');
  assert.match(result.again, /this root is mounted already/);
  assert.equal(result.rows, desk.length);
  assert.equal(result.unknown, "scope-selector: select(ids): 1 of the ids are not in this widget's table; nothing was changed");
  assert.equal(result.notArray, 'scope-selector: select(ids): ids must be an array of action ids');
  assert.equal(result.afterDestroy, 'scope-selector: this widget was destroyed');
  assert.equal(result.detached, 'Error: scope-selector: mount(root): the root is not in the document');
  assert.deepEqual(result.destroyedInCallback, { inCallback: true, after: false, rows: 0 }, 'taken down once the change is done');
  assert.equal(result.remounted, 1, 'the root mounts again, with the choice its link holds');
  assert.equal(result.badTable, 'Error: scope-selector: action at index 0: "id" must be a string, found a number');
  assert.equal(result.alert, 'The action selector could not start: action at index 0: "id" must be a string, found a number.');
  await page.context().close();
});
