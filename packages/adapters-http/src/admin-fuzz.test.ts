import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ADMIN, createFixture } from './test-fixture.ts';

const segment = fc.oneof(fc.constantFrom('x', '0', '..', '%2e%2e', 'nobody', '-1'), fc.string({ maxLength: 12 }).map(encodeURIComponent));
const body = fc.oneof(
  fc.json(),
  fc.string(),
  fc.jsonValue().map((value) => JSON.stringify({ value })),
  fc.dictionary(fc.constantFrom('value', 'name', 'id', 'userId', 'idArray', 'visible', 'enabled', 'data', 'scopes', 'token', 'ipAddress'), fc.jsonValue()).map((o) => JSON.stringify(o)),
);
const query = fc.dictionary(fc.constantFrom('offset', 'limit', 'windowStart', 'q', 'x'), fc.string({ maxLength: 8 }));

describe('every admin endpoint (enumerated from the app)', () => {
  it('answers any JSON body and query without a 500, and the app keeps answering (property)', async () => {
    const f = await createFixture();
    const routes = [...new Map(f.app.routes.filter((r) => r.path.startsWith('/api/admin/') && r.method !== 'ALL').map((r) => [`${r.method} ${r.path}`, r])).values()];
    expect(routes.length).toBeGreaterThan(60);
    const statuses = new Map<string, Set<number>>();
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...routes), body, query, fc.array(segment, { minLength: 1, maxLength: 3 }), async (route, text, params, segments) => {
        let i = 0;
        const path = route.path.replace(/:[^/{]+(\{[^}]*\})?\??/g, () => segments[i++ % segments.length]!).replace(/\*$/, segments[0]!);
        const search = new URLSearchParams(params).toString();
        const init: RequestInit = { method: route.method, headers: { ...ADMIN, 'Content-Type': 'application/json' } };
        if (route.method !== 'GET' && route.method !== 'HEAD') init.body = text;
        const response = await f.app.request(`${path}${search ? `?${search}` : ''}`, init);
        // A random strong string may become the admin password: put the known one back.
        if (route.path === '/api/admin/config/adminpass' && response.status === 200) await f.controller.settings.overrideAdminPassword('abc123');
        expect(response.status, `${route.method} ${path} ${text.slice(0, 80)}`).not.toBe(500);
        expect(response.status < 500 || response.status === 503, `${route.method} ${path}`).toBe(true);
        const seen = statuses.get(`${route.method} ${route.path}`) ?? new Set();
        statuses.set(`${route.method} ${route.path}`, seen.add(response.status));
      }),
      { numRuns: 1500 },
    );
    expect(f.logger.at('error')).toEqual([]);
    expect(statuses.size).toBeGreaterThan(routes.length / 2);
    expect((await f.get('/api/status')).status).toBe(200);
    expect((await f.get('/api/admin/serverconfig', ADMIN)).status).toBe(200);
  });
});
