// How the end-to-end tests and the benchmark start Chromium: Debian's build (CHROMIUM overrides
// the path), headless, without the sandbox (the tests run as root) and without the background
// connections a closed network refuses.
import { chromium } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** A headless Chromium for tests and benchmarks; `args` are added to the usual ones. */
export function launchChromium({ args = [] } = {}) {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: [...CHROMIUM_ARGS, ...args] });
}
