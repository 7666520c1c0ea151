import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAppController, type AppController } from '@hexcast/core';
import { FakeClock, FakePasswordHasher, FakeSystemMetrics, InMemoryGeoIpLookup, InMemoryLogHistory, MemoryLogger, PlainTextRenderer, inMemoryRepositories } from '@hexcast/core/testing';
import { createHttpApp } from '../http-app.ts';

const ADMIN = { Authorization: `Basic ${btoa('admin:abc123')}` };
const GEO = { countryCode: 'NL', regionName: 'North Holland', timeZone: 'Europe/Amsterdam' };

let controller: AppController;
let app: ReturnType<typeof createHttpApp>;
let clock: FakeClock;
let logs: InMemoryLogHistory;
let repositories: ReturnType<typeof inMemoryRepositories>;

beforeEach(async () => {
  clock = new FakeClock();
  logs = new InMemoryLogHistory();
  repositories = inMemoryRepositories();
  const geoip = new InMemoryGeoIpLookup([['192.0.2.50', GEO]]);
  controller = createAppController({ repositories, hasher: new FakePasswordHasher(), renderer: new PlainTextRenderer(), logger: new MemoryLogger(), clock, logHistory: logs, systemMetrics: new FakeSystemMetrics(), geoip });
  await controller.start();
  app = createHttpApp(controller, { peerAddress: () => '192.0.2.50' });
});
afterEach(async () => controller.stop());

const json = async (path: string) => {
  const response = await app.request(path, { headers: ADMIN });
  expect(response.status, path).toBe(200);
  return response.json() as Promise<unknown>;
};

