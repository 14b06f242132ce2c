// Panels that come and go after the page loaded (client-side navigation): loaded by the auto-mount
// script once the first widgets are interactive. A `MutationObserver` reacts only to panel roots
// added or removed, never to the widgets' own row updates.
import { ROOT } from './contract.generated.js';

const ROOT_SELECTOR = `[${ROOT}]`;

/** Whether a node added or removed is, or holds, a panel root. @param {Node} node */
const holdsRoot = (node) => node instanceof Element && (node.matches(ROOT_SELECTOR) || node.querySelector(ROOT_SELECTOR) !== null);

/**
 * From now on, destroys the widgets whose roots left the page and mounts new roots with
 * `mountAll` once `settled()` allows, once per burst of changes. `widgets`: those mounted so far.
 * @param {import('./index.js').Widget[]} widgets
 * @param {() => Promise<unknown>} settled
 * @param {typeof import('./index.js').mountAll} mountAll
 */
export function watch(widgets, settled, mountAll) {
  const mounted = new Set(widgets);
  /** @type {Promise<void> | null} */
  let scheduled = null;
  const sweep = () => {
    for (const widget of mounted) {
      if (!widget.root.isConnected) {
        widget.destroy();
        mounted.delete(widget);
      }
    }
  };
  const update = () => {
    scheduled ??= (async () => {
      await settled();
      scheduled = null;
      sweep();
      for (const widget of await mountAll(document)) mounted.add(widget);
      // A root removed while it was being mounted.
      sweep();
    })();
  };
  new MutationObserver((records) => {
    if (records.some((record) => [...record.addedNodes, ...record.removedNodes].some(holdsRoot))) update();
  }).observe(document.documentElement, { childList: true, subtree: true });
  // Panels added while this module loaded.
  update();
}
