// The action list: the lines the view model asks for, written as text, each line an element kept by
// its key (`a` and the action, or `m` and the module) while it is drawn, so the focus and a row's
// text stay with it; a line no longer drawn leaves the page (a short list keeps it for when it is
// drawn again; a long one, which the view model windows to the lines in view, does not). A grouped
// list is a treegrid: a header line per module (its tri-state checkbox, its name expanding it, its
// count, its scope toggles and how many more scopes it needs) above its action rows, with one tab stop.

/** @typedef {import('../messages.js').Message} Message */
/**
 * @typedef {[action: number, id: string, label: string, scopes: string, checked: boolean,
 *   labelMarks: number[], idMarks: number[], scopesMarks: number[]]} RowData
 * @typedef {[before: number, module: number, name: string, chosen: number, count: number, shown: number,
 *   state: number, expanded: boolean, toggles: [scope: number, name: string, state: number][], more: number]} HeaderData
 * @typedef {{ total: number, windowed: boolean, start: number, rowHeight: number, rows: RowData[], headers: HeaderData[] }} ListData
 * @typedef {{ element: HTMLElement, check: HTMLInputElement, fields: HTMLElement[], action: number, key: string,
 *   line: string, header?: HeaderData, toggles?: HTMLElement }} Row
 *   (`key`: what its texts were last written from, a row's marks or a header's data as JSON)
 */

const ROW = 'guides-scope-selector__row';

/**
 * `text` into `element`, the UTF-16 ranges `marks` (flat: start, end, …) of it as `<mark>`
 * elements: text nodes and elements only, never markup.
 * @param {HTMLElement} element
 * @param {string} text
 * @param {number[]} marks
 */
function writeMarked(element, text, marks) {
  if (!marks.length) {
    element.textContent = text;
    return;
  }
  /** @type {(string | Node)[]} */
  const nodes = [];
  let at = 0;
  for (let part = 0; part < marks.length; part += 2) {
    const mark = document.createElement('mark');
    mark.textContent = text.slice(marks[part], marks[part + 1]);
    nodes.push(text.slice(at, marks[part]), mark);
    at = marks[part + 1];
  }
  nodes.push(text.slice(at));
  element.replaceChildren(...nodes);
}

/** @param {string} tag @param {string} className */
const element = (tag, className) => Object.assign(document.createElement(tag), { className });

/**
 * A new line: row > [cell >] label > (check, text > (label, id), scopes) for an action, in a
 * gridcell on a grouped list; row > cell > (check, name button, count, toggles, more) for a module.
 * @param {string} line @param {boolean} grouped
 * @returns {Row}
 */
function newLine(line, grouped) {
  const row = element('div', ROW);
  const check = /** @type {HTMLInputElement} */ (element('input', 'guides-scope-selector__check'));
  check.type = 'checkbox';
  row.setAttribute('role', grouped ? 'row' : 'listitem');
  if (line[0] === 'm') {
    row.classList.add('guides-scope-selector__module');
    row.setAttribute('aria-level', '1');
    const cell = element('div', 'guides-scope-selector__row-label');
    cell.setAttribute('role', 'gridcell');
    const name = element('button', 'guides-scope-selector__module-name');
    /** @type {HTMLButtonElement} */ (name).type = 'button';
    name.tabIndex = -1;
    const fields = [name, element('span', 'guides-scope-selector__module-count'), element('span', 'guides-scope-selector__module-count')];
    const toggles = element('span', 'guides-scope-selector__toggles');
    cell.append(check, fields[0], fields[1], toggles, fields[2]);
    row.append(cell);
    return { element: row, check, fields, action: -1, key: '', line, toggles };
  }
  const label = element('label', 'guides-scope-selector__row-label');
  const text = element('span', 'guides-scope-selector__action');
  const fields = [element('span', 'guides-scope-selector__action-label'), element('code', 'guides-scope-selector__action-id'), element('span', 'guides-scope-selector__action-scopes')];
  text.append(fields[0], fields[1]);
  label.append(check, text, fields[2]);
  if (grouped) {
    // A treegrid's row holds cells: the label goes into one.
    const cell = element('div', 'guides-scope-selector__cell');
    cell.setAttribute('role', 'gridcell');
    cell.append(label);
    row.append(cell);
    row.setAttribute('aria-level', '2');
  } else {
    row.append(label);
  }
  return { element: row, check, fields, action: -1, key: '', line };
}

