/**
 * bench/chat's load generator: N chat sockets in this one process, a few of which send 200-byte
 * chat bodies while all of them count what they receive.
 *
 * Kept lean, since it shares the machine's 2 cores with the server under test: every socket
 * counts the `"type":"CHAT"` occurrences in each frame's bytes (no decoding, no JSON.parse; a
 * hexcast frame may hold several events joined by "\n"), and only a sample of the sockets (spread
 * evenly over the connection order, since servers write to their sockets in that order) read the
 * send timestamps out of the bodies for the latency histogram.
 */
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import fs from 'node:fs';
import { cpuBetween, sampleTree, userSystem } from '../support/proc-cpu.ts';

export const BODY_BYTES = 200;
const CHAT = Buffer.from('"type":"CHAT"');
const READY = Buffer.from('CONNECTED_USER_INFO');
/** The send time in the body: `zq<µs since the epoch>zq` (letters and digits: markdown leaves them alone). */
const STAMP = /zq(\d+)zq/g;
const FILLER = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore magna aliqua ut enim ad minim veniam quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat duis aute irure';

/** Write syscalls (write, writev, …) and bytes a process has made so far, from /proc/<pid>/io. */
function writes(pid: number): { calls: number; bytes: number } {
  const io = fs.readFileSync(`/proc/${pid}/io`, 'utf8');
  return { calls: Number(/^syscw:\s*(\d+)/m.exec(io)?.[1] ?? NaN), bytes: Number(/^wchar:\s*(\d+)/m.exec(io)?.[1] ?? NaN) };
}

const nowMs = () => performance.timeOrigin + performance.now();

/** Latencies in log buckets 1 % wide, from 1 µs up. */
export class Histogram {
  static readonly #STEP = Math.log(1.01);
  readonly #counts = new Float64Array(2600);
  count = 0;
  max = 0;

  record(ms: number): void {
    const us = Math.max(1, ms * 1000);
    this.#counts[Math.min(this.#counts.length - 1, Math.floor(Math.log(us) / Histogram.#STEP))]!++;
    this.count++;
    if (ms > this.max) this.max = ms;
  }

  /** The value below which `p` % of the samples fall, ms (NaN without samples). */
  percentile(p: number): number {
    if (this.count === 0) return NaN;
    const target = (p / 100) * this.count;
    let seen = 0;
    for (let i = 0; i < this.#counts.length; i++) {
      seen += this.#counts[i]!;
      if (seen >= target) return Math.min(this.max, Math.exp((i + 0.5) * Histogram.#STEP) / 1000);
    }
    return this.max;
  }
}

/** Registers `n` chat users over keep-alive HTTP, `concurrency` requests at a time; their access tokens. */
export async function registerUsers(baseUrl: string, n: number, concurrency: number): Promise<string[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const url = new URL('/api/chat/register', baseUrl);
  const one = (i: number) =>
    new Promise<string>((resolve, reject) => {
      const body = JSON.stringify({ displayName: `bench${i}` });
      const request = http.request(url, { method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => {
          if (response.statusCode !== 200) return reject(new Error(`register answered ${response.statusCode}: ${text}`));
          resolve((JSON.parse(text) as { accessToken: string }).accessToken);
        });
      });
      request.once('error', reject);
      request.end(body);
    });
  const tokens = new Array<string>(n);
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < n) {
          const i = next++;
          tokens[i] = await one(i);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
  return tokens;
}

export interface PhaseResult {
  readonly seconds: number;
  readonly sent: number;
  /** events received by all sockets within the window */
  readonly delivered: number;
  /** deliveries that never came (sent × open sockets − received, after draining) */
  readonly lost: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly samples: number;
  /** cores busy over the window: the server process, this process, the whole machine */
  readonly serverCpu: number;
  readonly generatorCpu: number;
  readonly machineCpu: number;
  /** the server's share of its CPU spent in the kernel (writes, loopback TCP, wake-ups) */
  readonly serverKernelShare: number;
  /** the server's write syscalls and bytes written over the window */
  readonly serverWrites: number;
  readonly serverBytes: number;
}

export class Crowd {
  /** by connection index (holes while connecting) */
  readonly #sockets: Array<WebSocket | undefined> = [];
  #senders: WebSocket[] = [];
  #latency = new Histogram();
  #recording = false;
  /** closed loop: messages in flight at most (sent − delivered / open sockets); 0 when off */
  #window = 0;
  #base = { sent: 0, delivered: 0 };
  #pumpScheduled = false;
  sent = 0;
  delivered = 0;
  ready = 0;
  closed = 0;

  get size(): number {
    return this.#sockets.length;
  }

  /**
   * Opens one socket for each of `urls[from..to)`, `concurrency` handshakes at a time, then waits
   * until every one has received CONNECTED_USER_INFO. `samples` sockets of all `urls`, spread
   * evenly, record latencies; `senders` sockets, spread evenly over those open, are the ones that send.
   */
  async connect(urls: readonly string[], from: number, to: number, options: { concurrency: number; samples: number; senders: number }): Promise<void> {
    const every = Math.max(1, Math.floor(urls.length / options.samples));
    let next = from;
    let failure: unknown;
    await Promise.all(
      Array.from({ length: options.concurrency }, async () => {
        while (next < to && failure === undefined) {
          const i = next++;
          await this.#open(urls[i]!, i % every === 0 && i / every < options.samples, i).catch((error: unknown) => (failure ??= error));
        }
      }),
    );
    if (failure !== undefined) throw failure;
    this.#senders = Array.from({ length: options.senders }, (_, k) => this.#sockets[Math.floor(((k + 0.5) * to) / options.senders)]!);
    const deadline = performance.now() + 60_000;
    while (this.ready < to) {
      if (performance.now() > deadline) throw new Error(`only ${this.ready} of ${to} sockets got CONNECTED_USER_INFO within 60 s (${this.closed} closed)`);
      await sleep(20);
    }
  }

