import type { SerializedEvent } from './serialized-event.ts';

const NEWLINE = 0x0a;

/** Schedules a callback to run later, never synchronously (e.g. `queueMicrotask`, Node's `setImmediate`). */
export type FlushScheduler = (flush: () => void) => void;

/** Anything with pending writes to flush. */
export interface Flushable {
  flush(): void;
}

/**
 * Flushes every outbox that has something pending in ONE scheduled callback, instead of one
 * callback per socket per event: a broadcast to N sockets schedules once, not N times. With a
 * macrotask scheduler (the server passes `setImmediate`) everything the sockets were sent in one
 * turn of the event loop, across many inbound messages, goes out as one frame per socket.
 */
export class OutboxFlusher {
  readonly #schedule: FlushScheduler;
  #dirty: Flushable[] = [];
  /** the last frame joined, reused by every socket with the same events pending */
  #joined: { events: readonly SerializedEvent[]; bytes: Uint8Array } | undefined;

  constructor(schedule: FlushScheduler = queueMicrotask) {
    this.#schedule = schedule;
  }

  /** Flushes `outbox` with the others at the next scheduled flush. Call once per outbox until it is flushed. */
  add(outbox: Flushable): void {
    if (this.#dirty.push(outbox) === 1) this.#schedule(() => this.#flushAll());
  }

  /**
   * Shared events as one frame's bytes (joined by `\n`). Sockets that were sent the same events
   * in the same order (a turn's broadcasts) share one buffer instead of each building their own.
   */
  joined(events: readonly SerializedEvent[]): Uint8Array {
    if (events.length === 1) return events[0]!.utf8;
    const last = this.#joined;
    if (last !== undefined && last.events.length === events.length && last.events.every((event, i) => event === events[i])) return last.bytes;
    const bytes = new Uint8Array(events.reduce((sum, event) => sum + event.utf8.byteLength + 1, -1));
    let offset = 0;
    for (const event of events) {
      if (offset > 0) bytes[offset++] = NEWLINE;
      bytes.set(event.utf8, offset);
      offset += event.utf8.byteLength;
    }
    this.#joined = { events, bytes };
    return bytes;
  }

  #flushAll(): void {
    const dirty = this.#dirty;
    this.#dirty = [];
    try {
      for (const outbox of dirty) outbox.flush();
    } finally {
      this.#joined = undefined;
    }
  }
}
