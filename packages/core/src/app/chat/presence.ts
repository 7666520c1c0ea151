import { toChatUserPayload } from '../../domain/chat-events.ts';
import type { ChatBroadcaster } from './chat-broadcaster.ts';
import type { ChatClient } from './chat-client.ts';
import type { ChatContext } from './chat-context.ts';
import { makeChatEvent } from './chat-event.ts';

export interface PresenceOptions {
  /** how long after a user's last socket closes USER_PARTED goes out (a reconnect cancels it) */
  readonly partDelayMs: number;
  /** how long after connecting a client gets the welcome message */
  readonly welcomeDelayMs: number;
}

export const DEFAULT_PRESENCE_OPTIONS: PresenceOptions = { partDelayMs: 10_000, welcomeDelayMs: 7_000 };

/**
 * Joins, parts and the welcome message. A user joins when their first socket opens and parts
 * `partDelayMs` after their last one closes, so a page reload shows neither. Both are announced
 * on the bus (webhooks) always, and shown in chat only while live with join messages enabled.
 */
export class Presence {
  readonly #ctx: ChatContext;
  readonly #broadcaster: ChatBroadcaster;
  readonly #options: PresenceOptions;
  /** user id → cancels their pending USER_PARTED */
  readonly #parting = new Map<string, () => void>();

  constructor(ctx: ChatContext, broadcaster: ChatBroadcaster, options: PresenceOptions) {
    this.#ctx = ctx;
    this.#broadcaster = broadcaster;
    this.#options = options;
  }

  /** A socket was accepted (already in the registry). */
  joined(client: ChatClient): void {
    const reconnected = this.#cancelPart(client.user.id);
    const alreadyHere = this.#ctx.registry.ofUser(client.user.id).some((other) => other !== client);
    if (!reconnected && !alreadyHere) this.#show(makeChatEvent(this.#ctx.clock, 'USER_JOINED', { user: toChatUserPayload(client.user), clientId: client.id }));
    this.#scheduleWelcome(client);
  }

  /** A socket went away (already out of the registry). */
  left(client: ChatClient): void {
    client.cancelWelcome();
    const userId = client.user.id;
    if (this.#ctx.registry.ofUser(userId).length > 0 || this.#parting.has(userId)) return;
    const cancel = this.#ctx.clock.setTimeout(() => {
      this.#parting.delete(userId);
      if (this.#ctx.registry.ofUser(userId).length > 0) return;
      this.#show(makeChatEvent(this.#ctx.clock, 'USER_PARTED', { user: toChatUserPayload(client.user), clientId: client.id }));
    }, this.#options.partDelayMs);
    this.#parting.set(userId, cancel);
  }

  /** Drops a pending part without announcing it (the user was deleted). */
  forget(userId: string): void {
    this.#cancelPart(userId);
  }

  /** Cancels every pending part. */
  stop(): void {
    for (const cancel of this.#parting.values()) cancel();
    this.#parting.clear();
  }

  #cancelPart(userId: string): boolean {
    const cancel = this.#parting.get(userId);
    if (cancel === undefined) return false;
    cancel();
    this.#parting.delete(userId);
    return true;
  }

  #show(event: ReturnType<typeof makeChatEvent>): void {
    if (this.#ctx.isOnline() && this.#ctx.settings.get('chat').joinMessagesEnabled) this.#broadcaster.broadcast(event);
    else this.#broadcaster.announce(event);
  }

  #scheduleWelcome(client: ChatClient): void {
    if (!this.#ctx.isOnline() || this.#ctx.settings.get('serverInfo').welcomeMessage.trim() === '') return;
    client.cancelWelcome = this.#ctx.clock.setTimeout(() => {
      if (client.open) this.#broadcaster.systemTo(client, this.#ctx.settings.get('serverInfo').welcomeMessage);
    }, this.#options.welcomeDelayMs);
  }
}
