// A small static server for www/: correct MIME types (application/wasm), no caching, and an
// optional strict Content-Security-Policy. `node scripts/serve.mjs [--port N] [--csp]`.
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(fileURLToPath(new URL('../www', import.meta.url)));
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml',
  '.png': 'image/png', '.ts': 'text/plain; charset=utf-8',
};
// No inline script or style at all: the widget styles rows through its stylesheet and the CSSOM.
// (The demo markup's own inline style attributes are then ignored by the browser.)
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

/** Headers that make a page cross-origin isolated (precise `performance.now()`, for the benchmark). */
export const ISOLATION = { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' };

/**
 * Serves `root` on `port` (0 = any free port); resolves to { server, url }. `pages` maps extra
 * paths (such as "/bench-137.html") to in-memory bodies, served like files. `gzip`: bodies are
 * gzipped for clients that accept it, as a site's server or CDN sends them (for the benchmark's
 * loads on a throttled connection). A path `pages` maps to null is answered 404 (a test's missing
 * file). `html` rewrites every HTML body before it is sent: `(text, path) => text` (the engine
 * tests add their recording script to each page this way).
 */
export function serve({ port = 8080, csp = false, isolate = false, gzip = false, root = ROOT, host = '127.0.0.1', pages = new Map(), html } = {}) {
  const server = createServer({ maxHeaderSize: 64 * 1024 }, async (request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    const file = normalize(join(root, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    try {
      if (pages.get(path) === null) throw new Error('missing');
      let body = pages.get(path) ?? await readFile(file);
      if (html && extname(file) === '.html') body = Buffer.from(html(body.toString('utf8'), path));
      const headers = { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
      if (csp) headers['content-security-policy'] = typeof csp === 'string' ? csp : STRICT_CSP;
      if (isolate) Object.assign(headers, ISOLATION);
      if (gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        body = gzipSync(body, { level: 9 });
        Object.assign(headers, { 'content-encoding': 'gzip', vary: 'accept-encoding' });
      }
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done({ server, url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${server.address().port}/` }));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name) => process.argv.includes(name);
  const portAt = process.argv.indexOf('--port');
  const port = Number(portAt > 0 ? process.argv[portAt + 1] : process.env.PORT ?? 8080);
  const { url } = await serve({ port, csp: arg('--csp'), host: '0.0.0.0' });
  console.log(`scope-selector demo: ${url}`);
}
