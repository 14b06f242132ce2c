// The action list: the rows the view model asks for, written as text. A short table keeps one row
// per action while the result is in table order (a search then only shows and hides rows); any
// other result is shown by a pool of rows, reused as the reader scrolls a long list, which the
// view model windows (only the rows in view exist).

/** @typedef {import('../messages.js').Message} Message */
/**
 * @typedef {[action: number, id: string, label: string, scopes: string, checked: boolean,
 *   labelMarks: number[], idMarks: number[], scopesMarks: number[]]} RowData
 * @typedef {{ total: number, windowed: boolean, keyed: boolean, start: number, rowHeight: number, rows: RowData[] }} ListData
 * @typedef {{ element: HTMLElement, check: HTMLInputElement, fields: HTMLElement[], action: number, key: string }} Row
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

/** The rows of one panel's list. */
export class ActionList {
  /**
   * @param {HTMLElement} scroller the scrolling list
   * @param {HTMLElement} rows the element holding the rows
   */
  constructor(scroller, rows) {
    this.scroller = scroller;
    this.rowsElement = rows;
    /** @type {Row[]} */
    this.pool = [];
    /** @type {Map<number, Row>} rows by action, in keyed mode */
    this.keyed = new Map();
    /** @type {Row[]} the rows shown, in order */
    this.shown = [];
    /** @type {ListData | undefined} */
    this.data = undefined;
  }

  /** The action of a row element's checkbox, or -1. @param {EventTarget | null} target */
  actionOf(target) {
    const row = /** @type {Element} */ (target).closest?.(`.${ROW}`);
    return this.shown.find((shown) => shown.element === row)?.action ?? -1;
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

  /** The focused action's position in the result, or -1. */
  focusedPosition() {
    const at = this.shown.findIndex((row) => row.check === document.activeElement);
    return at < 0 ? -1 : (this.data?.windowed ? this.data.start : 0) + at;
  }

  /**
   * Focuses the row at `position` of the result if it is drawn (false when it is not).
   * @param {number} position
   */
  focusPosition(position) {
    const row = this.shown[position - (this.data?.windowed ? this.data.start : 0)];
    if (!row) return false;
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
