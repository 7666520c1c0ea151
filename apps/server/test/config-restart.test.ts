import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTER_CASES, SVG_DATA_URL, PNG_DATA_URL } from '@hexcast/adapters-http/testing';
import { basicAuth, serversKilledAfterEach, tempDataDir, type ServerProcess } from './server-process.ts';

const start = serversKilledAfterEach();

async function stop(server: ServerProcess): Promise<void> {
  server.child.kill('SIGTERM');
  expect(await server.exited).toBe(0);
}

const ADMIN = basicAuth('abc123');
const post = (server: ServerProcess, name: string, value: unknown, headers: Record<string, string> = ADMIN) =>
  fetch(`${server.url}/api/admin/config/${name}`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ value }) });
const json = async (server: ServerProcess, path: string, headers: Record<string, string> = {}) => (await fetch(`${server.url}${path}`, { headers })).json() as Promise<Record<string, unknown>>;
const bytes = async (server: ServerProcess, path: string) => {
  const response = await fetch(`${server.url}${path}`);
  return { type: response.headers.get('content-type'), body: Buffer.from(await response.arrayBuffer()) };
};

describe('admin configuration on the real server (SQLite file, asset folder, sharp)', () => {
  // Two server starts (web build check, ffmpeg codec probe) and ~150 requests: generous for a loaded CI machine.
  it('refuses bad values, and keeps every good value, the logo and the favicon across a restart', { timeout: 120_000 }, async () => {
    const dataDir = tempDataDir();
    fs.mkdirSync(path.join(dataDir, 'public'));
    fs.writeFileSync(path.join(dataDir, 'public', 'hello.txt'), 'hello from public');
    const first = await start(dataDir);
    const initial = await json(first, '/api/admin/serverconfig', ADMIN);
    for (const setter of SETTER_CASES) {
      expect((await post(first, setter.path, setter.good, {})).status, `${setter.path} without credentials`).toBe(401);
      expect((await post(first, setter.path, setter.bad)).status, `${setter.path} bad`).toBe(400);
    }
    // Only the real server has ffmpeg to try: a path that does not run is refused.
    const noFfmpeg = await post(first, 'ffmpegpath', '/nonexistent/ffmpeg');
    expect(noFfmpeg.status).toBe(400);
    expect(await noFfmpeg.json()).toEqual({ success: false, message: 'ffmpeg could not be run at "/nonexistent/ffmpeg"' });
    expect(await json(first, '/api/admin/serverconfig', ADMIN)).toEqual(initial);
    expect(initial.supportedCodecs).toContain('libx264');
    for (const setter of SETTER_CASES) {
      const response = await post(first, setter.path, setter.good);
      expect(response.status, `${setter.path}: ${await response.clone().text()}`).toBe(200);
    }
    expect((await post(first, 'favicon', PNG_DATA_URL)).status).toBe(200);
    const before = await json(first, '/api/admin/serverconfig', ADMIN);
    const webBefore = await json(first, '/api/config');
    const logo = await bytes(first, '/logo');
    expect(logo.type).toBe('image/svg+xml');
    expect(logo.body.toString()).toBe(Buffer.from(SVG_DATA_URL.split(',')[1]!, 'base64').toString());
    const external = await bytes(first, '/logo/external');
    expect(external.type).toBe('image/png');
    expect([external.body.readUInt32BE(16), external.body.readUInt32BE(20)]).toEqual([40, 20]);
    await stop(first);

    const second = await start(dataDir);
    const after = await json(second, '/api/admin/serverconfig', ADMIN);
    for (const setter of SETTER_CASES) expect(setter.read(after), `${setter.path} after restart`).toEqual(setter.expected ?? setter.good);
    expect(after).toEqual(before);
    expect(await json(second, '/api/config')).toEqual(webBefore);
    expect(webBefore).toMatchObject({ name: 'Hex Live', streamTitle: 'Now live', hideViewerCount: true, nsfw: true, socketHostOverride: 'wss://chat.example.com' });
    expect(await bytes(second, '/logo')).toEqual(logo);
    expect(await bytes(second, '/logo/external')).toEqual(external);
    expect((await bytes(second, '/favicon.ico')).body).toEqual(Buffer.from(PNG_DATA_URL.split(',')[1]!, 'base64'));
    expect(await (await fetch(`${second.url}/robots.txt`)).text()).toBe('User-agent: *\nDisallow: /\n');
    expect(await (await fetch(`${second.url}/customjavascript`)).text()).toBe('console.log("hi")');
    expect(await (await fetch(`${second.url}/public/hello.txt`)).text()).toBe('hello from public');
    expect((await fetch(`${second.url}/public/../hexcast.db`)).status).toBe(404);
    expect((await fetch(`${second.url}/public/%2e%2e/hexcast.db`)).status).toBe(404);
    await stop(second);

    // The S3 secret and the admin password are never logged.
    const logged = `${first.output()}${second.output()}${fs.readFileSync(path.join(dataDir, 'logs', 'hexcast.log'), 'utf8')}`;
    expect(logged).not.toContain('very-secret-s3-key');
    expect(logged).not.toContain('abc123:');
  });
});
