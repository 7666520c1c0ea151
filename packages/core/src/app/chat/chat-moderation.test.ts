import { describe, expect, it } from 'vitest';
import { createChatHarness, settle } from '../../testing/chat-harness.ts';
import { FakeChatSink } from '../../testing/fake-chat-sink.ts';

const say = (body: string) => JSON.stringify({ type: 'CHAT', body });

async function withMessages() {
  const h = await createChatHarness();
  const alice = await h.connect({ displayName: 'alice', ipAddress: '198.51.100.1' });
  const bob = await h.connect({ displayName: 'bob', ipAddress: '198.51.100.2' });
  alice.connection.receive(say('first'));
  await settle();
  h.clock.advance(1);
  bob.connection.receive(say('second'));
  await settle();
  h.clock.advance(1);
  const ids = (await h.repositories.chatMessages.list({ limit: 10 })).map((m) => m.id);
  return { h, alice, bob, ids };
}

describe('ChatService moderation', () => {
  it('hides and shows messages with VISIBILITY-UPDATE, ignoring unknown ids', async () => {
    const { h, bob, ids } = await withMessages();
    expect(await h.chat.setMessageVisibility([ids[0]!, 'nope'], false)).toEqual({ ok: true, value: [ids[0]] });
    await settle();
    expect(bob.sink.ofType('VISIBILITY-UPDATE')).toMatchObject([{ ids: [ids[0]], visible: false }]);
    expect((await h.chat.getChatHistory('viewer')).map((m) => m.body)).toEqual(['<p>second</p>']);
    const moderation = await h.chat.getChatHistory('moderation');
    expect(moderation.map((m) => [m.body, m.visible, m.hiddenAt !== undefined])).toEqual([
      ['<p>first</p>', false, true],
      ['<p>second</p>', true, false],
    ]);
    await h.chat.setMessageVisibility([ids[0]!], true);
    await settle();
    expect(bob.sink.ofType('VISIBILITY-UPDATE').at(-1)).toMatchObject({ ids: [ids[0]], visible: true });
    expect(await h.chat.getChatHistory('viewer')).toHaveLength(2);
    expect(await h.chat.setMessageVisibility([], true)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('disables a user: CHAT_DISABLED then close, messages hidden, address banned, reconnect refused', async () => {
    const { h, alice, bob, ids } = await withMessages();
    const result = await h.chat.setUserEnabled({ userId: alice.user.id, enabled: false, reason: 'spam' });
    expect(result).toMatchObject({ ok: true, value: { id: alice.user.id, disabledReason: 'spam', disabledAt: h.clock.now().toISOString() } });
    expect(alice.sink.events().at(-1)?.type).toBe('CHAT_DISABLED');
    expect(alice.sink.closedWith?.code).toBe(1008);
    await settle();
    expect(bob.sink.ofType('VISIBILITY-UPDATE')).toMatchObject([{ ids: [ids[0]], visible: false }]);
    expect(await h.chat.listIpBans()).toEqual([{ ipAddress: '198.51.100.1', notes: 'Banning of alice', createdAt: h.clock.now().toISOString() }]);
    expect((await h.chat.listDisabledUsers()).map((u) => u.id)).toEqual([alice.user.id]);

    const sink = new FakeChatSink();
    const again = await h.chat.connectChat({ accessToken: alice.accessToken, ipAddress: '198.51.100.99', userAgent: 'x', sink });
    expect(again).toMatchObject({ ok: false, error: { kind: 'user-disabled' } });
    expect(sink.events().map((e) => e.type)).toEqual(['ERROR_USER_DISABLED']);
    expect(await h.chat.authenticateChatUser({ accessToken: alice.accessToken })).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });

    // Re-enabling lets them back in; their messages stay hidden.
    await h.chat.setUserEnabled({ userId: alice.user.id, enabled: true });
    expect((await h.chat.getChatHistory('viewer')).map((m) => m.body)).toEqual(['<p>second</p>']);
    expect((await h.chat.connectChat({ accessToken: alice.accessToken, ipAddress: '198.51.100.99', userAgent: 'x', sink: new FakeChatSink() })).ok).toBe(true);
    expect(await h.chat.setUserEnabled({ userId: 'nobody', enabled: false })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('never bans loopback addresses when disabling a user (a proxy without X-Forwarded-For would lock everyone out)', async () => {
    const h = await createChatHarness();
    const local = await h.connect({ displayName: 'local', ipAddress: '127.0.0.1' });
    const mapped = await h.connect({ displayName: 'mapped', ipAddress: '::ffff:127.0.0.1' });
    await h.chat.setUserEnabled({ userId: local.user.id, enabled: false });
    await h.chat.setUserEnabled({ userId: mapped.user.id, enabled: false });
    expect(await h.chat.listIpBans()).toEqual([]);
    expect(local.sink.closedWith?.code).toBe(1008);
    expect((await h.chat.checkChatAdmission({ ipAddress: '127.0.0.1' })).ok).toBe(true);
  });

  it('refuses banned addresses before and at connect, and closes their open sockets', async () => {
    const h = await createChatHarness();
    const alice = await h.connect({ ipAddress: '192.0.2.5' });
    expect(await h.chat.banIpAddress(' 192.0.2.5 ', 'troll')).toMatchObject({ ok: true, value: { ipAddress: '192.0.2.5', notes: 'troll' } });
    expect(alice.sink.closedWith?.code).toBe(1008);
    expect(await h.chat.checkChatAdmission({ ipAddress: '192.0.2.5' })).toMatchObject({ ok: false, error: { kind: 'ip-banned' } });
    const sink = new FakeChatSink();
    expect(await h.chat.connectChat({ accessToken: alice.accessToken, ipAddress: '192.0.2.5', userAgent: 'x', sink })).toMatchObject({ ok: false, error: { kind: 'ip-banned' } });
    expect(sink.closedWith).toBeDefined();
    expect(await h.chat.authenticateChatUser({ accessToken: alice.accessToken, ipAddress: '192.0.2.5' })).toMatchObject({ ok: false });
    expect(await h.chat.unbanIpAddress('192.0.2.5')).toEqual({ ok: true, value: undefined });
    expect(await h.chat.unbanIpAddress('192.0.2.5')).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await h.chat.checkChatAdmission({ ipAddress: '192.0.2.5' })).toEqual({ ok: true, value: undefined });
    expect(await h.chat.banIpAddress('  ')).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('grants and removes moderator rights, refreshing the user’s sockets', async () => {
    const h = await createChatHarness();
    const alice = await h.connect({ displayName: 'alice' });
    alice.sink.clear();
    expect(await h.chat.setModerator({ userId: alice.user.id, isModerator: true })).toMatchObject({ ok: true, value: { scopes: ['MODERATOR'] } });
    await settle();
    expect(alice.sink.ofType('CONNECTED_USER_INFO')).toMatchObject([{ user: { scopes: ['MODERATOR'] } }]);
    expect((await h.chat.listModerators()).map((u) => u.displayName)).toEqual(['alice']);
    expect(await h.chat.authenticateChatUser({ accessToken: alice.accessToken, requireModerator: true })).toMatchObject({ ok: true, value: { id: alice.user.id } });
    await h.chat.setModerator({ userId: alice.user.id, isModerator: false });
    expect(await h.chat.listModerators()).toEqual([]);
    expect(await h.chat.authenticateChatUser({ accessToken: alice.accessToken, requireModerator: true })).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await h.chat.setModerator({ userId: 'nobody', isModerator: true })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('lists users newest first or oldest first, paging either way', async () => {
    const h = await createChatHarness();
    for (const name of ['u1', 'u2', 'u3', 'u4', 'u5']) {
      await h.chat.registerChatUser({ displayName: name });
      h.clock.advance(1000);
    }
    const names = async (query: Parameters<typeof h.chat.listUsers>[0]) => {
      const page = await h.chat.listUsers(query);
      return [page.total, page.results.map((u) => u.displayName)];
    };
    expect(await names({ offset: 0, limit: 2 })).toEqual([5, ['u5', 'u4']]);
    expect(await names({ offset: 0, limit: 2, sort: 'asc' })).toEqual([5, ['u1', 'u2']]);
    expect(await names({ offset: 4, limit: 2, sort: 'asc' })).toEqual([5, ['u5']]);
    expect(await names({ offset: 9, limit: 2, sort: 'asc' })).toEqual([5, []]);
    expect(await names({ offset: 0, limit: 10, search: 'U3' })).toEqual([1, ['u3']]);
  });

  it('deletes a user with their messages, closing their sockets', async () => {
    const { h, alice, bob, ids } = await withMessages();
    expect(await h.chat.deleteUser(alice.user.id)).toEqual({ ok: true, value: undefined });
    expect(alice.sink.closedWith).toBeDefined();
    await settle();
    expect(bob.sink.ofType('VISIBILITY-UPDATE')).toMatchObject([{ ids: [ids[0]], visible: false }]);
    expect((await h.chat.getChatHistory('moderation')).map((m) => m.body)).toEqual(['<p>second</p>']);
    expect(await h.repositories.users.getById(alice.user.id)).toBeUndefined();
    h.clock.advance(10_000);
    await settle();
    expect(bob.sink.ofType('USER_PARTED')).toEqual([]);
    expect(await h.chat.deleteUser(alice.user.id)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('gives a user’s details: user, sockets and latest messages including hidden ones', async () => {
    const { h, alice, ids } = await withMessages();
    await h.chat.setMessageVisibility([ids[0]!], false);
    const details = await h.chat.getChatUserDetails(alice.user.id);
    expect(details).toMatchObject({
      ok: true,
      value: { user: { id: alice.user.id, displayName: 'alice' }, connectedClients: [{ id: alice.connection.clientId, ipAddress: '198.51.100.1' }], messages: [{ id: ids[0], visible: false }] },
    });
    expect(await h.chat.getChatUserDetails('nobody')).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('shows history in Owncast’s shapes for chat, system and action messages', async () => {
    const { h, alice } = await withMessages();
    await h.settings.update('serverInfo', { name: 'Night Owls' });
    await h.chat.sendSystemMessage({ body: 'system says' });
    h.clock.advance(1);
    await h.chat.sendChatAction({ body: 'did a thing', author: 'bot' });
    const history = await h.chat.getChatHistory('viewer');
    expect(history[0]).toEqual({ type: 'CHAT', id: expect.any(String), timestamp: expect.any(String), body: '<p>first</p>', visible: true, user: expect.objectContaining({ id: alice.user.id, displayName: 'alice' }) });
    expect(history.slice(2)).toEqual([
      { type: 'SYSTEM', id: expect.any(String), timestamp: expect.any(String), body: '<p>system says</p>', visible: true, user: { displayName: 'Night Owls' } },
      { type: 'CHAT_ACTION', id: expect.any(String), timestamp: expect.any(String), body: '<p>bot did a thing</p>', visible: true },
    ]);
  });

  it('prunes history older than the limit or beyond the newest N', async () => {
    const h = await createChatHarness({ chatOptions: { prune: { keepLatest: 2, maxAgeMs: 60_000, everyMs: 3_600_000 } } });
    for (const body of ['a', 'b', 'c']) {
      await h.chat.sendChatAction({ body });
      h.clock.advance(1);
    }
    await h.chat.prune();
    expect((await h.chat.getChatHistory('moderation')).map((m) => m.body)).toEqual(['<p>b</p>', '<p>c</p>']);
    h.clock.advance(3_600_000);
    await settle();
    expect(await h.repositories.chatMessages.count()).toBe(0);
  });
});
