// The panel speaks the page's language: a German page (every text the widget writes, plurals by
// count), Polish plurals, an Arabic page laid out right to left, a page's own words for one text,
// and what it skips; an English page fetches its words and no other language's, and a language
// that cannot load leaves the panel in English.
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fixture } from '../e2e/harness.mjs';
import { flatPage, pageWithTable } from '../../scripts/demo-page.mjs';
import { assertNoErrors, copyFeedback, panel, read, recorded, settles, startSite } from './harness.mjs';

const ashby = fixture('ashby-actions.json');
const DEMO = flatPage('index.html');
/** The demo page in language `lang` (`null`: no `lang` at all), with `attributes` added to its panel root. */
const demoIn = (lang, attributes = '', html = DEMO) => html
  .replace('<html lang="en">', lang === null ? '<html>' : `<html lang="${lang}">`)
  .replace('data-guides-scope-selector ', `data-guides-scope-selector ${attributes} `);
/** The paths of the translation files the page fetched. */
const fetchedWords = (b) => b.run(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname).filter((path) => path.includes('/locales/')));
/** Records, from before the page's scripts run, every text the status showed. */
function recordStatus() {
  window.__statuses = [];
  new MutationObserver(() => {
    const status = document.querySelector('.guides-scope-selector__status');
    if (status && status.textContent !== window.__statuses.at(-1)) window.__statuses.push(status.textContent);
  }).observe(document, { subtree: true, childList: true, characterData: true });
}
const warnings = async (b) => (await recorded(b)).console.filter(({ level }) => level === 'warn').map(({ text }) => text);
const attribute = (value) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

