import type { SystemMetrics, SystemUsage } from '../ports/system-metrics.ts';

/** A `SystemMetrics` that answers whatever `usage` is set to; `failing` makes reads reject. */
export class FakeSystemMetrics implements SystemMetrics {
  usage: SystemUsage = { cpuPercent: 12.5, memoryPercent: 40, diskPercent: 63 };
  failing = false;
  reads = 0;

  async read(): Promise<SystemUsage> {
    this.reads++;
    if (this.failing) throw new Error('the fake system cannot be read');
    return { ...this.usage };
  }
}
