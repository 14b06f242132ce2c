// The same site with the one-tag embed as a site script instead of a client module: the way a
// platform such as Mintlify includes custom scripts, in the page's head, outside the bundle. The
// test copies the package's www/dist/ to static/scope-selector/.
import base from './docusaurus.config.js';

export default {
  ...base,
  clientModules: [],
  scripts: [{ src: '/scope-selector/scope-selector.js', type: 'module', async: true }],
};
