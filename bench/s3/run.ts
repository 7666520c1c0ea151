/**
 * bench/s3: upload lag to S3-compatible storage, from a segment handed to hexcast (the moment the
 * transcoder's write reaches the core's HlsPublisher) to the segment being readable from the
 * bucket (a HEAD on its public URL answers 200), for a 3-variant stream on loopback, against a
 * plain PutObject loop of the same files in the same run [target: p99 ≤ 1.2× the loop's p99].
 *
 * hexcast's side is the real code path: VideoOutputService → HlsPublisher → HlsUploadQueue →
 * S3VideoStorage (@aws-sdk/client-s3), the variant playlists uploaded as well, each after its
 * segments. The baseline is `await client.send(new PutObjectCommand(…))` per segment, one after
 * another, with the same client settings. Both are fed the same segment files, three variants
 * at a time, at the same pace, and both confirm with the same HEAD. s3rver runs in a child
 * process so that the bucket's work does not share the measured event loop.
 *
 * The segments are made once by ffmpeg (720p 3 Mbit/s, 480p 1.4 Mbit/s, 360p 0.8 Mbit/s, 3 s
 * segments as at hexcast's default latency level, cached in the temp folder) and reused in turn.
 * Also printed: when a viewer of the bucket can see a segment (its variant playlist, uploaded
 * after it, is readable), which no plain loop has.
 *
 * Environment:
 *   BENCH_SEGMENTS  segment groups (one per variant) per side (default 60)
 *   BENCH_PACE_MS   time between groups, ms (default 1000: three times real time)
 *   BENCH_REPEATS   baseline/hexcast rounds, alternating; figures pooled (default 1)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { InMemoryVideoStorage, MemoryLogger } from '@hexcast/core/testing';
import { VideoOutputService, systemClock, type VideoStorage } from '@hexcast/core';
import { S3VideoStorage } from '@hexcast/adapters-s3';
import { S3RVER_ACCESS_KEY, S3RVER_SECRET } from '@hexcast/adapters-s3/testing';
import { have, run } from '../support/processes.ts';

const GROUPS = Number(process.env.BENCH_SEGMENTS ?? 60);
const PACE_MS = Number(process.env.BENCH_PACE_MS ?? 1000);
const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 1));
const SEGMENT_SECONDS = 3;
const SOURCE_SEGMENTS = 20;
const WINDOW = 12;
const LADDER = [
  { height: 720, bitrate: '3000k' },
  { height: 480, bitrate: '1400k' },
  { height: 360, bitrate: '800k' },
] as const;

interface Bucket {
  readonly endpoint: string;
  readonly bucket: string;
}

/** Per variant, the segment files in order. */
async function segmentFiles(): Promise<Uint8Array[][]> {
  const dir = path.join(os.tmpdir(), `hexcast-bench-s3-${SOURCE_SEGMENTS}x${SEGMENT_SECONDS}`);
  const done = path.join(dir, 'done');
  if (!fs.existsSync(done)) {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const index of LADDER.keys()) fs.mkdirSync(path.join(dir, String(index)), { recursive: true });
    const seconds = String(SOURCE_SEGMENTS * SEGMENT_SECONDS);
    const args = ['-hide_banner', '-loglevel', 'error', '-t', seconds, '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30', '-t', seconds, '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'];
    for (const [index, rung] of LADDER.entries()) {
      args.push('-map', '0:v', '-map', '1:a', '-vf', `scale=-2:${rung.height}`, '-c:v', 'libx264', '-preset', 'ultrafast', '-b:v', rung.bitrate, '-maxrate', rung.bitrate, '-bufsize', rung.bitrate);
      args.push('-g', String(30 * SEGMENT_SECONDS), '-keyint_min', String(30 * SEGMENT_SECONDS), '-sc_threshold', '0', '-c:a', 'aac', '-b:a', '96k');
      args.push('-f', 'hls', '-hls_time', String(SEGMENT_SECONDS), '-hls_list_size', '0', '-hls_segment_filename', path.join(dir, String(index), 'seg-%03d.ts'), path.join(dir, String(index), 'stream.m3u8'));
    }
    process.stdout.write('making the segments once with ffmpeg… ');
    await run('ffmpeg', args);
    fs.writeFileSync(done, '');
    console.log('done');
  }
  return LADDER.map((_, index) => {
    const folder = path.join(dir, String(index));
    return fs
      .readdirSync(folder)
      .filter((name) => name.endsWith('.ts'))
      .sort()
      .map((name) => new Uint8Array(fs.readFileSync(path.join(folder, name))));
  });
}

