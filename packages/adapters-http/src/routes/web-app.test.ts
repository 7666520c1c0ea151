import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, createFixture, type Fixture } from '../test-fixture.ts';
import { relativePath } from './web-app.ts';

function write(dir: string, rel: string, content: string | Uint8Array): void {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), content);
}

describe('web app routes', () => {
  let fixture: Fixture;
  let built: string;
  let override: string;
  let outside: string;
  beforeAll(async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hexcast-web-routes-'));
    built = path.join(root, 'built');
    override = path.join(root, 'override');
    outside = path.join(root, 'secret.txt');
    fs.writeFileSync(outside, 'not for the web');
    for (const page of ['index.html', 'embed-video.html', 'embed-chat.html', 'admin/index.html']) write(built, page, `<!doctype html><title>${page}</title>`);
    write(built, 'assets/viewer-ABC123.js', 'console.log("built")');
    write(built, 'assets/viewer-ABC123.js.gz', gzipSync('console.log("built")'));
    write(built, 'assets/viewer-ABC123.css', 'body{}');
    write(built, 'admin/robots.svg', '<svg/>');
    write(override, 'embed-video.html', '<!doctype html><title>custom video</title>');
    fixture = await createFixture({ webAppDirs: [override, built] });
  });
  afterAll(async () => fixture.controller.stop());

  it('serves each page as HTML that browsers revalidate', async () => {
    for (const [url, file] of [['/', 'index.html'], ['/embed/chat/readonly', 'embed-chat.html'], ['/embed/chat/readwrite', 'embed-chat.html']] as const) {
      const response = await fixture.get(url);
      expect(response.status, url).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(await response.text()).toContain(`<title>${file}</title>`);
    }
  });

  it('prefers a file in the override directory', async () => {
    expect(await (await fixture.get('/embed/video')).text()).toContain('custom video');
  });

  it('redirects /embed/chat to the read-only chat (307) and /admin to /admin/ (301)', async () => {
    const chat = await fixture.get('/embed/chat');
    expect(chat.status).toBe(307);
    expect(chat.headers.get('location')).toBe('/embed/chat/readonly');
    const admin = await fixture.get('/admin');
    expect(admin.status).toBe(301);
    expect(admin.headers.get('location')).toBe('/admin/');
  });

  it('keeps /admin/* behind the admin auth, and answers client-side routes with the admin page', async () => {
    for (const url of ['/admin/', '/admin/chat/users', '/admin/robots.svg']) {
      const response = await fixture.get(url);
      expect(response.status, url).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic/);
    }
    expect(await (await fixture.get('/admin/chat/users', ADMIN)).text()).toContain('admin/index.html');
    const svg = await fixture.get('/admin/robots.svg', ADMIN);
    expect(svg.headers.get('content-type')).toBe('image/svg+xml');
    expect((await fixture.get('/admin/', { Authorization: `Basic ${btoa('admin:wrong')}` })).status).toBe(401);
  });

  it('serves hashed assets as immutable with their type, gzip when accepted, 304 for a matching ETag, HEAD without a body', async () => {
    const plain = await fixture.get('/assets/viewer-ABC123.js');
    expect(plain.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe('console.log("built")');

    const gzipped = await fixture.get('/assets/viewer-ABC123.js', { 'Accept-Encoding': 'gzip, br' });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('vary')).toBe('Accept-Encoding');

    const css = await fixture.get('/assets/viewer-ABC123.css', { 'Accept-Encoding': 'gzip' });
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(css.headers.get('content-encoding')).toBeNull();

    const etag = plain.headers.get('etag')!;
    const again = await fixture.get('/assets/viewer-ABC123.js', { 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');

    const head = await fixture.app.request('/assets/viewer-ABC123.js', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String('console.log("built")'.length));
    expect(await head.text()).toBe('');
  });

  it('gives the HTML pages (not the assets) a Content-Security-Policy naming the video serving endpoint', async () => {
    const before = (await fixture.get('/')).headers.get('content-security-policy');
    expect(before).toContain("script-src 'self'");
    expect(before).toContain("media-src 'self' blob:;");
    expect((await fixture.post('/api/admin/config/videoservingendpoint', { value: 'https://cdn.example.com/live' })).status).toBe(200);
    for (const [url, headers] of [['/', {}], ['/embed/video', {}], ['/embed/chat/readonly', {}], ['/admin/', ADMIN]] as const) {
      const policy = (await fixture.get(url, headers)).headers.get('content-security-policy');
      expect(policy, url).toContain("media-src 'self' blob: https://cdn.example.com;");
      expect(policy, url).toMatch(/connect-src 'self' https:\/\/cdn\.example\.com[ ;]/);
    }
    expect((await fixture.get('/assets/viewer-ABC123.js')).headers.get('content-security-policy')).toBeNull();
    expect((await fixture.get('/admin/robots.svg', ADMIN)).headers.get('content-security-policy')).toBeNull();
    expect((await fixture.post('/api/admin/config/videoservingendpoint', { value: '' })).status).toBe(200);
  });

  it('never serves a file outside its directories, however the path is spelled', async () => {
    for (const url of ['/assets/../secret.txt', '/assets/..%2fsecret.txt', '/assets/%2e%2e/%2e%2e/secret.txt', '/assets/..%5c..%5csecret.txt', '/assets/%00', '/assets/%E0%A4%A', '/assets/', '/assets/missing.js']) {
      const response = await fixture.get(url);
      expect([400, 404], url).toContain(response.status);
      expect(await response.text()).not.toContain('not for the web');
    }
  });

  it('leaves every other path to the rest of the app', async () => {
    expect((await fixture.get('/api/status')).headers.get('content-type')).toMatch(/json/);
    expect((await fixture.get('/nope')).status).toBe(404);
    expect((await fixture.get('/index.html')).status).toBe(404);
    expect((await fixture.app.request('/', { method: 'POST' })).status).toBe(404);
  });

  it('relativePath refuses anything that could climb out', () => {
    expect(relativePath('/assets/a-1.js')).toBe('assets/a-1.js');
    expect(relativePath('/assets/a%20b.js')).toBe('assets/a b.js');
    for (const bad of ['/assets/..', '/assets/.', '/assets/a%2fb', '/assets/a%5cb', '/assets/%00', '/assets/%zz', '/']) expect(relativePath(bad), bad).toBeUndefined();
  });
});
