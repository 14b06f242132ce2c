// The package's declarations: tsc generated them from the JSDoc of the entries
// (tsconfig.declarations.json, into target/declarations/www/); this copies the entries' ones
// beside the built scripts in www/dist/ (they import nothing else), and appends to index.d.ts the
// one declaration JSDoc cannot write (www/types/events.d.ts: the change event's type in the DOM's
// event map).
import { appendFileSync, copyFileSync, readFileSync } from 'node:fs';

const from = new URL('../target/declarations/www/', import.meta.url);
const to = new URL('../www/dist/', import.meta.url);
for (const entry of ['index', 'auto', 'scope-selector', 'tools', 'import']) {
  const file = `${entry}.d.ts`;
  const text = readFileSync(new URL(file, from), 'utf8');
  for (const [, imported] of text.matchAll(/from '\.\/([^']+)\.js'|import\('\.\/([^']+)\.js'\)/g)) {
    if (imported && !['index', 'auto'].includes(imported)) throw new Error(`declarations: ${file} imports ./${imported}.js, which the package does not declare`);
  }
  copyFileSync(new URL(file, from), new URL(file, to));
}
appendFileSync(new URL('index.d.ts', to), `\n${readFileSync(new URL('../www/types/events.d.ts', import.meta.url), 'utf8')}`);
