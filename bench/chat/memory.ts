/**
 * A server process's memory, read after full garbage collections forced from outside through the
 * inspector (the server runs with `--inspect=127.0.0.1:<port>`; a session is opened only for the
 * readings and closed again, so it costs nothing during the load): its resident size (VmRSS from
 * /proc) and what its JS objects hold (`process.memoryUsage()` heapUsed + external).
 */
import fs from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import WebSocket from 'ws';
import { median } from '../support/median.ts';

/** VmRSS of a process, bytes. */
export function rssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /^VmRSS:\s+(\d+) kB/m.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for ${pid}`);
  return Number(kb) * 1024;
}

/** Sends inspector (Chrome DevTools protocol) commands, one after another, to the Node process listening on `port`; their results. */
async function inspect(port: number, commands: ReadonlyArray<{ method: string; params?: object }>): Promise<unknown[]> {
  const targets = (await (await fetch(`http://127.0.0.1:${port}/json/list`)).json()) as Array<{ webSocketDebuggerUrl?: string }>;
  const url = targets[0]?.webSocketDebuggerUrl;
  if (url === undefined) throw new Error(`no inspector target on ${port}`);
  const socket = new WebSocket(url, { perMessageDeflate: false });
  const results: unknown[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('open', () => resolve());
      socket.once('error', reject);
    });
    for (const [id, command] of commands.entries()) {
      results.push(
        await new Promise<unknown>((resolve, reject) => {
          const timer = setTimeout(() => reject(new Error(`the inspector did not answer ${command.method}`)), 30_000);
          const onMessage = (data: WebSocket.RawData) => {
            const answer = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string } };
            if (answer.id !== id) return;
            clearTimeout(timer);
            socket.off('message', onMessage);
            if (answer.error !== undefined) reject(new Error(`${command.method}: ${answer.error.message}`));
            else resolve(answer.result);
          };
          socket.on('message', onMessage);
          socket.send(JSON.stringify({ id, ...command }));
        }),
      );
    }
  } finally {
    socket.terminate();
  }
  return results;
}

export interface Settled {
  /** VmRSS, bytes */
  readonly rss: number;
  /** V8 heap used + memory outside it held by JS objects (buffers), bytes */
  readonly heap: number;
}

/** Medians of `readings` readings, each right after two forced full GCs. */
export async function settledMemory(pid: number, inspectPort: number, readings = 3): Promise<Settled> {
  const rss: number[] = [];
  const heap: number[] = [];
  const usage = { method: 'Runtime.evaluate', params: { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true } };
  for (let i = 0; i < readings; i++) {
    const gc = { method: 'HeapProfiler.collectGarbage' };
    const results = await inspect(inspectPort, [gc, gc, usage]);
    const value = JSON.parse((results[2] as { result: { value: string } }).result.value) as { heapUsed: number; external: number };
    heap.push(value.heapUsed + value.external);
    await sleep(300);
    rss.push(rssBytes(pid));
  }
  return { rss: median(rss), heap: median(heap) };
}