  #open(url: string, sampled: boolean, index: number): Promise<void> {
    const socket = new WebSocket(url, { perMessageDeflate: false, skipUTF8Validation: true });
    this.#sockets[index] = socket;
    let isReady = false;
    socket.on('message', (data: Buffer) => {
      if (!isReady && data.includes(READY)) {
        isReady = true;
        this.ready++;
      }
      let n = 0;
      for (let at = data.indexOf(CHAT); at !== -1; at = data.indexOf(CHAT, at + CHAT.length)) n++;
      if (n === 0) return;
      this.delivered += n;
      if (sampled && this.#recording) {
        const now = nowMs();
        for (const match of data.toString('latin1').matchAll(STAMP)) this.#latency.record(now - Number(match[1]) / 1000);
      }
      if (this.#window > 0 && !this.#pumpScheduled) {
        this.#pumpScheduled = true;
        setImmediate(this.#pump);
      }
    });
    socket.once('close', () => this.closed++);
    return new Promise((resolve, reject) => {
      socket.once('open', () => {
        socket.on('error', () => {}); // a reset later shows as a close
        resolve();
      });
      socket.once('unexpected-response', (_request, response) => reject(new Error(`socket ${index}: upgrade answered HTTP ${response.statusCode}`)));
      socket.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EMFILE' || error.code === 'ENFILE') {
          reject(new Error(`socket ${index}: out of file descriptors (${error.code}); raise the limit (ulimit -n; each process needs about one per client) or lower BENCH_CLIENTS`));
        } else reject(new Error(`socket ${index}: ${error.message}`));
      });
    });
  }

  #sendOne(): void {
    const socket = this.#senders[this.sent % this.#senders.length]!;
    const head = `s${this.sent} zq${Math.round(nowMs() * 1000)}zq `;
    socket.send(`{"type":"CHAT","body":"${head}${FILLER.slice(0, BODY_BYTES - head.length)}"}`);
    this.sent++;
  }

  readonly #pump = (): void => {
    this.#pumpScheduled = false;
    if (this.#window === 0) return;
    const open = Math.max(1, this.#sockets.length - this.closed);
    while (this.sent - this.#base.sent - (this.delivered - this.#base.delivered) / open < this.#window) this.#sendOne();
  };

  /** Closed loop: keeps `window` messages in flight (end to end) for `seconds`: the most the pair can carry. */
  saturate(seconds: number, window: number, serverPid: number): Promise<PhaseResult> {
    return this.#phase(seconds, serverPid, {
      start: () => {
        this.#base = { sent: this.sent, delivered: this.delivered };
        this.#window = window;
        this.#pump();
      },
      stop: () => (this.#window = 0),
    });
  }

  /** Open loop: `rate` messages per second, sent round-robin by the senders, for `seconds`. */
  offer(seconds: number, rate: number, serverPid: number): Promise<PhaseResult> {
    let timer: NodeJS.Timeout | undefined;
    return this.#phase(seconds, serverPid, {
      start: () => {
        const start = performance.now();
        let sent = 0;
        timer = setInterval(() => {
          const due = Math.floor((rate * (performance.now() - start)) / 1000) - sent;
          for (let i = 0; i < due; i++) this.#sendOne();
          sent += Math.max(0, due);
        }, 5);
      },
      stop: () => clearInterval(timer),
    });
  }

  async #phase(seconds: number, serverPid: number, drive: { start(): void; stop(): void }): Promise<PhaseResult> {
    this.#latency = new Histogram();
    this.#recording = true;
    const sent0 = this.sent;
    const delivered0 = this.delivered;
    const open = this.#sockets.length - this.closed;
    const cpu0 = process.cpuUsage();
    const server0 = sampleTree(serverPid);
    const io0 = writes(serverPid);
    const split0 = userSystem(serverPid);
    const t0 = performance.now();
    drive.start();
    await sleep(seconds * 1000);
    drive.stop();
    const wall = (performance.now() - t0) / 1000;
    const delivered = this.delivered - delivered0;
    const cpu = process.cpuUsage(cpu0);
    const server = cpuBetween(server0, sampleTree(serverPid));
    const io = writes(serverPid);
    const split = userSystem(serverPid);
    const kernel = (split?.system ?? NaN) - (split0?.system ?? NaN);
    const user = (split?.user ?? NaN) - (split0?.user ?? NaN);
    // Messages sent in the window but still on their way count for latency (not for throughput).
    const expected = (this.sent - sent0) * open;
    let last = -1;
    let stalled = performance.now();
    for (const deadline = performance.now() + 20_000; this.delivered - delivered0 < expected && performance.now() < deadline; await sleep(50)) {
      if (this.delivered !== last) [last, stalled] = [this.delivered, performance.now()];
      else if (performance.now() - stalled > 3_000) break;
    }
    this.#recording = false;
    const latency = this.#latency;
    return {
      seconds: wall,
      sent: this.sent - sent0,
      delivered,
      lost: Math.max(0, expected - (this.delivered - delivered0)),
      p50: latency.percentile(50),
      p99: latency.percentile(99),
      max: latency.max,
      samples: latency.count,
      serverCpu: server.root / server.wallSeconds,
      generatorCpu: (cpu.user + cpu.system) / 1e6 / wall,
      machineCpu: server.machineBusyCores,
      serverKernelShare: kernel / (kernel + user),
      serverWrites: io.calls - io0.calls,
      serverBytes: io.bytes - io0.bytes,
    };
  }

  /** Drops every socket at once (no closing handshake). */
  close(): void {
    for (const socket of this.#sockets) socket?.terminate();
  }
}
