/** The ingest benchmark's media: the test source, the publisher, the ffmpeg-alone baseline, probing. */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildFfmpegArgs } from '@hexcast/adapters-rtmp';
import { latencyLevel, type OutputVariant } from '@hexcast/core';
import { run } from '../support/processes.ts';

/** 720p30 H.264 ~3 Mbit/s (testsrc2 with temporal noise, so it does not compress to nothing) + AAC 128k, 1 s GOP. */
const SOURCE_ARGS = [
  ...['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000', '-t', '30'],
  ...['-vf', 'noise=alls=8:allf=t', '-c:v', 'libx264', '-preset', 'veryfast', '-b:v', '3000k', '-maxrate', '3300k', '-bufsize', '6000k'],
  ...['-g', '30', '-keyint_min', '30', '-sc_threshold', '0', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', '-movflags', '+faststart'],
];

/** Encodes the source once (kept in the temp folder across runs, by a name that changes with its recipe). */
export async function sourceFile(): Promise<{ file: string; bitrate: number; made: boolean }> {
  const recipe = createHash('sha256').update(SOURCE_ARGS.join(' ')).digest('hex').slice(0, 12);
  const file = path.join(os.tmpdir(), `hexcast-bench-ingest-source-${recipe}.mp4`);
  const made = !fs.existsSync(file);
  if (made) {
    const partial = `${file}.${process.pid}.part.mp4`;
    try {
      await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-y', ...SOURCE_ARGS, partial]);
      fs.renameSync(partial, file);
    } finally {
      fs.rmSync(partial, { force: true });
    }
  }
  const bitrate = Number((await run('ffprobe', ['-v', 'error', '-show_entries', 'format=bit_rate', '-of', 'csv=p=0', file])).trim());
  return { file, bitrate, made };
}

export interface Child {
  readonly process: ChildProcess;
  readonly pid: number;
  output(): string;
  running(): boolean;
  /** `signal` (SIGINT lets ffmpeg finish its files), SIGKILL after `graceMs`; resolves once it exited. */
  stop(signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
}

/** Every child this benchmark spawned itself, so a failure still stops them all. */
export const children = new Set<Child>();

function spawnTracked(command: string, args: readonly string[]): Child {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let out = '';
  child.stderr!.on('data', (chunk: Buffer) => (out = (out + chunk.toString()).slice(-16384)));
  child.once('error', (error) => (out += `\n${command} could not run: ${error.message}`));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const running = () => child.exitCode === null && child.signalCode === null;
  const tracked: Child = {
    process: child,
    pid: child.pid!,
    output: () => out,
    running,
    stop: async (signal = 'SIGINT', graceMs = 5_000) => {
      if (running()) {
        child.kill(signal);
        const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
        await exited;
        clearTimeout(timer);
      }
      children.delete(tracked);
    },
  };
  children.add(tracked);
  return tracked;
}

/** The broadcaster: the pre-encoded file, looped and paced in real time, copied into RTMP (almost no CPU). */
export function publish(file: string, rtmpUrl: string): Child {
  return spawnTracked('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-nostats', '-re', '-stream_loop', '-1', '-i', file, '-c', 'copy', '-f', 'flv', rtmpUrl]);
}

/**
 * ffmpeg alone doing hexcast's transcode: the very output arguments `buildFfmpegArgs` gives
 * hexcast's job, but reading RTMP itself (`-listen 1`) instead of FLV on stdin, and writing the
 * HLS files into `dir` instead of PUTting them to the job's receiver.
 */
export function ffmpegAlone(options: { variants: readonly OutputVariant[]; latency: number; rtmpUrl: string; dir: string }): Child {
  const sentinel = 'http://127.0.0.1:1';
  const args = buildFfmpegArgs({ variants: options.variants, latency: latencyLevel(options.latency), codec: 'libx264', port: 1, segmentPrefix: 'stream-baseline', audio: true });
  const input = args.indexOf('pipe:0');
  if (input < 1 || args[input - 1] !== '-i') throw new Error(`buildFfmpegArgs no longer reads pipe:0: ${args.join(' ')}`);
  const output: string[] = [];
  const rest = args.slice(input + 1);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (arg === '-method' || arg === '-http_persistent') i++;
    else output.push(arg.replaceAll(sentinel, options.dir));
  }
  if (output.some((arg) => arg.includes('http://'))) throw new Error(`an HTTP output is left in ${output.join(' ')}`);
  fs.mkdirSync(path.join(options.dir, '0'), { recursive: true });
  return spawnTracked('ffmpeg', [...args.slice(0, input - 1), '-listen', '1', '-i', options.rtmpUrl, ...output]);
}

/** Whether a socket listens on 127.0.0.1/0.0.0.0:port (read from /proc/net/tcp: connecting would use up `ffmpeg -listen 1`'s one accept). */
export function listening(port: number): boolean {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const lines = fs.readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1);
  return lines.some((line) => {
    const [, local, , state] = line.trim().split(/\s+/);
    return local?.endsWith(hex) === true && state === '0A';
  });
}

/** Whether some socket on this machine has an established IPv4 connection to 127.0.0.1:port (a publisher got through). */
export function connectedTo(port: number): boolean {
  const hex = `:${port.toString(16).toUpperCase().padStart(4, '0')}`;
  const lines = fs.readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1);
  return lines.some((line) => {
    const [, , remote, state] = line.trim().split(/\s+/);
    return remote?.endsWith(hex) === true && state === '01';
  });
}

/** The first video timestamp of an MPEG-TS segment, seconds. */
export function videoStartTime(segment: Uint8Array): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('ffprobe', ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=start_time', '-of', 'csv=p=0', 'pipe:0'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.stdin.on('error', () => undefined);
    child.stdin.end(segment);
    child.once('error', reject);
    child.once('close', (code) => {
      const value = Number.parseFloat(out.trim());
      if (code === 0 && Number.isFinite(value)) resolve(value);
      else reject(new Error(`ffprobe (${code}): ${err || out}`));
    });
  });
}
