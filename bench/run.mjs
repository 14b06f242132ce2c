// `npm run bench`: the widget's speed and weight in headless Chromium, for two builds side by side
// in the same run, so that both see the same machine, browser and moment:
// - "new": this checkout (www/dist/: one engine module, scope-selector.wasm, built for size; the
//   JS renderer; the helpers, tools.js, on the same module);
// - "old": version 0.2 (the commit in bench/old-build.sh: the widget's web-sys module, its extras'
//   module and the helpers' module built for speed), checked out and built once into
//   target/bench-old/ by `bash bench/old-build.sh`, the step before this one in `npm run bench`
//   (skipped when already built; rebuilt when its commit changes).
// Each build's www/ is served by its own server; fresh pages alternate old and new (ABBA), so the
// VM's drift falls on both. Prints old | new | new/old for every figure, flags the new build's
// figures more than 25% worse than the old's, and writes bench/results/latest.json.
//
//   bash scripts/build.sh && bash bench/old-build.sh && node bench/run.mjs
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../scripts/chromium.mjs';
import { serve } from '../scripts/serve.mjs';
import { QUERIES, table } from './generate.mjs';
import { typeQueries } from './typing.mjs';

const ASHBY = 137;
/** Fresh pages per build for the figures of one page load. */
const LOADS = { [ASHBY]: 11, 100_000: 3 };
/** Pages per build for Catalog builds and search, and for keystrokes in the widget. */
const PAGES = 4;
/** Rounds of every query within one page, for search. */
const ROUNDS = { 10_000: 10, 100_000: 5 };
/** Loads per build of the Ashby demo page on the throttled connection. */
const THROTTLED_LOADS = 9;
/** 1.6 Mbit/s down and up, 150 ms round trip: the link of Lighthouse's mobile throttling, upload raised to the download's rate. */
const THROTTLE = { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 1.6e6 / 8 };
/** A figure of the new build this much worse than the old's is flagged. */
const WORSE = 1.25;

/** The median of `values`. */
const median = (values) => quantile(values, 0.5);
/** The `q` quantile of `values` (nearest rank). */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
/** The mean of `values`. */
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
/** Median, p95 and mean of `values`. */
const spread = (values) => ({ median: median(values), p95: quantile(values, 0.95), mean: mean(values) });

const here = fileURLToPath(new URL('..', import.meta.url));
const oldDir = join(here, 'target/bench-old');
const stamp = join(oldDir, '.bench-built');
if (!existsSync(stamp)) throw new Error('the old build is missing: run `bash bench/old-build.sh` first (npm run bench does)');
if (!existsSync(join(here, 'www/dist/scope-selector.wasm'))) throw new Error('the new build is missing: run `bash scripts/build.sh` first');

/**
 * A build to measure: its www/ served twice (cross-origin isolated, for precise timers; and
 * gzipped, as a site serves it, for the throttled loads), with pages generated from its own demo
 * page by its own scripts/demo-page.mjs.
 */
async function prepare(name, dir, commit) {
  const demo = await import(pathToFileURL(join(dir, 'scripts/demo-page.mjs')).href);
  const pages = new Map([['/bench.html', '<!doctype html><title>bench</title>']]);
  const root = join(dir, 'www');
  const { server, url } = await serve({ port: 0, isolate: true, root, pages });
  const gzipped = await serve({ port: 0, gzip: true, root });
  return { name, commit, dir, demo, pages, url, servers: [server, gzipped.server], throttledUrl: gzipped.url };
}
const BUILDS = [
  await prepare('old', oldDir, readFileSync(stamp, 'utf8').trim()),
  await prepare('new', here, execFileSync('git', ['rev-parse', 'HEAD'], { cwd: here, encoding: 'utf8' }).trim()),
];

/**
 * Runs `measure(build)` `times` times per build, old and new alternately (ABBA: neither always
 * goes first); resolves to { old: [results], new: [results] }.
 */
