/**
 * bench/ingest: what RTMP → HLS costs through a real hexcast server process, against ffmpeg alone
 * doing the same transcode in the same run (issue 3's targets in brackets):
 *
 *  1. CPU of the whole pipeline (server + its ffmpegs) with the default ladder, vs ffmpeg alone
 *     running the same `buildFfmpegArgs` output arguments [≤ 1.05×];
 *  2. with one passthrough variant: the server's own CPU [≤ 3 % of a core], its ffmpeg's, and the
 *     whole vs ffmpeg alone copying;
 *  3. time from the publisher's start to a playable /hls/stream.m3u8 (master fetchable and a
 *     variant playlist naming a segment) at each latency level [≤ segment length + 1 s];
 *  4. latency of each new segment (its appearance in the variant playlist − the wall-clock time
 *     its first frame was sent) and the glass-to-glass estimate it implies, per latency level.
 *
 * The publisher is `ffmpeg -re -stream_loop -1 -i <file> -c copy -f flv rtmp://…` from a 720p30
 * ~3 Mbit/s H.264 + AAC file encoded once (cached in the temp folder), so it costs next to
 * nothing. Everything runs one after another (these machines have 2 cores). Every process
 * started is stopped, also on failure; `pgrep ffmpeg` is checked at the end.
 *
 * Environment (defaults keep the whole run around 5 minutes):
 *   BENCH_SECONDS   CPU sampling window per run, s (default 30: two thumbnail intervals of 15 s,
 *                   so the window holds its fair share of thumbnail/preview ffmpegs)
 *   BENCH_WARMUP    after the first segment, before sampling, s (default 5)
 *   BENCH_LEVELS    latency levels for 3 and 4 (default 0,1,2,3,4)
 *   BENCH_SEGMENTS  segments after the first whose latency is measured, per level (default 5)
 *   BENCH_PARTS     which parts: cpu,passthrough,latency (default all)
 *   BENCH_REPEATS   runs of 1. and 2., hexcast and ffmpeg alone alternating, the median shown
 *                   (default 1; each repeat adds ~80 s per part)
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { OutputVariantSchema, X264_PRESETS, latencyLevel, type OutputVariant } from '@hexcast/core';
import { startHexcast, type HexcastServer } from '../support/hexcast-server.ts';
import { median } from '../support/median.ts';
import { freePort, have } from '../support/processes.ts';
import { alive, cpuBetween, readStat, sampleTree, type TreeCpu } from '../support/proc-cpu.ts';
import { children, connectedTo, ffmpegAlone, listening, publish, sourceFile, videoStartTime, type Child } from './media.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const LEVELS = (process.env.BENCH_LEVELS ?? '0,1,2,3,4').split(',').map(Number);
const SEGMENTS = Number(process.env.BENCH_SEGMENTS ?? 5);
const REPEATS = Math.max(1, Number(process.env.BENCH_REPEATS ?? 1));
const PARTS = new Set((process.env.BENCH_PARTS ?? 'cpu,passthrough,latency').split(','));
const DEFAULT_LATENCY = 2;
const STREAM_KEY = 'abc123';

const servers = new Set<HexcastServer>();
/** Every process this run started, directly or through hexcast (its ffmpegs): pid → start time. */
const ours = new Map<number, number>();
const own = (pid: number) => {
  const stat = readStat(pid);
  if (stat !== undefined) ours.set(pid, stat.startTime);
};

const pct = (percent: number) => `${percent.toFixed(1).padStart(4)} %`;

async function until<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs: number, everyMs = 100): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await Promise.resolve()
      .then(check)
      .catch(() => undefined);
    if (value !== undefined) return value;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(everyMs);
  }
}

function track(child: Child): Child {
  own(child.pid);
  return child;
}

async function server(): Promise<HexcastServer> {
  const started = await startHexcast();
  servers.add(started);
  own(started.pid);
  return started;
}

async function stopServer(s: HexcastServer): Promise<void> {
  for (const { pid, startTime } of await s.stop()) ours.set(pid, startTime);
  servers.delete(s);
}

/** The segment URIs of a media playlist. */
const segmentsOf = (playlist: string) => playlist.split('\n').filter((line) => line !== '' && !line.startsWith('#'));

