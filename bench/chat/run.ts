/**
 * bench/chat: chat fan-out of a real hexcast server process (apps/server/src/main.ts on free
 * ports, temporary data directory, spam protection off) against a bare `ws` relay
 * (bench/chat/ws-server.ts) in the same run, at N = 1,000 and 5,000 local WebSocket clients
 * (issue 4's targets in brackets):
 *
 *  1. delivered chat messages per second at saturation: a closed loop keeps BENCH_WINDOW messages
 *     in flight end to end (sent − received / N), sent round-robin by 10 of the N clients [≥ 0.7×
 *     the bare ws relay]; with each server's CPU per delivery, which does not depend on how fast
 *     the generator reads;
 *  2. p50/p99 delivery latency (received − sent, both in this process) at a fixed offered rate:
 *     half the bare relay's saturated message rate at that N [p99 ≤ 100 ms at 1,000 clients];
 *     also shown at saturation, where it is mostly the window's queueing;
 *  3. server memory per idle client: VmRSS after N connected idle clients − before, over N, each
 *     the median of 3 readings taken after full GCs forced through the inspector [≤ 20 KB].
 *
 * Bodies are 200 bytes of letters and digits holding a sequence number and the send time. Every
 * client counts deliveries (the `"type":"CHAT"` occurrences in its frames' bytes); 200 of them,
 * spread over the connection order, also read the send times for the latency histogram.
 *
 * The load generator is this one process: on a 2-core machine it gets about one core and the
 * server the other, so when the generator is saturated (its CPU near 1 core) the msgs/s figures
 * are the generator's ceiling as much as the server's; the CPU-per-delivery line is the server's
 * own cost either way.
 *
 * Environment:
 *   BENCH_CLIENTS   client counts, comma-separated (default 1000,5000)
 *   BENCH_SECONDS   length of each measured phase, s (default 10)
 *   BENCH_WARMUP    saturated warm-up before measuring, s (default 3)
 *   BENCH_WINDOW    messages in flight in the closed loop (default 20)
 *   BENCH_RATE      offered rate for the latency phase, messages/s (default: half the ws relay's)
 *   BENCH_SENDERS   sending clients (default 10); BENCH_SAMPLES latency-sampling clients (200)
 *   BENCH_PROFILE   a directory: both servers run with --cpu-prof writing <server>-<N>-….cpuprofile there
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startHexcast } from '../support/hexcast-server.ts';
import { freePort } from '../support/processes.ts';
import { cpuBetween, sampleTree } from '../support/proc-cpu.ts';
import { Crowd, registerUsers, BODY_BYTES, type PhaseResult } from './crowd.ts';
import { settledMemory } from './memory.ts';

const CLIENTS = (process.env.BENCH_CLIENTS ?? '1000,5000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 20);
const RATE = process.env.BENCH_RATE === undefined ? undefined : Number(process.env.BENCH_RATE);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 10);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const PROFILE = process.env.BENCH_PROFILE;
const IDLE_SECONDS = 5;
const REGISTER_CONCURRENCY = 8;
const CONNECT_CONCURRENCY = 64;
const WS_SERVER = fileURLToPath(new URL('./ws-server.ts', import.meta.url));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface ServerUnderTest {
  readonly pid: number;
  readonly inspectPort: number;
  readonly wsUrl: (token: string) => string;
  /** Resolves the access tokens of n chat users (hexcast registers them). */
  readonly users: (n: number) => Promise<string[]>;
  readonly stop: () => Promise<void>;
  readonly alive: () => boolean;
}

