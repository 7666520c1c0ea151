import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppController, type AppController } from '@hexcast/core';
import { FakePasswordHasher, MemoryLogger, PlainTextRenderer, inMemoryRepositories } from '@hexcast/core/testing';
import { createHttpApp } from './http-app.ts';
import { VALUE_SETTERS } from './routes/admin-config.ts';

const ADMIN = { Authorization: `Basic ${btoa('admin:abc123')}` };

let controller: AppController;
let app: ReturnType<typeof createHttpApp>;
let logger: MemoryLogger;

beforeEach(async () => {
  logger = new MemoryLogger();
  controller = createAppController({ repositories: inMemoryRepositories(), hasher: new FakePasswordHasher(), renderer: new PlainTextRenderer(), logger });
  await controller.start();
  app = createHttpApp(controller, { logger });
});

const post = (path: string, body: string, headers: Record<string, string> = ADMIN) => app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body });

describe('public routes', () => {
  it('GET /api/status has exactly Owncast’s fields', async () => {
    const response = await app.request('/api/status');
    expect(response.status).toBe(200);
    expect(Object.keys((await response.json()) as object).sort()).toEqual(['lastConnectTime', 'lastDisconnectTime', 'online', 'serverTime', 'streamTitle', 'versionNumber', 'viewerCount']);
  });

  it('GET /api/config has every WebConfig field of the Owncast spec', async () => {
    const config = (await (await app.request('/api/config')).json()) as Record<string, unknown>;
    for (const field of ['name', 'summary', 'logo', 'tags', 'version', 'nsfw', 'socialHandles', 'extraPageContent', 'offlineMessage', 'streamTitle', 'appearanceVariables', 'customStyles', 'socketHostOverride', 'externalActions', 'notifications', 'federation', 'maxSocketPayloadSize', 'hideViewerCount', 'chatDisabled', 'chatRequireAuthentication', 'autoplay', 'authentication']) {
      expect(config, field).toHaveProperty(field);
    }
    expect(config.socialHandles).toEqual([{ platform: 'github', url: 'https://github.com/owncast/owncast', icon: '/img/platformlogos/github.svg' }]);
  });

  it('answers unknown API routes with 404 JSON and other paths with 404', async () => {
    const api = await app.request('/api/does/not/exist', { method: 'DELETE' });
    expect(api.status).toBe(404);
    expect(await api.json()).toEqual({ error: 'no such API route: DELETE /api/does/not/exist' });
    expect((await app.request('/nothing-here')).status).toBe(404);
  });
});

describe('admin setters', () => {
  it('refuses missing, wrong-user and wrong-password credentials with 401 and WWW-Authenticate', async () => {
    for (const headers of [{} as Record<string, string>, { Authorization: `Basic ${btoa('root:abc123')}` }, { Authorization: `Basic ${btoa('admin:nope')}` }, { Authorization: 'Basic %%%' }, { Authorization: 'Bearer abc123' }]) {
      const response = await post('/api/admin/config/name', '{"value":"x"}', headers);
      expect(response.status).toBe(401);
      expect(response.headers.get('WWW-Authenticate')).toMatch(/^Basic realm=/);
    }
    expect(controller.settings.get('serverInfo').name).toBe('New hexcast server');
  });

  it('answers CORS preflight with 204 without credentials', async () => {
    expect((await app.request('/api/admin/config/name', { method: 'OPTIONS' })).status).toBe(204);
  });

  it('stores a good value, shows it in /api/config and announces a title change', async () => {
    const titles: string[] = [];
    controller.events.on('stream-title-changed', (e) => void titles.push(e.title));
    expect(await (await post('/api/admin/config/streamtitle', '{"value":"Now live"}')).json()).toEqual({ success: true, message: 'streamtitle changed' });
    expect(((await (await app.request('/api/config')).json()) as { streamTitle: string }).streamTitle).toBe('Now live');
    expect(titles).toEqual(['Now live']);
  });

  it('answers malformed JSON, a missing value and a bad value with 400 and changes nothing', async () => {
    const before = controller.settings.get('video');
    for (const body of ['{"value":', 'null', '[]', '{}', '{"value":"three"}', '{"value":-1}', '{"value":99}']) {
      const response = await post('/api/admin/config/video/streamlatencylevel', body);
      expect(response.status, body).toBe(400);
      const json = (await response.json()) as { success: boolean; message: string };
      expect(json.success).toBe(false);
      expect(json.message.length).toBeGreaterThan(0);
    }
    expect(controller.settings.get('video')).toEqual(before);
  });

  it('refuses weak admin passwords and accepts a strong one', async () => {
    for (const weak of ['short', 'abc123', 'aaaaaaaaaaaa']) expect((await post('/api/admin/config/adminpass', JSON.stringify({ value: weak }))).status).toBe(400);
    expect((await post('/api/admin/config/adminpass', '{"value":"correct-horse-9"}')).status).toBe(200);
    expect((await post('/api/admin/config/name', '{"value":"x"}')).status).toBe(401);
    expect((await post('/api/admin/config/name', '{"value":"x"}', { Authorization: `Basic ${btoa('admin:correct-horse-9')}` })).status).toBe(200);
  });

  it('never answers 500 to any JSON body on any setter (property)', async () => {
    // adminpass is left out: a random strong string would change the password under the test's feet.
    const paths = Object.keys(VALUE_SETTERS);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), fc.oneof(fc.json(), fc.string(), fc.jsonValue().map((value) => JSON.stringify({ value }))), async (path, body) => {
        const response = await post(`/api/admin/config/${path}`, body);
        expect([200, 400]).toContain(response.status);
        expect(((await response.json()) as { success: boolean }).success).toBe(response.status === 200);
      }),
      { numRuns: 300 },
    );
    expect(logger.at('error')).toEqual([]);
    expect((await app.request('/api/config')).status).toBe(200);
  });
});
