// scope-selector: the thin JS shell. It loads the wasm module, mounts every widget root, wires
// the copy buttons to the clipboard, and shows in the panel why a widget cannot start (for a
// table the module rejects, and for a module that cannot load: one function for both).
// All selection, search and guide logic lives in Rust; the attribute names come from the core
// (contract.generated.js is written by scripts/build.sh from crates/core/src/contract.rs).
import {
  COPY, COPY_BUTTONS, COPY_FEEDBACK, COPY_URL, DISABLED_ON_FAILURE, LOADING, ROOT, SCOPES_OUTPUT, STATE, URL_FIELD,
} from './contract.generated.js';

const FEEDBACK_MS = 1600;
const UNAVAILABLE = 'The action selector is unavailable in this browser right now. Every step of the guide below still applies.';

function addStylesheet() {
  if (document.querySelector('link[data-scope-selector-css]')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./scope-selector.css', import.meta.url).href;
  link.dataset.scopeSelectorCss = '';
  document.head.append(link);
}

/** Shows `message` in `root`'s alert, disables its controls and marks the root `state`. */
function showFailure(root, message, state) {
  const alert = document.createElement('div');
  alert.className = 'guides-scope-selector__error';
  alert.setAttribute('role', 'alert');
  alert.textContent = message;
  const loading = root.querySelector(LOADING);
  if (loading?.parentElement && root.contains(loading.parentElement)) loading.parentElement.before(alert);
  else root.prepend(alert);
  loading?.setAttribute('hidden', '');
  for (const control of root.querySelectorAll(DISABLED_ON_FAILURE)) control.setAttribute('disabled', '');
  root.setAttribute(STATE, state);
}

/** Settles once the document has been parsed (at once if it already has). */
const parsed = document.readyState === 'loading'
  ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
  : Promise.resolve();

/** Loads the module once and mounts every root; resolves to the mounted `Page`. */
export const ready = (async () => {
  addStylesheet();
  try {
    // Download and compile at once (the wasm while the glue loads). With `async` on the script
    // tag this overlaps the parsing of the page; mounting waits until the page is parsed.
    const bytes = fetch(new URL('./pkg/scope_selector_bg.wasm', import.meta.url));
    const wasm = await import('./pkg/scope_selector.js');
    await wasm.default({ module_or_path: bytes });
    await parsed;
    return wasm.mountPage((root, message) => showFailure(root, message, 'failed'));
  } catch (error) {
    await parsed;
    for (const root of document.querySelectorAll(ROOT)) {
      if (!root.hasAttribute(STATE)) showFailure(root, UNAVAILABLE, 'unavailable');
    }
    console.error('scope-selector: could not load', error);
    return null;
  }
})();

// --- Copy buttons ---------------------------------------------------------------------------

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

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return copyWithSelection(text);
  }
}

function selectForManualCopy(source) {
  if (source.select) return source.select();
  getSelection()?.selectAllChildren(source);
}

// One polite live region, present before anything is announced (screen readers may miss a region
// that appears together with its message).
const live = Object.assign(document.createElement('div'), { className: 'guides-scope-selector__live guides-scope-selector__offscreen' });
live.setAttribute('role', 'status');
parsed.then(() => document.body.append(live));

function feedback(button, message) {
  clearTimeout(button.scopeSelectorTimer);
  button.setAttribute(COPY_FEEDBACK, message);
  live.textContent = message;
  button.scopeSelectorTimer = setTimeout(() => button.removeAttribute(COPY_FEEDBACK), FEEDBACK_MS);
}

document.addEventListener('click', async (event) => {
  const button = event.target.closest?.(COPY_BUTTONS);
  if (!button) return;
  // A per-scope button copies its own data-copy (its label is selected if copying is blocked);
  // the panel buttons copy the URL field or the scopes output of their widget.
  const source = button.hasAttribute(COPY)
    ? button.querySelector('span') ?? button
    : button.closest(ROOT)?.querySelector(button.hasAttribute(COPY_URL) ? URL_FIELD : SCOPES_OUTPUT);
  if (!source) return;
  const text = button.getAttribute(COPY) ?? source.value ?? source.textContent;
  if (!text) return feedback(button, 'Nothing to copy yet');
  if (await copyText(text)) return feedback(button, 'Copied');
  selectForManualCopy(source);
  feedback(button, 'Copy blocked: press Ctrl+C (⌘C)');
});
