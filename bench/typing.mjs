// Keystroke → painted, measured inside a widget page (run there by Playwright's `page.evaluate`
// in bench/run.mjs and by WebDriver in bench/engines.mjs). A reader's keystroke arrives at any
// moment of a frame; each one here is dispatched a set delay after a frame starts, the delays
// cycling through 0–15 ms, so the wait for the next frame is sampled evenly. "work" is what the
// keystroke costs the main thread (input handler, style, layout, then the next frame's rendering
// up to paint); "painted" is the time from the keystroke until that frame is painted (a message
// posted from the animation frame arrives once it has been rendered).

/**
 * Types each of `queries` into the page's search box a character at a time.
 * @param {string[]} queries @returns {Promise<{ work: number[], painted: number[] }>} in ms
 */
export async function typeQueries(queries) {
  const input = /** @type {HTMLInputElement} */ (document.querySelector('[data-guide-action-search]'));
  const rows = /** @type {HTMLElement} */ (document.querySelector('.guides-scope-selector__rows'));
  const nextFrame = () => new Promise((done) => requestAnimationFrame(done));
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
      const paintedAt = /** @type {number} */ (await afterPaint());
      work.push(handled + (paintedAt - frameStart));
      painted.push(paintedAt - start);
    }
  }
  return { work, painted };
}
