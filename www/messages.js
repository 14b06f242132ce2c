// Messages in words: the engine reports every problem, notice and count as a code with named
// arguments; this module formats them from a catalogue (crates/core/locales/, the files the CLI
// uses too), with the plural rules and number formats of the page's language. It also picks the
// built-in catalogue a page's language asks for and loads it (a page's own words for some texts
// are read by own-words.js, loaded when a page has some).
import { fallback, isProblem } from './catalogue.generated.js';

/** @typedef {Record<string, string | Record<string, string>>} Catalogue */

/**
 * @typedef {{ code: string, args?: Record<string, number | string | Message> }} Message
 * @typedef {(message: Message) => string} Words
 * @typedef {{ default: Catalogue, problems: () => Promise<{ default: Catalogue }> }} Translation
 */

/** The built-in languages, by file name, each its own module (a bundler splits them out). */
/** @type {Record<string, () => Promise<Translation>>} */
const TRANSLATIONS = {
  en: () => import('./locales/en.js'),
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
 * The words of a panel in built-in language `name`, fetched; English, with one console warning,
 * when the file cannot load. `problems()` adds the words of the problems a panel rarely meets,
 * fetched once.
 * @param {string} name
 */
export async function catalogueFor(name) {
  /** @type {Translation | null} */
  let translation = null;
  for (const file of name === 'en' ? ['en'] : [name, 'en']) {
    try {
      translation = await TRANSLATIONS[file]();
      break;
    } catch (error) {
      console.warn(`scope-selector: could not load the ${file} words${file === 'en' ? '' : '; the panel speaks English'}`, error);
    }
  }
  /** @type {Catalogue} */
  const words = { ...translation?.default };
  /** @type {Promise<void> | undefined} */
  let problems;
  return {
    words,
    /** Adds the words of the problems a panel rarely meets, once (English where the language's cannot load). */
    problems: () => (problems ??= (translation ? translation.problems().catch(englishProblems) : englishProblems())
      .then((module) => { for (const [code, entry] of Object.entries(module.default)) words[code] ??= entry; }, () => {})),
  };
}

/** Loads the English words of the problems a panel rarely meets. */
const englishProblems = () => import('./locales/problems/en.js');

export { isProblem };

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
    const entry = catalogue[code] ?? fallback[code] ?? code;
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

/** The English words the renderer holds itself (before a panel has its words). */
export const words = wordsFor(fallback, 'en');

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
