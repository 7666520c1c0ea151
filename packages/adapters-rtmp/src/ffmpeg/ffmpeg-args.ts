import type { LatencyLevel, OutputVariant, VideoCodec } from '@hexcast/core';
import { encoderProfile, type EncoderProfile } from './encoder-profiles.ts';

/** At latency level 0, the bytes ffmpeg probes its input for (its default is 5 MB and 5 s). */
const QUICK_PROBE_BYTES = 32 * 1024;

/** What the transcode command is built from. */
export interface FfmpegArgsOptions {
  readonly variants: readonly OutputVariant[];
  readonly latency: LatencyLevel;
  readonly codec: VideoCodec;
  /** Port of the job's loopback HTTP receiver that ffmpeg PUTs its files to. */
  readonly port: number;
  /** How every segment's file name starts, unique per job (`stream-<shortid>`). */
  readonly segmentPrefix: string;
  /** Whether the source carries audio; without it a variant map naming `a:0` makes ffmpeg fail. */
  readonly audio: boolean;
  /**
   * The source's video bitrate, kbps, when its metadata announces none (undefined when it does,
   * or is not known to lack one): given to each passthrough variant as its bandwidth, 0 meaning
   * the variant's own `videoBitrate`. ffmpeg 5.1 leaves a variant out of the master playlist
   * ("Bandwidth info not available") when neither its video nor its audio has a known bitrate.
   */
  readonly passthroughKbps?: number;
}

/**
 * The arguments of the HLS transcode, in the shape of Owncast's command: FLV on stdin, one
 * video (and audio) output stream per variant, and ffmpeg's HLS muxer PUTting the master
 * playlist, the variant playlists and MPEG-TS segments to `http://127.0.0.1:<port>`.
 *
 * Where it differs from Owncast, and why:
 * - `-nostats`: the progress line would otherwise fill stderr (and transcoder.log) every second.
 * - no `delete_segments`: the receiving `HlsOutput` retires old segments itself.
 * - `omit_endlist`: the core appends the offline clip to the playlists when the stream ends,
 *   which it cannot do to a playlist ffmpeg has already ended.
 * - segment names `stream-<shortid><unix>-<n>.ts` (`second_level_segment_index`): with the
 *   unix time alone, two 1 s segments finishing within the same second get the same name (ffmpeg
 *   5.1 then warns "Duplicated segment filename" and overwrites the earlier one).
 * - `-analyzeduration 1000000` for a source without audio: otherwise ffmpeg spends 5 s looking
 *   for the audio stream (node-media-server's FLV header always announces one) before it starts.
 *   At latency level 0, `-probesize 32768` instead: the codecs' parameters are in the FLV's
 *   sequence headers, so ffmpeg starts after the first tags (the first playlist ~0.3 s sooner).
 * - `-b:v` on a passthrough variant whose source announces no video bitrate (`passthroughKbps`).
 * - `-force_key_frames` on every segment boundary, so each segment starts with a keyframe even
 *   when the output frame rate drifts from the GOP arithmetic.
 */
export function buildFfmpegArgs(options: FfmpegArgsOptions): string[] {
  const { variants, latency, codec, port, segmentPrefix, audio, passthroughKbps } = options;
  if (variants.length === 0) throw new RangeError('an HLS ladder needs at least one output variant');
  const profile = encoderProfile(codec);
  const base = `http://127.0.0.1:${port}`;
  const scales = variants.some((variant) => !variant.videoPassthrough && scaleFilter(variant) !== undefined);
  return [
    ...['-hide_banner', '-loglevel', 'warning', '-nostats'],
    ...profile.globalFlags,
    ...probeArgs(latency, audio),
    ...['-fflags', '+genpts', '-i', 'pipe:0'],
    ...(scales ? ['-sws_flags', 'bilinear'] : []),
    ...variants.flatMap((variant, index) => [...videoArgs(variant, index, { codec, profile, latency, passthroughKbps }), ...(audio ? audioArgs(variant, index) : [])]),
    ...['-var_stream_map', streamMap(variants.length, audio)],
    ...['-f', 'hls', '-hls_time', String(latency.secondsPerSegment), '-hls_list_size', String(latency.segmentCount)],
    ...['-hls_flags', 'independent_segments+program_date_time+omit_endlist+second_level_segment_index'],
    ...['-segment_format_options', 'mpegts_flags=+initial_discontinuity:mpegts_copyts=1'],
    ...['-pix_fmt', profile.pixelFormat, '-sc_threshold', '0'],
    ...['-master_pl_name', 'stream.m3u8', '-strftime', '1'],
    // strftime turns %s into the unix time and %%d into %d, the segment's sequence number.
    ...['-hls_segment_filename', `${base}/%v/${segmentPrefix}%s-%%d.ts`],
    ...['-max_muxing_queue_size', '400', '-method', 'PUT', '-http_persistent', '0', `${base}/%v/stream.m3u8`],
  ];
}

