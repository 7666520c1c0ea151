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

/** How a transcode ended: asked to stop, the input ended, or the encoder failed. */
export type TranscodeExit =
  | { kind: 'stopped' }
  | { kind: 'input-ended' }
  | { kind: 'failed'; message: string; lastErrorLines: readonly string[] };

export interface TranscodeJob {
  /** Resolves once, when the job has ended for any reason. */
  readonly exited: Promise<TranscodeExit>;
  /** Resolves when the first playable playlist exists. Rejects if the job ends first. */
  readonly firstPlaylist: Promise<void>;
  /** Stops the encoder and waits for it; calling it again is harmless. */
  stop(): Promise<void>;
}

/** Turns one incoming stream into the HLS ladder, written to `VideoStorage`. */
export interface Transcoder {
  start(request: TranscodeRequest): Promise<TranscodeJob>;
  /** Encoders usable on this machine (always includes libx264 when ffmpeg has it). */
  supportedCodecs(ffmpegPath: string): Promise<VideoCodec[]>;
}