async function startBucket(): Promise<{ bucket: Bucket; child: ChildProcess }> {
  const child = spawn(process.execPath, [new URL('./s3rver-child.ts', import.meta.url).pathname], { stdio: ['ignore', 'pipe', 'inherit'] });
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`s3rver exited ${code}`)));
  });
  return { bucket: JSON.parse(line) as Bucket, child };
}

/** Waits until a HEAD on the URL answers 200 (the object is readable), polling briefly if not yet. */
async function readable(url: string): Promise<number> {
  for (;;) {
    const response = await fetch(url, { method: 'HEAD' });
    if (response.status === 200) return performance.now();
    await sleep(5);
  }
}

/** Calls `each(group)` every PACE_MS, without waiting for the previous group's work. */
async function paced(each: (group: number) => Promise<void>): Promise<void> {
  const work: Promise<void>[] = [];
  const start = performance.now();
  for (let group = 0; group < GROUPS; group++) {
    const due = start + group * PACE_MS;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    work.push(each(group));
  }
  await Promise.all(work);
}

const segmentName = (round: number, group: number) => `seg-r${round}-${String(group).padStart(4, '0')}.ts`;

/** The plain loop: one PutObject after another, in the order the segments come. */
async function baseline(bucket: Bucket, files: Uint8Array[][], round: number): Promise<number[]> {
  const client = new S3Client({
    region: 'us-east-1',
    endpoint: bucket.endpoint,
    forcePathStyle: true,
    credentials: { accessKeyId: S3RVER_ACCESS_KEY, secretAccessKey: S3RVER_SECRET },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    // As S3VideoStorage has them.
    maxAttempts: 3,
    requestHandler: { requestTimeout: 10_000, connectionTimeout: 3_334 },
  });
  // One request first, as hexcast's side makes one (listing leftovers) before its first segment.
  await client.send(new PutObjectCommand({ Bucket: bucket.bucket, Key: 'baseline/warm-up', Body: new Uint8Array(1) }));
  const lags: number[] = [];
  let loop = Promise.resolve();
  await paced(async (group) => {
    const written = performance.now();
    const jobs = files.map((variant, index) => {
      const key = `baseline/${index}/${segmentName(round, group)}`;
      const body = variant[group % variant.length]!;
      loop = loop.then(async () => {
        await client.send(new PutObjectCommand({ Bucket: bucket.bucket, Key: key, Body: body, ContentType: 'video/mp2t' }));
      });
      return loop.then(async () => lags.push((await readable(`${bucket.endpoint}/${bucket.bucket}/${key}`)) - written));
    });
    await Promise.all(jobs);
  });
  client.destroy();
  return lags;
}

/** A media playlist of the last WINDOW segments up to `group`. */
function playlist(round: number, group: number): Uint8Array {
  const first = Math.max(0, group - WINDOW + 1);
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3', `#EXT-X-TARGETDURATION:${SEGMENT_SECONDS}`, `#EXT-X-MEDIA-SEQUENCE:${first}`];
  for (let n = first; n <= group; n++) lines.push(`#EXTINF:${SEGMENT_SECONDS}.000,`, segmentName(round, n));
  return new TextEncoder().encode(`${lines.join('\n')}\n`);
}

