// Waiting for React: on a page React renders on the server, the widget may change a panel root's
// markup only once React has hydrated it (React marks a hydrated element with a `__reactFiber$…`
// property). Loaded by the auto-mount script on such pages only.
import { ROOT } from './contract.generated.js';

const ROOT_SELECTOR = `[${ROOT}]`;

/** How long to wait before mounting anyway (a root React does not manage is never marked). */
const WAIT_MS = 10_000;
const POLL_MS = 50;

/** @param {Element} root */
const isHydrated = (root) => Object.keys(root).some((key) => key.startsWith('__reactFiber$'));

/**
 * Settles once React has hydrated every panel root inside `containers` (a selector), or after `WAIT_MS`.
 * @param {string} containers
 */
export async function hydrated(containers) {
  const deadline = performance.now() + WAIT_MS;
  const waiting = () => [...document.querySelectorAll(ROOT_SELECTOR)].some((root) => root.closest(containers) && !isHydrated(root));
  while (waiting() && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
