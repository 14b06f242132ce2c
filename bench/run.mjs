// `npm run bench`: the widget's speed and weight in headless Chromium, for tables of 137, 10,000
// and 100,000 actions. Prints a table and writes bench/results/latest.json.
import { writeFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { launchChromium } from '../scripts/chromium.mjs';
import { serve } from '../scripts/serve.mjs';
import { measure as measureSize } from '../scripts/size.mjs';
import { pageWithTable, withoutExtras } from '../scripts/demo-page.mjs';
import { SIZES, QUERIES, table } from './generate.mjs';

const LOADS = { 137: 9, 10000: 5, 100000: 3 };
const ROUNDS = { 137: 20, 10000: 10, 100000: 5 };

const median = (values) => quantile(values, 0.5);
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}
const mean = (values) => values.reduce((sum, value) => sum + value, 0) / values.length;
const spread = (values) => ({ median: median(values), p95: quantile(values, 0.95), mean: mean(values) });
// The widget alone (the demo page without its extras), as in every earlier run of this bench.
const pageFor = (json) => withoutExtras(pageWithTable('index.html', json));

// The generated pages and tables are served by the same server as the widget's files (routing them
// through Playwright would pause every request of the page in the test driver).
const pages = new Map([['/bench.html', '<!doctype html><title>bench</title>']]);
const { server, url } = await serve({ port: 0, isolate: true, pages });
const browser = await launchChromium();
const results = { machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}`, browser: browser.version(), sizes: [] };

/**
 * Median over `loads` fresh pages of the time (ms) a page reports in `window.__timing`; `init` runs
 * before the page's own scripts. A page reports NaN when its widget did not mount.
 */
async function timedLoads(path, loads, init) {
  const times = [];
  for (let load = 0; load < loads; load += 1) {
    const page = await browser.newPage();
    if (init) await page.addInitScript(init);
    await page.goto(`${url}${path}`);
    await page.waitForFunction(() => window.__timing !== undefined, null, { timeout: 120_000 });
    times.push(await page.evaluate(() => window.__timing));
    await page.close();
  }
  if (!times.every(Number.isFinite)) throw new Error(`${path} did not report a time on every load`);
  return median(times);
}

/** Navigation → interactive: reports the time from navigation until a widget root gets `data-guide-state`. */
function reportWhenInteractive() {
  new MutationObserver((_, observer) => {
    if (document.querySelector('[data-guide-state]')) { window.__timing = performance.now(); observer.disconnect(); }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-guide-state'] });
}

/**
 * The widget's own share of start-up: `mountAll()` on a fresh page (new context, cold code),
 * timed inside the page. The page is the demo page with its shell replaced by a module script that
 * loads the package, waits for the parsed document and mounts.
 */
const SHELL_TAG = '<script type="module" async src="dist/scope-selector.js"></script>';
const MOUNT_PROBE = `<link rel="stylesheet" href="dist/scope-selector.css"><script type="module">
const api = await import('./dist/index.js');
const loading = performance.now();
await api.load();
window.__loaded = performance.now() - loading;
if (document.readyState === 'loading') await new Promise((done) => document.addEventListener('DOMContentLoaded', done, { once: true }));
performance.mark('scope-selector-bench:mount');
const start = performance.now();
await api.mountAll();
const took = performance.now() - start;
performance.mark('scope-selector-bench:mounted');
window.__timing = document.querySelector('[data-guide-state="ready"]') ? took : NaN;
</script>`;
if (!pageFor('[]').includes(SHELL_TAG)) throw new Error('the demo page no longer loads the shell as the bench expects');
/**
 * The same mount with warm code: mounted once, destroyed, then the second `mountAll()` timed. The
 * difference to the cold mount is what the engine spends on the module's code the first time it
 * runs (mostly compiling it lazily, function by function), which no change to the DOM work can
 * remove.
 */
const MOUNT_MARK = "performance.mark('scope-selector-bench:mount');";
const WARM_MOUNT_PROBE = MOUNT_PROBE.replace(MOUNT_MARK, () => `for (const widget of await api.mountAll()) widget.destroy();
${MOUNT_MARK}`);
if (WARM_MOUNT_PROBE === MOUNT_PROBE) throw new Error('the warm mount probe no longer mounts first');

/** Widget interactive → the panel's extras attached: their module fetched, compiled and run. */
function reportExtrasDelay() {
  let ready;
  new MutationObserver((_, observer) => {
    ready ??= document.querySelector('[data-guide-state="ready"]') ? performance.now() : undefined;
    if (ready !== undefined && document.querySelector('.guides-scope-selector__preset')) {
      window.__timing = performance.now() - ready;
      observer.disconnect();
    }
  }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-guide-state'] });
}
// The delay a reader of the Ashby demo could see before the presets, key check and exports work.
results.extrasDelayMs = await timedLoads('index.html', LOADS[137], reportExtrasDelay);

// The floor of this browser on this machine: an empty page whose one inline module script marks
// itself ready. Navigation → interactive cannot be shorter than this.
pages.set('/floor.html', '<!doctype html><title>floor</title><script type="module">window.__timing = performance.now()</script>');
results.floorMs = await timedLoads('floor.html', LOADS[137]);

/**
 * Keystroke → painted, on the page at `path` once `ready` matches. A reader's keystroke arrives at
 * any moment of a frame; each one here is dispatched a set delay after a frame starts, the delays
 * cycling through 0–15 ms, so the wait for the next frame is sampled evenly. "work" is what the
 * keystroke costs the main thread (input handler, style, layout, then the next frame's rendering
 * up to paint); "painted" is the time from the keystroke until that frame is painted.
 */
async function typingTimes(path, ready) {
  const page = await browser.newPage();
  await page.goto(`${url}${path}`);
  await page.waitForSelector(ready, { timeout: 120_000 });
  const typing = await page.evaluate(async ({ queries }) => {
    const input = document.querySelector('[data-guide-action-search]');
    const rows = document.querySelector('.guides-scope-selector__rows');
    const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
    // A message posted from an animation frame is delivered once that frame has been rendered.
    const afterPaint = () => new Promise((done) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => done(performance.now());
      channel.port2.postMessage(null);
    });
    const work = [];
    const painted = [];
    let keystroke = 0;
    for (const query of queries) {
      for (let end = 1; end <= query.length; end += 1) {
        await nextFrame();
        const delay = (keystroke * 7) % 16;
        keystroke += 1;
        if (delay > 0) await new Promise((done) => setTimeout(done, delay));
        const start = performance.now();
        input.value = query.slice(0, end);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        void rows.offsetHeight;
        const handled = performance.now() - start;
        await nextFrame();
        const frameStart = performance.now();
        const paintedAt = await afterPaint();
        work.push(handled + (paintedAt - frameStart));
        painted.push(paintedAt - start);
      }
    }
    return { work, painted };
  }, { queries: QUERIES });
  await page.close();
  return { work: spread(typing.work), painted: spread(typing.painted) };
}

// The same keystrokes into a plain input that nothing listens to: the wait for the next frame
// and that frame's own rendering, which no widget can take away.
pages.set('/typing-floor.html', '<!doctype html><title>typing floor</title><input data-guide-action-search><div class="guides-scope-selector__rows"></div>');
results.typingFloor = await typingTimes('typing-floor.html', 'input');

/** `new Catalog` of the `size` table on fresh pages of `on`: its time, and the module's memory. */
async function firstCatalogs(on, size) {
  const loads = [];
  for (let load = 0; load < LOADS[size]; load += 1) {
    const page = await on.newPage();
    await page.goto(`${url}bench.html`);
    loads.push(await page.evaluate(async ({ size }) => {
      const glue = await import('/dist/tools/scope_selector_tools.js');
      const text = await (await fetch(`/data-${size}.json`)).text();
      const loading = performance.now();
      const wasm = await glue.default({ module_or_path: fetch('/dist/tools/scope_selector_tools_bg.wasm') });
      const loaded = performance.now() - loading;
      const before = wasm.memory.buffer.byteLength;
      const start = performance.now();
      const catalog = new glue.Catalog(text);
      const took = performance.now() - start;
      const built = wasm.memory.buffer.byteLength;
      catalog.free();
      return { took, loaded, before, built, text: text.length };
    }, { size }));
    await page.close();
  }
  return loads;
}

/**
 * Cold mounts of the `size` table in `on` (fresh pages of the mount probe): medians of the
 * module's load (fetch, compile, instantiate) and of the mount.
 */
async function coldMounts(on, size) {
  const loads = [];
  for (let load = 0; load < LOADS[size]; load += 1) {
    const page = await on.newPage();
    await page.goto(`${url}mount-${size}.html`);
    await page.waitForFunction(() => window.__timing !== undefined, null, { timeout: 120_000 });
    loads.push(await page.evaluate(() => ({ mount: window.__timing, load: window.__loaded })));
    await page.close();
  }
  if (!loads.every((load) => Number.isFinite(load.mount) && Number.isFinite(load.load))) throw new Error(`mount-${size}.html: a cold mount did not report its times`);
  return { loadMs: median(loads.map((load) => load.load)), mountMs: median(loads.map((load) => load.mount)) };
}

/** The widget's linear memory once the page at `path` has mounted it (one fresh load). */
async function widgetMemory(path) {
  const page = await browser.newPage();
  // The module's memory, from the instance the glue creates.
  await page.addInitScript(() => {
    const instantiate = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (...args) => {
      const result = await instantiate.apply(WebAssembly, args);
      (window.__memories ??= []).push(Object.values(result.instance.exports).find((value) => value instanceof WebAssembly.Memory));
      return result;
    };
  });
  await page.goto(`${url}${path}`);
  await page.waitForSelector('[data-guide-state="ready"]', { timeout: 120_000 });
  const sizes = await page.evaluate(() => (window.__memories ?? []).map((memory) => memory?.buffer.byteLength));
  await page.close();
  if (sizes.length !== 1 || !(sizes[0] > 0)) throw new Error(`${path}: expected the widget's one module, found ${sizes.length}`);
  return sizes[0];
}