async function alternately(times, measure) {
  const out = Object.fromEntries(BUILDS.map((build) => [build.name, []]));
  for (let round = 0; round < times; round += 1) {
    for (const build of round % 2 ? [...BUILDS].reverse() : BUILDS) out[build.name].push(await measure(build));
  }
  return out;
}

/**
 * In a page of the `layout` build (an init script): `window.__helpers()` imports the build's
 * integrators' helpers, loads their wasm module and resolves to { loadMs (the module's fetch,
 * compile and instantiate), memory, open(text) → Promise<catalog> }, the catalog having
 * `search(query)` and `free()` in both builds.
 */
function defineHelpers(layout) {
  window.__helpers = async () => {
    if (layout === 'old') {
      // 0.2: the helpers' own module, built for speed, and its synchronous `new Catalog`.
      const glue = await import('/dist/tools/scope_selector_tools.js');
      const start = performance.now();
      const wasm = await glue.default({ module_or_path: fetch('/dist/tools/scope_selector_tools_bg.wasm') });
      return { loadMs: performance.now() - start, memory: wasm.memory, open: async (text) => new glue.Catalog(text) };
    }
    // Now: the helpers on the engine's module; `load()` resolves to its memory.
    const tools = await import('/dist/tools.js');
    const start = performance.now();
    const { memory } = await tools.load();
    return { loadMs: performance.now() - start, memory, open: (text) => tools.createCatalog(text) };
  };
}

/** Opens a fresh page of `build` at `path` with the helpers defined, and `init` run first if given. */
async function freshPage(build, path, init) {
  const page = await browser.newPage();
  await page.addInitScript(defineHelpers, build.name);
  if (init) await page.addInitScript(init);
  await page.goto(`${build.url}${path}`);
  return page;
}

// The pages of both builds: the widget alone (its demo page without its extras, as in every earlier
// run of this bench) with a generated table, and the tables as JSON.
const SHELL_TAG = '<script type="module" async src="dist/scope-selector.js"></script>';
/**
 * The widget's own share of start-up: `mountAll()` on a fresh page (new context, cold code), timed
 * inside the page. The demo page's shell is replaced by a module script that loads the package
 * (the API entry, dist/index.js, in both builds), waits for the parsed document and mounts.
 */
const MOUNT_PROBE = `<link rel="stylesheet" href="dist/scope-selector.css"><script type="module">
const api = await import('./dist/index.js');
const loading = performance.now();
await api.load();
window.__loaded = performance.now() - loading;
if (document.readyState === 'loading') await new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }));
const start = performance.now();
await api.mountAll();
const took = performance.now() - start;
window.__timing = document.querySelector('[data-guide-state="ready"]') ? took : NaN;
</script>`;
for (const build of BUILDS) {
  /** The build's demo page, the widget alone, with the table `json`. */
  const pageFor = (json) => build.demo.withoutExtras(build.demo.pageWithTable('index.html', json));
  if (!pageFor('[]').includes(SHELL_TAG)) throw new Error(`${build.name}: the demo page no longer loads the shell as the bench expects`);
  for (const size of [ASHBY, 10_000, 100_000]) build.pages.set(`/data-${size}.json`, JSON.stringify(table(size)));
  build.pages.set(`/mount-${ASHBY}.html`, pageFor(build.pages.get(`/data-${ASHBY}.json`)).replace(SHELL_TAG, () => MOUNT_PROBE));
  build.pages.set('/widget-100000.html', pageFor(build.pages.get('/data-100000.json')));
}

