// The copy buttons of scope-selector's panels, loaded by the shell on the first click of one (no
// page needs it before): the clipboard, a manual-copy fallback, and the feedback on the button and
// in the page's polite live region.
import { COPY, COPY_FEEDBACK, COPY_URL, EXPORT_MARKDOWN, ROOT, SCOPES_OUTPUT, URL_FIELD } from './contract.generated.js';

/** @typedef {import('./messages.js').Words} Words */

const FEEDBACK_MS = 1600;

/** @param {string} text */
function copyWithSelection(text) {
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'guides-scope-selector__offscreen';
  document.body.append(area);
  area.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    // Blocked as well: the caller shows the manual-copy hint.
  }
  area.remove();
  return copied;
}

/** @param {string} text */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithSelection(text);
  }
}

/** @param {Element} source */
function selectForManualCopy(source) {
  if (source instanceof HTMLInputElement || source instanceof HTMLTextAreaElement) return source.select();
  getSelection()?.selectAllChildren(source);
}

/** The feedback timer of each button. @type {WeakMap<Element, ReturnType<typeof setTimeout>>} */
const timers = new WeakMap();

/** @param {Element} button @param {Element} live @param {string} message */
function feedback(button, live, message) {
  clearTimeout(timers.get(button));
  button.setAttribute(COPY_FEEDBACK, message);
  live.textContent = message;
  timers.set(button, setTimeout(() => button.removeAttribute(COPY_FEEDBACK), FEEDBACK_MS));
}

/**
 * Copies what `button` stands for and says how it went, on the button and in `live`, in `words`.
 * @param {Element} button @param {Element} live @param {Words} words
 */
export async function copyFor(button, live, words) {
  // A per-scope button copies its own data-copy (its label is selected if copying is blocked),
  // the Markdown export the checklist the extras wrote into its attribute on this click (nothing
  // on the page shows it to select); the panel buttons copy the URL field or the scopes output.
  const checklist = button.getAttribute(EXPORT_MARKDOWN);
  const own = button.getAttribute(COPY) ?? checklist;
  const source = own !== null
    ? button.querySelector('span') ?? button
    : button.closest(`[${ROOT}]`)?.querySelector(`[${button.hasAttribute(COPY_URL) ? URL_FIELD : SCOPES_OUTPUT}]`);
  if (!source) return;
  const text = own ?? (source instanceof HTMLInputElement ? source.value : source.textContent);
  const say = (/** @type {string} */ code) => feedback(button, live, words({ code }));
  if (!text) return say('copy.nothing');
  if (await copyText(text)) return say('copy.copied');
  if (checklist !== null) return say('copy.blockedNoSelection');
  selectForManualCopy(source);
  say('copy.blocked');
}
