import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LATENCY_LEVELS, OutputVariantSchema } from '@hexcast/core';
import { MemoryLogger } from '@hexcast/core/testing';
import { FfmpegTranscoder } from '../src/index.ts';
import { ffprobe } from './support/ffprobe.ts';
import { RecordingOutput } from './support/recording-output.ts';

const logDir = mkdtempSync(join(tmpdir(), 'hexcast-transcoder-tools-'));
const VARIANT = OutputVariantSchema.parse({});

afterAll(() => rmSync(logDir, { recursive: true, force: true }));

function newTranscoder() {
  return new FfmpegTranscoder({ logger: new MemoryLogger(), logDir });
}

describe('FfmpegTranscoder tools', { timeout: 30_000 }, () => {
  it('start rejects naming the path when ffmpeg cannot be run', async () => {
    const transcoder = newTranscoder();
    const request = { source: new ReadableStream<Uint8Array>(), output: new RecordingOutput(), variants: [VARIANT], latency: LATENCY_LEVELS[0], codec: 'libx264' as const };
    await expect(transcoder.start({ ...request, ffmpegPath: '/nonexistent/ffmpeg' })).rejects.toThrow('/nonexistent/ffmpeg');
    await expect(transcoder.start({ ...request, ffmpegPath: '/etc/hostname' })).rejects.toThrow('/etc/hostname');
    await expect(transcoder.supportedCodecs('/nonexistent/ffmpeg')).rejects.toThrow('/nonexistent/ffmpeg');
  });

  it('lists libx264 and none of the hardware encoders this machine lacks', async () => {
    const started = performance.now();
    const codecs = await newTranscoder().supportedCodecs('');
    console.log(`supportedCodecs: ${codecs.join(', ')} in ${Math.round(performance.now() - started)} ms`);
    expect(codecs).toEqual(['libx264']);
  });

  it('makes an 8 s 1280x720 H.264 + stereo AAC offline clip', async () => {
    const started = performance.now();
    const clip = await newTranscoder().offlineClip('');
    console.log(`offlineClip: ${clip.body.length} bytes in ${Math.round(performance.now() - started)} ms`);
    expect(clip.durationSeconds).toBe(8);
    const file = join(logDir, 'offline.ts');
    writeFileSync(file, clip.body);
    const { streams, duration } = await ffprobe(file);
    expect(duration).toBeGreaterThan(7.5);
    expect(duration).toBeLessThan(8.5);
    expect(streams).toEqual([
      expect.objectContaining({ codec_type: 'video', codec_name: 'h264', width: 1280, height: 720, pix_fmt: 'yuv420p' }),
      expect.objectContaining({ codec_type: 'audio', codec_name: 'aac', sample_rate: '48000', channels: 2 }),
    ]);
  });
});
