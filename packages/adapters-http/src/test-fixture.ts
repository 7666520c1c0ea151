import { createAppController, type AppController } from '@hexcast/core';
import { FakeClock, FakeImageResizer, FakePasswordHasher, InMemoryAssetStore, InMemoryEmojiStore, MemoryLogger, PlainTextRenderer, inMemoryRepositories } from '@hexcast/core/testing';
import type { Hono } from 'hono';
import { createHttpApp, type HttpAppOptions } from './http-app.ts';

/** Shared by the route tests: the real controller over in-memory ports, and request helpers. */
export const ADMIN = { Authorization: `Basic ${btoa('admin:abc123')}` };
export const PEER = '198.51.100.9';

export interface Fixture {
  readonly controller: AppController;
  readonly app: Hono;
  readonly logger: MemoryLogger;
  /** only moves when told */
  readonly clock: FakeClock;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Response>;
  get(path: string, headers?: Record<string, string>): Promise<Response>;
  /** Registers a chat user; `moderator` grants the scope through the admin route. */
  register(displayName: string, options?: { moderator?: boolean }): Promise<{ id: string; accessToken: string; displayName: string }>;
  /** An integration token with these scopes (plain token). */
  integrationToken(scopes: readonly string[]): Promise<string>;
}

export async function createFixture(options: HttpAppOptions = {}): Promise<Fixture> {
  const logger = new MemoryLogger();
  const clock = new FakeClock();
  const controller = createAppController({ repositories: inMemoryRepositories(), hasher: new FakePasswordHasher(), renderer: new PlainTextRenderer(), logger, clock, emoji: new InMemoryEmojiStore(), assets: new InMemoryAssetStore(), imageResizer: new FakeImageResizer() });
  await controller.start();
  const app = createHttpApp(controller, { logger, peerAddress: () => PEER, ...options });
  const post = async (path: string, body: unknown, headers: Record<string, string> = ADMIN) =>
    app.request(path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });
  const get = async (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });
  const fixture: Fixture = {
    controller,
    app,
    logger,
    clock,
    post,
    get,
    async register(displayName, { moderator = false } = {}) {
      const user = (await (await post('/api/chat/register', { displayName }, {})).json()) as { id: string; accessToken: string; displayName: string };
      if (moderator) await post('/api/admin/chat/users/setmoderator', { userId: user.id, isModerator: true });
      return user;
    },
    async integrationToken(scopes) {
      const response = await post('/api/admin/accesstokens/create', { name: `bot ${scopes.join(' ')}`.slice(0, 60), scopes });
      if (response.status !== 200) throw new Error(`token creation failed: ${response.status} ${await response.text()}`);
      return ((await response.json()) as { accessToken: string }).accessToken;
    },
  };
  return fixture;
}

/** A 1×1 transparent PNG. */
export const TINY_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (ch) => ch.charCodeAt(0));
