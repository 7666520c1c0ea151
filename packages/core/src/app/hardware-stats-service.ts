import { BoundedList } from '../domain/bounded-list.ts';
import type { HardwareStats, TimestampedValue } from '../domain/operations.ts';
import type { Clock } from '../ports/clock.ts';
import type { Logger } from '../ports/logger.ts';
import type { SystemMetrics } from '../ports/system-metrics.ts';

/** A sample a minute, a day of them. */
export const HARDWARE_SAMPLE_INTERVAL_MS = 60_000;
export const HARDWARE_SAMPLES_KEPT = 24 * 60;

export interface HardwareStatsServiceDeps {
  readonly metrics: SystemMetrics;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly intervalMs?: number;
  readonly capacity?: number;
}

interface Sample {
  readonly time: Date;
  readonly cpu: number;
  readonly memory: number;
  readonly disk: number;
}

/** CPU, memory and disk load sampled on the clock, with a bounded history (`/api/admin/hardwarestats`). */
export class HardwareStatsService {
  readonly #deps: HardwareStatsServiceDeps;
  readonly #samples: BoundedList<Sample>;
  #inFlight = false;
  #stop: (() => void) | undefined;

  constructor(deps: HardwareStatsServiceDeps) {
    this.#deps = deps;
    this.#samples = new BoundedList(deps.capacity ?? HARDWARE_SAMPLES_KEPT);
  }

  /** Samples at once, then every interval. */
  start(): void {
    if (this.#stop !== undefined) return;
    void this.sample();
    this.#stop = this.#deps.clock.setInterval(() => void this.sample(), this.#deps.intervalMs ?? HARDWARE_SAMPLE_INTERVAL_MS);
  }

  stop(): void {
    this.#stop?.();
    this.#stop = undefined;
  }

  /** Takes one sample; a failed or still-running reading is skipped (and a failure logged). */
  async sample(): Promise<void> {
    if (this.#inFlight) return;
    this.#inFlight = true;
    try {
      const usage = await this.#deps.metrics.read();
      this.#samples.push({ time: this.#deps.clock.now(), cpu: usage.cpuPercent, memory: usage.memoryPercent, disk: usage.diskPercent });
    } catch (error) {
      this.#deps.logger.warn({ err: error }, 'could not read the system load');
    } finally {
      this.#inFlight = false;
    }
  }

  /** Every kept sample, oldest first, as three series. */
  get stats(): HardwareStats {
    const samples = this.#samples.toArray();
    const series = (pick: (s: Sample) => number): TimestampedValue[] => samples.map((s) => ({ time: s.time, value: pick(s) }));
    return { cpu: series((s) => s.cpu), memory: series((s) => s.memory), disk: series((s) => s.disk) };
  }

  /** The newest sample's percentages; `undefined` before the first. */
  get latest(): { cpu: number; memory: number; disk: number } | undefined {
    const last = this.#samples.last();
    return last && { cpu: last.cpu, memory: last.memory, disk: last.disk };
  }
}
