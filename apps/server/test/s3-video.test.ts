import fs from 'node:fs';
import path from 'node:path';
import { S3VideoStorage } from '@hexcast/adapters-s3';
import { S3RVER_ACCESS_KEY, startLocalS3, type LocalS3 } from '@hexcast/adapters-s3/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { publish, probe, waitFor, type Publisher } from './media-tools.ts';
import { basicAuth, setConfig, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

/** s3rver checks the access key only, so this secret can be one the logs are searched for. */
const SECRET = 'hexcast-test-secret-7f3d91';
const PREFIX = 'live/video';
const CLEANUP_MS = 4_000;

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface Setup {
  readonly s3: LocalS3;
  readonly server: ServerProcess;
  readonly dataDir: string;
  /** What hexcast put in the bucket, read through the adapter (keys relative to the prefix). */
  readonly bucket: S3VideoStorage;
}

async function setup(): Promise<Setup> {
  const s3 = await startLocalS3();
  cleanups.push(() => s3.dispose());
  const dataDir = tempDataDir();
  const server = await startServerProcess(dataDir, [], { HEXCAST_VIDEO_CLEANUP_DELAY_MS: String(CLEANUP_MS) });
  cleanups.push(async () => {
    server.child.kill('SIGTERM');
    await server.exited;
  });
  await setConfig(server, 'video/streamlatencylevel', 0);
  await setConfig(server, 'video/streamoutputvariants', [
    { scaledHeight: 360, videoBitrate: 800, framerate: 30, cpuUsageLevel: 0 },
    { scaledHeight: 180, videoBitrate: 300, framerate: 15, cpuUsageLevel: 0, audioPassthrough: false, audioBitrate: 64 },
  ]);
  await setConfig(server, 's3', { enabled: true, endpoint: s3.endpoint, accessKey: S3RVER_ACCESS_KEY, secret: SECRET, bucket: s3.bucket, region: 'us-east-1', acl: '', pathPrefix: PREFIX, forcePathStyle: true });
  const bucket = new S3VideoStorage({ endpoint: s3.endpoint, region: '', bucket: s3.bucket, accessKey: S3RVER_ACCESS_KEY, secret: SECRET, pathPrefix: PREFIX, forcePathStyle: true, maxAttempts: 1 });
  return { s3, server, dataDir, bucket };
}

function broadcast(server: ServerProcess): Publisher {
  const publisher = publish(`rtmp://127.0.0.1:${server.rtmpPort}/live/abc123`, { seconds: 180 });
  cleanups.push(() => publisher.stop());
  return publisher;
}

const online = (server: ServerProcess) => async () => (((await (await fetch(`${server.url}/api/status`)).json()) as { online: boolean }).online ? true : undefined);

/** Waits for the stream to go online; on failure the error carries the server's last log lines. */
async function waitOnline(server: ServerProcess): Promise<void> {
  await waitFor('online', online(server), 40_000).catch((error: unknown) => {
    throw new Error(`${String(error)}\n${server.output().slice(-4000)}`);
  });
}

/** URI lines of a playlist, resolved against the playlist's own URL. */
function urisOf(playlist: string, base: string): string[] {
  return playlist
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((uri) => new URL(uri, base).href);
}

async function fetchText(url: string): Promise<string | undefined> {
  const response = await fetch(url);
  return response.ok ? response.text() : undefined;
}

/** The variant playlist URLs of hexcast's master playlist, once every one of them has segments in the bucket. */
async function variantUrls(server: ServerProcess): Promise<string[]> {
  const master = await waitFor('the master playlist', () => fetchText(`${server.url}/hls/stream.m3u8`));
  const variants = urisOf(master, `${server.url}/hls/stream.m3u8`);
  for (const variant of variants) await waitFor(`segments in ${variant}`, async () => ((await fetchText(variant))?.includes('.ts') ? true : undefined));
  return variants;
}

/**
 * Reads every variant playlist in the bucket and checks that each segment it names can be
 * fetched; records any that cannot. Bucket unreachable: nothing to check.
 */
async function checkPlaylists(variants: readonly string[], missing: string[]): Promise<number> {
  let checked = 0;
  for (const variant of variants) {
    const playlist = await fetchText(variant).catch(() => undefined);
    if (playlist === undefined) continue;
    for (const segment of urisOf(playlist, variant)) {
      const response = await fetch(segment).catch(() => undefined);
      if (response === undefined) continue;
      await response.arrayBuffer();
      if (response.status === 404) missing.push(segment);
      checked += 1;
    }
  }
  return checked;
}

describe('video in S3-compatible object storage (real ffmpeg, real s3rver)', () => {
  it('serves the master playlist from hexcast and everything else from the bucket, then empties the bucket', { timeout: 120_000 }, async () => {
    const { server, s3, dataDir, bucket } = await setup();
    const publisher = broadcast(server);
    await waitOnline(server);

    const master = (await fetchText(`${server.url}/hls/stream.m3u8`)) ?? '';
    expect(master).toContain(`${s3.endpoint}/${s3.bucket}/${PREFIX}/0/stream.m3u8`);
    expect(master).toContain(`${s3.endpoint}/${s3.bucket}/${PREFIX}/1/stream.m3u8`);
    // The origin keeps only the master playlist (as Owncast does with S3).
    expect((await fetch(`${server.url}/hls/0/stream.m3u8`)).status).toBe(404);

    const variants = await variantUrls(server);
    expect(variants).toHaveLength(2);
    for (const variant of variants) {
      const response = await fetch(variant);
      expect(response.headers.get('content-type')).toBe('application/x-mpegURL');
      const playlist = await response.text();
      expect(playlist).toMatch(/#EXT-X-TARGETDURATION:[12]/);
      const segments = urisOf(playlist, variant);
      expect(segments.length).toBeGreaterThan(0);
      for (const segment of segments) expect((await fetch(segment, { method: 'HEAD' })).status, segment).toBe(200);
      const first = new Uint8Array(await (await fetch(segments[0]!)).arrayBuffer());
      expect(first[0]).toBe(0x47);
      const streams = await probe(first);
      expect(streams.some((s) => s.codec_type === 'video' && s.codec_name === 'h264')).toBe(true);
    }
    const keys = await bucket.list('');
    expect(keys.some((key) => /^0\/.+\.ts$/.test(key))).toBe(true);
    expect(keys.some((key) => /^1\/.+\.ts$/.test(key))).toBe(true);
    // No segment ever touches the local disk with S3 on.
    expect(fs.readdirSync(path.join(dataDir, 'hls')).sort()).toEqual(expect.not.arrayContaining(['0', '1']));

    await publisher.stop();
    await waitFor('offline', async () => ((await online(server)()) === undefined ? true : undefined));
    const ended = await waitFor('the ended playlist in the bucket', async () => {
      const text = await fetchText(variants[0]!);
      return text?.includes('#EXT-X-ENDLIST') ? text : undefined;
    });
    expect(ended).toMatch(/#EXT-X-DISCONTINUITY\n#EXTINF:[\d.]+,\n\.\.\/offline\.ts\n#EXT-X-ENDLIST/);
    expect((await fetch(new URL('../offline.ts', variants[0]).href)).status).toBe(200);

    const localVideo = () => fs.readdirSync(path.join(dataDir, 'hls')).filter((name) => !['thumbnail.jpg', 'preview.gif'].includes(name));
    await waitFor('an empty bucket and no local video after the cleanup', async () => ((await bucket.list('')).length === 0 && localVideo().length === 0 ? true : undefined), CLEANUP_MS + 15_000);
    expect(await bucket.list('')).toEqual([]);
    expect(localVideo()).toEqual([]);

    const logs = server.output() + fs.readFileSync(path.join(dataDir, 'logs', 'hexcast.log'), 'utf8');
    expect(logs).not.toContain(SECRET);
  });

  it('rides out the bucket being down for 10 s: the stream goes on, the admin is warned, uploads catch up, no playlist names a missing segment', { timeout: 150_000 }, async () => {
    const { server, s3 } = await setup();
    broadcast(server);
    await waitOnline(server);
    const variants = await variantUrls(server);
    const missing: string[] = [];
    let checks = 0;
    let checking = true;
    const checker = (async () => {
      while (checking) {
        checks += await checkPlaylists(variants, missing);
        await new Promise((r) => setTimeout(r, 300));
      }
    })();
    cleanups.push(async () => {
      checking = false;
      await checker;
    });

    const before = await Promise.all(variants.map(async (variant) => urisOf((await fetchText(variant)) ?? '', variant)));
    await s3.stop();
    const outageStart = Date.now();
    await new Promise((r) => setTimeout(r, 10_000));
    // The stream went on all along; hexcast still serves the master playlist.
    expect(await online(server)()).toBe(true);
    expect((await fetch(`${server.url}/hls/stream.m3u8`)).status).toBe(200);
    expect(server.output()).toMatch(/video object storage is unreachable/);
    // What the admin sees.
    const warnings = await (await fetch(`${server.url}/api/admin/logs/warnings`, { headers: basicAuth('abc123') })).text();
    expect(warnings).toMatch(/video object storage is unreachable/);
    await s3.restart();

    const stale = new Set(before.flat());
    for (const variant of variants) {
      await waitFor(
        `${variant} to move on after the outage`,
        async () => {
          const playlist = await fetchText(variant);
          const segments = playlist === undefined ? [] : urisOf(playlist, variant);
          return segments.length > 0 && segments.every((segment) => !stale.has(segment)) ? true : undefined;
        },
        30_000,
      );
    }
    const recoveredAfter = Date.now() - outageStart;
    await new Promise((r) => setTimeout(r, 3_000));
    checking = false;
    await checker;
    expect(missing).toEqual([]);
    expect(checks).toBeGreaterThan(20);
    expect(server.output()).toMatch(/reachable again/);
    expect(recoveredAfter).toBeLessThan(40_000);
  });
});
