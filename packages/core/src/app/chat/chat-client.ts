import type { ChatUser } from '../../domain/chat.ts';
import type { GeoDetails } from '../../domain/viewers.ts';
import type { ClientOutbox } from './client-outbox.ts';
import type { SerializedEvent } from './serialized-event.ts';
import type { TokenBucket } from './token-bucket.ts';

/** One accepted chat socket and what the core knows about it. */
export class ChatClient {
  readonly id: number;
  readonly connectedAt: Date;
  readonly ipAddress: string;
  readonly userAgent: string;
  readonly outbox: ClientOutbox;
  readonly limiter: TokenBucket;
  user: ChatUser;
  geo: GeoDetails | null = null;
  messageCount = 0;
  /** epoch ms until which messages are dropped (flood protection) */
  mutedUntil = 0;
  /** frames received but not handled yet (bounded by the connector) */
  inFlight = 0;
  /** serialises handling so one client's frames take effect in order */
  queue: Promise<void> = Promise.resolve();
  /** cancels the pending welcome message */
  cancelWelcome: () => void = () => {};

  constructor(init: { id: number; user: ChatUser; connectedAt: Date; ipAddress: string; userAgent: string; outbox: ClientOutbox; limiter: TokenBucket }) {
    this.id = init.id;
    this.user = init.user;
    this.connectedAt = init.connectedAt;
    this.ipAddress = init.ipAddress;
    this.userAgent = init.userAgent;
    this.outbox = init.outbox;
    this.limiter = init.limiter;
  }

  get open(): boolean {
    return !this.outbox.closed;
  }

  send(event: object | SerializedEvent): void {
    this.outbox.push(event);
  }
}
