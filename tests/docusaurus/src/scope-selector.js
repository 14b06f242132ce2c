// The widget, loaded on every page through the site's bundler.
import 'scope-selector/style.css';
import 'scope-selector/auto';
