import type { AddressInfo } from 'node:net';
import { serve, upgradeWebSocket } from '@hono/node-server';
import { Hono } from 'hono';
import { WebSocketServer } from 'ws';
import { afterEach, expect, it } from 'vitest';
import { createAppController } from '@hexcast/core';
import { FakePasswordHasher, MemoryLogger, PlainTextRenderer, inMemoryRepositories } from '@hexcast/core/testing';
import { createHttpApp, type KeepaliveOptions } from '@hexcast/adapters-http';
import { ChatClient, register, type ChatServer } from './chat-client.ts';

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

/** An embedder's server (no inversify, hexcast mounted under /live), built the way docs/embedding.md describes. */
async function embed(options: { websockets: boolean; keepalive?: KeepaliveOptions }): Promise<ChatServer> {
  const hexcast = createAppController({ repositories: inMemoryRepositories(), hasher: new FakePasswordHasher(), renderer: new PlainTextRenderer(), logger: new MemoryLogger() });
  await hexcast.start();
  const app = new Hono();
  app.route('/live', createHttpApp(hexcast, options.websockets ? { upgradeWebSocket, ...(options.keepalive ? { chatKeepalive: options.keepalive } : {}) } : {}));
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 });
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1', ...(options.websockets ? { websocket: { server: wss } } : {}) }, () => resolve(started));
  });
  cleanup.push(async () => {
    for (const socket of wss.clients) socket.terminate();
    await new Promise((resolve) => server.close(resolve));
    await hexcast.stop();
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/live` };
}

it('an embedder passing upgradeWebSocket (and a ws server to serve) gets chat on <mount>/ws', async () => {
  const server = await embed({ websockets: true });
  const alice = await register(server, 'Alice');
  const bob = await register(server, 'Bob');
  const aliceClient = await ChatClient.connect(server, alice.accessToken);
  const bobClient = await ChatClient.connect(server, bob.accessToken);
  await bobClient.waitForType('CONNECTED_USER_INFO');
  aliceClient.send({ type: 'CHAT', body: 'hello from an embedded hexcast' });
  expect(await bobClient.waitForType('CHAT')).toMatchObject({ user: { displayName: 'Alice' } });
});

it('without upgradeWebSocket, /ws answers 501 and the rest of chat still works', async () => {
  const server = await embed({ websockets: false });
  const alice = await register(server, 'Alice');
  expect((await fetch(`${server.url}/ws?accessToken=${alice.accessToken}`)).status).toBe(501);
  expect((await fetch(`${server.url}/api/chat?accessToken=${alice.accessToken}`)).status).toBe(200);
});

it('pings chat sockets and drops one that stops answering (intervals shortened)', async () => {
  const server = await embed({ websockets: true, keepalive: { pingIntervalMs: 100, pongTimeoutMs: 1_000 } });
  const alive = await ChatClient.connect(server, (await register(server, 'Alive')).accessToken);
  const dead = await ChatClient.connect(server, (await register(server, 'Dead')).accessToken, {}, { answerPings: false });
  expect((await dead.closed).code).toBe(1006);
  expect(dead.pings).toBeGreaterThan(3);
  expect(alive.pings).toBeGreaterThan(3);
  alive.send({ type: 'CHAT', body: 'still connected' });
  await alive.waitForType('CHAT');
});
