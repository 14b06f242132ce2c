// The panel's extras, drawn from the view model: preset buttons (pressed while the choice is
// theirs), the report on a key the reader pasted, and the two exports (the Markdown checklist,
// kept in the copy button's attribute for the copy code; the choice as a JSON download).
import { EXPORT_JSON, EXPORT_MARKDOWN, KEY_CHECK, KEY_REPORT, LOADING, PRESET_LIST } from '../contract.generated.js';

/** @typedef {import('../messages.js').Message} Message */
/** @typedef {import('../messages.js').Words} Words */
/**
 * @typedef {[name: string, display: string | null]} ScopeData
 * @typedef {{ summary: Message, missing: ScopeData[], unneeded: ScopeData[], unknown: string[], runnable: Message, choose: Message | null }} KeyData
 */

/** Marks an element the widget added to the page (removed when it goes, or when a cached copy of the page is mounted again). */
export const ADDED = 'data-guide-added';
/** Marks the report's button that chooses what the key can run. */
export const CHOOSE_RUNNABLE = 'data-guide-choose-runnable';

/**
 * A new element of the widget's: a class, text, marked as added.
 * @param {string} tag @param {string} className @param {string} [text]
 */
export function added(tag, className, text) {
  const element = document.createElement(tag);
  element.className = className;
  element.setAttribute(ADDED, '');
  if (text !== undefined) element.textContent = text;
  return element;
}

/** The extras of one panel. */
export class Extras {
  /**
   * @param {Element} root
   * @param {string[]} presets the presets' labels
   * @param {Words} words
   */
  constructor(root, presets, words) {
    this.words = words;
    /** @type {HTMLButtonElement[]} */
    this.presets = [];
    if (presets.length) {
      let group = root.querySelector(`[${PRESET_LIST}]`);
      if (!group) {
        group = added('div', 'guides-scope-selector__presets');
        const list = root.querySelector(`[${LOADING}]`)?.parentElement;
        if (list && root.contains(list)) list.before(group);
        else root.append(group);
      }
      if (!group.hasAttribute('role')) {
        group.setAttribute('role', 'group');
        group.setAttribute('aria-label', words({ code: 'panel.presets' }));
      }
      for (const label of presets) {
        const button = /** @type {HTMLButtonElement} */ (added('button', 'guides-scope-selector__quick-btn guides-scope-selector__preset', label));
        button.type = 'button';
        button.setAttribute('aria-pressed', 'false');
        group.append(button);
        this.presets.push(button);
      }
    }
    /** @type {HTMLTextAreaElement | HTMLInputElement | null} */
    this.keyField = root.querySelector(`[${KEY_CHECK}]`);
    /** @type {{ place: Element, summary: Element, details: Element } | null} */
    this.report = null;
    if (this.keyField) {
      let place = root.querySelector(`[${KEY_REPORT}]`);
      if (!place) {
        place = added('div', 'guides-scope-selector__key-report');
        this.keyField.after(place);
      }
      // A summary line that stays in place (a live region announces changes of its text, not a
      // region that appears with one), and the lists below it, rewritten.
      const summary = added('p', 'guides-scope-selector__key-summary');
      summary.setAttribute('role', 'status');
      const details = added('div', '');
      place.append(summary, details);
      place.toggleAttribute('hidden', true);
      this.report = { place, summary, details };
    }
    // The controls the markup disabled until the widget runs.
    for (const control of root.querySelectorAll(`[${KEY_CHECK}],[${EXPORT_MARKDOWN}],[${EXPORT_JSON}]`)) control.removeAttribute('disabled');
  }

  /** @param {boolean[]} pressed */
  pressPresets(pressed) {
    this.presets.forEach((button, at) => button.setAttribute('aria-pressed', String(pressed[at] === true)));
  }

  /** @param {KeyData | null} key */
  showKey(key) {
    const report = this.report;
    if (!report) return;
    if (!key) {
      report.summary.textContent = '';
      report.details.replaceChildren();
      report.place.toggleAttribute('hidden', true);
      return;
    }
    const { words } = this;
    report.summary.textContent = words(key.summary);
    /** @param {string} heading @param {Node[]} items */
    const section = (heading, items) => {
      const element = added('div', 'guides-scope-selector__key-section');
      const list = added('ul', 'guides-scope-selector__key-scopes');
      list.append(...items);
      element.append(added('div', 'guides-scope-selector__muted', words({ code: heading })), list);
      return element;
    };
    /** @param {ScopeData[]} scopes */
    const scopeItems = (scopes) => scopes.map(([name, display]) => {
      const item = added('li', '');
      if (display !== null) item.append(added('span', '', `${display} `));
      item.append(added('code', '', name));
      return item;
    });
    /** @type {Element[]} */
    const parts = [];
    if (key.missing.length) parts.push(section('key.missing', scopeItems(key.missing)));
    if (key.unneeded.length) parts.push(section('key.unneeded', scopeItems(key.unneeded)));
    if (key.unknown.length) parts.push(section('key.unknown', key.unknown.map((text) => added('li', '', text))));
    const line = added('p', 'guides-scope-selector__key-runnable');
    line.append(added('span', '', `${words(key.runnable)} `));
    if (key.choose) {
      const button = /** @type {HTMLButtonElement} */ (added('button', 'guides-scope-selector__quick-btn', words(key.choose)));
      button.type = 'button';
      button.setAttribute(CHOOSE_RUNNABLE, '');
      line.append(button);
    }
    parts.push(line);
    report.details.replaceChildren(...parts);
    report.place.toggleAttribute('hidden', false);
  }
}

/** The file name of the downloaded choice. */
const DOWNLOAD_NAME = 'scope-selector-choice.json';
/** @type {string | undefined} */
let downloadUrl;

/** Downloads `json` as a file (the address of the previous download is freed now: some browsers read the file after the click returns). @param {string} json */
export function download(json) {
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = downloadUrl;
  link.download = DOWNLOAD_NAME;
  link.click();
}
