// Accessibility and themes: axe-core (WCAG 2.2 AA and best practices) over the whole of every demo
// page, in every theme a docs site can put the widget in (the reader's system setting, and each
// site's own dark-mode toggle, including a light toggle that must win over a dark system), before
// and after a choice; then forced colours, reduced motion and a right-to-left page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { start, open, widget } from './harness.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PAGES = ['index.html', 'flat.html', 'helpdesk.html', 'two-widgets.html'];
// [name, emulated system scheme, what the site's toggle sets on the page]
const THEMES = [
  ['light system', 'light', null],
  ['dark system', 'dark', null],
  ['Docusaurus/Starlight dark toggle', 'light', ['html', 'data-theme', 'dark']],
  ['Tailwind/Mintlify dark toggle', 'light', ['html', 'class', 'dark']],
  ['MkDocs Material dark toggle', 'light', ['body', 'data-md-color-scheme', 'slate']],
  ['Docusaurus light toggle on a dark system', 'dark', ['html', 'data-theme', 'light']],
];

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

/** axe's violations on the whole page, as "rule: target" lines (empty when clean). */
async function violations(page) {
  // Colours are read once the theme's transitions have finished.
  await page.evaluate(() => Promise.all(document.getAnimations().map((animation) => animation.finished.catch(() => {}))));
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
  }));
  return result.violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${node.failureSummary.split('\n')[1]?.trim()})`));
}

/** The panel's background colour and colour scheme, as the browser computes them. */
const panelLook = (page) => page.locator('.guides-scope-selector').first().evaluate((panel) => {
  const style = getComputedStyle(panel);
  return { background: style.backgroundColor, scheme: style.colorScheme };
});

for (const name of PAGES) {
  test(`${name}: no axe violations in any theme, before or after a choice`, async () => {
    const page = await open(env.browser, `${env.url}${name}`);
    const found = [];
    for (const [theme, scheme, toggle] of THEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.evaluate(([element, attribute, value]) => {
        document.documentElement.removeAttribute('data-theme');
        document.documentElement.classList.remove('dark', 'light');
        document.body.removeAttribute('data-md-color-scheme');
        if (!element) return;
        const target = element === 'html' ? document.documentElement : document.body;
        if (attribute === 'class') target.classList.add(value);
        else target.setAttribute(attribute, value);
      }, toggle ?? [null]);
      const dark = theme.includes('dark') && !theme.includes('light toggle');
      assert.equal((await panelLook(page)).scheme, dark ? 'dark' : 'light', `${theme}: the panel's scheme`);
      assert.equal((await panelLook(page)).background, dark ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)', `${theme}: the panel's background`);
      found.push(...(await violations(page)).map((line) => `${theme}, before a choice: ${line}`));
      const rows = widget(page).rows;
      await rows.nth(0).locator('input').check();
      await rows.nth(1).locator('input').check();
      // The extras too, where the page has them: a key report with every section, a pressed preset.
      const key = page.locator('[data-guide-key-check]');
      if (await key.count()) {
        await key.fill('jobsRead, organizationWrite, Payroll: Write');
        await page.locator('.guides-scope-selector__key-section').first().waitFor();
        assert.equal(await page.locator('.guides-scope-selector__key-section').count(), 3);
      }
      found.push(...(await violations(page)).map((line) => `${theme}, after a choice: ${line}`));
      // A search, whose words the extras mark in the rows.
      await widget(page).search.fill('re');
      await page.locator('.guides-scope-selector__row:not([hidden]) mark').first().waitFor();
      found.push(...(await violations(page)).map((line) => `${theme}, with marked search words: ${line}`));
      await widget(page).search.fill('');
      if (await key.count()) {
        await page.locator('.guides-scope-selector__preset').first().click();
        await page.locator('.guides-scope-selector__preset[aria-pressed="true"]').waitFor();
        found.push(...(await violations(page)).map((line) => `${theme}, with a preset: ${line}`));
        await key.fill('');
      }
      await widget(page).clear.click();
    }
    assert.deepEqual(found, []);
    assert.deepEqual(page.errors, []);
  });
}

test('a root can force its theme against the site and the system', async () => {
  const page = await open(env.browser, `${env.url}flat.html`);
  const root = page.locator('[data-guides-scope-selector]');
  await page.emulateMedia({ colorScheme: 'light' });
  await root.evaluate((element) => element.setAttribute('data-guide-theme', 'dark'));
  assert.deepEqual(await panelLook(page), { background: 'rgb(13, 17, 23)', scheme: 'dark' });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.evaluate(() => document.documentElement.setAttribute('data-theme', 'dark'));
  await root.evaluate((element) => element.setAttribute('data-guide-theme', 'light'));
  assert.deepEqual(await panelLook(page), { background: 'rgb(255, 255, 255)', scheme: 'light' });
  assert.deepEqual(await violations(page), []);
});

test('forced colours keep focus rings, checkboxes and button borders visible', async () => {
  const page = await open(env.browser, `${env.url}flat.html`);
  await page.emulateMedia({ forcedColors: 'active' });
  const w = widget(page);
  // The system colours the stylesheet asks for, as this browser resolves them.
  const system = (name) => page.evaluate((name) => {
    const probe = document.body.appendChild(document.createElement('span'));
    probe.style.color = name;
    const color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }, name);
  const [highlight, buttonText] = [await system('Highlight'), await system('ButtonText')];
  const ring = (locator) => locator.evaluate((element) => {
    const style = getComputedStyle(element);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor, background: getComputedStyle(element.closest('.guides-scope-selector')).backgroundColor };
  });
  // Keyboard use first, so programmatic focus shows as :focus-visible.
  await page.keyboard.press('Tab');
  for (const control of [w.search, w.rows.nth(0).locator('input'), w.copyUrl]) {
    await control.focus();
    const seen = await ring(control);
    assert.equal(seen.style, 'solid', 'a focus ring is drawn');
    assert.ok(seen.width >= 2, `the ring is at least 2px wide (${seen.width})`);
    assert.notEqual(seen.color, seen.background, 'the ring differs from the background');
    assert.equal(seen.color, highlight, 'the ring is drawn in Highlight');
  }
  const border = await w.copyUrl.evaluate((button) => [getComputedStyle(button).borderTopStyle, getComputedStyle(button).borderTopWidth, getComputedStyle(button).borderTopColor]);
  assert.deepEqual(border, ['solid', '1px', buttonText], 'buttons keep a ButtonText border when backgrounds are forced away');
  assert.deepEqual(await violations(page), []);
});

test('motion only for readers who have not asked for less', async () => {
  const page = await open(env.browser, `${env.url}flat.html`);
  const duration = () => widget(page).rows.nth(0).locator('label').evaluate((label) => getComputedStyle(label).transitionDuration);
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  assert.equal(await duration(), '0.12s');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  assert.equal(await duration(), '0s');
});

test('a right-to-left page lays the panel out mirrored', async () => {
  const page = await open(env.browser, `${env.url}flat.html?actions=nope`, {});
  const box = async (locator) => locator.boundingBox();
  const row = widget(page).rows.nth(0);
  const ltr = { check: await box(row.locator('input')), scopes: await box(row.locator('.guides-scope-selector__action-scopes')) };
  assert.ok(ltr.check.x < ltr.scopes.x, 'left to right: the checkbox is left of the scopes');
  await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
  const rtl = { check: await box(row.locator('input')), scopes: await box(row.locator('.guides-scope-selector__action-scopes')), label: await box(row.locator('.guides-scope-selector__action')) };
  assert.ok(rtl.check.x > rtl.label.x && rtl.label.x > rtl.scopes.x, 'right to left: checkbox, label, scopes from the right');
  const scopesAlign = await row.locator('.guides-scope-selector__action-scopes').evaluate((scopes) => getComputedStyle(scopes).textAlign);
  assert.equal(scopesAlign, 'end');
  const header = page.locator('.guides-scope-selector__list-header');
  const [action, scopes] = [await box(header.getByText('Action', { exact: true })), await box(header.getByText('Scope(s)'))];
  assert.ok(action.x > scopes.x, 'the list header is mirrored with its columns');
  const notices = page.locator('.guides-scope-selector__notices');
  assert.equal(await notices.isVisible(), true, 'the link notice is shown');
  const edges = await notices.evaluate((element) => [getComputedStyle(element).borderRightWidth, getComputedStyle(element).borderLeftWidth]);
  assert.deepEqual(edges, ['3px', '0px'], 'the notice bar is on the start (right) side');
  assert.deepEqual(await violations(page), []);
});
