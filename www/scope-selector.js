// scope-selector: the thin JS shell. It loads the wasm module (its glue is bundled into this
// file), mounts every widget root, wires the copy buttons (their code, copy.js, loads on the first
// click), and shows in the panel why a widget cannot start (for a table the module rejects, and
// for a module that cannot load: one function for both).
// All selection, search and guide logic lives in Rust; the attribute names come from the core
// (contract.generated.js is written by scripts/build.sh from crates/core/src/contract.rs).
import { COPY_BUTTONS, DISABLED_ON_FAILURE, LOADING, ROOT, STATE } from './contract.generated.js';
import init, { mountPage } from './dist/pkg/scope_selector.js';

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
    // With `async` on the script tag, the download and compilation overlap the parsing of the
    // page; mounting waits until the page is parsed.
    await init({ module_or_path: fetch(new URL('./pkg/scope_selector_bg.wasm', import.meta.url)) });
    await parsed;
    return mountPage((root, message) => showFailure(root, message, 'failed'));
  } catch (error) {
    await parsed;
    for (const root of document.querySelectorAll(ROOT)) {
      if (!root.hasAttribute(STATE)) showFailure(root, UNAVAILABLE, 'unavailable');
    }
    console.error('scope-selector: could not load', error);
    return null;
  }
})();

// --- Copy buttons ----------------------------------------------------------------------------

// One polite live region, present before anything is announced (screen readers may miss a region
// that appears together with its message).
const live = Object.assign(document.createElement('div'), { className: 'guides-scope-selector__live guides-scope-selector__offscreen' });
live.setAttribute('role', 'status');
parsed.then(() => document.body.append(live));

document.addEventListener('click', (event) => {
  const button = event.target.closest?.(COPY_BUTTONS);
  if (!button) return;
  import('./copy.js').then((copy) => copy.copyFor(button, live), (error) => console.error('scope-selector: could not load the copy code', error));
});
