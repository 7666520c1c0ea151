import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, PEER, TINY_PNG, createFixture, type Fixture } from './test-fixture.ts';

let f: Fixture;
beforeEach(async () => {
  f = await createFixture();
});

const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

describe('POST /api/chat/register', () => {
  it('registers with the requested name, an empty body or a proxy-given name, with open CORS', async () => {
    const alice = await f.post('/api/chat/register', { displayName: 'Alice' }, {});
    expect(alice.status).toBe(200);
    expect(alice.headers.get('access-control-allow-origin')).toBe('*');
    const body = (await alice.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(['accessToken', 'displayName', 'id']);
    expect(body.displayName).toBe('Alice');

    const anonymous = (await (await f.post('/api/chat/register', '', {})).json()) as { displayName: string };
    expect(anonymous.displayName.length).toBeGreaterThan(0);
    const proxied = (await (await f.post('/api/chat/register', '', { 'X-Forwarded-User': 'sso-bob' })).json()) as { displayName: string };
    expect(proxied.displayName).toBe('sso-bob');
  });

  it('answers the preflight with 204 for any origin', async () => {
    const response = await f.app.request('/api/chat/register', { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('refuses malformed JSON, a non-string name and a forbidden name with 400 and a message', async () => {
    for (const body of ['{"displayName":', '{"displayName":5}', '[1]', JSON.stringify({ displayName: 'admin' })]) {
      const response = await f.post('/api/chat/register', body, {});
      expect(response.status, body).toBe(400);
      const json = (await response.json()) as { success: boolean; message: string };
      expect(json.success).toBe(false);
      expect(json.message.length).toBeGreaterThan(0);
    }
  });
});

describe('chat-token routes', () => {
  it('GET /api/chat needs a valid token of an enabled user from an address that is not banned', async () => {
    const alice = await f.register('Alice');
    for (const query of ['', '?accessToken=', '?accessToken=nope']) {
      const response = await f.get(`/api/chat${query}`);
      expect(response.status, query).toBe(401);
      expect(await response.text()).toBe('unauthorized');
    }
    const ok = await f.get(`/api/chat?accessToken=${alice.accessToken}`);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('access-control-allow-origin')).toBe('*');
    expect(await ok.json()).toEqual([]);

    await f.post('/api/admin/chat/users/ipbans/create', { value: PEER });
    expect((await f.get(`/api/chat?accessToken=${alice.accessToken}`)).status).toBe(401);
    await f.post('/api/admin/chat/users/ipbans/remove', { value: PEER });
    expect((await f.get(`/api/chat?accessToken=${alice.accessToken}`)).status).toBe(200);
  });

  it('moderation routes need the MODERATOR scope', async () => {
    const viewer = await f.register('Viewer');
    const mod = await f.register('Mod', { moderator: true });
    const asViewer = `?accessToken=${viewer.accessToken}`;
    const asMod = `?accessToken=${mod.accessToken}`;
    expect((await f.post(`/api/chat/messagevisibility${asViewer}`, { idArray: ['x'], visible: false }, {})).status).toBe(401);
    expect((await f.post(`/api/chat/users/setenabled${asViewer}`, { userId: mod.id, enabled: false }, {})).status).toBe(401);
    expect((await f.get(`/api/moderation/chat/user/${viewer.id}${asViewer}`)).status).toBe(401);

    const details = await f.get(`/api/moderation/chat/user/${viewer.id}${asMod}`);
    expect(details.status).toBe(200);
    expect(await details.json()).toMatchObject({ user: { id: viewer.id, displayName: 'Viewer' }, connectedClients: [], messages: [] });
    expect((await f.get(`/api/moderation/chat/user/nobody${asMod}`)).status).toBe(404);
    expect((await f.post(`/api/chat/users/setenabled${asMod}`, { userId: 'nobody', enabled: false }, {})).status).toBe(404);
    expect((await f.post(`/api/chat/messagevisibility${asMod}`, { idArray: 'x', visible: false }, {})).status).toBe(400);

    const disabled = await f.post(`/api/chat/users/setenabled${asMod}`, { userId: viewer.id, enabled: false }, {});
    expect(await disabled.json()).toEqual({ success: true, message: `${viewer.id} enabled: false` });
    expect((await f.get(`/api/chat${asViewer}`)).status).toBe(401);
  });
});

describe('admin chat and user routes', () => {
  it('are behind admin auth', async () => {
    for (const path of ['/api/admin/chat/messages', '/api/admin/chat/clients', '/api/admin/chat/users/disabled', '/api/admin/chat/users/ipbans', '/api/admin/chat/users/moderators', '/api/admin/users', '/api/admin/accesstokens']) {
      expect((await f.get(path)).status, path).toBe(401);
      expect((await f.get(path, ADMIN)).status, path).toBe(200);
    }
    expect((await f.post('/api/admin/users/delete', { userId: 'x' }, {})).status).toBe(401);
  });

  it('bans and unbans addresses, lists moderators and disabled users', async () => {
    const ban = await f.post('/api/admin/chat/users/ipbans/create', { value: '203.0.113.4' });
    expect(await ban.json()).toEqual({ success: true, message: 'IP address banned' });
    expect(await (await f.get('/api/admin/chat/users/ipbans', ADMIN)).json()).toEqual([{ ipAddress: '203.0.113.4', notes: 'manually added', createdAt: expect.any(String) }]);
    expect((await f.post('/api/admin/chat/users/ipbans/create', { value: '' })).status).toBe(400);
    expect((await f.post('/api/admin/chat/users/ipbans/create', { value: 42 })).status).toBe(400);
    expect((await f.post('/api/admin/chat/users/ipbans/remove', { value: '203.0.113.4' })).status).toBe(200);
    expect((await f.post('/api/admin/chat/users/ipbans/remove', { value: '203.0.113.4' })).status).toBe(404);

    // Stored as client addresses are compared: IPv4-mapped and upper-case IPv6 spellings normalised; non-addresses refused.
    await f.post('/api/admin/chat/users/ipbans/create', { value: '::FFFF:198.51.100.9' });
    await f.post('/api/admin/chat/users/ipbans/create', { value: '2001:DB8:0:0::1' });
    const stored = ((await (await f.get('/api/admin/chat/users/ipbans', ADMIN)).json()) as { ipAddress: string }[]).map((b) => b.ipAddress);
    expect(stored.sort()).toEqual(['198.51.100.9', '2001:db8::1']);
    const notAnAddress = await f.post('/api/admin/chat/users/ipbans/create', { value: 'example.com' });
    expect(notAnAddress.status).toBe(400);
    expect(await notAnAddress.json()).toMatchObject({ success: false, message: expect.stringContaining('not an IP address') });
    expect((await f.post('/api/admin/chat/users/ipbans/remove', { value: '::ffff:198.51.100.9' })).status).toBe(200);
    expect((await f.post('/api/admin/chat/users/ipbans/remove', { value: '2001:db8::1' })).status).toBe(200);

    const mod = await f.register('Mod', { moderator: true });
    expect(((await (await f.get('/api/admin/chat/users/moderators', ADMIN)).json()) as { id: string }[]).map((u) => u.id)).toEqual([mod.id]);
    const demoted = await f.post('/api/admin/chat/users/setmoderator', { userId: mod.id, isModerator: false });
    expect(await demoted.json()).toEqual({ success: true, message: `${mod.id} is moderator: false` });
    expect((await f.post('/api/admin/chat/users/setmoderator', { userId: mod.id })).status).toBe(400);

    await f.post('/api/admin/chat/users/setenabled', { userId: mod.id, enabled: false, reason: 'spam' });
    expect(await (await f.get('/api/admin/chat/users/disabled', ADMIN)).json()).toMatchObject([{ id: mod.id, disabledReason: 'spam' }]);
  });

  it('pages, searches and filters users, refusing bad parameters with 400', async () => {
    for (const name of ['Ann', 'Bob', 'Cid']) {
      await f.register(name);
      f.clock.advance(1000);
    }
    const page = (await (await f.get('/api/admin/users?limit=2', ADMIN)).json()) as { total: number; results: { displayName: string }[] };
    expect(page.total).toBe(3);
    expect(page.results.map((u) => u.displayName)).toEqual(['Cid', 'Bob']);
    const asc = (await (await f.get('/api/admin/users?sort=asc&offset=1', ADMIN)).json()) as { results: { displayName: string }[] };
    expect(asc.results.map((u) => u.displayName)).toEqual(['Bob', 'Cid']);
    const found = (await (await f.get('/api/admin/users?search=bo', ADMIN)).json()) as { total: number };
    expect(found.total).toBe(1);
    for (const query of ['limit=0', 'limit=abc', 'offset=-1', 'status=sleeping', 'sort=up']) {
      const response = await f.get(`/api/admin/users?${query}`, ADMIN);
      expect(response.status, query).toBe(400);
      expect(((await response.json()) as { message: string }).message.length).toBeGreaterThan(0);
    }
  });

  it('deletes users (404 when unknown)', async () => {
    const ann = await f.register('Ann');
    expect(await (await f.post('/api/admin/users/delete', { userId: ann.id })).json()).toEqual({ success: true, message: 'user deleted' });
    expect((await f.post('/api/admin/users/delete', { userId: ann.id })).status).toBe(404);
    expect((await f.get(`/api/chat?accessToken=${ann.accessToken}`)).status).toBe(401);
  });

  it('creates, lists and deletes access tokens, never listing the plain token', async () => {
    const created = await f.post('/api/admin/accesstokens/create', { name: 'overlay', scopes: ['CAN_SEND_MESSAGES'] });
    expect(created.status).toBe(200);
    const token = (await created.json()) as { accessToken: string; displayName: string; scopes: string[]; id: string };
    expect(token).toMatchObject({ displayName: 'overlay', scopes: ['CAN_SEND_MESSAGES'], isBot: true, type: 'API' });
    const listed = await (await f.get('/api/admin/accesstokens', ADMIN)).text();
    expect(listed).toContain('overlay');
    expect(listed).not.toContain(token.accessToken);
    for (const body of [{ name: 'x', scopes: ['ROOT'] }, { name: 'x', scopes: [] }, { name: '', scopes: ['CAN_SEND_MESSAGES'] }, { scopes: ['CAN_SEND_MESSAGES'] }]) {
      expect((await f.post('/api/admin/accesstokens/create', body)).status, JSON.stringify(body)).toBe(400);
    }
    expect(await (await f.post('/api/admin/accesstokens/delete', { token: token.accessToken })).json()).toEqual({ success: true, message: 'deleted token' });
    expect((await f.post('/api/admin/accesstokens/delete', { token: token.accessToken })).status).toBe(404);
    expect((await f.post('/api/admin/accesstokens/delete', { token: '' })).status).toBe(400);
  });

  it('hides and shows messages (400 for a bad body)', async () => {
    await f.controller.sendSystemMessage({ body: 'hello' });
    const [message] = (await (await f.get('/api/admin/chat/messages', ADMIN)).json()) as { id: string }[];
    const hidden = await f.post('/api/admin/chat/messagevisibility', { idArray: [message!.id], visible: false });
    expect(await hidden.json()).toEqual({ success: true, message: 'changed' });
    expect(await (await f.get('/api/admin/chat/messages', ADMIN)).json()).toMatchObject([{ id: message!.id, visible: false, hiddenAt: expect.any(String) }]);
    for (const body of [{ idArray: [message!.id] }, { visible: true }, { idArray: [1], visible: true }, 'nope']) {
      expect((await f.post('/api/admin/chat/messagevisibility', body)).status).toBe(400);
    }
  });
});

describe('emoji', () => {
  it('uploads (base64 or data: URL), lists, serves and deletes custom emoji', async () => {
    expect(await (await f.get('/api/emoji')).json()).toEqual([]);
    const upload = await f.post('/api/admin/emoji/upload', { name: 'party.png', data: base64(TINY_PNG) });
    expect(await upload.json()).toEqual({ success: true, message: 'Emoji "party" has been uploaded' });
    expect((await f.post('/api/admin/emoji/upload', { name: 'wave', data: `data:image/png;base64,${base64(TINY_PNG)}` })).status).toBe(200);
    const list = (await (await f.get('/api/emoji')).json()) as { name: string; url: string }[];
    expect(list.map((e) => e.name)).toEqual(['party', 'wave']);

    const image = await f.get(list[0]!.url);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(image.headers.get('cache-control')).toMatch(/max-age=\d+/);
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(TINY_PNG);

    expect(await (await f.post('/api/admin/emoji/delete', { name: 'party' })).json()).toEqual({ success: true, message: 'Emoji "party" has been deleted' });
    expect((await f.get(list[0]!.url)).status).toBe(404);
    expect((await f.post('/api/admin/emoji/delete', { name: 'party' })).status).toBe(404);
  });

  it('refuses a bad image, bad base64 and missing fields with 400 and a message, and serves nothing outside the store', async () => {
    for (const body of [{ name: 'x', data: base64(new TextEncoder().encode('not an image at all')) }, { name: 'x', data: '%%%' }, { name: 'x' }, { data: base64(TINY_PNG) }]) {
      const response = await f.post('/api/admin/emoji/upload', body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { message: string }).message.length).toBeGreaterThan(0);
    }
    for (const path of ['/img/emoji/missing.png', '/img/emoji/..%2Fhexcast.db', '/img/emoji/.hidden.png', '/img/emoji/%2e%2e']) {
      expect((await f.get(path)).status, path).toBe(404);
    }
  });

  it('reads emoji bodies over 1 MiB (the image check answers), refusing bodies over 2 MiB with 400', async () => {
    const big = await f.post('/api/admin/emoji/upload', { name: 'big', data: 'A'.repeat(1_500_000) });
    expect(big.status).toBe(400);
    expect(((await big.json()) as { message: string }).message).not.toMatch(/request body is larger/);
    const huge = await f.post('/api/admin/emoji/upload', { name: 'huge', data: 'A'.repeat(3 * 1024 * 1024) });
    expect(huge.status).toBe(400);
    expect(((await huge.json()) as { message: string }).message).toMatch(/request body is larger than 2097152 bytes/);
  });

  it('refuses a chunked body (no Content-Length) once it passes the limit, without reading the rest', async () => {
    let pulled = 0;
    // An endless stream of 64 KiB chunks: only a bounded read can answer.
    const endless = new ReadableStream<Uint8Array>({
      pull: (controller) => {
        pulled++;
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const response = await f.app.request('/api/metrics/playback', { method: 'POST', body: endless, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { message: string }).message).toMatch(/request body is larger than 1048576 bytes/);
    expect(pulled).toBeLessThan(40);
  });
});

describe('/ws over plain HTTP', () => {
  it('answers 501 without WebSocket support, CHAT_DISABLED when chat is off and 403 for a banned address', async () => {
    expect((await f.get('/ws?accessToken=x')).status).toBe(501);
    await f.post('/api/admin/chat/users/ipbans/create', { value: PEER });
    // a made-up X-Forwarded-For from a peer that is not a trusted proxy does not get round the ban
    const banned = await f.get('/ws', { 'X-Forwarded-For': '203.0.113.50, 10.0.0.1' });
    expect(banned.status).toBe(403);
    await f.post('/api/admin/chat/users/ipbans/remove', { value: PEER });
    await f.post('/api/admin/config/chat/disable', { value: true });
    const disabled = await f.get('/ws');
    expect(disabled.status).toBe(200);
    expect(await disabled.text()).toBe('CHAT_DISABLED');
  });
});
