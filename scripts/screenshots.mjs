// Screenshots of the Ashby demo (grouped by module) for docs/: the README's, a whole module and a
// row of another chosen, the list showing their modules; the panel in light, in dark under a
// site's toggle (Docusaurus's html[data-theme="dark"]), in forced colours (Windows high contrast)
// and on a right-to-left page, each with the same choice and search; and the extras with a key
// pasted into the key check. Run after `bash scripts/build.sh`:
//   node scripts/screenshots.mjs
import { launchChromium } from './chromium.mjs';
import { serve } from './serve.mjs';

const SHOTS = [
  ['light', {}, null],
  ['dark-site-toggle', {}, (root) => root.setAttribute('data-theme', 'dark')],
  ['forced-colors', { forcedColors: 'active' }, null],
  ['rtl', {}, (root) => root.setAttribute('dir', 'rtl')],
  ['extras', {}, null, 'Jobs: Read, Candidates: Read\nofferswrite Payroll: Write'],
];

const { server, url } = await serve({ port: 0 });
const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 820, height: 1100 }, colorScheme: 'light' });
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto(`${url}index.html?modules=Offers&actions=ashby_list_jobs+ashby_get_job+ashby_list_job_postings`);
  await page.waitForSelector('[data-guide-state="ready"]');
  await page.waitForSelector('.guides-scope-selector__preset');
  // The list scrolled to the Jobs module, its header at the top.
  await page.evaluate(() => {
    const jobs = [...document.querySelectorAll('.guides-scope-selector__module')].find((header) => header.textContent.startsWith('Jobs'));
    const list = /** @type {HTMLElement} */ (document.querySelector('.guides-scope-selector__list'));
    list.scrollTop = /** @type {HTMLElement} */ (jobs).offsetTop - /** @type {HTMLElement} */ (document.querySelector('.guides-scope-selector__rows')).offsetTop;
  });
  await page.locator('.guides-scope-selector').screenshot({ path: 'docs/screenshot.png' });
  await page.close();
  console.log('docs/screenshot.png');
  for (const [name, media, adjust, key] of SHOTS) {
    // Taller than the panel: an element shot beyond the viewport can miss its rows, which are
    // painted only once in view (content-visibility: auto).
    const page = await browser.newPage({ viewport: { width: 820, height: 1100 }, colorScheme: 'light' });
    await page.emulateMedia({ reducedMotion: 'reduce', ...media });
    await page.goto(`${url}index.html?actions=ashby_list_jobs+ashby_create_offer&separator=comma`);
    await page.waitForSelector('[data-guide-state="ready"]');
    await page.waitForSelector('.guides-scope-selector__preset');
    if (adjust) await page.evaluate(`(${adjust})(document.documentElement)`);
    await page.locator('[data-guide-action-search]').fill('offer');
    await page.keyboard.press('Tab');
    if (key) await page.locator('[data-guide-key-check]').fill(key);
    const panel = page.locator('.guides-scope-selector');
    await panel.screenshot({ path: `docs/screenshots/${name}.png` });
    await page.close();
    console.log(`docs/screenshots/${name}.png`);
  }
} finally {
  await browser.close();
  server.close();
}