/** How many segments variant 0 has made so far (media sequence + segments listed). */
async function hexcastSegmentCount(s: HexcastServer): Promise<number> {
  const list = (await s.text('/hls/0/stream.m3u8')) ?? '';
  return Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(list)?.[1] ?? 0) + segmentsOf(list).length;
}

const dirSegmentCount = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).length : 0);

interface CpuRun {
  readonly cpu: TreeCpu;
  /** Segments variant 0 made during the window (both sides must keep up with real time). */
  readonly segments: number;
}

/** Publishes to a fresh hexcast with `variants` (default ladder when undefined) and samples its process tree. */
async function hexcastCpu(file: string, variants: readonly Partial<OutputVariant>[] | undefined): Promise<CpuRun> {
  const s = await server();
  let publisher: Child | undefined;
  try {
    if (variants !== undefined) await s.config('video/streamoutputvariants', variants);
    publisher = track(publish(file, `rtmp://127.0.0.1:${s.rtmpPort}/live/${STREAM_KEY}`));
    await until('online', async () => ((await s.online()) ? true : undefined), 30_000);
    await until('a first segment', async () => ((await hexcastSegmentCount(s)) > 0 ? true : undefined), 30_000);
    await sleep(WARMUP * 1000);
    const first = await hexcastSegmentCount(s);
    const before = sampleTree(s.pid);
    await sleep(SECONDS * 1000);
    const after = sampleTree(s.pid);
    for (const member of after.members) ours.set(member.pid, member.startTime);
    const segments = (await hexcastSegmentCount(s)) - first;
    if (!publisher.running() || !(await s.online())) throw new Error(`the stream ended during the window:\n${publisher.output()}\n${s.output().slice(-4000)}`);
    return { cpu: cpuBetween(before, after), segments };
  } finally {
    await publisher?.stop();
    await stopServer(s);
  }
}

/** ffmpeg alone, listening for the same publisher, with hexcast's output arguments; samples its CPU. */
async function ffmpegAloneCpu(file: string, variants: readonly OutputVariant[]): Promise<CpuRun> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexcast-bench-ffmpeg-'));
  const port = await freePort();
  const rtmpUrl = `rtmp://127.0.0.1:${port}/live/${STREAM_KEY}`;
  let baseline: Child | undefined;
  let publisher: Child | undefined;
  try {
    baseline = track(ffmpegAlone({ variants, latency: DEFAULT_LATENCY, rtmpUrl, dir }));
    const started = baseline;
    await until('ffmpeg -listen', () => (listening(port) || !started.running() ? true : undefined), 10_000, 50);
    if (!started.running()) throw new Error(`ffmpeg alone exited:\n${started.output()}`);
    publisher = track(publish(file, rtmpUrl));
    const variantDir = path.join(dir, '0');
    await until('a first segment', () => (fs.existsSync(path.join(variantDir, 'stream.m3u8')) ? true : undefined), 30_000);
    await sleep(WARMUP * 1000);
    const first = dirSegmentCount(variantDir);
    const before = sampleTree(baseline.pid);
    await sleep(SECONDS * 1000);
    const after = sampleTree(baseline.pid);
    const segments = dirSegmentCount(variantDir) - first;
    if (!publisher.running() || !baseline.running()) throw new Error(`the baseline stream ended during the window:\n${publisher.output()}\n${baseline.output()}`);
    return { cpu: cpuBetween(before, after), segments };
  } finally {
    await publisher?.stop();
    await baseline?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Runs hexcast and the baseline alternately BENCH_REPEATS times; returns the pair with the median
 * `figure`, and all figures (sorted) for the report when there is more than one.
 */
async function pairs(hexcast: () => Promise<CpuRun>, alone: () => Promise<CpuRun>, figure: (h: CpuRun, a: CpuRun) => number): Promise<{ hexcast: CpuRun; alone: CpuRun; ratios: string }> {
  const runs: Array<{ hexcast: CpuRun; alone: CpuRun; figure: number }> = [];
  for (let i = 0; i < REPEATS; i++) {
    const h = await hexcast();
    const a = await alone();
    runs.push({ hexcast: h, alone: a, figure: figure(h, a) });
  }
  runs.sort((x, y) => x.figure - y.figure);
  const chosen = runs[Math.floor((runs.length - 1) / 2)]!;
  return { ...chosen, ratios: runs.length > 1 ? ` (all ${runs.length} runs: ${runs.map((r) => `${r.figure.toFixed(2)}×`).join(', ')})` : '' };
}

/** A run's CPU as shares of one core (%): whole tree, root process, lasting children, short-lived ones. */
function share(run: CpuRun): { total: number; root: number; lasting: number; transient: number } {
  const { cpu } = run;
  const of = (seconds: number) => (seconds / cpu.wallSeconds) * 100;
  return { total: of(cpu.total), root: of(cpu.root), lasting: of(cpu.lasting.reduce((sum, l) => sum + l.cpu, 0)), transient: of(cpu.transient) };
}

const context = (run: CpuRun) => `[${run.segments} segments made; whole machine busy ${run.cpu.machineBusyCores.toFixed(2)} cores]`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Prints right-aligned columns, each as wide as its widest cell. */
function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): void {
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => row[i]?.length ?? 0)));
  for (const row of [header, ...rows]) console.log(`   ${row.map((cell, i) => cell.padStart(widths[i]!)).join(' │ ')}`);
}

