import { createReadStream, type Stats } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { SettingsReader } from '../api.ts';
import { safeDecodeURIComponent } from '../url-decode.ts';
import { contentSecurityPolicy } from './web-app-csp.ts';

export interface WebAppOptions {
  /**
   * Directories holding the built web app (index.html, embed-video.html, embed-chat.html,
   * admin/index.html, assets/), searched in order for every file: put an on-disk override
   * directory first and the built app last, and a file in the override wins.
   */
  readonly dirs: readonly string[];
  /** Guards `/admin/*` (the admin auth middleware). */
  readonly adminAuth: MiddlewareHandler;
  /** Read per request for the pages' Content-Security-Policy (video and socket origins); none without it. */
  readonly settings?: SettingsReader;
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};
/** Bundles are named after their content hash: they never change under the same URL. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Pages name the current bundles, so a browser must check back each time (cheap with the ETag). */
const REVALIDATE = 'no-cache';

/**
 * The browser app's pages and bundles: `/` (viewer), `/embed/video`, `/embed/chat/readonly|readwrite`
 * (`/embed/chat` → 307 read-only), `/admin/*` behind the admin auth (`/admin` → 301 `/admin/`)
 * and `/assets/*`. Only these paths: every other route of the app stays reachable. Files are
 * looked up in each directory of `options.dirs` in turn, never outside them. The HTML pages carry
 * a Content-Security-Policy (see web-app-csp.ts) when `options.settings` is given.
 */
export function webAppRoutes(options: WebAppOptions): Hono {
  const app = new Hono();
  const dirs = options.dirs.map((dir) => path.resolve(dir));
  const page = (file: string) => (c: Context) => serve(c, dirs, file, REVALIDATE, csp(c));
  const csp = (c: Context): Record<string, string> =>
    options.settings ? { 'Content-Security-Policy': contentSecurityPolicy({ storage: options.settings.getSettings('storage'), server: options.settings.getSettings('server'), host: c.req.header('host') }) } : {};

  app.on(['GET', 'HEAD'], '/', page('index.html'));
  app.on(['GET', 'HEAD'], '/embed/video', page('embed-video.html'));
  app.on(['GET', 'HEAD'], ['/embed/chat', '/embed/chat/'], (c) => c.redirect('/embed/chat/readonly', 307));
  app.on(['GET', 'HEAD'], ['/embed/chat/readonly', '/embed/chat/readwrite'], page('embed-chat.html'));
  app.on(['GET', 'HEAD'], '/admin', (c) => c.redirect('/admin/', 301));
  app.use('/admin/*', options.adminAuth);
  app.on(['GET', 'HEAD'], '/admin/*', async (c) => {
    // A file of the admin app if there is one, else its single page (client-side routes).
    const rel = relativePath(c.req.path);
    if (rel !== undefined && rel !== 'admin/' && path.extname(rel) !== '') return serve(c, dirs, rel, REVALIDATE, path.extname(rel) === '.html' ? csp(c) : {});
    return serve(c, dirs, 'admin/index.html', REVALIDATE, csp(c));
  });
  app.on(['GET', 'HEAD'], '/assets/*', (c) => {
    const rel = relativePath(c.req.path);
    return rel === undefined ? c.text('Bad Request', 400) : serve(c, dirs, rel, IMMUTABLE);
  });
  return app;
}

/**
 * The URL path as a relative file path, or undefined when it could leave the directory
 * (`..`, encoded slashes or backslashes, NUL) or does not decode.
 */
export function relativePath(urlPath: string): string | undefined {
  const segments = urlPath.split('/').slice(1);
  const decoded: string[] = [];
  for (const segment of segments) {
    const part = safeDecodeURIComponent(segment);
    if (part === undefined || part === '..' || part === '.' || /[/\\\0]/.test(part)) return undefined;
    decoded.push(part);
  }
  const rel = decoded.join('/');
  return rel === '' ? undefined : rel;
}

async function find(dirs: readonly string[], rel: string): Promise<{ file: string; stat: Stats } | undefined> {
  for (const dir of dirs) {
    const file = path.join(dir, rel);
    if (!file.startsWith(dir + path.sep)) continue;
    const stat = await fs.stat(file).catch(() => undefined);
    if (stat?.isFile()) return { file, stat };
  }
  return undefined;
}

async function serve(c: Context, dirs: readonly string[], rel: string, cacheControl: string, extraHeaders: Record<string, string> = {}): Promise<Response> {
  const found = await find(dirs, rel);
  if (found === undefined) return c.text('Not Found', 404);
  const { stat } = found;
  const etag = `W/"${stat.size.toString(36)}-${Math.floor(stat.mtimeMs).toString(36)}"`;
  const headers: Record<string, string> = {
    'Content-Type': CONTENT_TYPES[path.extname(rel).toLowerCase()] ?? 'application/octet-stream',
    'Cache-Control': cacheControl,
    ETag: etag,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
    ...extraHeaders,
  };
  if (c.req.header('if-none-match') === etag) return new Response(null, { status: 304, headers });
  let file = found.file;
  let size = stat.size;
  // The build writes a .gz beside each text file; send it to clients that take gzip.
  if (/\bgzip\b/.test(c.req.header('accept-encoding') ?? '')) {
    const gz = await fs.stat(`${file}.gz`).catch(() => undefined);
    if (gz?.isFile() && gz.mtimeMs >= stat.mtimeMs) {
      file = `${file}.gz`;
      size = gz.size;
      headers['Content-Encoding'] = 'gzip';
    }
  }
  headers['Content-Length'] = String(size);
  if (c.req.method === 'HEAD') return new Response(null, { status: 200, headers });
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, { status: 200, headers });
}
