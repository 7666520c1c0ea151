import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ALLOWED_DIFFERENCES } from './allowed-differences.ts';
import { buildOpenApiDocument } from './document.ts';
import { compareWithOwncast } from './owncast-compat.ts';
import { ROUTE_SPECS } from './registry.ts';

/** The reference spec beside the repository (`../shared`), as in CI. */
const OWNCAST_SPEC = fileURLToPath(new URL('../../../../../shared/reference/owncast-openapi.yaml', import.meta.url));
const available = existsSync(OWNCAST_SPEC);

describe.runIf(available)("hexcast's document agrees with Owncast's on the paths both have", () => {
  const owncast = available ? (parse(readFileSync(OWNCAST_SPEC, 'utf8')) as Parameters<typeof compareWithOwncast>[0]) : { paths: {} };
  const hexcast = JSON.parse(JSON.stringify(buildOpenApiDocument(ROUTE_SPECS))) as Parameters<typeof compareWithOwncast>[1];
  const { commonPaths, differences } = compareWithOwncast(owncast, hexcast);

  it('compares a real overlap', () => {
    expect(commonPaths.length).toBeGreaterThan(80);
  });

  it('has no differences except the listed, deliberate ones', () => {
    expect(differences.filter((d) => !(d in ALLOWED_DIFFERENCES))).toEqual([]);
  });

  it('lists no difference that no longer exists', () => {
    expect(Object.keys(ALLOWED_DIFFERENCES).filter((d) => !differences.includes(d))).toEqual([]);
  });
});

describe('the comparison itself', () => {
  const doc = (schema: object, status = '200', method = 'get') => ({ paths: { '/x': { [method]: { responses: { [status]: { description: '', content: { 'application/json': { schema } } } } } } } });
  const hexDoc = (schema: object, status = '200', method = 'get') => ({ paths: { '/api/x': { [method]: { responses: { [status]: { description: '', content: { 'application/json': { schema } } } } } } } });
  const user = { type: 'object', properties: { id: { type: 'string' }, count: { type: 'number' }, tags: { type: 'array', items: { type: 'string' } } } };

  it('accepts extra properties, integer for number and nullable fields', () => {
    const ours = { type: 'object', properties: { id: { type: 'string' }, count: { type: 'integer' }, tags: { anyOf: [{ type: 'array', items: { type: 'string' } }, { type: 'null' }] }, extra: { type: 'boolean' } } };
    expect(compareWithOwncast(doc(user), hexDoc(ours)).differences).toEqual([]);
  });

  it('names missing properties, wrong types, wrong item types, methods and statuses', () => {
    const ours = { type: 'object', properties: { id: { type: 'number' }, tags: { type: 'array', items: { type: 'integer' } } } };
    expect(compareWithOwncast(doc(user), hexDoc(ours)).differences).toEqual([
      'GET /api/x 200: hexcast sends number, Owncast documents string'.replace('200: hexcast', '200.id: hexcast'),
      'GET /api/x 200: property count is missing',
      'GET /api/x 200.tags[]: hexcast sends integer, Owncast documents string',
    ]);
    expect(compareWithOwncast(doc(user), hexDoc(user, '200', 'post')).differences).toEqual(['GET /api/x: only Owncast has this method', 'POST /api/x: only hexcast has this method']);
    expect(compareWithOwncast(doc(user), hexDoc(user, '201')).differences).toEqual(['GET /api/x: success statuses differ (Owncast 200, hexcast 201)']);
  });

  it('follows $ref and allOf in Owncast’s spec', () => {
    const owncast = { ...doc({ allOf: [{ $ref: '#/components/schemas/A' }, { type: 'object', properties: { b: { type: 'string' } } }] }), components: { schemas: { A: { type: 'object', properties: { a: { type: 'boolean' } } } } } };
    expect(compareWithOwncast(owncast, hexDoc({ type: 'object', properties: { a: { type: 'boolean' } } })).differences).toEqual(['GET /api/x 200: property b is missing']);
  });
});