const browser = await launchChromium();
const results = {
  machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`,
  browser: browser.version(),
  builds: Object.fromEntries(BUILDS.map((build) => [build.name, { commit: build.commit, dir: build.dir }])),
  throttle: THROTTLE,
};
const raw = Object.fromEntries(BUILDS.map((build) => [build.name, {}]));
/** Stores each build's result of `measured` (from `alternately`) under `key` in `raw`. */
const keep = (key, measured) => { for (const build of BUILDS) raw[build.name][key] = measured[build.name]; };

/**
 * In the page: reports `window.__interactive` when a widget root is ready, and `window.__complete`
 * once the panel's extras (the preset buttons, which the demo panel has) are there too; both as
 * times since navigation. `window.__interactiveBytes`: what the page had transferred (the
 * document and every finished request, headers included) when it became interactive.
 */
function reportWhenComplete() {
  const transferred = () => [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')]
    .reduce((sum, entry) => sum + entry.transferSize, 0);
  new MutationObserver((_, observer) => {
    if (window.__interactive === undefined && document.querySelector('[data-guide-state="ready"]')) {
      window.__interactive = performance.now();
      window.__interactiveBytes = transferred();
    }
    if (window.__interactive !== undefined && document.querySelector('.guides-scope-selector__preset')) {
      window.__complete = performance.now();
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-guide-state'] });
}

/**
 * One load of the Ashby demo page as shipped (www/index.html, its extras included) on the throttled
 * connection, gzipped: navigation → interactive and → complete (ms), the bytes transferred by
 * then (from the page's resource timing), and those the page transferred until the network was
 * idle (from the browser's network events).
 */
async function throttledLoad(build) {
  const page = await browser.newPage();
  const cdp = await page.context().newCDPSession(page);
  let bytes = 0;
  cdp.on('Network.loadingFinished', (event) => { bytes += event.encodedDataLength; });
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', THROTTLE);
  await page.addInitScript(reportWhenComplete);
  await page.goto(`${build.throttledUrl}index.html`);
  await page.waitForFunction(() => window.__complete !== undefined, null, { timeout: 60_000 });
  await page.waitForLoadState('networkidle');
  const times = await page.evaluate(() => ({ interactive: window.__interactive, complete: window.__complete, interactiveBytes: window.__interactiveBytes }));
  await page.close();
  return { ...times, bytes };
}
keep('throttled', await alternately(THROTTLED_LOADS, throttledLoad));

/** A cold mount of the Ashby table (a fresh page of the mount probe): the module's load and the mount (ms). */
async function coldMount(build) {
  const page = await freshPage(build, `mount-${ASHBY}.html`);
  await page.waitForFunction(() => window.__timing !== undefined, null, { timeout: 120_000 });
  const times = await page.evaluate(() => ({ mount: window.__timing, load: window.__loaded }));
  await page.close();
  if (!Number.isFinite(times.mount)) throw new Error(`${build.name}: a cold mount did not mount`);
  return times;
}
keep('coldMount', await alternately(LOADS[ASHBY], coldMount));

/**
 * The first Catalog of a fresh page (the Ashby table): the helpers loaded, but none of their code
 * run before the timed construction (ms).
 */
async function firstCatalog(build) {
  const page = await freshPage(build, 'bench.html');
  const times = await page.evaluate(async (size) => {
    const text = await (await fetch(`/data-${size}.json`)).text();
    const helpers = await window.__helpers();
    const start = performance.now();
    const catalog = await helpers.open(text);
    const took = performance.now() - start;
    catalog.free();
    return { took, load: helpers.loadMs };
  }, ASHBY);
  await page.close();
  return times;
}
keep('firstCatalog', await alternately(LOADS[ASHBY], firstCatalog));

/**
 * Catalog construction and search per keystroke at `size` on one page of `build`: ours against a
 * plain JS reference (JSON.parse, and the "label id scopes" strings folded as the widget folds
 * them, prepared once: lower case, NFD, no nonspacing marks), and the helpers' linear memory.
 */
async function catalogAndSearch(build, size) {
  const page = await freshPage(build, 'bench.html');
  const timed = await page.evaluate(async ({ size, queries, rounds }) => {
    const helpers = await window.__helpers();
    // Warmed before the first timing.
    (await helpers.open('[{"id":"a","label":"A","scopes":[]}]')).free();
    const text = await (await fetch(`/data-${size}.json`)).text();
    const json = text.length;
    const builds = [];
    const referenceBuilds = [];
    let catalog;
    let afterFirst;
    let prepared;
    const fold = (value) => value.toLowerCase().normalize('NFD').replace(/\p{Mn}+/gu, '');
    const prepare = () => {
      prepared = JSON.parse(text).map((action) => fold([action.label, action.id, ...action.scopes].join('\t')));
    };
    for (let build = 0; build < 5; build += 1) {
      catalog?.free();
      let start = performance.now();
      catalog = await helpers.open(text);
      builds.push(performance.now() - start);
      afterFirst ??= helpers.memory.buffer.byteLength;
      start = performance.now();
      prepare();
      referenceBuilds.push(performance.now() - start);
    }
    const positions = prepared.map((_, index) => index);
    const reference = (query) => {
      const words = fold(query).split(/\s+/).filter(Boolean);
      return positions.filter((index) => words.every((word) => prepared[index].includes(word)));
    };
    const ours = [];
    const theirs = [];
    const prefixes = queries.flatMap((query) => Array.from(query, (_, end) => query.slice(0, end + 1)));
    // Each round times ours over every prefix, then the reference, and compares the results after:
    // the reference's garbage and the comparison's are not made between our keystrokes.
    const typeAll = (search, times) => prefixes.map((prefix) => {
      const start = performance.now();
      const found = search(prefix);
      times.push(performance.now() - start);
      return found;
    });
    for (let round = 0; round < rounds; round += 1) {
      const found = typeAll((prefix) => catalog.search(prefix), ours);
      const expected = typeAll(reference, theirs);
      prefixes.forEach((prefix, at) => {
        // Ours is ranked, the reference in table order: the sets must be equal.
        const sorted = Uint32Array.from(found[at]).sort();
        if (sorted.length !== expected[at].length || sorted.some((index, position) => index !== expected[at][position])) {
          throw new Error(`results differ for ${JSON.stringify(prefix)}: ${sorted.length} vs ${expected[at].length}`);
        }
      });
    }
    return { crossOriginIsolated, json, builds, referenceBuilds, ours, theirs, afterFirst, afterTyping: helpers.memory.buffer.byteLength };
  }, { size, queries: QUERIES, rounds: ROUNDS[size] });
  await page.close();
  if (!timed.crossOriginIsolated) throw new Error('the bench page is not cross-origin isolated: its timers are coarse');
  return timed;
}
for (const size of [10_000, 100_000]) keep(`catalog-${size}`, await alternately(PAGES, (build) => catalogAndSearch(build, size)));

/**
 * Keystroke → painted on the widget page of `build` at `size`, once mounted. A reader's keystroke
 * arrives at any moment of a frame; each one here is dispatched a set delay after a frame starts,
 * the delays cycling through 0–15 ms, so the wait for the next frame is sampled evenly. "work" is
 * what the keystroke costs the main thread (input handler, style, layout, then the next frame's
 * rendering up to paint); "painted" is the time from the keystroke until that frame is painted.
 */
async function typing(build, size) {
  const page = await freshPage(build, `widget-${size}.html`);
  await page.waitForSelector('[data-guide-state="ready"]', { timeout: 120_000 });
  const times = await page.evaluate(typeQueries, QUERIES);
  await page.close();
  return times;
}
keep('typing-100000', await alternately(PAGES, (build) => typing(build, 100_000)));

/** In the page, before its scripts: every wasm instance's memory kept in `window.__memories`. */
function recordMemories() {
  const instantiate = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = async (...args) => {
    const result = await instantiate.apply(WebAssembly, args);
    (window.__memories ??= []).push(Object.values(result.instance.exports).find((value) => value instanceof WebAssembly.Memory));
    return result;
  };
}

/**
 * The widget's linear memory (bytes) once the widget page of `build` at `size` has mounted: the
 * old build's one module, seen as the glue instantiates it; the new build's engine, from `load()`
 * of the page's own module (see below), checked to be the one instance the page made.
 */
async function widgetMemory(build, size) {
  const page = await freshPage(build, `widget-${size}.html`, recordMemories);
  await page.waitForSelector('[data-guide-state="ready"]', { timeout: 120_000 });
  const found = await page.evaluate(async (layout) => {
    const memories = window.__memories ?? [];
    if (layout === 'old') return { bytes: memories[0]?.buffer.byteLength, instances: memories.length, same: true };
    // The page loads dist/scope-selector.js; importing that same URL returns the same module
    // instance, whose `load()` resolves to the memory the mounted widget uses. (dist/index.js is
    // another bundle with its own copy of the glue: its `load()` would start a second engine.)
    const { memory } = await (await import('/dist/scope-selector.js')).load();
    return { bytes: memory.buffer.byteLength, instances: memories.length, same: memories[0] === memory };
  }, build.name);
  await page.close();
  if (found.instances !== 1 || !found.same || !(found.bytes > 0)) throw new Error(`${build.name}: expected the widget's one wasm instance, found ${JSON.stringify(found)}`);
  return found.bytes;
}
keep('widgetMemory-100000', await alternately(LOADS[100_000], (build) => widgetMemory(build, 100_000)));

