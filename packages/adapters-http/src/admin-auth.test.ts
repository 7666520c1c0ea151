import { describe, expect, it } from 'vitest';
import { ADMIN_SESSION_COOKIE } from './admin-auth.ts';
import { ADMIN, createFixture } from './test-fixture.ts';

const basic = (user: string, password: string) => ({ Authorization: `Basic ${btoa(`${user}:${password}`)}` });
const WRONG = basic('admin', 'wrong-guess');
const sessionOf = (response: Response) => /hexcast_admin_session=([0-9a-f]{64})/.exec(response.headers.get('set-cookie') ?? '')?.[1];

describe('admin session cookie', () => {
  it('is set after a successful login, HttpOnly and SameSite=Lax, and works alone', async () => {
    const f = await createFixture();
    const login = await f.get('/api/admin/status', ADMIN);
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).toMatch(/Max-Age=28800/);
    expect(cookie).not.toMatch(/Secure/);
    const token = sessionOf(login)!;
    expect((await f.get('/api/admin/status', { Cookie: `${ADMIN_SESSION_COOKIE}=${token}` })).status).toBe(200);
    expect((await f.post('/api/admin/config/name', { value: 'via cookie' }, { Cookie: `${ADMIN_SESSION_COOKIE}=${token}` })).status).toBe(200);
    expect(f.controller.settings.get('serverInfo').name).toBe('via cookie');
  });

  it('is Secure behind TLS or a trusted proxy saying https, not when anyone else says so', async () => {
    const proxied = await createFixture({ peerAddress: () => '127.0.0.1' });
    expect((await proxied.get('/api/admin/status', { ...ADMIN, 'X-Forwarded-Proto': 'https' })).headers.get('set-cookie')).toMatch(/; Secure/);
    expect((await proxied.get('/api/admin/status', { ...ADMIN, 'X-Forwarded-Proto': 'http' })).headers.get('set-cookie')).not.toMatch(/; Secure/);
    const direct = await createFixture();
    expect((await direct.get('/api/admin/status', { ...ADMIN, 'X-Forwarded-Proto': 'https' })).headers.get('set-cookie')).not.toMatch(/; Secure/);
    expect((await direct.app.request('https://example.com/api/admin/status', { headers: ADMIN })).headers.get('set-cookie')).toMatch(/; Secure/);
    const trustingNone = await createFixture({ peerAddress: () => '127.0.0.1', trustedProxies: [] });
    expect((await trustingNone.get('/api/admin/status', { ...ADMIN, 'X-Forwarded-Proto': 'https' })).headers.get('set-cookie')).not.toMatch(/; Secure/);
  });

  it('refuses made-up, expired and pre-password-change sessions', async () => {
    const f = await createFixture();
    const token = sessionOf(await f.get('/api/admin/status', ADMIN))!;
    for (const fake of ['0'.repeat(64), 'x', token.toUpperCase(), `${token}0`]) {
      const response = await f.get('/api/admin/status', { Cookie: `${ADMIN_SESSION_COOKIE}=${fake}` });
      expect(response.status, fake).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    }
    f.clock.advance(8 * 60 * 60_000);
    expect((await f.get('/api/admin/status', { Cookie: `${ADMIN_SESSION_COOKIE}=${token}` })).status).toBe(401);
    const fresh = sessionOf(await f.get('/api/admin/status', ADMIN))!;
    expect((await f.post('/api/admin/config/adminpass', { value: 'a-much-better-one' })).status).toBe(200);
    expect((await f.get('/api/admin/status', { Cookie: `${ADMIN_SESSION_COOKIE}=${fresh}` })).status).toBe(401);
  });
});

