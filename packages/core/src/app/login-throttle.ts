import type { Clock } from '../ports/clock.ts';

export interface LoginThrottleOptions {
  /** failures an address may make before it must wait (default 5) */
  readonly freeFailures?: number;
  /** the first wait; each further failure doubles it (default 1 s) */
  readonly baseDelayMs?: number;
  /** the longest wait (default 15 min) */
  readonly maxDelayMs?: number;
  /** addresses remembered at most; the least recently failing are forgotten first (default 10,000) */
  readonly maxAddresses?: number;
  /** an address with no failure for this long starts afresh (default 1 h) */
  readonly forgetAfterMs?: number;
}

interface Record {
  failures: number;
  lastFailureAt: number;
  blockedUntil: number;
}

/**
 * Slows down password guessing per client address: after a few free failures each further one
 * blocks the address for a doubling delay, during which attempts are refused without checking
 * the password at all. A success clears the address. Memory is bounded by `maxAddresses`.
 */
export class LoginThrottle {
  readonly #clock: Clock;
  readonly #free: number;
  readonly #base: number;
  readonly #max: number;
  readonly #maxAddresses: number;
  readonly #forgetAfter: number;
  // Map order is insertion order: failing again re-inserts, so the first key is the stalest.
  readonly #records = new Map<string, Record>();

  constructor(clock: Clock, options: LoginThrottleOptions = {}) {
    this.#clock = clock;
    this.#free = options.freeFailures ?? 5;
    this.#base = options.baseDelayMs ?? 1000;
    this.#max = options.maxDelayMs ?? 15 * 60_000;
    this.#maxAddresses = options.maxAddresses ?? 10_000;
    this.#forgetAfter = options.forgetAfterMs ?? 60 * 60_000;
  }

  /** Milliseconds `address` must still wait before trying again; 0 when it may try now. */
  retryAfterMs(address: string): number {
    const record = this.#current(address);
    return record === undefined ? 0 : Math.max(0, record.blockedUntil - this.#clock.now().getTime());
  }

  /** Records a failed attempt, blocking the address once its free failures are used up. */
  failed(address: string): void {
    const now = this.#clock.now().getTime();
    const record = this.#current(address) ?? { failures: 0, lastFailureAt: now, blockedUntil: 0 };
    record.failures += 1;
    record.lastFailureAt = now;
    const over = record.failures - this.#free;
    if (over > 0) record.blockedUntil = now + Math.min(this.#max, this.#base * 2 ** Math.min(over - 1, 40));
    this.#records.delete(address);
    this.#records.set(address, record);
    while (this.#records.size > this.#maxAddresses) this.#records.delete(this.#records.keys().next().value!);
  }

  /** A successful login: the address starts afresh. */
  succeeded(address: string): void {
    this.#records.delete(address);
  }

  /** How many addresses are remembered (for tests of the memory bound). */
  get size(): number {
    return this.#records.size;
  }

  #current(address: string): Record | undefined {
    const record = this.#records.get(address);
    if (record !== undefined && this.#clock.now().getTime() - record.lastFailureAt > this.#forgetAfter && record.blockedUntil <= this.#clock.now().getTime()) {
      this.#records.delete(address);
      return undefined;
    }
    return record;
  }
}
