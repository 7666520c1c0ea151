import { hashToken } from '../../domain/ids.ts';
import { err, ok, type Result } from '../../domain/result.ts';
import type { GeoIpLookup } from '../../ports/geoip-lookup.ts';
import type { ChatConnection, ChatRefusal, ChatSink, ConnectChatRequest } from './chat-api.ts';
import type { ChatBroadcaster } from './chat-broadcaster.ts';
import { ChatClient } from './chat-client.ts';
import type { ChatContext } from './chat-context.ts';
import { makeChatEvent } from './chat-event.ts';
import type { ChatInbound, InboundLimits } from './chat-inbound.ts';
import { CLOSE_CODES } from './chat-texts.ts';
import { ClientOutbox, type OutboxLimits } from './client-outbox.ts';
import type { OutboxFlusher } from './outbox-flusher.ts';
import type { Presence } from './presence.ts';
import { TokenBucket } from './token-bucket.ts';

export interface ConnectorOptions {
  /** open sockets at most; more are refused with `too-many-connections` */
  readonly maxConnections: number;
  readonly outbox: OutboxLimits;
  readonly inbound: InboundLimits;
  /** flushes every client's outbox together */
  readonly flusher: OutboxFlusher;
}

/** The event a refusal sends before closing, if any (the first two are answered over HTTP). */
const REFUSAL_EVENTS = {
  'chat-disabled': undefined,
  'ip-banned': undefined,
  'too-many-connections': 'ERROR_MAX_CONNECTIONS_EXCEEDED',
  'needs-registration': 'ERROR_NEEDS_REGISTRATION',
  'user-disabled': 'ERROR_USER_DISABLED',
} as const;

/** Accepts and refuses chat sockets, and ends them. */
export class ChatConnector {
  readonly #ctx: ChatContext;
  readonly #broadcaster: ChatBroadcaster;
  readonly #presence: Presence;
  readonly #inbound: ChatInbound;
  readonly #geoip: GeoIpLookup | undefined;
  readonly #options: ConnectorOptions;
  /** connects past the cap check but not yet registered: they hold a slot */
  #pending = 0;

  constructor(deps: { ctx: ChatContext; broadcaster: ChatBroadcaster; presence: Presence; inbound: ChatInbound; geoip?: GeoIpLookup | undefined; options: ConnectorOptions }) {
    this.#ctx = deps.ctx;
    this.#broadcaster = deps.broadcaster;
    this.#presence = deps.presence;
    this.#inbound = deps.inbound;
    this.#geoip = deps.geoip;
    this.#options = deps.options;
  }

  async checkAdmission(request: { ipAddress: string }): Promise<Result<void, ChatRefusal>> {
    if (this.#ctx.settings.get('chat').disabled) return err({ kind: 'chat-disabled', message: 'chat is disabled' });
    if (await this.#ctx.ipBans.isBanned(request.ipAddress)) return err({ kind: 'ip-banned', message: 'this address is banned from chat' });
    return ok(undefined);
  }

  async connect(request: ConnectChatRequest): Promise<Result<ChatConnection, ChatRefusal>> {
    if (this.#ctx.registry.size + this.#pending >= this.#options.maxConnections) {
      return this.#refuse(request.sink, { kind: 'too-many-connections', message: 'too many chat connections' });
    }
    this.#pending++;
    try {
      const admission = await this.checkAdmission(request);
      if (!admission.ok) return this.#refuse(request.sink, admission.error);
      const token = request.accessToken ?? '';
      const user = token === '' ? undefined : await this.#ctx.users.getByTokenHash(await hashToken(token));
      if (user === undefined) return this.#refuse(request.sink, { kind: 'needs-registration', message: 'unknown access token: register first' });
      if (user.disabledAt !== null) return this.#refuse(request.sink, { kind: 'user-disabled', message: 'this user is disabled' });
      return ok(this.#accept(request, user));
    } finally {
      this.#pending--;
    }
  }

  /** Ends a socket from the server side (flushing what is queued first). Idempotent. */
  disconnect(client: ChatClient, code: number, reason: string): void {
    client.outbox.close(code, reason);
    this.#gone(client);
  }

  #accept(request: ConnectChatRequest, user: ChatClient['user']): ChatConnection {
    const now = this.#ctx.clock.now();
    const outbox = new ClientOutbox({
      sink: request.sink,
      limits: this.#options.outbox,
      flusher: this.#options.flusher,
      // Only runs once events are pushed, which is after `accepted` exists.
      onOverflow: () => {
        this.#ctx.logger.warn({ clientId: accepted.id, userId: accepted.user.id }, 'chat client too slow: dropped');
        this.#gone(accepted);
      },
    });
    const limiter = new TokenBucket({ capacity: this.#options.inbound.rateCapacity, perMs: this.#options.inbound.ratePerMs, now: now.getTime() });
    const accepted = new ChatClient({ id: this.#ctx.registry.nextId(), user, connectedAt: now, ipAddress: request.ipAddress, userAgent: request.userAgent, outbox, limiter });
    this.#ctx.registry.add(accepted);
    this.#broadcaster.sendUserInfo([accepted]);
    this.#presence.joined(accepted);
    this.#locate(accepted);
    return {
      clientId: accepted.id,
      receive: (frame) => this.#inbound.receive(accepted, frame),
      closed: () => {
        accepted.outbox.abandon();
        this.#gone(accepted);
      },
    };
  }

  #gone(client: ChatClient): void {
    if (this.#ctx.registry.remove(client)) this.#presence.left(client);
  }

  #locate(client: ChatClient): void {
    this.#geoip
      ?.lookup(client.ipAddress)
      .then((geo) => {
        client.geo = geo ?? null;
      })
      .catch((error: unknown) => this.#ctx.logger.warn({ err: error, clientId: client.id }, 'geoip lookup failed'));
  }

  #refuse(sink: ChatSink, refusal: ChatRefusal): Result<never, ChatRefusal> {
    const type = REFUSAL_EVENTS[refusal.kind];
    try {
      if (type !== undefined) sink.send(JSON.stringify(makeChatEvent(this.#ctx.clock, type)));
      sink.close(refusal.kind === 'too-many-connections' ? CLOSE_CODES.tryAgainLater : CLOSE_CODES.policy, refusal.kind);
    } catch (error) {
      this.#ctx.logger.debug({ err: error }, 'refused chat socket already gone');
    }
    return err(refusal);
  }
}
