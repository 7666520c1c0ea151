import { describe, expect, it } from 'vitest';
import { hashToken } from '../../domain/ids.ts';
import { createChatHarness, settle } from '../../testing/chat-harness.ts';

async function withToken(scopes: string[]) {
  const h = await createChatHarness();
  const created = await h.chat.createAccessToken({ name: 'Ticker bot', scopes });
  if (!created.ok) throw new Error(created.error.message);
  return { h, token: created.value };
}

describe('ChatService integrations', () => {
  it('creates tokens that show the plain token once, lists them by prefix and deletes them', async () => {
    const { h, token } = await withToken(['CAN_SEND_MESSAGES']);
    expect(token).toMatchObject({ displayName: 'Ticker bot', type: 'API', isBot: true, scopes: ['CAN_SEND_MESSAGES'], lastUsedAt: null });
    expect(token.accessToken).toHaveLength(43);
    expect(token.tokenPrefix).toBe(token.accessToken.slice(0, 6));
    const [listed] = await h.chat.listAccessTokens();
    expect(listed).toEqual({ id: token.id, displayName: 'Ticker bot', displayColor: token.displayColor, type: 'API', isBot: true, scopes: ['CAN_SEND_MESSAGES'], createdAt: token.createdAt, lastUsedAt: null, tokenPrefix: token.tokenPrefix });
    expect(JSON.stringify(await h.chat.listAccessTokens())).not.toContain(token.accessToken);
    expect((await h.repositories.accessTokens.list())[0]?.tokenHash).toBe(await hashToken(token.accessToken));

    expect(await h.chat.deleteAccessToken(token.accessToken)).toEqual({ ok: true, value: undefined });
    expect(await h.chat.listAccessTokens()).toEqual([]);
    expect(await h.chat.deleteAccessToken(token.accessToken)).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('deletes a token by the id the list shows', async () => {
    const { h, token } = await withToken(['CAN_SEND_MESSAGES']);
    expect(await h.chat.deleteAccessToken(token.id)).toEqual({ ok: true, value: undefined });
    expect(await h.chat.authenticateIntegration(token.accessToken)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
  });

  it('refuses invalid token requests', async () => {
    const h = await createChatHarness();
    expect(await h.chat.createAccessToken({ name: '', scopes: ['CAN_SEND_MESSAGES'] })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(await h.chat.createAccessToken({ name: 'x', scopes: [] })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(await h.chat.createAccessToken({ name: 'x', scopes: ['MODERATOR'] })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(await h.chat.createAccessToken({ name: 'x', scopes: 'CAN_SEND_MESSAGES' })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('checks bearer tokens and their scopes, recording their use', async () => {
    const { h, token } = await withToken(['CAN_SEND_MESSAGES']);
    h.clock.advance(5000);
    const ok = await h.chat.authenticateIntegration(token.accessToken, 'CAN_SEND_MESSAGES');
    expect(ok).toMatchObject({ ok: true, value: { id: token.id, lastUsedAt: h.clock.now() } });
    expect((await h.chat.listAccessTokens())[0]?.lastUsedAt).toBe(h.clock.now().toISOString());
    expect(await h.chat.authenticateIntegration(token.accessToken, 'CAN_SEND_SYSTEM_MESSAGES')).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await h.chat.authenticateIntegration(token.accessToken, 'HAS_ADMIN_ACCESS')).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await h.chat.authenticateIntegration('wrong', 'CAN_SEND_MESSAGES')).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await h.chat.authenticateIntegration(undefined)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
  });

  it('sends system messages to everyone (stored) or to one client (not stored)', async () => {
    const { h } = await withToken(['CAN_SEND_SYSTEM_MESSAGES']);
    await h.settings.update('serverInfo', { name: 'Night Owls' });
    const alice = await h.connect();
    const bob = await h.connect();
    expect(await h.chat.sendSystemMessage({ body: 'to all' })).toEqual({ ok: true, value: undefined });
    expect(await h.chat.sendSystemMessage({ body: 'to bob', clientId: bob.connection.clientId })).toEqual({ ok: true, value: undefined });
    await settle();
    expect(alice.sink.ofType('SYSTEM').map((e) => e.body)).toEqual(['<p>to all</p>']);
    expect(bob.sink.ofType('SYSTEM')).toMatchObject([{ body: '<p>to all</p>', user: { displayName: 'Night Owls' } }, { body: '<p>to bob</p>' }]);
    expect(await h.repositories.chatMessages.count()).toBe(1);
    expect(await h.chat.sendSystemMessage({ body: 'x', clientId: 999 })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await h.chat.sendSystemMessage({ body: '  ' })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('sends messages as the token’s bot user', async () => {
    const { h, token } = await withToken(['CAN_SEND_MESSAGES']);
    const alice = await h.connect();
    const auth = await h.chat.authenticateIntegration(token.accessToken, 'CAN_SEND_MESSAGES');
    if (!auth.ok) throw new Error('auth');
    expect(await h.chat.sendBotMessage(auth.value, 'beep')).toEqual({ ok: true, value: undefined });
    await settle();
    expect(alice.sink.ofType('CHAT')).toMatchObject([{ body: '<p>beep</p>', user: { id: token.id, displayName: 'Ticker bot', isBot: true } }]);
    expect((await h.chat.listUsers({ offset: 0, limit: 10, status: 'bots' })).results.map((u) => u.id)).toEqual([token.id]);
    expect(await h.chat.sendBotMessage(auth.value, '')).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });

  it('sends actions, with the author in front when given', async () => {
    const h = await createChatHarness();
    const alice = await h.connect();
    await h.chat.sendChatAction({ body: 'waves', author: 'Ticker' });
    await settle();
    expect(alice.sink.ofType('CHAT_ACTION').map((e) => e.body)).toEqual(['<p>Ticker waves</p>']);
    expect(await h.chat.sendChatAction({ body: ' ' })).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
  });
});
