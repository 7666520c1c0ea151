import type { LatencyLevel, OutputVariant, VideoCodec } from '../domain/video.ts';

export interface TranscodeRequest {
  /** FLV bytes from the broadcaster, in order. */
  readonly source: ReadableStream<Uint8Array>;
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
  /** Resolves when the first playable playlist exists. Rejects if the job ends first. */
  readonly firstPlaylist: Promise<void>;
  /** Stops the encoder and resolves once `exited` has. Harmless again, concurrently or after the job ended by itself: `exited` keeps its value. */
  stop(): Promise<void>;
}

/** Turns one incoming stream into the HLS ladder, written to `VideoStorage`. */
export interface Transcoder {
  start(request: TranscodeRequest): Promise<TranscodeJob>;
  /** Encoders usable on this machine (always includes libx264 when ffmpeg has it). */
  supportedCodecs(ffmpegPath: string): Promise<VideoCodec[]>;
}
