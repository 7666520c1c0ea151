import { describe, expect, it } from 'vitest';
import { ChatClient, RefusedUpgrade, adminGet, adminPost, join, register } from './chat-client.ts';
import { serversKilledAfterEach, tempDataDir, type ServerProcess } from './server-process.ts';

const startServer = serversKilledAfterEach();
const start = (dataDir = tempDataDir()): Promise<ServerProcess> => startServer(dataDir);

async function refusal(connecting: Promise<ChatClient>): Promise<RefusedUpgrade> {
  const error = await connecting.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof RefusedUpgrade)) throw new Error(`expected the upgrade to be refused, got ${String(error)}`);
  return error;
}

describe('chat moderation over real WebSockets', () => {
  it('disabling a user sends CHAT_DISABLED and closes their socket; they cannot come back', async () => {
    const server = await start();
    // Each client claims its own address (as behind a proxy), since disabling also bans the user's addresses.
    const troll = await join(server, 'Troll', { 'X-Forwarded-For': '203.0.113.10' });
    const witness = await join(server, 'Witness', { 'X-Forwarded-For': '203.0.113.11' });
    troll.client.send({ type: 'CHAT', body: 'something nasty' });
    const nasty = await witness.client.waitForType('CHAT');

    const disable = await adminPost(server, '/api/admin/chat/users/setenabled', { userId: troll.user.id, enabled: false, reason: 'trolling' });
    expect(disable.status).toBe(200);
    await troll.client.waitForType('CHAT_DISABLED');
    await troll.client.closed;
    expect(troll.client.events.at(-1)?.type).toBe('CHAT_DISABLED');
    // Their messages are hidden for everyone.
    await witness.client.waitForType('VISIBILITY-UPDATE', (e) => (e.ids as string[]).includes(String(nasty.id)) && e.visible === false);

    // From another address the socket opens, then ERROR_USER_DISABLED and close.
    const again = await ChatClient.connect(server, troll.user.accessToken, { 'X-Forwarded-For': '203.0.113.12' });
    await again.waitForType('ERROR_USER_DISABLED');
    await again.closed;
    expect(again.events.map((e) => e.type)).toEqual(['ERROR_USER_DISABLED']);
    // The address they chatted from is banned: 403 before upgrading.
    expect((await refusal(ChatClient.connect(server, troll.user.accessToken, { 'X-Forwarded-For': '203.0.113.10' }))).status).toBe(403);

    expect(await adminGet(server, '/api/admin/chat/users/disabled')).toMatchObject([{ id: troll.user.id, disabledReason: 'trolling' }]);
    expect((await fetch(`${server.url}/api/chat?accessToken=${troll.user.accessToken}`)).status).toBe(401);
  });

  it('an IP ban makes /ws answer 403, and lifting it lets the address back in', async () => {
    const server = await start();
    const alice = await register(server, 'Alice');
    expect((await adminPost(server, '/api/admin/chat/users/ipbans/create', { value: '127.0.0.1' })).status).toBe(200);
    expect(await adminGet(server, '/api/admin/chat/users/ipbans')).toMatchObject([{ ipAddress: '127.0.0.1' }]);
    expect((await refusal(ChatClient.connect(server, alice.accessToken))).status).toBe(403);
    expect((await fetch(`${server.url}/api/chat?accessToken=${alice.accessToken}`)).status).toBe(401);

    expect((await adminPost(server, '/api/admin/chat/users/ipbans/remove', { value: '127.0.0.1' })).status).toBe(200);
    const client = await ChatClient.connect(server, alice.accessToken);
    await client.waitForType('CONNECTED_USER_INFO');
  });

  it('an unknown token gets ERROR_NEEDS_REGISTRATION; turning chat off closes open sockets and refuses upgrades with CHAT_DISABLED', async () => {
    const server = await start();
    const stranger = await ChatClient.connect(server, 'not-a-token');
    await stranger.waitForType('ERROR_NEEDS_REGISTRATION');
    await stranger.closed;

    const alice = await join(server, 'Alice');
    const bob = await join(server, 'Bob');
    expect((await adminPost(server, '/api/admin/config/chat/disable', { value: true })).status).toBe(200);
    // Sockets already open are told, then closed, so the page shows chat as read-only.
    for (const { client } of [alice, bob]) {
      await client.waitForType('CHAT_DISABLED');
      expect(await client.closed).toEqual({ code: 1008, reason: 'chat disabled' });
    }
    // A WebSocket client refused at the upgrade reads the same body as a plain GET.
    const refused = await refusal(ChatClient.connect(server, alice.user.accessToken));
    expect({ status: refused.status, body: refused.body }).toEqual({ status: 200, body: 'CHAT_DISABLED' });
    const plain = await fetch(`${server.url}/ws?accessToken=${alice.user.accessToken}`);
    expect(await plain.text()).toBe('CHAT_DISABLED');
    expect((await fetch(`${server.url}/ws`, { method: 'POST' })).status).toBe(404);
  });

  it('history survives a restart on the same data directory', async () => {
    const dataDir = tempDataDir();
    const first = await start(dataDir);
    const alice = await join(first, 'Alice');
    for (const text of ['before', 'the', 'restart']) {
      alice.client.send({ type: 'CHAT', body: text });
      await alice.client.waitFor(text, (e) => e.type === 'CHAT' && String(e.body).includes(text));
    }
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await start(dataDir);
    const history = (await (await fetch(`${second.url}/api/chat?accessToken=${alice.user.accessToken}`)).json()) as { type: string; body: string; user: { id: string } }[];
    expect(history.filter((m) => m.type === 'CHAT').map((m) => m.body.replace(/<[^>]*>/g, ''))).toEqual(['before', 'the', 'restart']);
    expect(history.every((m) => m.type !== 'CHAT' || m.user.id === alice.user.id)).toBe(true);
    // The same token still connects.
    const back = await ChatClient.connect(second, alice.user.accessToken);
    expect(await back.waitForType('CONNECTED_USER_INFO')).toMatchObject({ user: { id: alice.user.id, displayName: 'Alice' } });
  });
});
