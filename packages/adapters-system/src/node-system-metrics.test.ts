import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeSystemMetricsContract } from '@hexcast/core/testing';
import { NodeSystemMetrics } from './node-system-metrics.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'hexcast-metrics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('NodeSystemMetrics', () => {
  describeSystemMetricsContract(() => new NodeSystemMetrics({ path: dir }));

  it('sees CPU work done between readings', async () => {
    const metrics = new NodeSystemMetrics({ path: dir });
    await metrics.read();
    const until = Date.now() + 300;
    let spin = 0;
    while (Date.now() < until) spin++;
    const usage = await metrics.read();
    // One of the machine's cores was busy the whole time.
    expect(usage.cpuPercent).toBeGreaterThanOrEqual(100 / os.cpus().length / 2);
    expect(spin).toBeGreaterThan(0);
    expect(usage.memoryPercent).toBeGreaterThan(0);
    expect(usage.diskPercent).toBeGreaterThan(0);
  });

  it('rejects when the directory is gone', async () => {
    await expect(new NodeSystemMetrics({ path: path.join(dir, 'missing') }).read()).rejects.toThrow();
  });
});
