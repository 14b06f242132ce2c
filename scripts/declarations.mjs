// The package's declarations: tsc generated them from the JSDoc of the renderer and the helpers
// (tsconfig.declarations.json, into target/declarations/www/); this copies them beside the built
// scripts in www/dist/ (with the engine glue's, which they import), and appends to index.d.ts the
// one declaration JSDoc cannot write (www/types/events.d.ts: the change event's type in the DOM's
// event map).
import { cpSync, readFileSync, appendFileSync } from 'node:fs';

const from = new URL('../target/declarations/www/', import.meta.url);
const to = new URL('../www/dist/', import.meta.url);
cpSync(from, to, { recursive: true });
cpSync(new URL('../www/pkg/scope_selector.d.ts', import.meta.url), new URL('pkg/scope_selector.d.ts', to));
const events = readFileSync(new URL('../www/types/events.d.ts', import.meta.url), 'utf8');
appendFileSync(new URL('index.d.ts', to), `\n${events.replace("import('./index.js')", "import('./index.js')")}`);
