// scope-selector's JS API (the package's "." entry) and the renderer's centre: `mount` reads a panel
// root and its guide from the page, hands them to the engine (the wasm module, engine.js), and
// applies the view model the engine returns to the page, writing text only; the reader's events go
// back to the engine. The engine decides everything: the table, the search and its order, the
// choice, the URL, the guide, the presets, the key report, every message. Importing this module
// does nothing until it is called (also in Node or a server renderer).
import {
  ACTIONS_JSON, ACTIONS_SCRIPT, CHANGE_EVENT as CHANGE, CLEAR, COPY_BUTTONS, DELIMITER, DISABLED_ON_FAILURE, EXPORT_JSON,
  EXPORT_MARKDOWN, GROUP_BY, LOADING, NO_RESULTS, PRESETS, ROOT, SCOPE_LABELS, SCOPES_OUTPUT, SEARCH, SELECT_ALL, STATE, STRINGS, URL_FIELD,
} from './contract.generated.js';
import { Panel, load as loadEngine } from './engine.js';
import { catalogueFor, languageOf, thrownWords, words, wordsFor } from './messages.js';
import { ActionList } from './render/list.js';
import { Guide, ORIGINAL_HIDDEN, readPage, restore, setHidden } from './render/guide.js';
import { ADDED, CHOOSE_RUNNABLE, Extras, added, download } from './render/extras.js';

/** The event a root sends (bubbling) after every change of its choice. */
export const CHANGE_EVENT = /** @type {'scope-selector:change'} */ (CHANGE);

/**
 * Loads the wasm module (the first `mount` does it), for sites that want to start early; resolves
 * to the engine's memory.
 * @returns {Promise<{ memory: WebAssembly.Memory }>}
 */
export function load() {
  return loadEngine();
}

/**
 * An action of the table.
 * @typedef {{ id: string, label: string, scopes: string[], group?: string }} Action
 */
/**
 * The table: an array of actions, or the object form with display names of scopes.
 * @typedef {Action[] | { actions: Action[], scopeLabels?: Record<string, string> }} ActionTable
 */
/**
 * What a choice amounts to, sent with every change: the chosen ids in table order, the scopes
 * they need (in table order of first appearance), and the guide URL that reopens it.
 * @typedef {{ actions: string[], scopes: string[], url: string }} ChangeDetail
 */
/**
 * The panel's own words for some of its texts: catalogue keys and words, plural forms as an
 * object of the language's categories (docs/translations.md), or the same as JSON text.
 * @typedef {Record<string, string | Record<string, string>> | string} Strings
 */
/**
 * Options of `mount`: the table instead of the root's, the widget's key instead of the root's, a
 * function called after every change of the choice, and words over those of the page's language
 * (and of the root's `data-guide-strings`).
 * @typedef {{ table?: ActionTable | string, key?: string, onChange?: (detail: ChangeDetail) => void, strings?: Strings }} MountOptions
 */

/** The window event a widget sends after it replaced the page's address. */
const URL_CHANGED = 'scope-selector-url';
/** The value of `disabled` on the controls of a panel that could not start. */
const DISABLED_BY_WIDGET = 'scope-selector';
/** Where a `/` is typed, not a shortcut. */
const TEXT_FIELDS = 'input:not([type=checkbox],[type=radio],[type=button]),textarea,select,[contenteditable]:not([contenteditable=false])';

/**
 * Settles once `document` has been parsed (at once if it already has).
 * @returns {Promise<void>}
 */
export function parsed() {
  return document.readyState === 'loading'
    ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }))
    : Promise.resolve();
}

// Widgets by root, which keeps each widget alive until it is destroyed (the engine's panel is freed
// with it). `failed`: roots this page's widgets could not start, which `mountAll` leaves alone; a
// root with a state that is in neither was drawn by a widget of an earlier page (a page cache put
// it back) and is mounted afresh. `pending`: roots being mounted.
/** @type {WeakMap<Element, Widget>} */
const widgets = new WeakMap();
/** @type {WeakSet<Element>} */
const failed = new WeakSet();
/** @type {WeakSet<Element>} */
const pending = new WeakSet();
/** Each mounted root's words, and those of the last panel mounted. */
/** @type {WeakMap<Element, import('./messages.js').Words>} */
const panelWordsOf = new WeakMap();
let lastWords = words;

