import { measureNative } from './native-measurements.ts';
import { MASTER_PLAYLIST, variantOfUrl, variantPlaylist, type EngineEvents, type PlaybackEngine } from './playback.ts';

const MSE_TYPE = 'video/mp4; codecs="avc1.42E01E,mp4a.40.2"';

export function canUseMse(): boolean {
  const source = (globalThis as { ManagedMediaSource?: typeof MediaSource }).ManagedMediaSource ?? globalThis.MediaSource;
  return typeof source?.isTypeSupported === 'function' && source.isTypeSupported(MSE_TYPE);
}

/**
 * Plays the live HLS stream in a <video>: through hls.js where Media Source Extensions exist
 * (loaded only then, so browsers that play HLS themselves never download it), natively otherwise.
 */
export async function attachEngine(video: HTMLVideoElement, events: EngineEvents): Promise<PlaybackEngine> {
  if (canUseMse()) {
    const { attachHlsJs } = await import('./hlsjs-engine.ts');
    return attachHlsJs(video, events);
  }
  if (video.canPlayType('application/vnd.apple.mpegurl') !== '') return attachNative(video, events);
  throw new Error('this browser cannot play HLS video');
}

/**
 * Safari and iOS: the browser plays the master playlist itself; picking a variant loads its
 * playlist directly. Some native players fail when they switch between renditions (Chromium's
 * reports DEMUXER_ERROR_COULD_NOT_PARSE with a 360p/180p ladder whose audio has the same codec
 * parameters, AAC-LC 48 kHz, by ffprobe; the video's size, level and frame rate differ): if the
 * master playlist fails, playback moves to one rendition, and "Auto" means that rendition from
 * then on.
 */
async function attachNative(video: HTMLVideoElement, events: EngineEvents): Promise<PlaybackEngine> {
  const master = await fetch(MASTER_PLAYLIST, { cache: 'no-store' }).then((r) => (r.ok ? r.text() : ''), () => '');
  const variants = master.split('\n').map((line) => variantOfUrl(new URL(line.trim(), location.origin + MASTER_PLAYLIST).pathname)).filter((v) => v !== undefined);
  let auto = MASTER_PLAYLIST;
  const load = (src: string) => {
    video.src = src;
    void video.play().catch(() => undefined);
  };
  const onError = () => {
    if (auto !== MASTER_PLAYLIST || !video.src.endsWith(MASTER_PLAYLIST) || variants[0] === undefined) return;
    auto = variantPlaylist(variants[0]);
    load(auto);
  };
  video.addEventListener('error', onError);
  video.src = MASTER_PLAYLIST;
  events.onVariants(variants);
  const liveEdge = () => (video.seekable.length > 0 ? video.seekable.end(video.seekable.length - 1) : 0);
  const latency = () => Math.max(0, liveEdge() - video.currentTime);
  const measurements = measureNative(video, latency);
  return {
    kind: 'native',
    variants: () => variants,
    selectVariant: (index) => load(index < 0 ? auto : variantPlaylist(index)),
    goLive() {
      const edge = liveEdge();
      if (edge > 0) video.currentTime = Math.max(0, edge - 3);
    },
    latency,
    sample: measurements.sample,
    destroy() {
      measurements.stop();
      video.removeEventListener('error', onError);
      video.removeAttribute('src');
      video.load();
    },
  };
}
