// The Ashby demo grouped by module (its root's data-guide-group-by): module headers with their
// tri-state checkbox, count and scope toggles; expanding and collapsing; a search across modules;
// the treegrid keyboard; and a link that names a whole module. Grouping changes the order of the
// rows (module by module, each in table order) and hides a collapsed module's rows: the flat
// list's order assertions run on flat.html, the same page without the attribute.
import assert from 'node:assert/strict';
import { expectedSearch, fixture } from '../e2e/harness.mjs';
import { pageWithTable } from '../../scripts/demo-page.mjs';
import { KEYS } from './webdriver.mjs';
import { assertNoErrors, panel, read, settles } from './harness.mjs';

const table = fixture('ashby-actions.json');
const ROOT = '[data-guides-scope-selector]';
/** The Ashby actions whose scopes hold one of `scopes`, by id in table order. */
const needing = (...scopes) => table.filter((action) => action.scopes.some((scope) => scopes.includes(scope))).map((action) => action.id);

/** Page functions reading the grouped list. */
const grouped = {
  /** Each header drawn: [name, count text, checkbox state, expanded, toggles [label, pressed]]. */
  headers: (name) => [...document.querySelectorAll('.guides-scope-selector__module')].map((header) => {
    const box = header.querySelector('input');
    return [
      header.querySelector('.guides-scope-selector__module-name').textContent,
      header.querySelector('.guides-scope-selector__module-count').textContent,
      box.indeterminate ? 'mixed' : box.checked ? 'checked' : 'off',
      header.getAttribute('aria-expanded'),
      [...header.querySelectorAll('.guides-scope-selector__toggle')].map((toggle) => [toggle.textContent, toggle.getAttribute('aria-pressed')]),
    ];
  }).filter((header) => name === undefined || header[0] === name),
  /** The lines in order: "# Module" for a header, the action id for a row. */
  lines: () => [...document.querySelectorAll('.guides-scope-selector__rows > *')].map((line) => (line.matches('.guides-scope-selector__module')
    ? `# ${line.querySelector('.guides-scope-selector__module-name').textContent}`
    : line.querySelector('.guides-scope-selector__action-id').textContent)),
  /** An element of the header of module `name`: its checkbox, name or a toggle (by label). */
  control: (name, part) => {
    const header = [...document.querySelectorAll('.guides-scope-selector__module')]
      .find((each) => each.querySelector('.guides-scope-selector__module-name').textContent === name);
    if (part === 'box') return header?.querySelector('input') ?? null;
    if (part === 'name') return header?.querySelector('.guides-scope-selector__module-name') ?? null;
    return [...(header?.querySelectorAll('.guides-scope-selector__toggle') ?? [])].find((toggle) => toggle.textContent === part) ?? null;
  },
  /** What has the focus: "# Module" on a header's checkbox, an action id on a row's, else a tag. */
  focused: () => {
    const active = document.activeElement;
    const line = active?.closest('.guides-scope-selector__row');
    if (!line) return active?.tagName.toLowerCase() ?? null;
    if (active.matches('.guides-scope-selector__toggle')) return `toggle ${active.textContent}`;
    return line.matches('.guides-scope-selector__module')
      ? `# ${line.querySelector('.guides-scope-selector__module-name').textContent}`
      : line.querySelector('.guides-scope-selector__action-id').textContent;
  },
  /** How many controls of the list are in the tab order. */
  tabStops: () => [...document.querySelectorAll('.guides-scope-selector__rows input, .guides-scope-selector__rows button')].filter((control) => control.tabIndex >= 0).length,
};
/** The header of module `name`, as `grouped.headers` reads it. */
const header = async (b, name) => (await b.run(grouped.headers, name))[0] ?? null;
/** Waits until the header of module `name` reads `expected`. */
const headerSettles = (b, name, expected) => settles(b, grouped.headers, [name], [expected], name);

