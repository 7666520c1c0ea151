import type { Logger, TranscodeExit, TranscodeJob, TranscodeRequest } from '@hexcast/core';
import { spawnEncoder, type EncoderProcess } from './encoder-process.ts';
import { buildFfmpegArgs } from './ffmpeg-args.ts';
import { HlsReceiver } from './hls-receiver.ts';
import { ffmpegCommand } from './run-ffmpeg.ts';
import { probeSource, pumpSource } from './source-pump.ts';
import { Thumbnailer } from './thumbnailer.ts';
import { TranscoderLog } from './transcoder-log.ts';

/** After the source ended, how long ffmpeg may take to finish its last segment before it is stopped. */
const FLUSH_TIMEOUT_MS = 15_000;

/** A job's request and the transcoder's logger and log folder. */
export interface FfmpegTranscodeJobOptions {
  readonly request: TranscodeRequest;
  readonly logger: Logger;
  readonly logDir: string;
}

interface JobParts extends FfmpegTranscodeJobOptions {
  readonly receiver: HlsReceiver;
  readonly thumbnailer: Thumbnailer;
  readonly log: TranscoderLog;
  readonly port: number;
  readonly segmentPrefix: string;
  readonly playable: PromiseWithResolvers<void>;
}

/**
 * One running transcode (see `FfmpegTranscoder`). Its life: read the source until it is known
 * whether it has audio, spawn ffmpeg, pump the source into it, and let the loopback receiver
 * hand ffmpeg's files to `output`. The first cause of the end wins: `stop()` → 'stopped'; the
 * source ending or erroring → 'input-ended' (ffmpeg gets EOF, finishes its files and exits);
 * ffmpeg exiting before either → 'failed'. Whatever the end, the receiver is closed, the
 * thumbnailer stopped and the source cancelled before `exited` resolves.
 */
export class FfmpegTranscodeJob implements TranscodeJob {
  readonly exited: Promise<TranscodeExit>;
  readonly firstPlaylist: Promise<void>;
  /** The receiver's port, for diagnostics: nothing listens there once the job ended. */
  readonly port: number;
  readonly #request: TranscodeRequest;
  readonly #logger: Logger;
  readonly #receiver: HlsReceiver;
  readonly #thumbnailer: Thumbnailer;
  readonly #log: TranscoderLog;
  readonly #segmentPrefix: string;
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  #cause: TranscodeExit | undefined;
  #encoder: EncoderProcess | undefined;
  #ended = false;
  readonly #notPlayable: (reason: Error) => void;

  /** Starts a job: its receiver listens before this resolves; ffmpeg starts once the source has said enough. */
  static async start(options: FfmpegTranscodeJobOptions): Promise<FfmpegTranscodeJob> {
    const id = crypto.randomUUID().slice(0, 8);
    const segmentPrefix = `stream-${id}`;
    const logger = options.logger.child({ transcodeJob: id });
    const thumbnailer = new Thumbnailer({ ffmpegPath: options.request.ffmpegPath, output: options.request.output, logger });
    const playable = Promise.withResolvers<void>();
    const receiver = new HlsReceiver({
      output: options.request.output,
      logger,
      variantCount: options.request.variants.length,
      segmentPrefix,
      onPlayable: () => playable.resolve(),
      onSegment: (variant, body) => (variant === 0 ? thumbnailer.offer(body) : undefined),
    });
    const port = await receiver.listen();
    const log = new TranscoderLog({ logDir: options.logDir, jobId: id, logger });
    return new FfmpegTranscodeJob({ ...options, logger, receiver, thumbnailer, log, port, segmentPrefix, playable });
  }

  private constructor(parts: JobParts) {
    this.#request = parts.request;
    this.#logger = parts.logger;
    this.#receiver = parts.receiver;
    this.#thumbnailer = parts.thumbnailer;
    this.#log = parts.log;
    this.port = parts.port;
    this.#segmentPrefix = parts.segmentPrefix;
    this.#reader = parts.request.source.getReader();
    this.firstPlaylist = parts.playable.promise;
    this.#notPlayable = parts.playable.reject;
    // Nobody need listen for a rejected first playlist: it is expected when a job ends early.
    this.firstPlaylist.catch(() => undefined);
    this.exited = this.#run();
  }

  /** ffmpeg's process id once spawned (diagnostics); undefined before. */
  get pid(): number | undefined {
    return this.#encoder?.pid;
  }

  async stop(): Promise<void> {
    // Once ffmpeg has exited by itself, that was the first cause, however soon stop() follows.
    if (!this.#ended && this.#encoder?.running() !== false) {
      this.#cause ??= { kind: 'stopped' };
      this.#reader.cancel().catch(() => undefined);
      this.#encoder?.terminate();
    }
    await this.exited;
  }

  async #run(): Promise<TranscodeExit> {
    let exit: TranscodeExit;
    try {
      exit = await this.#transcode();
    } catch (error) {
      this.#encoder?.terminate();
      exit = { kind: 'failed', message: `transcode failed: ${String(error)}`, lastErrorLines: this.#log.lastLines };
    }
    this.#ended = true;
    await this.#thumbnailer.stop();
    await this.#reader.cancel().catch(() => undefined);
    await this.#receiver.close();
    await this.#log.close();
    // A no-op once it resolved: a promise settles once.
    this.#notPlayable(new Error(`the transcode ended (${exit.kind}) before the first playlist`));
    if (exit.kind === 'failed') this.#logger.warn({ exit: exit.kind, message: exit.message, lastErrorLines: exit.lastErrorLines }, 'transcode failed');
    else this.#logger.info({ exit: exit.kind }, 'transcode ended');
    return exit;
  }

  async #transcode(): Promise<TranscodeExit> {
    // A stop() meanwhile cancels the reader, which ends the probe.
    const { head, audio, video, open } = await probeSource(this.#reader);
    if (!open) this.#cause ??= { kind: 'input-ended' };
    if (this.#cause !== undefined) return this.#cause;
    const { variants, latency, codec, ffmpegPath } = this.#request;
    const passthroughKbps = video.announcedKbps > 0 ? undefined : video.measuredKbps;
    const args = buildFfmpegArgs({ variants, latency, codec, port: this.port, segmentPrefix: this.#segmentPrefix, audio, passthroughKbps });
    this.#log.started([ffmpegCommand(ffmpegPath), ...args]);
    const encoder = spawnEncoder(ffmpegPath, args, (line) => this.#log.line(line));
    this.#encoder = encoder;
    this.#logger.info({ pid: encoder.pid, codec, variants: variants.length, latency: latency.level, audio }, 'transcode started');
    pumpSource(head, this.#reader, encoder.stdin).then(
      (end) => end === 'source-ended' && this.#inputEnded(encoder),
      (error: unknown) => {
        // Not expected (the pump absorbs stream errors); without input ffmpeg is of no use.
        this.#logger.error({ err: error }, 'feeding ffmpeg failed');
        encoder.terminate();
      },
    );
    const end = await encoder.ended;
    return this.#cause ?? { kind: 'failed', message: end.clean ? 'ffmpeg exited by itself' : end.message, lastErrorLines: this.#log.lastLines };
  }

  #inputEnded(encoder: EncoderProcess): void {
    if (!encoder.running()) return;
    this.#cause ??= { kind: 'input-ended' };
    // ffmpeg got EOF and is finishing its files; one that hangs on is stopped.
    const timer = setTimeout(() => encoder.terminate(), FLUSH_TIMEOUT_MS);
    void encoder.ended.finally(() => clearTimeout(timer));
  }
}
