// Messages in words: the engine reports every problem, notice and count as a code with named
// arguments; this module formats them from a catalogue (crates/core/locales/, the files the CLI
// uses too), with the plural rules and number formats of the page's language. It also picks the
// built-in translation a page's language asks for, and reads a page's own words for some texts
// (`data-guide-strings`, the `strings` option), leaving out, with one console warning, what the
// catalogue cannot take (docs/translations.md).
import { english, isProblem, problems as englishProblems } from './catalogue.generated.js';

/** @typedef {Record<string, string | Record<string, string>>} Catalogue */

/**
 * @typedef {{ code: string, args?: Record<string, number | string | Message> }} Message
 * @typedef {(message: Message) => string} Words
 * @typedef {{ default: Catalogue, problems: () => Promise<{ default: Catalogue }> }} Translation
 */

/** The built-in translations, by file name, each its own module (a bundler splits them out). */
/** @type {Record<string, () => Promise<Translation>>} */
const TRANSLATIONS = {
  ar: () => import('./locales/ar.js'),
  de: () => import('./locales/de.js'),
  es: () => import('./locales/es.js'),
  fr: () => import('./locales/fr.js'),
  it: () => import('./locales/it.js'),
  ja: () => import('./locales/ja.js'),
  ko: () => import('./locales/ko.js'),
  nl: () => import('./locales/nl.js'),
  pl: () => import('./locales/pl.js'),
  'pt-BR': () => import('./locales/pt-BR.js'),
  'zh-CN': () => import('./locales/zh-CN.js'),
};

/** Tags truncation would send elsewhere: to a file, or to English (''). As the core's `language`. */
/** @type {Record<string, string>} */
const ALIASES = { pt: 'pt-BR', zh: 'zh-CN', 'zh-hans': 'zh-CN', 'zh-sg': 'zh-CN', 'zh-hant': '', 'zh-tw': '', 'zh-hk': '', 'zh-mo': '' };

/** Languages written right to left, by their first subtag. */
const RIGHT_TO_LEFT = /^(ar|ckb|dv|fa|he|ps|sd|ug|ur|yi)(-|$)/i;

/**
 * The built-in catalogue a BCP 47 tag picks (its file name; 'en' when none matches), or null
 * when `tag` is not a language tag: case-insensitively, truncated subtag by subtag, with aliases
 * (the core's `language::resolve`, tested on the same cases).
 * @param {string} tag
 * @returns {string | null}
 */
export function pickLanguage(tag) {
  if (!/^[a-z]{2,8}(-[a-z\d]{1,8})*$/i.test(tag)) return null;
  for (let candidate = tag.toLowerCase(); ; candidate = candidate.slice(0, candidate.lastIndexOf('-'))) {
    if (Object.hasOwn(ALIASES, candidate)) return ALIASES[candidate] || 'en';
    const file = Object.keys(TRANSLATIONS).find((name) => name.toLowerCase() === candidate);
    if (file) return file;
    if (!candidate.includes('-')) return 'en';
  }
}

/**
 * The language of `element`'s page part: the tag of its closest `lang` (else English), the
 * built-in catalogue it picks, and whether it is written right to left. A tag that is not a
 * language tag gives English, with a console warning.
 * @param {Element} element
 */
export function languageOf(element) {
  const tag = element.closest('[lang]')?.getAttribute('lang')?.trim() || 'en';
  const name = pickLanguage(tag);
  if (name === null) console.warn(`scope-selector: the page's language "${tag}" is not a language tag; the panel speaks English`);
  return { tag: name === null ? 'en' : tag, name: name ?? 'en', rtl: name !== null && RIGHT_TO_LEFT.test(tag) };
}

/**
 * The words of a panel in built-in language `name`: its translation's, fetched (none for
 * English); English, with one console warning, when the file cannot load. `problems()` adds the
 * words of a table's problems, fetched once.
 * @param {string} name
 */
export async function catalogueFor(name) {
  const load = TRANSLATIONS[name];
  /** @type {Translation | null} */
  let translation = null;
  if (load) {
    try {
      translation = await load();
    } catch (error) {
      console.warn(`scope-selector: could not load the ${name} words; the panel speaks English`, error);
    }
  }
  /** @type {Catalogue} */
  const words = { ...translation?.default };
  /** @type {Promise<void> | undefined} */
  let problems;
  return {
    words,
    /** Adds the words of a table's problems, once (English where the language's cannot load). */
    problems: () => (problems ??= (translation ? translation.problems().catch(englishProblems) : englishProblems())
      .then((module) => { for (const [code, entry] of Object.entries(module.default)) words[code] ??= entry; }, () => {})),
  };
}