/**
 * Shows `message` in `root`'s alert, disables its controls and marks the root with `state`.
 * @param {Element} root @param {string} message @param {string} state
 */
function showFailure(root, message, state) {
  const alert = added('div', 'guides-scope-selector__error', message);
  alert.setAttribute('role', 'alert');
  const loading = root.querySelector(`[${LOADING}]`);
  if (loading?.parentElement && root.contains(loading.parentElement)) loading.parentElement.before(alert);
  else root.prepend(alert);
  if (loading) setHidden(loading, true);
  // Marked, so that a copy of this panel a page cache puts back is enabled again when it mounts.
  for (const control of root.querySelectorAll(DISABLED_ON_FAILURE)) {
    if (!control.hasAttribute('disabled')) control.setAttribute('disabled', DISABLED_BY_WIDGET);
  }
  root.setAttribute(STATE, state);
  root.removeAttribute('hidden');
  failed.add(root);
}

/**
 * Takes away what a widget of an earlier page left in a root a page cache put back: its elements,
 * the controls its failure disabled, its state. (The guide elements it changed are put back by
 * the new widget's `Guide`, which knows which are this panel's.)
 * @param {Element} root
 */
function clearSnapshot(root) {
  for (const element of root.querySelectorAll(`[${ADDED}]`)) element.remove();
  for (const control of root.querySelectorAll(`[disabled="${DISABLED_BY_WIDGET}"]`)) control.removeAttribute('disabled');
  for (const element of [root, ...root.querySelectorAll(`[${ORIGINAL_HIDDEN}]`)]) restore(element);
  root.removeAttribute(STATE);
}

/**
 * The words of a panel: those of its page part's language (a built-in translation, fetched),
 * under the root's `data-guide-strings` and the `strings` option; and `problems()`, which adds
 * the words of the problems a panel rarely meets (fetched once, when it meets one).
 * @param {Element} root @param {ReturnType<typeof languageOf>} language @param {unknown} strings
 */
async function panelWords(root, language, strings) {
  const catalogue = await catalogueFor(language.name);
  if (root.hasAttribute(STRINGS) || strings != null) {
    const { ownWords } = await import('./own-words.js');
    Object.assign(catalogue.words, await ownWords(root.getAttribute(STRINGS), strings, language.tag));
  }
  return { words: wordsFor(catalogue.words, language.tag, language.rtl), problems: catalogue.problems };
}

/**
 * The table a root holds: the option, else its attribute, else its JSON script.
 * @param {Element} root @param {unknown} table
 */
function tableJson(root, table) {
  if (table != null) return typeof table === 'string' ? table : JSON.stringify(table);
  return root.getAttribute(ACTIONS_JSON) ?? root.querySelector(`[${ACTIONS_SCRIPT}]`)?.textContent ?? null;
}

/**
 * Mounts a widget on the panel root `root`. Options: `table` (an array of actions or JSON text,
 * instead of the root's), `key` (instead of the root's), `onChange({actions, scopes, url})`.
 * Rejects with an `Error` naming the problem (and shows it in the panel when the table is at fault).
 * @param {Element} root
 * @param {MountOptions} [options]
 * @returns {Promise<Widget>}
 */
