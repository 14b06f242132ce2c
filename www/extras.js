// The panel's extras (presets, the key check, the exports, the search's words marked in the
// rows; crates/extras), loaded by the shell once a widget whose panel asks for one is
// interactive, or on a panel's first search: loads their stylesheet and wasm module (from the
// files next to this one; the wasm is fetched while its glue loads) and attaches them to the
// widget through its public API.

let started;
// Their styles (and the marks'), next to this file, after the widget's stylesheet as the one-tag
// script adds it; waited for (a failure too), so what the extras add shows styled.
const styles = () => new Promise((done) => {
  if (document.querySelector('link[data-scope-selector-extras-css]')) return done();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./extras.css', import.meta.url).href;
  link.dataset.scopeSelectorExtrasCss = '';
  link.onload = link.onerror = done;
  document.head.append(link);
});
/**
 * Attaches the extras to `widget` (the package's Widget) once their module is loaded, unless
 * `alive()` says the widget was destroyed meanwhile; `table`: its table option as JSON text.
 */
export async function attach(widget, table, alive) {
  started ??= (async () => {
    const styled = styles();
    const wasm = fetch(new URL('./extras/scope_selector_extras_bg.wasm', import.meta.url));
    const glue = await import('./extras/scope_selector_extras.js');
    await glue.default({ module_or_path: wasm });
    await styled;
    return glue;
  })().catch((error) => {
    // A failed load is tried again by the next widget.
    started = undefined;
    throw error;
  });
  const glue = await started;
  return alive() ? glue.attach(widget, table) : undefined;
}
