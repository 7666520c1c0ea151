import { execa } from 'execa';

/** The program to run for a configured ffmpeg path: '' means `ffmpeg` on the PATH. */
export function ffmpegCommand(ffmpegPath: string): string {
  return ffmpegPath === '' ? 'ffmpeg' : ffmpegPath;
}

/** Input and limits of a one-shot ffmpeg run. */
export interface RunFfmpegOptions {
  /** Bytes for ffmpeg's stdin (`-i pipe:0`); none means stdin is closed at once. */
  readonly input?: Uint8Array;
  /** Killed (SIGTERM, then SIGKILL) after this long; default 30 s. */
  readonly timeoutMs?: number;
  /** Aborting kills it; the promise then rejects. */
  readonly signal?: AbortSignal;
}

/**
 * Runs a short ffmpeg task to completion and resolves its stdout. Rejects with an Error that
 * names the ffmpeg path and carries ffmpeg's last stderr line, so a log line says what failed.
 */
export async function runFfmpeg(ffmpegPath: string, args: readonly string[], options: RunFfmpegOptions = {}): Promise<Uint8Array> {
  const command = ffmpegCommand(ffmpegPath);
  const result = await execa(command, args, {
    input: options.input ?? new Uint8Array(),
    encoding: 'buffer',
    stderr: 'pipe',
    reject: false,
    // Never outlive us, nor hang on a stuck device.
    cleanup: true,
    timeout: options.timeoutMs ?? 30_000,
    forceKillAfterDelay: 2_000,
    maxBuffer: 256 * 1024 * 1024,
    ...(options.signal !== undefined ? { cancelSignal: options.signal } : {}),
  });
  if (!result.failed) return result.stdout;
  throw new Error(`ffmpeg at ${JSON.stringify(command)} failed: ${failureReason(result)}`, { cause: result });
}

function failureReason(result: { code?: string; shortMessage?: string; stderr: Uint8Array }): string {
  if (result.code === 'ENOENT') return 'no such program';
  if (result.code === 'EACCES') return 'not executable';
  const stderr = new TextDecoder().decode(result.stderr).trim().split(/\r?\n/).at(-1);
  return stderr !== undefined && stderr !== '' ? stderr : (result.shortMessage ?? 'unknown error');
}
