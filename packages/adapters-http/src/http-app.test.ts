import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { createAppController, type AppController } from '@hexcast/core';
import { FakePasswordHasher, InMemoryVideoStorage, MemoryLogger, PlainTextRenderer, inMemoryRepositories } from '@hexcast/core/testing';
import { createHttpApp } from './http-app.ts';
import { VALUE_SETTERS } from './routes/admin-config.ts';

const ADMIN = { Authorization: `Basic ${btoa('admin:abc123')}` };

let controller: AppController;
let app: ReturnType<typeof createHttpApp>;
let logger: MemoryLogger;
let storage: InMemoryVideoStorage;

beforeEach(async () => {
  logger = new MemoryLogger();
  storage = new InMemoryVideoStorage();
  controller = createAppController({ repositories: inMemoryRepositories(), hasher: new FakePasswordHasher(), renderer: new PlainTextRenderer(), logger, storage });
  await controller.start();
  app = createHttpApp(controller, { logger, peerAddress: () => '198.51.100.9' });
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

describe('video routes', () => {
  const bytes = (text: string) => new TextEncoder().encode(text);

  beforeEach(async () => {
    await storage.put('stream.m3u8', bytes('#EXTM3U\n0/stream.m3u8\n'), 'application/x-mpegURL');
    await storage.put('0/stream.m3u8', bytes('#EXTM3U\n#EXTINF:3,\nstream-a1.ts\n'), 'application/x-mpegURL');
    await storage.put('0/stream-a1.ts', Uint8Array.of(0x47, 1, 2, 3), 'video/mp2t');
    await storage.put('thumbnail.jpg', Uint8Array.of(0xff, 0xd8), 'image/jpeg');
  });

  it('serves playlists uncached and segments cacheable, with open CORS', async () => {
    const playlist = await app.request('/hls/0/stream.m3u8');
    expect(playlist.status).toBe(200);
    expect(playlist.headers.get('content-type')).toBe('application/x-mpegURL');
    expect(playlist.headers.get('cache-control')).toMatch(/no-cache/);
    expect(playlist.headers.get('access-control-allow-origin')).toBe('*');
    const segment = await app.request('/hls/0/stream-a1.ts');
    expect(segment.headers.get('content-type')).toBe('video/mp2t');
    expect(segment.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(new Uint8Array(await segment.arrayBuffer())).toEqual(Uint8Array.of(0x47, 1, 2, 3));
    const head = await app.request('/hls/0/stream-a1.ts', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe('4');
    expect((await app.request('/thumbnail.jpg')).headers.get('content-type')).toBe('image/jpeg');
  });

  it('counts a playlist fetch as a viewer (per address and browser), a segment fetch not', async () => {
    await app.request('/hls/0/stream-a1.ts');
    expect(controller.stats.viewerCount).toBe(0);
    await app.request('/hls/stream.m3u8', { headers: { 'user-agent': 'A' } });
    await app.request('/hls/0/stream.m3u8', { headers: { 'user-agent': 'A' } });
    expect(controller.stats.viewerCount).toBe(1);
    await app.request('/hls/stream.m3u8', { headers: { 'user-agent': 'B' } });
    // the peer is not a trusted proxy: its X-Forwarded-For cannot make it a second viewer
    await app.request('/hls/stream.m3u8', { headers: { 'user-agent': 'A', 'x-forwarded-for': '203.0.113.5, 10.0.0.1' } });
    expect(controller.stats.viewers.map((v) => v.ipAddress).sort()).toEqual(['198.51.100.9', '198.51.100.9']);
  });

  it('serves nothing but playlists and segments, and nothing outside the video store', async () => {
    await storage.put('0/notes.txt', bytes('x'), 'text/plain');
    for (const path of ['/hls/0/notes.txt', '/hls/../hexcast.db', '/hls/%2e%2e/hexcast.db', '/hls/0/%2e%2e/%2e%2e/etc/passwd.ts', '/hls/%E0%A4%A.ts', '/hls/', '/hls/missing.m3u8', '/preview.gif']) {
      const response = await app.request(path);
      expect(response.status, path).toBe(404);
    }
  });

  it('lists the variants with display names', async () => {
    await controller.updateSettings('video', { outputVariants: [{ videoPassthrough: true } as never, { scaledHeight: 360, videoBitrate: 800 } as never] });
    expect(await (await app.request('/api/video/variants')).json()).toEqual([
      { index: 0, name: 'Source' },
      { index: 1, name: '360p @ 800 kbps' },
    ]);
  });
});

describe('admin stream routes', () => {
  it('reports the status behind auth, and disconnect says when nobody is streaming', async () => {
    expect((await app.request('/api/admin/status')).status).toBe(401);
    const status = (await (await app.request('/api/admin/status', { headers: ADMIN })).json()) as Record<string, unknown>;
    expect(status).toMatchObject({ online: false, broadcaster: null, viewerCount: 0, overallPeakViewerCount: 0, sessionPeakViewerCount: 0, streamTitle: '' });
    const disconnect = await post('/api/admin/disconnect', '');
    expect(disconnect.status).toBe(400);
    expect(await disconnect.json()).toEqual({ success: false, message: 'no inbound stream connected' });
  });
});
