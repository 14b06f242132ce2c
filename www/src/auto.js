// scope-selector's auto-mount (the one-tag embed): mounts every panel of the page once it is
// parsed, then keeps watching, so panels that appear later (client-side navigation) are mounted
// and the widgets of panels that go away are destroyed. Where there is no document (Node, a server
// renderer) it does nothing.
import { mountAll } from './index.js';
import { ROOT } from './contract.generated.js';

/** Adds the stylesheet next to this module, unless the page has it (a link, or a bundler's import). */
function addStylesheet() {
  if (document.querySelector('link[data-scope-selector-css]')) return;
  if (getComputedStyle(document.documentElement).getPropertyValue('--ss-stylesheet')) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./style.css', import.meta.url).href;
  link.dataset.scopeSelectorCss = '';
  document.head.append(link);
}

const parsed = () => document.readyState === 'loading'
  ? new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }))
  : Promise.resolve();

/**
 * React sites (Docusaurus, Next.js and so Mintlify) render the page on the server and hydrate it in
 * the browser; a panel changed before React has taken it over makes React discard the page
 * (error #418). On such a page, wait until React has hydrated the panels (it marks the elements it
 * hydrated) or, at the latest, until the page has loaded and gone idle.
 */
async function afterHydration() {
  if (!document.querySelector('#__next, #__docusaurus, [data-reactroot], script[src*="/_next/"]')) return;
  const hydrated = (root) => Object.keys(root).some((key) => key.startsWith('__reactFiber$'));
  const settled = new Promise((done) => {
    const idle = () => (globalThis.requestIdleCallback ?? setTimeout)(done);
    if (document.readyState === 'complete') idle();
    else addEventListener('load', idle, { once: true });
  });
  let waited = false;
  settled.then(() => { waited = true; });
  while (!waited && ![...document.querySelectorAll(ROOT)].every(hydrated)) {
    await new Promise((done) => setTimeout(done, 25));
  }
}

/** Mounts again whenever panel roots are added or removed outside a panel (never for a widget's own rows). */
function watch() {
  const holdsRoot = (node) => node.nodeType === 1 && (node.matches(ROOT) || node.querySelector(ROOT));
  new MutationObserver((records) => {
    const changed = records.some((record) => !record.target.closest?.(ROOT)
      && ([...record.addedNodes].some(holdsRoot) || [...record.removedNodes].some(holdsRoot)));
    if (changed) mountAll(document);
  }).observe(document.documentElement, { childList: true, subtree: true });
}

/** The widgets mounted when the page was loaded (none where there is no document). */
export const ready = typeof document === 'undefined' ? Promise.resolve([]) : (async () => {
  addStylesheet();
  await parsed();
  await afterHydration();
  const widgets = await mountAll(document);
  watch();
  return widgets;
})();
