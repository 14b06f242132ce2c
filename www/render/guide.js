// The guide elements a panel controls: sections and steps shown or hidden, scope items shown for
// the chosen scopes, badges listing the chosen actions their scopes enable; all as the engine's
// view says. Each element's markup state is remembered in the element itself (an attribute set the
// first time the widget changes it), so a panel put back from a page cache (htmx, Turbo), whose
// guide an earlier widget changed, is restored to its markup all the same.
import { BADGE, BADGE_LABELS, BADGE_SCOPES, DISPLAY_SCOPE, GUIDE_ELEMENTS, ROOT, SCOPES } from '../contract.generated.js';

/** Set on a guide element the widget changed: "hidden" if its markup hid it, else "". */
export const ORIGINAL_HIDDEN = 'data-guide-original-hidden';
/** Set on a badge's labels element the widget changed: the author's text. */
const ORIGINAL_TEXT = 'data-guide-original-text';
/** Set on a badge the widget made focusable (a badge of many labels scrolls). */
const MADE_FOCUSABLE = 'data-guide-made-focusable';

/**
 * @typedef {[element: number, hidden: boolean, badge: string | null]} GuideData
 * @typedef {[rootsBefore: number, kind: 0 | 1 | 2, attribute: string | null, enclosing?: string | null]} GuideInput
 */

/**
 * Every guide element of the page in document order, as the engine reads them: how many panel
 * roots come before it, its kind and its scopes; and the roots' keys.
 * @param {Element} root the root being mounted
 * @param {string | undefined} key its key option
 */
export function readPage(root, key) {
  /** @type {string[]} */
  const roots = [];
  /** @type {Element[]} */
  const elements = [];
  /** @type {GuideInput[]} */
  const guide = [];
  let at = -1;
  for (const element of document.querySelectorAll(GUIDE_ELEMENTS)) {
    if (element.hasAttribute(ROOT)) {
      if (element === root) at = roots.length;
      roots.push(element === root && key !== undefined ? key : element.getAttribute(ROOT) ?? '');
    } else {
      elements.push(element);
      if (element.hasAttribute(BADGE)) {
        guide.push([roots.length, 2, element.getAttribute(BADGE_SCOPES), element.closest(`[${SCOPES}]`)?.getAttribute(SCOPES) ?? null]);
      } else if (element.hasAttribute(DISPLAY_SCOPE)) {
        guide.push([roots.length, 1, element.getAttribute(DISPLAY_SCOPE) ?? '']);
      } else {
        guide.push([roots.length, 0, element.getAttribute(SCOPES) ?? '']);
      }
    }
  }
  return { roots, at, elements, guide };
}

/**
 * Hides or shows an element the widget changes, remembering the markup's state the first time.
 * @param {Element} element @param {boolean} hidden
 */
export function setHidden(element, hidden) {
  if (!element.hasAttribute(ORIGINAL_HIDDEN)) element.setAttribute(ORIGINAL_HIDDEN, element.hasAttribute('hidden') ? 'hidden' : '');
  element.toggleAttribute('hidden', hidden);
}

/** The guide elements of one panel. */
export class Guide {
  /** @param {Element[]} elements the page's guide elements @param {number[]} controlled those of this panel */
  constructor(elements, controlled) {
    this.elements = controlled.map((at) => elements[at]);
    /** @type {Map<number, Element>} by position in the page's list */
    this.byPosition = new Map(controlled.map((at) => [at, elements[at]]));
    for (const element of this.elements) {
      // As its markup has it, though an earlier widget (a page cache put its page back) changed it.
      restore(element);
      if (element.hasAttribute(BADGE) && !element.hasAttribute('tabindex')) {
        element.setAttribute('tabindex', '0');
        element.setAttribute(MADE_FOCUSABLE, '');
      }
    }
  }

  /** @param {GuideData[]} data */
  apply(data) {
    for (const [position, hidden, badge] of data) {
      const element = this.byPosition.get(position);
      if (!element) continue;
      if (element.hasAttribute('hidden') !== hidden) setHidden(element, hidden);
      const labels = element.hasAttribute(BADGE) ? element.querySelector(`[${BADGE_LABELS}]`) : null;
      if (!labels) continue;
      if (!labels.hasAttribute(ORIGINAL_TEXT)) labels.setAttribute(ORIGINAL_TEXT, labels.textContent ?? '');
      const text = badge ?? labels.getAttribute(ORIGINAL_TEXT) ?? '';
      if (labels.textContent !== text) labels.textContent = text;
    }
  }

  /** Puts every element back as the markup had it. */
  restore() {
    for (const element of this.elements) restore(element);
  }
}

/** Puts one guide element back as its markup had it (also one an earlier widget changed). @param {Element} element */
export function restore(element) {
  const hidden = element.getAttribute(ORIGINAL_HIDDEN);
  if (hidden !== null) {
    element.toggleAttribute('hidden', hidden === 'hidden');
    element.removeAttribute(ORIGINAL_HIDDEN);
  }
  if (element.hasAttribute(MADE_FOCUSABLE)) {
    element.removeAttribute('tabindex');
    element.removeAttribute(MADE_FOCUSABLE);
  }
  const labels = element.querySelector(`[${ORIGINAL_TEXT}]`);
  if (labels) {
    labels.textContent = labels.getAttribute(ORIGINAL_TEXT);
    labels.removeAttribute(ORIGINAL_TEXT);
  }
}
