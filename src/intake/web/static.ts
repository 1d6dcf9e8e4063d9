import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { packageRoot } from '../../pipeline/format-dirs.js';
import { HttpError } from '../http-body.js';

/** Where `npm run build` puts the page (scripts/bundle.js). */
export const WEB_DIR = join(packageRoot(), 'dist', 'web');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** The page's files, by URL path: `/` and `/assets/NAME` (no sub-folders, nothing else). */
const FILE_OF = (path: string): string | undefined => {
  if (path === '/') return 'index.html';
  const m = /^\/assets\/([\w-]+\.(?:js|css|svg))$/.exec(path);
  return m === null ? undefined : join('assets', m[1]!);
};

const cache = new Map<string, Buffer>();

/**
 * The page and its assets. They hold no data, so no key is asked for them: the page asks for the
 * read key itself and sends it with every data request (`/api/*`).
 */
export function isStaticPath(path: string): boolean {
  return FILE_OF(path) !== undefined;
}

export function serveStatic(res: ServerResponse, path: string, head: boolean, dir: string = WEB_DIR): void {
  const file = FILE_OF(path);
  if (file === undefined) throw new HttpError(404, 'not found');
  const full = join(dir, file);
  let body = cache.get(full);
  if (body === undefined) {
    try {
      body = readFileSync(full);
    } catch {
      throw new HttpError(404, path === '/' ? 'the web page is not built (npm run build)' : 'not found');
    }
    cache.set(full, body);
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'content-length': String(body.length),
    'cache-control': 'no-cache',
    // The page runs only its own script and talks only to this server.
    'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    'x-content-type-options': 'nosniff',
  });
  res.end(head ? undefined : body);
}
