import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { playlistSegmentKeys } from '../domain/hls.ts';
import { FakeClock } from '../testing/fake-clock.ts';
import { InMemoryVideoStorage } from '../testing/in-memory-video-storage.ts';
import { MemoryLogger } from '../testing/memory-logger.ts';
import { FINISH_WAITS_FOR_BUCKET_MS } from './hls-publisher.ts';
import { HlsUploadQueue } from './hls-upload-queue.ts';
import { RETIRED_SEGMENTS_KEPT } from './segment-window.ts';
import { VideoOutputService } from './video-output-service.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const text = (data: Uint8Array | undefined) => new TextDecoder().decode(data);
const PLAYLIST = 'application/x-mpegURL';

function playlist(from: number, to: number, folder = 0): string {
  const lines = ['#EXTM3U', '#EXT-X-TARGETDURATION:1', `#EXT-X-MEDIA-SEQUENCE:${from}`];
  for (let n = from; n <= to; n++) lines.push('#EXTINF:1.000,', `seg-${folder}-${n}.ts`);
  return `${lines.join('\n')}\n`;
}

/** A bucket that can be taken down, and that checks on every playlist put that the playlist's segments are there. */
class FlakyBucket extends InMemoryVideoStorage {
  down = false;
  readonly violations: string[] = [];
  readonly putKeys: string[] = [];

  override async put(key: string, body: Uint8Array, contentType: string): Promise<void> {
    await Promise.resolve();
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:9');
    if (key.endsWith('.m3u8')) {
      for (const named of playlistSegmentKeys(key, text(body))) if ((await this.get(named)) === undefined) this.violations.push(`${key} named missing ${named}`);
    }
    this.putKeys.push(key);
    return super.put(key, body, contentType);
  }

  override async delete(keys: readonly string[]): Promise<void> {
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:9');
    return super.delete(keys);
  }

  override publicUrl(key: string): string {
    return `https://cdn.example.com/live/${key}`;
  }
}

/** Lets the queue's promise chains run (the fake clock runs only timers). */
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

function setup() {
  const bucket = new FlakyBucket();
  const clock = new FakeClock();
  const logger = new MemoryLogger();
  const queue = new HlsUploadQueue({ storage: bucket, logger, clock, backoff: { initialMs: 100, maxMs: 1_000 } });
  return { bucket, clock, logger, queue };
}

describe('HlsUploadQueue', () => {
  it('uploads a playlist only once every segment it names is in the bucket', async () => {
    const { bucket, queue } = setup();
    let release!: () => void;
    const put = bucket.put.bind(bucket);
    bucket.put = async (key, body, type) => {
      if (key === '0/seg-0-2.ts') await new Promise<void>((resolve) => (release = resolve));
      return put(key, body, type);
    };
    queue.segment('0/seg-0-1.ts', bytes('a'), 'video/mp2t');
    queue.segment('0/seg-0-2.ts', bytes('b'), 'video/mp2t');
    queue.playlist('0/stream.m3u8', playlist(1, 2), PLAYLIST);
    await settle();
    expect(await bucket.get('0/seg-0-1.ts')).toBeDefined();
    expect(await bucket.get('0/stream.m3u8')).toBeUndefined();
    release();
    expect(await queue.until((q) => q.drained, 1_000)).toBe(true);
    expect(text((await bucket.get('0/stream.m3u8'))?.body)).toBe(playlist(1, 2));
    expect(bucket.violations).toEqual([]);
  });

  it('deletes segments from the bucket once the uploaded playlist has left them a few behind', async () => {
    const { bucket, queue } = setup();
    for (let n = 1; n <= 12; n++) {
      queue.segment(`0/seg-0-${n}.ts`, bytes(`s${n}`), 'video/mp2t');
      queue.playlist('0/stream.m3u8', playlist(Math.max(1, n - 2), n), PLAYLIST);
      await settle();
    }
    const segments = (await bucket.list('0/')).filter((key) => key.endsWith('.ts'));
    expect(segments).toHaveLength(3 + RETIRED_SEGMENTS_KEPT);
    expect(segments).toContain('0/seg-0-12.ts');
    expect(segments).not.toContain('0/seg-0-1.ts');
  });

  it('rides out an outage: warns once, drops what left the window, never uploads a playlist naming a missing segment, catches up', async () => {
    const { bucket, clock, logger, queue } = setup();
    let n = 0;
    const next = async () => {
      n += 1;
      queue.segment(`0/seg-0-${n}.ts`, bytes(`s${n}`), 'video/mp2t');
      queue.playlist('0/stream.m3u8', playlist(Math.max(1, n - 3), n), PLAYLIST);
      await settle();
      clock.advance(1_000);
      await settle();
    };
    for (let i = 0; i < 3; i++) await next();
    bucket.down = true;
    for (let i = 0; i < 30; i++) await next();
    const warnings = logger.entries.filter((e) => e.level === 'warn' && /unreachable/.test(e.message));
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings[0]?.fields)).toMatch(/ECONNREFUSED/);
    // 30 s of outage drop a segment a second, told once (at most one warning a minute).
    expect(logger.entries.filter((e) => /dropped/.test(e.message))).toHaveLength(1);
    expect(queue.drained).toBe(false);
    bucket.down = false;
    await next();
    expect(await queue.until((q) => q.drained, 5_000)).toBe(true);
    expect(text((await bucket.get('0/stream.m3u8'))?.body)).toBe(playlist(n - 3, n));
    expect(logger.entries.some((e) => e.level === 'info' && /reachable again/.test(e.message))).toBe(true);
    expect(bucket.violations).toEqual([]);
    // Segments that fell out of the window during the outage were never uploaded.
    expect(bucket.putKeys).not.toContain('0/seg-0-10.ts');
  });

  it('never uploads a playlist naming a missing segment, whatever fails when (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.boolean(), { minLength: 5, maxLength: 40 }), fc.integer({ min: 1, max: 3 }), async (outages, variants) => {
        const { bucket, clock, queue } = setup();
        for (const [step, down] of outages.entries()) {
          bucket.down = down;
          const n = step + 1;
          for (let v = 0; v < variants; v++) {
            queue.segment(`${v}/seg-${v}-${n}.ts`, bytes(`s${n}`), 'video/mp2t');
            queue.playlist(`${v}/stream.m3u8`, playlist(Math.max(1, n - 3), n, v), PLAYLIST);
          }
          await settle();
          clock.advance(700);
        }
        bucket.down = false;
        clock.advance(1_000);
        expect(await queue.until((q) => q.drained, 10_000)).toBe(true);
        expect(bucket.violations).toEqual([]);
        await queue.close();
      }),
      { numRuns: 30 },
    );
  });
});

