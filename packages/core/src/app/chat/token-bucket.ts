/**
 * A token bucket: `capacity` tokens, refilled continuously at `capacity / perMs`. Time is passed
 * in (milliseconds), so the bucket works with any clock.
 */
export class TokenBucket {
  readonly #capacity: number;
  readonly #refillPerMs: number;
  #tokens: number;
  #last: number;

  constructor(options: { capacity: number; perMs: number; now: number }) {
    this.#capacity = options.capacity;
    this.#refillPerMs = options.capacity / options.perMs;
    this.#tokens = options.capacity;
    this.#last = options.now;
  }

  /** Takes one token if there is one; `false` when the bucket is empty. */
  take(now: number): boolean {
    // A clock stepping backwards must not drain the bucket.
    const elapsed = Math.max(0, now - this.#last);
    this.#last = Math.max(this.#last, now);
    this.#tokens = Math.min(this.#capacity, this.#tokens + elapsed * this.#refillPerMs);
    if (this.#tokens < 1) return false;
    this.#tokens -= 1;
    return true;
  }
}
