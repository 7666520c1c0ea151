/** One cached object. The cache owns `body`: callers copy before handing it out. */
export interface CachedObject {
  readonly body: Uint8Array;
  readonly contentType: string;
}

/**
 * Least-recently-used objects, bounded by the total size of their bodies rather than their
 * count: a live window holds a few large segments and many tiny playlists.
 */
export class ByteLruCache {
  readonly #maxBytes: number;
  // A Map iterates in insertion order, so re-inserting on use keeps the oldest entry first.
  readonly #entries = new Map<string, CachedObject>();
  #bytes = 0;

  /** `maxBytes` bounds the sum of cached body sizes; 0 disables the cache. */
  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  /** The sum of the cached body sizes, never above `maxBytes`. */
  get bytes(): number {
    return this.#bytes;
  }

  /** The entry, now marked most recently used; `undefined` when not cached. */
  get(key: string): CachedObject | undefined {
    const entry = this.#entries.get(key);
    if (entry === undefined) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry;
  }

  /**
   * Caches `entry`, evicting the least recently used ones to make room. An entry over a quarter
   * of the budget is not cached (and drops any older entry for the key): one big object must not
   * flush the whole live window.
   */
  set(key: string, entry: CachedObject): void {
    this.delete(key);
    if (this.#maxBytes === 0 || entry.body.byteLength > this.#maxBytes / 4) return;
    this.#entries.set(key, entry);
    this.#bytes += entry.body.byteLength;
    for (const [oldest, old] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= old.body.byteLength;
    }
  }

  /** Forgets `key`; a key not cached is ignored. */
  delete(key: string): void {
    const entry = this.#entries.get(key);
    if (entry === undefined) return;
    this.#entries.delete(key);
    this.#bytes -= entry.body.byteLength;
  }

  /** Whether `key` is cached, without marking it used. */
  has(key: string): boolean {
    return this.#entries.has(key);
  }
}