/** The lines of one panel's list. */
export class ActionList {
  /**
   * @param {HTMLElement} scroller the scrolling list
   * @param {HTMLElement} rows the element holding the lines
   * @param {boolean} grouped the list is grouped by module (a treegrid)
   * @param {import('../messages.js').Words} words the panel's words
   */
  constructor(scroller, rows, grouped, words) {
    this.scroller = scroller;
    this.rowsElement = rows;
    this.grouped = grouped;
    this.words = words;
    /** @type {Map<string, Row>} the lines by key: those drawn, and a short list's others */
    this.lines = new Map();
    /** @type {Row[]} the lines drawn, in order */
    this.shown = [];
    /** The key of the line holding a grouped list's one tab stop. */
    this.current = '';
    /** @type {ListData | undefined} */
    this.data = undefined;
  }

  /** The drawn line holding an element. @param {EventTarget | null} target */
  lineOf(target) {
    const row = /** @type {Element} */ (target).closest?.(`.${ROW}`);
    return this.shown.find((shown) => shown.element === row);
  }

  /** Where the list is, as the engine's window event wants it (whole pixels). */
  geometry() {
    const row = this.shown[0]?.element.offsetHeight;
    const scrolled = this.scroller.getBoundingClientRect().top - this.rowsElement.getBoundingClientRect().top;
    return [Math.max(0, Math.round(scrolled)), Math.round(this.scroller.clientHeight), row || this.data?.rowHeight || 40];
  }

  /** @param {ListData} data */
  render(data) {
    this.data = data;
    const focused = document.activeElement;
    const focusedLine = this.lineOf(focused);
    // (Written only when they change: a write lays the whole list out again.)
    const style = this.rowsElement.style;
    const height = data.windowed ? `${data.total * data.rowHeight}px` : '';
    const paddingTop = data.windowed ? `${data.start * data.rowHeight}px` : '';
    if (style.height !== height) style.height = height;
    if (style.paddingTop !== paddingTop) style.paddingTop = paddingTop;
    /** @type {Row[]} */
    const shown = [];
    /** @param {string} key */
    const line = (key) => {
      const row = this.lines.get(key) ?? newLine(key, this.grouped);
      shown.push(row);
      return row;
    };
    let next = 0;
    const headers = data.headers;
    const addHeaders = (/** @type {number} */ before) => {
      for (; next < headers.length && headers[next][0] <= before; next += 1) this.fillHeader(line(`m${headers[next][1]}`), headers[next]);
    };
    data.rows.forEach((rowData, at) => {
      addHeaders(at);
      this.fill(line(`a${rowData[0]}`), rowData, data, shown.length - 1);
    });
    addHeaders(Infinity);
    const drawn = new Set(shown);
    for (const [key, row] of this.lines) {
      if (drawn.has(row)) continue;
      row.element.remove();
      if (data.windowed) this.lines.delete(key);
    }
    // In order, moving only the lines out of place.
    let place = this.rowsElement.firstElementChild;
    for (const row of shown) {
      this.lines.set(row.line, row);
      if (row.element === place) place = place.nextElementSibling;
      else this.rowsElement.insertBefore(row.element, place);
    }
    this.shown = shown;
    if (this.grouped) {
      if (!drawn.has(/** @type {Row} */ (this.lines.get(this.current)))) this.current = shown[0]?.line ?? '';
      this.rove();
    }
    // A line moved in the page loses the focus: it goes back to the same control.
    if (focusedLine && drawn.has(focusedLine) && focused !== document.activeElement) {
      /** @type {HTMLElement} */ (focused).focus({ preventScroll: true });
    }
  }

