import type { VideoCodec } from '../domain/video.ts';
import type { TranscodeExit, TranscodeJob, TranscodeRequest, Transcoder } from '../ports/transcoder.ts';

/** A transcode job the test drives: `playlistReady()` and `exit()` stand in for ffmpeg. */
export class FakeTranscodeJob implements TranscodeJob {
  readonly request: TranscodeRequest;
  readonly exited: Promise<TranscodeExit>;
  readonly firstPlaylist: Promise<void>;
  /** How many times `stop()` was called. */
  stopCalls = 0;
  #ended = false;
  #resolveExit!: (exit: TranscodeExit) => void;
  #resolvePlaylist!: () => void;
  #rejectPlaylist!: (reason: Error) => void;

  constructor(request: TranscodeRequest) {
    this.request = request;
    this.exited = new Promise((resolve) => (this.#resolveExit = resolve));
    this.firstPlaylist = new Promise<void>((resolve, reject) => {
      this.#resolvePlaylist = resolve;
      this.#rejectPlaylist = reject;
    });
    // Nobody need listen for a rejected first playlist: it is expected when a job ends early.
    this.firstPlaylist.catch(() => undefined);
  }

  get ended(): boolean {
    return this.#ended;
  }

  /** The first playable playlist now exists. */
  playlistReady(): void {
    this.#resolvePlaylist();
  }

  /** Ends the job (once; later calls are ignored, as `exited` resolves once). */
  exit(exit: TranscodeExit): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#rejectPlaylist(new Error(`transcode ended before the first playlist: ${exit.kind}`));
    this.#resolveExit(exit);
  }

  async stop(): Promise<void> {
    this.stopCalls++;
    this.exit({ kind: 'stopped' });
    await this.exited;
  }
}

/** A `Transcoder` that records its jobs instead of running ffmpeg. */
export class FakeTranscoder implements Transcoder {
  readonly jobs: FakeTranscodeJob[] = [];
  /** When set, the next `start` rejects with it (then it is cleared). */
  failNextStart: Error | undefined;
  readonly #codecs: VideoCodec[];

  constructor(codecs: readonly VideoCodec[] = ['libx264']) {
    this.#codecs = [...codecs];
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
    const job = new FakeTranscodeJob(request);
    this.jobs.push(job);
    return job;
  }

  async supportedCodecs(): Promise<VideoCodec[]> {
    return [...this.#codecs];
  }
}
