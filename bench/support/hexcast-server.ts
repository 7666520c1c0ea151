/**
 * A real hexcast server process (apps/server/src/main.ts on this very Node) for benchmarks, on
 * free ports and its own temporary data directory, as the server's end-to-end tests start it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from './processes.ts';
import { alive, processTree } from './proc-cpu.ts';

const MAIN = fileURLToPath(new URL('../../apps/server/src/main.ts', import.meta.url));
export const ADMIN_PASSWORD = 'abc123';

export interface HexcastServer {
  readonly child: ChildProcess;
  readonly pid: number;
  readonly url: string;
  readonly rtmpPort: number;
  readonly dataDir: string;
  /** The last 64 KiB of its stdout and stderr (JSON log lines). */
  output(): string;
  /** GET a path: the body when 200, else undefined. */
  text(urlPath: string): Promise<string | undefined>;
  /** POST /api/admin/config/<name> {"value": value}; throws unless 200. */
  config(name: string, value: unknown): Promise<void>;
  /** /api/status's `online`. */
  online(): Promise<boolean>;
  /**
   * SIGTERM (SIGKILL after `graceMs`), then SIGKILLs any descendant (its ffmpegs) still running
   * by pid, and removes the data directory. Resolves the descendants it saw.
   */
  stop(graceMs?: number): Promise<Array<{ pid: number; startTime: number }>>;
}

export interface StartOptions {
  /** Node flags put before the script (e.g. `--inspect=…`, `--cpu-prof`); none by default. */
  readonly nodeArgs?: readonly string[];
}

export async function startHexcast(options: StartOptions = {}): Promise<HexcastServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexcast-bench-server-'));
  const webPort = await freePort();
  const rtmpPort = await freePort();
  const child = spawn(
    process.execPath,
    [...(options.nodeArgs ?? []), MAIN, '--datadir', dataDir, '--webserverport', String(webPort), '--webserverip', '127.0.0.1', '--rtmpport', String(rtmpPort), '--adminpassword', ADMIN_PASSWORD],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let out = '';
  const keep = (chunk: Buffer) => (out = (out + chunk.toString()).slice(-65536));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${webPort}`;
  const auth = { Authorization: `Basic ${Buffer.from(`admin:${ADMIN_PASSWORD}`).toString('base64')}` };
  const seen = new Map<number, number>();
  let stopping: Promise<Array<{ pid: number; startTime: number }>> | undefined;

  const server: HexcastServer = {
    child,
    pid: child.pid!,
    url,
    rtmpPort,
    dataDir,
    output: () => out,
    text: async (urlPath) => {
      const response = await fetch(`${url}${urlPath}`);
      const body = await response.text();
      return response.ok ? body : undefined;
    },
    config: async (name, value) => {
      const response = await fetch(`${url}/api/admin/config/${name}`, { method: 'POST', headers: auth, body: JSON.stringify({ value }) });
      if (response.status !== 200) throw new Error(`config ${name}: ${response.status} ${await response.text()}`);
    },
    online: async () => ((await (await fetch(`${url}/api/status`)).json()) as { online?: unknown }).online === true,
    stop: (graceMs = 10_000) =>
      (stopping ??= (async () => {
        for (const s of processTree(child.pid!).slice(1)) seen.set(s.pid, s.startTime);
        if (child.exitCode === null && child.signalCode === null) {
          child.kill('SIGTERM');
          const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
          await exited;
          clearTimeout(timer);
        }
        for (const [pid, startTime] of seen) if (alive(pid, startTime)) killQuietly(pid);
        fs.rmSync(dataDir, { recursive: true, force: true });
        return [...seen].map(([pid, startTime]) => ({ pid, startTime }));
      })()),
  };
  try {
    const deadline = Date.now() + 20_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`hexcast exited early with ${child.exitCode}:\n${out}`);
      if (await server.text('/api/status').catch(() => undefined)) break;
      if (Date.now() > deadline) throw new Error(`hexcast did not answer within 20 s:\n${out}`);
      await sleep(50);
    }
  } catch (error) {
    await server.stop(2_000);
    throw error;
  }
  return server;
}

/** SIGKILL by pid; a process that has just gone is fine. */
function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
