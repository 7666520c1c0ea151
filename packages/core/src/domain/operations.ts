import { z } from 'zod';

/** One point of a time series (Owncast's `TimestampedValue`). */
export interface TimestampedValue {
  readonly time: Date;
  readonly value: number;
}

/** The machine's load over time, each value a percentage (`GET /api/admin/hardwarestats`). */
export interface HardwareStats {
  readonly cpu: readonly TimestampedValue[];
  readonly memory: readonly TimestampedValue[];
  readonly disk: readonly TimestampedValue[];
}

/** Levels of the server's own log lines, least severe first. */
export const LOG_LINE_LEVELS = ['debug', 'info', 'warn', 'error'] as const;
export type LogLineLevel = (typeof LOG_LINE_LEVELS)[number];

/** A line of the server's own log as the admin sees it (Owncast's `AdminLog`); already redacted. */
export interface LogLine {
  readonly time: Date;
  readonly level: LogLineLevel;
  readonly message: string;
}

/** Whether `level` is at least as severe as `minimum`. */
export function isAtLeast(level: LogLineLevel, minimum: LogLineLevel): boolean {
  return LOG_LINE_LEVELS.indexOf(level) >= LOG_LINE_LEVELS.indexOf(minimum);
}

const measure = (max: number) => z.number().finite().min(0).max(max);

/**
 * What a player reports about its playback (`POST /api/metrics/playback`, Owncast's
 * `PlaybackMetrics`): `errors` and `qualityVariantChanges` since its previous report, the rest
 * as measured now. Bounds keep one bad client from skewing the aggregates.
 */
export const PlaybackReportSchema = z.object({
  /** throughput, kbps */
  bandwidth: measure(10_000_000).optional(),
  /** seconds behind the live edge */
  latency: measure(3600).optional(),
  errors: measure(10_000),
  /** seconds the latest segment took to download */
  downloadDuration: measure(3600).optional(),
  qualityVariantChanges: measure(10_000),
});
export type PlaybackReport = z.infer<typeof PlaybackReportSchema>;

/** The time series of `GET /api/admin/metrics/video`, with Owncast's names. */
export const VIDEO_METRIC_SERIES = [
  'errors',
  'qualityVariantChanges',
  'highestLatency',
  'medianLatency',
  'lowestLatency',
  'medianSegmentDownloadDuration',
  'maximumSegmentDownloadDuration',
  'minimumSegmentDownloadDuration',
  'minPlayerBitrate',
  'medianPlayerBitrate',
  'maxPlayerBitrate',
] as const;
export type VideoMetricSeries = (typeof VIDEO_METRIC_SERIES)[number];

/** Playback health over time, from players' reports (`GET /api/admin/metrics/video`). */
export type VideoMetrics = { readonly [K in VideoMetricSeries]: readonly TimestampedValue[] } & {
  /** kbps of the encoded variants of the output ladder (passthrough variants have none) */
  readonly availableBitrates: readonly number[];
  /** seconds per segment at the configured latency level */
  readonly segmentLength: number;
  /** percentage of the active viewers whose player reported during the last minute */
  readonly representation: number;
};

/**
 * How playback is going, judged from the players that reported in the last minute (Owncast's
 * `StreamHealthOverview`): a player is doing well when it had no errors and its latest segment
 * downloaded faster than real time (in less than a segment's length).
 */
export interface StreamHealthOverview {
  /** at least `HEALTHY_PERCENTAGE` of the reporting players do well and the CPU is below `BUSY_CPU_PERCENT` */
  readonly healthy: boolean;
  /** percentage of the reporting players that do well */
  readonly healthPercentage: number;
  /** what is wrong, in a sentence; '' when healthy */
  readonly message: string;
  /** percentage of the active viewers whose player reported */
  readonly representation: number;
}

export const HEALTHY_PERCENTAGE = 90;
export const BUSY_CPU_PERCENT = 90;

/** `/api/admin/hardwarestats`: the samples, with the health overview once players have reported. */
export type HardwareReport = HardwareStats & Partial<StreamHealthOverview>;

/** `/healthz`: whether the server can do its work. */
export interface HealthReport {
  readonly healthy: boolean;
  readonly checks: { readonly database: 'ok' | 'failing'; readonly core: 'ok' | 'starting' | 'stopped' };
}

/** How the transcoder's segments are coming out, since the process started. */
export interface SegmentFigures {
  /** segments stored, all variants */
  readonly stored: number;
  /** segment writes that failed (the file was not stored) */
  readonly failed: number;
  readonly bytes: number;
  /** seconds between the latest two segments of the first variant; `undefined` until there are two */
  readonly lastIntervalSeconds: number | undefined;
  /** seconds the latest segment took from the transcoder handing it over to being stored */
  readonly lastStoreSeconds: number | undefined;
}

/** Figures for monitoring (the Prometheus endpoint): read at scrape time. */
export interface OperationsSnapshot {
  readonly streamOnline: boolean;
  /** announced by the encoder, kbps; 0 offline or when not announced */
  readonly inboundVideoBitrateKbps: number;
  readonly inboundAudioBitrateKbps: number;
  readonly outputVariants: number;
  readonly viewers: number;
  readonly sessionPeakViewers: number;
  readonly overallPeakViewers: number;
  readonly chatClients: number;
  /** chat messages from users and integrations since the process started */
  readonly chatMessagesTotal: number;
  readonly streamsStartedTotal: number;
  readonly playbackReportsTotal: number;
  /** segment production since the process started (see `SegmentTimings`) */
  readonly segments: SegmentFigures;
  /** the latest hardware sample, percentages; `undefined` before the first */
  readonly hardware: { readonly cpu: number; readonly memory: number; readonly disk: number } | undefined;
}
