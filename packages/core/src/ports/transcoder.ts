import type { LatencyLevel, OutputVariant, VideoCodec } from '../domain/video.ts';

/**
 * Where a transcode job delivers every file it makes: `stream.m3u8` (master), `<N>/stream.m3u8`
 * (variant playlists), `<N>/<name>.ts` (segments), `thumbnail.jpg` and `preview.gif`.
 */
export interface HlsOutput {
  /**
   * Takes one file; resolves once it is stored. A job writes a variant playlist only after the
   * writes of the segments it names have resolved. A rejection means the file was not stored:
   * the job logs it and carries on (the next playlist supersedes a lost one).
   */
  write(path: string, body: Uint8Array): Promise<void>;
}

export interface TranscodeRequest {
  /** FLV bytes from the broadcaster, in order. */
  readonly source: ReadableStream<Uint8Array>;
  /** Receives the playlists, segments and thumbnails. */
  readonly output: HlsOutput;
  readonly variants: readonly OutputVariant[];
  readonly latency: LatencyLevel;
  readonly codec: VideoCodec;
  /** '' means find ffmpeg on the PATH */
  readonly ffmpegPath: string;
}

/**
 * How a transcode ended; the first cause wins. `stopped`: `stop()` was called. `input-ended`:
 * `source` closed or errored (the publisher left or was dropped) and the encoder finished what
 * it had. `failed`: the encoder failed by itself.
 */
export type TranscodeExit =
  | { kind: 'stopped' }
  | { kind: 'input-ended' }
  | { kind: 'failed'; message: string; lastErrorLines: readonly string[] };

export interface TranscodeJob {
  /** Resolves once, when the job has ended for any reason; by then the job has let go of `source`, cancelling it if it was still open. */
  readonly exited: Promise<TranscodeExit>;
  /**
   * Resolves when the stream is playable: the master playlist and a variant playlist naming at
   * least one segment have been written to `output` (their writes resolved). Rejects if the job
   * ends first.
   */
  readonly firstPlaylist: Promise<void>;
  /** Stops the encoder and resolves once `exited` has. Harmless again, concurrently or after the job ended by itself: `exited` keeps its value. */
  stop(): Promise<void>;
}

/** Turns one incoming stream into the HLS ladder, delivered to an `HlsOutput`. */
export interface Transcoder {
  start(request: TranscodeRequest): Promise<TranscodeJob>;
  /** Encoders usable on this machine (always includes libx264 when ffmpeg has it). */
  supportedCodecs(ffmpegPath: string): Promise<VideoCodec[]>;
  /**
   * A short MPEG-TS clip (a few seconds, H.264 + AAC) that players show after the stream ends,
   * appended to every variant playlist. The same bytes each call; made once and cached.
   */
  offlineClip(ffmpegPath: string): Promise<{ body: Uint8Array; durationSeconds: number }>;
}
