import { Hono } from 'hono';
import type { AdminStreamApi } from '../api.ts';
import { failure, success } from '../errors.ts';

/** `/api/admin/status` and `/api/admin/disconnect` (mounted behind admin auth). */
export function adminStreamRoutes(api: AdminStreamApi): Hono {
  const app = new Hono();
  app.get('/status', (c) => c.json(api.getAdminStatus()));
  app.post('/disconnect', (c) => (api.disconnectBroadcaster() ? success(c, 'inbound stream disconnected') : failure(c, 400, 'no inbound stream connected')));
  return app;
}
