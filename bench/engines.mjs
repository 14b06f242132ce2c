// Keystroke → painted at 10,000 actions in each browser engine (Chromium, Firefox, WebKit), through
// the WebDriver layer of the engine tests (tests/engines/webdriver.mjs), with the in-page
// measurement of bench/run.mjs: each keystroke is dispatched a set delay after a frame starts (the
// delays cycling through 0–15 ms), and "painted" runs from the keystroke until the next frame has
// been rendered (a message posted from that animation frame arrives after it). Run by
// `npm run bench` after bench/run.mjs; `node bench/engines.mjs` alone needs `node bench/generate.mjs`
// first. `ENGINES=webkit` measures one engine.
import { readFileSync } from 'node:fs';
import { serve } from '../scripts/serve.mjs';
import { pageWithTable, withoutExtras } from '../scripts/demo-page.mjs';
import { ENGINE_NAMES, launch } from '../tests/engines/webdriver.mjs';
import { QUERIES } from './generate.mjs';

const SIZE = 10_000;
const engines = (process.env.ENGINES ?? ENGINE_NAMES.join(',')).split(',').filter(Boolean);
const json = readFileSync(new URL(`./data/actions-${SIZE}.json`, import.meta.url), 'utf8');
const page = withoutExtras(pageWithTable('index.html', json));

/** Types every query of QUERIES a character at a time in the page; resolves to the painted times (ms). */
async function typing(queries) {
  const input = document.querySelector('[data-guide-action-search]');
  const rows = document.querySelector('.guides-scope-selector__rows');
  const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
  const afterPaint = () => new Promise((done) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  });
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
      await nextFrame();
      painted.push((await afterPaint()) - start);
    }
  }
  return painted;
}

const quantile = (values, q) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * q))];

const site = await serve({ port: 0, pages: new Map([[`/engines-${SIZE}.html`, Buffer.from(page)]]) });
try {
  console.log(`| engine | keystroke → painted at ${SIZE.toLocaleString('en')} actions, median (p95) | keystrokes |`);
  console.log('| --- | ---: | ---: |');
  for (const engine of engines) {
    const browser = await launch(engine);
    try {
      await browser.open(`${site.url}engines-${SIZE}.html`);
      await browser.until(() => document.querySelector('[data-guides-scope-selector]').getAttribute('data-guide-state') === 'ready');
      // Twice: the first pass warms the engine's compiled code, the second is reported.
      await browser.run(typing, QUERIES);
      const painted = await browser.run(typing, QUERIES);
      const ms = (value) => `${value.toFixed(1)} ms`;
      console.log(`| ${engine} ${browser.version} | ${ms(quantile(painted, 0.5))} (${ms(quantile(painted, 0.95))}) | ${painted.length} |`);
    } finally {
      await browser.close();
    }
  }
} finally {
  site.server.close();
}