for (const size of SIZES) {
  const json = JSON.stringify(table(size));
  pages.set(`/bench-${size}.html`, pageFor(json));
  pages.set(`/data-${size}.json`, json);
  const row = { size };

  // Navigation → interactive widget (data-guide-state set), several fresh loads.
  row.interactiveMs = await timedLoads(`bench-${size}.html`, LOADS[size], reportWhenInteractive);
  pages.set(`/mount-${size}.html`, pageFor(json).replace(SHELL_TAG, () => MOUNT_PROBE));
  Object.assign(row, await coldMounts(browser, size));
  pages.set(`/mount-warm-${size}.html`, pageFor(json).replace(SHELL_TAG, () => WARM_MOUNT_PROBE));
  row.warmMountMs = await timedLoads(`mount-warm-${size}.html`, LOADS[size]);

  // The first Catalog of a fresh page: the helpers' module instantiated, but none of its exports
  // run before the timed `new Catalog`; then the module's linear memory against the JSON text.
  const fresh = await firstCatalogs(browser, size);
  row.firstCatalogMs = median(fresh.map((load) => load.took));
  row.firstCatalogLoadMs = median(fresh.map((load) => load.loaded));
  row.memory = { json: fresh[0].text, instantiated: fresh[0].before, afterCatalog: median(fresh.map((load) => load.built)) };

  // Catalog construction, and search per keystroke: ours against a plain JS reference (JSON.parse
  // and the "label id scopes" strings folded as the widget folds them, prepared once: lower case,
  // NFD, no nonspacing marks; before the widget ignored diacritics, the reference only lower-cased).
  const page = await browser.newPage();
  await page.goto(`${url}bench.html`);
  const timed = await page.evaluate(async ({ size, queries, rounds }) => {
    // The Catalog class lives in the helpers' module (the same core, built without the widget's
    // size options); loaded before the first timing.
    const glue = await import('/dist/tools/scope_selector_tools.js');
    const wasm = await glue.default({ module_or_path: fetch('/dist/tools/scope_selector_tools_bg.wasm') });
    new glue.Catalog('[{"id":"a","label":"A","scopes":[]}]').free();
    const text = await (await fetch(`/data-${size}.json`)).text();
    const builds = [];
    const referenceBuilds = [];
    let catalog;
    let actions;
    let prepared;
    const fold = (value) => value.toLowerCase().normalize('NFD').replace(/\p{Mn}+/gu, '');
    const prepare = () => {
      actions = JSON.parse(text);
      prepared = actions.map((action) => fold([action.label, action.id, ...action.scopes].join('\t')));
    };
    for (let build = 0; build < 5; build += 1) {
      catalog?.free();
      let start = performance.now();
      catalog = new glue.Catalog(text);
      builds.push(performance.now() - start);
      start = performance.now();
      prepare();
      referenceBuilds.push(performance.now() - start);
    }
    const afterBuilds = wasm.memory.buffer.byteLength;
    const positions = prepared.map((_, index) => index);
    const reference = (query) => {
      const words = fold(query).split(/\s+/).filter(Boolean);
      return positions.filter((index) => words.every((word) => prepared[index].includes(word)));
    };
    const ours = [];
    const theirs = [];
    const prefixes = queries.flatMap((query) => Array.from(query, (_, end) => query.slice(0, end + 1)));
    // Each round times ours over every prefix, then the reference, and compares the results after:
    // the reference's garbage and the comparison's are no longer made between our keystrokes (they
    // can still be collected during them).
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
    return { crossOriginIsolated, builds, referenceBuilds, ours, theirs, afterBuilds, afterTyping: wasm.memory.buffer.byteLength };
  }, { size, queries: QUERIES, rounds: ROUNDS[size] });
  await page.close();
  row.crossOriginIsolated = timed.crossOriginIsolated;
  row.catalogMs = median(timed.builds);
  row.referenceBuildMs = median(timed.referenceBuilds);
  Object.assign(row.memory, { afterBuilds: timed.afterBuilds, afterTyping: timed.afterTyping });
  row.search = spread(timed.ours);
  row.reference = spread(timed.theirs);

  // Keystroke → list painted, in the widget.
  row.keystroke = await typingTimes(`bench-${size}.html`, '[data-guide-state="ready"]');
  row.memory.widget = await widgetMemory(`bench-${size}.html`);
  results.sizes.push(row);
}
/**
 * The wasm functions V8 compiles on their first call (lazy compilation, its default) inside a cold
 * mount of the Ashby page in `on`, traced: how many, and the time the trace gives them.
 */
