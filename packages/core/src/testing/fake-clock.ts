import type { Clock } from '../ports/clock.ts';

interface Timer {
  readonly fn: () => void;
  due: number;
  /** creation order among timers due at the same moment */
  seq: number;
  /** set for intervals */
  readonly every: number | undefined;
}

/**
 * A `Clock` that only moves when told. `advance(ms)` runs every timeout and interval that falls
 * due on the way, in time order, with `now()` reading the moment each one was due.
 */
export class FakeClock implements Clock {
  /** milliseconds advanced since construction: the time timers are scheduled on */
  #elapsed = 0;
  #wallAtZero: number;
  #seq = 0;
  readonly #timers = new Set<Timer>();

  /** Starts at `start` (default 2024-01-01T00:00:00Z, so tests never depend on the real date). */
  constructor(start: Date = new Date(Date.UTC(2024, 0, 1))) {
    this.#wallAtZero = start.getTime();
  }

  now(): Date {
    return new Date(this.#wallAtZero + this.#elapsed);
  }

  setTimeout(fn: () => void, ms: number): () => void {
    return this.#schedule(fn, Math.max(0, ms), undefined);
  }

  setInterval(fn: () => void, ms: number): () => void {
    // An interval of 0 would run forever within one advance; real timers clamp too.
    const every = Math.max(1, ms);
    return this.#schedule(fn, every, every);
  }

  /** Moves time forward, running due timers (including ones they schedule) in order. */
  advance(ms: number): void {
    if (!(ms >= 0) || !Number.isFinite(ms)) throw new RangeError(`cannot advance a clock by ${ms} ms`);
    const target = this.#elapsed + ms;
    for (let timer = this.#next(target); timer !== undefined; timer = this.#next(target)) {
      this.#elapsed = timer.due;
      if (timer.every === undefined) {
        this.#timers.delete(timer);
      } else {
        timer.due += timer.every;
        timer.seq = this.#seq++;
      }
      timer.fn();
    }
    this.#elapsed = target;
  }

  /**
   * Sets the wall-clock time, as an NTP correction would: `now()` jumps, pending timers keep their
   * remaining delays (real timers are monotonic) and nothing runs.
   */
  set(date: Date): void {
    this.#wallAtZero = date.getTime() - this.#elapsed;
  }

  /** How many timeouts and intervals are scheduled (tests check that services cancel theirs). */
  get pendingTimers(): number {
    return this.#timers.size;
  }

  #schedule(fn: () => void, delay: number, every: number | undefined): () => void {
    const timer: Timer = { fn, due: this.#elapsed + delay, seq: this.#seq++, every };
    this.#timers.add(timer);
    return () => void this.#timers.delete(timer);
  }

  #next(limit: number): Timer | undefined {
    let next: Timer | undefined;
    for (const timer of this.#timers) {
      if (timer.due > limit) continue;
      if (next === undefined || timer.due < next.due || (timer.due === next.due && timer.seq < next.seq)) next = timer;
    }
    return next;
  }
}
