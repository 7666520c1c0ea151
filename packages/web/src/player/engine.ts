/**
 * Plays the live HLS stream in a <video>: through hls.js where Media Source Extensions exist
 * (loaded only then, so browsers that play HLS themselves never download it), natively otherwise.
 * Both report the renditions as variant indexes of `/api/video/variants`, so the quality menu is
 * the same whichever engine plays.
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
  destroy(): void;
}

export interface EngineEvents {
  /** The set of variants changed (the master playlist was loaded). */
  onVariants(variants: number[]): void;
  /** An error the engine could not recover from; the caller may attach again. */
  onFatal(message: string): void;
}

export const MASTER_PLAYLIST = '/hls/stream.m3u8';
const MSE_TYPE = 'video/mp4; codecs="avc1.42E01E,mp4a.40.2"';

/** The variant index in a rendition URL such as `/hls/1/stream.m3u8`. */
export function variantOfUrl(url: string): number | undefined {
  const match = /\/hls\/(\d+)\/[^/]*\.m3u8/.exec(url);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

export function canUseMse(): boolean {
  const source = (globalThis as { ManagedMediaSource?: typeof MediaSource }).ManagedMediaSource ?? globalThis.MediaSource;
  return typeof source?.isTypeSupported === 'function' && source.isTypeSupported(MSE_TYPE);
}

export async function attachEngine(video: HTMLVideoElement, events: EngineEvents): Promise<PlaybackEngine> {
  if (canUseMse()) {
    const { attachHlsJs } = await import('./hlsjs-engine.ts');
    return attachHlsJs(video, events);
  }
  if (video.canPlayType('application/vnd.apple.mpegurl') !== '') return attachNative(video, events);
  throw new Error('this browser cannot play HLS video');
}

/** Safari and iOS: the browser plays the master playlist itself; picking a variant loads its playlist directly. */
async function attachNative(video: HTMLVideoElement, events: EngineEvents): Promise<PlaybackEngine> {
  const master = await fetch(MASTER_PLAYLIST, { cache: 'no-store' }).then((r) => (r.ok ? r.text() : ''), () => '');
  const variants = master.split('\n').map((line) => variantOfUrl(new URL(line.trim(), location.origin + MASTER_PLAYLIST).pathname)).filter((v) => v !== undefined);
  video.src = MASTER_PLAYLIST;
  events.onVariants(variants);
  const liveEdge = () => (video.seekable.length > 0 ? video.seekable.end(video.seekable.length - 1) : 0);
  return {
    kind: 'native',
    variants: () => variants,
    selectVariant(index) {
      video.src = index < 0 ? MASTER_PLAYLIST : `/hls/${index}/stream.m3u8`;
      void video.play().catch(() => undefined);
    },
    goLive() {
      const edge = liveEdge();
      if (edge > 0) video.currentTime = Math.max(0, edge - 3);
    },
    latency: () => Math.max(0, liveEdge() - video.currentTime),
    destroy() {
      video.removeAttribute('src');
      video.load();
    },
  };
}
