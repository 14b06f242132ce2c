// `npm run bench`, module groups: the widget of this checkout (www/dist/) in headless Chromium on the
// bench's generated table of 100,000 actions grouped into 200 modules of 500, plus one module of
// 5,000 more actions (105,000 in all, 201 modules), against the same 100,000 actions as a flat list
// in the same run (pages alternate, so both see the same machine and moment). The old build of
// bench/run.mjs has no modules, so this part compares the grouped list with the flat one:
// - keystroke → painted while typing the bench's queries (bench/typing.mjs), grouped and flat;
// - ticking the 5,000-action module's header → painted, and unticking it, against ticking and
//   unticking one action of the flat list; each click lands at a set moment of a frame, cycling
//   through it as the keystrokes do, and its main-thread work is reported beside.
// Writes bench/results/modules.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { launchChromium } from '../scripts/chromium.mjs';
import { pageWithTable, withoutExtras } from '../scripts/demo-page.mjs';
import { serve } from '../scripts/serve.mjs';
import { QUERIES, table } from './generate.mjs';
import { typeQueries } from './typing.mjs';

/** Fresh pages per list. */
const PAGES = 4;
/** Ticks and unticks of the large module per page. */
const TICKS = 10;
/** The size of the modules, and of the large one. */
const MODULE = 500;
const LARGE = 5_000;

/** The nearest-rank `q` quantile of `values`. */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

const flat = table(100_000);
const grouped = [
  ...flat.map((action, at) => ({ ...action, group: `Module ${Math.floor(at / MODULE) + 1}` })),
  ...table(LARGE, 20261207).map((action) => ({ ...action, id: `large_${action.id}`, group: 'Large module' })),
];
const pages = new Map([
  ['/flat.html', withoutExtras(pageWithTable('index.html', JSON.stringify(flat)))],
  ['/grouped.html', withoutExtras(pageWithTable('index.html', JSON.stringify(grouped)))],
]);
const { server, url } = await serve({ port: 0, isolate: true, pages });
const browser = await launchChromium();

/** Opens `path` and waits until its widget is ready. */
async function open(path) {
  const page = await browser.newPage();
  await page.goto(`${url}${path.slice(1)}`);
  await page.waitForSelector('[data-guide-state="ready"]', { timeout: 120_000 });
  return page;
}

/**
 * In the page: scrolls the list to its last line (on the grouped list, the large module's header),
 * then ticks and unticks that line's checkbox `times` times each. As in bench/typing.mjs, each click
 * comes a set delay after a frame starts (cycling through 0–15 ms, as a reader's click lands at any
 * moment of a frame); resolves to each click's work (the handler, then the next frame's rendering up
 * to paint) and click → painted (the frame showing it), in ms.
 * @param {number} times @returns {Promise<{ work: number[], painted: number[] }>}
 */
async function tickLastLine(times) {
  const scroller = /** @type {HTMLElement} */ (document.querySelector('.guides-scope-selector__list'));
  const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
  const afterPaint = () => new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
  scroller.scrollTop = scroller.scrollHeight;
  scroller.dispatchEvent(new Event('scroll'));
  for (let wait = 0; wait < 10; wait += 1) await nextFrame();
  const box = () => [...document.querySelectorAll('.guides-scope-selector__rows > *')].at(-1)?.querySelector('input');
  const work = [];
  const paints = [];
  for (let at = 0; at < 2 * times; at += 1) {
    await nextFrame();
    const delay = (at * 7) % 16;
    if (delay > 0) await new Promise((done) => setTimeout(done, delay));
    const check = box();
    if (!check) throw new Error('the list\'s last line is not drawn');
    // The frame after the click, asked for before it: the widget's own frame callbacks (and the
    // work they leave for after the paint) come after this one's message.
    let frameStart = 0;
    const painted = new Promise((done) => requestAnimationFrame(() => { frameStart = performance.now(); afterPaint().then(done); }));
    const start = performance.now();
    check.click();
    void scroller.offsetHeight;
    const handled = performance.now() - start;
    const paintedAt = /** @type {number} */ (await painted);
    work.push(handled + (paintedAt - frameStart));
    paints.push(paintedAt - start);
    const chosen = document.querySelector('.guides-scope-selector__status')?.textContent ?? '';
    if (!/^[1-9]/.test(chosen) === !(at % 2)) throw new Error(`unexpected status after a tick: ${chosen}`);
  }
  return { work, painted: paints };
}

