import { BoundedList } from '../domain/bounded-list.ts';
import { BUSY_CPU_PERCENT, HEALTHY_PERCENTAGE, VIDEO_METRIC_SERIES, type PlaybackReport, type StreamHealthOverview, type TimestampedValue, type VideoMetricSeries, type VideoMetrics } from '../domain/operations.ts';
import type { Clock } from '../ports/clock.ts';

/** Reports are aggregated per minute; a day of minutes is kept. */
export const PLAYBACK_WINDOW_MS = 60_000;
export const PLAYBACK_WINDOWS_KEPT = 24 * 60;
/** Clients tracked within one window; reports from further clients wait for the next window. */
export const MAX_PLAYBACK_CLIENTS_PER_WINDOW = 10_000;

interface ClientWindow {
  errors: number;
  qualityVariantChanges: number;
  latency?: number;
  downloadDuration?: number;
  bandwidth?: number;
}

type Series = VideoMetricSeries;

/** What the series need from the rest of the application at read time. */
export interface VideoMetricsContext {
  readonly availableBitrates: readonly number[];
  readonly segmentLength: number;
  readonly activeViewers: number;
}

/**
 * Playback health from players' own reports (`POST /api/metrics/playback`): per minute, the sum
 * of errors and quality switches, and the lowest/median/highest latency, segment download time
 * and bitrate across clients (each client's latest measurement in that minute counts once).
 */
export class VideoMetricsService {
  readonly #clock: Clock;
  readonly #windowMs: number;
  readonly #series = new Map<Series, BoundedList<TimestampedValue>>();
  #current = new Map<string, ClientWindow>();
  #lastWindow: ClientWindow[] = [];
  #reports = 0;
  #stop: (() => void) | undefined;

  constructor(deps: { clock: Clock; windowMs?: number; capacity?: number }) {
    this.#clock = deps.clock;
    this.#windowMs = deps.windowMs ?? PLAYBACK_WINDOW_MS;
    for (const name of VIDEO_METRIC_SERIES) this.#series.set(name, new BoundedList(deps.capacity ?? PLAYBACK_WINDOWS_KEPT));
  }

  start(): void {
    this.#stop ??= this.#clock.setInterval(() => this.closeWindow(), this.#windowMs);
  }

  stop(): void {
    this.#stop?.();
    this.#stop = undefined;
  }

  /** Reports received since the process started. */
  get reportsTotal(): number {
    return this.#reports;
  }

  /** Adds a (validated) report from one client to the current window. */
  record(clientId: string, report: PlaybackReport): void {
    let window = this.#current.get(clientId);
    if (window === undefined) {
      if (this.#current.size >= MAX_PLAYBACK_CLIENTS_PER_WINDOW) return;
      this.#current.set(clientId, (window = { errors: 0, qualityVariantChanges: 0 }));
    }
    this.#reports++;
    window.errors += report.errors;
    window.qualityVariantChanges += report.qualityVariantChanges;
    if (report.latency !== undefined) window.latency = report.latency;
    if (report.downloadDuration !== undefined) window.downloadDuration = report.downloadDuration;
    if (report.bandwidth !== undefined) window.bandwidth = report.bandwidth;
  }

  /** Turns the current window into one point per series (none when no client reported). */
  closeWindow(): void {
    const clients = [...this.#current.values()];
    this.#current = new Map();
    this.#lastWindow = clients;
    if (clients.length === 0) return;
    const time = this.#clock.now();
    const add = (name: Series, value: number | undefined) => value !== undefined && this.#series.get(name)!.push({ time, value });
    add('errors', sum(clients.map((c) => c.errors)));
    add('qualityVariantChanges', sum(clients.map((c) => c.qualityVariantChanges)));
    const spread = (values: Array<number | undefined>, low: Series, mid: Series, high: Series) => {
      const known = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
      if (known.length === 0) return;
      add(low, known[0]);
      add(mid, median(known));
      add(high, known.at(-1));
    };
    spread(clients.map((c) => c.latency), 'lowestLatency', 'medianLatency', 'highestLatency');
    spread(clients.map((c) => c.downloadDuration), 'minimumSegmentDownloadDuration', 'medianSegmentDownloadDuration', 'maximumSegmentDownloadDuration');
    spread(clients.map((c) => c.bandwidth), 'minPlayerBitrate', 'medianPlayerBitrate', 'maxPlayerBitrate');
  }

  metrics(context: VideoMetricsContext): VideoMetrics {
    const series = Object.fromEntries(VIDEO_METRIC_SERIES.map((name) => [name, this.#series.get(name)!.toArray()])) as Record<Series, TimestampedValue[]>;
    return { ...series, availableBitrates: context.availableBitrates, segmentLength: context.segmentLength, representation: this.#representation(context.activeViewers) };
  }

  /** The last minute's players judged (see `StreamHealthOverview`); `undefined` when none reported. */
  healthOverview(context: VideoMetricsContext & { readonly cpuPercent: number | undefined }): StreamHealthOverview | undefined {
    const clients = this.#lastWindow;
    if (clients.length === 0) return undefined;
    const struggling = clients.filter((c) => c.errors > 0 || (c.downloadDuration !== undefined && c.downloadDuration >= context.segmentLength)).length;
    const healthPercentage = Math.round((100 * (clients.length - struggling)) / clients.length);
    const busy = context.cpuPercent !== undefined && context.cpuPercent >= BUSY_CPU_PERCENT;
    const problems = [
      ...(struggling > 0 ? [`${struggling} of ${clients.length} players had errors or downloaded segments slower than real time in the last minute`] : []),
      ...(busy ? [`the server's CPU is ${Math.round(context.cpuPercent!)}% busy`] : []),
    ];
    return { healthy: healthPercentage >= HEALTHY_PERCENTAGE && !busy, healthPercentage, message: problems.join('; '), representation: this.#representation(context.activeViewers) };
  }

  #representation(activeViewers: number): number {
    return activeViewers === 0 ? 0 : Math.min(100, Math.round((100 * this.#lastWindow.length) / activeViewers));
  }
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** The median of sorted, non-empty values. */
function median(sorted: number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}
