import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineWebSocketHelper, WSContext, type WSEvents } from 'hono/ws';
import { splitChatFrame } from '@hexcast/core';
import { createHttpApp } from './http-app.ts';
import { ADMIN, createFixture, type Fixture } from './test-fixture.ts';

/** A socket as the runtime would give it to the route, driven by the test. */
class TestSocket {
  readonly frames: string[] = [];
  closedWith: { code: number | undefined; reason: string | undefined } | undefined;
  readonly raw = { bufferedAmount: 0, pongListeners: 0, ping() {}, terminate() {}, on: () => this.raw.pongListeners++, off: () => this.raw.pongListeners-- };
  readonly #events: WSEvents<unknown>;
  readonly #ctx: WSContext<unknown>;
  #state: 0 | 1 | 2 | 3 = 1;

  constructor(events: WSEvents<unknown>) {
    this.#events = events;
    const state = () => this.#state;
    this.#ctx = new WSContext({
      raw: this.raw,
      get readyState() {
        return state();
      },
      send: (data) => void this.frames.push(String(data)),
      close: (code, reason) => {
        if (this.#state === 3) return;
        this.closedWith = { code, reason };
        this.peerClosed();
      },
    });
    events.onOpen?.(new Event('open'), this.#ctx);
  }

  /** Every event received so far, frames split on newlines. */
  get events(): { type: string; [key: string]: unknown }[] {
    return this.frames.flatMap((frame) => splitChatFrame(frame) as { type: string }[]);
  }

  send(data: string | ArrayBuffer): void {
    this.#events.onMessage?.(new MessageEvent('message', { data }), this.#ctx);
  }

  peerClosed(): void {
    this.#state = 3;
    this.#events.onClose?.(new Event('close') as CloseEvent, this.#ctx);
  }
}

let f: Fixture;
let sockets: TestSocket[];
/** runs right after a socket opens, before the core has answered (connecting is asynchronous) */
let onOpened: ((socket: TestSocket) => void) | undefined;

beforeEach(async () => {
  sockets = [];
  onOpened = undefined;
  const upgradeWebSocket = defineWebSocketHelper<unknown>((_c, events) => {
    const socket = new TestSocket(events);
    sockets.push(socket);
    onOpened?.(socket);
    return new Response(null);
  });
  f = await createFixture({ upgradeWebSocket });
});

afterEach(() => {
  expect(f.logger.at('error').filter((e) => e.message !== 'could not accept a chat connection')).toEqual([]);
});

async function connect(accessToken: string, headers: Record<string, string> = {}): Promise<TestSocket> {
  const before = sockets.length;
  await f.get(`/ws?accessToken=${accessToken}`, { Upgrade: 'websocket', ...headers });
  const socket = sockets[before];
  if (socket === undefined) throw new Error('no socket was opened');
  return socket;
}

const typesOf = (socket: TestSocket) => socket.events.map((e) => e.type);

describe('GET /ws', () => {
  it('accepts a registered user, who gets CONNECTED_USER_INFO, and relays messages to the others', async () => {
    const alice = await f.register('Alice');
    const bob = await f.register('Bob');
    const aliceSocket = await connect(alice.accessToken);
    const bobSocket = await connect(bob.accessToken);
    await vi.waitFor(() => expect(bobSocket.events[0]).toMatchObject({ type: 'CONNECTED_USER_INFO', user: { id: bob.id, displayName: 'Bob' } }));
    aliceSocket.send(JSON.stringify({ type: 'CHAT', body: 'hi bob' }));
    await vi.waitFor(() => expect(bobSocket.events.find((e) => e.type === 'CHAT')).toMatchObject({ body: expect.stringContaining('hi bob'), user: { displayName: 'Alice' } }));
    expect((await (await f.get('/api/admin/chat/clients', ADMIN)).json()) as unknown[]).toHaveLength(2);
  });

  it('keeps frames sent before the connection is accepted, in order', async () => {
    const alice = await f.register('Alice');
    const watcher = await connect((await f.register('Watcher')).accessToken);
    onOpened = (early) => {
      expect(typesOf(early)).toEqual([]);
      early.send(JSON.stringify({ type: 'NAME_CHANGE', newName: 'Alicia' }));
      early.send(new TextEncoder().encode(JSON.stringify({ type: 'CHAT', body: 'binary hello' })).buffer as ArrayBuffer);
    };
    await connect(alice.accessToken);
    await vi.waitFor(() => expect(watcher.events.find((e) => e.type === 'CHAT')).toMatchObject({ body: expect.stringContaining('binary hello'), user: { displayName: 'Alicia' } }));
  });

  it('refuses an unknown or missing token after upgrading: ERROR_NEEDS_REGISTRATION, then close', async () => {
    for (const token of ['nope', '']) {
      const socket = await connect(token);
      await vi.waitFor(() => expect(socket.closedWith).toBeDefined());
      expect(typesOf(socket)).toEqual(['ERROR_NEEDS_REGISTRATION']);
      expect(socket.closedWith?.code).toBeGreaterThanOrEqual(1000);
    }
    expect(await (await f.get('/api/admin/chat/clients', ADMIN)).json()).toEqual([]);
  });

  it('forgets a socket the peer closed, and stops its keepalive', async () => {
    const socket = await connect((await f.register('Alice')).accessToken);
    await vi.waitFor(() => expect(typesOf(socket)).toContain('CONNECTED_USER_INFO'));
    expect(socket.raw.pongListeners).toBe(1);
    socket.peerClosed();
    expect(socket.raw.pongListeners).toBe(0);
    expect(await (await f.get('/api/admin/chat/clients', ADMIN)).json()).toEqual([]);
  });

  it('sends CHAT_DISABLED and closes the sockets of a user the admin disables', async () => {
    const alice = await f.register('Alice');
    const socket = await connect(alice.accessToken, { 'X-Forwarded-For': '203.0.113.9' });
    await vi.waitFor(() => expect(typesOf(socket)).toContain('CONNECTED_USER_INFO'));
    await f.post('/api/admin/chat/users/setenabled', { userId: alice.id, enabled: false });
    await vi.waitFor(() => expect(socket.closedWith).toBeDefined());
    expect(typesOf(socket)).toContain('CHAT_DISABLED');
  });

  it('closes the socket with 1011 and logs when the core fails to connect it', async () => {
    const failing = createHttpApp(
      { ...f.controller, connectChat: () => Promise.reject(new Error('database gone')) },
      { logger: f.logger, upgradeWebSocket: defineWebSocketHelper<unknown>((_c, events) => {
          sockets.push(new TestSocket(events));
          return new Response(null);
        }),
      },
    );
    await failing.request('/ws?accessToken=x', { headers: { Upgrade: 'websocket' } });
    const socket = sockets.at(-1)!;
    await vi.waitFor(() => expect(socket.closedWith).toEqual({ code: 1011, reason: 'internal error' }));
    expect(f.logger.at('error').map((e) => e.message)).toEqual(['could not accept a chat connection']);
  });

  it('answers a request without an Upgrade header with 400', async () => {
    expect((await f.get('/ws?accessToken=x')).status).toBe(400);
  });
});