  /** Writes a module header (only when it changed). @param {Row} row @param {HeaderData} header */
  fillHeader(row, header) {
    const [, module, name, chosen, count, shownCount, state, expanded, toggles, more] = header;
    // (Unchanged but for its place: nothing to write.)
    const written = JSON.stringify(header.slice(1));
    row.header = header;
    if (row.key === written) return;
    row.key = written;
    row.action = -1 - module;
    row.check.checked = state === 2;
    row.check.indeterminate = state === 1;
    const texts = [
      name,
      this.words(shownCount < 0 ? { code: 'group.count', args: { chosen, count } } : { code: 'group.countShown', args: { chosen, count, shown: shownCount } }),
      more ? this.words({ code: 'group.moreScopes', args: { count: more } }) : '',
    ];
    texts.forEach((text, at) => { if (row.fields[at].textContent !== text) row.fields[at].textContent = text; });
    row.check.setAttribute('aria-label', this.words({ code: 'group.all', args: { module: name } }));
    row.element.setAttribute('aria-expanded', String(expanded));
    const buttons = /** @type {HTMLElement} */ (row.toggles);
    while (buttons.children.length > toggles.length) buttons.lastElementChild?.remove();
    toggles.forEach(([scope, label, pressed], at) => {
      let button = /** @type {HTMLButtonElement | undefined} */ (buttons.children[at]);
      if (!button) {
        button = /** @type {HTMLButtonElement} */ (buttons.appendChild(element('button', 'guides-scope-selector__quick-btn guides-scope-selector__toggle')));
        button.type = 'button';
      }
      if (button.dataset.scope !== String(scope)) {
        button.dataset.scope = String(scope);
        // (The title shows a long name whole, which the toggle clips.)
        button.textContent = button.title = label;
      }
      const value = ['false', 'mixed', 'true'][pressed];
      if (button.getAttribute('aria-pressed') !== value) button.setAttribute('aria-pressed', value);
    });
  }

  /** One tab stop for a grouped list: the current line's checkbox (and a header's toggles). */
  rove() {
    for (const row of this.shown) {
      const tab = row.line === this.current ? 0 : -1;
      if (row.check.tabIndex === tab) continue;
      row.check.tabIndex = tab;
      for (const toggle of row.toggles?.children ?? []) /** @type {HTMLElement} */ (toggle).tabIndex = tab;
    }
  }

  /** @param {Row} row @param {RowData} rowData @param {ListData} data @param {number} slot its place among the drawn lines */
  fill(row, rowData, data, slot) {
    const [action, id, label, scopes, checked, ...marks] = rowData;
    // Rewritten only when the row shows other marks.
    const key = marks.join(';');
    if (row.key !== key) {
      [label, id, scopes].forEach((text, at) => writeMarked(row.fields[at], text, marks[at]));
      row.key = key;
    }
    row.action = action;
    row.check.checked = checked;
    // A windowed flat list tells where each drawn row is in the whole.
    if (data.windowed && !this.grouped) {
      row.element.setAttribute('aria-posinset', String(data.start + slot + 1));
      row.element.setAttribute('aria-setsize', String(data.total));
    } else {
      row.element.removeAttribute('aria-posinset');
      row.element.removeAttribute('aria-setsize');
    }
  }

  /** The focused line's position in the result (among all lines), or -1. */
  focusedPosition() {
    const at = this.shown.findIndex((row) => row.element.contains(document.activeElement));
    return at < 0 ? -1 : (this.data?.windowed ? this.data.start : 0) + at;
  }

  /**
   * Focuses the line at `position` of the result if it is drawn (false when it is not).
   * @param {number} position
   */
  focusPosition(position) {
    const row = this.shown[position - (this.data?.windowed ? this.data.start : 0)];
    if (!row) return false;
    row.check.focus();
    return true;
  }

  /** The focus moved to `target`: on a grouped list, its line takes the one tab stop. @param {EventTarget | null} target */
  focused(target) {
    const line = this.lineOf(target);
    if (!this.grouped || !line || line.line === this.current) return;
    this.current = line.line;
    this.rove();
  }
}
