import type { ChatConnection } from '../app/chat/chat-api.ts';
import { ChatService, type ChatServiceDeps, type ChatServiceOptions } from '../app/chat/chat-service.ts';
import { EventBus } from '../app/event-bus.ts';
import type { AppEvent } from '../app/events.ts';
import { SettingsService } from '../app/settings-service.ts';
import type { ChatUser } from '../domain/chat.ts';
import { hashToken } from '../domain/ids.ts';
import type { Settings } from '../domain/settings.ts';
import { FakeChatSink } from './fake-chat-sink.ts';
import { FakeClock } from './fake-clock.ts';
import { FakePasswordHasher } from './fake-password-hasher.ts';
import { inMemoryRepositories } from './in-memory-repositories.ts';
import { MemoryLogger } from './memory-logger.ts';

/** A connected test client: its sink, connection and user. */
export interface HarnessClient {
  readonly sink: FakeChatSink;
  readonly connection: ChatConnection;
  readonly user: ChatUser;
  readonly accessToken: string;
}

/**
 * A `ChatService` on in-memory repositories, a `FakeClock` and real settings, started, with
 * helpers to register and connect clients. `online` says whether a stream is live.
 */
export async function createChatHarness(options: { chatOptions?: ChatServiceOptions; deps?: Partial<ChatServiceDeps>; chatSettings?: Partial<Settings['chat']> } = {}) {
  const clock = new FakeClock();
  const logger = new MemoryLogger();
  const repositories = inMemoryRepositories();
  const events = new EventBus(logger);
  const published: AppEvent[] = [];
  events.onAny((event) => void published.push(event));
  const settings = new SettingsService({ repository: repositories.settings, hasher: new FakePasswordHasher(), events, clock, logger });
  await settings.load();
  if (options.chatSettings) await settings.update('chat', options.chatSettings);
  const state = { online: false };
  const chat = new ChatService({
    users: repositories.users,
    messages: repositories.chatMessages,
    ipBans: repositories.ipBans,
    accessTokens: repositories.accessTokens,
    settings,
    events,
    clock,
    logger,
    isOnline: () => state.online,
    options: options.chatOptions,
    ...options.deps,
  });
  await chat.start();

  /** Registers a user (or reuses `as`) and connects a socket for them. */
  async function connect(init: { displayName?: string; as?: HarnessClient; ipAddress?: string; sink?: FakeChatSink } = {}): Promise<HarnessClient> {
    const accessToken = init.as?.accessToken ?? (await register(init.displayName));
    const sink = init.sink ?? new FakeChatSink();
    const result = await chat.connectChat({ accessToken, ipAddress: init.ipAddress ?? '203.0.113.1', userAgent: 'test-agent', sink });
    if (!result.ok) throw new Error(`connect refused: ${result.error.kind}`);
    const user = await repositories.users.getByTokenHash(await hashToken(accessToken));
    await settle();
    return { sink, connection: result.value, user: user!, accessToken };
  }

  async function register(displayName?: string): Promise<string> {
    const registered = await chat.registerChatUser({ displayName });
    if (!registered.ok) throw new Error(registered.error.message);
    return registered.value.accessToken;
  }

  return { chat, clock, logger, repositories, events, published, settings, state, connect, register };
}

/** Lets queued handling and microtask flushes run: one real macrotask turn (the fake clock is untouched). */
export function settle(): Promise<void> {
  return new Promise((resolve) => globalThis.setTimeout(resolve, 0));
}
