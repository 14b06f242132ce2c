// A page's own words for some of the panel's texts (`data-guide-strings`, the `mount` option
// `strings`), read and checked against the English words (docs/translations.md): what the
// catalogue cannot take is left out, with one console warning per source. Its own module, which
// the widget loads only for a page that has such words.
import { fallback, isProblem } from './catalogue.generated.js';
import { STRINGS } from './contract.generated.js';

/** @typedef {import('./messages.js').Catalogue} Catalogue */

/**
 * Every English key's words, the problems' too when `problems` (what a page's own words are
 * checked against).
 * @param {boolean} problems
 * @returns {Promise<Catalogue>}
 */
async function englishWords(problems) {
  return { ...(await import('./locales/en.js')).default, ...(problems ? (await import('./locales/problems/en.js')).default : {}), ...fallback };
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
function parseStrings(strings, source) {
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

/**
 * The entries of a page's own words (`entries`, from `parseStrings`) the catalogue can take in
 * language `tag`: a key of `known` (the English words), words for it (plural forms as an object,
 * of the language's categories), with only the placeholders of its English words. What is left
 * out is named in one console warning, from `source`.
 * @param {Record<string, unknown>} entries @param {string} tag @param {string} source @param {Catalogue} known
 * @returns {Catalogue}
 */
function takeStrings(entries, tag, source, known) {
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
 * The entries the catalogue takes from a root's `data-guide-strings` (`attribute`) and the
 * `strings` option (`option`, over the attribute's), for a panel in language `tag`.
 * @param {string | null} attribute @param {unknown} option @param {string} tag
 * @returns {Promise<Catalogue>}
 */
export async function ownWords(attribute, option, tag) {
  const own = /** @type {[Record<string, unknown>, string][]} */ ([
    [attribute == null ? null : parseStrings(attribute, STRINGS), STRINGS],
    [option == null ? null : parseStrings(option, 'options.strings'), 'options.strings'],
  ].filter(([entries]) => entries));
  /** @type {Catalogue} */
  const taken = {};
  if (own.length) {
    const known = await englishWords(own.some(([entries]) => Object.keys(entries).some(isProblem)));
    for (const [entries, source] of own) Object.assign(taken, takeStrings(entries, tag, source, known));
  }
  return taken;
}
