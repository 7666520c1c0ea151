/**
 * bench/chat: chat fan-out of a real hexcast server process (apps/server/src/main.ts on free
 * ports, temporary data directory, spam protection off) against a bare `ws` relay
 * (bench/chat/ws-server.ts) in the same run, at N = 1,000 and 5,000 local WebSocket clients
 * (issue 4's targets in brackets):
 *
 *  1. delivered chat messages per second at saturation: a closed loop keeps BENCH_WINDOW messages
 *     in flight end to end (sent − received / N), sent round-robin by 10 of the N clients [≥ 0.7×
 *     the bare ws relay]; with each server's CPU per delivery (its own cost, whoever the
 *     bottleneck is) and its kernel share, and its write syscalls and bytes per delivery (from
 *     /proc/<pid>/io);
 *  2. p50/p99 delivery latency (received − sent, both clocks in this process) at fixed offered
 *     rates: ¼ and ½ of the bare relay's saturated message rate at that N, the same rates for
 *     both [p99 ≤ 100 ms at 1,000 clients]; also shown at saturation, where it is mostly the
 *     window's own queueing;
 *  3. server memory per idle client: the growth of VmRSS (and of the JS heap + external) from
 *     N/5 to N connected idle clients, over 4N/5, each reading the median of 3 taken after full
 *     GCs forced through the inspector [≤ 20 KB]. The slope leaves out what the first sockets
 *     cost once (heap growth, compiled code).
 *
 * Bodies are 200 bytes of letters and digits holding a sequence number and the send time. Every
 * client counts deliveries (the `"type":"CHAT"` occurrences in its frames' bytes); 200 of them,
 * spread over the connection order, also read the send times for the latency histogram.
 *
 * The load generator is this one process. On a 2-core machine it gets about one core and the
 * server the other, and loopback TCP's kernel work takes its share of both: the "machine" CPU
 * figure shows when the whole box is saturated, which makes the msgs/s figures the pair's
 * ceiling as much as the server's; the CPU per delivery is the server's own cost either way.
 * Other load on the machine (a warning says so) makes every figure noisy.
 *
 * Environment (defaults take about 4 minutes):
 *   BENCH_CLIENTS   client counts, comma-separated (default 1000,5000)
 *   BENCH_SECONDS   length of each measured phase, s (default 10)
 *   BENCH_WARMUP    saturated warm-up before measuring, s (default 3)
 *   BENCH_WINDOW    messages in flight in the closed loop (default 10)
 *   BENCH_LOADS     offered rates as fractions of the ws relay's saturated rate (default 0.25,0.5)
 *   BENCH_RATES     offered rates in messages/s instead, comma-separated
 *   BENCH_SENDERS   sending clients (default 10); BENCH_SAMPLES latency-sampling clients (200)
 *   BENCH_PROFILE   a directory: both servers run with --cpu-prof, writing <server>-<N>-….cpuprofile there
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startHexcast } from '../support/hexcast-server.ts';
import { freePort } from '../support/processes.ts';
import { cpuBetween, sampleTree } from '../support/proc-cpu.ts';
import { Crowd, registerUsers, BODY_BYTES, type PhaseResult } from './crowd.ts';
import { settledMemory } from './memory.ts';

const CLIENTS = (process.env.BENCH_CLIENTS ?? '1000,5000').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const WINDOW = Number(process.env.BENCH_WINDOW ?? 10);
const LOADS = (process.env.BENCH_LOADS ?? '0.25,0.5').split(',').map(Number);
const RATES = process.env.BENCH_RATES === undefined ? undefined : process.env.BENCH_RATES.split(',').map(Number);
const SENDERS = Number(process.env.BENCH_SENDERS ?? 10);
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 200);
const PROFILE = process.env.BENCH_PROFILE;
const IDLE_SECONDS = 5;
const REGISTER_CONCURRENCY = 8;
const CONNECT_CONCURRENCY = 64;
const WS_SERVER = fileURLToPath(new URL('./ws-server.ts', import.meta.url));


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
  /** VmRSS growth per idle client between N/5 and N connected, bytes */
  readonly idleBytesPerClient: number;
  /** JS heap + external growth per idle client, likewise */
  readonly idleHeapPerClient: number;
  readonly saturated: PhaseResult;
  readonly offered: ReadonlyArray<{ rate: number; result: PhaseResult }>;
  /** sockets the server closed during the run */
  readonly dropped: number;
}

