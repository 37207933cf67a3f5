/**
 * Static files of the browser console (web/dist) for the local server: `/` is the console's
 * index.html and files under the folder are served by path; everything else is left to the API.
 * Paths are resolved inside the folder only (no traversal), and hashed assets are cached for good.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** The console's content security policy: its own scripts and the API on the same origin only. */
export const CONSOLE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; frame-src 'self' blob:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** A file to send. */
export interface StaticFile {
  readonly body: Buffer;
  readonly headers: Record<string, string>;
}

/** The file for a request path, or null when the folder has none (the API handles the request). */
export async function findStaticFile(dir: string, pathname: string): Promise<StaticFile | null> {
  const root = resolve(dir);
  let relative: string;
  try {
    relative = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
  } catch {
    return null;
  }
  if (relative.includes('\0')) return null;
  const file = resolve(join(root, relative));
  if (!file.startsWith(root + sep)) return null;
  try {
    if (!(await stat(file)).isFile()) return null;
  } catch {
    return null;
  }
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const hashed = relative.startsWith('/assets/');
  return {
    body: await readFile(file),
    headers: {
      'content-type': type,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      ...(type.startsWith('text/html')
        ? { 'content-security-policy': CONSOLE_CSP, 'referrer-policy': 'no-referrer' }
        : {}),
    },
  };
}
