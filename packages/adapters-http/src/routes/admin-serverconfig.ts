import { Hono } from 'hono';
import type { AdminConfigApi } from '../api.ts';

/** `GET /api/admin/serverconfig` (mounted behind admin auth): every setting, with Owncast's field names. */
export function adminServerConfigRoutes(api: Pick<AdminConfigApi, 'getServerConfig'>): Hono {
  const app = new Hono();
  app.get('/serverconfig', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await api.getServerConfig());
  });
  return app;
}
