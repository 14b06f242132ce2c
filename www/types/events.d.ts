// The one declaration JSDoc cannot write: the change event in the DOM's event map, so
// `root.addEventListener(CHANGE_EVENT, (event) => event.detail…)` is typed. scripts/declarations.mjs
// appends it to the generated www/dist/index.d.ts.
declare global {
  interface HTMLElementEventMap {
    'scope-selector:change': CustomEvent<import('./index.js').ChangeDetail>;
  }
}
