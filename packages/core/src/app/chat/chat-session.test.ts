import { describe, expect, it } from 'vitest';
import { ServerChatEventSchema } from '../../domain/chat-events.ts';
import { createChatHarness, settle } from '../../testing/chat-harness.ts';
import { FakeChatSink } from '../../testing/fake-chat-sink.ts';
import { InMemoryGeoIpLookup } from '../../testing/in-memory-geoip-lookup.ts';
import { PlainChatRenderer } from './plain-chat-renderer.ts';
import { CHAT_TEXTS } from './chat-texts.ts';

const notice = (text: string) => new PlainChatRenderer().render(text, []);

const say = (body: string) => JSON.stringify({ type: 'CHAT', body });

describe('ChatService sessions', () => {
  it('sends CONNECTED_USER_INFO on connect', async () => {
    const h = await createChatHarness();
    const alice = await h.connect({ displayName: 'alice' });
    const [info] = alice.sink.ofType('CONNECTED_USER_INFO');
    expect(info).toMatchObject({ user: { id: alice.user.id, displayName: 'alice' } });
    expect(ServerChatEventSchema.safeParse(info).success).toBe(true);
  });

  it('lets two clients see each other’s messages, in order, rendered and stored', async () => {
    const h = await createChatHarness();
    const alice = await h.connect({ displayName: 'alice' });
    const bob = await h.connect({ displayName: 'bob' });
    alice.connection.receive(say('hi <b>bob</b>'));
    await settle();
    h.clock.advance(1);
    bob.connection.receive(say('hello alice'));
    await settle();
    h.clock.advance(1);
    alice.connection.receive(say('how are you?'));
    await settle();
    for (const client of [alice, bob]) {
      const chats = client.sink.ofType('CHAT');
      expect(chats.map((e) => [(e.user as { displayName: string }).displayName, e.body])).toEqual([
        ['alice', '<p>hi &lt;b&gt;bob&lt;/b&gt;</p>'],
        ['bob', '<p>hello alice</p>'],
        ['alice', '<p>how are you?</p>'],
      ]);
      for (const chat of chats) expect(ServerChatEventSchema.safeParse(chat).success).toBe(true);
    }
    const stored = await h.repositories.chatMessages.list({ limit: 10 });
    expect(stored.map((m) => m.rawBody)).toEqual(['hi <b>bob</b>', 'hello alice', 'how are you?']);
    expect(stored[0]).toMatchObject({ type: 'CHAT', userId: alice.user.id, rawBody: 'hi <b>bob</b>', body: '<p>hi &lt;b&gt;bob&lt;/b&gt;</p>' });
  });

  it('ignores empty messages', async () => {
    const h = await createChatHarness();
    const alice = await h.connect();
    alice.connection.receive(say('   '));
    await settle();
    expect(alice.sink.ofType('CHAT')).toEqual([]);
    expect(await h.repositories.chatMessages.count()).toBe(0);
  });

  it('batches events queued in one turn into one frame joined by newlines', async () => {
    const h = await createChatHarness();
    const alice = await h.connect();
    alice.sink.clear();
    h.events.publish({ type: 'stream-started', at: h.clock.now(), broadcaster: {} as never, streamTitle: '' });
    h.events.publish({ type: 'stream-stopped', at: h.clock.now() });
    h.events.publish({ type: 'stream-started', at: h.clock.now(), broadcaster: {} as never, streamTitle: '' });
    await settle();
    expect(alice.sink.frames).toHaveLength(1);
    expect(alice.sink.frames[0]!.split('\n').map((line) => (JSON.parse(line) as { type: string }).type)).toEqual(['CHAT_ACTION', 'CHAT_ACTION', 'CHAT_ACTION']);
  });

  it('renames: ok, forbidden and taken names', async () => {
    const h = await createChatHarness();
    const alice = await h.connect({ displayName: 'alice' });
    const bob = await h.connect({ displayName: 'bob' });
    alice.sink.clear();
    bob.sink.clear();
    alice.connection.receive(JSON.stringify({ type: 'NAME_CHANGE', newName: '  Alicia  ' }));
    await settle();
    const [change] = bob.sink.ofType('NAME_CHANGE');
    expect(change).toMatchObject({ oldName: 'alice', user: { id: alice.user.id, displayName: 'Alicia', previousNames: ['alice'] } });
    expect(ServerChatEventSchema.safeParse(change).success).toBe(true);
    expect(alice.sink.ofType('CONNECTED_USER_INFO').at(-1)).toMatchObject({ user: { displayName: 'Alicia' } });

    alice.sink.clear();
    alice.connection.receive(JSON.stringify({ type: 'NAME_CHANGE', newName: 'ADMIN' }));
    await settle();
    expect(alice.sink.ofType('CHAT_ACTION').map((e) => e.body)).toEqual([notice(CHAT_TEXTS.forbiddenName('ADMIN'))]);
    expect(alice.sink.ofType('CONNECTED_USER_INFO').at(-1)).toMatchObject({ user: { displayName: 'Alicia' } });

    alice.sink.clear();
    alice.connection.receive(JSON.stringify({ type: 'NAME_CHANGE', newName: 'BOB' }));
    await settle();
    expect(alice.sink.ofType('CHAT_ACTION').map((e) => e.body)).toEqual([notice(CHAT_TEXTS.nameTaken('BOB'))]);
    expect((await h.repositories.users.getById(alice.user.id))?.displayName).toBe('Alicia');
  });

  it('cuts names to 30 characters', async () => {
    const h = await createChatHarness();
    const alice = await h.connect({ displayName: 'alice' });
    alice.connection.receive(JSON.stringify({ type: 'NAME_CHANGE', newName: 'x'.repeat(50) }));
    await settle();
    expect((await h.repositories.users.getById(alice.user.id))?.displayName).toBe('x'.repeat(30));
  });

  it('changes colours within 0..7 and ignores others', async () => {
    const h = await createChatHarness();
    const alice = await h.connect();
    const bob = await h.connect();
    const target = (alice.user.displayColor + 1) % 8;
    alice.connection.receive(JSON.stringify({ type: 'COLOR_CHANGE', newColor: target }));
    alice.connection.receive(JSON.stringify({ type: 'COLOR_CHANGE', newColor: 8 }));
    alice.connection.receive(JSON.stringify({ type: 'COLOR_CHANGE', newColor: -1 }));
    await settle();
    expect(bob.sink.ofType('COLOR_CHANGE').map((e) => (e.user as { displayColor: number }).displayColor)).toEqual([target]);
    expect((await h.repositories.users.getById(alice.user.id))?.displayColor).toBe(target);
  });

  it('announces joins while live with join messages on, parts 10 s after the last socket, and a reconnect cancels the part', async () => {
    const h = await createChatHarness();
    h.state.online = true;
    const watcher = await h.connect({ displayName: 'watcher' });
    const alice = await h.connect({ displayName: 'alice' });
    const joinedNames = () => watcher.sink.ofType('USER_JOINED').map((e) => (e.user as { displayName: string }).displayName);
    expect(joinedNames()).toEqual(['watcher', 'alice']);

    alice.connection.closed();
    h.clock.advance(9_000);
    await settle();
    expect(watcher.sink.ofType('USER_PARTED')).toEqual([]);
    const again = await h.connect({ as: alice });
    h.clock.advance(5_000);
    await settle();
    expect(watcher.sink.ofType('USER_PARTED')).toEqual([]);
    expect(joinedNames()).toEqual(['watcher', 'alice']);

    again.connection.closed();
    h.clock.advance(10_000);
    await settle();
    expect(watcher.sink.ofType('USER_PARTED')).toMatchObject([{ user: { id: alice.user.id }, clientId: again.connection.clientId }]);
    expect(h.published.filter((e) => e.type === 'chat' && e.event.type === 'USER_PARTED')).toHaveLength(1);
  });

  it('keeps joins and parts out of chat while offline or with join messages off, but still announces them', async () => {
    const h = await createChatHarness({ chatSettings: { joinMessagesEnabled: false } });
    h.state.online = true;
    const watcher = await h.connect();
    const alice = await h.connect();
    alice.connection.closed();
    h.clock.advance(10_000);
    await settle();
    expect(watcher.sink.ofType('USER_JOINED')).toEqual([]);
    expect(watcher.sink.ofType('USER_PARTED')).toEqual([]);
    const announced = h.published.flatMap((e) => (e.type === 'chat' ? [e.event.type] : []));
    expect(announced.filter((t) => t === 'USER_JOINED' || t === 'USER_PARTED')).toEqual(['USER_JOINED', 'USER_JOINED', 'USER_PARTED']);
  });

  it('sends the welcome message 7 s after joining, only while live', async () => {
    const h = await createChatHarness();
    await h.settings.update('serverInfo', { name: 'Night Owls', welcomeMessage: 'Welcome, be **kind**' });
    const offline = await h.connect();
    h.state.online = true;
    const online = await h.connect();
    h.clock.advance(6_999);
    await settle();
    expect(online.sink.ofType('SYSTEM')).toEqual([]);
    h.clock.advance(1);
    await settle();
    expect(online.sink.ofType('SYSTEM')).toMatchObject([{ body: '<p>Welcome, be **kind**</p>', user: { displayName: 'Night Owls' } }]);
    expect(offline.sink.ofType('SYSTEM')).toEqual([]);
  });

  it('does not send the welcome message to a client that left', async () => {
    const h = await createChatHarness();
    await h.settings.update('serverInfo', { welcomeMessage: 'hi' });
    h.state.online = true;
    const alice = await h.connect();
    alice.connection.closed();
    h.clock.advance(7_000);
    await settle();
    expect(alice.sink.ofType('SYSTEM')).toEqual([]);
  });

  it('tells everyone when the stream starts and ends, without storing it', async () => {
    const h = await createChatHarness();
    const alice = await h.connect();
    h.events.publish({ type: 'stream-started', at: h.clock.now(), broadcaster: {} as never, streamTitle: '' });
    h.events.publish({ type: 'stream-stopped', at: h.clock.now() });
    await settle();
    expect(alice.sink.ofType('CHAT_ACTION').map((e) => e.body)).toEqual([notice(CHAT_TEXTS.streamStarting), notice(CHAT_TEXTS.streamEnding)]);
    expect(await h.repositories.chatMessages.count()).toBe(0);
  });

  it('publishes chat messages on the event bus with the raw body', async () => {
    const h = await createChatHarness();
    const alice = await h.connect();
    alice.connection.receive(say('**hi**'));
    await settle();
    const chats = h.published.flatMap((e) => (e.type === 'chat' && e.event.type === 'CHAT' ? [e.event] : []));
    expect(chats).toMatchObject([{ body: '<p>**hi**</p>', rawBody: '**hi**', clientId: alice.connection.clientId, visible: true }]);
    expect(alice.sink.ofType('CHAT')[0]).not.toHaveProperty('rawBody');
  });

  it('closes every socket on stop', async () => {
    const h = await createChatHarness();
    const alice = await h.connect();
    h.chat.stop();
    expect(alice.sink.closedWith?.code).toBe(1001);
    expect(h.chat.listChatClients()).toEqual([]);
    expect(h.clock.pendingTimers).toBe(0);
  });

  it('refuses a missing or unknown token with ERROR_NEEDS_REGISTRATION', async () => {
    const h = await createChatHarness();
    for (const accessToken of [undefined, '', 'not-a-token']) {
      const sink = new FakeChatSink();
      const result = await h.chat.connectChat({ accessToken, ipAddress: '203.0.113.9', userAgent: 'x', sink });
      expect(result).toMatchObject({ ok: false, error: { kind: 'needs-registration' } });
      expect(sink.events().map((e) => e.type)).toEqual(['ERROR_NEEDS_REGISTRATION']);
      expect(sink.closedWith).toBeDefined();
    }
  });

  it('turning chat off tells open sockets (CHAT_DISABLED, then close 1008) and refuses new ones', async () => {
    const h = await createChatHarness();
    const alice = await h.connect();
    const bob = await h.connect();
    await h.settings.update('chat', { spamProtectionEnabled: false });
    expect(alice.sink.closedWith).toBeUndefined();
    await h.settings.update('chat', { disabled: true });
    for (const client of [alice, bob]) {
      expect(client.sink.events().at(-1)?.type).toBe('CHAT_DISABLED');
      expect(client.sink.closedWith).toEqual({ code: 1008, reason: 'chat disabled' });
    }
    expect((await h.chat.listChatClients()).length).toBe(0);
    expect(await h.chat.checkChatAdmission({ ipAddress: '203.0.113.1' })).toMatchObject({ ok: false, error: { kind: 'chat-disabled' } });
    // A later change of another chat setting while it stays off closes nothing new; turning it on admits again.
    await h.settings.update('chat', { disabled: false });
    const carol = await h.connect();
    expect(carol.sink.closedWith).toBeUndefined();
    expect(carol.sink.ofType('CONNECTED_USER_INFO')).toHaveLength(1);
  });

  it('refuses sockets while chat is disabled, and drops messages of sockets already open', async () => {
    const h = await createChatHarness();
    const alice = await h.connect();
    await h.settings.update('chat', { disabled: true });
    expect(await h.chat.checkChatAdmission({ ipAddress: '203.0.113.1' })).toMatchObject({ ok: false, error: { kind: 'chat-disabled' } });
    const sink = new FakeChatSink();
    const result = await h.chat.connectChat({ accessToken: alice.accessToken, ipAddress: '203.0.113.1', userAgent: 'x', sink });
    expect(result).toMatchObject({ ok: false, error: { kind: 'chat-disabled' } });
    expect(sink.frames).toEqual([]);
    expect(sink.closedWith).toBeDefined();
    alice.connection.receive(say('anyone?'));
    await settle();
    expect(await h.repositories.chatMessages.count()).toBe(0);
  });

  it('refuses connections over the cap with ERROR_MAX_CONNECTIONS_EXCEEDED', async () => {
    const h = await createChatHarness({ chatOptions: { maxConnections: 2 } });
    const alice = await h.connect();
    await h.connect();
    const sink = new FakeChatSink();
    const result = await h.chat.connectChat({ accessToken: alice.accessToken, ipAddress: '203.0.113.1', userAgent: 'x', sink });
    expect(result).toMatchObject({ ok: false, error: { kind: 'too-many-connections' } });
    expect(sink.events().map((e) => e.type)).toEqual(['ERROR_MAX_CONNECTIONS_EXCEEDED']);
    alice.connection.closed();
    await expect(h.connect({ as: alice })).resolves.toBeDefined();
  });

  it('counts connections still being accepted against the cap', async () => {
    const h = await createChatHarness({ chatOptions: { maxConnections: 3 } });
    const tokens = await Promise.all([1, 2, 3, 4, 5].map(() => h.register()));
    const results = await Promise.all(tokens.map((accessToken) => h.chat.connectChat({ accessToken, ipAddress: '203.0.113.1', userAgent: 'x', sink: new FakeChatSink() })));
    expect(results.filter((r) => r.ok)).toHaveLength(3);
    expect(h.chat.listChatClients()).toHaveLength(3);
  });

  it('lists connected clients with their details', async () => {
    const h = await createChatHarness();
    const alice = await h.connect({ displayName: 'alice', ipAddress: '198.51.100.7' });
    alice.connection.receive(say('one'));
    await settle();
    expect(h.chat.listChatClients()).toEqual([
      { id: alice.connection.clientId, connectedAt: h.clock.now().toISOString(), messageCount: 1, userAgent: 'test-agent', ipAddress: '198.51.100.7', geo: null, user: expect.objectContaining({ id: alice.user.id, displayName: 'alice' }) },
    ]);
  });

  it('locates clients with the GeoIP lookup when one is given', async () => {
    const geo = { countryCode: 'NL', regionName: 'North Holland', timeZone: 'Europe/Amsterdam' };
    const h = await createChatHarness({ deps: { geoip: new InMemoryGeoIpLookup([['198.51.100.3', geo]]) } });
    await h.connect({ ipAddress: '198.51.100.3' });
    await h.connect({ ipAddress: '198.51.100.4' });
    await settle();
    expect(h.chat.listChatClients().map((c) => c.geo)).toEqual([geo, null]);
  });
});
