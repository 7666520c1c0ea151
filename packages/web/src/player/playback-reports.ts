import type { PlaybackSample } from './playback.ts';

/** About once a minute, as Owncast's player reports: the server aggregates per minute. */
export const REPORT_EVERY_MS = 60_000;
const METRICS_PATH = '/api/metrics/playback';

/**
 * How often to report: `?playbackReportSeconds=N` on the page's URL (1–3600) overrides the
 * minute, so a test or an operator watching the admin's stream health need not wait.
 */
export function reportEveryMs(search: string = location.search): number {
  const seconds = Number(new URLSearchParams(search).get('playbackReportSeconds') ?? '');
  return Number.isInteger(seconds) && seconds >= 1 && seconds <= 3600 ? seconds * 1000 : REPORT_EVERY_MS;
}

/**
 * The body of one `POST /api/metrics/playback`: the counters as differences since the previous
 * report, the measurements as they are now, rounded; unmeasured figures are left out.
 */
export function reportBody(now: PlaybackSample, previous: Pick<PlaybackSample, 'errors' | 'qualityVariantChanges'>): Record<string, number> {
  const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    ...(now.bandwidth !== undefined ? { bandwidth: Math.round(now.bandwidth) } : {}),
    ...(now.latency !== undefined ? { latency: round(now.latency, 2) } : {}),
    ...(now.downloadDuration !== undefined ? { downloadDuration: round(now.downloadDuration, 3) } : {}),
    errors: Math.max(0, now.errors - previous.errors),
    qualityVariantChanges: Math.max(0, now.qualityVariantChanges - previous.qualityVariantChanges),
  };
}

/**
 * Reports one engine's playback health every `everyMs` while the video plays (a paused player
 * has nothing to say about the stream), and once more on stop if errors or switches are still
 * unreported. A report that fails is folded into the next one.
 */
export function startPlaybackReports(engine: { sample(): PlaybackSample }, video: HTMLVideoElement, everyMs: number = reportEveryMs()): () => void {
  let sent: Pick<PlaybackSample, 'errors' | 'qualityVariantChanges'> = { errors: 0, qualityVariantChanges: 0 };
  const report = (keepalive: boolean) => {
    const now = engine.sample();
    const body = reportBody(now, sent);
    const counted = { errors: now.errors, qualityVariantChanges: now.qualityVariantChanges };
    void fetch(METRICS_PATH, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), keepalive }).then(
      (response) => response.ok && (sent = counted),
      () => undefined,
    );
  };
  const timer = setInterval(() => !video.paused && report(false), everyMs);
  return () => {
    clearInterval(timer);
    const now = engine.sample();
    if (now.errors > sent.errors || now.qualityVariantChanges > sent.qualityVariantChanges) report(true);
  };
}