export async function mount(root, options = {}) {
  if (root?.nodeType !== 1) throw new TypeError('scope-selector: mount(root): root must be an element');
  const { table, key, onChange, strings } = options ?? {};
  if (onChange != null && typeof onChange !== 'function') throw new TypeError('scope-selector: options.onChange must be a function');
  if (table != null && typeof table !== 'string' && typeof table !== 'object') {
    throw new TypeError('scope-selector: options.table must be the action table: an array of actions, an object with actions, or JSON text');
  }
  if (!root.hasAttribute(ROOT)) throw new Error(`scope-selector: mount(root): the element is not a panel root (it has no ${ROOT} attribute)`);
  if (widgets.has(root) || pending.has(root) || failed.has(root)) {
    throw new Error('scope-selector: mount(root): this root is mounted already (or showed why it could not start); destroy its widget first');
  }
  listenForCopy();
  pending.add(root);
  try {
    const language = languageOf(root);
    // The words are fetched beside the engine, so a translated panel never shows English first.
    const [engine, { words: inWords, problems }] = await Promise.all([
      loadEngine().then(() => null, (/** @type {unknown} */ error) => ({ error })),
      panelWords(root, language, strings),
    ]);
    if (engine) {
      if (!failed.has(root)) showFailure(root, inWords({ code: 'panel.unavailable' }), 'unavailable');
      throw engine.error;
    }
    const page = readPage(root, key == null ? undefined : String(key));
    if (page.at < 0) throw new Error('scope-selector: mount(root): the root is not in the document');
    if (root.hasAttribute(STATE)) clearSnapshot(root);
    const json = tableJson(root, table);
    /** @param {string} reason */
    const fail = (reason) => {
      showFailure(root, inWords({ code: 'panel.failed', args: { reason } }), 'failed');
      return new Error(`scope-selector: ${reason}`);
    };
    if (json == null) {
      await problems();
      throw fail(inWords({ code: 'panel.noTable' }));
    }
    const search = /** @type {HTMLInputElement | null} */ (root.querySelector(`[${SEARCH}]`));
    const setup = {
      url: location.href,
      roots: page.roots,
      at: page.at,
      guide: page.guide,
      presets: root.getAttribute(PRESETS),
      scopeLabels: root.getAttribute(SCOPE_LABELS),
      groupBy: root.getAttribute(GROUP_BY),
      query: search?.value ?? '',
    };
    let panel;
    try {
      panel = Panel.open(json, JSON.stringify(setup));
    } catch (thrown) {
      await problems();
      throw fail(thrownWords(thrown, inWords));
    }
    /** @type {import('./render/view.js').OpenedData} */
    const opened = JSON.parse(panel.opened());
    if (opened.problems) await problems();
    // The root's markup as it was, put back by destroy().
    const markup = [...root.childNodes].map((node) => node.cloneNode(true));
    const widget = new Widget(root, panel, { elements: page.elements, opened, words: inWords, rtl: language.rtl }, onChange, markup);
    widgets.set(root, widget);
    return widget;
  } finally {
    pending.delete(root);
  }
}

/**
 * A widget mounted on a panel root (returned by `mount`). After `destroy()`, every method but
 * `destroy` throws. Destroy a widget whose root leaves the page (the auto-mount script does it for
 * the widgets it mounted).
 */
export class Widget {
  // The widget's own state and the page elements it draws (private: the API is below).
  #markup; #onChange; #windowable; #guide; #search; #urlField; #output; #delimiter; #loading; #noResults; #status; #notices; #list; #extras; #words;
  /** @type {import('./engine.js').Panel | null} */
  #panel;
  /** How many updates are under way (one may start another: the URL event it sends): a
   * `destroy()` from a change callback waits for them. */
  #busy = 0;
  /** @type {(() => void)[]} */
  #cleanups = [];
  /** Whether this widget is telling the others that it changed the address. */
  #announcing = false;
  /** The address the choice is waiting to write into the page's ('' when none). */
  #address = '';
  /** Reads the last change's detail from the engine, if nothing has yet. */
  #readChoice = () => {};

