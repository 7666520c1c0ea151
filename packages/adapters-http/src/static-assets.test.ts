import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SOCIAL_PLATFORMS } from '@hexcast/core';
import { ADMIN, createFixture } from './test-fixture.ts';

const base = mkdtempSync(join(tmpdir(), 'hexcast-public-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('site files', () => {
  it('robots.txt disallows everything once search indexing is disabled', async () => {
    const f = await createFixture();
    expect(await (await f.get('/robots.txt')).text()).toBe('User-agent: *\nDisallow: /admin/\nDisallow: /api/\n');
    await f.post('/api/admin/config/disablesearchindexing', { value: true });
    const robots = await f.get('/robots.txt');
    expect(robots.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await robots.text()).toBe('User-agent: *\nDisallow: /\n');
  });

  it('serves the custom JavaScript as JavaScript, changed at once', async () => {
    const f = await createFixture();
    expect(await (await f.get('/customjavascript')).text()).toBe('');
    await f.post('/api/admin/config/customjavascript', { value: 'window.hello = 1;' });
    const js = await f.get('/customjavascript');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('window.hello = 1;');
  });

  it('lists the social platforms with icons, and serves an SVG for every one of them', async () => {
    const f = await createFixture();
    const platforms = (await (await f.get('/api/socialplatforms')).json()) as Record<string, { platform: string; icon: string }>;
    expect(Object.keys(platforms).sort()).toEqual(Object.keys(SOCIAL_PLATFORMS).sort());
    expect(platforms.mastodon).toEqual({ platform: 'Mastodon', icon: '/img/platformlogos/mastodon.svg' });
    for (const { icon } of Object.values(platforms)) {
      const response = await f.get(icon);
      expect(response.status, icon).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/svg+xml');
      const svg = await response.text();
      expect(svg, icon).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"[^>]*><title>[^<]+<\/title>/);
      expect(svg).not.toMatch(/<script|on\w+=/i);
    }
    for (const path of ['/img/platformlogos/nope.svg', '/img/platformlogos/github.png', '/img/platformlogos/constructor.svg', '/img/platformlogos/..%2f..%2fpackage.json', '/img/platformlogos/']) {
      expect((await f.get(path)).status, path).toBe(404);
    }
  });

  it('/api/ping counts the caller as an active viewer', async () => {
    const f = await createFixture();
    const ping = await f.get('/api/ping', { 'User-Agent': 'embed' });
    expect(ping.status).toBe(200);
    await f.get('/api/ping', { 'User-Agent': 'embed' });
    await f.get('/api/ping', { 'User-Agent': 'other' });
    expect(f.controller.stats.viewerCount).toBe(2);
    expect(f.controller.stats.viewers.map((v) => v.ipAddress).sort()).toEqual(['198.51.100.9', '198.51.100.9']);
  });
});

describe('/public/*', () => {
  const dir = join(base, 'public');
  mkdirSync(join(dir, 'docs'), { recursive: true });
  writeFileSync(join(dir, 'hello.txt'), 'hello');
  writeFileSync(join(dir, 'docs', 'page.html'), '<p>page</p>');
  writeFileSync(join(dir, '.secret'), 'dot file');
  writeFileSync(join(base, 'hexcast.db'), 'database');
  symlinkSync(join(base, 'hexcast.db'), join(dir, 'db-link.txt'));
  mkdirSync(join(dir, 'empty'));

  it('serves files read-only, with their content type', async () => {
    const f = await createFixture({ publicDir: dir });
    const hello = await f.get('/public/hello.txt');
    expect(hello.status).toBe(200);
    expect(hello.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await hello.text()).toBe('hello');
    expect(await (await f.get('/public/docs/page.html')).text()).toBe('<p>page</p>');
    for (const method of ['POST', 'PUT', 'DELETE']) expect((await f.app.request('/public/hello.txt', { method, headers: ADMIN })).status, method).toBe(404);
  });

  it('never leaves the folder, lists no folder and shows no dot file', async () => {
    const f = await createFixture({ publicDir: dir });
    const attempts = ['/public/../hexcast.db', '/public/%2e%2e/hexcast.db', '/public/docs/%2e%2e/%2e%2e/hexcast.db', '/public/..%2fhexcast.db', '/public/%2e%2e%2fhexcast.db', '/public/docs/..%5c..%5chexcast.db', '/public/db-link.txt', '/public/', '/public/docs/', '/public/empty', '/public/.secret', '/public/%00', '/public/%zz', '/public/missing.txt', '/public//etc/passwd'];
    for (const path of attempts) {
      const response = await f.get(path);
      expect(response.status, path).toBe(404);
      expect(await response.text(), path).not.toMatch(/database|dot file|page\.html|hello\.txt/);
    }
  });

  it('is 404 when the server has no public folder', async () => {
    const f = await createFixture();
    expect((await f.get('/public/hello.txt')).status).toBe(404);
    const missing = await createFixture({ publicDir: join(base, 'does-not-exist') });
    expect((await missing.get('/public/hello.txt')).status).toBe(404);
  });
});
