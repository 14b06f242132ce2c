// One driver layer for the reader's journey in three browser engines, over W3C WebDriver (the
// classic HTTP protocol every engine's driver speaks): Chromium through chromedriver, Firefox
// through geckodriver, WebKit through WebKitGTK's WebKitWebDriver and its MiniBrowser under a
// virtual X display (Xvfb). Only the few commands the tests need: open a page, run a script, wait
// for a condition, type into or click an element, press keys.
import { spawn } from 'node:child_process';
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
export const KEYS = { enter: '\uE007', escape: '\uE00C', space: '\uE00D', up: '\uE013', down: '\uE015', tab: '\uE004', end: '\uE010', home: '\uE011' };

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
    return new Browser(engine, created.capabilities.browserVersion, `${base}/session/${created.sessionId}`, stop);
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
  /** @param {string} name @param {string} version @param {string} session @param {() => void} stop */
  constructor(name, version, session, stop) {
    this.name = name;
    this.version = version;
    this.session = session;
    this.stop = stop;
  }

  command(method, path, body) {
    return request(this.session, method, path, body);
  }

  /** Opens `url` and waits until every panel on it has settled (a `data-guide-state`). */
  async open(url) {
    await this.command('POST', '/url', { url });
    await this.until(() => {
      const roots = [...document.querySelectorAll('[data-guides-scope-selector]')];
      return roots.length > 0 && roots.every((root) => root.hasAttribute('data-guide-state'));
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

  /** The id of the first element `selector` finds, as WebDriver refers to it. */
  async element(selector) {
    const found = await this.command('POST', '/element', { using: 'css selector', value: selector });
    return found[ELEMENT];
  }

  /** Types `text` into the element `selector` finds (focusing it first), as a reader's keys would. */
  async type(selector, text) {
    await this.command('POST', `/element/${await this.element(selector)}/value`, { text });
  }

  /** Empties a text field and types `text` into it (the field's `input` events are the engine's). */
  async fill(selector, text) {
    await this.command('POST', `/element/${await this.element(selector)}/clear`, {});
    if (text) await this.type(selector, text);
  }

  /**
   * Clicks the element `selector` finds, as a pointer would, once scrolled to the middle of the
   * view (WebKitWebDriver's own scrolling does not reach a row inside the panel's scrolling list).
   */
  async click(selector) {
    const element = await this.element(selector);
    await this.command('POST', '/execute/sync', {
      script: "arguments[0].scrollIntoView({ block: 'center' });", args: [{ [ELEMENT]: element }],
    });
    await this.command('POST', `/element/${element}/click`, {});
  }

  /** Presses `keys` (characters or KEYS values) one after another on whatever has the focus. */
  async press(...keys) {
    const actions = keys.flatMap((value) => [{ type: 'keyDown', value }, { type: 'keyUp', value }]);
    await this.command('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
    await this.command('DELETE', '/actions');
  }

  /** The clipboard's text, read by the page once the driver has granted it the permission. */
  async readClipboard() {
    await this.command('POST', '/permissions', { descriptor: { name: 'clipboard-read' }, state: 'granted' });
    return this.run(() => navigator.clipboard.readText());
  }

  async close() {
    await this.command('DELETE', '').catch(() => {});
    this.stop();
  }
}