const typing = { flat: [], grouped: [] };
const ticks = { flat: [], grouped: [] };
const tickWork = { flat: [], grouped: [] };
for (let round = 0; round < PAGES; round += 1) {
  for (const list of round % 2 ? ['grouped', 'flat'] : ['flat', 'grouped']) {
    const page = await open(`/${list}.html`);
    typing[list].push(...(await page.evaluate(typeQueries, QUERIES)).painted);
    await page.evaluate(() => { const search = document.querySelector('[data-guide-action-search]'); search.value = ''; search.dispatchEvent(new Event('input', { bubbles: true })); });
    const tick = await page.evaluate(tickLastLine, TICKS);
    ticks[list].push(...tick.painted);
    tickWork[list].push(...tick.work);
    await page.close();
  }
}
await browser.close();
server.close();

const figure = (values) => ({ median: quantile(values, 0.5), p95: quantile(values, 0.95), count: values.length });
const results = {
  browser: browser.version(),
  table: { actions: grouped.length, modules: 201, largest: LARGE },
  keystrokeGrouped: figure(typing.grouped),
  keystrokeFlat: figure(typing.flat),
  tickLargeModule: figure(ticks.grouped),
  tickRowFlat: figure(ticks.flat),
  tickWorkLargeModule: figure(tickWork.grouped),
  tickWorkRowFlat: figure(tickWork.flat),
};
const ms = (value) => `${value.toFixed(1)} ms`;
console.log(`module groups: ${grouped.length.toLocaleString('en')} actions in 201 modules (200 of ${MODULE}, one of ${LARGE.toLocaleString('en')}), Chromium ${results.browser}`);
console.log('| figure | median | p95 | target |');
console.log('| --- | ---: | ---: | --- |');
console.log(`| keystroke → painted, grouped list | ${ms(results.keystrokeGrouped.median)} | ${ms(results.keystrokeGrouped.p95)} | ≤ 16 ms |`);
console.log(`| keystroke → painted, the same 100,000 actions flat | ${ms(results.keystrokeFlat.median)} | ${ms(results.keystrokeFlat.p95)} | reference |`);
console.log(`| ticking or unticking the ${LARGE.toLocaleString('en')}-action module → painted | ${ms(results.tickLargeModule.median)} | ${ms(results.tickLargeModule.p95)} | ≤ 16 ms |`);
console.log(`| ticking or unticking one action of the flat list → painted | ${ms(results.tickRowFlat.median)} | ${ms(results.tickRowFlat.p95)} | reference |`);
console.log(`| the module's tick: main-thread work (handler, then the frame up to paint) | ${ms(results.tickWorkLargeModule.median)} | ${ms(results.tickWorkLargeModule.p95)} | |`);
console.log(`| a flat row's tick: main-thread work | ${ms(results.tickWorkRowFlat.median)} | ${ms(results.tickWorkRowFlat.p95)} | reference |`);
console.log(`grouped / flat, medians: keystroke ${(results.keystrokeGrouped.median / results.keystrokeFlat.median).toFixed(2)}×, a tick ${(results.tickLargeModule.median / results.tickRowFlat.median).toFixed(2)}×`);
mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
writeFileSync(new URL('./results/modules.json', import.meta.url), JSON.stringify(results, null, 2));
console.log('written: bench/results/modules.json');
