// The action list: the rows the view model asks for, written as text. A short table keeps one row
// per action while the result is in table order (a search then only shows and hides rows); any
// other result is shown by a pool of rows, reused as the reader scrolls a long list, which the
// view model windows (only the rows in view exist). A grouped list is a treegrid: a header row per
// module (its tri-state checkbox, its name expanding it, its count, its scope toggles) above its
// action rows, each line kept by key while it is drawn.

/** @typedef {import('../messages.js').Message} Message */
/**
 * @typedef {[action: number, id: string, label: string, scopes: string, checked: boolean,
 *   labelMarks: number[], idMarks: number[], scopesMarks: number[]]} RowData
 * @typedef {[before: number, module: number, name: string, chosen: number, count: number, shown: number,
 *   state: number, expanded: boolean, toggles: [scope: number, name: string, state: number][]]} HeaderData
 * @typedef {{ total: number, windowed: boolean, keyed: boolean, start: number, rowHeight: number, rows: RowData[], headers: HeaderData[] }} ListData
 * @typedef {{ element: HTMLElement, check: HTMLInputElement, fields: HTMLElement[], action: number, key: string,
 *   line?: string, header?: HeaderData, toggles?: HTMLElement }} Row
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

/** A new row element: label > (check, text > (label, id), scopes). */
function newRow() {
  const row = element('div', ROW);
  row.setAttribute('role', 'listitem');
  const label = element('label', 'guides-scope-selector__row-label');
  const check = /** @type {HTMLInputElement} */ (element('input', 'guides-scope-selector__check'));
  check.type = 'checkbox';
  const text = element('span', 'guides-scope-selector__action');
  const fields = [element('span', 'guides-scope-selector__action-label'), element('code', 'guides-scope-selector__action-id'), element('span', 'guides-scope-selector__action-scopes')];
  text.append(fields[0], fields[1]);
  label.append(check, text, fields[2]);
  row.append(label);
  return { element: row, check, fields, action: -1, key: '' };
}

/** A new module header: row > cell > (check, name button, count), toggles. */
function newHeader() {
  const row = element('div', `${ROW} guides-scope-selector__module`);
  row.setAttribute('role', 'row');
  row.setAttribute('aria-level', '1');
  const cell = element('div', 'guides-scope-selector__row-label');
  cell.setAttribute('role', 'gridcell');
  const check = /** @type {HTMLInputElement} */ (element('input', 'guides-scope-selector__check'));
  check.type = 'checkbox';
  const name = element('button', 'guides-scope-selector__module-name');
  /** @type {HTMLButtonElement} */ (name).type = 'button';
  name.tabIndex = -1;
  const count = element('span', 'guides-scope-selector__module-count');
  const toggles = element('span', 'guides-scope-selector__toggles');
  cell.append(check, name, count, toggles);
  row.append(cell);
  return { element: row, check, fields: [name, count], action: -1, key: '', toggles };
}

/** The rows of one panel's list. */
export class ActionList {
  /**
   * @param {HTMLElement} scroller the scrolling list
   * @param {HTMLElement} rows the element holding the rows
   * @param {boolean} grouped the list is grouped by module (a treegrid)
   * @param {import('../messages.js').Words} words the panel's words
   */
  constructor(scroller, rows, grouped, words) {
    this.scroller = scroller;
    this.rowsElement = rows;
    this.grouped = grouped;
    this.words = words;
    /** @type {Map<string, Row>} a grouped list's lines by key (`m` module or `a` action) */
    this.lines = new Map();
    /** The key of the line holding the list's one tab stop. */
    this.current = '';
    /** @type {Row[]} */
    this.pool = [];
    /** @type {Map<number, Row>} rows by action, in keyed mode */
    this.keyed = new Map();
    /** @type {Row[]} the rows shown, in order */
    this.shown = [];
    /** @type {ListData | undefined} */
    this.data = undefined;
  }

  /** The drawn line holding an element. @param {EventTarget | null} target */
  lineOf(target) {
    const row = /** @type {Element} */ (target).closest?.(`.${ROW}`);
    return this.shown.find((shown) => shown.element === row);
  }

