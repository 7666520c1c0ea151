import { beforeEach, describe, expect, it } from 'vitest';
import { bearerToken } from './chat-auth.ts';
import { ADMIN, createFixture, type Fixture } from './test-fixture.ts';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});

const bearer = (token: string, scheme = 'Bearer') => ({ Authorization: `${scheme} ${token}` });

describe('bearerToken', () => {
  it('takes the scheme in any case and nothing else', () => {
    expect(bearerToken('Bearer abc')).toBe('abc');
    expect(bearerToken('bEaReR abc')).toBe('abc');
    for (const header of [undefined, '', 'Bearer', 'Bearer ', 'Basic abc', 'Bearerabc', 'Token abc']) expect(bearerToken(header), String(header)).toBeUndefined();
  });
});

describe('the integration guard', () => {
  it('answers 401 `unauthorized` without a token, with another scheme, an unknown token or a missing scope', async () => {
    const sender = await f.integrationToken(['CAN_SEND_MESSAGES']);
    const cases: Record<string, string>[] = [{}, { Authorization: `Basic ${btoa('admin:abc123')}` }, bearer('not-a-token'), bearer(sender)];
    for (const headers of cases) {
      const response = await f.post('/api/integrations/chat/system', { body: 'hi' }, headers);
      expect(response.status, JSON.stringify(headers)).toBe(401);
      expect(await response.text()).toBe('unauthorized');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
    expect((await f.get('/api/integrations/status', bearer(sender))).status).toBe(401);
  });

  it('answers every preflight with 204 and a wildcard origin, without a token', async () => {
    for (const path of ['/api/integrations/chat/send', '/api/integrations/chat/system/client/3', '/api/integrations/chat', '/api/integrations/streamtitle']) {
      const response = await f.app.request(path, { method: 'OPTIONS' });
      expect(response.status, path).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe('*');
      expect(response.headers.get('access-control-allow-headers')).toMatch(/Authorization/);
    }
  });

  it('accepts the scheme in any case, opens CORS and records the use', async () => {
    const token = await f.integrationToken(['CAN_SEND_MESSAGES']);
    const response = await f.post('/api/integrations/chat/send', { body: 'beep' }, bearer(token, 'bearer'));
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual({ success: true, message: 'sent' });
    const [listed] = (await (await f.get('/api/admin/accesstokens', ADMIN)).json()) as { lastUsedAt: string | null }[];
    expect(listed?.lastUsedAt).not.toBeNull();
  });
});

describe('integration routes', () => {
  it('send and user (deprecated) post a CHAT as the bot; system and action need CAN_SEND_SYSTEM_MESSAGES', async () => {
    const sender = await f.integrationToken(['CAN_SEND_MESSAGES']);
    const system = await f.integrationToken(['CAN_SEND_SYSTEM_MESSAGES']);
    for (const [path, body, token] of [
      ['/api/integrations/chat/send', { body: 'one' }, sender],
      ['/api/integrations/chat/user', { body: 'two' }, sender],
      ['/api/integrations/chat/system', { body: 'three' }, system],
      ['/api/integrations/chat/action', { body: 'four', author: 'Overlay' }, system],
    ] as const) {
      expect((await f.post(path, body, bearer(token))).status, path).toBe(200);
      f.clock.advance(1000);
    }
    expect((await f.post('/api/integrations/chat/action', { body: 'x' }, bearer(sender))).status).toBe(401);
    const history = (await (await f.get('/api/admin/chat/messages', ADMIN)).json()) as { type: string; body: string; user?: { isBot?: boolean } }[];
    expect(history.map((m) => m.type)).toEqual(['CHAT', 'CHAT', 'SYSTEM', 'CHAT_ACTION']);
    expect(history[0]?.user?.isBot).toBe(true);
    expect(history.map((m) => m.body).join(' ')).toMatch(/one.*two.*three.*four/s);
  });

  it('refuses blank and malformed messages with 400', async () => {
    const token = await f.integrationToken(['CAN_SEND_MESSAGES', 'CAN_SEND_SYSTEM_MESSAGES']);
    for (const [path, body] of [
      ['/api/integrations/chat/send', { body: '   ' }],
      ['/api/integrations/chat/send', { text: 'hi' }],
      ['/api/integrations/chat/system', '{"body":'],
      ['/api/integrations/chat/action', { body: 5 }],
      ['/api/integrations/chat/system/client/abc', { body: 'hi' }],
      ['/api/integrations/chat/system/client/1.5', { body: 'hi' }],
    ] as const) {
      const response = await f.post(path, body, bearer(token));
      expect(response.status, `${path} ${JSON.stringify(body)}`).toBe(400);
      expect(((await response.json()) as { success: boolean }).success).toBe(false);
    }
    expect((await f.post('/api/integrations/chat/system/client/99', { body: 'hi' }, bearer(token))).status).toBe(404);
  });

  it('admin-scoped routes: history, clients, user details, visibility, status and stream title', async () => {
    const admin = await f.integrationToken(['HAS_ADMIN_ACCESS']);
    const sender = await f.integrationToken(['CAN_SEND_MESSAGES']);
    await f.post('/api/integrations/chat/send', { body: 'visible' }, bearer(sender));
    const history = (await (await f.get('/api/integrations/chat', bearer(admin))).json()) as { id: string }[];
    expect(history).toHaveLength(1);
    expect(await (await f.get('/api/integrations/clients', bearer(admin))).json()).toEqual([]);

    const hide = await f.post('/api/integrations/chat/messagevisibility', { idArray: [history[0]!.id], visible: false }, bearer(admin));
    expect(await hide.json()).toEqual({ success: true, message: 'changed' });
    expect(await (await f.get('/api/integrations/chat', bearer(admin))).json()).toMatchObject([{ visible: false }]);

    const alice = await f.register('Alice');
    expect(await (await f.get(`/api/integrations/moderation/chat/user/${alice.id}`, bearer(admin))).json()).toMatchObject({ user: { displayName: 'Alice' } });
    expect((await f.get('/api/integrations/moderation/chat/user/nobody', bearer(admin))).status).toBe(404);

    expect(await (await f.post('/api/integrations/streamtitle', { value: 'Live now' }, bearer(admin))).json()).toEqual({ success: true, message: 'changed' });
    expect((await f.post('/api/integrations/streamtitle', { value: 7 }, bearer(admin))).status).toBe(400);
    const status = (await (await f.get('/api/integrations/status', bearer(admin))).json()) as Record<string, unknown>;
    expect(status).toMatchObject({ online: false, streamTitle: 'Live now' });
  });
});
