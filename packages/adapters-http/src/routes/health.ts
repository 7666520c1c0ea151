import { Hono } from 'hono';
import type { OperationsApi } from '@hexcast/core';

/**
 * `GET /healthz`, unauthenticated, for load balancers and orchestrators: 200 when the database
 * answers and the core is running, 503 otherwise, with which check failed (nothing more).
 */
export function healthRoutes(api: Pick<OperationsApi, 'checkHealth'>): Hono {
  const app = new Hono();
  app.get('/healthz', async (c) => {
    const report = await api.checkHealth();
    c.header('Cache-Control', 'no-store');
    return c.json({ status: report.healthy ? 'ok' : 'unavailable', checks: report.checks }, report.healthy ? 200 : 503);
  });
  return app;
}