export const behaviours = {
  'modules start collapsed; a module is ticked, one action unticked, Jobs: Write pressed, collapsed and expanded': async (b, { plain }) => {
    await b.open(`${plain.url}index.html`);
    const w = panel(b);
    await settles(b, grouped.lines, [], ['# Organization', '# Interviews', '# Jobs', '# Candidates', '# Hiring Process Metadata', '# Offers', '# Approvals', '# Reports', '# API Keys and Webhooks']);
    assert.equal(await b.run(read.attribute, `${ROOT} .guides-scope-selector__rows`, 'role'), 'treegrid');
    assert.deepEqual(await header(b, 'Jobs'), ['Jobs', '0 of 23', 'off', 'false', [['Jobs: Read', 'false'], ['Jobs: Write', 'false']]]);

    await b.click(grouped.control, 'Jobs', 'box');
    await headerSettles(b, 'Jobs', ['Jobs', '23 of 23', 'checked', 'false', [['Jobs: Read', 'true'], ['Jobs: Write', 'true']]]);
    assert.equal(await w.output(), 'jobsRead jobsWrite');
    assert.match(await w.url(), /\?modules=Jobs$/, 'a whole module is linked by its name');

    await b.click(grouped.control, 'Jobs', 'name');
    const jobs = needing('jobsRead', 'jobsWrite');
    const lines = await b.run(grouped.lines);
    assert.deepEqual(lines.slice(2, 3 + jobs.length), ['# Jobs', ...jobs], 'the module\'s rows under its header, in table order');
    await w.uncheck('ashby_list_jobs');
    // Both toggles are mixed: the scopes of the chosen actions allow one that is not chosen.
    await headerSettles(b, 'Jobs', ['Jobs', '22 of 23', 'mixed', 'true', [['Jobs: Read', 'mixed'], ['Jobs: Write', 'mixed']]]);
    assert.equal(await b.run(read.attribute, `${ROOT} .guides-scope-selector__module:nth-child(3) input`, 'aria-checked'), null, 'mixed is the native indeterminate state');

    // Pressing the mixed Jobs: Write completes the module; released, it releases the write
    // actions; pressed again, it chooses them back.
    const full = ['Jobs', '23 of 23', 'checked', 'true', [['Jobs: Read', 'true'], ['Jobs: Write', 'true']]];
    await b.click(grouped.control, 'Jobs', 'Jobs: Write');
    await headerSettles(b, 'Jobs', full);
    await b.click(grouped.control, 'Jobs', 'Jobs: Write');
    await settles(b, read.ids, [ROOT, true], needing('jobsRead'));
    await headerSettles(b, 'Jobs', ['Jobs', '10 of 23', 'mixed', 'true', [['Jobs: Read', 'true'], ['Jobs: Write', 'false']]]);
    await b.click(grouped.control, 'Jobs', 'Jobs: Write');
    await headerSettles(b, 'Jobs', full);

    await b.click(grouped.control, 'Jobs', 'name');
    await settles(b, grouped.lines, [], ['# Organization', '# Interviews', '# Jobs', '# Candidates', '# Hiring Process Metadata', '# Offers', '# Approvals', '# Reports', '# API Keys and Webhooks']);
    await assertNoErrors(b);
  },

  'a search shows the modules with matches, expanded, and matches module names': async (b, { plain }) => {
    await b.open(`${plain.url}index.html`);
    const w = panel(b);
    await w.search('offer');
    const offers = expectedSearch(table, 'offer').map((action) => action.id);
    const shownIds = (await b.run(grouped.lines)).filter((line) => !line.startsWith('# '));
    assert.deepEqual([...shownIds].sort(), [...offers].sort(), 'the same actions as the flat search');
    const headers = await b.run(grouped.headers);
    assert.ok(headers.every(([, , , expanded]) => expanded === 'true'));
    assert.deepEqual(await header(b, 'Offers'), ['Offers', '0 of 7 · 7 shown', 'off', 'true', [['Offers: Read', 'false'], ['Offers: Write', 'false']]]);
    // A module's name finds all of its actions.
    await w.search('webhooks');
    await settles(b, grouped.lines, [], ['# API Keys and Webhooks', ...needing('apiKeysWebhooksRead', 'apiKeysWebhooksWrite')]);
    await b.click(grouped.control, 'API Keys and Webhooks', 'box');
    await settles(b, read.text, [`${ROOT} [data-guide-scopes-output]`], 'apiKeysWebhooksWrite apiKeysWebhooksRead');
    await assertNoErrors(b);
  },

  'the grouped list is a treegrid by keyboard: one tab stop, arrows through headers and rows': async (b, { plain }) => {
    await b.open(`${plain.url}index.html`);
    const w = panel(b);
    assert.equal(await b.run(grouped.tabStops), 3, 'the first header\'s checkbox and its two toggles');
    await b.click('[data-guide-action-search]');
    await b.press(KEYS.down);
    assert.equal(await b.run(grouped.focused), '# Organization');
    await b.press(KEYS.down, KEYS.down);
    assert.equal(await b.run(grouped.focused), '# Jobs');
    await b.press(KEYS.right);
    await headerSettles(b, 'Jobs', ['Jobs', '0 of 23', 'off', 'true', [['Jobs: Read', 'false'], ['Jobs: Write', 'false']]]);
    assert.equal(await b.run(grouped.focused), '# Jobs', 'expanding keeps the focus');
    await b.press(KEYS.right);
    const jobs = needing('jobsRead', 'jobsWrite');
    assert.equal(await b.run(grouped.focused), jobs[0], '→ on an expanded header moves into it');
    await b.press(KEYS.space);
    await settles(b, read.ids, [ROOT, true], [jobs[0]]);
    await b.press(KEYS.down, KEYS.left);
    assert.equal(await b.run(grouped.focused), '# Jobs', '← on a row moves to its header');
    assert.equal(await b.run(grouped.tabStops), 3, 'the tab stop moved with the focus');
    await b.press(KEYS.tab);
    assert.equal(await b.run(grouped.focused), 'toggle Jobs: Read', 'Tab within a header reaches its toggles');
    await b.press(KEYS.space);
    await settles(b, read.ids, [ROOT, true], needing('jobsRead'));
    await b.press(KEYS.tab, KEYS.tab);
    assert.equal(await b.run(() => document.activeElement.closest('.guides-scope-selector__rows')), null, 'the next Tab leaves the list');
    await b.run(() => document.querySelector('.guides-scope-selector__module:nth-child(3) input').focus());
    await b.press(KEYS.left);
    await headerSettles(b, 'Jobs', ['Jobs', '10 of 23', 'mixed', 'false', [['Jobs: Read', 'true'], ['Jobs: Write', 'false']]]);
    await assertNoErrors(b);
  },

  'a link naming a whole module reopens it, expanded': async (b, { plain }) => {
    await b.open(`${plain.url}index.html?modules=Offers&actions=ashby_list_jobs`);
    const w = panel(b);
    await settles(b, read.text, [`${ROOT} .guides-scope-selector__status`], '8 of 137 actions selected');
    assert.deepEqual(await header(b, 'Offers'), ['Offers', '7 of 7', 'checked', 'true', [['Offers: Read', 'true'], ['Offers: Write', 'true']]]);
    assert.deepEqual((await header(b, 'Jobs')).slice(1, 4), ['1 of 23', 'mixed', 'true']);
    assert.equal(await w.output(), 'jobsRead offersRead offersWrite');
    await assertNoErrors(b);
  },

  'a module needing more scopes than a header offers shows eight and counts the rest': async (b, { plain }) => {
    const wide = Array.from({ length: 10 }, (_, at) => ({ id: `a${at}`, label: `A ${at}`, scopes: [`s${at}`], group: 'Wide' }));
    await b.open(plain.page('/wide-module.html', pageWithTable('index.html', JSON.stringify(wide))));
    const offered = Array.from({ length: 8 }, (_, at) => [`s${at}`, 'false']);
    await headerSettles(b, 'Wide', ['Wide', '0 of 10', 'off', 'false', offered]);
    const more = () => document.querySelectorAll('.guides-scope-selector__module .guides-scope-selector__module-count')[1]?.textContent ?? null;
    assert.equal(await b.run(more), '+2 more');
    assert.equal(await b.run(grouped.tabStops), 9, 'the checkbox and the eight toggles');
    await b.click(grouped.control, 'Wide', 's3');
    await headerSettles(b, 'Wide', ['Wide', '1 of 10', 'mixed', 'false', offered.map(([scope]) => [scope, scope === 's3' ? 'true' : 'false'])]);
    await assertNoErrors(b);
  },

  'a module named with markup shows it as text': async (b, { plain }) => {
    const name = '<img src=x onerror="window.__pwned=1">Jobs';
    const table = [{ id: 'a', label: 'A', scopes: ['x'], group: name }, { id: 'b', label: 'B', scopes: ['y'], group: 'Other' }];
    await b.open(plain.page('/markup-module.html', pageWithTable('index.html', JSON.stringify(table))));
    await settles(b, grouped.lines, [], [`# ${name}`, '# Other']);
    assert.equal(await b.run(read.count, `${ROOT} .guides-scope-selector__rows img`), 0);
    assert.equal(await b.run(() => window.__pwned ?? null), null);
    await assertNoErrors(b);
  },
};
