// The reader's journey by keyboard alone: `/` to the search, arrows through the rows and back,
// Space to tick, Esc to clear the search, Tab to the copy button; on the Ashby demo and on a list
// long enough to render only the rows in view.
import assert from 'node:assert/strict';
import { expectedSearch, expectedUnion, fixture } from '../e2e/harness.mjs';
import { pageWithTable, withoutExtras } from '../../scripts/demo-page.mjs';
import { KEYS } from './webdriver.mjs';
import { copyFeedback, panel, read, settles } from './harness.mjs';

const table = fixture('ashby-actions.json');
/** Moves the focus to the page itself, as a click on its background does. */
const leaveFocus = (b) => b.run(() => document.activeElement?.blur());

export const behaviours = {
  'the whole Ashby journey by keyboard alone': async (b, { plain }) => {
    await b.open(`${plain.url}flat.html`);
    const w = panel(b);
    await leaveFocus(b);
    await b.press('/');
    assert.equal(await b.run(read.focused), 'search');
    assert.equal(await w.searchText(), '', 'the / that moved the focus is not typed');
    await b.press(...'offer');
    const offers = expectedSearch(table, 'offer').map((action) => action.id);
    await settles(b, read.ids, [w.root, false], offers);

    await b.press(KEYS.down);
    assert.equal(await b.run(read.focused), offers[0]);
    await b.press(KEYS.space);
    await b.press(KEYS.down);
    assert.equal(await b.run(read.focused), offers[1]);
    await b.press(KEYS.space);
    assert.deepEqual(await w.checkedIds(), offers.slice(0, 2));
    assert.match(await w.status(), /^2 of 137 actions selected · \d+ shown$/);
    assert.equal(await b.run(read.attribute, w.at('.guides-scope-selector__status'), 'role'), 'status', 'the counts are announced');

    // Up from the first row is the search box; Esc there clears the search, ticks kept.
    await b.press(KEYS.up, KEYS.up);
    assert.equal(await b.run(read.focused), 'search');
    await b.press(KEYS.escape);
    assert.equal(await w.searchText(), '');
    await settles(b, read.count, [w.at('.guides-scope-selector__row:not([hidden])')], table.length);
    assert.equal(await b.run(read.focused), 'search');
    // A `/` typed in the search box is text.
    await b.press(...'a/b');
    assert.equal(await w.searchText(), 'a/b');
    await b.press(KEYS.escape);

    // Tab on to the scopes' copy button and copy with Enter.
    const expected = expectedUnion(table, offers.slice(0, 2)).join(' ');
    assert.equal(await w.output(), expected);
    for (let tabs = 0; tabs < 200 && !(await b.run(() => document.activeElement?.hasAttribute('data-guide-copy-scopes'))); tabs += 1) {
      await b.press(KEYS.tab);
    }
    await b.press(KEYS.enter);
    assert.equal(await copyFeedback(b, w.at('[data-guide-copy-scopes]')), 'Copied');
    assert.equal(await b.readClipboard(), expected);
  },

  'arrows walk a windowed list past the rendered rows, and the focus stays on its action': async (b, { plain }) => {
    const TABLE = Array.from({ length: 1000 }, (_, index) => ({ id: `action_${index}`, label: `Action ${index}`, scopes: [`s${index % 7}`] }));
    await b.open(plain.page('/keys.html', withoutExtras(pageWithTable('index.html', JSON.stringify(TABLE)))));
    const w = panel(b);
    await b.run((selector) => document.querySelector(selector).focus(), w.at('[data-guide-action-search]'));
    await b.press(KEYS.down);
    assert.equal(await b.run(read.focused), 'action_0');
    const rendered = await w.rowCount();
    await b.press(...Array(rendered + 20).fill(KEYS.down));
    assert.equal(await b.run(read.focused), `action_${rendered + 20}`);
    assert.ok(await w.rowCount() < 100, 'still windowed');
    await b.press(KEYS.space);
    assert.deepEqual(await w.checkedIds(), [`action_${rendered + 20}`]);
    await b.press(...Array(5).fill(KEYS.up));
    assert.equal(await b.run(read.focused), `action_${rendered + 15}`);
  },

  '/ is left to a site that handles it first, and to text fields': async (b, { plain }) => {
    // The site's own handler runs before the page's scripts, so before the widget's.
    await b.open(plain.page('/site-search.html', pageWithTable('index.html', JSON.stringify(table)), () => {
      document.addEventListener('keydown', (event) => { if (event.key === '/' && window.siteSearch) event.preventDefault(); });
    }));
    const w = panel(b);
    await b.run(() => { window.siteSearch = true; });
    await leaveFocus(b);
    await b.press('/');
    assert.notEqual(await b.run(read.focused), 'search');
    await b.run(() => { window.siteSearch = false; });
    // The key field is enabled once the extras are attached.
    await b.until(() => document.querySelector('[data-guide-key-check]:not([disabled])'));
    await b.run(() => document.querySelector('[data-guide-key-check]').focus());
    await b.press('/');
    assert.equal(await b.run(read.value, '[data-guide-key-check]'), '/');
    assert.equal(await w.searchText(), '');
  },

  'keys of an input method, with modifiers or sent to the window leave the widget alone, and it keeps working': async (b, { plain }) => {
    await b.open(`${plain.url}flat.html`);
    const w = panel(b);
    await b.run(() => {
      const search = document.querySelector('[data-guide-action-search]');
      search.focus();
      search.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', isComposing: true, bubbles: true }));
      search.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', ctrlKey: true, bubbles: true }));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '/' }));
    });
    assert.equal(await b.run(read.focused), 'search');
    // Still answering: the arrow and a tick go through.
    await b.press(KEYS.down);
    assert.equal(await b.run(read.focused), table[0].id);
    await b.press(KEYS.space);
    assert.deepEqual(await w.checkedIds(), [table[0].id]);
  },
};
