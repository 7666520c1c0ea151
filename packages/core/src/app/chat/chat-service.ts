import type { AccessTokenRepository } from '../../ports/access-token-repository.ts';
import type { ChatMessageRepository } from '../../ports/chat-message-repository.ts';
import type { ChatRenderer } from '../../ports/chat-renderer.ts';
import type { Clock } from '../../ports/clock.ts';
import type { EmojiStore } from '../../ports/emoji-store.ts';
import type { GeoIpLookup } from '../../ports/geoip-lookup.ts';
import type { IpBanRepository } from '../../ports/ip-ban-repository.ts';
import type { Logger } from '../../ports/logger.ts';
import type { UserRepository } from '../../ports/user-repository.ts';
import type { EventBus } from '../event-bus.ts';
import type { ChatApi } from './chat-api.ts';
import { ChatAuth } from './chat-auth.ts';
import { ChatBroadcaster } from './chat-broadcaster.ts';
import type { ChatContext, SettingsReader } from './chat-context.ts';
import { ChatConnector } from './chat-connector.ts';
import { makeChatEvent } from './chat-event.ts';
import { ChatHistory, DEFAULT_HISTORY_LIMITS, type HistoryLimits } from './chat-history.ts';
import { ChatInbound, DEFAULT_INBOUND_LIMITS, type InboundLimits } from './chat-inbound.ts';
import { ChatModeration } from './chat-moderation.ts';
import { ChatPruner, DEFAULT_PRUNE_OPTIONS, type PruneOptions } from './chat-pruner.ts';
import { CHAT_TEXTS, CLOSE_CODES } from './chat-texts.ts';
import { ClientRegistry } from './client-registry.ts';
import { DEFAULT_OUTBOX_LIMITS, type OutboxLimits } from './client-outbox.ts';
import { EmojiService } from './emoji-service.ts';
import { OutboxFlusher, type FlushScheduler } from './outbox-flusher.ts';
import { Integrations } from './integrations.ts';
// core/testing's markdown-free renderer is a complete, contract-tested ChatRenderer: the default, not a second copy.
import { PlainChatRenderer } from './plain-chat-renderer.ts';
import { DEFAULT_PRESENCE_OPTIONS, Presence, type PresenceOptions } from './presence.ts';
import { ProfileChanges } from './profile-changes.ts';
import { Registration } from './registration.ts';
import { SlurFilter } from './slur-filter.ts';
import { UserDirectory } from './user-directory.ts';

/** Tunables, each with Owncast's value (or a safe one) as default. */
export interface ChatServiceOptions {
  /** open chat sockets at most (default 10 000) */
  readonly maxConnections?: number;
  readonly outbox?: Partial<OutboxLimits>;
  readonly inbound?: Partial<InboundLimits>;
  readonly presence?: Partial<PresenceOptions>;
  readonly history?: Partial<HistoryLimits>;
  readonly prune?: Partial<PruneOptions>;
  /** the slur filter's words (default: the built-in list) */
  readonly slurWords?: readonly string[];
  /**
   * When sockets' pending events are written (default `queueMicrotask`: at the end of the current
   * job). A server passes a once-per-event-loop-turn scheduler (Node's `setImmediate`) so the events
   * of many inbound messages handled in one turn reach each socket as one frame.
   */
  readonly flushScheduler?: FlushScheduler;
}

export interface ChatServiceDeps {
  readonly users: UserRepository;
  readonly messages: ChatMessageRepository;
  readonly ipBans: IpBanRepository;
  readonly accessTokens: AccessTokenRepository;
  readonly settings: SettingsReader;
  readonly events: EventBus;
  readonly clock: Clock;
  readonly logger: Logger;
  /** whether a stream is live now */
  readonly isOnline: () => boolean;
  /** default: `PlainChatRenderer` (escaped text, no markdown) */
  readonly renderer?: ChatRenderer | undefined;
  /** default: no custom emoji */
  readonly emoji?: EmojiStore | undefined;
  readonly geoip?: GeoIpLookup | undefined;
  readonly options?: ChatServiceOptions | undefined;
}