await browser.close();
for (const build of BUILDS) for (const server of build.servers) server.close();

/**
 * The figures of one build from its raw measurements: medians over fresh pages; search and
 * keystrokes pooled over every page of the build.
 */
function figuresOf(run) {
  const pooled = (key, field) => run[key].flatMap((page) => page[field]);
  const catalog = (size) => {
    const builds = median(pooled(`catalog-${size}`, 'builds'));
    const reference = median(pooled(`catalog-${size}`, 'referenceBuilds'));
    return { builds, reference, ratio: builds / reference };
  };
  const [c10, c100] = [catalog(10_000), catalog(100_000)];
  const search = spread(pooled('catalog-100000', 'ours'));
  const reference = spread(pooled('catalog-100000', 'theirs'));
  const json = run['catalog-100000'][0].json;
  const painted = spread(pooled('typing-100000', 'painted'));
  const work = spread(pooled('typing-100000', 'work'));
  const widget = median(run['widgetMemory-100000']);
  return {
    throttledInteractive: median(run.throttled.map((load) => load.interactive)),
    throttledComplete: median(run.throttled.map((load) => load.complete)),
    throttledInteractiveBytes: median(run.throttled.map((load) => load.interactiveBytes)),
    throttledBytes: median(run.throttled.map((load) => load.bytes)),
    coldLoad: median(run.coldMount.map((load) => load.load)),
    coldMount: median(run.coldMount.map((load) => load.mount)),
    firstCatalogLoad: median(run.firstCatalog.map((load) => load.load)),
    firstCatalog: median(run.firstCatalog.map((load) => load.took)),
    catalog10: c10.builds, reference10: c10.reference, ratio10: c10.ratio,
    catalog100: c100.builds, reference100: c100.reference, ratio100: c100.ratio,
    searchMean: search.mean, searchMedian: search.median, searchP95: search.p95,
    referenceMean: reference.mean, speedUp: reference.mean / search.mean,
    workMedian: work.median, workP95: work.p95, paintedMedian: painted.median, paintedP95: painted.p95,
    helpersAfterCatalog: median(run['catalog-100000'].map((page) => page.afterFirst)) / json,
    helpersAfterTyping: median(run['catalog-100000'].map((page) => page.afterTyping)) / json,
    widgetMemory: widget,
    widgetMemoryPerJson: widget / json,
  };
}

