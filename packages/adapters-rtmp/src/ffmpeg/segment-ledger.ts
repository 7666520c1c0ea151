interface Entry {
  readonly settled: Promise<void>;
  done: boolean;
}

/**
 * The segment writes of one job, so that a variant playlist is written only after the writes of
 * the segments it names have settled (the `HlsOutput` contract).
 *
 * ffmpeg does not wait for our answer to a segment's PUT before it PUTs the playlist naming it
 * (it closes the connection after a non-blocking read), so the two requests can overlap, and in
 * rare scheduling the playlist's request may even be seen first: a segment not yet seen is
 * waited for briefly.
 */
export class SegmentLedger {
  readonly #entries = new Map<string, Entry>();
  readonly #arrivals = new Map<string, Array<() => void>>();

  /** A segment's PUT began; call the returned function once its write settled either way. */
  begin(key: string): () => void {
    let finish!: () => void;
    const entry: Entry = { settled: new Promise<void>((resolve) => (finish = resolve)), done: false };
    this.#entries.set(key, entry);
    for (const wake of this.#arrivals.get(key) ?? []) wake();
    this.#arrivals.delete(key);
    return () => {
      entry.done = true;
      finish();
    };
  }

  /** Resolves when every named segment's write has settled, or was not seen within `waitMs`. */
  async settled(keys: readonly string[], waitMs: number): Promise<void> {
    await Promise.all(keys.map((key) => this.#settled(key, waitMs)));
  }

  /** Forgets settled segments of a variant's folder that its latest playlist no longer names. */
  retain(folder: string, named: readonly string[]): void {
    const keep = new Set(named);
    for (const [key, entry] of this.#entries) if (entry.done && key.startsWith(`${folder}/`) && !keep.has(key)) this.#entries.delete(key);
  }

  async #settled(key: string, waitMs: number): Promise<void> {
    const entry = this.#entries.get(key);
    if (entry !== undefined) return entry.settled;
    const arrived = await new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => {
        const waiting = this.#arrivals.get(key)?.filter((wake) => wake !== onArrival) ?? [];
        if (waiting.length > 0) this.#arrivals.set(key, waiting);
        else this.#arrivals.delete(key);
        // Given up on: later playlists naming it again need not wait for it again.
        if (!this.#entries.has(key)) this.#entries.set(key, { settled: Promise.resolve(), done: true });
        resolve(false);
      }, waitMs);
      const onArrival = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.#arrivals.set(key, [...(this.#arrivals.get(key) ?? []), onArrival]);
    });
    if (arrived) await this.#entries.get(key)?.settled;
  }
}