describe('admin CORS preflight', () => {
  it('answers 204 without credentials and grants no other origin', async () => {
    const f = await createFixture();
    for (const origin of ['https://evil.example', 'http://localhost:3000']) {
      const response = await f.app.request('/api/admin/config/name', { method: 'OPTIONS', headers: { Origin: origin, 'Access-Control-Request-Method': 'POST' } });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('admin brute-force slow-down', () => {
  it('blocks an address after 5 failures with 429 and Retry-After, doubling, whatever the password', async () => {
    const f = await createFixture();
    for (let i = 0; i < 5; i++) expect((await f.get('/api/admin/status', WRONG)).status).toBe(401);
    const blocked = await f.get('/api/admin/status', WRONG);
    expect(blocked.status).toBe(401); // the 6th failure is checked, then blocks
    const refused = await f.get('/api/admin/status', ADMIN);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toEqual({ success: false, message: expect.stringMatching(/too many failed admin logins/) });
    f.clock.advance(1000);
    expect((await f.get('/api/admin/status', WRONG)).status).toBe(401);
    expect((await f.get('/api/admin/status', ADMIN)).headers.get('retry-after')).toBe('2');
    expect(f.logger.at('warn').some((entry) => entry.message.includes('blocked'))).toBe(true);
  });

  it('keeps other addresses out of it, and a success starts an address afresh', async () => {
    const f = await createFixture({ peerAddress: () => '127.0.0.1' }); // behind a local proxy
    for (let i = 0; i < 6; i++) await f.get('/api/admin/status', WRONG);
    expect((await f.get('/api/admin/status', ADMIN)).status).toBe(429);
    expect((await f.get('/api/admin/status', { ...ADMIN, 'X-Forwarded-For': '203.0.113.7' })).status).toBe(200);
    f.clock.advance(1000);
    expect((await f.get('/api/admin/status', ADMIN)).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await f.get('/api/admin/status', WRONG)).status).toBe(401);
    expect((await f.get('/api/admin/status', ADMIN)).status).toBe(200);
  });

  it('does not count requests without credentials or with a wrong cookie', async () => {
    const f = await createFixture();
    for (let i = 0; i < 20; i++) {
      expect((await f.get('/api/admin/status')).status).toBe(401);
      expect((await f.get('/api/admin/status', { Cookie: `${ADMIN_SESSION_COOKIE}=${'1'.repeat(64)}` })).status).toBe(401);
    }
    expect((await f.get('/api/admin/status', ADMIN)).status).toBe(200);
  });
});

describe('the address failed logins count against', () => {
  it('is the peer for a direct client, whatever X-Forwarded-For it sends', async () => {
    const f = await createFixture({ peerAddress: () => '203.0.113.50' });
    for (let i = 0; i < 6; i++) expect((await f.get('/api/admin/status', { ...WRONG, 'X-Forwarded-For': `198.18.0.${i}` })).status).toBe(401);
    expect((await f.get('/api/admin/status', { ...ADMIN, 'X-Forwarded-For': '198.18.1.1' })).status).toBe(429);
  });

  it('is the forwarded client behind a proxy on the local network', async () => {
    for (const proxy of ['127.0.0.1', '::1', '10.1.2.3', '172.20.0.2', '192.168.1.1', '::ffff:127.0.0.1', 'fd00::1']) {
      const f = await createFixture({ peerAddress: () => proxy });
      for (let i = 0; i < 6; i++) await f.get('/api/admin/status', { ...WRONG, 'X-Forwarded-For': '198.51.100.1' });
      expect((await f.get('/api/admin/status', { ...ADMIN, 'X-Forwarded-For': '198.51.100.1' })).status, proxy).toBe(429);
      expect((await f.get('/api/admin/status', { ...ADMIN, 'X-Forwarded-For': '198.51.100.2' })).status, proxy).toBe(200);
    }
  });

  it('is the hop the proxy appended, whatever the client wrote before it', async () => {
    const f = await createFixture({ peerAddress: () => '127.0.0.1' });
    for (let i = 0; i < 6; i++) expect((await f.get('/api/admin/status', { ...WRONG, 'X-Forwarded-For': `198.18.0.${i}, 203.0.113.60` })).status).toBe(401);
    expect((await f.get('/api/admin/status', { ...ADMIN, 'X-Forwarded-For': '127.0.0.1, 203.0.113.60' })).status).toBe(429);
    expect((await f.get('/api/admin/status', { ...ADMIN, 'X-Forwarded-For': '203.0.113.61' })).status).toBe(200);
  });
});
