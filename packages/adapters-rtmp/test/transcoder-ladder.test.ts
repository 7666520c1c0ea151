import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { LATENCY_LEVELS, OutputVariantSchema, playlistSegmentKeys, type OutputVariant } from '@hexcast/core';
import { MemoryLogger } from '@hexcast/core/testing';
import { FfmpegTranscoder, type FfmpegTranscodeJob } from '../src/index.ts';
import { ffprobe } from './support/ffprobe.ts';
import { RecordingOutput } from './support/recording-output.ts';
import { killBroadcasts, testBroadcast, type TestBroadcastOptions } from './support/test-broadcast.ts';

// Real ffmpeg end to end: a live test pattern in, an HLS ladder out through the loopback receiver.

const logDir = mkdtempSync(join(tmpdir(), 'hexcast-transcoder-ladder-'));
const jobs: FfmpegTranscodeJob[] = [];

afterEach(async () => {
  for (const job of jobs.splice(0)) await job.stop();
  killBroadcasts();
});
afterAll(() => rmSync(logDir, { recursive: true, force: true }));

async function startLadder(variants: OutputVariant[], broadcast: TestBroadcastOptions = {}) {
  const transcoder = new FfmpegTranscoder({ logger: new MemoryLogger(), logDir });
  const output = new RecordingOutput();
  const source = testBroadcast({ size: '960x540', ...broadcast });
  const job = await transcoder.start({ source, output, variants, latency: LATENCY_LEVELS[0], codec: 'libx264', ffmpegPath: '' });
  jobs.push(job);
  return { job, output };
}

/** The newest segment a variant playlist names, decoded by ffprobe. */
async function probeNewestSegment(output: RecordingOutput, variant: number) {
  const keys = playlistSegmentKeys(`${variant}/stream.m3u8`, output.text(`${variant}/stream.m3u8`));
  const newest = output.files.get(keys.at(-1) ?? '');
  expect(newest, `variant ${variant} has a segment`).toBeDefined();
  return ffprobe(newest ?? new Uint8Array());
}