/** Every figure, in print order: its key, its label, its unit, and whether higher is better. */
const FIGURES = [
  ['throttledInteractive', `Ashby demo page, 1.6 Mbit/s, 150 ms RTT: navigation → interactive (median of ${THROTTLED_LOADS})`, 'ms'],
  ['throttledComplete', '… → the panel complete (its extras attached)', 'ms'],
  ['throttledInteractiveBytes', '… bytes transferred by interactive (gzipped, page and all)', 'KB'],
  ['throttledBytes', '… bytes transferred until the network is idle', 'KB'],
  ['coldLoad', `Ashby page, cold: module load (median of ${LOADS[ASHBY]})`, 'ms'],
  ['coldMount', '… mount (target ≤ 16 ms)', 'ms'],
  ['firstCatalogLoad', `first Catalog of a fresh page, 137 actions: helpers' load (median of ${LOADS[ASHBY]})`, 'ms'],
  ['firstCatalog', '… the Catalog (target ≤ 5 ms)', 'ms'],
  ['catalog10', 'new Catalog, 10,000 actions (median)', 'ms'],
  ['reference10', '… JS reference build', 'ms'],
  ['ratio10', '… Catalog / reference (target ≤ 2×)', '×'],
  ['catalog100', 'new Catalog, 100,000 actions (median)', 'ms'],
  ['reference100', '… JS reference build', 'ms'],
  ['ratio100', '… Catalog / reference (target ≤ 2×)', '×'],
  ['searchMean', 'search / keystroke at 100,000, mean (target ≤ 1 ms)', 'ms'],
  ['searchMedian', '… median', 'ms'],
  ['searchP95', '… p95 (target ≤ 2 ms)', 'ms'],
  ['referenceMean', '… JS reference, mean', 'ms'],
  ['speedUp', '… speed-up over the reference, means (target ≥ 2×)', '×', true],
  ['workMedian', 'keystroke work at 100,000, median', 'ms'],
  ['workP95', '… p95', 'ms'],
  ['paintedMedian', 'keystroke → painted at 100,000, median (target ≤ 16 ms)', 'ms'],
  ['paintedP95', '… p95', 'ms'],
  ['helpersAfterCatalog', "helpers' linear memory after new Catalog at 100,000 / JSON (target ≤ 3×)", '×'],
  ['helpersAfterTyping', '… after typing the queries / JSON (target ≤ 3.5×)', '×'],
  ['widgetMemory', `the widget's linear memory, mounted with 100,000 actions (median of ${LOADS[100_000]})`, 'MB'],
  ['widgetMemoryPerJson', '… / JSON', '×'],
];
const figures = Object.fromEntries(BUILDS.map((build) => [build.name, figuresOf(raw[build.name])]));
/** `value` printed in `unit`. */
const format = (value, unit) => ({
  ms: () => `${value.toFixed(3)} ms`, KB: () => `${(value / 1e3).toFixed(1)} KB`,
  MB: () => `${(value / 1e6).toFixed(1)} MB`, '×': () => `${value.toFixed(2)}×`,
})[unit]();

