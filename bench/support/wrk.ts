import { run } from './processes.ts';

export interface WrkResult {
  readonly requestsPerSecond: number;
  readonly bytesPerSecond: number;
  readonly errors: number;
}

/** Loads a URL with wrk and reads its summary (requests/s, transfer/s, socket errors, non-2xx). */
export async function wrk(url: string, options: { connections: number; seconds: number; threads?: number }): Promise<WrkResult> {
  const out = await run('wrk', ['-t', String(options.threads ?? 1), '-c', String(options.connections), '-d', `${options.seconds}s`, '--latency', url]);
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(out)?.[1] ?? NaN);
  const transfer = /Transfer\/sec:\s+([\d.]+)([KMG]?B)/.exec(out);
  const scale: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };
  const bytes = transfer ? Number(transfer[1]) * (scale[transfer[2] ?? 'B'] ?? 1) : NaN;
  const socketErrors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(out);
  const non2xx = Number(/Non-2xx or 3xx responses: (\d+)/.exec(out)?.[1] ?? 0);
  const errors = non2xx + (socketErrors ? socketErrors.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0);
  return { requestsPerSecond: rps, bytesPerSecond: bytes, errors };
}