describe('FfmpegTranscoder ladder', { timeout: 45_000 }, () => {
  it('makes every variant at its size, with thumbnails and the transcoder log', async () => {
    const variants = [
      OutputVariantSchema.parse({ scaledWidth: 640, scaledHeight: 360, videoBitrate: 800, cpuUsageLevel: 0 }),
      OutputVariantSchema.parse({ scaledHeight: 180, videoBitrate: 300, audioPassthrough: false, audioBitrate: 64, cpuUsageLevel: 0 }),
      OutputVariantSchema.parse({ videoPassthrough: true }),
    ];
    const started = performance.now();
    const { job, output } = await startLadder(variants);
    await job.firstPlaylist;
    const playable = performance.now() - started;
    // Every variant has listed at least two segments.
    await vi.waitFor(() => variants.forEach((_, n) => expect(playlistSegmentKeys(`${n}/stream.m3u8`, output.text(`${n}/stream.m3u8`)).length).toBeGreaterThan(1)), { timeout: 15_000, interval: 100 });

    const master = output.text('stream.m3u8');
    expect(master.match(/#EXT-X-STREAM-INF:/g)).toHaveLength(3);
    expect(master).toContain('RESOLUTION=640x360');
    expect(master.split('\n').filter((line) => line.endsWith('.m3u8'))).toEqual(['0/stream.m3u8', '1/stream.m3u8', '2/stream.m3u8']);
    for (const n of [0, 1, 2]) {
      const text = output.text(`${n}/stream.m3u8`);
      expect(text).toMatch(/^#EXTM3U/);
      expect(text).toContain('#EXT-X-TARGETDURATION:1');
      for (const key of playlistSegmentKeys(`${n}/stream.m3u8`, text)) expect(key).toMatch(new RegExp(`^${n}/stream-[0-9a-f]{8}\\d+-\\d+\\.ts$`));
    }
    expect(output.violations).toEqual([]);

    const sizes = [];
    for (const n of [0, 1, 2]) {
      const { streams } = await probeNewestSegment(output, n);
      const video = streams.find((stream) => stream.codec_type === 'video');
      expect(video?.codec_name).toBe('h264');
      // At level 0 ffmpeg probes only the input's first 32 KiB: the AAC parameters must still be found.
      expect(streams.find((stream) => stream.codec_type === 'audio')).toMatchObject({ codec_name: 'aac', sample_rate: '44100', channels: 1 });
      expect(video?.pix_fmt).toBe('yuv420p');
      sizes.push(`${video?.width}x${video?.height}`);
    }
    // 180 high keeps the 16:9 aspect; passthrough keeps the source's size.
    expect(sizes).toEqual(['640x360', '320x180', '960x540']);

    await vi.waitFor(
      () => {
        expect([...(output.files.get('thumbnail.jpg') ?? [])].slice(0, 2)).toEqual([0xff, 0xd8]);
        expect(output.text('preview.gif').slice(0, 4)).toBe('GIF8');
      },
      { timeout: 20_000, interval: 200 },
    );
    const thumbnails = performance.now() - started;
    const log = readFileSync(join(logDir, 'transcoder.log'), 'utf8');
    expect(log).toContain('-var_stream_map');
    await job.stop();
    expect(await job.exited).toEqual({ kind: 'stopped' });
    console.log(`ladder: first playlist after ${Math.round(playable)} ms, thumbnail and preview after ${Math.round(thumbnails)} ms`);
  });

  it('transcodes a source without audio whose FLV header claims audio, as node-media-server sends it', async () => {
    const variants = [OutputVariantSchema.parse({ scaledHeight: 180, videoBitrate: 300, cpuUsageLevel: 0 }), OutputVariantSchema.parse({ videoPassthrough: true })];
    // The announced bitrate lets ffmpeg list the passthrough variant in the master playlist.
    const { job, output } = await startLadder(variants, { audio: false, flagAudio: true, videoBitrate: '1500k' });
    const started = performance.now();
    await job.firstPlaylist;
    console.log(`video only: first playlist after ${Math.round(performance.now() - started)} ms`);
    expect(output.text('stream.m3u8').match(/#EXT-X-STREAM-INF:/g)).toHaveLength(2);
    await vi.waitFor(() => expect(playlistSegmentKeys('1/stream.m3u8', output.text('1/stream.m3u8')).length).toBeGreaterThan(0), { timeout: 10_000, interval: 100 });
    for (const n of [0, 1]) {
      const { streams } = await probeNewestSegment(output, n);
      expect(streams.map((stream) => stream.codec_name)).toEqual(['h264']);
    }
    expect(output.violations).toEqual([]);
  });

  it('lists a passthrough variant of a video-only source that announces no bitrate, at the rate its video shows', async () => {
    // The encoder's onMetaData says videodatarate 0: ffmpeg alone would leave this variant out
    // of the master playlist ("Bandwidth info not available") and the stream would never play.
    const { job, output } = await startLadder([OutputVariantSchema.parse({ videoPassthrough: true })], { audio: false, flagAudio: true });
    await job.firstPlaylist;
    const master = output.text('stream.m3u8');
    expect(master.split('\n').filter((line) => line.endsWith('.m3u8'))).toEqual(['0/stream.m3u8']);
    const bandwidth = Number(/BANDWIDTH=(\d+)/.exec(master)?.[1]);
    // The test pattern at 960x540 and x264 ultrafast is some hundreds of kbps up to a few Mbps, not the 1200 kbps default.
    expect(bandwidth).toBeGreaterThan(100_000);
    expect(bandwidth).toBeLessThan(20_000_000);
    expect(bandwidth).not.toBe(1_320_000);
    expect((await probeNewestSegment(output, 0)).streams.map((stream) => stream.codec_name)).toEqual(['h264']);
    expect(output.violations).toEqual([]);
  });
});
