// A minimal Docusaurus 3 docs site, set up as a docs team would: the widget comes from the npm
// package as a client module, bundled by Docusaurus (its auto-mount script: it waits for React to
// hydrate, and follows client-side navigation by itself).
export default {
  title: 'scope-selector fixture',
  url: 'http://127.0.0.1',
  baseUrl: '/',
  favicon: 'favicon.svg',
  trailingSlash: true,
  onBrokenLinks: 'throw',
  presets: [['classic', { docs: { routeBasePath: '/', sidebarPath: undefined }, blog: false, pages: false, theme: {} }]],
  clientModules: ['./src/scope-selector.js'],
};
