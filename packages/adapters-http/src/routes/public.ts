import { Hono } from 'hono';
import type { StatusApi } from '../api.ts';

/** Public, unauthenticated status routes. */
export function publicRoutes(api: StatusApi): Hono {
  const app = new Hono();
  app.get('/status', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(api.getStatus());
  });
  app.get('/config', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await api.getWebConfig());
  });
  return app;
}