describe('VideoOutputService with object storage', () => {
  function service(remote: () => FlakyBucket | undefined) {
    const origin = new InMemoryVideoStorage();
    const clock = new FakeClock();
    const logger = new MemoryLogger();
    const video = new VideoOutputService({ storage: origin, clock, logger, options: { remoteStorage: remote, cleanupDelayMs: 60_000 } });
    return { origin, clock, logger, video };
  }

  it('keeps the master playlist at the origin, pointing at the bucket, and cleans the bucket after the stream', async () => {
    const bucket = new FlakyBucket();
    await bucket.put('unrelated/object.txt', bytes('not ours'), 'text/plain');
    const { origin, clock, video } = service(() => bucket);
    const publisher = await video.beginSession();
    await publisher.write('0/seg-0-1.ts', bytes('a'));
    await publisher.write('0/stream.m3u8', bytes(playlist(1, 1)));
    await publisher.write('stream.m3u8', bytes('#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1000\n0/stream.m3u8\n'));
    await publisher.write('thumbnail.jpg', bytes('jpeg'));
    expect(text((await video.get('stream.m3u8'))?.body)).toContain('https://cdn.example.com/live/0/stream.m3u8');
    expect(await video.get('0/stream.m3u8')).toBeUndefined();
    expect(await origin.list('')).toEqual(['stream.m3u8', 'thumbnail.jpg']);
    expect(await bucket.list('0/')).toEqual(['0/seg-0-1.ts', '0/stream.m3u8']);

    await video.endSession(publisher, { body: bytes('offline'), durationSeconds: 4 });
    expect(text((await bucket.get('0/stream.m3u8'))?.body)).toMatch(/#EXT-X-DISCONTINUITY\n#EXTINF:4.000,\n..\/offline.ts\n#EXT-X-ENDLIST\n$/);
    expect(await bucket.get('offline.ts')).toBeDefined();
    clock.advance(60_000);
    await settle();
    expect(await bucket.list('')).toEqual(['unrelated/object.txt']);
    expect(await origin.list('')).toEqual(['thumbnail.jpg']);
    expect(bucket.violations).toEqual([]);
  });

  it('asks for the storage at each stream start, and falls back to the server with a warning when it is unusable', async () => {
    const buckets = [new FlakyBucket(), undefined];
    let calls = 0;
    const { origin, logger, video } = service(() => {
      calls += 1;
      if (calls === 2) throw new Error('S3 storage needs a bucket name');
      return buckets[calls - 1];
    });
    const first = await video.beginSession();
    await first.write('0/seg-0-1.ts', bytes('a'));
    await video.endSession(first, undefined);
    const second = await video.beginSession();
    await second.write('0/seg-0-9.ts', bytes('b'));
    expect(await origin.list('')).toEqual(['0/seg-0-9.ts']);
    expect(logger.entries.some((e) => e.level === 'warn' && /settings are unusable/.test(e.message) && /bucket name/.test(JSON.stringify(e.fields)))).toBe(true);
    expect(await buckets[0]!.list('')).toEqual([]);
    expect(calls).toBe(2);
  });

  it('does not make the transcoder wait while the bucket is down, and the end of the stream does not hang', async () => {
    const bucket = new FlakyBucket();
    bucket.down = true;
    const { clock, video } = service(() => bucket);
    const publisher = await video.beginSession();
    await publisher.write('0/seg-0-1.ts', bytes('a'));
    await publisher.write('0/stream.m3u8', bytes(playlist(1, 1)));
    let ended = false;
    const ending = video.endSession(publisher, { body: bytes('offline'), durationSeconds: 4 }).then(() => (ended = true));
    await settle();
    expect(ended).toBe(false);
    clock.advance(FINISH_WAITS_FOR_BUCKET_MS);
    await settle();
    expect(ended).toBe(true);
    await ending;
    expect(await bucket.list('')).toEqual([]);
  });
});
