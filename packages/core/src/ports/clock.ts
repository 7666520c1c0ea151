/** Time, injectable so timers and timestamps are testable. */
export interface Clock {
  now(): Date;
  /** Runs `fn` after `ms`; the returned function cancels it (harmless after it ran). */
  setTimeout(fn: () => void, ms: number): () => void;
  /** Runs `fn` every `ms`; the returned function stops it. */
  setInterval(fn: () => void, ms: number): () => void;
}

/** The real clock, built on the global timers (web standard). */
export const systemClock: Clock = {
  now: () => new Date(),
  setTimeout(fn, ms) {
    const handle = globalThis.setTimeout(fn, ms);
    return () => globalThis.clearTimeout(handle);
  },
  setInterval(fn, ms) {
    const handle = globalThis.setInterval(fn, ms);
    return () => globalThis.clearInterval(handle);
  },
};