  /** The action of a row element's checkbox, or -1. @param {EventTarget | null} target */
  actionOf(target) {
    return this.lineOf(target)?.action ?? -1;
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
    if (this.grouped) return this.renderGrouped(data);
    const focused = this.focusedAction();
    const style = this.rowsElement.style;
    if (data.windowed) {
      style.height = `${data.total * data.rowHeight}px`;
      style.paddingTop = `${data.start * data.rowHeight}px`;
    } else {
      style.removeProperty('height');
      style.removeProperty('padding-top');
    }
    /** @type {Row[]} */
    const shown = [];
    if (data.keyed) {
      for (const row of this.pool) row.element.remove();
      this.pool.length = 0;
      data.rows.forEach((rowData, position) => {
        let row = this.keyed.get(rowData[0]);
        if (!row) {
          row = newRow();
          // In table order: before the first row of a later action (rows are never moved, which
          // would take the focus away).
          let later = null;
          for (const [action, other] of this.keyed) {
            if (action > rowData[0] && (!later || action < later.action)) later = other;
          }
          this.rowsElement.insertBefore(row.element, later?.element ?? null);
          this.keyed.set(rowData[0], row);
        }
        shown.push(row);
        this.fill(row, rowData, data, position);
      });
      const visible = new Set(shown);
      for (const row of this.keyed.values()) row.element.hidden = !visible.has(row);
    } else {
      for (const row of this.keyed.values()) row.element.remove();
      this.keyed.clear();
      while (this.pool.length < data.rows.length) {
        const row = newRow();
        this.rowsElement.append(row.element);
        this.pool.push(row);
      }
      this.pool.forEach((row, slot) => {
        const rowData = data.rows[slot];
        if (rowData) {
          this.fill(row, rowData, data, slot);
          shown.push(row);
        } else {
          row.element.hidden = true;
          row.action = -1;
        }
      });
    }
    this.shown = shown;
    this.restoreFocus(focused);
  }

  /** A grouped list: its lines in order, each kept by key while drawn. @param {ListData} data */
  renderGrouped(data) {
    const focused = document.activeElement;
    const focusedLine = this.lineOf(focused);
    const style = this.rowsElement.style;
    style.height = data.windowed ? `${data.total * data.rowHeight}px` : '';
    style.paddingTop = data.windowed ? `${data.start * data.rowHeight}px` : '';
    /** @type {Map<string, Row>} */
    const lines = new Map();
    /** @param {string} key @param {() => Row} make */
    const line = (key, make) => {
      const row = this.lines.get(key) ?? make();
      row.line = key;
      lines.set(key, row);
      return row;
    };
    /** @type {Row[]} */
    const shown = [];
    let next = 0;
    const headers = data.headers;
    const addHeaders = (/** @type {number} */ before) => {
      for (; next < headers.length && headers[next][0] <= before; next += 1) {
        const header = headers[next];
        const row = line(`m${header[1]}`, newHeader);
        this.fillHeader(row, header);
        shown.push(row);
      }
    };
    const flat = { ...data, windowed: false };
    data.rows.forEach((rowData, at) => {
      addHeaders(at);
      const row = line(`a${rowData[0]}`, () => {
        // A treegrid's row holds cells: its label goes into one.
        const made = newRow();
        const cell = element('div', 'guides-scope-selector__cell');
        cell.setAttribute('role', 'gridcell');
        cell.append(.../** @type {Node[]} */ ([...made.element.childNodes]));
        made.element.append(cell);
        made.element.setAttribute('role', 'row');
        made.element.setAttribute('aria-level', '2');
        return made;
      });
      this.fill(row, rowData, flat, at);
      shown.push(row);
    });
    addHeaders(Infinity);
    for (const [key, row] of this.lines) if (!lines.has(key)) row.element.remove();
    let place = this.rowsElement.firstElementChild;
    for (const row of shown) {
      if (row.element === place) place = place.nextElementSibling;
      else this.rowsElement.insertBefore(row.element, place);
    }
    this.lines = lines;
    this.shown = shown;
    if (!lines.has(this.current)) this.current = shown[0]?.line ?? '';
    this.rove();
    // A line moved in the page loses the focus: it goes back to the same control.
    if (focusedLine?.line && focused !== document.activeElement && lines.get(focusedLine.line) === focusedLine) {
      /** @type {HTMLElement} */ (focused).focus({ preventScroll: true });
    }
  }

