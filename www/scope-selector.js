// scope-selector's one-tag embed: `<script type="module" async src=".../scope-selector.js">`. The
// auto-mount script and the API in one file (scripts/build.sh bundles them with the wasm glue),
// plus the stylesheet, added next to the script unless the page links it already.
export * from './auto.js';

if (typeof document !== 'undefined' && !document.querySelector('link[data-scope-selector-css]')) {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = new URL('./scope-selector.css', import.meta.url).href;
  link.dataset.scopeSelectorCss = '';
  document.head.append(link);
}
