// scope-selector's loader for platforms that include custom scripts as classic scripts rather
// than modules (Mintlify): it loads the auto-mount module next to it.
(() => {
  const script = document.currentScript;
  const base = (script instanceof HTMLScriptElement && script.src) || document.baseURI;
  import(new URL('./scope-selector.js', base).href).catch((error) => console.error('scope-selector: could not load', error));
})();
