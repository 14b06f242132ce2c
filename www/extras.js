// The panel's extras (presets, the key check, the exports, the search's words marked in the
// rows; crates/extras), loaded by the shell once a widget whose panel asks for one is
// interactive, or on a panel's first search: adds their styles, loads their wasm module (from the
// files next to this one; the wasm is fetched while its glue loads) and attaches them to the
// widget through its public API.
//
// Their styles (www/extras.css) are bundled in as text (scripts/build.sh) and adopted by the
// document as a constructed stylesheet: no file for a bundler to handle or a page to find, and
// nothing a strict Content-Security-Policy blocks. Adopted sheets come after the page's own, so
// they override the widget's stylesheet where they restyle its buttons.
import styles from './extras.css';

let started;
let sheet;
/**
 * Attaches the extras to `widget` (the package's Widget) once their module is loaded, unless
 * `alive()` says the widget was destroyed meanwhile; `table`: its table option as JSON text.
 */
export async function attach(widget, table, alive) {
  started ??= (async () => {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(styles);
      document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    }
    const wasm = fetch(new URL('./extras/scope_selector_extras_bg.wasm', import.meta.url));
    const glue = await import('./extras/scope_selector_extras.js');
    await glue.default({ module_or_path: wasm });
    return glue;
  })().catch((error) => {
    // A failed load is tried again by the next widget.
    started = undefined;
    throw error;
  });
  const glue = await started;
  return alive() ? glue.attach(widget, table) : undefined;
}
