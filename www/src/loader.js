// scope-selector's loader for sites that add scripts as classic <script> tags (Mintlify includes
// every .js file of a docs repository this way): it loads the auto-mount module that sits next to
// it, or at the address in its data-scope-selector-src attribute.
(() => {
  const script = document.currentScript;
  const src = script?.dataset.scopeSelectorSrc ?? new URL('./auto.js', script?.src ?? document.baseURI).href;
  import(src).catch((error) => console.error('scope-selector: could not load', src, error));
})();
