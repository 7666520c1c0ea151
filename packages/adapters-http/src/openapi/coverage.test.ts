import { Validator } from '@seriousme/openapi-schema-validator';
import { inspectRoutes } from 'hono/dev';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFixture, type Fixture } from '../test-fixture.ts';
import { isVideoRequest } from '../video-request.ts';
import { ANSWERED_BY_MIDDLEWARE, buildOpenApiDocument, type OpenApiDocument } from './document.ts';
import { ROUTE_SPECS } from './registry.ts';

/** `/a/:id/*` and `/a/{id}/{path}` both become `/a/{}/{}`. */
const normalise = (path: string) => path.replace(/:[^/]+/g, '{}').replace(/\{[^}]+\}/g, '{}').replace(/\/\*$/, '/{}');

/** The app's catch-alls are not routes: `ALL /api/*` answers unknown API paths with 404. */
const isCatchAll = (method: string) => method === 'ALL';

function documentedOperations(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([, operation]) => operation?.[ANSWERED_BY_MIDDLEWARE] === undefined)
      .map(([method]) => `${method.toUpperCase()} ${normalise(path)}`),
  );
}

describe('the OpenAPI document covers the app', () => {
  let fixture: Fixture;
  let document: OpenApiDocument;
  beforeAll(async () => {
    fixture = await createFixture();
    document = buildOpenApiDocument(ROUTE_SPECS);
  });
  afterAll(async () => fixture.controller.stop());

  it('documents every route of the Hono app, and nothing the app lacks', () => {
    const routed = new Set(inspectRoutes(fixture.app).filter((r) => !r.isMiddleware && !isCatchAll(r.method)).map((r) => `${r.method} ${normalise(r.path)}`));
    const documented = new Set(documentedOperations(document));
    const undocumented = [...routed].filter((route) => !documented.has(route));
    const phantom = [...documented].filter((route) => !routed.has(route));
    // Adding a route? Describe it in src/openapi/groups (see src/openapi/README.md).
    expect(undocumented, 'routes missing from the OpenAPI registry').toEqual([]);
    expect(phantom, 'documented operations no route serves').toEqual([]);
    expect(routed.size).toBeGreaterThan(100);
  });

  it("documents the Node fast path's video requests, and the fast path takes every documented video route", () => {
    const samples = ['/hls/stream.m3u8', '/hls/0/stream.m3u8', '/hls/1/stream-abc123.ts', '/thumbnail.jpg', '/preview.gif'];
    const documented = new Set(documentedOperations(document));
    for (const method of ['GET', 'HEAD']) {
      for (const path of samples) {
        expect(isVideoRequest(method, path)).toBe(true);
        expect(documented.has(`${method} ${normalise(path.startsWith('/hls/') ? '/hls/{path}' : path)}`), `${method} ${path}`).toBe(true);
      }
    }
    const videoOperations = [...documented].filter((op) => /^(GET|HEAD) \/(hls\/|thumbnail|preview)/.test(op));
    expect(videoOperations).toHaveLength(6);
  });

  it('is a valid OpenAPI 3.1 document (checked against the JSON schema of the specification)', async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(document)) as Record<string, unknown>);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('serves the document at /api/openapi.json', async () => {
    const response = await fixture.get('/api/openapi.json');
    expect(response.status).toBe(200);
    const served = (await response.json()) as OpenApiDocument;
    expect(served.openapi).toBe('3.1.0');
    expect(Object.keys(served.paths)).toEqual(Object.keys(document.paths));
    expect(served.paths['/api/admin/status']?.get?.['security']).toEqual([{ BasicAuth: [] }]);
  });
});