interface LevelRun {
  readonly level: number;
  readonly segmentSeconds: number;
  readonly firstPlayableMs: number;
  /** From the publisher's spawn to its TCP connection (its frames are paced from about then). */
  readonly connectMs: number;
  readonly firstSegmentLatencyMs: number;
  readonly latenciesMs: readonly number[];
}

/** The transcode job a segment is from: its name up to the unix time (`stream-<job id><unix>-<n>.ts`). */
const jobOf = (uri: string) => uri.replace(/\d+-\d+\.ts$/, '');

/** Publishes at one latency level: time to a playable stream, then each new segment's latency. */
async function latencyRun(s: HexcastServer, file: string, level: number, earlier: Set<string>): Promise<LevelRun> {
  await s.config('video/streamlatencylevel', level);
  const segmentSeconds = latencyLevel(level).secondsPerSegment;
  const appeared = new Map<string, { at: number; start: Promise<number> }>();
  const t0 = performance.now();
  const publisher = track(publish(file, `rtmp://127.0.0.1:${s.rtmpPort}/live/${STREAM_KEY}`));
  try {
    // ffmpeg connects (start-up, TCP, RTMP handshake) before it reads the file, and -re paces
    // the frames from then: that, not the spawn, is when the first frame leaves.
    const connectMs = (await until('the publisher to connect', () => (connectedTo(s.rtmpPort) ? performance.now() : undefined), 10_000, 2)) - t0;
    let variantPath = '';
    let previousPoll = t0;
    // A playlist of this stream, not the previous stream's, which is served until this one's
    // first playlist replaces it (its segments are named after the previous transcode job).
    const fresh = async (): Promise<string[] | undefined> => {
      const pollAt = performance.now();
      const master = await s.text('/hls/stream.m3u8');
      const variant = master === undefined ? undefined : segmentsOf(master)[0];
      const list = variant === undefined ? undefined : await s.text(`/hls/${variant}`);
      const since = previousPoll;
      previousPoll = pollAt;
      if (variant === undefined || list === undefined || list.includes('#EXT-X-ENDLIST')) return undefined;
      const segments = segmentsOf(list).filter((uri) => !uri.startsWith('../') && !earlier.has(jobOf(uri)));
      if (segments.length === 0) return undefined;
      variantPath = variant;
      const folder = path.posix.dirname(variant);
      for (const uri of segments) {
        if (appeared.has(uri)) continue;
        // It appeared between the previous poll and this one.
        const start = fetch(`${s.url}/hls/${folder}/${uri}`)
          .then(async (response) => new Uint8Array(await response.arrayBuffer()))
          .then(videoStartTime);
        start.catch(() => undefined);
        appeared.set(uri, { at: (since + pollAt) / 2 - t0, start });
      }
      return segments;
    };
    await until('a playable /hls/stream.m3u8', fresh, 30_000 + 3000 * segmentSeconds, 50);
    const firstPlayableMs = performance.now() - t0;
    await until(`${SEGMENTS} more segments`, async () => (await fresh(), appeared.size > SEGMENTS ? true : undefined), (SEGMENTS + 4) * segmentSeconds * 1000 + 10_000, 100);
    if (variantPath === '') throw new Error('no variant playlist');
    const segments = [...appeared.entries()];
    const starts = await Promise.all(segments.map(([, { start }]) => start));
    const firstPts = starts[0]!;
    // Sent at connection + (pts − first pts): the publisher paces the file in real time.
    const latencies = segments.map(([, { at }], i) => at - connectMs - (starts[i]! - firstPts) * 1000);
    for (const [uri] of segments) earlier.add(jobOf(uri));
    return { level, segmentSeconds, firstPlayableMs, connectMs, firstSegmentLatencyMs: latencies[0]!, latenciesMs: latencies.slice(1) };
  } finally {
    await publisher.stop();
    await until('offline', async () => ((await s.online()) ? undefined : true), 20_000);
  }
}

