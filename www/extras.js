// The panel's extras (presets, the key check, the exports; crates/extras), loaded by the shell
// once a widget whose panel asks for one is interactive: loads their wasm module (from the files
// next to this one; the wasm is fetched while its glue loads) and attaches them to the widget
// through its public API.

let started;
/**
 * Attaches the extras to `widget` (the package's Widget) once their module is loaded, unless
 * `alive()` says the widget was destroyed meanwhile; `table`: its table option as JSON text.
 */
export async function attach(widget, table, alive) {
  started ??= (async () => {
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