  /** Writes a module header. @param {Row} row @param {HeaderData} header */
  fillHeader(row, header) {
    const [, module, name, chosen, count, shownCount, state, expanded, toggles] = header;
    row.header = header;
    row.action = -1 - module;
    row.check.checked = state === 2;
    row.check.indeterminate = state === 1;
    row.check.setAttribute('aria-label', this.words({ code: 'group.all', args: { module: name } }));
    row.element.setAttribute('aria-expanded', String(expanded));
    row.fields[0].textContent = name;
    row.fields[1].textContent = this.words(shownCount < 0 ? { code: 'group.count', args: { chosen, count } } : { code: 'group.countShown', args: { chosen, count, shown: shownCount } });
    const buttons = /** @type {HTMLElement} */ (row.toggles);
    while (buttons.children.length > toggles.length) buttons.lastElementChild?.remove();
    toggles.forEach(([scope, label, pressed], at) => {
      const button = /** @type {HTMLButtonElement} */ (buttons.children[at] ?? buttons.appendChild(element('button', 'guides-scope-selector__quick-btn guides-scope-selector__toggle')));
      button.type = 'button';
      button.dataset.scope = String(scope);
      button.textContent = label;
      button.setAttribute('aria-pressed', ['false', 'mixed', 'true'][pressed]);
    });
  }

  /** One tab stop for a grouped list: the current line's checkbox (and a header's toggles). */
  rove() {
    for (const row of this.shown) {
      const tab = row.line === this.current ? 0 : -1;
      row.check.tabIndex = tab;
      for (const toggle of row.toggles?.children ?? []) /** @type {HTMLElement} */ (toggle).tabIndex = tab;
    }
  }

  /** @param {Row} row @param {RowData} rowData @param {ListData} data @param {number} slot its place among the drawn rows */
  fill(row, rowData, data, slot) {
    const [action, id, label, scopes, checked, ...marks] = rowData;
    // Rewritten only when the row shows another action or other marks.
    const key = `${action}\u0000${marks.join(';')}`;
    if (row.key !== key) {
      [label, id, scopes].forEach((text, at) => writeMarked(row.fields[at], text, marks[at]));
      row.key = key;
    }
    row.action = action;
    row.check.checked = checked;
    row.element.hidden = false;
    if (data.windowed) {
      row.element.setAttribute('aria-posinset', String(data.start + slot + 1));
      row.element.setAttribute('aria-setsize', String(data.total));
    } else {
      row.element.removeAttribute('aria-posinset');
      row.element.removeAttribute('aria-setsize');
    }
  }

  /** The action whose checkbox has the focus, or -1. */
  focusedAction() {
    return this.shown.find((row) => row.check === document.activeElement)?.action ?? -1;
  }

  /** The focused line's position in the result (a grouped list: among its lines), or -1. */
  focusedPosition() {
    const at = this.shown.findIndex((row) => (this.grouped ? row.element.contains(document.activeElement) : row.check === document.activeElement));
    return at < 0 ? -1 : (this.data?.windowed ? this.data.start : 0) + at;
  }

  /**
   * Focuses the row at `position` of the result if it is drawn (false when it is not).
   * @param {number} position
   */
  focusPosition(position) {
    const row = this.shown[position - (this.data?.windowed ? this.data.start : 0)];
    if (!row) return false;
    if (this.grouped) {
      this.current = row.line ?? '';
      this.rove();
    }
    row.check.focus();
    return true;
  }

  /** After rows were reassigned, keeps the focus on the same action. @param {number} action */
  restoreFocus(action) {
    if (action < 0) return;
    const row = this.shown.find((shown) => shown.action === action);
    if (row && document.activeElement !== row.check) row.check.focus({ preventScroll: true });
  }
}