/**
 * The chat: sockets, messages, moderation, integrations and emoji. Implements `ChatApi` by
 * delegating to one collaborator per concern; this class only wires them and runs the
 * lifecycle (`start` subscribes to stream events and starts pruning, `stop` undoes it and
 * closes every socket).
 */
export class ChatService implements ChatApi {
  readonly #ctx: ChatContext;
  readonly #emoji: EmojiService;
  readonly #broadcaster: ChatBroadcaster;
  readonly #presence: Presence;
  readonly #connector: ChatConnector;
  readonly #history: ChatHistory;
  readonly #moderation: ChatModeration;
  readonly #directory: UserDirectory;
  readonly #auth: ChatAuth;
  readonly #integrations: Integrations;
  readonly #registration: Registration;
  readonly #pruner: ChatPruner;
  #unsubscribe: (() => void)[] = [];

  constructor(deps: ChatServiceDeps) {
    const options = deps.options ?? {};
    const renderer = deps.renderer ?? new PlainChatRenderer();
    this.#emoji = new EmojiService(deps.emoji);
    const ctx: ChatContext = {
      users: deps.users,
      messages: deps.messages,
      ipBans: deps.ipBans,
      accessTokens: deps.accessTokens,
      settings: deps.settings,
      clock: deps.clock,
      logger: deps.logger,
      events: deps.events,
      isOnline: deps.isOnline,
      registry: new ClientRegistry(),
      render: (markdown) => renderer.render(markdown, this.#emoji.current()),
    };
    this.#ctx = ctx;
    const inboundLimits = { ...DEFAULT_INBOUND_LIMITS, ...options.inbound };
    this.#broadcaster = new ChatBroadcaster(ctx);
    this.#presence = new Presence(ctx, this.#broadcaster, { ...DEFAULT_PRESENCE_OPTIONS, ...options.presence });
    const disconnect = (client: Parameters<ChatConnector['disconnect']>[0], code: number, reason: string) => this.#connector.disconnect(client, code, reason);
    const inbound = new ChatInbound({ ctx, broadcaster: this.#broadcaster, profiles: new ProfileChanges(ctx, this.#broadcaster), slurs: new SlurFilter(options.slurWords), limits: inboundLimits, disconnect });
    this.#connector = new ChatConnector({
      ctx,
      broadcaster: this.#broadcaster,
      presence: this.#presence,
      inbound,
      geoip: deps.geoip,
      options: { maxConnections: options.maxConnections ?? 10_000, outbox: { ...DEFAULT_OUTBOX_LIMITS, ...options.outbox }, inbound: inboundLimits, flusher: new OutboxFlusher(options.flushScheduler) },
    });
    this.#history = new ChatHistory(ctx, { ...DEFAULT_HISTORY_LIMITS, ...options.history });
    this.#moderation = new ChatModeration({ ctx, broadcaster: this.#broadcaster, presence: this.#presence, disconnect });
    this.#directory = new UserDirectory(ctx);
    this.#auth = new ChatAuth(ctx);
    this.#integrations = new Integrations(ctx, this.#broadcaster);
    this.#registration = new Registration(ctx);
    this.#pruner = new ChatPruner(ctx, { ...DEFAULT_PRUNE_OPTIONS, ...options.prune });
  }

  /** Loads the emoji list, follows stream start/stop and starts pruning. Safe to call twice. */
  async start(): Promise<void> {
    if (this.#unsubscribe.length > 0) return;
    this.#unsubscribe = [
      this.#ctx.events.on('stream-started', () => this.#broadcaster.ephemeralAction(CHAT_TEXTS.streamStarting)),
      this.#ctx.events.on('stream-stopped', () => this.#broadcaster.ephemeralAction(CHAT_TEXTS.streamEnding)),
      this.#ctx.events.on('settings-changed', (event) => (event.section === 'chat' ? this.#closeIfDisabled() : undefined)),
    ];
    this.#pruner.start();
    await this.#emoji.list();
  }

  /** Stops timers and closes every socket ("going away"). Safe to call twice. */
  stop(): void {
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
    this.#pruner.stop();
    for (const client of this.#ctx.registry.all()) this.#connector.disconnect(client, CLOSE_CODES.goingAway, 'server shutting down');
    this.#presence.stop();
  }

  /**
   * Chat turned off: every open socket gets `CHAT_DISABLED` and is closed, so clients show chat as
   * read-only (reconnects are refused with `CHAT_DISABLED` until it is turned on again).
   */
  #closeIfDisabled(): void {
    if (!this.#ctx.settings.get('chat').disabled) return;
    for (const client of this.#ctx.registry.all()) {
      client.send(makeChatEvent(this.#ctx.clock, 'CHAT_DISABLED'));
      this.#connector.disconnect(client, CLOSE_CODES.policy, 'chat disabled');
    }
  }

  /** Prunes history now (also runs on its timer). */
  prune(): Promise<void> {
    return this.#pruner.prune();
  }

  // Sessions
  checkChatAdmission: ChatApi['checkChatAdmission'] = (request) => this.#connector.checkAdmission(request);
  connectChat: ChatApi['connectChat'] = (request) => this.#connector.connect(request);
  registerChatUser: ChatApi['registerChatUser'] = (request) => this.#registration.register(request);
  // Reading
  getChatHistory: ChatApi['getChatHistory'] = (audience) => this.#history.history(audience);
  listChatClients: ChatApi['listChatClients'] = () => this.#history.clients();
  getChatUserDetails: ChatApi['getChatUserDetails'] = (userId) => this.#history.userDetails(userId);
  // Authorization
  authenticateChatUser: ChatApi['authenticateChatUser'] = (request) => this.#auth.chatUser(request);
  authenticateIntegration: ChatApi['authenticateIntegration'] = (token, scope) => this.#auth.integration(token, scope);
  // Moderation
  setMessageVisibility: ChatApi['setMessageVisibility'] = (ids, visible) => this.#moderation.setMessageVisibility(ids, visible);
  setUserEnabled: ChatApi['setUserEnabled'] = (request) => this.#moderation.setUserEnabled(request);
  setModerator: ChatApi['setModerator'] = (request) => this.#moderation.setModerator(request);
  listModerators: ChatApi['listModerators'] = () => this.#directory.all('moderators');
  listDisabledUsers: ChatApi['listDisabledUsers'] = () => this.#directory.all('disabled');
  listUsers: ChatApi['listUsers'] = (query) => this.#directory.list(query);
  deleteUser: ChatApi['deleteUser'] = (userId) => this.#moderation.deleteUser(userId);
  listIpBans: ChatApi['listIpBans'] = () => this.#moderation.listIpBans();
  banIpAddress: ChatApi['banIpAddress'] = (ipAddress, notes) => this.#moderation.banIpAddress(ipAddress, notes);
  unbanIpAddress: ChatApi['unbanIpAddress'] = (ipAddress) => this.#moderation.unbanIpAddress(ipAddress);
  // Integrations
  sendSystemMessage: ChatApi['sendSystemMessage'] = (request) => this.#integrations.sendSystemMessage(request);
  sendBotMessage: ChatApi['sendBotMessage'] = (token, body) => this.#integrations.sendBotMessage(token, body);
  sendChatAction: ChatApi['sendChatAction'] = (request) => this.#integrations.sendChatAction(request);
  listAccessTokens: ChatApi['listAccessTokens'] = () => this.#integrations.listAccessTokens();
  createAccessToken: ChatApi['createAccessToken'] = (request) => this.#integrations.createAccessToken(request);
  deleteAccessToken: ChatApi['deleteAccessToken'] = (token) => this.#integrations.deleteAccessToken(token);
  // Emoji
  listEmoji: ChatApi['listEmoji'] = () => this.#emoji.list();
  uploadEmoji: ChatApi['uploadEmoji'] = (request) => this.#emoji.upload(request);
  deleteEmoji: ChatApi['deleteEmoji'] = (name) => this.#emoji.delete(name);
  getEmojiFile: ChatApi['getEmojiFile'] = (file) => this.#emoji.file(file);
}
