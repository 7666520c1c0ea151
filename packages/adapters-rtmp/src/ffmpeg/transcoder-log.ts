import { createWriteStream, fstatSync, mkdirSync, openSync, renameSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '@hexcast/core';

/** The file in `logDir` that ffmpeg's own messages go to, as Owncast's data/logs/transcoder.log. */
export const TRANSCODER_LOG_FILE = 'transcoder.log';
/** Size at which `transcoder.log` is renamed to `transcoder.log.1` (replacing it) and a new one started. */
export const TRANSCODER_LOG_MAX_BYTES = 10 * 1024 * 1024;
/** How many of ffmpeg's last stderr lines a failed job reports. */
export const LAST_LINES_KEPT = 20;

/**
 * One job's record of ffmpeg's stderr: appended to `<logDir>/transcoder.log` after a header line
 * (time and command, which carries no secrets: no stream key reaches ffmpeg), each line tagged
 * with the job, and the last `LAST_LINES_KEPT` lines kept for the exit report. A log file that
 * cannot be written is reported once and otherwise ignored: it must not stop a stream.
 *
 * The file is bounded: once it reaches `maxBytes` it becomes `transcoder.log.1` (the one previous
 * file kept) and a new one is started. Each job counts from the size it found, so two jobs that
 * overlap (one finishing its files while the next starts) may leave up to twice that.
 */
export class TranscoderLog {
  readonly #tag: string;
  readonly #logger: Logger;
  readonly #path: string;
  readonly #maxBytes: number;
  readonly #last: string[] = [];
  #file: WriteStream | undefined;
  #bytes = 0;
  /** Rotated-away files still writing out what they were given. */
  readonly #retiring: Promise<void>[] = [];

  constructor(options: { logDir: string; jobId: string; logger: Logger; maxBytes?: number }) {
    this.#tag = `[${options.jobId}]`;
    this.#logger = options.logger;
    this.#path = join(options.logDir, TRANSCODER_LOG_FILE);
    this.#maxBytes = options.maxBytes ?? TRANSCODER_LOG_MAX_BYTES;
    try {
      mkdirSync(options.logDir, { recursive: true });
      this.#open();
    } catch (error) {
      this.#broken(error);
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

  /** Flushes and closes the file (and any rotated away meanwhile). */
  async close(): Promise<void> {
    const file = this.#file;
    this.#file = undefined;
    if (file !== undefined) await new Promise<void>((resolve) => file.end(resolve));
    await Promise.all(this.#retiring);
  }

  #append(text: string): void {
    const file = this.#file;
    if (file === undefined) return;
    const line = `${new Date().toISOString()} ${text}\n`;
    file.write(line);
    this.#bytes += Buffer.byteLength(line);
    if (this.#bytes >= this.#maxBytes) this.#rotate(file);
  }

  #open(): void {
    // Opened here, not by the stream (asynchronously): a rename must find the file it wrote to.
    const fd = openSync(this.#path, 'a');
    const file = createWriteStream('', { fd });
    // A rotated-away file's late error is no reason to give up on the current one.
    file.on('error', (error) => (this.#file === file || this.#file === undefined ? this.#broken(error) : undefined));
    this.#file = file;
    this.#bytes = fstatSync(fd).size;
  }

  /** What `file` still holds lands in the renamed file: its descriptor follows the rename. */
  #rotate(file: WriteStream): void {
    this.#file = undefined;
    this.#retiring.push(new Promise<void>((resolve) => file.end(resolve)));
    try {
      renameSync(this.#path, `${this.#path}.1`);
      this.#open();
    } catch (error) {
      this.#broken(error);
    }
  }

  #broken(error: unknown): void {
    this.#logger.warn({ err: error, path: this.#path }, 'cannot write the transcoder log; ffmpeg messages go to the exit report only');
    this.#file?.destroy();
    this.#file = undefined;
  }
}

/** Shell-style quoting, so the logged command can be pasted into a shell. */
function quote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
