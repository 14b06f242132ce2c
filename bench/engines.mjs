// Keystroke → painted at 10,000 actions in each browser engine (Chromium, Firefox, WebKit), through
// the WebDriver layer of the engine tests (tests/engines/webdriver.mjs), with bench/run.mjs's
// in-page measurement (bench/typing.mjs). Run by
// `npm run bench` after bench/run.mjs; `node bench/engines.mjs` alone needs `node bench/generate.mjs`
// first. `ENGINES=webkit` measures one engine.
import { readFileSync } from 'node:fs';
import { serve } from '../scripts/serve.mjs';
import { pageWithTable, withoutExtras } from '../scripts/demo-page.mjs';
import { ENGINE_NAMES, launch } from '../tests/engines/webdriver.mjs';
import { QUERIES } from './generate.mjs';
import { typeQueries } from './typing.mjs';

const SIZE = 10_000;
const engines = (process.env.ENGINES ?? ENGINE_NAMES.join(',')).split(',').filter(Boolean);
const json = readFileSync(new URL(`./data/actions-${SIZE}.json`, import.meta.url), 'utf8');
const page = withoutExtras(pageWithTable('index.html', json));

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
      await browser.run(typeQueries, QUERIES);
      const { painted } = await browser.run(typeQueries, QUERIES);
      const ms = (value) => `${value.toFixed(1)} ms`;
      console.log(`| ${engine} ${browser.version} | ${ms(quantile(painted, 0.5))} (${ms(quantile(painted, 0.95))}) | ${painted.length} |`);
    } finally {
      await browser.close();
    }
  }
} finally {
  site.server.close();
}