/** hexcast: each segment, then its variant playlist, written to the core as the transcoder does. */
async function hexcast(bucket: Bucket, files: Uint8Array[][], round: number, playlistLags: number[]): Promise<number[]> {
  const storage = new S3VideoStorage({ endpoint: bucket.endpoint, region: '', bucket: bucket.bucket, accessKey: S3RVER_ACCESS_KEY, secret: S3RVER_SECRET, forcePathStyle: true, pathPrefix: 'hexcast' });
  const written = new Map<string, number>();
  const lags: number[] = [];
  const confirmations: Promise<void>[] = [];
  // Observes when each segment's upload resolves, then confirms it with the same HEAD as the baseline;
  // for playlists, the lag of the newest segment they name (when viewers of the bucket can see it).
  const observed: VideoStorage = {
    put: async (key, body, type) => {
      await storage.put(key, body, type);
      const newest = key.endsWith('.m3u8') ? `${key.split('/')[0]}/${new TextDecoder().decode(body).trim().split('\n').at(-1)}` : undefined;
      const start = written.get(newest ?? key);
      const into = newest === undefined ? lags : playlistLags;
      if (start !== undefined) confirmations.push(readable(storage.publicUrl(key)).then((at) => void into.push(at - start)));
    },
    get: (key) => storage.get(key),
    delete: (keys) => storage.delete(keys),
    list: (prefix) => storage.list(prefix),
    publicUrl: (key) => storage.publicUrl(key),
  };
  const video = new VideoOutputService({ storage: new InMemoryVideoStorage(), clock: systemClock, logger: new MemoryLogger(), options: { remoteStorage: () => observed } });
  const publisher = await video.beginSession();
  await paced(async (group) => {
    await Promise.all(
      files.map(async (variant, index) => {
        const key = `${index}/${segmentName(round, group)}`;
        written.set(key, performance.now());
        await publisher.write(key, variant[group % variant.length]!);
        await publisher.write(`${index}/stream.m3u8`, playlist(round, group));
      }),
    );
  });
  await Promise.all(confirmations);
  // Let the last uploads finish before the bucket is emptied.
  await sleep(1_000);
  await Promise.all(confirmations);
  await video.clear();
  return lags;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

async function main(): Promise<void> {
  if (!(await have('ffmpeg'))) throw new Error('bench/s3 needs ffmpeg');
  const files = await segmentFiles();
  const sizes = files.map((variant) => variant.reduce((sum, file) => sum + file.byteLength, 0) / variant.length / 1024);
  console.log(`bench/s3: ${GROUPS} segment groups × 3 variants per side, one group every ${PACE_MS} ms; mean segment ${sizes.map((kb) => `${kb.toFixed(0)} KiB`).join(' / ')}`);
  const { bucket, child } = await startBucket();
  try {
    const plain: number[] = [];
    const ours: number[] = [];
    const playlists: number[] = [];
    for (let round = 0; round < REPEATS; round++) {
      const roundPlain = await baseline(bucket, files, round);
      const roundOurs = await hexcast(bucket, files, round, playlists);
      console.log(`  round ${round + 1}: p99 plain ${ms(percentile(roundPlain, 99))}, hexcast ${ms(percentile(roundOurs, 99))}`);
      plain.push(...roundPlain);
      ours.push(...roundOurs);
    }
    const rows = [
      ['plain PutObject loop', plain],
      ['hexcast (HlsUploadQueue → S3VideoStorage)', ours],
    ] as const;
    for (const [name, lags] of rows) console.log(`  ${name.padEnd(44)} n=${lags.length}  p50 ${ms(percentile(lags, 50))}  p99 ${ms(percentile(lags, 99))}  max ${ms(Math.max(...lags))}`);
    console.log(`  hexcast, segment written → a playlist naming it readable: n=${playlists.length}  p50 ${ms(percentile(playlists, 50))}  p99 ${ms(percentile(playlists, 99))}`);
    const ratio = percentile(ours, 99) / percentile(plain, 99);
    console.log(`  p99 lag ratio hexcast / plain loop: ${ratio.toFixed(2)}× (target ≤ 1.2×); p50 ratio ${(percentile(ours, 50) / percentile(plain, 50)).toFixed(2)}×`);
  } finally {
    child.kill('SIGTERM');
  }
}

await main();
