// One driver layer for the reader's journey in three browser engines, over W3C WebDriver (the
// classic HTTP protocol every engine's driver speaks): Chromium through chromedriver, Firefox
// through geckodriver, WebKit through WebKitGTK's WebKitWebDriver and its MiniBrowser under a
// virtual X display (Xvfb). Only the few commands the tests need: open a page, run a script, wait
// for a condition, type into or click an element, choose an option, press keys, read the clipboard.
import { execFile, spawn } from 'node:child_process';
import { createServer } from 'node:net';

/** The engines, by the name the tests print, with their driver and session capabilities. */
const ENGINES = {
  chromium: {
    driver: process.env.CHROMEDRIVER ?? 'chromedriver',
    args: (port) => [`--port=${port}`],
    capabilities: {
      browserName: 'chrome',
      'goog:chromeOptions': {
        binary: process.env.CHROMIUM ?? '/usr/bin/chromium',
        // Headless and without the background connections this machine's closed network refuses.
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
          '--disable-component-update', '--disable-sync', '--window-size=1280,1024'],
      },
    },
  },
  firefox: {
    driver: process.env.GECKODRIVER ?? 'geckodriver',
    args: (port) => ['--port', String(port), '--host', '127.0.0.1'],
    capabilities: {
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX ?? '/usr/bin/firefox-esr',
        args: ['-headless', '-width', '1280', '-height', '1024'],
      },
    },
  },
  webkit: {
    driver: process.env.WEBKITWEBDRIVER ?? 'WebKitWebDriver',
    args: (port) => [`--port=${port}`],
    display: true,
    capabilities: {
      'webkitgtk:browserOptions': {
        binary: process.env.MINIBROWSER ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser',
        args: ['--automation'],
      },
    },
  },
};

export const ENGINE_NAMES = Object.keys(ENGINES);

/** WebDriver's codes for the keys the tests press. */
export const KEYS = {
  backspace: '\uE003', enter: '\uE007', escape: '\uE00C', space: '\uE00D', up: '\uE013', down: '\uE015', tab: '\uE004',
  end: '\uE010', home: '\uE011', left: '\uE012', right: '\uE014',
};

