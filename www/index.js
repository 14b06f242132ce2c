// scope-selector's JS API (the package's "." entry): `mount`, `mountAll` and `load`, a thin shell
// over the wasm module. Importing it does nothing; the first mount loads the module (from the
// files next to this one) and wires the copy buttons. The stylesheet is the site's to import
// (`scope-selector/style.css`); the one-tag script adds it itself. The module decides
// everything else: what a root owns, the table, the choice, the URL, the messages.
// The attribute names come from the core (contract.generated.js, written by scripts/build.sh).
import { CHANGE_EVENT, COPY_BUTTONS, DISABLED_ON_FAILURE, EXTRAS, LOADING, ROOT, SEARCH, STATE } from './contract.generated.js';
import init, { mount as mountRoot } from './dist/pkg/scope_selector.js';

/** The event a root sends (bubbling) after every change of its choice. */
export { CHANGE_EVENT };

const UNAVAILABLE = 'The action selector is unavailable in this browser right now. Every step of the guide below still applies.';

let loading;
/** Loads and starts the wasm module once (the first `mount` does it; a page may start it early). */
export function load() {
  loading ??= init({ module_or_path: fetch(new URL('./pkg/scope_selector_bg.wasm', import.meta.url)) }).then(() => {});
  return loading;
}

/** Settles once `document` has been parsed (at once if it already has). */
export function parsed() {
  return document.readyState === 'loading'
    ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }))
    : Promise.resolve();
}

/**
 * Why a root cannot start: `reason`, or for a table the module rejected (`json`), what the helpers'
 * module (tools.js, loaded for this only) finds wrong with it: the core's own message.
 */
async function describe(reason, json) {
  if (json === undefined) return reason;
  try {
    return (await (await import('./tools.js')).tableProblem(json)) ?? reason;
  } catch {
    return reason;
  }
}

/** Shows `message` in `root`'s alert, disables its controls and marks the root `state`. */
function showFailure(root, message, state) {
  const alert = document.createElement('div');
  alert.className = 'guides-scope-selector__error';
  alert.setAttribute('role', 'alert');
  alert.textContent = message;
  const loadingNote = root.querySelector(LOADING);
  if (loadingNote?.parentElement && root.contains(loadingNote.parentElement)) loadingNote.parentElement.before(alert);
  else root.prepend(alert);
  loadingNote?.setAttribute('hidden', '');
  for (const control of root.querySelectorAll(DISABLED_ON_FAILURE)) control.setAttribute('disabled', '');
  root.setAttribute(STATE, state);
  root.removeAttribute('hidden');
}

// Widgets by root, which keeps each widget alive until it is destroyed (the module would free, and
// so take down, a widget whose JS object is collected). A widget holds its root, so a root removed
// from the page is not collected either: destroy the widget (the auto-mount script does).
// `pending`: the roots being mounted, which `mountAll` skips.
const widgets = new WeakMap();
const pending = new WeakSet();

/**
 * Mounts a widget on the panel root `root`. Options: `table` (an array of actions or JSON text,
 * instead of the root's), `key` (instead of the root's), `onChange({actions, scopes, url})`.
 * Rejects with an `Error` naming the problem (and shows it in the panel when the table is at fault).
 */