/** How much of the FLV ffmpeg reads to learn its streams before it starts. */
function probeArgs(latency: LatencyLevel, audio: boolean): string[] {
  // The FLV's sequence headers, in its first tags, say all there is; 32 KiB holds them (0 means ffmpeg's default duration).
  if (latency.level === 0) return ['-analyzeduration', '0', '-probesize', String(QUICK_PROBE_BYTES)];
  // Without audio, ffmpeg 5.1 reads 5 s of FLV (its default) looking for it before it starts.
  return audio ? [] : ['-analyzeduration', '1000000'];
}

/** `v:0,a:0 v:1,a:1 …`: output video (and audio) stream N makes variant N. */
export function streamMap(count: number, audio: boolean): string {
  return Array.from({ length: count }, (_, index) => (audio ? `v:${index},a:${index}` : `v:${index}`)).join(' ');
}

function videoArgs(variant: OutputVariant, index: number, context: { codec: VideoCodec; profile: EncoderProfile; latency: LatencyLevel; passthroughKbps: number | undefined }): string[] {
  if (variant.videoPassthrough) {
    const copy = ['-map', 'v:0', `-c:v:${index}`, 'copy'];
    // On a copied stream -b:v sets only the bitrate the HLS muxer announces (BANDWIDTH).
    const kbps = context.passthroughKbps === 0 ? variant.videoBitrate : context.passthroughKbps;
    return kbps === undefined ? copy : [...copy, `-b:v:${index}`, `${kbps}k`];
  }
  const { codec, profile, latency } = context;
  const rate = variant.videoBitrate;
  // One keyframe per segment: the GOP is exactly a segment long.
  const gop = String(variant.framerate * latency.secondsPerSegment);
  const filters = [scaleFilter(variant), ...profile.filters].filter((filter) => filter !== undefined);
  const preset = profile.preset(variant.cpuUsageLevel);
  return [
    ...['-map', 'v:0', `-c:v:${index}`, codec],
    ...[`-b:v:${index}`, `${rate}k`, `-maxrate:v:${index}`, `${Math.floor(rate * 1.06)}k`],
    ...(profile.bufsize ? [`-bufsize:v:${index}`, `${Math.floor(rate * 1.2)}k`] : []),
    ...[`-g:v:${index}`, gop, `-keyint_min:v:${index}`, gop, `-r:v:${index}`, String(variant.framerate)],
    ...[`-force_key_frames:v:${index}`, `expr:gte(t,n_forced*${latency.secondsPerSegment})`],
    ...(filters.length > 0 ? [`-filter:v:${index}`, filters.join(',')] : []),
    ...(preset !== undefined ? [`-preset:v:${index}`, preset] : []),
    ...(profile.tune !== undefined ? [`-tune:v:${index}`, profile.tune] : []),
  ];
}

/** `scale=W:H`; a side left at 0 follows the aspect ratio (-2 keeps it even, as H.264 needs). */
function scaleFilter(variant: OutputVariant): string | undefined {
  const { scaledWidth: width, scaledHeight: height } = variant;
  if (width === 0 && height === 0) return undefined;
  return `scale=${width === 0 ? -2 : width}:${height === 0 ? -2 : height}`;
}

function audioArgs(variant: OutputVariant, index: number): string[] {
  // Owncast's optional map; it cannot save a variant map naming missing audio, hence `audio`.
  const map = ['-map', 'a:0?'];
  if (variant.audioPassthrough || variant.audioBitrate === 0) return [...map, `-c:a:${index}`, 'copy'];
  return [...map, `-c:a:${index}`, 'aac', `-b:a:${index}`, `${variant.audioBitrate}k`];
}