/** Node flags for a server process: the inspector (for forced GCs), and a CPU profile under BENCH_PROFILE. */
const nodeArgs = (inspectPort: number, name: string) => [
  `--inspect=127.0.0.1:${inspectPort}`,
  ...(PROFILE === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${path.resolve(PROFILE)}`, `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`]),
];

async function hexcast(n: number): Promise<ServerUnderTest> {
  const inspectPort = await freePort();
  const server = await startHexcast({ nodeArgs: nodeArgs(inspectPort, `hexcast-${n}`) });
  try {
    await server.config('chat/spamprotectionenabled', false);
  } catch (error) {
    await server.stop(2_000);
    throw error;
  }
  return {
    pid: server.pid,
    inspectPort,
    wsUrl: (token) => `${server.url.replace(/^http/, 'ws')}/ws?accessToken=${encodeURIComponent(token)}`,
    users: (n) => registerUsers(server.url, n, REGISTER_CONCURRENCY),
    stop: async () => void (await server.stop()),
    alive: () => server.child.exitCode === null && server.child.signalCode === null,
  };
}

async function bareWs(n: number): Promise<ServerUnderTest> {
  const inspectPort = await freePort();
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs(inspectPort, `ws-${n}`), WS_SERVER, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the ws relay did not start within 10 s:\n${out}`)), 10_000);
      const keep = (chunk: Buffer) => {
        out = (out + chunk.toString()).slice(-65536);
        if (/^listening$/m.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout!.on('data', keep);
      child.stderr!.on('data', keep);
      child.once('exit', (code) => reject(new Error(`the ws relay exited with ${code}:\n${out}`)));
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    pid: child.pid!,
    inspectPort,
    wsUrl: () => `ws://127.0.0.1:${port}/ws`,
    users: async (n) => Array.from({ length: n }, () => ''),
    stop,
    alive: () => child.exitCode === null && child.signalCode === null,
  };
}

interface Run {
  readonly registerSeconds: number | undefined;
  readonly connectSeconds: number;
  /** VmRSS growth per idle client, bytes */
  readonly idleBytesPerClient: number;
  /** JS heap + external growth per idle client, bytes */
  readonly idleHeapPerClient: number;
  readonly saturated: PhaseResult;
  readonly rate: number;
  readonly offered: PhaseResult;
  /** sockets the server closed during the run */
  readonly dropped: number;
}

async function measure(kind: 'hexcast' | 'ws', n: number, rate: number | undefined): Promise<Run> {
  const server = kind === 'hexcast' ? await hexcast(n) : await bareWs(n);
  const crowd = new Crowd();
  try {
    let started = performance.now();
    const tokens = await server.users(n);
    const registerSeconds = kind === 'hexcast' ? (performance.now() - started) / 1000 : undefined;
    await sleep(1_000);
    const before = await settledMemory(server.pid, server.inspectPort);
    started = performance.now();
    await crowd.connect(
      tokens.map((token) => server.wsUrl(token)),
      { concurrency: CONNECT_CONCURRENCY, samples: SAMPLES, senders: SENDERS },
    );
    const connectSeconds = (performance.now() - started) / 1000;
    await sleep(IDLE_SECONDS * 1000);
    const after = await settledMemory(server.pid, server.inspectPort);
    await crowd.saturate(WARMUP, WINDOW, server.pid);
    const saturated = await crowd.saturate(SECONDS, WINDOW, server.pid);
    const offeredRate = rate ?? Math.max(1, Math.round(saturated.delivered / saturated.seconds / n / 2));
    const offered = await crowd.offer(SECONDS, offeredRate, server.pid);
    if (!server.alive()) throw new Error(`${kind} exited during the run`);
    return { registerSeconds, connectSeconds, idleBytesPerClient: (after.rss - before.rss) / n, idleHeapPerClient: (after.heap - before.heap) / n, saturated, rate: offeredRate, offered, dropped: crowd.closed };
  } finally {
    crowd.close();
    await server.stop();
  }
}

const num = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '–');
const ms = (n: number) => (n >= 100 ? num(n) : n >= 10 ? num(n, 1) : num(n, 2));
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const perSecond = (p: PhaseResult) => p.delivered / p.seconds;
const cpuPerDelivery = (p: PhaseResult) => (p.serverCpu * p.seconds * 1e6) / p.delivered;
const cpu = (p: PhaseResult) => `${num(p.serverCpu, 2)} / ${num(p.generatorCpu, 2)} / ${num(p.machineCpu, 1)}`;

function row(label: string, ours: string, theirs: string, ratioText = '', target = ''): string {
  return `  ${label.padEnd(34)}${ours.padStart(15)}${theirs.padStart(15)}${ratioText.padStart(9)}   ${target}`;
}

