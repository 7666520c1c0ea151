/**
 * How many segments that have left a playlist are kept before deletion: a player that fetched
 * the previous playlist a moment ago may still ask for them.
 */
export const RETIRED_SEGMENTS_KEPT = 4;

/**
 * The segments one playlist names, and those it has stopped naming, which stay a while
 * (`RETIRED_SEGMENTS_KEPT`) before they are deleted. A segment named again is no longer retired.
 */
export class SegmentWindow {
  #current: ReadonlySet<string> = new Set();
  #retired: string[] = [];

  /** Takes the segments the playlist's newest version names; answers the retired ones now due for deletion. */
  advance(names: Iterable<string>): string[] {
    const current = new Set(names);
    for (const key of this.#current) if (!current.has(key) && !this.#retired.includes(key)) this.#retired.push(key);
    this.#retired = this.#retired.filter((key) => !current.has(key));
    this.#current = current;
    return this.#retired.splice(0, Math.max(0, this.#retired.length - RETIRED_SEGMENTS_KEPT));
  }
}