/** The `{name}` placeholders of a catalogue entry (every form of a plural one). @param {string | Record<string, string>} entry */
const placeholders = (entry) => new Set(Object.values(typeof entry === 'string' ? { entry } : entry).flatMap((text) => [...String(text).matchAll(/\{(\w+)\}/g)].map((match) => match[1])));

/**
 * Why the catalogue cannot take `words` for `key`, or '': `known` holds the English words of
 * every key, `categories` the plural categories of the page's language.
 * @param {string} key @param {unknown} words @param {Catalogue} known @param {string[]} categories
 */
function fault(key, words, known, categories) {
  const english = Object.hasOwn(known, key) ? known[key] : undefined;
  if (english === undefined) return 'unknown key';
  if (typeof words !== 'string') {
    if (typeof english === 'string' || words === null || typeof words !== 'object' || Array.isArray(words)) {
      return `not a string${typeof english === 'string' ? '' : ' or plural forms'}`;
    }
    if (Object.entries(words).some(([category, text]) => !categories.includes(category) || typeof text !== 'string')) {
      return `plural forms must be strings for ${categories.join(', ')}`;
    }
  }
  const allowed = placeholders(english);
  const extra = [...placeholders(/** @type {string | Record<string, string>} */ (words))].filter((name) => !allowed.has(name));
  return extra.length ? `unknown placeholder {${extra[0]}}` : '';
}

/**
 * A page's own words (`strings`: JSON text, or an object) as an object of entries, or null, with
 * a console warning from `source`, when they are not one.
 * @param {unknown} strings @param {string} source
 * @returns {Record<string, unknown> | null}
 */
export function parseStrings(strings, source) {
  let value = strings;
  try {
    if (typeof strings === 'string') value = JSON.parse(strings);
  } catch (error) {
    console.warn(`scope-selector: ${source} is not JSON (${/** @type {Error} */ (error).message}); it is left out`);
    return null;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return /** @type {Record<string, unknown>} */ (value);
  console.warn(`scope-selector: ${source} must be an object of keys and words; it is left out`);
  return null;
}

export { isProblem };

/**
 * The entries of a page's own words (`entries`, from `parseStrings`) the catalogue can take in
 * language `tag`: a key of `known` (the English words), words for it (plural forms as an object,
 * of the language's categories), with only the placeholders of its English words. What is left
 * out is named in one console warning, from `source`.
 * @param {Record<string, unknown>} entries @param {string} tag @param {string} source @param {Catalogue} known
 * @returns {Catalogue}
 */
export function takeStrings(entries, tag, source, known) {
  /** @type {Catalogue} */
  const taken = {};
  /** @type {string[]} */
  const skipped = [];
  const categories = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
  for (const [key, words] of Object.entries(entries)) {
    const problem = fault(key, words, known, categories);
    if (problem) skipped.push(`"${key.slice(0, 80)}": ${problem}`);
    else taken[key] = /** @type {string | Record<string, string>} */ (words);
  }
  if (skipped.length) {
    const more = skipped.length > 10 ? `; and ${skipped.length - 10} more` : '';
    console.warn(`scope-selector: ${source}: left out ${skipped.length === 1 ? 'an entry' : `${skipped.length} entries`}: ${skipped.slice(0, 10).join('; ')}${more}`);
  }
  return taken;
}

/**
 * The `words` function of a catalogue for language `tag`: a message's entry (else the English
 * one), its plural form chosen by its `count` argument, with every `{name}` placeholder replaced
 * (numbers formatted for the language, nested messages in words). On a right-to-left page, text
 * put into the words (scope names, ids, URLs) is isolated, so it keeps its own direction. An
 * unknown code is written as itself.
 * @param {Catalogue} catalogue
 * @param {string} tag
 * @param {boolean} [rtl]
 * @returns {Words}
 */
export function wordsFor(catalogue, tag, rtl = false) {
  const plurals = new Intl.PluralRules(tag);
  // Digits of the language, without grouping: counts, positions and limits read as the engine
  // wrote them ("8192 characters", "action at index 1234").
  const numbers = new Intl.NumberFormat(tag, { useGrouping: false });
  /** @type {Words} */
  const words = ({ code, args = {} }) => {
    const entry = catalogue[code] ?? english[code] ?? code;
    const count = args.count;
    const template = typeof entry === 'string' ? entry : entry[typeof count === 'number' ? plurals.select(count) : 'other'] ?? entry.other;
    return template.replace(/\{(\w+)\}/g, (whole, name) => {
      const value = args[name];
      if (value === undefined) return whole;
      if (typeof value === 'number') return numbers.format(value);
      if (typeof value !== 'string') return words(value);
      return rtl ? `\u2068${value}\u2069` : value;
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
