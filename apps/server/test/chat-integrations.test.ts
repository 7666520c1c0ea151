import { expect, it } from 'vitest';
import { adminGet, adminPost, join } from './chat-client.ts';
import { serversKilledAfterEach, tempDataDir } from './server-process.ts';

const start = serversKilledAfterEach();

it('a bot with CAN_SEND_MESSAGES posts into chat; without CAN_SEND_SYSTEM_MESSAGES it cannot send system messages', async () => {
  const server = await start(tempDataDir());
  const viewer = await join(server, 'Viewer');

  const created = await adminPost(server, '/api/admin/accesstokens/create', { name: 'Beep Bot', scopes: ['CAN_SEND_MESSAGES'] });
  expect(created.status).toBe(200);
  const { accessToken } = (await created.json()) as { accessToken: string };
  const asBot = (path: string, body: unknown, scheme = 'Bearer') =>
    fetch(`${server.url}/api/integrations${path}`, { method: 'POST', headers: { Authorization: `${scheme} ${accessToken}`, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

  const sent = await asBot('/chat/send', { body: 'beep **boop**' });
  expect(sent.status).toBe(200);
  expect(sent.headers.get('access-control-allow-origin')).toBe('*');
  const chat = await viewer.client.waitForType('CHAT');
  expect(chat).toMatchObject({ user: { displayName: 'Beep Bot', isBot: true } });
  expect(String(chat.body)).toMatch(/beep <strong>boop<\/strong>/);

  const system = await asBot('/chat/system', { body: 'I am the server now' }, 'bearer');
  expect(system.status).toBe(401);
  expect(await system.text()).toBe('unauthorized');
  expect((await fetch(`${server.url}/api/integrations/chat/send`, { method: 'POST', body: '{"body":"x"}' })).status).toBe(401);
  const preflight = await fetch(`${server.url}/api/integrations/chat/send`, { method: 'OPTIONS' });
  expect(preflight.status).toBe(204);
  expect(preflight.headers.get('access-control-allow-origin')).toBe('*');

  // With the system scope, the system message reaches the viewer as SYSTEM from the server.
  const announcer = (await (await adminPost(server, '/api/admin/accesstokens/create', { name: 'Announcer', scopes: ['CAN_SEND_SYSTEM_MESSAGES'] })).json()) as { accessToken: string };
  const announced = await fetch(`${server.url}/api/integrations/chat/system`, { method: 'POST', headers: { Authorization: `Bearer ${announcer.accessToken}` }, body: JSON.stringify({ body: 'Welcome!' }) });
  expect(announced.status).toBe(200);
  const systemEvent = await viewer.client.waitForType('SYSTEM');
  expect(systemEvent).toMatchObject({ user: { displayName: 'New hexcast server' } });

  const tokens = await adminGet<{ displayName: string; lastUsedAt: string | null }[]>(server, '/api/admin/accesstokens');
  expect(tokens.find((t) => t.displayName === 'Beep Bot')?.lastUsedAt).not.toBeNull();
});
