// Messages in words: the engine reports every problem, notice and count as a code with named
// arguments; this module formats them from the catalogue (crates/core/locales/en.json, the one
// the CLI uses too), with the plural rules and number formats of the page's language. The words
// only the helpers use (the panel markup's and the guide URL builder's) are apart
// (catalogue.generated.js), out of the widget's bundle.
import { english } from './catalogue.generated.js';

/** @typedef {Record<string, string | Record<string, string>>} Catalogue */

/**
 * @typedef {{ code: string, args?: Record<string, number | string | Message> }} Message
 * @typedef {(message: Message) => string} Words
 */

/**
 * The `words` function of a catalogue for language `lang`: a message's entry, its plural form
 * chosen by its `count` argument, with every `{name}` placeholder replaced (numbers formatted for
 * the language, nested messages in words). An unknown code is written as itself.
 * @param {Catalogue} catalogue
 * @param {string} lang
 * @returns {Words}
 */
export function wordsFor(catalogue, lang) {
  const plurals = new Intl.PluralRules(lang);
  // Digits of the language, without grouping: counts, positions and limits read as the engine
  // wrote them ("8192 characters", "action at index 1234").
  const numbers = new Intl.NumberFormat(lang, { useGrouping: false });
  /** @type {Words} */
  const words = ({ code, args = {} }) => {
    const entry = catalogue[code] ?? english[code] ?? code;
    const count = args.count;
    const template = typeof entry === 'string' ? entry : entry[typeof count === 'number' ? plurals.select(count) : 'other'] ?? entry.other;
    return template.replace(/\{(\w+)\}/g, (whole, name) => {
      const value = args[name];
      if (value === undefined) return whole;
      if (typeof value === 'number') return numbers.format(value);
      return typeof value === 'string' ? value : words(value);
    });
  };
  return words;
}

/** English, as the widget writes it. */
export const words = wordsFor(english, 'en');

/**
 * A message the engine threw (its JSON), in words; anything else thrown, as its own message.
 * @param {unknown} thrown
 * @param {Words} inWords
 */
export function thrownWords(thrown, inWords = words) {
  if (typeof thrown === 'string') {
    try {
      return inWords(JSON.parse(thrown));
    } catch {
      return thrown;
    }
  }
  return thrown instanceof Error ? thrown.message : String(thrown);
}
