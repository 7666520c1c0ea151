/**
 * bench/ingest/profile.ts: a CPU profile of the hexcast server process under the ingest bench's
 * publisher (`node --cpu-prof`), to find what the server spends its share on.
 *
 *   npx node bench/ingest/profile.ts [passthrough|default] [seconds] [profile dir]
 *
 * Publishes the bench's 720p30 source for `seconds` (default 30) to a fresh server with one
 * passthrough variant (or the default ladder), prints the server's CPU share over the window, stops
 * the server (which writes the .cpuprofile) and prints its top functions by self time within the window (the profile starts a little after
 * the spawn, so the window is approximate).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startHexcast } from '../support/hexcast-server.ts';
import { spawn } from 'node:child_process';
import { cpuBetween, sampleTree, userSystem } from '../support/proc-cpu.ts';
import { publish, sourceFile } from './media.ts';

const mode = process.argv[2] ?? 'passthrough';
const seconds = Number(process.argv[3] ?? 30);
const dir = process.argv[4] ?? fs.mkdtempSync(path.join(os.tmpdir(), 'hexcast-profile-'));

/** `-p <tid>` for each thread of `pid` but the main one (strace -f would follow the thumbnail ffmpegs too). */
function threads(pid: number): string[] {
  return fs
    .readdirSync(`/proc/${pid}/task`)
    .filter((tid) => tid !== String(pid))
    .flatMap((tid) => ['-p', tid]);
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/** Self time per function (share of the samples between `fromMs` and `toMs` after the profile's start), top `count`. */
function top(file: string, count: number, fromMs: number, toMs: number): string[] {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  let at = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    at += profile.timeDeltas[i] ?? 0;
    if (at < fromMs * 1000 || at > toMs * 1000) continue;
    const node = byId.get(profile.samples[i]!)!;
    const { functionName, url, lineNumber } = node.callFrame;
    const key = `${functionName || '(anonymous)'} ${url.replace(/^.*node_modules\//, '').replace(/^file:\/\/.*\/(packages|apps)\//, '$1/')}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, micros]) => `${((micros / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
}

const source = await sourceFile();
/** The sampling window, ms after the spawn. */
const window = { from: 0, to: Infinity };
const spawned = performance.now();
const profiling = process.env.PROFILE !== '0';
const server = await startHexcast({ nodeArgs: profiling ? ['--cpu-prof', '--cpu-prof-interval=2000', `--cpu-prof-dir=${dir}`] : [] });
const publisher = publish(source.file, `rtmp://127.0.0.1:${server.rtmpPort}/live/abc123`);
try {
  if (mode === 'passthrough') await server.config('video/streamoutputvariants', [{ videoPassthrough: true }]);
  for (let i = 0; i < 300 && !(await server.text('/hls/0/stream.m3u8')); i++) await sleep(100);
  await sleep(3000);
  // STRACE=1: syscall counts of the server's threads over the window (strace slows it down).
  const strace = process.env.STRACE === '1' ? spawn('strace', ['-c', '-o', path.join(dir, 'strace.txt'), '-p', String(server.pid), ...threads(server.pid)], { stdio: 'ignore' }) : undefined;
  const before = sampleTree(server.pid);
  const times = userSystem(server.pid)!;
  window.from = performance.now() - spawned;
  await sleep(seconds * 1000);
  window.to = performance.now() - spawned;
  const cpu = cpuBetween(before, sampleTree(server.pid));
  const later = userSystem(server.pid)!;
  strace?.kill('SIGINT');
  if (strace !== undefined) await new Promise((resolve) => strace.once('close', resolve));
  if (strace !== undefined) console.log(fs.readFileSync(path.join(dir, 'strace.txt'), 'utf8').split('\n').slice(0, 14).join('\n'));
  const of = (s: number) => `${((s / cpu.wallSeconds) * 100).toFixed(2)} %`;
  console.log(
    `${mode}${profiling ? ' (profiled)' : ''}: server ${of(cpu.root)} of a core over ${seconds} s (user ${of(later.user - times.user)}, system ${of(later.system - times.system)}); load ${os.loadavg()[0]?.toFixed(2)}`,
  );
} finally {
  await publisher.stop();
  await server.stop();
}
if (!profiling) process.exit(0);
const file = fs.readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
if (file === undefined) throw new Error(`no profile in ${dir}`);
console.log(`profile: ${path.join(dir, file)}`);
for (const line of top(path.join(dir, file), 30, window.from, window.to)) console.log(line);
