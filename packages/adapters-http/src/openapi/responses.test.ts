import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETTINGS_SCHEMAS } from '@hexcast/core';
import { VALUE_SETTERS } from '../routes/admin-config.ts';
import { ADMIN, TINY_PNG, createFixture, type Fixture } from '../test-fixture.ts';
import { buildOpenApiDocument } from './document.ts';
import { ROUTE_SPECS } from './registry.ts';
import { responseMismatch } from './response-check.ts';
import { routeKey } from './route-spec.ts';

interface Context {
  readonly f: Fixture;
  readonly user: { id: string; accessToken: string };
  readonly moderator: { id: string; accessToken: string };
  readonly bot: string;
  send(method: string, path: string, options?: { body?: unknown; headers?: Record<string, string> }): Promise<Response>;
}

type Exercise = (c: Context) => Promise<Response[]>;
const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const bearer = (c: Context) => ({ Authorization: `Bearer ${c.bot}` });
const adminGet = (path: string): Exercise => async (c) => [await c.f.get(path, ADMIN), await c.f.get(path)];
const adminPost = (path: string, good: unknown | ((c: Context) => unknown), bad: unknown = {}): Exercise => async (c) => [
  await c.f.post(path, typeof good === 'function' ? good(c) : good),
  await c.f.post(path, bad),
  await c.f.post(path, 'not json'),
  await c.f.post(path, {}, {}),
];
const integrationPost = (path: string, good: unknown): Exercise => async (c) => [await c.f.post(path, good, bearer(c)), await c.f.post(path, 'nope', bearer(c)), await c.f.post(path, good, {})];
const integrationGet = (path: string): Exercise => async (c) => [await c.f.get(path, bearer(c)), await c.f.get(path)];
const plainGet = (...paths: string[]): Exercise => async (c) => Promise.all(paths.map((path) => c.f.get(path)));
const head = (...paths: string[]): Exercise => async (c) => Promise.all(paths.map((path) => c.send('HEAD', path)));

