/**
 * The newest `capacity` items pushed, oldest first: a ring buffer for histories kept in memory
 * (log lines, hardware samples, metric windows) whose size must not grow with uptime.
 */
export class BoundedList<T> {
  readonly capacity: number;
  readonly #items: T[] = [];
  #start = 0;

  constructor(capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`capacity must be a positive integer, got ${capacity}`);
    this.capacity = capacity;
  }

  get size(): number {
    return this.#items.length;
  }

  /** Adds an item, dropping the oldest when full. */
  push(item: T): void {
    if (this.#items.length < this.capacity) {
      this.#items.push(item);
      return;
    }
    this.#items[this.#start] = item;
    this.#start = (this.#start + 1) % this.capacity;
  }

  /** The items, oldest first, as a fresh array. */
  toArray(): T[] {
    return [...this.#items.slice(this.#start), ...this.#items.slice(0, this.#start)];
  }

  /** The newest item; `undefined` when empty. */
  last(): T | undefined {
    if (this.#items.length === 0) return undefined;
    return this.#items[(this.#start + this.#items.length - 1) % this.#items.length];
  }
}
