// The renderer's side of the languages: a page's tag picks the same built-in catalogue as the
// core's rule (crates/core/tests/languages.json, which the core's test reads too), and the plural
// categories the core's table gives each built-in language are those of `Intl.PluralRules` (the
// categories the widget selects from, and `scope-selector check` accepts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pickLanguage } from '../www/messages.js';

const cases = JSON.parse(readFileSync(new URL('../crates/core/tests/languages.json', import.meta.url), 'utf8'));

test('a page language picks the catalogue the core picks', () => {
  for (const [tag, expected] of cases) assert.equal(pickLanguage(tag), expected, JSON.stringify(tag));
});

test("the core's plural categories are the engines' (Intl.PluralRules)", () => {
  const source = readFileSync(new URL('../crates/core/src/language.rs', import.meta.url), 'utf8');
  const table = [...source.matchAll(/\("([\w-]+)", &\[([^\]]*)\]\)/g)].map(([, lang, list]) => [lang, list.match(/"\w+"/g).map((name) => name.slice(1, -1))]);
  assert.equal(table.length, 12);
  for (const [lang, categories] of table) {
    assert.deepEqual([...categories].sort(), [...new Intl.PluralRules(lang).resolvedOptions().pluralCategories].sort(), lang);
  }
});

test('docs/translations.md lists every key of the catalogue', () => {
  const doc = readFileSync(new URL('../docs/translations.md', import.meta.url), 'utf8');
  const english = JSON.parse(readFileSync(new URL('../crates/core/locales/en.json', import.meta.url), 'utf8'));
  const missing = Object.keys(english).filter((key) => !doc.includes(`| \`${key}\` |`));
  assert.deepEqual(missing, []);
});
