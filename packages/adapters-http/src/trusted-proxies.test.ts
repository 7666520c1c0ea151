import type http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createAppController } from '@hexcast/core';
import { FakePasswordHasher, InMemoryVideoStorage, MemoryLogger, PlainTextRenderer, inMemoryRepositories } from '@hexcast/core/testing';
import { createHttpApp } from './http-app.ts';
import { createNodeServer } from './node-server.ts';
import { ADMIN, createFixture } from './test-fixture.ts';
import type { TrustedProxies } from './trusted-proxies.ts';

const BANNED = '203.0.113.50';

describe('an IP-banned client', () => {
  it('connecting directly cannot get into chat by sending a made-up X-Forwarded-For', async () => {
    const f = await createFixture({ peerAddress: () => BANNED });
    const user = await f.register('Mallory');
    await f.post('/api/admin/chat/users/ipbans/create', { value: BANNED });
    for (const spoof of ['127.0.0.1', '198.51.100.7', '10.0.0.1, 127.0.0.1', '::1', 'garbage']) {
      expect((await f.get('/ws?accessToken=x', { 'X-Forwarded-For': spoof })).status, spoof).toBe(403);
      expect((await f.get(`/api/chat?accessToken=${user.accessToken}`, { 'X-Forwarded-For': spoof })).status, spoof).toBe(401);
    }
  });

  it('behind a trusted proxy is found in the hop the proxy appended, whatever it wrote before it', async () => {
    const f = await createFixture({ peerAddress: () => '127.0.0.1' });
    await f.post('/api/admin/chat/users/ipbans/create', { value: BANNED });
    for (const header of [BANNED, `127.0.0.1, ${BANNED}`, `198.51.100.7, ${BANNED}`, `::ffff:${BANNED}`, `${BANNED}, 10.0.0.2`]) {
      expect((await f.get('/ws?accessToken=x', { 'X-Forwarded-For': header })).status, header).toBe(403);
    }
    // someone else through the same proxy is let through to the upgrade (501: this app has no WebSocket support)
    expect((await f.get('/ws?accessToken=x', { 'X-Forwarded-For': `${BANNED}, 203.0.113.51` })).status).toBe(501);
  });

  it('behind a proxy that is not trusted is the proxy (trust none)', async () => {
    const f = await createFixture({ peerAddress: () => '127.0.0.1', trustedProxies: [] });
    await f.post('/api/admin/chat/users/ipbans/create', { value: BANNED });
    expect((await f.get('/ws?accessToken=x', { 'X-Forwarded-For': BANNED })).status).toBe(501);
  });
});

describe('viewer counting through /api/ping', () => {
  it('counts a direct client once, whatever X-Forwarded-For it sends', async () => {
    const f = await createFixture({ peerAddress: () => '203.0.113.9' });
    for (let i = 0; i < 5; i++) await f.get('/api/ping', { 'User-Agent': 'bot', 'X-Forwarded-For': `198.18.0.${i}` });
    expect(f.controller.stats.viewers.map((v) => v.ipAddress)).toEqual(['203.0.113.9']);
  });

  it('counts each client behind a trusted proxy, and believes every hop with trust all', async () => {
    const f = await createFixture({ peerAddress: () => '10.0.0.2' });
    for (const client of ['203.0.113.1', '203.0.113.2']) await f.get('/api/ping', { 'User-Agent': 'tv', 'X-Forwarded-For': client });
    expect(f.controller.stats.viewers.map((v) => v.ipAddress).sort()).toEqual(['203.0.113.1', '203.0.113.2']);
    const open = await createFixture({ peerAddress: () => '198.51.100.1', trustedProxies: 'all' });
    await open.get('/api/ping', { 'User-Agent': 'tv', 'X-Forwarded-For': '203.0.113.3, 192.0.2.1' });
    expect(open.controller.stats.viewers.map((v) => v.ipAddress)).toEqual(['203.0.113.3']);
    expect((await open.get('/api/admin/status', ADMIN)).status).toBe(200);
  });
});

describe('the video fast path of the Node server', () => {
  const servers: http.Server[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
  });

  async function viewersAfterPlaylistFetch(trustedProxies: TrustedProxies | undefined, forwardedFor: string): Promise<string[]> {
    const storage = new InMemoryVideoStorage();
    const controller = createAppController({ repositories: inMemoryRepositories(), hasher: new FakePasswordHasher(), renderer: new PlainTextRenderer(), logger: new MemoryLogger(), storage });
    await controller.start();
    await storage.put('stream.m3u8', new TextEncoder().encode('#EXTM3U\n'), 'application/x-mpegURL');
    const server = createNodeServer({ api: controller, app: createHttpApp(controller), onError: () => undefined, ...(trustedProxies ? { trustedProxies } : {}) });
    servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/hls/stream.m3u8`, { headers: { 'X-Forwarded-For': forwardedFor } });
    expect(response.status).toBe(200);
    return controller.stats.viewers.map((v) => v.ipAddress);
  }

  it('believes X-Forwarded-For from a loopback peer by default, and not when told to trust none', async () => {
    expect(await viewersAfterPlaylistFetch(undefined, '127.0.0.9, 203.0.113.7')).toEqual(['203.0.113.7']);
    expect(await viewersAfterPlaylistFetch([], '203.0.113.7')).toEqual(['127.0.0.1']);
    expect(await viewersAfterPlaylistFetch(['192.0.2.0/24'], '203.0.113.7')).toEqual(['127.0.0.1']);
  });
});
