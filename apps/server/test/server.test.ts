import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { basicAuth, canConnect, runToExit, serversKilledAfterEach, tempDataDir, type ServerProcess } from './server-process.ts';

const start = serversKilledAfterEach();

async function stop(server: ServerProcess): Promise<number | string> {
  const started = Date.now();
  server.child.kill('SIGTERM');
  const code = await server.exited;
  expect(Date.now() - started).toBeLessThan(5_000);
  return code;
}

function setter(server: ServerProcess, name: string, value: unknown, password = 'abc123'): Promise<Response> {
  return fetch(`${server.url}/api/admin/config/${name}`, { method: 'POST', headers: { ...basicAuth(password), 'Content-Type': 'application/json' }, body: JSON.stringify({ value }) });
}

describe('the server process', () => {
  it('starts on its defaults, answers /api/status offline, listens for RTMP, and exits 0 on SIGTERM', async () => {
    const dataDir = tempDataDir();
    const startedAt = Date.now();
    const server = await start(dataDir);
    // A hang guard, not a speed test: a first start also builds the web pages, on a busy machine.
    expect(Date.now() - startedAt).toBeLessThan(20_000);
    const status = (await (await fetch(`${server.url}/api/status`)).json()) as Record<string, unknown>;
    expect(status).toMatchObject({ online: false, viewerCount: 0, lastConnectTime: null, lastDisconnectTime: null, streamTitle: '' });
    expect(typeof status.versionNumber).toBe('string');
    expect(Number.isNaN(Date.parse(String(status.serverTime)))).toBe(false);
    expect(await canConnect(server.rtmpPort)).toBe(true);
    expect(fs.existsSync(path.join(dataDir, 'hexcast.db'))).toBe(true);
    expect(await stop(server)).toBe(0);
    expect(await canConnect(server.rtmpPort)).toBe(false);
    const log = fs.readFileSync(path.join(dataDir, 'logs', 'hexcast.log'), 'utf8');
    expect(log).toContain('hexcast is running');
    expect(log).toContain('hexcast stopped');
  });

  it('serves /api/config with Owncast fields and defaults, 404 JSON for unknown API routes', async () => {
    const server = await start(tempDataDir());
    const config = (await (await fetch(`${server.url}/api/config`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ name: 'New hexcast server', tags: ['owncast', 'streaming'], logo: '/logo', maxSocketPayloadSize: 2048, chatDisabled: false, nsfw: false, hideViewerCount: false, autoplay: 'off' });
    expect(config.extraPageContent).toMatch(/^<h1>Welcome to hexcast!<\/h1>/);
    expect(config.federation).toMatchObject({ enabled: false, followerCount: 0 });
    const missing = await fetch(`${server.url}/api/nosuchthing`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/application\/json/);
    expect(((await missing.json()) as { error: string }).error).toMatch(/nosuchthing/);
  });

  it('warns loudly about the default admin password and stream key, and never logs the password', async () => {
    const dataDir = tempDataDir();
    const server = await start(dataDir, ['--adminpassword', 'abc123']);
    await stop(server);
    const out = server.output();
    expect(out).toMatch(/SECURITY WARNING: the admin password is still the default/);
    expect(out).toMatch(/SECURITY WARNING: the stream key \\?"abc123\\?" is still configured/);
    const withKey = await start(dataDir, ['--adminpassword', 'a-long-Secret-9', '--streamkey', 'temporarykey']);
    await stop(withKey);
    expect(withKey.output()).not.toMatch(/SECURITY WARNING/);
    expect(withKey.output()).not.toContain('a-long-Secret-9');
    expect(fs.readFileSync(path.join(dataDir, 'logs', 'hexcast.log'), 'utf8')).not.toContain('a-long-Secret-9');
  });

  it('guards the admin API with Basic auth and answers bad bodies with 400 and a message', async () => {
    const server = await start(tempDataDir());
    const anonymous = await fetch(`${server.url}/api/admin/config/name`, { method: 'POST', body: '{"value":"x"}' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic realm=/);
    expect((await setter(server, 'name', 'x', 'wrong')).status).toBe(401);
    const malformed = await fetch(`${server.url}/api/admin/config/name`, { method: 'POST', headers: basicAuth('abc123'), body: '{"value": ' });
    expect(malformed.status).toBe(400);
    expect(await malformed.json()).toMatchObject({ success: false, message: expect.stringMatching(/malformed JSON/) });
    const invalid = await setter(server, 'video/streamlatencylevel', 9);
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { message: string }).message).toMatch(/latencyLevel/);
    const noValue = await fetch(`${server.url}/api/admin/config/name`, { method: 'POST', headers: basicAuth('abc123'), body: '{}' });
    expect(noValue.status).toBe(400);
    expect((await (await fetch(`${server.url}/api/config`)).json()) as object).toMatchObject({ name: 'New hexcast server' });
  });

  it('keeps every setting across a restart, and a deleted data dir gives fresh defaults', async () => {
    const dataDir = tempDataDir();
    const first = await start(dataDir);
    const changes: Array<[string, unknown]> = [
      ['name', 'My Stream'],
      ['serversummary', 'All about it'],
      ['streamtitle', 'Live now'],
      ['tags', ['music', 'live']],
      ['nsfw', true],
      ['hideviewercount', true],
      ['chat/disable', true],
      ['video/streamlatencylevel', 4],
    ];
    for (const [name, value] of changes) expect((await setter(first, name, value)).status).toBe(200);
    expect((await setter(first, 'adminpass', 'new-Password-42')).status).toBe(200);
    expect(await stop(first)).toBe(0);

    const second = await start(dataDir);
    const config = (await (await fetch(`${second.url}/api/config`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ name: 'My Stream', summary: 'All about it', streamTitle: 'Live now', tags: ['music', 'live'], nsfw: true, hideViewerCount: true, chatDisabled: true });
    const status = (await (await fetch(`${second.url}/api/status`)).json()) as Record<string, unknown>;
    expect(status).not.toHaveProperty('viewerCount');
    expect((await setter(second, 'name', 'x', 'abc123')).status).toBe(401);
    expect((await setter(second, 'name', 'Renamed', 'new-Password-42')).status).toBe(200);
    await stop(second);

    fs.rmSync(dataDir, { recursive: true, force: true });
    const third = await start(dataDir);
    expect((await (await fetch(`${third.url}/api/config`)).json()) as object).toMatchObject({ name: 'New hexcast server', nsfw: false });
    expect((await setter(third, 'name', 'x', 'abc123')).status).toBe(200);
  });

  it('keeps an acknowledged write after kill -9', async () => {
    const dataDir = tempDataDir();
    const first = await start(dataDir);
    expect((await setter(first, 'streamtitle', 'survives a crash')).status).toBe(200);
    first.child.kill('SIGKILL');
    await first.exited;
    const second = await start(dataDir);
    expect(((await (await fetch(`${second.url}/api/status`)).json()) as { streamTitle: string }).streamTitle).toBe('survives a crash');
  });

  it('exits 2 with a clear message on a bad flag or value, and 0 on --help', async () => {
    const bad = await runToExit(['--webserverport', 'eighty']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/invalid value for --webserverport/);
    const unknown = await runToExit(['--bogus']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown option '--bogus'/);
    const help = await runToExit(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/--rtmpport/);
  });
});
