import type { ChatEvent } from '../domain/chat.ts';
import { splitChatFrame } from '../domain/chat-events.ts';
import type { ChatSink } from '../app/chat/chat-api.ts';

/**
 * A `ChatSink` that records frames. With `draining` false it behaves like a client that never
 * reads: every frame stays in `bufferedAmount()`.
 */
export class FakeChatSink implements ChatSink {
  readonly frames: string[] = [];
  /** the first close, if any */
  closedWith: { code: number; reason: string } | undefined;
  closeCalls = 0;
  /** frames sent after `close` (a correct core sends none) */
  sendsAfterClose = 0;
  draining = true;
  #buffered = 0;

  constructor(options: { draining?: boolean } = {}) {
    this.draining = options.draining ?? true;
  }

  send(data: string | Uint8Array): void {
    const frame = typeof data === 'string' ? data : new TextDecoder().decode(data);
    if (this.closedWith !== undefined) this.sendsAfterClose++;
    this.frames.push(frame);
    if (!this.draining) this.#buffered += new TextEncoder().encode(frame).byteLength;
  }

  bufferedAmount(): number {
    return this.draining ? 0 : this.#buffered;
  }

  close(code: number, reason: string): void {
    this.closeCalls++;
    this.closedWith ??= { code, reason };
  }

  /** Every event received, frames split on newlines, in order. */
  events(): ChatEvent[] {
    return this.frames.flatMap((frame) => splitChatFrame(frame) as ChatEvent[]);
  }

  /** The events of one type, in order. */
  ofType(type: string): ChatEvent[] {
    return this.events().filter((event) => event.type === type);
  }

  /** Forgets what was received so far. */
  clear(): void {
    this.frames.length = 0;
  }
}
