import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { publish, probe, waitFor, type Publisher } from './media-tools.ts';
import { basicAuth, setConfig, startServerProcess, tempDataDir, type ServerProcess } from './server-process.ts';

const servers: ServerProcess[] = [];
const publishers: Publisher[] = [];
afterEach(async () => {
  for (const p of publishers.splice(0)) await p.stop();
  for (const s of servers.splice(0)) {
    s.child.kill('SIGTERM');
    await s.exited;
  }
});

async function start(): Promise<ServerProcess> {
  const server = await startServerProcess(tempDataDir());
  servers.push(server);
  // 1-second segments keep the tests quick.
  await setConfig(server, 'video/streamlatencylevel', 0);
  return server;
}

function broadcast(server: ServerProcess, key = 'abc123'): Publisher {
  const publisher = publish(`rtmp://127.0.0.1:${server.rtmpPort}/live/${key}`);
  publishers.push(publisher);
  return publisher;
}

const json = async (server: ServerProcess, path: string, headers: Record<string, string> = {}) => (await fetch(`${server.url}${path}`, { headers })).json() as Promise<Record<string, unknown>>;
const text = async (server: ServerProcess, path: string) => {
  const response = await fetch(`${server.url}${path}`);
  return response.ok ? response.text() : undefined;
};
const bytes = async (server: ServerProcess, path: string) => new Uint8Array(await (await fetch(`${server.url}${path}`)).arrayBuffer());
const isOnline = (server: ServerProcess) => async () => ((await json(server, '/api/status')).online === true ? true : undefined);
const isOffline = (server: ServerProcess) => async () => ((await json(server, '/api/status')).online === false ? true : undefined);

/** The segment URIs of a media playlist. */
function segmentsOf(playlist: string): string[] {
  return playlist.split('\n').filter((line) => line !== '' && !line.startsWith('#'));
}

