/**
 * bench/web: the viewer page's weight and how fast it shows video (issue 7's targets in brackets).
 *
 *  1. Bytes over the wire, gzipped as the server sends them: the JS + CSS the page's HTML names
 *     (what loads before anything is drawn), and everything JS + CSS the page fetched by the time
 *     its first video frame was shown, which adds the lazily loaded hls.js [≤ 250 KB].
 *  2. Time to first frame, from navigation start to the first video frame presented
 *     (`requestVideoFrameCallback`), with the stream already live and its playlist available,
 *     on loopback in headless Chromium; the median of BENCH_RUNS fresh browser profiles
 *     [≤ 2 s after the playlist is available].
 *  3. A viewer already waiting on the offline page: from the moment the variant playlist first
 *     names a segment to the first frame on that page (the page learns of the stream by polling
 *     /api/status) [≤ 2 s].
 *
 * A real server process (apps/server/src/main.ts) with latency level BENCH_LEVEL (default 2, the
 * default) and autoplay on; a real ffmpeg publishing a 640x360 test pattern over RTMP.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ensureWebBuild } from '@hexcast/web';
import { startHexcast, type HexcastServer } from '../support/hexcast-server.ts';
import { median } from '../support/median.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const WAITING_RUNS = Number(process.env.BENCH_WAITING_RUNS ?? 3);
const LEVEL = Number(process.env.BENCH_LEVEL ?? 2);
const SIZE_TARGET_KB = 250;
const FIRST_FRAME_TARGET_S = 2;
const CHROMIUM = process.env.HEXCAST_CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required'];

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const line = (label: string, value: string, ratio: number, target: string) =>
  console.log(`${label.padEnd(54)} ${value.padStart(10)}  = ${ratio.toFixed(2)}× ${target} ${ratio <= 1 ? '(met)' : '(NOT met)'}`);

/** gzip size of a built file as the server sends it (the .gz beside it), else its own size. */
function wireSize(dir: string, urlPath: string): number {
  const file = path.join(dir, urlPath);
  return fs.existsSync(`${file}.gz`) ? fs.statSync(`${file}.gz`).size : fs.statSync(file).size;
}

/** Records when the page's first video frame is presented, relative to navigation start. */
const FIRST_FRAME_PROBE = () => {
  const w = window as unknown as { __firstFrame?: number; __videoAt?: number };
  new MutationObserver((_m, observer) => {
    const video = document.querySelector('video');
    if (!video) return;
    observer.disconnect();
    w.__videoAt = performance.now();
    video.requestVideoFrameCallback((now) => (w.__firstFrame = now));
  }).observe(document, { childList: true, subtree: true });
};

async function firstFrame(page: Page, timeoutMs = 30_000): Promise<number> {
  await page.waitForFunction(() => (window as unknown as { __firstFrame?: number }).__firstFrame !== undefined, undefined, { timeout: timeoutMs, polling: 20 });
  return page.evaluate(() => (window as unknown as { __firstFrame: number }).__firstFrame);
}

const segmentsOf = (playlist: string | undefined) => (playlist ?? '').split('\n').filter((l) => l.endsWith('.ts'));

/**
 * When the variant playlist first names a segment of the new stream. The previous stream's
 * playlist lingers (its ending is written a moment after /api/status says offline), so segments
 * it named before this publish do not count.
 */
async function playlistReady(server: HexcastServer, before: ReadonlySet<string>): Promise<number> {
  for (;;) {
    const playlist = await server.text('/hls/0/stream.m3u8');
    if (playlist !== undefined && !playlist.includes('#EXT-X-ENDLIST') && segmentsOf(playlist).some((s) => !before.has(s))) return Date.now();
    await sleep(20);
  }
}

/** Publishes and resolves when the new stream's playlist is available. */
async function startStream(server: HexcastServer): Promise<{ publisher: ReturnType<typeof publish>; ready: number }> {
  const before = new Set(segmentsOf(await server.text('/hls/0/stream.m3u8')));
  const publisher = publish(server);
  return { publisher, ready: await playlistReady(server, before) };
}

