import { Hono } from 'hono';
import { z } from 'zod';
import type { OperationsApi } from '@hexcast/core';
import { viewerClientId } from '../client-identity.ts';
import { errorResponse } from '../errors.ts';
import { readJsonBody } from '../json-body.ts';
import type { RequestOrigin } from '../peer-address.ts';
import { PrometheusExporter } from '../prometheus-exporter.ts';

/**
 * `POST /api/metrics/playback` (players report their playback health; validated by the core)
 * and `GET /api/admin/prometheus` (behind admin auth: the Prometheus exposition).
 */
export function metricsRoutes(api: OperationsApi, options: { readonly origin: RequestOrigin }): Hono {
  const app = new Hono();
  let exporter: PrometheusExporter | undefined;
  app.post('/api/metrics/playback', async (c) => {
    const body = await readJsonBody(c, z.unknown());
    if (!body.ok) return errorResponse(c, body.error);
    const address = options.origin.address(c);
    const result = api.recordPlaybackMetrics(viewerClientId(address, c.req.header('user-agent') ?? ''), body.value);
    return result.ok ? c.body(null, 200) : errorResponse(c, result.error);
  });
  app.get('/api/admin/prometheus', async (c) => {
    exporter ??= new PrometheusExporter();
    const text = await exporter.scrape(api.getOperationsSnapshot());
    c.header('Cache-Control', 'no-store');
    return c.text(text, 200, { 'Content-Type': exporter.contentType });
  });
  return app;
}