/** The key of an element reference in WebDriver's JSON. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** A free TCP port. */
const freePort = () => new Promise((resolve) => {
  const server = createServer().listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => resolve(port));
  });
});

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts Xvfb on a free display number; resolves to { display, process }. */
async function startDisplay() {
  for (let number = 90 + Math.floor(Math.random() * 200); ; number += 1) {
    const child = spawn('Xvfb', [`:${number}`, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', () => resolve(true)));
    if (!(await Promise.race([exited, sleep(500).then(() => false)]))) return { display: `:${number}`, process: child };
  }
}

/**
 * A browser of `engine` driven through its WebDriver; resolves to a Browser: `name`,
 * `version`, the page commands below, and `close()`.
 */
export async function launch(engine) {
  const spec = ENGINES[engine];
  if (!spec) throw new Error(`unknown engine ${engine}; known: ${ENGINE_NAMES.join(', ')}`);
  const display = spec.display ? await startDisplay() : null;
  const port = await freePort();
  const env = display ? { ...process.env, DISPLAY: display.display } : process.env;
  const driver = spawn(spec.driver, spec.args(port), { stdio: 'ignore', env });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => { driver.kill(); display?.process.kill(); };
  try {
    const deadline = Date.now() + 30_000;
    while (!(await fetch(`${base}/status`).then((response) => response.ok, () => false))) {
      if (Date.now() > deadline) throw new Error(`${spec.driver} did not start`);
      await sleep(100);
    }
    const created = await request(base, 'POST', '/session', { capabilities: { alwaysMatch: spec.capabilities } });
    return new Browser(engine, created.capabilities.browserVersion, `${base}/session/${created.sessionId}`, stop, display?.display);
  } catch (error) {
    stop();
    throw error;
  }
}

/** One WebDriver request; resolves to its value, or rejects with the driver's message. */
async function request(base, method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const { value } = await response.json();
  if (!response.ok) throw new Error(`WebDriver ${method} ${path}: ${value?.error ?? response.status}: ${value?.message ?? ''}`);
  return value;
}

class Browser {
  /**
   * @param {string} name @param {string} version @param {string} session @param {() => void} stop
   * @param {string} [display] the X display the browser draws on (WebKit's), whose clipboard it writes
   */
  constructor(name, version, session, stop, display) {
    this.name = name;
    this.version = version;
    this.session = session;
    this.stop = stop;
    this.display = display;
  }

  command(method, path, body) {
    return request(this.session, method, path, body);
  }

  /**
   * Opens `url` and waits until every panel on it has settled (a `data-guide-state`). The page
   * left behind is marked first, so a driver that answers before the new page has replaced it
   * (geckodriver, now and then) is not read in its place.
   */
  async open(url) {
    await this.run(() => { window.__left = true; }).catch(() => {});
    await this.command('POST', '/url', { url });
    await this.until(() => {
      const roots = [...document.querySelectorAll('[data-guides-scope-selector]')];
      return !window.__left && roots.length > 0 && roots.every((root) => root.hasAttribute('data-guide-state'));
    });
  }

  /** Runs `fn` in the page with `args` (JSON values) and resolves to what it returns. */
  run(fn, ...args) {
    return this.command('POST', '/execute/sync', { script: `return (${fn}).apply(null, arguments);`, args });
  }

  /** Waits until `fn(...args)` returns something truthy in the page (10 s at most); resolves to it. */
  async until(fn, ...args) {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const value = await this.run(fn, ...args);
      if (value) return value;
      if (Date.now() > deadline) throw new Error(`${this.name}: timed out waiting for ${fn}`);
      await sleep(30);
    }
  }

  /**
   * The id of an element, as WebDriver refers to it: the first one a CSS `selector` finds, or the
   * one a page function returns (`target` a function, run with `args`).
   */
  async element(target, ...args) {
    if (typeof target === 'string') return (await this.command('POST', '/element', { using: 'css selector', value: target }))[ELEMENT];
    const found = await this.run(target, ...args);
    if (!found?.[ELEMENT]) throw new Error(`${this.name}: no element from ${target} (${JSON.stringify(args)})`);
    return found[ELEMENT];
  }

  /** Types `text` into the element `selector` finds (focusing it first), as a reader's keys would. */
  async type(selector, text) {
    await this.command('POST', `/element/${await this.element(selector)}/value`, { text });
  }

  /**
   * Replaces a text field's text with `text` as a reader does: focus, select all, then type it
   * (or press Backspace to empty it); the field's `input` events are the engine's own.
   */
  async fill(selector, text) {
    const element = await this.element(selector);
    await this.command('POST', '/execute/sync', { script: 'arguments[0].focus(); arguments[0].select();', args: [{ [ELEMENT]: element }] });
    await this.press(...(text ? [...text].map((character) => (character === '\n' ? KEYS.enter : character)) : [KEYS.backspace]));
  }

  /**
   * Clicks an element (as `element` finds it), as a pointer would, once it is actionable (as
   * Playwright waits for it): scrolled to the middle of the view (WebKitWebDriver's own scrolling
   * does not reach a row inside the panel's scrolling list) and the element a pointer there would
   * hit (WebKit now and then lays the scroll out a moment later).
   */
  async click(target, ...args) {
    const element = await this.element(target, ...args);
    const reference = { [ELEMENT]: element };
    await this.until((element) => {
      // An option is clicked in its closed list: the list is what must be in view.
      const target = element.tagName === 'OPTION' ? element.closest('select') : element;
      const box = target.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      const hit = x >= 0 && y >= 0 && x < innerWidth && y < innerHeight ? document.elementFromPoint(x, y) : null;
      if (hit && target.contains(hit)) return true;
      target.scrollIntoView({ block: 'center' });
      return false;
    }, reference);
    await this.command('POST', `/element/${element}/click`, {});
  }

  /** Chooses the option of value `value` in the `<select>` `selector` finds, by clicking it. */
  async select(selector, value) {
    await this.click(`${selector} option[value="${value}"]`);
    await this.until((selector, value) => document.querySelector(selector).value === value, selector, value);
  }

  /** Presses `keys` (characters or KEYS values) one after another on whatever has the focus. */
  async press(...keys) {
    const actions = keys.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]);
    await this.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.command('DELETE', '/actions');
  }

  /**
   * The clipboard's text. Chromium's page reads it once the driver granted the permission;
   * Firefox's page reads it without asking when driven, given a user activation (a click in the
   * page's top left corner); WebKit's page would ask for a paste confirmation no driver can give,
   * so the text is read from its X display's clipboard (xclip).
   */
  async readClipboard() {
    if (this.display) {
      return new Promise((resolve, reject) => {
        execFile('xclip', ['-selection', 'clipboard', '-o'], { env: { ...process.env, DISPLAY: this.display } },
          (error, stdout) => (error ? reject(error) : resolve(stdout)));
      });
    }
    if (this.name === 'chromium') await this.command('POST', '/permissions', { descriptor: { name: 'clipboard-read' }, state: 'granted' });
    if (this.name === 'firefox') {
      const actions = [{ type: 'pointerMove', x: 1, y: 1, origin: 'viewport' }, { type: 'pointerDown', button: 0 }, { type: 'pointerUp', button: 0 }];
      await this.command('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });
      await this.command('DELETE', '/actions');
    }
    return this.run(() => navigator.clipboard.readText());
  }

  async close() {
    await this.command('DELETE', '').catch(() => {});
    this.stop();
  }
}