/** One server with n clients: setup, idle memory, saturation, then each offered rate (default: LOADS of its own saturated rate). */
async function measure(kind: 'hexcast' | 'ws', n: number, rates: readonly number[] | undefined): Promise<Run> {
  const server = kind === 'hexcast' ? await hexcast(n) : await bareWs(n);
  const crowd = new Crowd();
  const options = { concurrency: CONNECT_CONCURRENCY, samples: SAMPLES, senders: SENDERS };
  try {
    let started = performance.now();
    const urls = (await server.users(n)).map((token) => server.wsUrl(token));
    const registerSeconds = kind === 'hexcast' ? (performance.now() - started) / 1000 : undefined;
    // Memory per client is the slope between N/5 and N idle clients: what the first sockets
    // cost once (heap growth, code for the paths they take) does not count.
    const first = Math.max(1, Math.round(n / 5));
    started = performance.now();
    await crowd.connect(urls, 0, first, options);
    let connectSeconds = (performance.now() - started) / 1000;
    await sleep(2_000);
    const before = await settledMemory(server.pid, server.inspectPort);
    started = performance.now();
    await crowd.connect(urls, first, n, options);
    connectSeconds += (performance.now() - started) / 1000;
    await sleep(IDLE_SECONDS * 1000);
    const after = await settledMemory(server.pid, server.inspectPort);
    await crowd.saturate(WARMUP, WINDOW, server.pid);
    const saturated = await crowd.saturate(SECONDS, WINDOW, server.pid);
    const sustained = saturated.delivered / saturated.seconds / n;
    const offered: Array<{ rate: number; result: PhaseResult }> = [];
    for (const rate of rates ?? LOADS.map((load) => Math.max(1, Math.round(load * sustained)))) offered.push({ rate, result: await crowd.offer(SECONDS, rate, server.pid) });
    if (!server.alive()) throw new Error(`${kind} exited during the run`);
    return {
      registerSeconds,
      connectSeconds,
      idleBytesPerClient: (after.rss - before.rss) / (n - first),
      idleHeapPerClient: (after.heap - before.heap) / (n - first),
      saturated,
      offered,
      dropped: crowd.closed,
    };
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
const perDelivery = (p: PhaseResult) => `${num(cpuPerDelivery(p), 2)} (${num(p.serverKernelShare * 100)} %)`;
const cpu = (p: PhaseResult) => `${num(p.serverCpu, 2)} / ${num(p.generatorCpu, 2)} / ${num(p.machineCpu, 1)}`;
const io = (p: PhaseResult) => `${num(p.serverWrites / p.delivered, 2)} / ${num(p.serverBytes / p.delivered)}`;

function row(label: string, ours: string, theirs: string, ratioText = '', target = ''): string {
  return `  ${label.padEnd(40)}${ours.padStart(18)}${theirs.padStart(18)}${ratioText.padStart(8)}   ${target}`.trimEnd();
}

function report(n: number, h: Run, w: Run): void {
  const connect = (r: Run) => `${num(r.connectSeconds, 1)} s (${num(n / r.connectSeconds)}/s)`;
  console.log(`\nN = ${num(n)} clients`);
  console.log(`  hexcast: registered ${num(n)} users in ${num(h.registerSeconds!, 1)} s (${num(n / h.registerSeconds!)}/s, ${REGISTER_CONCURRENCY} at a time over keep-alive), connected in ${connect(h)}; ws relay connected in ${connect(w)}`);
  console.log(row('', 'hexcast', 'ws', 'ratio', 'target'));
  console.log(`  saturated: ${WINDOW} messages in flight, ${SECONDS} s`);
  const [hs, ws] = [h.saturated, w.saturated];
  console.log(row('delivered msgs/s', num(perSecond(hs)), num(perSecond(ws)), ratio(perSecond(hs), perSecond(ws)), '≥ 0.70×'));
  console.log(row('messages sent/s', num(hs.sent / hs.seconds), num(ws.sent / ws.seconds)));
  console.log(row('server CPU per delivery, µs (kernel %)', perDelivery(hs), perDelivery(ws), ratio(cpuPerDelivery(hs), cpuPerDelivery(ws))));
  console.log(row('server writes / bytes per delivery', io(hs), io(ws)));
  console.log(row('CPU server / generator / machine, cores', cpu(hs), cpu(ws)));
  console.log(row('latency p50 / p99, ms', `${ms(hs.p50)} / ${ms(hs.p99)}`, `${ms(ws.p50)} / ${ms(ws.p99)}`));
  for (const [i, { rate, result: ho }] of h.offered.entries()) {
    const wo = w.offered[i]!.result;
    console.log(`  offered: ${num(rate)} msgs/s = ${num(rate * n)} deliveries/s, ${SECONDS} s`);
    console.log(row('delivered msgs/s', num(perSecond(ho)), num(perSecond(wo)), ratio(perSecond(ho), perSecond(wo))));
    console.log(row('server CPU per delivery, µs (kernel %)', perDelivery(ho), perDelivery(wo), ratio(cpuPerDelivery(ho), cpuPerDelivery(wo))));
    console.log(row('CPU server / generator / machine, cores', cpu(ho), cpu(wo)));
    console.log(row('latency p50 / p99, ms', `${ms(ho.p50)} / ${ms(ho.p99)}`, `${ms(wo.p50)} / ${ms(wo.p99)}`, '', n === 1000 ? 'p99 ≤ 100 ms' : ''));
    console.log(row('latency max, ms (samples)', `${ms(ho.max)} (${num(ho.samples)})`, `${ms(wo.max)} (${num(wo.samples)})`));
  }
  const lost = (r: Run) => `${num(r.saturated.lost + r.offered.reduce((sum, o) => sum + o.result.lost, 0))} / ${num(r.dropped)}`;
  console.log(`  all phases`);
  console.log(row('lost deliveries / dropped sockets', lost(h), lost(w)));
  console.log(`  idle (growth from N/5 to N clients, after forced GCs)`);
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
    const w = await measure('ws', n, RATES);
    console.log(`… ${num(n)} clients: hexcast`);
    const h = await measure('hexcast', n, w.offered.map((o) => o.rate));
    report(n, h, w);
  }
  console.log(`\n(${num((performance.now() - began) / 1000)} s in all)`);
}

await main();