function report(n: number, h: Run, w: Run): void {
  const setup = `registered ${num(n)} users in ${num(h.registerSeconds!, 1)} s (${num(n / h.registerSeconds!)}/s, ${REGISTER_CONCURRENCY} at a time over keep-alive); connected ${num(h.connectSeconds, 1)} s hexcast, ${num(w.connectSeconds, 1)} s ws`;
  console.log(`\nN = ${num(n)} clients: ${setup}`);
  console.log(row('', 'hexcast', 'ws', 'ratio', 'target'));
  console.log(`  saturated (${WINDOW} messages in flight, ${SECONDS} s)`);
  console.log(row('delivered msgs/s', num(perSecond(h.saturated)), num(perSecond(w.saturated)), ratio(perSecond(h.saturated), perSecond(w.saturated)), '≥ 0.70×'));
  console.log(row('messages sent/s', num(h.saturated.sent / h.saturated.seconds), num(w.saturated.sent / w.saturated.seconds)));
  console.log(row('server CPU per delivery, µs', num(cpuPerDelivery(h.saturated), 2), num(cpuPerDelivery(w.saturated), 2), ratio(cpuPerDelivery(h.saturated), cpuPerDelivery(w.saturated))));
  console.log(row('CPU server / generator / all, cores', cpu(h.saturated), cpu(w.saturated)));
  console.log(row('latency p50 / p99, ms', `${ms(h.saturated.p50)} / ${ms(h.saturated.p99)}`, `${ms(w.saturated.p50)} / ${ms(w.saturated.p99)}`));
  console.log(`  offered ${num(h.rate)} msgs/s = ${num(h.rate * n)} deliveries/s (${SECONDS} s)`);
  console.log(row('delivered msgs/s', num(perSecond(h.offered)), num(perSecond(w.offered)), ratio(perSecond(h.offered), perSecond(w.offered))));
  console.log(row('CPU server / generator / all, cores', cpu(h.offered), cpu(w.offered)));
  console.log(row('latency p50 / p99, ms', `${ms(h.offered.p50)} / ${ms(h.offered.p99)}`, `${ms(w.offered.p50)} / ${ms(w.offered.p99)}`, '', n === 1000 ? 'p99 ≤ 100 ms' : ''));
  console.log(row('latency max, ms (samples)', `${ms(h.offered.max)} (${num(h.offered.samples)})`, `${ms(w.offered.max)} (${num(w.offered.samples)})`));
  const lost = (r: Run) => `${num(r.saturated.lost + r.offered.lost)} / ${num(r.dropped)}`;
  console.log(row('lost deliveries / dropped sockets', lost(h), lost(w)));
  console.log(`  idle`);
  console.log(row('server memory (RSS) per client, KB', num(h.idleBytesPerClient / 1024, 1), num(w.idleBytesPerClient / 1024, 1), ratio(h.idleBytesPerClient, w.idleBytesPerClient), '≤ 20 KB'));
  console.log(row('  of which JS heap + external, KB', num(h.idleHeapPerClient / 1024, 1), num(w.idleHeapPerClient / 1024, 1), ratio(h.idleHeapPerClient, w.idleHeapPerClient)));
}

async function main(): Promise<void> {
  const limit = spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim();
  const most = Math.max(...CLIENTS);
  if (limit !== 'unlimited' && Number(limit) < most + 200) {
    throw new Error(`ulimit -n is ${limit}: ${most} clients need about ${most + 200} descriptors in this process and as many in the server; raise it (ulimit -n ${2 * most + 1000}) or lower BENCH_CLIENTS`);
  }
  const quiet = sampleTree(process.pid);
  await sleep(1_000);
  const otherLoad = cpuBetween(quiet, sampleTree(process.pid)).machineBusyCores;
  const began = performance.now();
  console.log(
    `bench/chat: hexcast (apps/server/src/main.ts, spam protection off) vs a bare ws relay (bench/chat/ws-server.ts), each its own process; ` +
      `this process is the load generator (${SENDERS} of the clients send ${BODY_BYTES}-byte bodies; every client counts deliveries, ${SAMPLES} sampled ones time them); ` +
      `2 cores shared by server and generator; ulimit -n ${limit}`,
  );
  if (otherLoad > 0.3) console.log(`warning: the machine was already ${num(otherLoad, 1)} cores busy before the run: other load makes these figures noisy`);
  for (const n of CLIENTS) {
    console.log(`… ${num(n)} clients: ws relay`);
    const w = await measure('ws', n, RATE);
    console.log(`… ${num(n)} clients: hexcast`);
    const h = await measure('hexcast', n, w.rate);
    report(n, h, w);
  }
  console.log(`\n(${num((performance.now() - began) / 1000)} s in all)`);
}

await main();
