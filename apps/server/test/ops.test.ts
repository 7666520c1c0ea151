import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { basicAuth, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

let server: ServerProcess;
beforeAll(async () => {
  server = await startServerProcess(tempDataDir());
});
afterAll(() => {
  server.child.kill('SIGKILL');
});

const admin = async (path: string): Promise<Response> => {
  const response = await fetch(`${server.url}${path}`, { headers: basicAuth('abc123') });
  expect(response.status, path).toBe(200);
  return response;
};

describe('operations on a real server process', () => {
  it('/healthz answers 200 without credentials once the database and core are up', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', checks: { database: 'ok', core: 'ok' } });
  });

  it("serves the server's own log lines, and the warnings among them", async () => {
    const logs = (await (await admin('/api/admin/logs')).json()) as Array<{ time: string; level: string; message: string }>;
    expect(logs.map((l) => l.message)).toContain('hexcast is running');
    expect(logs.every((l) => !Number.isNaN(Date.parse(l.time)))).toBe(true);
    const warnings = (await (await admin('/api/admin/logs/warnings')).json()) as Array<{ level: string; message: string }>;
    expect(warnings.length).toBeGreaterThan(0);
    expect(warnings.every((l) => l.level === 'warning' || l.level === 'error')).toBe(true);
    expect(warnings.map((l) => l.message).join('\n')).toContain('SECURITY WARNING');
  });

  it('samples the real CPU, memory and disk at start', async () => {
    const stats = (await (await admin('/api/admin/hardwarestats')).json()) as Record<'cpu' | 'memory' | 'disk', Array<{ time: string; value: number }>>;
    for (const series of ['cpu', 'memory', 'disk'] as const) {
      expect(stats[series].length, series).toBeGreaterThanOrEqual(1);
      for (const point of stats[series]) {
        expect(point.value).toBeGreaterThanOrEqual(0);
        expect(point.value).toBeLessThanOrEqual(100);
      }
    }
    expect(stats.memory[0]!.value).toBeGreaterThan(0);
    expect(stats.disk[0]!.value).toBeGreaterThan(0);
  });

  it('lists a viewer that pinged, and exposes Prometheus metrics for it', async () => {
    expect((await fetch(`${server.url}/api/ping`, { headers: { 'User-Agent': 'ops-test' } })).status).toBe(200);
    const viewers = (await (await admin('/api/admin/viewers')).json()) as Array<Record<string, unknown>>;
    expect(viewers).toEqual([expect.objectContaining({ userAgent: 'ops-test', ipAddress: '127.0.0.1', geo: null, clientID: expect.any(String) as unknown })]);
    const metrics = await (await admin('/api/admin/prometheus')).text();
    const lines = metrics.split('\n');
    expect(lines).toContain('hexcast_stream_online 0');
    expect(lines).toContain('hexcast_viewers 1');
    expect(metrics).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(metrics).toMatch(/^hexcast_instance_memory_usage_percent \d/m);
    expect((await fetch(`${server.url}/api/admin/prometheus`)).status).toBe(401);
  });

  it('serves its OpenAPI document, naming these routes', async () => {
    const document = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(document.openapi).toBe('3.1.0');
    for (const path of ['/healthz', '/api/admin/logs', '/api/admin/hardwarestats', '/api/admin/prometheus', '/api/metrics/playback', '/hls/{path}']) expect(document.paths).toHaveProperty([path]);
  });
});
