import type { PlaybackSample } from './playback.ts';

const SEGMENT = /\.(ts|m4s|mp4|aac)(\?|$)/;

/**
 * What a page can see of the browser's own HLS player: its errors, rendition switches (the
 * picture's size changes) and, where the browser lists media downloads in Resource Timing, how
 * long the latest segment took and at what rate (a cross-origin server that does not send
 * `Timing-Allow-Origin` hides the size, so no bandwidth then).
 */
export function measureNative(video: HTMLVideoElement, latency: () => number): { sample(): PlaybackSample; stop(): void } {
  let errors = 0;
  let resizes = 0;
  let downloadDuration: number | undefined;
  let bandwidth: number | undefined;
  const onError = () => (errors += 1);
  const onResize = () => (resizes += 1);
  video.addEventListener('error', onError);
  video.addEventListener('resize', onResize);
  let observer: PerformanceObserver | undefined;
  if (typeof PerformanceObserver === 'function') {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceResourceTiming[]) {
        if (!SEGMENT.test(entry.name) || entry.duration <= 0) continue;
        downloadDuration = entry.duration / 1000;
        // bytes * 8 / ms = kbit/s
        bandwidth = entry.transferSize > 0 ? (entry.transferSize * 8) / entry.duration : bandwidth;
      }
    });
    observer.observe({ type: 'resource' });
  }
  return {
    sample: () => ({
      ...(bandwidth !== undefined ? { bandwidth } : {}),
      ...(video.readyState > 0 ? { latency: latency() } : {}),
      ...(downloadDuration !== undefined ? { downloadDuration } : {}),
      errors,
      // the first resize is the picture appearing, not a switch
      qualityVariantChanges: Math.max(0, resizes - 1),
    }),
    stop() {
      video.removeEventListener('error', onError);
      video.removeEventListener('resize', onResize);
      observer?.disconnect();
    },
  };
}
