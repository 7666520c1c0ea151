import { realpath } from 'node:fs/promises';
import { join, sep } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { safeDecodeURIComponent } from '../url-decode.ts';

/**
 * `/public/*`: files the admin put in `<datadir>/public`, read-only. No directory listings (a
 * folder answers its `index.html` or 404), no dot files, and nothing whose real path leaves the
 * folder: `..` and encoded variants are refused by serveStatic, symbolic links pointing outside
 * are refused here.
 */
export function publicFileRoutes(dir: string): Hono {
  const app = new Hono();
  const root = realpath(dir).catch(() => undefined);
  app.on(['GET', 'HEAD'], '/public/*', async (c, next) => {
    const rel = safeDecodeURIComponent(c.req.path.slice('/public/'.length));
    const realRoot = await root;
    if (rel === undefined || realRoot === undefined || rel.split('/').some((part) => part.startsWith('.'))) return c.text('Not Found', 404);
    const real = await realpath(join(realRoot, rel)).catch(() => undefined);
    if (real === undefined || !(real === realRoot || real.startsWith(realRoot + sep))) return c.text('Not Found', 404);
    return next();
  });
  app.on(['GET', 'HEAD'], '/public/*', serveStatic({ root: dir, rewriteRequestPath: (path) => path.slice('/public'.length) }));
  app.all('/public/*', (c) => c.text('Not Found', 404));
  return app;
}
