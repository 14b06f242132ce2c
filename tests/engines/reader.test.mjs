// The reader's journey in three browser engines (Chromium, Firefox, WebKit): one test body per
// behaviour (journey, keyboard, extras, guide URLs, two widgets, bad input, translations, modules; each in its module
// here), run in every engine through the WebDriver layer of ./webdriver.mjs. Every assertion runs
// in every engine (the clipboard is read back in each, see readClipboard); an assertion an engine
// could not make would be skipped with node:test's `t.skip(reason)`, which the run reports by
// name. `ENGINES=firefox,webkit` runs some engines only; `ONLY=keyboard` some behaviours.
import { describe, test, before, after } from 'node:test';
import { ENGINE_NAMES, launch } from './webdriver.mjs';
import { assertNoErrors, startSite } from './harness.mjs';
import * as journey from './journey.mjs';
import * as keyboard from './keyboard.mjs';
import * as extras from './extras.mjs';
import * as guideUrl from './guide-url.mjs';
import * as twoWidgets from './two-widgets.mjs';
import * as badInput from './bad-input.mjs';
import * as translations from './translations.mjs';
import * as modules from './modules.mjs';

const SUITES = { journey, keyboard, extras, 'guide-url': guideUrl, 'two-widgets': twoWidgets, 'bad-input': badInput, translations, modules };
const engines = (process.env.ENGINES ?? ENGINE_NAMES.join(',')).split(',').filter(Boolean);
const only = process.env.ONLY?.split(',');

/** Each engine's version, and how many of its tests passed and how long they took (ms). */
const versions = new Map();
const counts = new Map();
const durations = new Map();

/** The demo site, plain and under the strict Content-Security-Policy. */
const sites = {};
before(async () => {
  sites.plain = await startSite();
  sites.strict = await startSite({ csp: true });
});
after(() => {
  sites.plain.close();
  sites.strict.close();
  const ran = engines.map((engine) => `${engine} ${versions.get(engine) ?? '?'}: ${counts.get(engine) ?? 0} tests passed in ${Math.round((durations.get(engine) ?? 0) / 1000)} s`);
  console.log(`\nengines: ${ran.join('; ')}`);
});

for (const engine of engines) {
  describe(engine, () => {
    let browser;
    let since;
    before(async () => {
      since = Date.now();
      browser = await launch(engine);
      versions.set(engine, browser.version);
    });
    after(async () => {
      await browser?.close();
      durations.set(engine, Date.now() - since);
    });
    for (const [suite, { behaviours }] of Object.entries(SUITES)) {
      if (only && !only.includes(suite)) continue;
      for (const [name, body] of Object.entries(behaviours)) {
        test(`${engine}: ${name}`, async () => {
          await body(browser, sites);
          // Whatever page the behaviour ends on threw nothing.
          await assertNoErrors(browser);
          counts.set(engine, (counts.get(engine) ?? 0) + 1);
        });
      }
    }
  });
}
