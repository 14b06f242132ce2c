// The Vite fixture's entry: the package's module API, as a docs site's bundle would use it.
import 'scope-selector/style.css';
import { CHANGE_EVENT, mountAll } from 'scope-selector';

window.changes = [];
document.addEventListener(CHANGE_EVENT, (event) => window.changes.push(event.detail));
window.mountAll = mountAll;
mountAll().then((widgets) => {
  window.widgets = widgets;
});
