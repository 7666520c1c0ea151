import type { VideoCodec } from '../domain/video.ts';
import type { TranscodeExit, TranscodeJob, TranscodeRequest, Transcoder } from '../ports/transcoder.ts';

/** Two MPEG-TS packets' worth of bytes, starting with the TS sync byte as real segments do. */
const FAKE_SEGMENT = Uint8Array.from({ length: 376 }, (_, i) => (i % 188 === 0 ? 0x47 : 0xff));

function encode(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}


/**
 * A transcode job the test drives: `playlistReady()` and `exit()` stand in for ffmpeg. With
 * `followSource` it also reads its source as an encoder would: the first chunk makes the first
 * playlist, and the source closing or erroring ends the job with 'input-ended'.
 */
export class FakeTranscodeJob implements TranscodeJob {
  readonly request: TranscodeRequest;
  readonly exited: Promise<TranscodeExit>;
  readonly firstPlaylist: Promise<void>;
  /** How many times `stop()` was called. */
  stopCalls = 0;
  #ended = false;
  #segments = 0;
  #reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
  #resolveExit!: (exit: TranscodeExit) => void;
  #resolvePlaylist!: () => void;
  #rejectPlaylist!: (reason: Error) => void;

  constructor(request: TranscodeRequest, options: { followSource?: boolean } = {}) {
    this.request = request;
    this.exited = new Promise((resolve) => (this.#resolveExit = resolve));
    this.firstPlaylist = new Promise<void>((resolve, reject) => {
      this.#resolvePlaylist = resolve;
      this.#rejectPlaylist = reject;
    });
    // Nobody need listen for a rejected first playlist: it is expected when a job ends early.
    this.firstPlaylist.catch(() => undefined);
    if (options.followSource === true) void this.#follow(request.source.getReader());
  }

  get ended(): boolean {
    return this.#ended;
  }

  /**
   * The stream becomes playable: writes, as an encoder would, one segment per variant, then the
   * variant playlists naming them and the master playlist, then resolves `firstPlaylist`.
   * Later calls add a segment to every variant. Writes after the job ended are dropped.
   */
  async playlistReady(): Promise<void> {
    if (this.#ended) return;
    const sequence = ++this.#segments;
    const { output, variants, latency } = this.request;
    const master = ['#EXTM3U', ...variants.flatMap((_, index) => ['#EXT-X-STREAM-INF:BANDWIDTH=1000000', `${index}/stream.m3u8`])].join('\n');
    for (const index of variants.keys()) {
      await output.write(`${index}/stream-${sequence}.ts`, FAKE_SEGMENT);
      const entries = Array.from({ length: sequence }, (_, i) => `#EXTINF:${latency.secondsPerSegment}.000,\nstream-${i + 1}.ts`);
      await output.write(`${index}/stream.m3u8`, encode(['#EXTM3U', '#EXT-X-VERSION:3', `#EXT-X-TARGETDURATION:${latency.secondsPerSegment}`, '#EXT-X-MEDIA-SEQUENCE:0', ...entries, ''].join('\n')));
    }
    await output.write('stream.m3u8', encode(`${master}\n`));
    this.#resolvePlaylist();
  }

  /** Ends the job (once; later calls are ignored, as `exited` resolves once) and lets go of the source. */
  exit(exit: TranscodeExit): void {
    if (this.#ended) return;
    this.#ended = true;
    const source = this.request.source;
    // An ended encoder reads no more: cancelling tells the ingest nobody will.
    const letGo = this.#reader !== undefined ? this.#reader.cancel() : source.locked ? undefined : source.cancel();
    letGo?.catch(() => undefined);
    this.#rejectPlaylist(new Error(`transcode ended before the first playlist: ${exit.kind}`));
    this.#resolveExit(exit);
  }

  async stop(): Promise<void> {
    this.stopCalls++;
    this.exit({ kind: 'stopped' });
    await this.exited;
  }

  async #follow(reader: ReadableStreamDefaultReader<Uint8Array>): Promise<void> {
    this.#reader = reader;
    try {
      for (let read = await reader.read(); !read.done; read = await reader.read()) if (this.#segments === 0) await this.playlistReady();
    } catch {
      // An erroring source is a dropped publisher: for the encoder, its input ended all the same.
    }
    this.exit({ kind: 'input-ended' });
  }
}

export interface FakeTranscoderOptions {
  /** What `supportedCodecs` answers; default ['libx264']. */
  readonly codecs?: readonly VideoCodec[];
  /** Jobs read their source (see `FakeTranscodeJob`); off by default, so tests drive every job. */
  readonly followSource?: boolean;
}

/** A `Transcoder` that records its jobs instead of running ffmpeg. */
export class FakeTranscoder implements Transcoder {
  readonly jobs: FakeTranscodeJob[] = [];
  /** When set, the next `start` rejects with it (then it is cleared). */
  failNextStart: Error | undefined;
  readonly #codecs: VideoCodec[];
  readonly #followSource: boolean;

  constructor(options: FakeTranscoderOptions = {}) {
    this.#codecs = [...(options.codecs ?? ['libx264'])];
    this.#followSource = options.followSource ?? false;
  }

  /** The most recent job; throws when none was started, so tests fail clearly. */
  get lastJob(): FakeTranscodeJob {
    const job = this.jobs.at(-1);
    if (job === undefined) throw new Error('no transcode job was started');
    return job;
  }

  async start(request: TranscodeRequest): Promise<FakeTranscodeJob> {
    const failure = this.failNextStart;
    if (failure !== undefined) {
      this.failNextStart = undefined;
      throw failure;
    }
    const job = new FakeTranscodeJob(request, { followSource: this.#followSource });
    this.jobs.push(job);
    return job;
  }

  async supportedCodecs(): Promise<VideoCodec[]> {
    return [...this.#codecs];
  }

  async offlineClip(): Promise<{ body: Uint8Array; durationSeconds: number }> {
    return { body: FAKE_SEGMENT, durationSeconds: 8 };
  }
}
