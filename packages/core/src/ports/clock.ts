/**
 * Time, injectable so timers and timestamps are testable. Timers never run `fn` synchronously;
 * timeouts run in the order they fall due, and those due at the same moment in the order set.
 */
export interface Clock {
  /** Wall-clock time as a fresh `Date` (changing it changes nothing); a clock correction may make it jump, timers keep their delays. */
  now(): Date;
  /** Runs `fn` once, no sooner than `ms` from now; the returned function cancels it (harmless after it ran, or twice). */
  setTimeout(fn: () => void, ms: number): () => void;
  /** Runs `fn` every `ms` (never more often); the returned function stops it (harmless twice). */
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
