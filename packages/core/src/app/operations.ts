import { PlaybackReportSchema, type HardwareReport, type StreamHealthOverview, type HealthReport, type LogLine, type LogLineLevel, type OperationsSnapshot, type TimestampedValue, type VideoMetrics } from '../domain/operations.ts';
import { err, ok, type CommonError, type Result } from '../domain/result.ts';
import { latencyLevel } from '../domain/video.ts';
import type { Viewer } from '../domain/viewers.ts';
import type { Clock } from '../ports/clock.ts';
import type { LogHistory } from '../ports/log-history.ts';
import type { Logger } from '../ports/logger.ts';
import type { StatsRepository } from '../ports/stats-repository.ts';
import type { SystemMetrics } from '../ports/system-metrics.ts';
import type { EventBus } from './event-bus.ts';
import { HardwareStatsService } from './hardware-stats-service.ts';
import type { SettingsService } from './settings-service.ts';
import type { StatsService } from './stats-service.ts';
import type { StreamService } from './stream-service.ts';
import { zodIssues } from './validation.ts';
import { VideoMetricsService, type VideoMetricsContext } from './video-metrics-service.ts';

/** `viewersOverTime` without a window start: the last day. */
export const DEFAULT_VIEWER_WINDOW_MS = 24 * 60 * 60 * 1000;
/** A database that does not answer within this is unhealthy. */
export const HEALTH_CHECK_TIMEOUT_MS = 2_000;

/** What the operations routes (logs, hardware, viewers, metrics, health) need; `AppController` provides it. */
export interface OperationsApi {
  /** The server's recent log lines at `minLevel` or above, oldest first ([] without a `LogHistory`). */
  getLogs(minLevel?: LogLineLevel): LogLine[];
  /** Sampled CPU, memory and disk load (empty series without `SystemMetrics`), with the stream health overview once players have reported. */
  getHardwareStats(): HardwareReport;
  /** The viewers active within the last minute, with their location when GeoIP knows it. */
  getActiveViewers(): Viewer[];
  /** Viewer counts recorded each minute from `windowStart` (default: a day ago) until now, oldest first. */
  getViewersOverTime(windowStart?: Date): Promise<TimestampedValue[]>;
  /** Playback health series from players' reports, and the ladder's bitrates and segment length. */
  getVideoMetrics(): VideoMetrics;
  /** A player's playback report; `invalid-input` (naming the problem) when it is not one. */
  recordPlaybackMetrics(clientId: string, report: unknown): Result<void, CommonError>;
  /** Figures for monitoring, read now. */
  getOperationsSnapshot(): OperationsSnapshot;
  /** Whether the database answers and the core is running. Never rejects. */
  checkHealth(): Promise<HealthReport>;
}

export interface OperationsDeps {
  readonly settings: SettingsService;
  readonly stream: StreamService;
  readonly stats: StatsService;
  readonly statsRepository: StatsRepository;
  readonly chatClientCount: () => number;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly lifecycle: () => 'starting' | 'running' | 'stopped';
  readonly logHistory?: LogHistory | undefined;
  readonly systemMetrics?: SystemMetrics | undefined;
}

/** The operations side of the application: its services, their timers, and the API over them. */
export function createOperations(deps: OperationsDeps): { readonly api: OperationsApi; healthOverview(): StreamHealthOverview | undefined; start(): void; stop(): void } {
  const { settings, stream, stats, clock } = deps;
  const hardware = deps.systemMetrics ? new HardwareStatsService({ metrics: deps.systemMetrics, clock, logger: deps.logger }) : undefined;
  const playback = new VideoMetricsService({ clock });
  const counters = { chatMessages: 0, streamsStarted: 0 };
  const unsubscribe: Array<() => void> = [];
  const healthOverview = () => playback.healthOverview({ ...playbackContext(), cpuPercent: hardware?.latest?.cpu });
  const playbackContext = (): VideoMetricsContext => {
    const video = settings.get('video');
    return {
      availableBitrates: video.outputVariants.filter((v) => !v.videoPassthrough).map((v) => v.videoBitrate),
      segmentLength: latencyLevel(video.latencyLevel).secondsPerSegment,
      activeViewers: stats.viewerCount,
    };
  };

  const api: OperationsApi = {
    getLogs: (minLevel) => deps.logHistory?.recent(minLevel) ?? [],
    getHardwareStats: () => ({ ...(hardware?.stats ?? { cpu: [], memory: [], disk: [] }), ...healthOverview() }),
    getActiveViewers: () => stats.viewers,
    async getViewersOverTime(windowStart) {
      const now = clock.now();
      return deps.statsRepository.listViewerSamples(windowStart ?? new Date(now.getTime() - DEFAULT_VIEWER_WINDOW_MS), now);
    },
    getVideoMetrics: () => playback.metrics(playbackContext()),
    recordPlaybackMetrics(clientId, report) {
      const parsed = PlaybackReportSchema.safeParse(report);
      if (!parsed.success) return err({ kind: 'invalid-input', message: zodIssues(parsed.error).join('; ') });
      playback.record(clientId, parsed.data);
      return ok(undefined);
    },
    getOperationsSnapshot() {
      const details = stream.broadcaster?.streamDetails;
      return {
        streamOnline: stream.online,
        inboundVideoBitrateKbps: details?.videoBitrate ?? 0,
        inboundAudioBitrateKbps: details?.audioBitrate ?? 0,
        outputVariants: settings.get('video').outputVariants.length,
        viewers: stats.viewerCount,
        sessionPeakViewers: stats.streamStats.sessionPeakViewerCount,
        overallPeakViewers: stats.streamStats.overallPeakViewerCount,
        chatClients: deps.chatClientCount(),
        chatMessagesTotal: counters.chatMessages,
        streamsStartedTotal: counters.streamsStarted,
        playbackReportsTotal: playback.reportsTotal,
        segments: stream.segments.figures,
        hardware: hardware?.latest,
      };
    },
    checkHealth: () => checkHealth(deps),
  };

  return {
    api,
    healthOverview,
    start() {
      unsubscribe.push(deps.events.on('chat', ({ event }) => void (event.type === 'CHAT' && counters.chatMessages++)));
      unsubscribe.push(deps.events.on('stream-started', () => void counters.streamsStarted++));
      hardware?.start();
      playback.start();
    },
    stop() {
      for (const off of unsubscribe.splice(0)) off();
      hardware?.stop();
      playback.stop();
    },
  };
}

async function checkHealth(deps: OperationsDeps): Promise<HealthReport> {
  const state = deps.lifecycle();
  const core = state === 'running' ? 'ok' : state;
  let cancel: (() => void) | undefined;
  const timeout = new Promise<'failing'>((resolve) => (cancel = deps.clock.setTimeout(() => resolve('failing'), HEALTH_CHECK_TIMEOUT_MS)));
  const read = deps.statsRepository.getStreamStats().then(
    () => 'ok' as const,
    (error: unknown) => {
      deps.logger.error({ err: error }, 'health check: the database did not answer');
      return 'failing' as const;
    },
  );
  const database = await Promise.race([read, timeout]);
  cancel?.();
  return { healthy: database === 'ok' && core === 'ok', checks: { database, core } };
}