async function lazilyCompiled(on) {
  const page = await on.newPage();
  await on.startTracing(page, { categories: ['blink.user_timing', 'v8.wasm'] });
  await page.goto(`${url}mount-137.html`);
  await page.waitForFunction(() => window.__timing !== undefined, null, { timeout: 120_000 });
  const events = JSON.parse((await on.stopTracing()).toString()).traceEvents;
  await page.close();
  const mark = (name) => events.find((event) => event.name === name)?.ts;
  const [from, to] = [mark('scope-selector-bench:mount'), mark('scope-selector-bench:mounted')];
  if (from === undefined || to === undefined) throw new Error('the traced mount has no marks');
  const compiled = events.filter((event) => event.name === 'wasm.CompileLazy' && event.ph === 'X' && event.ts >= from && event.ts <= to);
  return { functions: compiled.length, ms: compiled.reduce((sum, event) => sum + event.dur, 0) / 1000 };
}

/**
 * What the first run of the module's code costs: the functions the Ashby page's cold mount
 * compiles lazily, beside its load, mount and first Catalog measured above; then the same in a
 * Chromium whose V8 compiles every function while the module loads (`--no-wasm-lazy-compilation`,
 * a flag no page can set), which moves compiling out of the timed calls into the load.
 */
const ashby = results.sizes.find((row) => row.size === 137);
results.lazyCompilation = {
  loadMs: ashby.loadMs,
  mountMs: ashby.mountMs,
  catalogLoadMs: ashby.firstCatalogLoadMs,
  catalogMs: ashby.firstCatalogMs,
  lazy: await lazilyCompiled(browser),
};
if (results.lazyCompilation.lazy.functions === 0) throw new Error('the traced cold mount compiled no function lazily');
{
  const eager = await launchChromium({ args: ['--js-flags=--no-wasm-lazy-compilation'] });
  const catalogs = await firstCatalogs(eager, 137);
  results.eager = {
    ...(await coldMounts(eager, 137)),
    catalogLoadMs: median(catalogs.map((load) => load.loaded)),
    catalogMs: median(catalogs.map((load) => load.took)),
    lazy: await lazilyCompiled(eager),
  };
  await eager.close();
}
if (results.eager.lazy.functions !== 0) throw new Error('V8 still compiled functions lazily with --no-wasm-lazy-compilation');
results.size = measureSize();
await browser.close();
server.close();

