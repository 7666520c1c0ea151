import { statfs } from 'node:fs/promises';
import os from 'node:os';
import type { SystemMetrics, SystemUsage } from '@hexcast/core';

interface CpuTimes {
  readonly busy: number;
  readonly total: number;
}

function cpuTimes(): CpuTimes {
  let busy = 0;
  let total = 0;
  for (const { times } of os.cpus()) {
    const all = times.user + times.nice + times.sys + times.irq + times.idle;
    busy += all - times.idle;
    total += all;
  }
  return { busy, total };
}

const percent = (part: number, whole: number) => (whole > 0 ? Math.min(100, Math.max(0, (100 * part) / whole)) : 0);

/**
 * `SystemMetrics` from Node: CPU from the kernel's per-core times (`os.cpus`) between readings,
 * memory from `os.freemem`/`os.totalmem`, disk from `statfs` of the data directory (used over
 * used + available to unprivileged users, as `df` counts it).
 */
export class NodeSystemMetrics implements SystemMetrics {
  readonly #path: string;
  #last: CpuTimes = cpuTimes();

  /** `path`: a directory on the volume to watch (the data directory). */
  constructor(options: { readonly path: string }) {
    this.#path = options.path;
  }

  async read(): Promise<SystemUsage> {
    const now = cpuTimes();
    const cpuPercent = percent(now.busy - this.#last.busy, now.total - this.#last.total);
    this.#last = now;
    const memoryPercent = percent(os.totalmem() - os.freemem(), os.totalmem());
    const disk = await statfs(this.#path);
    const used = disk.blocks - disk.bfree;
    return { cpuPercent, memoryPercent, diskPercent: percent(used, used + disk.bavail) };
  }
}
