import { useEffect, useRef, useState } from 'preact/hooks';
import type { Variant } from '../shared/api.ts';
import { attachEngine } from './engine.ts';
import type { PlaybackEngine } from './playback.ts';
import { startPlaybackReports } from './playback-reports.ts';
import { QualityMenu } from './quality-menu.tsx';

export interface PlayerProps {
  /** Variants from `/api/video/variants` (their names label the quality menu). */
  variants: Variant[];
  /** `off` waits for the viewer; `always` starts at once (muted if the browser insists). */
  autoplay: string;
  /** Shown on the poster until the stream plays. */
  poster?: string;
}

const BEHIND_LIVE_S = 12;

/**
 * The live player: a native <video> with the browser's own controls (keyboard and screen reader
 * friendly), a play button until the viewer starts it, the quality menu and a "go live" button
 * that appears when playback falls behind the live edge. While it plays it reports its health to
 * `/api/metrics/playback` (see playback-reports.ts). It is mounted only while the stream is
 * online; unmounting tears the engine down.
 */
export function Player({ variants, autoplay, poster }: PlayerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const engineRef = useRef<PlaybackEngine | undefined>(undefined);
  const [offered, setOffered] = useState<number[]>([]);
  const [selected, setSelected] = useState(-1);
  const [started, setStarted] = useState(false);
  const [behind, setBehind] = useState(false);
  const [error, setError] = useState<string>();
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let cancelled = false;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let stopReports: (() => void) | undefined;
    attachEngine(video, {
      onVariants: (list) => !cancelled && setOffered(list),
      onFatal: (message) => {
        if (cancelled) return;
        setError(`Playback failed (${message}); retrying…`);
        retry = setTimeout(() => setAttempt((n) => n + 1), 3_000);
      },
    }).then(
      (engine) => {
        if (cancelled) return engine.destroy();
        engineRef.current = engine;
        stopReports = startPlaybackReports(engine, video);
        setError(undefined);
        if (autoplay !== 'off') void start(video, autoplay === 'always').then(setStarted);
      },
      (failure: Error) => !cancelled && setError(failure.message),
    );
    return () => {
      cancelled = true;
      clearTimeout(retry);
      stopReports?.();
      engineRef.current?.destroy();
      engineRef.current = undefined;
    };
  }, [attempt]);

  useEffect(() => {
    const timer = setInterval(() => setBehind((engineRef.current?.latency() ?? 0) > BEHIND_LIVE_S), 2_000);
    return () => clearInterval(timer);
  }, []);

  const play = async () => {
    const video = videoRef.current;
    if (!video) return;
    setStarted(await start(video, true));
  };
  const choose = (index: number) => {
    setSelected(index);
    engineRef.current?.selectVariant(index);
  };

  return (
    <div class="player">
      <div class="player-frame">
        <video ref={videoRef} class="player-video" controls={started} playsInline poster={poster} aria-label="Live video" onPlay={() => setStarted(true)} />
        {!started && (
          <button type="button" class="player-start" onClick={play} aria-label="Play the live stream">
            <span aria-hidden="true">▶</span>
          </button>
        )}
        {error && <p class="player-error" role="status">{error}</p>}
      </div>
      <div class="player-bar">
        <QualityMenu variants={variants} offered={offered} selected={selected} onChange={choose} />
        {behind && (
          <button type="button" class="button" onClick={() => engineRef.current?.goLive()}>
            Go live
          </button>
        )}
      </div>
    </div>
  );
}

/** Starts playback; when the browser refuses sound without a gesture, tries muted if allowed. */
async function start(video: HTMLVideoElement, mutedFallback: boolean): Promise<boolean> {
  try {
    await video.play();
    return true;
  } catch {
    if (!mutedFallback) return false;
    video.muted = true;
    return video.play().then(() => true, () => false);
  }
}
