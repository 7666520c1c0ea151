import type { ChatEvent, ChatMessage, ChatUser, StoredMessageType } from '../../domain/chat.ts';
import { toChatUserPayload } from '../../domain/chat-events.ts';
import type { ChatClient } from './chat-client.ts';
import type { ChatContext } from './chat-context.ts';
import { makeChatEvent } from './chat-event.ts';

/**
 * Sends events to sockets and announces them on the EventBus (`{type:'chat', event}`) for
 * webhooks. Posting a message renders it, stores it and broadcasts it; blank messages (nothing
 * left after rendering) are not posted.
 */
export class ChatBroadcaster {
  readonly #ctx: ChatContext;

  constructor(ctx: ChatContext) {
    this.#ctx = ctx;
  }

  /** To every socket, and on the bus (`extra` only on the bus: e.g. `rawBody` for webhooks). */
  broadcast(event: ChatEvent, extra: Record<string, unknown> = {}): void {
    this.#ctx.registry.broadcast(event);
    this.announce({ ...event, ...extra });
  }

  /** On the bus only (e.g. USER_PARTED when join messages are hidden: webhooks still want it). */
  announce(event: ChatEvent): void {
    this.#ctx.events.publish({ type: 'chat', event });
  }

  /** A CHAT message from a user (or bot). `false` when it rendered to nothing. */
  async postUserMessage(user: ChatUser, rawBody: string, clientId?: number): Promise<boolean> {
    const message = await this.#store('CHAT', rawBody, user.id);
    if (message === undefined) return false;
    const event = this.#event(message, { user: toChatUserPayload(user), visible: true, ...(clientId !== undefined ? { clientId } : {}) });
    this.broadcast(event, { rawBody });
    return true;
  }

  /** A SYSTEM message from the server, to everyone (stored). */
  async postSystemMessage(rawBody: string): Promise<boolean> {
    const message = await this.#store('SYSTEM', rawBody, null);
    if (message === undefined) return false;
    this.broadcast(this.#event(message, { user: { displayName: this.#serverName() }, visible: true }), { rawBody });
    return true;
  }

  /** A CHAT_ACTION to everyone, stored in history. */
  async postAction(rawBody: string): Promise<boolean> {
    const message = await this.#store('CHAT_ACTION', rawBody, null);
    if (message === undefined) return false;
    this.broadcast(this.#event(message, { visible: true }), { rawBody });
    return true;
  }

  /**
   * A CHAT_ACTION to everyone that history does not keep (stream starting/ending). Not on the bus:
   * webhooks hear of the stream itself through its own events.
   */
  ephemeralAction(text: string): void {
    this.#ctx.registry.broadcast(makeChatEvent(this.#ctx.clock, 'CHAT_ACTION', { body: this.#ctx.render(text) }));
  }

  /** A CHAT_ACTION to one socket only (refusals, flood notices). */
  actionTo(client: ChatClient, text: string): void {
    client.send(makeChatEvent(this.#ctx.clock, 'CHAT_ACTION', { body: this.#ctx.render(text) }));
  }

  /** A SYSTEM message to one socket only, not stored (welcome message, integrations). `false` when blank. */
  systemTo(client: ChatClient, rawBody: string): boolean {
    const body = this.#ctx.render(rawBody);
    if (body.trim() === '') return false;
    client.send(makeChatEvent(this.#ctx.clock, 'SYSTEM', { body, user: { displayName: this.#serverName() }, visible: true }));
    return true;
  }

  /** The user's own view of themselves, to every socket of theirs. */
  sendUserInfo(clients: readonly ChatClient[]): void {
    for (const client of clients) client.send(makeChatEvent(this.#ctx.clock, 'CONNECTED_USER_INFO', { user: toChatUserPayload(client.user) }));
  }

  #serverName(): string {
    return this.#ctx.settings.get('serverInfo').name;
  }

  async #store(type: StoredMessageType, rawBody: string, userId: string | null): Promise<ChatMessage | undefined> {
    const body = this.#ctx.render(rawBody);
    if (body.trim() === '') return undefined;
    const event = makeChatEvent(this.#ctx.clock, type);
    const message: ChatMessage = { id: event.id, type, userId, body, rawBody, timestamp: new Date(event.timestamp), hiddenAt: null };
    await this.#ctx.messages.save(message);
    return message;
  }

  #event(message: ChatMessage, fields: Record<string, unknown>): ChatEvent {
    return { type: message.type, id: message.id, timestamp: message.timestamp.toISOString(), body: message.body, ...fields };
  }
}