describe('live video end to end (real ffmpeg, RTMP → HLS)', () => {
  it('refuses a wrong key; with the right key the stream plays, refuses a second publisher, and goes offline on disconnect', async () => {
    const server = await start();
    const intruder = broadcast(server, 'not-the-key');
    expect(await intruder.exited).not.toBe(0);
    expect((await json(server, '/api/status')).online).toBe(false);

    const publisher = broadcast(server);
    await waitFor('online', isOnline(server));
    const master = await text(server, '/hls/stream.m3u8');
    expect(master).toMatch(/#EXT-X-STREAM-INF/);
    expect(master).toMatch(/0\/stream\.m3u8/);
    const variant = await waitFor('a variant playlist with segments', async () => {
      const list = await text(server, '/hls/0/stream.m3u8');
      return list !== undefined && segmentsOf(list).length > 0 ? list : undefined;
    });
    expect(variant).toMatch(/#EXT-X-TARGETDURATION:[12]/);
    const segment = await bytes(server, `/hls/0/${segmentsOf(variant)[0]}`);
    expect(segment[0]).toBe(0x47);
    const streams = await probe(segment);
    expect(streams.map((s) => s.codec_name).sort()).toEqual(['aac', 'h264']);

    const status = await json(server, '/api/admin/status', basicAuth('abc123'));
    expect(status).toMatchObject({ online: true, broadcaster: { streamDetails: { width: 640, height: 360, videoCodec: expect.stringMatching(/264/i) } } });

    const second = broadcast(server);
    expect(await second.exited).not.toBe(0);
    expect(publisher.child.exitCode).toBeNull();
    expect((await json(server, '/api/status')).online).toBe(true);

    const disconnect = await fetch(`${server.url}/api/admin/disconnect`, { method: 'POST', headers: basicAuth('abc123') });
    expect(disconnect.status).toBe(200);
    await waitFor('offline', isOffline(server), 10_000);
    expect(await publisher.exited).not.toBeNull();
    const ended = await waitFor('the offline clip in the playlist', async () => {
      const list = await text(server, '/hls/0/stream.m3u8');
      return list?.includes('#EXT-X-ENDLIST') ? list : undefined;
    });
    expect(ended).toMatch(/#EXT-X-DISCONTINUITY\n#EXTINF:[\d.]+,\n\.\.\/offline\.ts\n#EXT-X-ENDLIST/);
    expect((await probe(await bytes(server, '/hls/offline.ts'))).map((s) => s.codec_type).sort()).toEqual(['audio', 'video']);
    const after = await json(server, '/api/status');
    expect(after.lastConnectTime).not.toBeNull();
    expect(after.lastDisconnectTime).not.toBeNull();
  });

  it('a two-variant ladder produces two renditions at the configured sizes', async () => {
    const server = await start();
    await setConfig(server, 'video/streamoutputvariants', [
      { scaledWidth: 640, scaledHeight: 360, videoBitrate: 800, framerate: 30, cpuUsageLevel: 0 },
      { scaledHeight: 180, videoBitrate: 300, framerate: 15, cpuUsageLevel: 0, audioPassthrough: false, audioBitrate: 64 },
    ]);
    expect(await json(server, '/api/video/variants')).toEqual([
      { index: 0, name: '360p @ 800 kbps' },
      { index: 1, name: '180p @ 300 kbps' },
    ]);
    broadcast(server);
    await waitFor('online', isOnline(server), 40_000);
    const master = (await text(server, '/hls/stream.m3u8')) ?? '';
    expect(master).toMatch(/0\/stream\.m3u8/);
    expect(master).toMatch(/1\/stream\.m3u8/);
    const sizes: Array<[number | undefined, number | undefined]> = [];
    for (const index of [0, 1]) {
      const list = await waitFor(`variant ${index}`, async () => {
        const body = await text(server, `/hls/${index}/stream.m3u8`);
        return body !== undefined && segmentsOf(body).length > 0 ? body : undefined;
      });
      const video = (await probe(await bytes(server, `/hls/${index}/${segmentsOf(list)[0]}`))).find((s) => s.codec_type === 'video');
      sizes.push([video?.width, video?.height]);
    }
    expect(sizes).toEqual([
      [640, 360],
      [320, 180],
    ]);
  });

  it('plays a passed-through video-only broadcast whose encoder announces no bitrate', async () => {
    const server = await start();
    await setConfig(server, 'video/streamoutputvariants', [{ videoPassthrough: true }]);
    // x264 at its default rate control: the FLV's onMetaData says videodatarate 0, and there is
    // no audio bitrate either, so ffmpeg alone would list no variant in the master playlist.
    const child = spawn('ffmpeg', [
      ...['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30', '-t', '60'],
      ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '30', '-pix_fmt', 'yuv420p', '-f', 'flv', `rtmp://127.0.0.1:${server.rtmpPort}/live/abc123`],
    ], { stdio: ['ignore', 'ignore', 'ignore'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    publishers.push({ child, exited, output: () => '', stop: async () => (child.kill('SIGINT'), exited) });
    await waitFor('online', isOnline(server), 40_000);
    const master = (await text(server, '/hls/stream.m3u8')) ?? '';
    expect(segmentsOf(master)).toEqual(['0/stream.m3u8']);
    expect(Number(/BANDWIDTH=(\d+)/.exec(master)?.[1])).toBeGreaterThan(0);
    const list = await waitFor('a segment', async () => {
      const body = await text(server, '/hls/0/stream.m3u8');
      return body !== undefined && segmentsOf(body).length > 0 ? body : undefined;
    });
    const streams = await probe(await bytes(server, `/hls/0/${segmentsOf(list)[0]}`));
    expect(streams.map((stream) => [stream.codec_type, stream.codec_name, stream.width])).toEqual([['video', 'h264', 640]]);
  });

  it('when ffmpeg dies mid-stream the stream goes offline cleanly, and the next publish plays again', async () => {
    const server = await start();
    const first = broadcast(server);
    await waitFor('online', isOnline(server));
    const transcoder = transcoderPidOf(server.child.pid!);
    expect(transcoder).toBeDefined();
    process.kill(transcoder!, 'SIGKILL');
    await waitFor('offline', isOffline(server), 15_000);
    expect(await first.exited).not.toBeNull();
    expect(server.output()).toMatch(/transcoder failed/);
    broadcast(server);
    await waitFor('online again', isOnline(server));
  });
});

/** The pid of the server's transcoding ffmpeg (the child whose arguments hold the HLS master name). */
function transcoderPidOf(serverPid: number): number | undefined {
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const cmdline = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (ppid === serverPid && cmdline.includes('-master_pl_name')) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return undefined;
}