const ms = (value) => `${value.toFixed(3)} ms`;
console.log(`scope-selector benchmark — ${results.machine}, Chromium ${results.browser}, cross-origin isolated timers: ${results.sizes.every((row) => row.crossOriginIsolated)}`);
const times = (value) => `${value.toFixed(2)}×`;
const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log('| actions | navigation → interactive (median) | mount, cold (median) | mount again, warm code (median) | new Catalog (median) | JS reference build (median) | Catalog / reference | first Catalog of a fresh page (median) |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of results.sizes) {
  console.log(`| ${row.size.toLocaleString('en')} | ${ms(row.interactiveMs)} | ${ms(row.mountMs)} | ${ms(row.warmMountMs)} | ${ms(row.catalogMs)} | ${ms(row.referenceBuildMs)} | ${times(row.catalogMs / row.referenceBuildMs)} | ${ms(row.firstCatalogMs)} |`);
}
console.log('');
console.log('| actions | search / keystroke mean, typed from an empty box | median (p95) | JS reference mean | median (p95) | speed-up (means) | keystroke work median (p95) | keystroke → painted median (p95) |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const row of results.sizes) {
  console.log(`| ${row.size.toLocaleString('en')} | ${ms(row.search.mean)} | ${ms(row.search.median)} (${ms(row.search.p95)}) | ${ms(row.reference.mean)} | ${ms(row.reference.median)} (${ms(row.reference.p95)}) | ${times(row.reference.mean / row.search.mean)} | ${ms(row.keystroke.work.median)} (${ms(row.keystroke.work.p95)}) | ${ms(row.keystroke.painted.median)} (${ms(row.keystroke.painted.p95)}) |`);
}
console.log('');
console.log('| actions | table JSON | helpers\' linear memory: instantiated | after the first Catalog | after 5 builds | after typing the queries | after the first Catalog / JSON | after typing / JSON | the widget\'s, mounted (/ JSON) |');
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
for (const { size, memory } of results.sizes) {
  console.log(`| ${size.toLocaleString('en')} | ${mb(memory.json)} | ${mb(memory.instantiated)} | ${mb(memory.afterCatalog)} | ${mb(memory.afterBuilds)} | ${mb(memory.afterTyping)} | ${times(memory.afterCatalog / memory.json)} | ${times(memory.afterTyping / memory.json)} | ${mb(memory.widget)} (${times(memory.widget / memory.json)}) |`);
}
console.log('');
console.log(`extras: the Ashby demo's presets, key check and exports attached ${ms(results.extrasDelayMs)} after its widget is interactive (median of ${LOADS[137]} loads; their module is loaded then)`);
console.log(`floor: an empty page with one inline module script is ready ${ms(results.floorMs)} after navigation (median of ${LOADS[137]} loads)`);
for (const [name, run] of [['lazily (the default)', results.lazyCompilation], ['eagerly (--no-wasm-lazy-compilation)', results.eager]]) {
  console.log(`first run of the code, compiled ${name}: the Ashby page's cold mount compiles ${run.lazy.functions} wasm functions on their first call (${ms(run.lazy.ms)} traced); widget load ${ms(run.loadMs)}, cold mount ${ms(run.mountMs)}; helpers' load ${ms(run.catalogLoadMs)}, first Catalog of 137 actions ${ms(run.catalogMs)} (medians)`);
}
console.log(`typing floor: the same keystrokes into an input nothing listens to are painted ${ms(results.typingFloor.painted.median)} (p95 ${ms(results.typingFloor.painted.p95)}) after the keystroke`);
for (const file of results.size.files) console.log(`${file.file}: ${file.gzip} B gzipped (${file.raw} B raw)`);
console.log(`shipped total: ${results.size.total} B gzipped (enforced ceiling ${results.size.ceiling} B)`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/latest.json', import.meta.url), JSON.stringify(results, null, 2));
console.log('written: bench/results/latest.json');
