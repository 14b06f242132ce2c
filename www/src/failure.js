// A panel that cannot work says so in an alert; its controls are disabled and the guide stays as
// written. One place for both cases: a table or markup the module rejects, and a module that
// cannot load at all (then only this file and the generated contract have run).
import { DISABLED_ON_FAILURE, LOADING, STATE, STRINGS, UNAVAILABLE, UNAVAILABLE_KEY } from './contract.generated.js';

/** Shows `message` in `root`'s alert and marks the root `state` ("failed" or "unavailable"). */
export function showFailure(root, message, state) {
  const alert = root.ownerDocument.createElement('div');
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

/** The "unavailable" text of a root: the mount option, the root's strings, or the default. */
export function unavailableText(root, strings) {
  let fromRoot;
  try {
    fromRoot = JSON.parse(root.getAttribute(STRINGS) ?? '{}')?.[UNAVAILABLE_KEY];
  } catch {
    // The module reports unreadable strings when it runs; here the default is used.
  }
  const given = [strings?.[UNAVAILABLE_KEY], fromRoot].find((text) => typeof text === 'string');
  return given ?? UNAVAILABLE;
}