/** At least one request per documented route (error statuses too); the test fails for a route missing here. */
const EXERCISES: Record<string, Exercise> = {
  'GET /api/status': plainGet('/api/status'),
  'GET /api/config': plainGet('/api/config'),
  'GET /api/socialplatforms': plainGet('/api/socialplatforms'),
  'GET /api/ping': plainGet('/api/ping'),
  'GET /logo': plainGet('/logo'),
  'GET /logo/external': plainGet('/logo/external'),
  'GET /favicon.ico': plainGet('/favicon.ico'),
  'GET /img/platformlogos/{file}': plainGet('/img/platformlogos/github.svg', '/img/platformlogos/donate.svg', '/img/platformlogos/nope.svg', '/img/platformlogos/github.png'),
  'GET /robots.txt': plainGet('/robots.txt'),
  'GET /customjavascript': plainGet('/customjavascript'),
  'GET /api/admin/serverconfig': adminGet('/api/admin/serverconfig'),
  'GET /api/openapi.json': plainGet('/api/openapi.json'),
  'GET /hls/{path}': plainGet('/hls/stream.m3u8', '/hls/0/stream-x.ts', '/hls/../etc/passwd', '/hls/%zz.ts'),
  'HEAD /hls/{path}': head('/hls/0/stream.m3u8'),
  'GET /thumbnail.jpg': plainGet('/thumbnail.jpg'),
  'HEAD /thumbnail.jpg': head('/thumbnail.jpg'),
  'GET /preview.gif': plainGet('/preview.gif'),
  'HEAD /preview.gif': head('/preview.gif'),
  'GET /api/video/variants': plainGet('/api/video/variants'),
  'OPTIONS /api/chat/register': async (c) => [await c.send('OPTIONS', '/api/chat/register')],
  'POST /api/chat/register': async (c) => [await c.f.post('/api/chat/register', { displayName: 'someone' }, {}), await c.f.post('/api/chat/register', '', {}), await c.f.post('/api/chat/register', '{', {})],
  'GET /api/chat': async (c) => [await c.f.get(`/api/chat?accessToken=${c.user.accessToken}`), await c.f.get('/api/chat')],
  'POST /api/chat/messagevisibility': async (c) => [
    await c.f.post(`/api/chat/messagevisibility?accessToken=${c.moderator.accessToken}`, { idArray: ['x'], visible: false }, {}),
    await c.f.post(`/api/chat/messagevisibility?accessToken=${c.moderator.accessToken}`, { idArray: 'x' }, {}),
    await c.f.post(`/api/chat/messagevisibility?accessToken=${c.user.accessToken}`, { idArray: ['x'], visible: false }, {}),
  ],
  'POST /api/chat/users/setenabled': async (c) => [
    await c.f.post(`/api/chat/users/setenabled?accessToken=${c.moderator.accessToken}`, { userId: 'nobody', enabled: false }, {}),
    await c.f.post(`/api/chat/users/setenabled?accessToken=${c.moderator.accessToken}`, { userId: c.user.id, enabled: true }, {}),
    await c.f.post(`/api/chat/users/setenabled?accessToken=${c.moderator.accessToken}`, [], {}),
  ],
  'GET /api/moderation/chat/user/{userId}': async (c) => [await c.f.get(`/api/moderation/chat/user/${c.user.id}?accessToken=${c.moderator.accessToken}`), await c.f.get(`/api/moderation/chat/user/nobody?accessToken=${c.moderator.accessToken}`)],
  'GET /api/emoji': plainGet('/api/emoji'),
  'GET /img/emoji/{file}': plainGet('/img/emoji/smile.png', '/img/emoji/missing.png', '/img/emoji/..%2fx'),
  'GET /ws': plainGet('/ws'),
  'POST /api/integrations/chat/system': integrationPost('/api/integrations/chat/system', { body: 'hello from the system' }),
  'POST /api/integrations/chat/system/client/{clientId}': async (c) => [...(await integrationPost('/api/integrations/chat/system/client/7', { body: 'hi' })(c)), await c.f.post('/api/integrations/chat/system/client/abc', { body: 'hi' }, bearer(c))],
  'POST /api/integrations/chat/send': integrationPost('/api/integrations/chat/send', { body: 'a bot message' }),
  'POST /api/integrations/chat/user': integrationPost('/api/integrations/chat/user', { body: 'an old bot message' }),
  'POST /api/integrations/chat/action': integrationPost('/api/integrations/chat/action', { body: 'waves', author: 'bot' }),
  'POST /api/integrations/chat/messagevisibility': integrationPost('/api/integrations/chat/messagevisibility', { idArray: ['nothing'], visible: true }),
  'POST /api/integrations/streamtitle': integrationPost('/api/integrations/streamtitle', { value: 'A title' }),
  'GET /api/integrations/chat': integrationGet('/api/integrations/chat'),
  'GET /api/integrations/clients': integrationGet('/api/integrations/clients'),
  'GET /api/integrations/moderation/chat/user/{userId}': async (c) => [await c.f.get(`/api/integrations/moderation/chat/user/${c.user.id}`, bearer(c)), await c.f.get('/api/integrations/moderation/chat/user/nobody', bearer(c))],
  'GET /api/integrations/status': integrationGet('/api/integrations/status'),
  'GET /api/admin/status': async (c) => {
    const before = await adminGet('/api/admin/status')(c);
    await c.f.post('/api/metrics/playback', { errors: 1, qualityVariantChanges: 0 }, {});
    c.f.clock.advance(60_000);
    const after = await c.f.get('/api/admin/status', ADMIN);
    expect(((await after.clone().json()) as { health: unknown }).health).toMatchObject({ healthy: false, healthPercentage: 0 });
    return [...before, after];
  },
  'POST /api/admin/disconnect': async (c) => [await c.f.post('/api/admin/disconnect', {}), await c.f.post('/api/admin/disconnect', {}, {})],
  'POST /api/admin/config/logo': adminPost('/api/admin/config/logo', { value: `data:image/png;base64,${base64(TINY_PNG)}` }, { value: 'AAAA' }),
  'POST /api/admin/config/favicon': adminPost('/api/admin/config/favicon', { value: `data:image/png;base64,${base64(TINY_PNG)}` }, { value: 'AAAA' }),
  'DELETE /api/admin/config/favicon': async (c) => [await c.send('DELETE', '/api/admin/config/favicon', { headers: ADMIN }), await c.send('DELETE', '/api/admin/config/favicon')],
  'POST /api/admin/config/s3': adminPost('/api/admin/config/s3', { value: { enabled: false, bucket: 'b' } }, { value: { enabled: true } }),
  'POST /api/admin/config/notifications/discord': adminPost('/api/admin/config/notifications/discord', { value: { enabled: false } }, { value: { webhook: 'nope' } }),
  'POST /api/admin/config/notifications/browser': adminPost('/api/admin/config/notifications/browser', { value: { goLiveMessage: 'Live' } }, { value: { enabled: 'x' } }),
  'POST /api/admin/config/adminpass': adminPost('/api/admin/config/adminpass', { value: 'abc123' }, { value: 'short' }),
  ...Object.fromEntries(
    Object.entries(VALUE_SETTERS).map(([path, [section, field]]) => [
      `POST /api/admin/config/${path}`,
      adminPost(`/api/admin/config/${path}`, (c: Context) => ({ value: (c.f.controller.settings.get(section) as Record<string, unknown>)[field] }), { value: { not: ['a', 'valid', 'value'] } }),
    ]),
  ),
  'GET /api/admin/chat/messages': adminGet('/api/admin/chat/messages'),
  'POST /api/admin/chat/messagevisibility': adminPost('/api/admin/chat/messagevisibility', { idArray: ['x'], visible: false }),
  'GET /api/admin/chat/clients': adminGet('/api/admin/chat/clients'),
  'POST /api/admin/chat/users/setenabled': adminPost('/api/admin/chat/users/setenabled', (c: Context) => ({ userId: c.user.id, enabled: true }), { userId: 'nobody', enabled: true }),
  'GET /api/admin/chat/users/disabled': adminGet('/api/admin/chat/users/disabled'),
  'POST /api/admin/chat/users/setmoderator': adminPost('/api/admin/chat/users/setmoderator', (c: Context) => ({ userId: c.moderator.id, isModerator: true }), { userId: 'nobody', isModerator: true }),
  'GET /api/admin/chat/users/moderators': adminGet('/api/admin/chat/users/moderators'),
  'GET /api/admin/chat/users/ipbans': adminGet('/api/admin/chat/users/ipbans'),
  'POST /api/admin/chat/users/ipbans/create': adminPost('/api/admin/chat/users/ipbans/create', { value: '203.0.113.7' }, { value: '' }),
  'POST /api/admin/chat/users/ipbans/remove': adminPost('/api/admin/chat/users/ipbans/remove', { value: '203.0.113.7' }, { value: '192.0.2.99' }),
  'POST /api/admin/emoji/upload': adminPost('/api/admin/emoji/upload', { name: 'wave', data: base64(TINY_PNG) }, { name: 'bad', data: 'AAAA' }),
  'POST /api/admin/emoji/delete': adminPost('/api/admin/emoji/delete', { name: 'wave' }, { name: 'never-uploaded' }),
  'GET /api/admin/users': async (c) => [...(await adminGet('/api/admin/users?limit=2&sort=asc')(c)), await c.f.get('/api/admin/users?limit=-1', ADMIN)],
  'POST /api/admin/users/delete': adminPost('/api/admin/users/delete', (c: Context) => ({ userId: c.user.id }), { userId: 'nobody' }),
  'GET /api/admin/accesstokens': adminGet('/api/admin/accesstokens'),
  'POST /api/admin/accesstokens/create': adminPost('/api/admin/accesstokens/create', { name: 'overlay', scopes: ['CAN_SEND_MESSAGES'] }, { name: 'x', scopes: ['NOPE'] }),
  'POST /api/admin/accesstokens/delete': adminPost('/api/admin/accesstokens/delete', { token: 'not-a-token' }, { token: '' }),
  'GET /api/admin/logs': adminGet('/api/admin/logs'),
  'GET /api/admin/logs/warnings': adminGet('/api/admin/logs/warnings'),
  'GET /api/admin/hardwarestats': async (c) => {
    const before = await adminGet('/api/admin/hardwarestats')(c);
    await c.f.post('/api/metrics/playback', { errors: 0, qualityVariantChanges: 0, downloadDuration: 9 }, {});
    c.f.clock.advance(60_000);
    return [...before, ...(await adminGet('/api/admin/hardwarestats')(c))];
  },
  'GET /api/admin/viewers': async (c) => {
    await c.f.get('/hls/stream.m3u8');
    c.f.controller.viewerSeen({ clientId: 'viewer-1', ipAddress: '192.0.2.8', userAgent: 'player' });
    return adminGet('/api/admin/viewers')(c);
  },
  'GET /api/admin/viewersOverTime': async (c) => {
    await c.f.controller.repositories.stats.addViewerSample({ time: c.f.clock.now(), value: 2 });
    return [...(await adminGet('/api/admin/viewersOverTime?windowStart=0')(c)), await c.f.get('/api/admin/viewersOverTime', ADMIN), await c.f.get('/api/admin/viewersOverTime?windowStart=soon', ADMIN)];
  },
  'GET /api/admin/metrics/video': async (c) => {
    await c.f.post('/api/metrics/playback', { errors: 1, qualityVariantChanges: 0, latency: 3.5, bandwidth: 1800.5, downloadDuration: 0.25 }, {});
    c.f.clock.advance(60_000);
    return adminGet('/api/admin/metrics/video')(c);
  },
  'GET /api/admin/prometheus': adminGet('/api/admin/prometheus'),
  'POST /api/metrics/playback': async (c) => [await c.f.post('/api/metrics/playback', { errors: 0, qualityVariantChanges: 2 }, {}), await c.f.post('/api/metrics/playback', { errors: 'many' }, {}), await c.f.post('/api/metrics/playback', '{', {})],
  'GET /healthz': plainGet('/healthz'),
};