  /**
   * @param {Element} root
   * @param {import('./engine.js').Panel} panel
   * @param {{ elements: Element[], opened: import('./render/view.js').OpenedData, words: import('./messages.js').Words, rtl: boolean }} found
   *   the page's guide elements, what the engine found when it opened the panel, the panel's
   *   words, and whether its language is written right to left
   * @param {((detail: ChangeDetail) => void) | undefined} onChange
   * @param {Node[]} markup copies of the root's children as they were
   * @internal
   */
  constructor(root, panel, { elements, opened, words, rtl }, onChange, markup) {
    this.root = root;
    this.#markup = markup;
    this.#panel = panel;
    this.#onChange = onChange;
    this.#words = words;
    panelWordsOf.set(root, words);
    lastWords = words;
    // A right-to-left language lays the panel out right to left, on a page that set no direction.
    if (rtl && !root.closest('[dir]')) {
      root.setAttribute('dir', 'rtl');
      this.#cleanups.push(() => root.removeAttribute('dir'));
    }
    for (const warning of opened.warnings) console.warn(`scope-selector: ${words(warning)}`);
    this.#windowable = opened.windowable;
    this.#guide = new Guide(elements, opened.guide);
    this.#search = /** @type {HTMLInputElement | null} */ (root.querySelector(`[${SEARCH}]`));
    this.#urlField = /** @type {HTMLInputElement | null} */ (root.querySelector(`[${URL_FIELD}]`));
    this.#output = root.querySelector(`[${SCOPES_OUTPUT}]`);
    this.#delimiter = /** @type {HTMLSelectElement | null} */ (root.querySelector(`[${DELIMITER}]`));
    this.#loading = root.querySelector(`[${LOADING}]`);
    this.#noResults = root.querySelector(`[${NO_RESULTS}]`);
    for (const [control, name] of /** @type {const} */ ([[this.#search, 'panel.search'], [this.#urlField, 'panel.url'], [this.#delimiter, 'panel.separator']])) {
      if (control && !control.hasAttribute('aria-label')) {
        control.setAttribute('aria-label', words({ code: name }));
      }
    }
    let scroller = this.#loading?.parentElement;
    if (!scroller || !root.contains(scroller)) {
      scroller = added('div', 'guides-scope-selector__list');
      root.append(scroller);
    }
    const rows = added('div', 'guides-scope-selector__rows');
    rows.setAttribute('role', opened.grouped ? 'treegrid' : 'list');
    rows.setAttribute('aria-label', words({ code: 'panel.actions' }));
    scroller.insertBefore(rows, this.#loading && scroller.contains(this.#loading) ? this.#loading : null);
    this.#status = added('div', 'guides-scope-selector__status');
    this.#status.setAttribute('role', 'status');
    this.#notices = added('div', 'guides-scope-selector__notices');
    this.#notices.setAttribute('role', 'status');
    this.#notices.hidden = true;
    scroller.after(this.#status, this.#notices);
    this.#list = new ActionList(scroller, rows, opened.grouped, words);
    this.#extras = new Extras(root, opened.presets, words);

    const listen = (/** @type {EventTarget | null} */ target, /** @type {string} */ type, /** @type {(event: any) => void} */ handler) => {
      if (!target) return;
      target.addEventListener(type, handler);
      this.#cleanups.push(() => target.removeEventListener(type, handler));
    };
    listen(rows, 'change', (event) => {
      const line = this.#list.lineOf(event.target);
      if (line?.header) this.update({ module: [line.header[1], event.target.checked] });
      else if (line) this.update({ toggle: [line.action, event.target.checked] });
    });
    listen(rows, 'focusin', (event) => this.#list.focused(event.target));
    listen(scroller, 'scroll', () => { if (this.#list.data?.windowed) this.update({ window: this.#list.geometry() }); });
    listen(this.#search, 'input', () => this.searchFor(this.#search?.value ?? ''));
    listen(root.querySelector(`[${SELECT_ALL}]`), 'click', () => this.update({ selectAll: true }));
    listen(root.querySelector(`[${CLEAR}]`), 'click', () => this.update({ clear: true }));
    listen(this.#delimiter, 'change', () => this.update({ separator: this.#delimiter?.value ?? '' }));
    listen(this.#extras.keyField, 'input', () => this.update({ key: this.#extras.keyField?.value ?? '' }));
    listen(root, 'click', (event) => this.onClick(event));
    // (Not for its own announcement: its view has the new URL already.)
    listen(window, URL_CHANGED, () => { if (!this.#announcing) this.update({ url: location.href }); });
    listen(window, 'keydown', (event) => this.onKey(event));

    this.update({});
    // A long list is windowed: the rows in view, once one could be measured.
    if (this.#windowable && this.#list.data?.windowed) this.update({ window: this.#list.geometry() });
    this.#loading?.setAttribute('hidden', '');
    root.setAttribute(STATE, 'ready');
    setHidden(root, false);
  }

  /** The live panel, or an error for a destroyed widget. */
  #live() {
    if (!this.#panel) throw new Error('scope-selector: this widget was destroyed');
    return this.#panel;
  }

  /** @internal */
  /**
   * Sends events to the engine and applies the view it returns.
   * @param {Record<string, unknown>} events
   */
  update(events) {
    const panel = this.#live();
    // (The last change's detail, if no listener read it yet, is read before this one.)
    this.#readChoice();
    this.#busy += 1;
    try {
      /** @type {import('./render/view.js').ViewData} */
      const view = JSON.parse(panel.update(JSON.stringify(events)));
      // The page's listeners hear of a change once it is on the page (they may use the widget,
      // and a destroy() of theirs waits until the change is done).
      if (this.apply(view)) this.notify();
    } finally {
      this.#busy -= 1;
    }
  }

  /** @internal */
  /**
   * Applies a view to the page; true when the choice changed.
   * @param {import('./render/view.js').ViewData} view
   */
  apply({ list, status, choice }) {
    this.#list.render(list);
    this.#noResults?.toggleAttribute('hidden', list.total > 0);
    const statusText = this.#words(status);
    if (this.#status.textContent !== statusText) this.#status.textContent = statusText;
    if (!choice) return false;
    if (this.#output && this.#output.textContent !== choice.output) this.#output.textContent = choice.output;
    if (this.#urlField) this.#urlField.value = choice.url;
    if (this.#delimiter) this.#delimiter.value = choice.separator;
    const notices = choice.notices.map(this.#words).join('\n');
    this.#notices.textContent = notices;
    this.#notices.hidden = !notices;
    this.#guide.apply(choice.guide);
    this.#extras.pressPresets(choice.presets);
    this.#extras.showKey(choice.key);
    if (choice.writeUrl) {
      // The address bar follows once the view is painted: Chromium's `replaceState` took 15–50 ms
      // here (docs/performance.md), which a tick should not wait for. Changes in between are one write.
      if (!this.#address) (document.hidden ? setTimeout : requestAnimationFrame)(() => setTimeout(() => this.#writeAddress()));
      this.#address = choice.url;
    }
    return choice.changed;
  }

  /** Writes the address the choice is waiting for into the page's, and tells the page's other widgets. */
  #writeAddress() {
    const url = this.#address;
    this.#address = '';
    if (!url || !this.#panel) return;
    history.replaceState(history.state, '', url);
    // Other widgets on the page show the whole URL too: tell them it changed.
    this.#announcing = true;
    try {
      window.dispatchEvent(new Event(URL_CHANGED));
    } finally {
      this.#announcing = false;
    }
  }

  /** @internal */
  /**
   * Tells the page's listeners about the new choice. Its detail is read from the engine when a
   * listener first asks (a choice of thousands of ids took 2 ms to cross), else once the view is
   * painted, and always before the next change.
   */
  notify() {
    const panel = this.#panel;
    if (!panel) return;
    /** @type {ChangeDetail | undefined} */
    let choice;
    const read = this.#readChoice = () => (choice ??= JSON.parse(panel.choice()));
    requestAnimationFrame(() => setTimeout(read));
    /** @type {ChangeDetail} */
    const detail = {
      get actions() { return read().actions; },
      get scopes() { return read().scopes; },
      get url() { return read().url; },
    };
    this.root.dispatchEvent(new CustomEvent(CHANGE, { bubbles: true, detail }));
    this.#onChange?.(detail);
  }

  /** @internal */
  /** A new query, shown from the top of its result. @param {string} query */
  searchFor(query) {
    this.#list.scroller.scrollTop = 0;
    /** @type {Record<string, unknown>} */
    const events = {};
    if (this.#windowable) events.window = this.#list.geometry();
    events.search = query;
    this.update(events);
  }

  /** @internal */
  /** Clicks on the extras' buttons. @param {MouseEvent} event */
  onClick(event) {
    const button = /** @type {HTMLElement | null} */ (event.target)?.closest?.('button');
    if (!button || !this.#panel) return;
    // A module header's name expands or collapses it; a scope toggle presses or releases its scope.
    const header = this.#list.lineOf(button)?.header;
    if (header) {
      const scope = button.dataset.scope;
      return this.update(scope ? { scope: [header[1], Number(scope), button.getAttribute('aria-pressed') !== 'true'] } : { expand: [header[1], !header[7]] });
    }
    const preset = this.#extras.presets.indexOf(/** @type {HTMLButtonElement} */ (button));
    if (preset >= 0) return this.update({ preset });
    // (The change event's choice, indented for people.)
    if (button.hasAttribute(EXPORT_JSON)) return download(JSON.stringify(JSON.parse(this.#panel.choice()), null, 2));
    if (button.hasAttribute(EXPORT_MARKDOWN)) {
      // Written now, before the copy listener (on the document) reads it.
      return button.setAttribute(EXPORT_MARKDOWN, this.#panel.markdown((/** @type {string} */ message) => this.#words(JSON.parse(message))));
    }
    if (button.hasAttribute(CHOOSE_RUNNABLE)) {
      this.update({ runnable: true });
      // The button is gone with the report it was in: the focus goes back to the key.
      /** @type {HTMLElement | null} */ (this.#extras.keyField)?.focus();
    }
  }

  /** @internal */
  /**
   * The keyboard (keys without Ctrl, Cmd or Alt): `/` outside a text field focuses the search box
   * of the page's first panel that has one (unless the site handled the key first); in the panel,
   * ↓ goes from the search box to the first row, ↓/↑ from row to row and from the first row back
   * up to the search box, and Esc in the search box clears it; in a grouped list, → and ← expand
   * and collapse a module or move between a row and its header. (Space ticks a row: a checkbox.)
   * @param {KeyboardEvent} event
   */
  onKey(event) {
    const { key } = event;
    // (Keys that pick an input method's candidates are the method's.)
    if (!['/', 'ArrowDown', 'ArrowUp', 'ArrowLeft', 'ArrowRight', 'Escape'].includes(key) || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
    // Where the key was pressed: inside a shadow tree, the element there; a key sent to the
    // window has no element.
    const target = event.composedPath()[0];
    const element = target instanceof Element ? target : null;
    const search = this.#search;
    if (key === '/') {
      if (search && search === document.querySelector(`[${ROOT}] [${SEARCH}]`) && !event.defaultPrevented && !element?.closest(TEXT_FIELDS)) {
        event.preventDefault();
        search.focus();
      }
      return;
    }
    const inSearch = search !== null && element === search;
    const from = inSearch ? -1 : this.#list.focusedPosition();
    if (!inSearch && from < 0) return;
    if (key === 'Escape') {
      if (!inSearch || !search?.value) return;
      search.value = '';
      event.preventDefault();
      this.searchFor('');
      return;
    }
    if (inSearch && (key === 'ArrowLeft' || key === 'ArrowRight')) return;
    if (key === 'ArrowUp' && from === 0) {
      event.preventDefault();
      search?.focus();
      return;
    }
    if (key === 'ArrowUp' && from < 0) return;
    let to = key === 'ArrowDown' ? from + 1 : from - 1;
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      // A grouped list's treegrid: → expands a header or moves into it, ← collapses it or moves
      // from a row to its header (mirrored right to left).
      const list = this.#list;
      const line = list.lineOf(element);
      if (!list.grouped || element !== line?.check) return;
      const forward = (key === 'ArrowRight') !== (getComputedStyle(this.root).direction === 'rtl');
      const header = line.header;
      event.preventDefault();
      if (header && forward !== header[7]) return this.update({ expand: [header[1], forward] });
      if (header && !forward) return;
      const at = list.shown.indexOf(line);
      const owner = list.shown.slice(0, at).findLast((row) => row.header);
      if (!forward && !owner) return;
      to = forward ? from + 1 : from - at + list.shown.indexOf(/** @type {import('./render/list.js').Row} */ (owner));
    }
    const data = this.#list.data;
    if (!data || to >= data.total) return;
    event.preventDefault();
    if (!this.#list.focusPosition(to)) {
      // Beyond the drawn rows of a long list: scrolled to, drawn, then focused.
      this.#list.scroller.scrollTop = to * data.rowHeight;
      this.update({ window: this.#list.geometry() });
      this.#list.focusPosition(to);
    }
  }

  /** The ids of the chosen actions, in table order. */
  selected() { return this.#choice().actions; }

  /** The scopes the chosen actions need. */
  scopes() { return this.#choice().scopes; }

  /** The guide URL of the current choice. */
  url() { return this.#choice().url; }

  /** @returns {ChangeDetail} */
  #choice() { return JSON.parse(this.#live().choice()); }

  /**
   * Replaces the choice; throws, changing nothing, on an id the table lacks.
   * @param {string[]} ids
   */
  select(ids) {
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) throw new TypeError('scope-selector: select(ids): ids must be an array of action ids');
    this.#live();
    try {
      this.update({ select: ids.join(' ') });
    } catch (thrown) {
      throw new Error(`scope-selector: ${thrownWords(thrown)}`);
    }
  }

  /** Unticks every action. */
  clear() { this.select([]); }

  /** Removes the widget's listeners and elements; the panel and its guide return to their markup. */
  destroy() {
    const panel = this.#panel;
    if (!panel) return;
    if (this.#busy > 0) {
      // Called from the widget's own change callback: taken down once the change is done.
      queueMicrotask(() => this.destroy());
      return;
    }
    // (A choice still waiting for the address bar is written first, and its detail read.)
    this.#writeAddress();
    this.#readChoice();
    this.#panel = null;
    if (widgets.get(this.root) === this) widgets.delete(this.root);
    for (const cleanup of this.#cleanups) cleanup();
    this.root.replaceChildren(...this.#markup);
    this.#guide.restore();
    restore(this.root);
    this.root.removeAttribute(STATE);
    panel.free();
  }
}

/**
 * Mounts every panel root inside `container` (and `container` itself) that has no widget yet, in
 * page order. A root that cannot start shows why in its panel and is left out of the result.
 * @param {ParentNode} [container]
 * @returns {Promise<Widget[]>}
 */
export async function mountAll(container = document) {
  const roots = [.../** @type {Element} */ (container).matches?.(`[${ROOT}]`) ? [/** @type {Element} */ (container)] : [], ...container.querySelectorAll(`[${ROOT}]`)];
  const mounted = [];
  for (const root of roots) {
    if (widgets.has(root) || failed.has(root) || pending.has(root)) continue;
    try {
      mounted.push(await mount(root));
    } catch (error) {
      console.error(error);
    }
  }
  return mounted;
}

/** @type {HTMLElement | undefined} */
let live;
/** The copying code, once loaded. @type {typeof import('./copy.js') | undefined} */
let copyCode;
const loadCopy = () => import('./copy.js').then((code) => (copyCode = code));
/**
 * Wires the page's copy buttons (once): one click listener, and one polite live region for their
 * feedback, added now because screen readers may miss a region that appears with its message.
 * The copying code (copy.js) loads once the page is parsed, not on the first click: WebKit lets a
 * page write to the clipboard only while it handles the click, so the click must find the code
 * loaded (docs/robustness.md, "Browser engines").
 */
function listenForCopy() {
  if (live) return;
  const region = Object.assign(document.createElement('div'), { className: 'guides-scope-selector__live guides-scope-selector__offscreen' });
  live = region;
  region.setAttribute('role', 'status');
  parsed().then(() => {
    document.body.append(region);
    // A failure here is reported by the click that needs the code (it loads it again).
    loadCopy().catch(() => {});
  });
  document.addEventListener('click', (event) => {
    const button = /** @type {Element | null} */ (event.target)?.closest?.(COPY_BUTTONS);
    if (!button) return;
    // A page that swapped its content may have taken the region with it.
    if (!region.isConnected) document.body.append(region);
    // The words of the button's panel, else of the page's last panel (a guide's copy buttons).
    const panel = button.closest(`[${ROOT}]`);
    const inWords = (panel && panelWordsOf.get(panel)) ?? lastWords;
    if (copyCode) return void copyCode.copyFor(button, region, inWords);
    loadCopy().then((copy) => copy.copyFor(button, region, inWords), (error) => console.error('scope-selector: could not load the copy code', error));
  });
}

