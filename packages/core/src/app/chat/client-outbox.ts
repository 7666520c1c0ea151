import type { ChatSink } from './chat-api.ts';
import { CLOSE_CODES } from './chat-texts.ts';
import { OutboxFlusher } from './outbox-flusher.ts';
import type { SerializedEvent } from './serialized-event.ts';

export interface OutboxLimits {
  /** events waiting to be written; one more and the client is dropped */
  readonly maxPendingEvents: number;
  /** bytes the transport may hold unsent before the client counts as too slow */
  readonly maxBufferedBytes: number;
}

export const DEFAULT_OUTBOX_LIMITS: OutboxLimits = { maxPendingEvents: 256, maxBufferedBytes: 1024 * 1024 };

/** Outboxes built without a flusher share this one (flushes on a microtask). */
const MICROTASK_FLUSHER = new OutboxFlusher();

/**
 * What one socket is waiting to receive. Events queued before its flusher runs go out in ONE
 * frame, joined by `\n` (by default the flusher runs on a microtask; the server's runs once per
 * turn of the event loop). A client that cannot keep up (too many pending events,
 * or more than the limit buffered in the transport) is dropped instead of growing memory: the
 * outbox closes and `onOverflow` runs once.
 */
export class ClientOutbox {
  readonly #sink: ChatSink;
  readonly #limits: OutboxLimits;
  readonly #onOverflow: () => void;
  readonly #flusher: OutboxFlusher;
  #pending: Array<string | SerializedEvent> = [];
  #scheduled = false;
  #closed = false;

  constructor(options: { sink: ChatSink; limits: OutboxLimits; onOverflow: () => void; flusher?: OutboxFlusher | undefined }) {
    this.#sink = options.sink;
    this.#limits = options.limits;
    this.#onOverflow = options.onOverflow;
    this.#flusher = options.flusher ?? MICROTASK_FLUSHER;
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Queues an event (serialised now, so later changes to it do not matter). Ignored once closed. */
  push(event: object | SerializedEvent): void {
    if (this.#closed) return;
    if (this.#pending.length >= this.#limits.maxPendingEvents) {
      this.#overflow();
      return;
    }
    this.#pending.push(isSerialized(event) ? event : JSON.stringify(event));
    if (!this.#scheduled) {
      this.#scheduled = true;
      this.#flusher.add(this);
    }
  }

  /** Writes everything pending as one frame now. */
  flush(): void {
    this.#scheduled = false;
    if (this.#closed || this.#pending.length === 0) return;
    if (this.#sink.bufferedAmount() > this.#limits.maxBufferedBytes) {
      this.#overflow();
      return;
    }
    const pending = this.#pending;
    this.#pending = [];
    // The usual case, broadcast events only: bytes shared with the other sockets go out as they are.
    const frame = pending.every(isSerialized) ? this.#flusher.joined(pending) : pending.map((p) => (typeof p === 'string' ? p : p.json)).join('\n');
    try {
      this.#sink.send(frame);
    } catch {
      // A sink that throws is a dead socket: treat it like one that never drains.
      this.#overflow();
    }
  }

  /** Flushes what is pending, then closes the sink. Runs once; later calls do nothing. */
  close(code: number, reason: string): void {
    if (this.#closed) return;
    this.flush();
    this.#shut(code, reason);
  }

  /** Stops sending without closing the sink (the transport is already gone). */
  abandon(): void {
    this.#closed = true;
    this.#pending = [];
  }

  #overflow(): void {
    if (this.#closed) return;
    this.#shut(CLOSE_CODES.policy, 'too slow: send buffer full');
    this.#onOverflow();
  }

  #shut(code: number, reason: string): void {
    this.#closed = true;
    this.#pending = [];
    try {
      this.#sink.close(code, reason);
    } catch {
      // Already closed by the peer: nothing left to release.
    }
  }
}

function isSerialized(event: object | string): event is SerializedEvent {
  return typeof event === 'object' && 'utf8' in event && 'json' in event && event.utf8 instanceof Uint8Array;
}
