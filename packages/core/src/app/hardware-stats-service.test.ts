import { describe, expect, it } from 'vitest';
import { FakeClock } from '../testing/fake-clock.ts';
import { FakeSystemMetrics } from '../testing/fake-system-metrics.ts';
import { MemoryLogger } from '../testing/memory-logger.ts';
import { HardwareStatsService } from './hardware-stats-service.ts';

const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('HardwareStatsService', () => {
  it('samples at start and then every interval, keeping a bounded history', async () => {
    const clock = new FakeClock();
    const metrics = new FakeSystemMetrics();
    const service = new HardwareStatsService({ metrics, clock, logger: new MemoryLogger(), intervalMs: 1000, capacity: 3 });
    service.start();
    await flush();
    expect(service.stats.cpu).toEqual([{ time: clock.now(), value: 12.5 }]);
    for (let i = 1; i <= 4; i++) {
      metrics.usage = { cpuPercent: i, memoryPercent: 10 * i, diskPercent: 50 };
      clock.advance(1000);
      await flush();
    }
    const { cpu, memory, disk } = service.stats;
    expect(cpu.map((p) => p.value)).toEqual([2, 3, 4]);
    expect(memory.map((p) => p.value)).toEqual([20, 30, 40]);
    expect(disk.map((p) => p.value)).toEqual([50, 50, 50]);
    expect(cpu[2]!.time.getTime() - cpu[0]!.time.getTime()).toBe(2000);
    expect(service.latest).toEqual({ cpu: 4, memory: 40, disk: 50 });
    service.stop();
    clock.advance(5000);
    await flush();
    expect(metrics.reads).toBe(5);
  });

  it('skips and logs a failed reading', async () => {
    const clock = new FakeClock();
    const metrics = new FakeSystemMetrics();
    metrics.failing = true;
    const logger = new MemoryLogger();
    const service = new HardwareStatsService({ metrics, clock, logger });
    await service.sample();
    expect(service.stats).toEqual({ cpu: [], memory: [], disk: [] });
    expect(service.latest).toBeUndefined();
    expect(logger.at('warn').map((e) => e.message)).toEqual(['could not read the system load']);
  });
});
