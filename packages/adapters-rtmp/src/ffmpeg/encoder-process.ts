import { once } from 'node:events';
import { createInterface } from 'node:readline';
import type { Writable } from 'node:stream';
import { execa } from 'execa';
import { ffmpegCommand } from './run-ffmpeg.ts';

/** After SIGTERM, how long ffmpeg may take to finish its files before it is killed. */
export const KILL_AFTER_MS = 3_000;

/** How the encoder process ended. */
export interface EncoderEnd {
  /** Whether ffmpeg exited with code 0. */
  readonly clean: boolean;
  /** What happened, for a failed job's report: exit code, signal or spawn error. */
  readonly message: string;
}

/** The long-running ffmpeg of one job. */
export interface EncoderProcess {
  /** undefined when it could not be spawned. */
  readonly pid: number | undefined;
  /** ffmpeg's input (`-i pipe:0`); errors on it (EPIPE once ffmpeg is gone) are absorbed. */
  readonly stdin: Writable;
  /** Whether ffmpeg has not exited yet (`ended` settles a little later, after its last stderr lines). */
  running(): boolean;
  /** Settles once ffmpeg is gone and all its stderr lines were delivered; never rejects. */
  readonly ended: Promise<EncoderEnd>;
  /** Ends its input and sends SIGTERM; SIGKILL follows after `KILL_AFTER_MS`. Harmless once ended. */
  terminate(): void;
}

/**
 * Spawns ffmpeg with execa: `cleanup` kills it when our process exits (also on SIGTERM/SIGINT),
 * and because it reads its input from our pipe, even our being SIGKILLed ends it: its stdin
 * reaches EOF, it finishes and exits. stdout is ignored (ffmpeg delivers over HTTP); each
 * stderr line goes to `onStderrLine`.
 */
export function spawnEncoder(ffmpegPath: string, args: readonly string[], onStderrLine: (line: string) => void): EncoderProcess {
  const subprocess = execa(ffmpegCommand(ffmpegPath), args, {
    stdin: 'pipe',
    stdout: 'ignore',
    stderr: 'pipe',
    buffer: false,
    reject: false,
    cleanup: true,
    forceKillAfterDelay: KILL_AFTER_MS,
  });
  const stdin = subprocess.stdin;
  stdin.on('error', () => undefined);
  const lines = createInterface({ input: subprocess.stderr, crlfDelay: Infinity });
  lines.on('line', onStderrLine);
  const linesDone = once(lines, 'close').catch(() => undefined);
  const ended = subprocess.then(async (result) => {
    await linesDone;
    if (!result.failed) return { clean: true, message: 'ffmpeg exited' };
    const message =
      result.exitCode !== undefined ? `ffmpeg exited with code ${result.exitCode}` : result.signal !== undefined ? `ffmpeg was killed by ${result.signal}` : `ffmpeg could not run: ${result.shortMessage ?? 'unknown error'}`;
    return { clean: false, message };
  });
  return {
    pid: subprocess.pid,
    stdin,
    running: () => subprocess.nodeChildProcess.exitCode === null && subprocess.nodeChildProcess.signalCode === null,
    ended,
    terminate: () => {
      stdin.end();
      subprocess.kill('SIGTERM');
    },
  };
}
