import { z } from 'zod';

/**
 * Latency levels trade delay for resilience: each is a segment length and the number of segments
 * kept in a playlist. A keyframe is forced at every segment boundary (GOP = fps × segment length).
 */
export const LATENCY_LEVELS = [
  { level: 0, secondsPerSegment: 1, segmentCount: 30 },
  { level: 1, secondsPerSegment: 2, segmentCount: 18 },
  { level: 2, secondsPerSegment: 3, segmentCount: 12 },
  { level: 3, secondsPerSegment: 4, segmentCount: 10 },
  { level: 4, secondsPerSegment: 5, segmentCount: 7 },
] as const;
export type LatencyLevel = (typeof LATENCY_LEVELS)[number];
export const DEFAULT_LATENCY_LEVEL = 2;
export const LatencyLevelSchema = z.number().int().min(0).max(LATENCY_LEVELS.length - 1);

export function latencyLevel(level: number): LatencyLevel {
  const found = LATENCY_LEVELS[level];
  if (found === undefined) throw new RangeError(`latency level ${level} is not between 0 and ${LATENCY_LEVELS.length - 1}`);
  return found;
}

/** Video encoders hexcast knows how to drive; which are usable is detected from ffmpeg at run time. */
export const VIDEO_CODECS = ['libx264', 'h264_nvenc', 'h264_vaapi', 'h264_qsv', 'h264_omx', 'h264_v4l2m2m', 'h264_videotoolbox'] as const;
export const VideoCodecSchema = z.enum(VIDEO_CODECS);
export type VideoCodec = z.infer<typeof VideoCodecSchema>;
export const DEFAULT_VIDEO_CODEC: VideoCodec = 'libx264';

/** x264 presets chosen by a variant's CPU usage level (0 = least CPU, worst quality). */
export const X264_PRESETS = ['ultrafast', 'superfast', 'veryfast', 'faster', 'fast'] as const;

/** One rendition of the output ladder, with Owncast's JSON field names. */
export const OutputVariantSchema = z.object({
  name: z.string().max(64).default(''),
  videoPassthrough: z.boolean().default(false),
  audioPassthrough: z.boolean().default(true),
  /** kbps; ignored when videoPassthrough */
  videoBitrate: z.number().int().min(100).max(50_000).default(1200),
  /** kbps; 0 means pass the audio through */
  audioBitrate: z.number().int().min(0).max(640).default(0),
  /** 0 keeps the source size; one side 0 keeps the aspect ratio */
  scaledWidth: z.number().int().min(0).max(7680).default(0),
  scaledHeight: z.number().int().min(0).max(4320).default(0),
  framerate: z.number().int().min(1).max(120).default(24),
  cpuUsageLevel: z.number().int().min(0).max(X264_PRESETS.length - 1).default(2),
});
export type OutputVariant = z.infer<typeof OutputVariantSchema>;

/** The name shown in quality menus: the configured one, else derived from the settings. */
export function variantDisplayName(variant: OutputVariant): string {
  if (variant.name.trim() !== '') return variant.name;
  if (variant.videoPassthrough) return 'Source';
  if (variant.scaledHeight > 0) return `${variant.scaledHeight}p @ ${variant.videoBitrate} kbps`;
  if (variant.scaledWidth > 0) return `${variant.scaledWidth}w @ ${variant.videoBitrate} kbps`;
  return `${variant.videoBitrate} kbps`;
}

/** A key a broadcaster may publish with (`rtmp://host/live/<key>`). */
export const StreamKeySchema = z.object({
  key: z.string().min(1).max(128).regex(/^[A-Za-z0-9_-]+$/, 'stream keys may contain only letters, digits, _ and -'),
  comment: z.string().max(256).default(''),
});
export type StreamKey = z.infer<typeof StreamKeySchema>;

/** What the broadcaster's encoder announced in its stream metadata; zeros/'' when not announced. */
export const InboundStreamDetailsSchema = z.object({
  videoCodec: z.string().default(''),
  audioCodec: z.string().default(''),
  encoder: z.string().default(''),
  width: z.number().int().min(0).default(0),
  height: z.number().int().min(0).default(0),
  videoBitrate: z.number().min(0).default(0),
  audioBitrate: z.number().min(0).default(0),
  framerate: z.number().min(0).default(0),
});
export type InboundStreamDetails = z.infer<typeof InboundStreamDetailsSchema>;

/** The connected broadcaster as `/api/admin/status` reports it. */
export interface Broadcaster {
  readonly sessionId: string;
  readonly remoteAddr: string;
  readonly connectedAt: Date;
  readonly streamDetails: InboundStreamDetails;
}
