import { X264_PRESETS, type VideoCodec } from '@hexcast/core';

/**
 * How ffmpeg drives one video encoder, after Owncast's `core/transcoder/codecs.go`. Only libx264
 * is exercised on our CI machines; the hardware rows follow Owncast and are offered only where a
 * trial encode succeeds (see `supportedCodecs`).
 */
export interface EncoderProfile {
  /** Input-side flags, before `-i` (hardware decoders and devices). */
  readonly globalFlags: readonly string[];
  /** The `-pix_fmt` of the encoded outputs. */
  readonly pixelFormat: string;
  /** Filters appended after any scaling, e.g. uploading frames to the GPU. */
  readonly filters: readonly string[];
  /** Whether to pass `-bufsize` (rate control with a VBV buffer; Owncast does for x264 only). */
  readonly bufsize: boolean;
  /** The encoder's preset for a variant's `cpuUsageLevel`, or undefined when it has none. */
  preset(cpuUsageLevel: number): string | undefined;
  /** The encoder's `-tune`, when it has a low-latency one. */
  readonly tune: string | undefined;
  /** Whether the encoder needs hardware that `-encoders` may list without it being present. */
  readonly hardware: boolean;
}

/** Picks from a five-step preset list; levels outside it get the second step, as Owncast does. */
function presetTable(presets: readonly string[]): (level: number) => string {
  return (level) => presets[level] ?? presets[1] ?? '';
}

const none = (): undefined => undefined;

const PROFILES: Readonly<Record<VideoCodec, EncoderProfile>> = {
  libx264: { globalFlags: [], pixelFormat: 'yuv420p', filters: [], bufsize: true, preset: presetTable(X264_PRESETS), tune: 'zerolatency', hardware: false },
  h264_nvenc: {
    globalFlags: ['-hwaccel', 'cuda'],
    pixelFormat: 'yuv420p',
    filters: [],
    bufsize: false,
    preset: presetTable(['p1', 'p2', 'p3', 'p4', 'p5']),
    tune: 'll',
    hardware: true,
  },
  h264_vaapi: {
    globalFlags: ['-vaapi_device', '/dev/dri/renderD128'],
    pixelFormat: 'vaapi',
    // Frames are scaled in software, then converted and uploaded to the GPU for the encoder.
    filters: ['format=nv12', 'hwupload'],
    bufsize: false,
    preset: none,
    tune: undefined,
    hardware: true,
  },
  h264_qsv: {
    globalFlags: [],
    pixelFormat: 'nv12',
    filters: [],
    bufsize: false,
    preset: presetTable(['veryfast', 'faster', 'fast', 'medium', 'slow']),
    tune: undefined,
    hardware: true,
  },
  h264_omx: { globalFlags: [], pixelFormat: 'yuv420p', filters: [], bufsize: false, preset: none, tune: undefined, hardware: true },
  h264_v4l2m2m: { globalFlags: [], pixelFormat: 'nv21', filters: [], bufsize: false, preset: none, tune: undefined, hardware: true },
  h264_videotoolbox: { globalFlags: [], pixelFormat: 'nv12', filters: [], bufsize: false, preset: none, tune: undefined, hardware: true },
};

/** The profile of a known encoder. */
export function encoderProfile(codec: VideoCodec): EncoderProfile {
  return PROFILES[codec];
}
