import { afterEach, describe, expect, it } from 'vitest';
import { LATENCY_LEVELS, OutputVariantSchema, VIDEO_CODECS } from '../domain/video.ts';
import { playlistSegmentKeys } from '../domain/hls.ts';
import type { HlsOutput, Transcoder } from '../ports/transcoder.ts';
import { settledFlag } from './contract-arbitraries.ts';
import { relaySource } from './relayed-source.ts';

/**
 * A transcoder under test and broadcasts to feed it. For `FfmpegTranscoder`: the transcoder
 * writing to a fresh storage, and `source()` spawning `ffmpeg -re -f lavfi -i testsrc2 … -c:v
 * libx264 -f flv pipe:1` (no `-t`) whose stdout it returns as a stream, killing ffmpeg on cancel.
 */
export interface TranscoderDriver {
  readonly transcoder: Transcoder;
  /**
   * A fresh FLV broadcast (metadata, H.264 and AAC, as an encoder sends it) that flows until
   * cancelled, or at least a minute. The suite relays it to the job, ends or breaks the relay
   * when a test wants the input to end, and always cancels it afterwards.
   */
  source(): ReadableStream<Uint8Array>;
  /** Passed as `ffmpegPath`; default '' (ffmpeg on the PATH). */
  readonly ffmpegPath?: string;
}

/** Where transcoders legitimately differ. */
export interface TranscoderCapabilities {
  /** Whether the encoder has libx264 (default true): `supportedCodecs` must list it, and the suite uses it. */
  readonly libx264?: boolean;
}

/** The cheapest ladder a real encoder can make a playlist from quickly: one small rendition, 1 s segments. */
const VARIANT = OutputVariantSchema.parse({ videoBitrate: 300, scaledHeight: 144, framerate: 15, cpuUsageLevel: 0 });

/** The `Transcoder` contract. `make` returns a fresh driver for each test. */
export function describeTranscoderContract(make: () => TranscoderDriver | Promise<TranscoderDriver>, capabilities: TranscoderCapabilities = {}): void {
  const libx264 = capabilities.libx264 ?? true;
  const cleanups: Array<() => Promise<void>> = [];

  /** Starts a job on the driver's broadcast, or on a source that never sends a byte. */
  async function startJob(feed: 'broadcast' | 'silence' = 'broadcast') {
    const driver = await make();
    const ffmpegPath = driver.ffmpegPath ?? '';
    const relay = relaySource(feed === 'broadcast' ? driver.source() : new ReadableStream<Uint8Array>());
    const codec = libx264 ? 'libx264' : ((await driver.transcoder.supportedCodecs(ffmpegPath))[0] ?? 'libx264');
    const output = recordingOutput();
    const job = await driver.transcoder.start({ source: relay.stream, output, variants: [VARIANT], latency: LATENCY_LEVELS[0], codec, ffmpegPath });
    cleanups.push(async () => {
      await job.stop();
      await relay.end();
    });
    return { job, relay, output, hasExited: settledFlag(job.exited) };
  }

  describe('Transcoder contract', { timeout: 60_000 }, () => {
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0)) await cleanup();
    });

    it('makes the first playlist while the broadcast flows, runs until stopped, then lets go of the source', async () => {
      const { job, relay, output, hasExited } = await startJob();
      await job.firstPlaylist;
      // Playable means: the master and a variant playlist are written, and so is every segment it names.
      expect(output.files.has('stream.m3u8')).toBe(true);
      const variant = new TextDecoder().decode(output.files.get('0/stream.m3u8'));
      const named = playlistSegmentKeys('0/stream.m3u8', variant);
      expect(named.length).toBeGreaterThan(0);
      for (const key of named) expect(output.files.get(key)?.[0], key).toBe(0x47);
      expect(hasExited()).toBe(false);
      await job.stop();
      expect(hasExited()).toBe(true);
      expect(await job.exited).toEqual({ kind: 'stopped' });
      expect(relay.cancelled()).toBe(true);
      expect(output.violations).toEqual([]);
    });

    it('stopped before the first playlist: firstPlaylist rejects; stop() again, also concurrently, is harmless', async () => {
      const { job, relay, hasExited } = await startJob('silence');
      await Promise.all([job.stop(), job.stop()]);
      expect(hasExited()).toBe(true);
      expect(await job.exited).toEqual({ kind: 'stopped' });
      await expect(job.firstPlaylist).rejects.toThrow();
      await job.stop();
      expect(relay.cancelled()).toBe(true);
    });

    it('ends with input-ended when the broadcaster leaves; stop() afterwards is harmless', async () => {
      const { job, relay } = await startJob();
      await job.firstPlaylist;
      await relay.end();
      expect(await job.exited).toEqual({ kind: 'input-ended' });
      await job.stop();
      expect(await job.exited).toEqual({ kind: 'input-ended' });
    });

    it('ends with input-ended when the source errors (the publisher was dropped)', async () => {
      const { job, relay } = await startJob();
      await job.firstPlaylist;
      await relay.fail(new Error('publisher dropped'));
      expect(await job.exited).toEqual({ kind: 'input-ended' });
    });

    it('makes an MPEG-TS offline clip of a few seconds, the same bytes each time', async () => {
      const driver = await make();
      const first = await driver.transcoder.offlineClip(driver.ffmpegPath ?? '');
      const second = await driver.transcoder.offlineClip(driver.ffmpegPath ?? '');
      expect(first.body[0]).toBe(0x47);
      expect(first.body.length % 188).toBe(0);
      expect(first.durationSeconds).toBeGreaterThan(0);
      expect(first.durationSeconds).toBeLessThanOrEqual(30);
      expect(second.body).toEqual(first.body);
    });

    it('lists the encoders it can use: known names, no repeats, libx264 when ffmpeg has it', async () => {
      const driver = await make();
      const codecs = await driver.transcoder.supportedCodecs(driver.ffmpegPath ?? '');
      for (const codec of codecs) expect(VIDEO_CODECS).toContain(codec);
      expect(new Set(codecs).size).toBe(codecs.length);
      if (libx264) expect(codecs).toContain('libx264');
    });
  });
}

/** An `HlsOutput` that keeps every file, checking playlists name only segments already written. */
function recordingOutput(): HlsOutput & { files: Map<string, Uint8Array>; violations: string[] } {
  const files = new Map<string, Uint8Array>();
  const violations: string[] = [];
  return {
    files,
    violations,
    async write(path, body) {
      if (/^\d+\/[^/]+\.m3u8$/.test(path)) {
        for (const key of playlistSegmentKeys(path, new TextDecoder().decode(body))) if (!files.has(key)) violations.push(`${path} named ${key} before it was written`);
      }
      files.set(path, body.slice());
    },
  };
}
