import { z } from 'zod';
import { jsonOk, type RouteSpec } from '../route-spec.ts';

/** `GET /api/openapi.json` (openapi/openapi-routes.ts): this document. */
export const openApiSpecs: readonly RouteSpec[] = [
  {
    method: 'get',
    path: '/api/openapi.json',
    summary: "hexcast's OpenAPI 3.1 document, generated from the zod schemas the routes use",
    tags: ['Public'],
    auth: 'none',
    responses: jsonOk(z.looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.record(z.string(), z.unknown())) })),
  },
];
