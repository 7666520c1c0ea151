import Hls, { type ErrorData } from 'hls.js/light';
import { MASTER_PLAYLIST, variantOfUrl, type EngineEvents, type PlaybackEngine } from './playback.ts';

const RETRY_MS = 2_000;

/**
 * hls.js tuned for a live stream: start and stay about three segments behind the live edge,
 * speed up slightly to catch up after a stall, keep little back buffer, and retry network
 * errors (segments come and go with the live window) before giving up.
 */
export function attachHlsJs(video: HTMLVideoElement, events: EngineEvents): PlaybackEngine {
  const hls = new Hls({
    liveSyncDurationCount: 3,
    liveMaxLatencyDurationCount: 6,
    maxLiveSyncPlaybackRate: 1.25,
    backBufferLength: 30,
    enableWorker: true,
    manifestLoadingMaxRetry: 4,
    levelLoadingMaxRetry: 6,
    fragLoadingMaxRetry: 6,
  });
  let variants: number[] = [];
  let mediaRecoveries = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const measured = { errors: 0, levelSwitches: 0, fragments: 0, downloadDuration: undefined as number | undefined };

  hls.on(Hls.Events.MANIFEST_PARSED, (_event, data) => {
    variants = data.levels.map((level) => variantOfUrl(level.url[0] ?? '') ?? -1);
    events.onVariants(variants.filter((v) => v >= 0));
  });
  hls.on(Hls.Events.FRAG_BUFFERED, () => (mediaRecoveries = 0));
  hls.on(Hls.Events.FRAG_LOADED, (_event, { frag }) => {
    const { start, end } = frag.stats.loading;
    if (end >= start && start > 0) measured.downloadDuration = (end - start) / 1000;
    measured.fragments += 1;
  });
  hls.on(Hls.Events.LEVEL_SWITCHED, () => (measured.levelSwitches += 1));
  hls.on(Hls.Events.ERROR, (_event, data: ErrorData) => {
    measured.errors += 1;
    if (!data.fatal) return;
    if (data.type === Hls.ErrorTypes.MEDIA_ERROR && mediaRecoveries < 3) {
      mediaRecoveries += 1;
      hls.recoverMediaError();
    } else if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => hls.startLoad(), RETRY_MS);
    } else {
      events.onFatal(data.details);
    }
  });
  hls.attachMedia(video);
  hls.loadSource(MASTER_PLAYLIST);

  return {
    kind: 'hls.js',
    variants: () => variants.filter((v) => v >= 0),
    selectVariant(index) {
      // hls.js orders levels by bitrate, not as the master lists them: find the level by its URL.
      hls.currentLevel = index < 0 ? -1 : variants.indexOf(index);
    },
    goLive() {
      if (hls.liveSyncPosition !== null) video.currentTime = hls.liveSyncPosition;
    },
    latency: () => hls.latency,
    sample: () => ({
      // hls.js answers a default guess until it has timed a download: only a measured figure is reported.
      ...(measured.fragments > 0 && Number.isFinite(hls.bandwidthEstimate) ? { bandwidth: hls.bandwidthEstimate / 1000 } : {}),
      ...(measured.fragments > 0 ? { latency: hls.latency } : {}),
      ...(measured.downloadDuration !== undefined ? { downloadDuration: measured.downloadDuration } : {}),
      errors: measured.errors,
      qualityVariantChanges: Math.max(0, measured.levelSwitches - 1),
    }),
    destroy() {
      clearTimeout(retryTimer);
      hls.destroy();
    },
  };
}
