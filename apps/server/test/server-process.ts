import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, expect } from 'vitest';

export const MAIN = fileURLToPath(new URL('../src/main.ts', import.meta.url));

/** A port the OS says is free right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const createdDataDirs = new Set<string>();
// Registered while the importing test file is collected, so it runs after that file's own
// afterAll hooks have stopped its servers.
afterAll(() => {
  for (const dir of createdDataDirs) fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  createdDataDirs.clear();
});

/** A fresh data directory under the OS temp dir, removed after the test file's tests. */
export function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hexcast-server-'));
  createdDataDirs.add(dir);
  return dir;
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly rtmpPort: number;
  output(): string;
  /** Resolves with the exit code (or signal name) when the process ends. */
  readonly exited: Promise<number | string>;
}

/** Starts `src/main.ts` on Node 24 (this very runtime) with free ports; resolves once it answers. */
export async function startServerProcess(dataDir: string, extraArgs: string[] = [], env: Record<string, string> = {}): Promise<ServerProcess> {
  const webPort = await freePort();
  const rtmpPort = await freePort();
  const child = spawn(process.execPath, [MAIN, '--datadir', dataDir, '--webserverport', String(webPort), '--webserverip', '127.0.0.1', '--rtmpport', String(rtmpPort), ...extraArgs], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')));
  const url = `http://127.0.0.1:${webPort}`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited early with ${child.exitCode}:\n${out}`);
    try {
      const response = await fetch(`${url}/api/status`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not answer within 15 s:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, url, rtmpPort, output: () => out, exited };
}

/**
 * `startServerProcess` for a test file's servers: each is killed (SIGKILL) after the test that
 * started it. Call once at the top of the file (it registers the `afterEach`).
 */
export function serversKilledAfterEach(): typeof startServerProcess {
  const running: ServerProcess[] = [];
  afterEach(() => {
    for (const server of running.splice(0)) server.child.kill('SIGKILL');
  });
  return async (...args) => {
    const server = await startServerProcess(...args);
    running.push(server);
    return server;
  };
}

/** Runs main.ts to completion with the given arguments (for flag errors and --help). */
export function runToExit(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [MAIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

export function basicAuth(password: string, user = 'admin'): Record<string, string> {
  return { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

/** Sets one admin config value (`name` is the path after /api/admin/config/) and expects it taken. */
export async function setConfig(server: ServerProcess, name: string, value: unknown): Promise<void> {
  const response = await fetch(`${server.url}/api/admin/config/${name}`, { method: 'POST', headers: basicAuth('abc123'), body: JSON.stringify({ value }) });
  expect(response.status, `${name}: ${await response.clone().text()}`).toBe(200);
}

export function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
