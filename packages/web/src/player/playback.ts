/**
 * What a playback engine (hls.js or the browser's own HLS) offers the player. Both report the
 * renditions as variant indexes of `/api/video/variants`, so the quality menu is the same
 * whichever engine plays.
 */
export interface PlaybackEngine {
  readonly kind: 'hls.js' | 'native';
  /** Variant indexes the stream offers, in the master playlist's order. */
  variants(): number[];
  /** The variant to play; -1 lets the player choose by bandwidth. */
  selectVariant(index: number): void;
  /** Jumps to the live edge (after a pause or a stall). */
  goLive(): void;
  /** Seconds behind the live edge (0 when unknown). */
  latency(): number;
  /** What the engine has measured since it was attached (for the playback health reports). */
  sample(): PlaybackSample;
  destroy(): void;
}

/**
 * Playback figures as an engine measured them: counters since the engine was attached, the
 * rest as of now; a figure the engine could not measure is left out rather than guessed.
 */
export interface PlaybackSample {
  /** kbps: the engine's estimate of the network throughput, from the segments it downloaded */
  readonly bandwidth?: number;
  /** seconds behind the live edge */
  readonly latency?: number;
  /** seconds the latest segment took to download */
  readonly downloadDuration?: number;
  readonly errors: number;
  /** switches from one rendition to another (the first choice is not a switch) */
  readonly qualityVariantChanges: number;
}

export interface EngineEvents {
  /** The set of variants changed (the master playlist was loaded). */
  onVariants(variants: number[]): void;
  /** An error the engine could not recover from; the caller may attach again. */
  onFatal(message: string): void;
}

export const MASTER_PLAYLIST = '/hls/stream.m3u8';

/** The playlist of one rendition, e.g. `/hls/1/stream.m3u8` (the inverse of {@link variantOfUrl}). */
export function variantPlaylist(index: number): string {
  return `/hls/${index}/stream.m3u8`;
}

/** The variant index in a rendition URL such as `/hls/1/stream.m3u8`. */
export function variantOfUrl(url: string): number | undefined {
  const match = /\/hls\/(\d+)\/[^/]*\.m3u8/.exec(url);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
