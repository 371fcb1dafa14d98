// A small static file server for the built book (dist/), used by the
// browser test and the screenshot script. Serves dist/ under the site's
// base path, like any static host would.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
};

/** Maps a URL path under `base` to a file in `dir`, or null. */
export function fileFor(dir: string, base: string, url: string) {
  const path = decodeURIComponent(url.split(/[?#]/)[0]);
  if (!path.startsWith(base)) return null;
  const rel = normalize(path.slice(base.length)).replace(/^(\.\.[/\\])+/, '');
  let file = join(dir, rel);
  if (existsSync(file) && statSync(file).isDirectory()) {
    file = join(file, 'index.html');
  }
  return existsSync(file) ? file : null;
}

export function serve(dir: string, base = '/', port = 0): Promise<Server> {
  const server = createServer((req, res) => {
    const file = fileFor(dir, base, req.url ?? '/');
    if (!file) {
      const notFound = join(dir, '404.html');
      res.writeHead(404, { 'content-type': TYPES['.html'] });
      res.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type });
    res.end(readFileSync(file));
  });
  return new Promise((ok) => server.listen(port, '127.0.0.1', () => ok(server)));
}

if (import.meta.main) {
  const base = process.env.BOOK_BASE ?? '/';
  const port = Number(process.env.PORT ?? 4321);
  const server = await serve('dist', base, port);
  console.log(`serving dist/ at http://127.0.0.1:${port}${base}`);
  process.on('SIGTERM', () => server.close());
}
