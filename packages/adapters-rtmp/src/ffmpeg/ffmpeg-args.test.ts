import { describe, expect, it } from 'vitest';
import { LATENCY_LEVELS, OutputVariantSchema, X264_PRESETS, type OutputVariant } from '@hexcast/core';
import { buildFfmpegArgs, streamMap, type FfmpegArgsOptions } from './ffmpeg-args.ts';

const variant = (fields: Partial<OutputVariant> = {}) => OutputVariantSchema.parse(fields);

function args(overrides: Partial<FfmpegArgsOptions> = {}): string[] {
  return buildFfmpegArgs({ variants: [variant()], latency: LATENCY_LEVELS[2], codec: 'libx264', port: 8927, segmentPrefix: 'stream-abc', audio: true, ...overrides });
}

/** The value after `flag`, or undefined when the flag is absent. */
function value(list: string[], flag: string): string | undefined {
  const at = list.indexOf(flag);
  return at === -1 ? undefined : list[at + 1];
}

describe('buildFfmpegArgs', () => {
  it('reads FLV from stdin and PUTs HLS to the receiver, in the shape of Owncast’s command', () => {
    const list = args();
    expect(list.slice(0, 10)).toEqual(['-hide_banner', '-loglevel', 'warning', '-nostats', '-fflags', '+genpts', '-i', 'pipe:0', '-map', 'v:0']);
    expect(value(list, '-f')).toBe('hls');
    expect(value(list, '-hls_flags')).toBe('independent_segments+program_date_time+omit_endlist+second_level_segment_index');
    expect(value(list, '-hls_flags')).not.toContain('delete_segments');
    expect(value(list, '-segment_format_options')).toBe('mpegts_flags=+initial_discontinuity:mpegts_copyts=1');
    expect(value(list, '-pix_fmt')).toBe('yuv420p');
    expect(value(list, '-sc_threshold')).toBe('0');
    expect(value(list, '-master_pl_name')).toBe('stream.m3u8');
    expect(value(list, '-strftime')).toBe('1');
    expect(value(list, '-hls_segment_filename')).toBe('http://127.0.0.1:8927/%v/stream-abc%s-%%d.ts');
    expect(value(list, '-max_muxing_queue_size')).toBe('400');
    expect(value(list, '-method')).toBe('PUT');
    expect(value(list, '-http_persistent')).toBe('0');
    expect(list.at(-1)).toBe('http://127.0.0.1:8927/%v/stream.m3u8');
  });

  it('copies the video of a passthrough variant, with no encoder settings', () => {
    const list = args({ variants: [variant({ videoPassthrough: true, scaledHeight: 720 })] });
    expect(list.join(' ')).toContain('-map v:0 -c:v:0 copy -map a:0? -c:a:0 copy');
    for (const flag of ['-b:v:0', '-g:v:0', '-r:v:0', '-filter:v:0', '-preset:v:0', '-tune:v:0', '-sws_flags']) expect(list).not.toContain(flag);
  });

  it('gives a passthrough variant a bandwidth only when the source announces no video bitrate', () => {
    const variants = [variant({ videoPassthrough: true, videoBitrate: 900 }), variant({ videoBitrate: 500 })];
    expect(args({ variants })).not.toContain('-b:v:0');
    expect(value(args({ variants, passthroughKbps: 2345 }), '-b:v:0')).toBe('2345k');
    // Nothing measured: the variant's own bitrate.
    const unknown = args({ variants, passthroughKbps: 0 });
    expect(value(unknown, '-b:v:0')).toBe('900k');
    expect(value(unknown, '-b:v:1')).toBe('500k');
  });

  it('encodes at the bitrate with maxrate 1.06× and bufsize 1.2×, x264 preset and zerolatency', () => {
    const list = args({ variants: [variant({ videoBitrate: 1000, framerate: 30, cpuUsageLevel: 3 })] });
    expect(value(list, '-c:v:0')).toBe('libx264');
    expect(value(list, '-b:v:0')).toBe('1000k');
    expect(value(list, '-maxrate:v:0')).toBe('1060k');
    expect(value(list, '-bufsize:v:0')).toBe('1200k');
    expect(value(list, '-r:v:0')).toBe('30');
    expect(value(list, '-preset:v:0')).toBe('faster');
    expect(value(list, '-tune:v:0')).toBe('zerolatency');
  });

  it.each(X264_PRESETS.map((preset, level) => [level, preset] as const))('cpuUsageLevel %i → preset %s', (level, preset) => {
    expect(value(args({ variants: [variant({ cpuUsageLevel: level })] }), '-preset:v:0')).toBe(preset);
  });

  it('scales to both sides, to a width only or a height only (the other keeping the aspect, even)', () => {
    expect(value(args({ variants: [variant({ scaledWidth: 1280, scaledHeight: 720 })] }), '-filter:v:0')).toBe('scale=1280:720');
    expect(value(args({ variants: [variant({ scaledWidth: 640 })] }), '-filter:v:0')).toBe('scale=640:-2');
    expect(value(args({ variants: [variant({ scaledHeight: 360 })] }), '-filter:v:0')).toBe('scale=-2:360');
    expect(value(args({ variants: [variant({ scaledHeight: 360 })] }), '-sws_flags')).toBe('bilinear');
    const unscaled = args({ variants: [variant()] });
    expect(unscaled).not.toContain('-filter:v:0');
    expect(unscaled).not.toContain('-sws_flags');
  });

  it('copies the audio when passed through or at bitrate 0, else encodes AAC at the bitrate', () => {
    const copy = 'copy';
    expect(value(args({ variants: [variant({ audioPassthrough: true, audioBitrate: 128 })] }), '-c:a:0')).toBe(copy);
    expect(value(args({ variants: [variant({ audioPassthrough: false, audioBitrate: 0 })] }), '-c:a:0')).toBe(copy);
    const aac = args({ variants: [variant({ audioPassthrough: false, audioBitrate: 96 })] });
    expect(aac.join(' ')).toContain('-map a:0? -c:a:0 aac -b:a:0 96k');
  });

  it.each(LATENCY_LEVELS.map((level) => [level.level, level] as const))('latency level %i sets segment length, playlist size and a keyframe per segment', (_, latency) => {
    const list = args({ latency, variants: [variant({ framerate: 24 })] });
    const gop = String(24 * latency.secondsPerSegment);
    expect(value(list, '-hls_time')).toBe(String(latency.secondsPerSegment));
    expect(value(list, '-hls_list_size')).toBe(String(latency.segmentCount));
    expect(value(list, '-g:v:0')).toBe(gop);
    expect(value(list, '-keyint_min:v:0')).toBe(gop);
    expect(value(list, '-force_key_frames:v:0')).toBe(`expr:gte(t,n_forced*${latency.secondsPerSegment})`);
  });

  it('maps each variant to its own video and audio output stream', () => {
    expect(value(args(), '-var_stream_map')).toBe('v:0,a:0');
    const three = args({ variants: [variant({ videoPassthrough: true }), variant({ scaledHeight: 720 }), variant({ scaledHeight: 360, audioBitrate: 64, audioPassthrough: false })] });
    expect(value(three, '-var_stream_map')).toBe('v:0,a:0 v:1,a:1 v:2,a:2');
    expect(three.filter((arg) => arg === 'v:0')).toHaveLength(3);
    expect(value(three, '-c:v:0')).toBe('copy');
    expect(value(three, '-filter:v:1')).toBe('scale=-2:720');
    expect(value(three, '-c:a:2')).toBe('aac');
  });

  it('leaves audio out entirely for a source without it', () => {
    const list = args({ audio: false, variants: [variant(), variant({ scaledHeight: 360 })] });
    expect(value(list, '-var_stream_map')).toBe('v:0 v:1');
    expect(list.some((arg) => arg.startsWith('-c:a') || arg.startsWith('a:0'))).toBe(false);
    expect(streamMap(3, false)).toBe('v:0 v:1 v:2');
    expect(value(list, '-analyzeduration')).toBe('1000000');
    expect(args()).not.toContain('-analyzeduration');
  });

  it('probes only the first 32 KiB of the input at latency level 0, with or without audio', () => {
    for (const audio of [true, false]) {
      const list = args({ audio, latency: LATENCY_LEVELS[0] });
      expect(value(list, '-probesize')).toBe('32768');
      expect(value(list, '-analyzeduration')).toBe('0');
      expect(list.indexOf('-probesize')).toBeLessThan(list.indexOf('-i'));
    }
    expect(args({ latency: LATENCY_LEVELS[1] })).not.toContain('-probesize');
  });

  it('applies the hardware encoder’s own flags', () => {
    const nvenc = args({ codec: 'h264_nvenc', variants: [variant({ cpuUsageLevel: 4 })] });
    expect(nvenc.slice(4, 6)).toEqual(['-hwaccel', 'cuda']);
    expect(value(nvenc, '-preset:v:0')).toBe('p5');
    expect(value(nvenc, '-tune:v:0')).toBe('ll');
    expect(nvenc).not.toContain('-bufsize:v:0');
    const vaapi = args({ codec: 'h264_vaapi', variants: [variant({ scaledHeight: 480 })] });
    expect(value(vaapi, '-vaapi_device')).toBe('/dev/dri/renderD128');
    expect(value(vaapi, '-filter:v:0')).toBe('scale=-2:480,format=nv12,hwupload');
    expect(vaapi).not.toContain('-preset:v:0');
    expect(value(args({ codec: 'h264_qsv' }), '-pix_fmt')).toBe('nv12');
    expect(value(args({ codec: 'h264_v4l2m2m' }), '-pix_fmt')).toBe('nv21');
  });

  it('refuses an empty ladder', () => {
    expect(() => args({ variants: [] })).toThrow(RangeError);
  });
});
