import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@hexcast/core';

/** The file in `logDir` that ffmpeg's own messages go to, as Owncast's data/logs/transcoder.log. */
export const TRANSCODER_LOG_FILE = 'transcoder.log';
/** How many of ffmpeg's last stderr lines a failed job reports. */
export const LAST_LINES_KEPT = 20;

/**
 * One job's record of ffmpeg's stderr: appended to `<logDir>/transcoder.log` after a header line
 * (time and command, which carries no secrets: no stream key reaches ffmpeg), each line tagged
 * with the job, and the last `LAST_LINES_KEPT` lines kept for the exit report. A log file that
 * cannot be written is reported once and otherwise ignored: it must not stop a stream.
 */
export class TranscoderLog {
  readonly #tag: string;
  readonly #logger: Logger;
  readonly #last: string[] = [];
  #file: WriteStream | undefined;

  constructor(options: { logDir: string; jobId: string; logger: Logger }) {
    this.#tag = `[${options.jobId}]`;
    this.#logger = options.logger;
    const path = join(options.logDir, TRANSCODER_LOG_FILE);
    try {
      mkdirSync(options.logDir, { recursive: true });
      this.#file = createWriteStream(path, { flags: 'a' });
      this.#file.on('error', (error) => this.#broken(error, path));
    } catch (error) {
      this.#broken(error, path);
    }
  }

  /** Records the command a job runs. */
  started(command: readonly string[]): void {
    this.#append(`${this.#tag} ${command.map(quote).join(' ')}`);
  }

  /** Records one stderr line. */
  line(text: string): void {
    if (text.trim() === '') return;
    this.#last.push(text);
    if (this.#last.length > LAST_LINES_KEPT) this.#last.shift();
    this.#append(`${this.#tag} ${text}`);
  }

  /** The last stderr lines, oldest first. */
  get lastLines(): readonly string[] {
    return [...this.#last];
  }

  /** Flushes and closes the file. */
  async close(): Promise<void> {
    const file = this.#file;
    this.#file = undefined;
    if (file !== undefined) await new Promise<void>((resolve) => file.end(resolve));
  }

  #append(text: string): void {
    this.#file?.write(`${new Date().toISOString()} ${text}\n`);
  }

  #broken(error: unknown, path: string): void {
    this.#logger.warn({ err: error, path }, 'cannot write the transcoder log; ffmpeg messages go to the exit report only');
    this.#file?.destroy();
    this.#file = undefined;
  }
}

/** Shell-style quoting, so the logged command can be pasted into a shell. */
function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
