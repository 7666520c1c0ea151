import { EMPTY_STREAM_STATS, VIEWER_ACTIVITY_WINDOW_MS, type GeoDetails, type StreamStats, type Viewer } from '../domain/viewers.ts';
import type { Clock } from '../ports/clock.ts';
import type { GeoIpLookup } from '../ports/geoip-lookup.ts';
import type { Logger } from '../ports/logger.ts';
import type { StatsRepository } from '../ports/stats-repository.ts';
import type { EventBus } from './event-bus.ts';

export interface StatsServiceDeps {
  readonly repository: StatsRepository;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly geoip?: GeoIpLookup;
}

export interface ViewerSighting {
  readonly clientId: string;
  readonly ipAddress: string;
  readonly userAgent: string;
}

/** How often idle viewers are purged and a viewers-over-time point is recorded. */
const PURGE_INTERVAL_MS = 5_000;
const SAMPLE_INTERVAL_MS = 60_000;
const SAMPLE_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Active viewers, peak counts and connect/disconnect times. Peaks and times are persisted so
 * they survive restarts; the viewer list itself is live state only.
 */
export class StatsService {
  readonly #deps: StatsServiceDeps;
  readonly #viewers = new Map<string, { -readonly [K in keyof Viewer]: Viewer[K] }>();
  #stats: StreamStats = EMPTY_STREAM_STATS;
  #online = false;
  #timers: Array<() => void> = [];

  constructor(deps: StatsServiceDeps) {
    this.#deps = deps;
  }

  async load(): Promise<void> {
    this.#stats = await this.#deps.repository.getStreamStats();
  }

  /** Starts the purge and sampling timers. */
  start(): void {
    const { clock } = this.#deps;
    this.#timers.push(clock.setInterval(() => this.purgeIdleViewers(), PURGE_INTERVAL_MS));
    this.#timers.push(clock.setInterval(() => void this.#recordSample().catch((error: unknown) => this.#deps.logger.error({ err: error }, 'could not record viewer sample')), SAMPLE_INTERVAL_MS));
  }

  stop(): void {
    for (const cancel of this.#timers.splice(0)) cancel();
  }

  get streamStats(): StreamStats {
    return this.#stats;
  }

  get viewerCount(): number {
    return this.#viewers.size;
  }

  get viewers(): Viewer[] {
    return [...this.#viewers.values()];
  }

  /** A client fetched a playlist or pinged: it counts as an active viewer for the next minute. */
  viewerSeen(sighting: ViewerSighting): void {
    const now = this.#deps.clock.now();
    const existing = this.#viewers.get(sighting.clientId);
    if (existing !== undefined) {
      existing.lastSeen = now;
      return;
    }
    const viewer = { ...sighting, firstSeen: now, lastSeen: now, geo: null as GeoDetails | null };
    this.#viewers.set(sighting.clientId, viewer);
    this.#deps.geoip?.lookup(sighting.ipAddress).then((geo) => (viewer.geo = geo ?? null), () => undefined);
    this.#countChanged();
  }

  /** Forgets viewers idle for longer than the activity window. */
  purgeIdleViewers(): void {
    const cutoff = this.#deps.clock.now().getTime() - VIEWER_ACTIVITY_WINDOW_MS;
    let removed = false;
    for (const [id, viewer] of this.#viewers) {
      if (viewer.lastSeen.getTime() < cutoff) removed = this.#viewers.delete(id) || removed;
    }
    if (removed) this.#countChanged();
  }

  async streamStarted(at: Date): Promise<void> {
    this.#online = true;
    this.#stats = { ...this.#stats, lastConnectTime: at, sessionPeakViewerCount: this.#viewers.size, overallPeakViewerCount: Math.max(this.#stats.overallPeakViewerCount, this.#viewers.size) };
    await this.#deps.repository.saveStreamStats(this.#stats);
  }

  async streamStopped(at: Date): Promise<void> {
    this.#online = false;
    this.#stats = { ...this.#stats, lastDisconnectTime: at };
    await this.#deps.repository.saveStreamStats(this.#stats);
  }

  #countChanged(): void {
    const count = this.#viewers.size;
    if (this.#online && count > this.#stats.sessionPeakViewerCount) {
      this.#stats = { ...this.#stats, sessionPeakViewerCount: count, overallPeakViewerCount: Math.max(this.#stats.overallPeakViewerCount, count) };
      this.#deps.repository.saveStreamStats(this.#stats).catch((error: unknown) => this.#deps.logger.error({ err: error }, 'could not save viewer peaks'));
    }
    this.#deps.events.publish({ type: 'viewer-count-changed', count });
  }

  async #recordSample(): Promise<void> {
    const now = this.#deps.clock.now();
    await this.#deps.repository.addViewerSample({ time: now, value: this.#online ? this.#viewers.size : 0 });
    await this.#deps.repository.pruneViewerSamples(new Date(now.getTime() - SAMPLE_RETENTION_MS));
  }
}