results.figures = FIGURES.map(([key, label, unit, higherIsBetter = false]) => {
  const [old, now] = [figures.old[key], figures.new[key]];
  const ratio = now / old;
  return { key, label, unit, old, new: now, ratio, worse: higherIsBetter ? ratio < 1 / WORSE : ratio > WORSE };
});
results.raw = raw;

console.log(`scope-selector benchmark, old (${results.builds.old.commit.slice(0, 7)}) against new (${results.builds.new.commit.slice(0, 7)}): ${results.machine}, Chromium ${results.browser}, cross-origin isolated timers`);
console.log('| figure | old | new | new/old | |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const figure of results.figures) {
  const flag = figure.worse ? `**new worse by more than ${Math.round((WORSE - 1) * 100)}%**` : '';
  console.log(`| ${figure.label} | ${format(figure.old, figure.unit)} | ${format(figure.new, figure.unit)} | ${figure.ratio.toFixed(2)} | ${flag} |`);
}
// The JS reference runs the same code in both builds' pages: its new/old shows this run's noise.
const controls = results.figures.filter((figure) => figure.label.includes('JS reference'));
console.log(`control: the JS reference, the same code on both sides, measured new/old ${controls.map((figure) => figure.ratio.toFixed(2)).join(', ')}: differences of that order are this machine's noise`);
const flagged = results.figures.filter((figure) => figure.worse);
console.log(flagged.length ? `flagged: ${flagged.length} figure(s) of the new build more than 25% worse: ${flagged.map((figure) => figure.key).join(', ')}` : 'flagged: none');
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), JSON.stringify(results, null, 2));
console.log('written: bench/results/latest.json');