async function cleanup(): Promise<void> {
  for (const child of [...children]) await child.stop('SIGTERM', 3_000).catch(() => undefined);
  for (const s of [...servers]) await stopServer(s).catch(() => undefined);
}

/** `pgrep -a ffmpeg` after the run; ours must all be gone (other sessions' ffmpegs are only named). */
function leftovers(): string {
  const stillOurs = [...ours].filter(([pid, startTime]) => alive(pid, startTime)).map(([pid]) => pid);
  for (const pid of stillOurs) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // gone meanwhile
    }
  }
  const result = spawnSync('pgrep', ['-a', 'ffmpeg'], { encoding: 'utf8' });
  const lines = result.stdout.trim().split('\n').filter(Boolean);
  const mine = lines.filter((line) => {
    const pid = Number(line.split(' ')[0]);
    return ours.has(pid) && alive(pid, ours.get(pid));
  });
  if (stillOurs.length > 0 || mine.length > 0) return `had to SIGKILL ${stillOurs.join(', ')}; pgrep ffmpeg: ${lines.join(' | ') || 'empty'}`;
  return lines.length === 0 ? 'pgrep ffmpeg: empty' : `pgrep ffmpeg: none of ours (${lines.length} of another session: ${lines.map((l) => l.split(' ')[0]).join(', ')})`;
}

