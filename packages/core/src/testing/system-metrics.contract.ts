import { describe, expect, it } from 'vitest';
import type { SystemMetrics, SystemUsage } from '../ports/system-metrics.ts';

function expectPercentages(usage: SystemUsage): void {
  for (const key of ['cpuPercent', 'memoryPercent', 'diskPercent'] as const) {
    expect(Number.isFinite(usage[key]), key).toBe(true);
    expect(usage[key], key).toBeGreaterThanOrEqual(0);
    expect(usage[key], key).toBeLessThanOrEqual(100);
  }
}

/** The `SystemMetrics` contract. */
export function describeSystemMetricsContract(make: () => SystemMetrics | Promise<SystemMetrics>): void {
  describe('SystemMetrics contract', () => {
    it('reads finite percentages between 0 and 100', async () => {
      const metrics = await make();
      expectPercentages(await metrics.read());
    });

    it('still does for readings in quick succession and at the same time', async () => {
      const metrics = await make();
      for (let i = 0; i < 5; i++) expectPercentages(await metrics.read());
      for (const usage of await Promise.all([metrics.read(), metrics.read(), metrics.read()])) expectPercentages(usage);
    });

    it('answers a fresh object each time (changing one changes nothing)', async () => {
      const metrics = await make();
      const first = (await metrics.read()) as { -readonly [K in keyof SystemUsage]: number };
      first.memoryPercent = -1;
      expectPercentages(await metrics.read());
    });
  });
}
