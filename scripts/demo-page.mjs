// A demo page of www/ with another action table in it (for the benchmark and the e2e tests).
import { readFileSync } from 'node:fs';

const escapeAttribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A demo page of www/ as a flat list: without the root's `data-guide-group-by` (the Ashby demo
 * groups its list by module; the tests of the flat list and the benchmark's tables use it flat,
 * and a table that gives its actions a `group` is grouped anyway).
 */
export function flatPage(file) {
  return readFileSync(new URL(`../www/${file}`, import.meta.url), 'utf8').replace(/ data-guide-group-by="[^"]*"/g, '');
}

/** The markup of a demo page, flat, with its (first) table attribute replaced by `tableText`. */
export function pageWithTable(file, tableText) {
  return flatPage(file).replace(/data-guide-actions-json="[^"]*"/, () => `data-guide-actions-json="${escapeAttribute(tableText)}"`);
}

/**
 * The same page without the panel's extras (presets, display names, key check, exports), so the
 * widget is measured or tested alone, as on a page written like the seed.
 */
export function withoutExtras(html) {
  const stripped = html
    .replace(/ data-guide-(presets|scope-labels)="[^"]*"/g, '')
    .replace(/ data-guide-(key-check|export-markdown|export-json)\b/g, '');
  if (/data-guide-(presets|key-check|export-)/.test(stripped)) throw new Error('an extras attribute was left on the page');
  return stripped;
}
