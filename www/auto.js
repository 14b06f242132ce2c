// scope-selector's auto-mount script: the package's "./auto" entry, and the heart of the one-tag
// embed (scope-selector.js). Once the page is parsed it mounts every panel root; then (watch.js,
// loaded once the widgets are interactive) it watches the page for panel roots coming and going
// with client-side navigation, mounts the new ones and destroys the widgets of the removed ones,
// so a site needs no hook. Where there is no `document` (Node, a server renderer) it does nothing.
//
// On a page that React renders on the server and then hydrates (Docusaurus; Next.js, so
// Mintlify), roots are mounted once React has hydrated them (hydration.js): changing the markup
// before would make React discard it and render the page again without the widget.
import { mountAll, parsed } from './index.js';

export * from './index.js';

/** Containers of server-rendered React pages. */
const REACT_ROOTS = '#__docusaurus, #__next, [data-reactroot]';

/** Settles when the page's roots may be changed. */
const settled = () => (document.querySelector(REACT_ROOTS) ? import('./hydration.js').then((react) => react.hydrated(REACT_ROOTS)) : Promise.resolve());

/** Resolves to the widgets mounted on the page as it was parsed (`[]` where there is no document). */
/** @type {Promise<import('./index.js').Widget[]>} */
export const ready = typeof document === 'undefined' ? Promise.resolve([]) : (async () => {
  await parsed();
  await settled();
  const widgets = await mountAll(document);
  import('./watch.js').then(
    (watch) => watch.watch(widgets, settled, mountAll),
    (error) => console.error('scope-selector: could not load the code that mounts later panels', error),
  );
  return widgets;
})();
