// Deterministic action tables of any size, built from the Ashby table's patterns: the same verbs,
// nouns and read/write scope modules, spread over many synthetic providers. Fixed seed, so every
// run (browser bench and native bench) sees the same data.
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../scripts/random.mjs';

const ashby = JSON.parse(readFileSync(new URL('../tests/fixtures/ashby-actions.json', import.meta.url), 'utf8'));
export const SIZES = [137, 10_000, 100_000];


/** The Ashby table itself for 137; otherwise `size` actions following its patterns. */
export function table(size, seed = 20261122) {
  if (size === ashby.length) return ashby;
  const random = seededRandom(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const providers = ['acme', 'brightdesk', 'cobalt', 'driftwood', 'ember', 'fjord', 'granite', 'harbor', 'iris', 'juniper',
    'kestrel', 'lumen', 'meridian', 'nimbus', 'orchard', 'pioneer', 'quartz', 'redwood', 'summit', 'tundra'];
  const actions = [];
  for (let at = 0; actions.length < size; at += 1) {
    const template = ashby[at % ashby.length];
    const provider = providers[Math.floor(at / ashby.length) % providers.length];
    const batch = Math.floor(at / (ashby.length * providers.length));
    const stem = template.id.replace(/^ashby_/, '');
    const scopes = template.scopes.map((scope) => `${provider}.${scope}`);
    if (random() < 0.15) scopes.push(`${provider}.${pick(['reportsRead', 'organizationRead', 'candidatesRead'])}`);
    actions.push({
      id: `${provider}_${stem}${batch ? `_v${batch}` : ''}`,
      label: `${template.label}${batch ? ` (v${batch})` : ''} · ${provider[0].toUpperCase()}${provider.slice(1)}`,
      scopes: [...new Set(scopes)],
    });
  }
  return actions;
}

/** Realistic queries, typed letter by letter in the benchmark. */
export const QUERIES = ['candidate', 'update job', 'offer write', 'list interview', 'webhook', 'nimbus cand read'];

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = new URL('./data/', import.meta.url);
  mkdirSync(out, { recursive: true });
  for (const size of SIZES) {
    writeFileSync(new URL(`actions-${size}.json`, out), JSON.stringify(table(size)));
    console.log(`bench/data/actions-${size}.json`);
  }
}