function publish(server: HexcastServer) {
  const child = spawn('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-g', '30', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '96k', '-f', 'flv', `rtmp://127.0.0.1:${server.rtmpPort}/live/abc123`], { stdio: 'ignore' });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return { stop: async () => (child.kill('SIGINT'), await exited) };
}

async function waitOffline(server: HexcastServer): Promise<void> {
  while (await server.online()) await sleep(100);
}

async function main(): Promise<void> {
  const build = ensureWebBuild();
  const server = await startHexcast();
  let browser: Browser | undefined;
  let publisher: { stop(): Promise<unknown> } | undefined;
  try {
    await server.config('video/streamlatencylevel', LEVEL);
    await server.config('autoplay', 'always');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });

    // 3 first: a viewer waiting on the offline page when the stream starts.
    const waiting: number[] = [];
    const noticed: number[] = [];
    const statusOnline: number[] = [];
    for (let run = 0; run < WAITING_RUNS; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(FIRST_FRAME_PROBE);
      await page.goto(server.url);
      await page.getByRole('region', { name: 'Stream offline' }).waitFor();
      const started = await startStream(server);
      publisher = started.publisher;
      const ready = started.ready;
      while (!(await server.online())) await sleep(20);
      statusOnline.push((Date.now() - ready) / 1000);
      const frameAt = await firstFrame(page);
      const wallAtFrame = await page.evaluate((t) => performance.timeOrigin + t, frameAt);
      const wallAtVideo = await page.evaluate(() => performance.timeOrigin + (window as unknown as { __videoAt: number }).__videoAt);
      waiting.push((wallAtFrame - ready) / 1000);
      noticed.push((wallAtVideo - ready) / 1000);
      await context.close();
      await publisher.stop();
      publisher = undefined;
      await waitOffline(server);
    }

    publisher = (await startStream(server)).publisher;
    const loads: number[] = [];
    let fetched: string[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const urls: string[] = [];
      page.on('request', (request) => urls.push(new URL(request.url()).pathname));
      await page.addInitScript(FIRST_FRAME_PROBE);
      await page.goto(server.url);
      loads.push((await firstFrame(page)) / 1000);
      fetched = urls.filter((u) => /^\/assets\/.*\.(js|css)$/.test(u));
      await context.close();
    }

    const html = fs.readFileSync(path.join(build.dir, 'index.html'), 'utf8');
    const initial = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
    const initialBytes = initial.reduce((sum, u) => sum + wireSize(build.dir, u), 0);
    const toFirstFrame = [...new Set(fetched)];
    const firstFrameBytes = toFirstFrame.reduce((sum, u) => sum + wireSize(build.dir, u), 0);

    console.log(`\nbench/web: viewer page (${build.dir}), latency level ${LEVEL}, Chromium headless on loopback`);
    line(`initial JS+CSS gzipped (${initial.length} files)`, kb(initialBytes), initialBytes / 1024 / SIZE_TARGET_KB, `of ${SIZE_TARGET_KB} KB`);
    line(`JS+CSS by the first frame, with hls.js (${toFirstFrame.length})`, kb(firstFrameBytes), firstFrameBytes / 1024 / SIZE_TARGET_KB, `of ${SIZE_TARGET_KB} KB`);
    line(`page load → first frame, median of ${RUNS}`, `${median(loads).toFixed(2)} s`, median(loads) / FIRST_FRAME_TARGET_S, `of ${FIRST_FRAME_TARGET_S} s`);
    console.log(`${''.padEnd(54)} runs: ${loads.map((s) => s.toFixed(2)).join(', ')} s`);
    line(`waiting viewer: playlist → first frame, median of ${WAITING_RUNS}`, `${median(waiting).toFixed(2)} s`, median(waiting) / FIRST_FRAME_TARGET_S, `of ${FIRST_FRAME_TARGET_S} s`);
    console.log(`${''.padEnd(54)} runs: ${waiting.map((s) => s.toFixed(2)).join(', ')} s; /api/status online after ${statusOnline.map((s) => s.toFixed(2)).join(', ')} s, the page showed the player after ${noticed.map((s) => s.toFixed(2)).join(', ')} s`);
  } finally {
    await publisher?.stop();
    await browser?.close();
    await server.stop();
  }
}

await main();