export async function mount(root, options = {}) {
  if (root?.nodeType !== 1) throw new TypeError('scope-selector: mount(root): root must be an element');
  const { table, key, onChange } = options ?? {};
  if (onChange != null && typeof onChange !== 'function') throw new TypeError('scope-selector: options.onChange must be a function');
  if (table != null && typeof table !== 'string' && typeof table !== 'object') {
    throw new TypeError('scope-selector: options.table must be the action table: an array of actions, an object with actions, or JSON text');
  }
  listenForCopy();
  pending.add(root);
  try {
    try {
      await load();
    } catch (error) {
      if (!root.hasAttribute(STATE)) showFailure(root, UNAVAILABLE, 'unavailable');
      throw error;
    }
    const changed = ([actions, scopes, url]) => {
      const detail = { actions, scopes, url };
      root.dispatchEvent(new CustomEvent(CHANGE_EVENT, { bubbles: true, detail }));
      onChange?.(detail);
    };
    let failure;
    const failed = (_, reason, json) => {
      // Marked at once, so no second mount starts while the reason is being described.
      root.setAttribute(STATE, 'failed');
      failure = describe(reason, json).then((message) => {
        showFailure(root, `The action selector could not start: ${message}.`, 'failed');
        return message;
      });
    };
    const json = table == null || typeof table === 'string' ? table : JSON.stringify(table);
    let repaired;
    let mounted;
    try {
      mounted = mountRoot(root, json, key == null ? undefined : String(key), changed, failed, (text) => { repaired = text; });
    } catch (error) {
      if (failure) throw new Error(`scope-selector: ${await failure}`);
      throw error;
    }
    const widget = new Widget(root, mounted);
    widgets.set(root, widget);
    // The extras' module (extras.js: presets, the key check, exports, the search's words marked
    // in the rows) loads now, after the widget, for a panel that asks for one; else on its first
    // search (the box is the widget's until destroy() puts a copy of the markup back).
    const extras = () => widget.extras ??= import('./extras.js').then((extras) => extras.attach(widget, json, () => widgets.get(root) === widget)).catch((error) => console.error('scope-selector: could not load the panel extras', error));
    if (root.matches(EXTRAS) || root.querySelector(EXTRAS)) extras();
    else root.querySelector(SEARCH)?.addEventListener('input', extras, { once: true });
    // A table that was usable after repairs: the helpers' module says what was repaired.
    if (repaired !== undefined) {
      import('./tools.js')
        .then((tools) => tools.tableNotices(repaired))
        .then((notices) => { if (notices.length && widgets.get(root) === widget) mounted.show_table_notices(notices.join('\n')); })
        .catch((error) => console.error('scope-selector: could not describe the repairs of the table', error));
    }
    return widget;
  } finally {
    pending.delete(root);
  }
}

/** A mounted widget: forwards to the module's widget until `destroy()`. */
class Widget {
  #widget;
  constructor(root, widget) {
    this.root = root;
    this.#widget = widget;
  }

  #live() {
    if (!this.#widget) throw new Error('scope-selector: this widget was destroyed');
    return this.#widget;
  }

  selected() { return this.#live().choice()[0]; }
  scopes() { return this.#live().choice()[1]; }
  url() { return this.#live().choice()[2]; }
  select(ids) {
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) throw new TypeError('scope-selector: select(ids): ids must be an array of action ids');
    this.#live().select(ids.join(' '));
  }

  clear() { this.#live().select(''); }

  /** Removes the widget's listeners and elements; the panel returns to its markup. */
  destroy() {
    const widget = this.#widget;
    this.#widget = null;
    this.extras?.then((extras) => extras?.free());
    if (widgets.get(this.root) === this) widgets.delete(this.root);
    try {
      widget?.free();
    } catch {
      // Called from the widget's own change callback, while the module is still busy with that
      // change: freed right after it.
      queueMicrotask(() => widget.free());
    }
  }
}

/**
 * Mounts every panel root inside `container` (and `container` itself) that has no widget yet, in
 * page order. A root that cannot start shows why in its panel and is left out of the result.
 */
export async function mountAll(container = document) {
  const roots = [...(container.matches?.(ROOT) ? [container] : []), ...container.querySelectorAll(ROOT)];
  const mounted = [];
  for (const root of roots) {
    if (root.hasAttribute(STATE) || pending.has(root)) continue;
    try {
      mounted.push(await mount(root));
    } catch (error) {
      console.error(error);
    }
  }
  return mounted;
}

let live;
/**
 * Wires the page's copy buttons (once): one click listener, and one polite live region for their
 * feedback, added now because screen readers may miss a region that appears with its message.
 * The copying code (copy.js) loads on the first click.
 */
function listenForCopy() {
  if (live) return;
  live = Object.assign(document.createElement('div'), { className: 'guides-scope-selector__live guides-scope-selector__offscreen' });
  live.setAttribute('role', 'status');
  parsed().then(() => document.body.append(live));
  document.addEventListener('click', (event) => {
    const button = event.target.closest?.(COPY_BUTTONS);
    if (!button) return;
    // A page that swapped its content may have taken the region with it.
    if (!live.isConnected) document.body.append(live);
    import('./copy.js').then((copy) => copy.copyFor(button, live), (error) => console.error('scope-selector: could not load the copy code', error));
  });
}