describe('answers match the OpenAPI document', () => {
  let c: Context;
  beforeAll(async () => {
    const f = await createFixture();
    const user = await f.register('viewer');
    const moderator = await f.register('mod', { moderator: true });
    const bot = await f.integrationToken(['CAN_SEND_MESSAGES', 'CAN_SEND_SYSTEM_MESSAGES', 'HAS_ADMIN_ACCESS']);
    expect((await f.post('/api/admin/emoji/upload', { name: 'smile', data: base64(TINY_PNG) })).status).toBe(200);
    expect((await f.post('/api/integrations/chat/send', { body: 'hello' }, { Authorization: `Bearer ${bot}` })).status).toBe(200);
    const send: Context['send'] = async (method, path, options = {}) =>
      f.app.request(path, { method, headers: { 'Content-Type': 'application/json', ...options.headers }, ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}) });
    c = { f, user, moderator, bot, send };
  });
  afterAll(async () => c.f.controller.stop());

  it('has an exercise for every documented route, and none for undocumented ones', () => {
    const documented = ROUTE_SPECS.map(routeKey);
    expect(documented.filter((key) => EXERCISES[key] === undefined), 'add a request to EXERCISES').toEqual([]);
    expect(Object.keys(EXERCISES).filter((key) => !documented.includes(key))).toEqual([]);
  });

  it.each(ROUTE_SPECS.map((route) => [routeKey(route), route] as const))('%s', async (key, route) => {
    const exercise = EXERCISES[key];
    if (exercise === undefined) return;
    const responses = await exercise(c);
    const problems: string[] = [];
    for (const response of responses) {
      expect(response.status, `${key}: an exercise must never cause a 500`).toBeLessThan(500 + (route.responses[501] ? 2 : 0));
      const problem = await responseMismatch(route, response);
      if (problem !== undefined) problems.push(`${response.status}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });

  it('answers the preflight the document adds for admin and integration routes with 204', async () => {
    const document = buildOpenApiDocument(ROUTE_SPECS);
    const preflights = Object.entries(document.paths).filter(([, item]) => item.options !== undefined);
    expect(preflights.length).toBeGreaterThan(50);
    for (const [path] of preflights) {
      const response = await c.send('OPTIONS', path.replace(/\{[^}]+\}/g, '1'));
      expect(response.status, path).toBe(204);
    }
  });

  it('knows every settings section the setters write', () => {
    for (const [section, field] of Object.values(VALUE_SETTERS)) expect(SETTINGS_SCHEMAS[section].shape).toHaveProperty(field);
  });
});