describe('operations routes', () => {
  it('need the admin, except /healthz and playback reports', async () => {
    for (const path of ['/api/admin/logs', '/api/admin/logs/warnings', '/api/admin/hardwarestats', '/api/admin/viewers', '/api/admin/viewersOverTime', '/api/admin/metrics/video', '/api/admin/prometheus']) {
      expect((await app.request(path)).status, path).toBe(401);
    }
    expect((await app.request('/healthz')).status).toBe(200);
  });

  it('serve the log and its warnings with Owncast’s fields', async () => {
    logs.add({ time: new Date('2026-01-01T10:00:00Z'), level: 'info', message: 'hexcast is running' });
    logs.add({ time: new Date('2026-01-01T10:00:01Z'), level: 'warn', message: 'SECURITY WARNING: default password' });
    expect(await json('/api/admin/logs')).toEqual([
      { time: '2026-01-01T10:00:00.000Z', level: 'info', message: 'hexcast is running' },
      { time: '2026-01-01T10:00:01.000Z', level: 'warning', message: 'SECURITY WARNING: default password' },
    ]);
    expect(await json('/api/admin/logs/warnings')).toEqual([{ time: '2026-01-01T10:00:01.000Z', level: 'warning', message: 'SECURITY WARNING: default password' }]);
  });

  it('serve hardware samples, viewers with geo, and viewers over time', async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await json('/api/admin/hardwarestats')).toEqual({ cpu: [{ time: clock.now().toISOString(), value: 12.5 }], memory: [{ time: clock.now().toISOString(), value: 40 }], disk: [{ time: clock.now().toISOString(), value: 63 }] });

    controller.viewerSeen({ clientId: 'abc', ipAddress: '192.0.2.50', userAgent: 'VLC' });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await json('/api/admin/viewers')).toEqual([{ clientID: 'abc', ipAddress: '192.0.2.50', userAgent: 'VLC', firstSeen: clock.now().toISOString(), lastSeen: clock.now().toISOString(), geo: GEO }]);

    const hourAgo = new Date(clock.now().getTime() - 3600_000);
    await repositories.stats.addViewerSample({ time: hourAgo, value: 3 });
    expect(await json('/api/admin/viewersOverTime')).toEqual([{ time: hourAgo.toISOString(), value: 3 }]);
    expect(await json(`/api/admin/viewersOverTime?windowStart=${Math.floor(clock.now().getTime() / 1000) - 60}`)).toEqual([]);
    for (const bad of ['yesterday', '-5', '1e9', '99999999999999999']) {
      const response = await app.request(`/api/admin/viewersOverTime?windowStart=${bad}`, { headers: ADMIN });
      expect(response.status, bad).toBe(400);
    }
  });

  it('take playback reports and serve them as video metrics', async () => {
    const report = (body: unknown, userAgent: string) => app.request('/api/metrics/playback', { method: 'POST', headers: { 'Content-Type': 'application/json', 'User-Agent': userAgent }, body: JSON.stringify(body) });
    expect((await report({ errors: 0, qualityVariantChanges: 1, latency: 8, bandwidth: 2500, downloadDuration: 0.4 }, 'a')).status).toBe(200);
    expect((await report({ errors: 2, qualityVariantChanges: 0, latency: 4 }, 'b')).status).toBe(200);
    for (const bad of [{}, { errors: -1, qualityVariantChanges: 0 }, [], 'nope', { errors: 1e9, qualityVariantChanges: 0 }]) {
      const response = await report(bad, 'c');
      expect(response.status, JSON.stringify(bad)).toBe(400);
      expect(((await response.json()) as { success: boolean }).success).toBe(false);
    }
    clock.advance(60_000);
    controller.viewerSeen({ clientId: 'only-one', ipAddress: '192.0.2.50', userAgent: 'a' });
    expect(await json('/api/admin/hardwarestats')).toMatchObject({ healthy: false, healthPercentage: 50, representation: 100, message: '1 of 2 players had errors or downloaded segments slower than real time in the last minute' });
    const video = (await json('/api/admin/metrics/video')) as Record<string, unknown>;
    expect(video).toMatchObject({ errors: [{ value: 2 }], qualityVariantChanges: [{ value: 1 }], medianLatency: [{ value: 6 }], maxPlayerBitrate: [{ value: 2500 }], availableBitrates: [1200], segmentLength: 3 });
  });

  it('expose Prometheus metrics: process, stream, viewers, chat, hardware', async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    controller.viewerSeen({ clientId: 'v', ipAddress: '192.0.2.1', userAgent: 'x' });
    controller.events.publish({ type: 'chat', event: { type: 'CHAT', id: '1', timestamp: clock.now().toISOString() } });
    const response = await app.request('/api/admin/prometheus', { headers: ADMIN });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    for (const line of ['hexcast_stream_online 0', 'hexcast_viewers 1', 'hexcast_chat_clients 0', 'hexcast_chat_messages_total 1', 'hexcast_streams_started_total 0', 'hexcast_instance_cpu_usage_percent 12.5', 'hexcast_stream_output_variants 1', 'hexcast_segments_stored_total 0']) {
      expect(text.split('\n')).toContain(line);
    }
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d/m);
    expect(text).toContain('# TYPE hexcast_chat_messages_total counter');
    // No segment yet: the gauges of the latest segment read 0 (a labelless Prometheus series cannot be absent).
    expect(text.split('\n')).toContain('hexcast_segment_interval_seconds 0');
    // A second scrape reports the same totals (counters mirror the core, they do not add up).
    const again = await (await app.request('/api/admin/prometheus', { headers: ADMIN })).text();
    expect(again.split('\n')).toContain('hexcast_chat_messages_total 1');
  });

  it('/healthz: 200 while running, 503 once the database fails or the core stops', async () => {
    const healthy = await app.request('/healthz');
    expect(healthy.status).toBe(200);
    expect(await healthy.json()).toEqual({ status: 'ok', checks: { database: 'ok', core: 'ok' } });
    repositories.stats.getStreamStats = async () => Promise.reject(new Error('SQLITE_IOERR'));
    const failing = await app.request('/healthz');
    expect(failing.status).toBe(503);
    expect(await failing.json()).toEqual({ status: 'unavailable', checks: { database: 'failing', core: 'ok' } });
    await controller.stop();
    expect(((await (await app.request('/healthz')).json()) as { checks: { core: string } }).checks.core).toBe('stopped');
  });

  it('answer any JSON body and any windowStart with 200 or 400, never a 500', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (body) => {
        const response = await app.request('/api/metrics/playback', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
        expect([200, 400]).toContain(response.status);
      }),
      { numRuns: 200 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 30 }), async (windowStart) => {
        const response = await app.request(`/api/admin/viewersOverTime?windowStart=${encodeURIComponent(windowStart)}`, { headers: ADMIN });
        expect([200, 400]).toContain(response.status);
      }),
      { numRuns: 100 },
    );
  });
});
