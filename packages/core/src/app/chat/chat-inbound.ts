import { ClientChatEventSchema, isModerator, type ClientChatEvent } from '../../domain/chat.ts';
import type { ChatBroadcaster } from './chat-broadcaster.ts';
import type { ChatClient } from './chat-client.ts';
import type { ChatContext } from './chat-context.ts';
import { CHAT_TEXTS, CLOSE_CODES } from './chat-texts.ts';
import type { ProfileChanges } from './profile-changes.ts';
import type { SlurFilter } from './slur-filter.ts';

export interface InboundLimits {
  /** larger frames get a notice and are dropped (Owncast's MaxSocketPayloadSize) */
  readonly maxFrameBytes: number;
  /** larger frames close the socket */
  readonly closeFrameBytes: number;
  /** frames a client may send per `ratePerMs` (token bucket) with spam protection on */
  readonly rateCapacity: number;
  readonly ratePerMs: number;
  /** how long a flooding client stays muted */
  readonly muteMs: number;
  /** frames of one client handled concurrently at most; more are dropped */
  readonly maxInFlight: number;
}

export const DEFAULT_INBOUND_LIMITS: InboundLimits = { maxFrameBytes: 2048, closeFrameBytes: 4096, rateCapacity: 3, ratePerMs: 2000, muteMs: 10_000, maxInFlight: 32 };

/**
 * Everything a chat socket sends. Size and flood checks happen at once; the events themselves
 * are handled one after another per client, so they take effect in the order sent. Nothing a
 * client sends can make this throw: bad frames are ignored, failures are logged.
 */
export class ChatInbound {
  readonly #ctx: ChatContext;
  readonly #broadcaster: ChatBroadcaster;
  readonly #profiles: ProfileChanges;
  readonly #slurs: SlurFilter;
  readonly #limits: InboundLimits;
  readonly #disconnect: (client: ChatClient, code: number, reason: string) => void;

  constructor(deps: { ctx: ChatContext; broadcaster: ChatBroadcaster; profiles: ProfileChanges; slurs: SlurFilter; limits: InboundLimits; disconnect: (client: ChatClient, code: number, reason: string) => void }) {
    this.#ctx = deps.ctx;
    this.#broadcaster = deps.broadcaster;
    this.#profiles = deps.profiles;
    this.#slurs = deps.slurs;
    this.#limits = deps.limits;
    this.#disconnect = deps.disconnect;
  }

  receive(client: ChatClient, frame: string): void {
    try {
      const event = this.#admit(client, frame);
      if (event !== undefined) this.#enqueue(client, event);
    } catch (error) {
      this.#ctx.logger.error({ err: error, clientId: client.id }, 'chat frame handling failed');
    }
  }

  /** The event in the frame if it passes the size, flood and shape checks. */
  #admit(client: ChatClient, frame: string): ClientChatEvent | undefined {
    if (!client.open || typeof frame !== 'string') return undefined;
    const size = utf8Length(frame, this.#limits.closeFrameBytes);
    if (size > this.#limits.closeFrameBytes) {
      this.#disconnect(client, CLOSE_CODES.tooBig, 'message too big');
      return undefined;
    }
    if (size > this.#limits.maxFrameBytes) {
      this.#broadcaster.actionTo(client, CHAT_TEXTS.tooLarge);
      return undefined;
    }
    if (this.#flooding(client)) return undefined;
    let data: unknown;
    try {
      data = JSON.parse(frame);
    } catch {
      return undefined;
    }
    const parsed = ClientChatEventSchema.safeParse(data);
    return parsed.success ? parsed.data : undefined;
  }

  #flooding(client: ChatClient): boolean {
    if (!this.#ctx.settings.get('chat').spamProtectionEnabled) return false;
    const now = this.#ctx.clock.now().getTime();
    if (now < client.mutedUntil) return true;
    if (client.limiter.take(now)) return false;
    client.mutedUntil = now + this.#limits.muteMs;
    this.#broadcaster.actionTo(client, CHAT_TEXTS.flooding);
    return true;
  }

  #enqueue(client: ChatClient, event: ClientChatEvent): void {
    if (client.inFlight >= this.#limits.maxInFlight) {
      this.#ctx.logger.debug({ clientId: client.id }, 'chat client sends faster than it can be handled: frame dropped');
      return;
    }
    client.inFlight++;
    client.queue = client.queue
      .then(() => (client.open ? this.#handle(client, event) : undefined))
      .catch((error: unknown) => this.#ctx.logger.error({ err: error, clientId: client.id, event: event.type }, 'chat event handling failed'))
      .finally(() => {
        client.inFlight--;
      });
  }

  async #handle(client: ChatClient, event: ClientChatEvent): Promise<void> {
    switch (event.type) {
      case 'CHAT':
        return this.#chat(client, event.body);
      case 'NAME_CHANGE':
        return this.#profiles.rename(client, event.newName);
      case 'COLOR_CHANGE':
        return this.#profiles.recolor(client, event.newColor);
    }
  }

  async #chat(client: ChatClient, body: string): Promise<void> {
    const chat = this.#ctx.settings.get('chat');
    if (chat.disabled || body.trim() === '') return;
    // Read afresh: sign-ins and moderation may have changed the user since the socket opened.
    const user = await this.#ctx.users.getById(client.user.id);
    if (user === undefined || user.disabledAt !== null) return;
    client.user = user;
    if (chat.requireAuthentication && !user.authenticated) return this.#broadcaster.actionTo(client, CHAT_TEXTS.needsAuthentication);
    const ageMs = this.#ctx.clock.now().getTime() - user.createdAt.getTime();
    if (chat.establishedUserMode && !isModerator(user) && ageMs < chat.establishedUserModeMinutes * 60_000) {
      return this.#broadcaster.actionTo(client, CHAT_TEXTS.notEstablished);
    }
    if (chat.slurFilterEnabled && this.#slurs.matches(body)) return this.#broadcaster.actionTo(client, CHAT_TEXTS.slur);
    if (await this.#broadcaster.postUserMessage(user, body, client.id)) client.messageCount++;
  }
}

/** UTF-8 size of a string; exact up to `cap`, and only "more than cap" beyond it (no need to encode a huge frame). */
function utf8Length(text: string, cap: number): number {
  // A UTF-16 unit is at least one UTF-8 byte.
  if (text.length > cap) return text.length;
  return new TextEncoder().encode(text).byteLength;
}
