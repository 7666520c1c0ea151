import { PREVIEW, THUMBNAIL, type HlsOutput, type Logger } from '@hexcast/core';
import { runFfmpeg } from './run-ffmpeg.ts';

/** Where pictures go and how often they are taken. */
export interface ThumbnailerOptions {
  readonly ffmpegPath: string;
  readonly output: HlsOutput;
  readonly logger: Logger;
  /** Between thumbnails; default 15 s, as Owncast. */
  readonly intervalMs?: number;
  /** The animated preview is remade every this many thumbnails (default 4: once a minute); it costs several times a JPEG. */
  readonly previewEvery?: number;
  /** From the first segment to the first snapshot, so a new stream soon has a picture; default 1 s. */
  readonly firstDelayMs?: number;
}

// One decoding thread: a snapshot is a few frames, and spinning up a thread per core costs more than it saves.
const JPEG_ARGS = ['-hide_banner', '-loglevel', 'error', '-threads', '1', '-i', 'pipe:0', '-frames:v', '1', '-q:v', '3', '-f', 'image2', '-c:v', 'mjpeg', 'pipe:1'];
// A few seconds (as much as the segment holds) at 5 fps, 320 wide: small enough to load with the page.
const GIF_ARGS = ['-hide_banner', '-loglevel', 'error', '-threads', '1', '-i', 'pipe:0', '-t', '3', '-filter:v', 'fps=5,scale=320:-2', '-f', 'gif', 'pipe:1'];

/**
 * Keeps `thumbnail.jpg` (every 15 s) and `preview.gif` (every minute) fresh while a stream runs, from the newest segment
 * it was offered (only that one is kept in memory). At most one snapshot ffmpeg runs at a time;
 * a tick that finds one still running is skipped. Failures are logged at warn and never end
 * the stream.
 */
export class Thumbnailer {
  readonly #options: ThumbnailerOptions;
  readonly #abort = new AbortController();
  #newest: Uint8Array | undefined;
  #timers: NodeJS.Timeout[] = [];
  #running: Promise<void> | undefined;
  #ticks = 0;

  constructor(options: ThumbnailerOptions) {
    this.#options = options;
  }

  /** The newest segment of the variant pictures are taken from; the first one starts the schedule. */
  offer(segment: Uint8Array): void {
    if (this.#abort.signal.aborted) return;
    const first = this.#newest === undefined;
    this.#newest = segment;
    if (!first) return;
    this.#timers.push(setTimeout(() => this.#tick(), this.#options.firstDelayMs ?? 1_000));
    this.#timers.push(setInterval(() => this.#tick(), this.#options.intervalMs ?? 15_000));
  }

  /** Stops the schedule and any snapshot ffmpeg, and resolves once none runs. */
  async stop(): Promise<void> {
    this.#abort.abort();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers = [];
    this.#newest = undefined;
    await this.#running;
  }

  #tick(): void {
    const segment = this.#newest;
    if (segment === undefined || this.#running !== undefined || this.#abort.signal.aborted) return;
    // The first snapshot makes both pictures, so a new stream soon has a preview too.
    const withPreview = this.#ticks++ % (this.#options.previewEvery ?? 4) === 0;
    this.#running = this.#snapshot(segment, withPreview).finally(() => (this.#running = undefined));
  }

  async #snapshot(segment: Uint8Array, withPreview: boolean): Promise<void> {
    const { ffmpegPath, output, logger } = this.#options;
    const options = { input: segment, signal: this.#abort.signal, timeoutMs: 10_000 };
    try {
      await output.write(THUMBNAIL, await runFfmpeg(ffmpegPath, JPEG_ARGS, options));
      if (withPreview) await output.write(PREVIEW, await runFfmpeg(ffmpegPath, GIF_ARGS, options));
    } catch (error) {
      if (!this.#abort.signal.aborted) logger.warn({ err: error }, 'could not make the stream thumbnail or preview');
    }
  }
}
