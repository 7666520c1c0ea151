import { z } from 'zod';
import { HEXCAST_VERSION } from '@hexcast/core';
import { BaseApiResponse, routeKey, type HttpMethod, type ResponseSpec, type RouteSpec } from './route-spec.ts';

type JsonSchema = Record<string, unknown>;
type Operation = Record<string, unknown>;
export interface OpenApiDocument {
  readonly openapi: '3.1.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly paths: Record<string, Partial<Record<HttpMethod, Operation>>>;
  readonly components: { readonly securitySchemes: Record<string, unknown> };
}

/** Marks operations no route handler serves, answered by a middleware instead (admin preflights). */
export const ANSWERED_BY_MIDDLEWARE = 'x-hexcast-answered-by-middleware';

/** A zod schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect). Requests are read as input, responses as output. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, target: 'draft-2020-12', unrepresentable: 'any' }) as JsonSchema;
  return rest;
}

const TEXT_401 = { description: 'Missing or refused credentials', content: { 'text/plain': { schema: { type: 'string' } } } };
const PREFLIGHT = { description: 'CORS preflight answered' };

/** Builds the OpenAPI 3.1 document of these routes (see README.md in this folder). */
export function buildOpenApiDocument(routes: readonly RouteSpec[]): OpenApiDocument {
  const paths: OpenApiDocument['paths'] = {};
  const seen = new Set<string>();
  for (const route of routes) {
    const key = routeKey(route);
    if (seen.has(key)) throw new Error(`route documented twice: ${key}`);
    seen.add(key);
    const item = (paths[route.path] ??= {});
    item[route.method] = operation(route);
  }
  for (const route of routes) {
    const item = paths[route.path]!;
    if (item.options !== undefined) continue;
    if (route.auth === 'admin') item.options = { summary: 'CORS preflight', tags: route.tags, responses: { 204: PREFLIGHT }, [ANSWERED_BY_MIDDLEWARE]: 'admin auth' };
    else if (typeof route.auth === 'object') item.options = { summary: 'CORS preflight (any origin)', tags: route.tags, responses: { 204: PREFLIGHT } };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'hexcast', version: HEXCAST_VERSION, description: "hexcast's HTTP API: Owncast's API (same paths and field names) and hexcast's own operations routes." },
    paths,
    components: {
      securitySchemes: {
        BasicAuth: { type: 'http', scheme: 'basic', description: 'user `admin`, the admin password' },
        BearerAuth: { type: 'http', scheme: 'bearer', description: 'an integration access token' },
      },
    },
  };
}

function operation(route: RouteSpec): Operation {
  const parameters = [...objectParameters(route.params, 'path'), ...objectParameters(route.query, 'query')];
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(route.responses)) if (response) responses[status] = responseObject(response);
  if (route.auth !== 'none') responses['401'] ??= TEXT_401;
  if (route.auth === 'chat-user' || route.auth === 'moderator') parameters.push({ name: 'accessToken', in: 'query', required: true, schema: { type: 'string' }, description: "a chat user's access token" + (route.auth === 'moderator' ? ' (MODERATOR scope)' : '') });
  if (route.path.startsWith('/api/')) responses['default'] ??= responseObject({ description: 'Unexpected error', json: BaseApiResponse });
  return {
    summary: route.summary,
    ...(route.description !== undefined ? { description: route.description } : {}),
    operationId: operationId(route),
    tags: route.tags,
    ...(route.deprecated ? { deprecated: true } : {}),
    ...security(route),
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(route.body ? { requestBody: { required: true, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } } } : {}),
    responses,
  };
}

function security(route: RouteSpec): Operation {
  if (route.auth === 'admin') return { security: [{ BasicAuth: [] }] };
  if (typeof route.auth === 'object') return { security: [{ BearerAuth: [] }], 'x-required-scope': route.auth.integration };
  return {};
}

function objectParameters(schema: z.ZodObject | undefined, where: 'path' | 'query'): JsonSchema[] {
  if (schema === undefined) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({ name, in: where, required: where === 'path' || (object.required ?? []).includes(name), schema: property }));
}

function responseObject(response: ResponseSpec): JsonSchema {
  const content: Record<string, unknown> = {};
  if (response.json) content[response.contentType ?? 'application/json'] = { schema: jsonSchema(response.json, 'output') };
  if (response.text) content[response.contentType ?? 'text/plain'] = { schema: jsonSchema(response.text, 'output') };
  for (const type of response.media ?? []) content[type] = {};
  return { description: response.description, ...(Object.keys(content).length > 0 ? { content } : {}) };
}

function operationId(route: RouteSpec): string {
  const words = route.path.split(/[^A-Za-z0-9]+/).filter((w) => w !== '' && w !== 'api');
  return [route.method, ...words].map((w, i) => (i === 0 ? w : w[0]!.toUpperCase() + w.slice(1))).join('');
}