export const behaviours = {
  'a German page: every text the widget writes is German, with plurals by count': async (b, { plain }) => {
    await b.open(`${plain.page('/de.html', demoIn('de'), recordStatus)}?actions=ashby_list_jobs+nope`);
    const w = panel(b);
    assert.deepEqual(await b.run(() => window.__statuses), ['1 von 137 Aktionen ausgewählt'], 'no English first');
    // The link's notice is a rare problem: its words are fetched with the panel's, before it shows.
    assert.deepEqual(await fetchedWords(b), ['/dist/locales/de.js', '/dist/locales/problems/de.js']);
    assert.equal(await w.notices(), '1 Aktion aus dem Link gibt es in dieser Anleitung nicht');
    assert.deepEqual(await b.run(() => ['.guides-scope-selector__rows', '[data-guide-scope-delimiter]', '[data-guide-url]', '.guides-scope-selector__presets']
      .map((selector) => document.querySelector(selector).getAttribute('aria-label'))), ['Aktionen', 'Trennzeichen', 'Dynamische Anleitungs-URL', 'Vorlagen']);
    await w.search('job');
    await settles(b, read.text, [w.at('.guides-scope-selector__status')], `1 von 137 Aktionen ausgewählt · ${await w.rowCount()} angezeigt`);
    await w.search('');

    // The key report, with one scope needed (one) and then two (other).
    await b.fill('[data-guide-key-check]', 'jobsRead');
    await settles(b, read.text, ['.guides-scope-selector__key-summary'], 'Ihr Schlüssel hat die 1 Berechtigung, die Ihre Auswahl braucht.');
    await w.check('ashby_list_candidates');
    await settles(b, read.text, ['.guides-scope-selector__key-summary'], 'Ihr Schlüssel hat 1 der 2 Berechtigungen nicht, die Ihre Auswahl braucht.');
    assert.match(await b.run(read.text, '.guides-scope-selector__key-section'), /^Fehlt Ihrem Schlüssel/);
    assert.match(await b.run(read.text, '.guides-scope-selector__key-runnable'), /^Ihr Schlüssel kann \d+ von 137 Aktionen ausführen\. Diese \d+ Aktionen auswählen$/);

    // Copy feedback and the Markdown checklist.
    await w.click('[data-guide-copy-scopes]');
    assert.equal(await copyFeedback(b, w.at('[data-guide-copy-scopes]')), 'Kopiert');
    assert.equal(await b.run(read.text, '.guides-scope-selector__live'), 'Kopiert');
    await b.click('[data-guide-export-markdown]');
    await b.until(() => document.querySelector('[data-guide-export-markdown]').getAttribute('data-copy-feedback') === 'Kopiert');
    assert.match(await b.readClipboard(), /^## Berechtigungen des API-Schlüssels\n\nErteilen Sie diese 2 Berechtigungen für 2 Aktionen\.\n/);
  },

  'a German page whose table cannot be read says so in German': async (b, { plain }) => {
    await b.open(plain.page('/de-broken.html', demoIn('de', '', pageWithTable('index.html', '[{"id":"a","label":["A"],"scopes":[]}]'))));
    assert.equal(await b.until(() => document.querySelector('[role=alert]')?.textContent),
      'Die Aktionsauswahl konnte nicht starten: Aktion an Position 0: "label" muss ein Text sein, gefunden: eine Liste.');
    assert.deepEqual((await fetchedWords(b)).sort(), ['/dist/locales/de.js', '/dist/locales/problems/de.js']);
  },

  'Polish plurals for 1, 2, 5 and 22 actions': async (b, { plain }) => {
    const expected = { 1: '1 akcja · wybrano 0', 2: '2 akcje · wybrano 0', 5: '5 akcji · wybrano 0', 22: '22 akcje · wybrano 0' };
    for (const [count, status] of Object.entries(expected)) {
      const table = ashby.slice(0, Number(count));
      await b.open(plain.page(`/pl-${count}.html`, demoIn('pl', '', pageWithTable('index.html', JSON.stringify(table)))));
      assert.equal(await panel(b).status(), status);
      await assertNoErrors(b);
    }
  },

  'an Arabic page without dir is laid out right to left, names kept in their own direction': async (b, { plain }) => {
    await b.open(`${plain.page('/ar.html', demoIn('ar'))}?actions=ashby_list_jobs&separator=%ZZ`);
    const w = panel(b);
    assert.equal(await b.run(() => document.documentElement.hasAttribute('dir')), false);
    assert.equal(await b.run(() => document.querySelector('[data-guides-scope-selector]').getAttribute('dir')), 'rtl');
    assert.equal(await b.run(() => getComputedStyle(document.querySelector('.guides-scope-selector__row')).direction), 'rtl');
    // The box sits right of the label, as an Arabic reader expects.
    assert.equal(await b.run(() => {
      const row = document.querySelector('.guides-scope-selector__row');
      return row.querySelector('input').getBoundingClientRect().left > row.querySelector('.guides-scope-selector__action-label').getBoundingClientRect().left;
    }), true);
    const digits = await b.run(() => new Intl.NumberFormat('ar', { useGrouping: false }).format(137));
    // 137 takes the "many" form of Arabic ("إجراءً").
    assert.equal(await w.status(), `المحدد: ${await b.run(() => new Intl.NumberFormat('ar').format(1))} من ${digits} إجراءً`);
    // The separator named in the link is isolated inside the Arabic sentence.
    assert.equal(await w.notices(), 'فاصل غير معروف "\u2068%ZZ\u2069" في الرابط؛ تُستخدم المسافة');
    // …and reads left to right there: its "%" drawn left of its "Z" (unisolated, the "%" would
    // follow the Arabic to the right).
    assert.equal(await b.run((selector) => {
      const node = document.querySelector(selector).firstChild;
      const at = node.textContent.indexOf('%');
      const left = (offset) => {
        const range = document.createRange();
        range.setStart(node, offset);
        range.setEnd(node, offset + 1);
        return range.getBoundingClientRect().left;
      };
      return left(at) < left(at + 1);
    }, w.at('.guides-scope-selector__notices')), true);
    mkdirSync('test-results', { recursive: true });
    writeFileSync(`test-results/arabic-${b.name}.png`, Buffer.from(await b.command('GET', '/screenshot'), 'base64'));
  },

  "a page's own words for one text, and what it leaves out": async (b, { plain }) => {
    const strings = {
      'copy.copied': 'Done <img src=x onerror="window.__pwned=1">',
      'status.selected': { one: '{chosen} of {count} picked', other: '{chosen} of {count} picked' },
      'no.such.key': 'x',
      'copy.nothing': { one: 'a', other: 'b' },
      'panel.search': 'Find {nothing}',
      'key.missing': { few: 'x', other: 'y' },
    };
    await b.open(plain.page('/own-words.html', demoIn('en', `data-guide-strings="${attribute(JSON.stringify(strings))}"`)));
    const w = panel(b);
    assert.equal(await w.status(), '0 of 137 picked');
    assert.deepEqual(await fetchedWords(b), ['/dist/locales/en.js'], 'an English page fetches its words, no other language');
    await w.check('ashby_list_jobs');
    await w.click('[data-guide-copy-scopes]');
    assert.equal(await copyFeedback(b, w.at('[data-guide-copy-scopes]')), strings['copy.copied'], 'shown as text');
    assert.equal(await b.run(() => window.__pwned ?? null), null);
    assert.equal(await b.run(read.count, '.guides-scope-selector__live img, [data-guides-scope-selector] img'), 0);
    const left = (await warnings(b)).filter((text) => text.startsWith('scope-selector: data-guide-strings:'));
    assert.equal(left.length, 1, left.join('\n'));
    assert.equal(left[0], 'scope-selector: data-guide-strings: left out 4 entries: "no.such.key": unknown key; "copy.nothing": not a string; "panel.search": unknown placeholder {nothing}; "key.missing": not a string');
  },

  'an English page fetches its words and no other language over the whole journey': async (b, { plain }) => {
    await b.open(`${plain.url}flat.html`);
    const w = panel(b);
    await w.search('offer');
    await b.click(`${w.root} .guides-scope-selector__row:not([hidden]) input`);
    await b.fill('[data-guide-key-check]', 'jobsRead');
    await b.click('.guides-scope-selector__preset');
    await w.click('[data-guide-copy-scopes]');
    await copyFeedback(b, w.at('[data-guide-copy-scopes]'));
    assert.deepEqual(await fetchedWords(b), ['/dist/locales/en.js']);
  },

  'bad words and languages leave the panel in English, saying what was skipped': async (b, { plain }) => {
    for (const [name, html, warning] of [
      ['words that are not JSON', demoIn('en', 'data-guide-strings="{nope"'), /^scope-selector: data-guide-strings is not JSON \(.+\); it is left out$/],
      ['words that are not an object', demoIn('en', 'data-guide-strings="[1]"'), /^scope-selector: data-guide-strings must be an object of keys and words; it is left out$/],
      ['a megabyte of words', demoIn('en', `data-guide-strings="${attribute(JSON.stringify(Object.fromEntries(Array.from({ length: 40_000 }, (_, at) => [`key.${at}`, 'x'.repeat(20)]))))}"`),
        /^scope-selector: data-guide-strings: left out 40000 entries: "key\.0": unknown key; .*; and 39990 more$/],
      ['a language that is not a tag', demoIn('not a tag'), /^scope-selector: the page's language "not a tag" is not a language tag; the panel speaks English$/],
    ]) {
      await b.open(plain.page(`/bad-words-${name.replace(/\W+/g, '-')}.html`, html));
      assert.equal(await panel(b).status(), '0 of 137 actions selected', name);
      const said = (await warnings(b)).filter((text) => warning.test(text));
      assert.equal(said.length, 1, `${name}: ${JSON.stringify(await warnings(b))}`);
      await assertNoErrors(b);
    }
  },

  'a translation that cannot load leaves the panel in English, with one warning': async (b) => {
    const site = await startSite({ pages: [['/dist/locales/de.js', null]] });
    try {
      await b.open(site.page('/de.html', demoIn('de')));
      assert.equal(await panel(b).status(), '0 of 137 actions selected');
      const said = (await warnings(b)).filter((text) => text.startsWith('scope-selector: could not load the de words; the panel speaks English'));
      assert.equal(said.length, 1);
      await assertNoErrors(b);
    } finally {
      site.close();
    }
  },
};