async function main(): Promise<void> {
  for (const program of ['ffmpeg', 'ffprobe', 'pgrep', 'getconf']) if (!(await have(program))) throw new Error(`${program} is needed`);
  for (const level of LEVELS) latencyLevel(level);
  const source = await sourceFile();
  const ffmpegVersion = spawnSync('ffmpeg', ['-hide_banner', '-version'], { encoding: 'utf8' }).stdout.split('\n')[0]?.split(' ')[2];
  const defaults: OutputVariant[] = [OutputVariantSchema.parse({})];
  const v = defaults[0]!;
  console.log(
    `bench/ingest: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), load ${os.loadavg()[0]?.toFixed(2)}, Node ${process.versions.node}, ffmpeg ${ffmpegVersion}\n` +
      `source: 720p30 H.264 + AAC, ${(source.bitrate / 1e6).toFixed(2)} Mbit/s, 30 s, looped by ffmpeg -re -c copy into RTMP${source.made ? ' (encoded just now)' : ''}; CPU in % of one core`,
  );

  if (REPEATS > 1) console.log(`CPU runs repeated ${REPEATS}× (hexcast and ffmpeg alone alternating); shown: the run with the median figure`);

  if (PARTS.has('cpu')) {
    const { hexcast, alone, ratios } = await pairs(() => hexcastCpu(source.file, undefined), () => ffmpegAloneCpu(source.file, defaults), (h, a) => share(h).total / share(a).total);
    const ours1 = share(hexcast);
    const base = share(alone).total;
    console.log(
      `\n1. Transcode, default ladder (1 variant ${v.videoBitrate} kbps ${v.framerate} fps, x264 ${X264_PRESETS[v.cpuUsageLevel]}, audio copied; latency ${DEFAULT_LATENCY} = ${latencyLevel(DEFAULT_LATENCY).secondsPerSegment} s segments), ${SECONDS} s window after ${WARMUP} s warm-up`,
    );
    console.log(`   hexcast total     ${pct(ours1.total)}  = server ${pct(ours1.root)} + transcode ffmpeg ${pct(ours1.lasting)} + thumbnail/preview ffmpegs ${pct(ours1.transient)}  ${context(hexcast)}`);
    console.log(`   ffmpeg alone      ${pct(base)}  ${context(alone)}`);
    console.log(`   ratio ${(ours1.total / base).toFixed(2)}×${ratios}  (target ≤ 1.05×); without the thumbnail/preview ffmpegs ${((ours1.total - ours1.transient) / base).toFixed(2)}×; transcode ffmpeg alone vs ffmpeg alone ${(ours1.lasting / base).toFixed(2)}×`);
    console.log(
      '   baseline: ffmpeg with the output arguments buildFfmpegArgs gives hexcast, reading the RTMP itself (-listen 1) and writing the HLS files to a\n' +
        '   local directory on the same disk, the cheapest delivery there is: RTMP in Node, the FLV pipe, the PUTs, the receiver, storage and thumbnails all count against hexcast.',
    );
  }

  if (PARTS.has('passthrough')) {
    const ladder = [{ videoPassthrough: true }];
    const { hexcast, alone, ratios } = await pairs(() => hexcastCpu(source.file, ladder), () => ffmpegAloneCpu(source.file, [OutputVariantSchema.parse(ladder[0])]), (h) => share(h).root / 3);
    const ours2 = share(hexcast);
    const base = share(alone).total;
    console.log(`\n2. Passthrough (one variant, video and audio copied), ${SECONDS} s window`);
    console.log(`   hexcast server process alone  ${pct(ours2.root)}  (target ≤ 3 %; = ${(ours2.root / 3).toFixed(2)}× the target${ratios})`);
    console.log(`   its ffmpeg children           ${pct(ours2.total - ours2.root)}  = copying ffmpeg ${pct(ours2.lasting)} + thumbnail/preview ffmpegs ${pct(ours2.transient)}  ${context(hexcast)}`);
    console.log(`   hexcast total ${pct(ours2.total)} vs ffmpeg alone copying ${pct(base)} ${context(alone)}: ${(ours2.total / base).toFixed(1)}×`);
  }

  if (PARTS.has('latency')) {
    const s = await server();
    const runs: LevelRun[] = [];
    try {
      const earlier = new Set<string>();
      for (const level of LEVELS) runs.push(await latencyRun(s, source.file, level, earlier));
    } finally {
      await stopServer(s);
    }
    console.log(`\n3./4. Latency per level, default ladder (segment latency: median of the ${SEGMENTS} segments after the first)`);
    const rows = runs.map((r) => {
      const seg = r.segmentSeconds;
      const latency = median(r.latenciesMs) / 1000;
      return [String(r.level), `${seg} s`, secs(r.firstPlayableMs), `${(r.firstPlayableMs / 1000 / (seg + 1)).toFixed(2)}×`, `${latency.toFixed(2)} s`, `${(latency / seg).toFixed(2)}×`, `${(latency + 3 * seg).toFixed(1)} s`, secs(r.firstSegmentLatencyMs), `${Math.round(r.connectMs)} ms`];
    });
    table(['level', 'segment', 'publish → playable', 'vs seg + 1 s (target ≤ 1)', 'segment latency', 'vs seg', 'glass-to-glass est.', '1st segment', 'publisher connect'], rows);
    console.log(
      '   playable: /hls/stream.m3u8 fetchable and its variant playlist naming a segment of this stream, polled every 50 ms from the publisher\'s spawn.\n' +
        '   segment latency: when the segment showed up in the variant playlist (polled every 100 ms; midpoint of the polls) − when its first frame was\n' +
        '   sent (publisher connected + its PTS − the first segment\'s PTS; -re paces in real time); baseline = the segment length (a segment cannot be\n' +
        '   out before it is whole). glass-to-glass est. = segment latency + 3 × segment length: hls.js (liveSyncDurationCount 3) plays ~3 segments\n' +
        '   behind the live edge. 1st segment: the first segment\'s latency (includes ffmpeg\'s start), not in the median.',
    );
  }
}

let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    void cleanup().finally(() => {
      console.log(leftovers());
      process.exit(130);
    });
  });
}

try {
  await main();
} catch (error) {
  process.exitCode = 1;
  console.error(error);
} finally {
  if (!interrupted) {
    await cleanup();
    console.log(`\n${leftovers()}`);
  }
}
