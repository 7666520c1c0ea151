import { Hono } from 'hono';
import { buildOpenApiDocument, type OpenApiDocument } from './document.ts';
import { ROUTE_SPECS } from './registry.ts';

/** `GET /api/openapi.json`: built once, on first request. */
export function openApiRoutes(): Hono {
  const app = new Hono();
  let document: OpenApiDocument | undefined;
  app.get('/api/openapi.json', (c) => {
    document ??= buildOpenApiDocument(ROUTE_SPECS);
    c.header('Access-Control-Allow-Origin', '*');
    return c.json(document);
  });
  return app;
}
