import { describe, expect, it } from 'vitest';
import { ChatClient, RefusedUpgrade, adminGet, adminPost, register } from './chat-client.ts';
import { basicAuth, runToExit, serversKilledAfterEach, tempDataDir, type ServerProcess } from './server-process.ts';

const BANNED = '203.0.113.50';
const startServer = serversKilledAfterEach();
const start = (args: string[] = [], env: Record<string, string> = {}): Promise<ServerProcess> => startServer(tempDataDir(), args, env);

async function refusedWith(connecting: Promise<ChatClient>): Promise<number> {
  const error = await connecting.then(
    (client) => (client.close(), undefined),
    (e: unknown) => e,
  );
  if (!(error instanceof RefusedUpgrade)) throw new Error(`expected the upgrade to be refused, got ${String(error)}`);
  return error.status;
}

async function viewerAddresses(server: ServerProcess, forwardedFor: readonly string[]): Promise<string[]> {
  for (const address of forwardedFor) expect((await fetch(`${server.url}/api/ping`, { headers: { 'User-Agent': 'proxy-test', 'X-Forwarded-For': address } })).status).toBe(200);
  return (await adminGet<Array<{ ipAddress: string }>>(server, '/api/admin/viewers')).map((v) => v.ipAddress).sort();
}

async function loginCookie(server: ServerProcess): Promise<string> {
  const response = await fetch(`${server.url}/api/admin/status`, { headers: { ...basicAuth('abc123'), 'X-Forwarded-Proto': 'https' } });
  expect(response.status).toBe(200);
  return response.headers.get('set-cookie') ?? '';
}

describe('trusted proxies in a real server process (the tests connect from loopback)', () => {
  it('by default believes the proxy-appended hop from loopback: bans hold, viewers count apart, HTTPS is seen', async () => {
    const server = await start();
    expect((await adminPost(server, '/api/admin/chat/users/ipbans/create', { value: BANNED })).status).toBe(200);
    const user = await register(server, 'Viewer');
    // the client wrote "127.0.0.1" itself and the proxy appended the address it saw
    expect(await refusedWith(ChatClient.connect(server, user.accessToken, { 'X-Forwarded-For': `127.0.0.1, ${BANNED}` }))).toBe(403);
    const other = await ChatClient.connect(server, user.accessToken, { 'X-Forwarded-For': `${BANNED}, 203.0.113.51` });
    await other.waitForType('CONNECTED_USER_INFO');
    other.close();
    expect(await viewerAddresses(server, ['203.0.113.1', '198.51.100.99, 203.0.113.2'])).toEqual(['203.0.113.1', '203.0.113.2']);
    expect(await loginCookie(server)).toMatch(/; Secure/);
  });

  it('with HEXCAST_TRUSTEDPROXIES=none believes only the TCP peer', async () => {
    const server = await start([], { HEXCAST_TRUSTEDPROXIES: 'none' });
    expect((await adminPost(server, '/api/admin/chat/users/ipbans/create', { value: BANNED })).status).toBe(200);
    const user = await register(server, 'Viewer');
    // the header is not believed, so it neither bans nor unbans: the client is 127.0.0.1
    const client = await ChatClient.connect(server, user.accessToken, { 'X-Forwarded-For': BANNED });
    await client.waitForType('CONNECTED_USER_INFO');
    client.close();
    expect(await viewerAddresses(server, ['203.0.113.1', '203.0.113.2'])).toEqual(['127.0.0.1']);
    expect(await loginCookie(server)).not.toMatch(/; Secure/);
  });

  it('with --trustedproxies naming other proxies ignores loopback\'s header', async () => {
    const server = await start(['--trustedproxies', '192.0.2.0/24,2001:db8::/32']);
    expect(await viewerAddresses(server, ['203.0.113.1'])).toEqual(['127.0.0.1']);
  });

  it('refuses a list with something that is not an address or range, and does not start', async () => {
    const bad = await runToExit(['--datadir', tempDataDir(), '--trustedproxies', 'loopback,proxy.internal']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--trustedproxies.*"proxy\.internal" is not an IP address/);
  });
});
