import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageErrors, screenshot } from './browser.ts';
import { basicAuth, type ServerProcess } from './server-process.ts';
import { startWebSuite, TINY_PNG_BASE64, type WebSuite } from './web-suite.ts';

// One server, one browser and one real ffmpeg stream for the file: the tests run in order and
// build on each other (offline, then live and administered, chat moderated).
let suite: WebSuite;
let server: ServerProcess;
let admin: Page;
let errors: string[] = [];

async function newPage(options: { credentials?: boolean; width?: number } = {}): Promise<Page> {
  const context = await suite.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    // The browser's own Basic-auth answer, as when a person types the password into its prompt.
    httpCredentials: options.credentials ? { username: 'admin', password: 'abc123' } : undefined,
  });
  return context.newPage();
}

async function apiConfig(): Promise<{ name: string; streamTitle: string }> {
  return (await (await fetch(`${server.url}/api/config`)).json()) as { name: string; streamTitle: string };
}

beforeAll(async () => {
  // 1-second segments and one small rendition: a quick start and little CPU.
  suite = await startWebSuite({
    'video/streamlatencylevel': 0,
    'video/streamoutputvariants': [{ scaledHeight: 180, videoBitrate: 300, framerate: 15, cpuUsageLevel: 0 }],
  });
  server = suite.server;
}, 60_000);

afterAll(() => suite?.stop());

// Generous per-test time: the stream, the server and Chromium share 2 cores with other test files.
describe('the admin dashboard in Chromium, against the real server and an ffmpeg stream', { timeout: 60_000 }, () => {
  it('refuses the admin pages without credentials or with a wrong password', async () => {
    for (const path of ['/admin/', '/admin/settings', '/admin/chat']) {
      const bare = await fetch(`${server.url}${path}`);
      expect(bare.status, path).toBe(401);
      expect(bare.headers.get('www-authenticate')).toMatch(/^Basic /);
      expect(await bare.text()).not.toContain('<script');
      expect((await fetch(`${server.url}${path}`, { headers: basicAuth('wrong-password') })).status).toBe(401);
    }
    // Headless Chromium has no password prompt: it shows the 401 or gives up on the navigation.
    const page = await newPage();
    const outcome = await page.goto(`${server.url}/admin/`).then((response) => response?.status(), (error: Error) => error.message);
    expect(String(outcome)).toMatch(/^401$|ERR_INVALID_AUTH_CREDENTIALS/);
    expect(await page.getByRole('navigation', { name: 'Admin sections' }).count()).toBe(0);
  });

  it('shows the server offline, then live with the broadcaster details while a stream runs', async () => {
    admin = await newPage({ credentials: true });
    errors = pageErrors(admin);
    await admin.goto(`${server.url}/admin/`);
    const badge = admin.locator('.status-badge');
    await expect.poll(() => badge.textContent(), { timeout: 10_000 }).toBe('Offline');

    suite.publish();
    // The dashboard polls the status: it turns live by itself, no reload.
    await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toBe('Live');
    const details = admin.getByRole('region', { name: 'Broadcaster' });
    await expect.poll(() => details.textContent(), { timeout: 10_000 }).toContain('640×360');
    expect(await details.textContent()).toContain('level 0: 30 segments of 1 s');
    expect(await details.getByRole('listitem').allTextContents()).toEqual(['180p · 300 kbps · 15 fps']);
    await admin.getByRole('button', { name: 'Disconnect broadcaster' }).waitFor();
  });

  it('changes the stream title from the dashboard, and a viewer page shows it without a reload', async () => {
    const viewer = await newPage();
    await viewer.goto(`${server.url}/`);
    await viewer.getByRole('button', { name: 'Play the live stream' }).click({ timeout: 15_000 });

    const title = `Admin-set title ${Date.now()}`;
    const panel = admin.getByRole('region', { name: 'Stream title' });
    await panel.getByLabel('Title').fill(title);
    await panel.getByRole('button', { name: 'Update title' }).click();
    await panel.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 10_000 });
    await viewer.locator('.stream-title', { hasText: title }).waitFor({ timeout: 15_000 });
    expect((await apiConfig()).streamTitle).toBe(title);
  });

  it('draws the viewers and hardware charts, and saves a screenshot of the live dashboard', async () => {
    // A viewer is watching (the page above): the count reaches the dashboard.
    await expect.poll(() => admin.getByRole('region', { name: 'Stream', exact: true }).locator('dd').first().textContent(), { timeout: 20_000 }).not.toBe('0');
    const hardware = admin.getByRole('region', { name: 'CPU, memory and disk' }).getByRole('img');
    await expect.poll(() => hardware.getAttribute('aria-label'), { timeout: 15_000 }).toMatch(/^Hardware use: CPU \d+(\.\d)?%, Memory \d+(\.\d)?%/);
    expect(await admin.locator('.chart svg polyline, .chart svg circle').count()).toBeGreaterThan(0);
    const asked = admin.waitForRequest((r) => r.url().includes('/api/admin/viewersOverTime?windowStart='));
    await admin.getByLabel('Period').selectOption({ label: 'Last hour' });
    const windowStart = Number(new URL((await asked).url()).searchParams.get('windowStart'));
    expect(Math.abs(Date.now() / 1000 - 3600 - windowStart)).toBeLessThan(60);
    // The viewer page above is one of the players watching now.
    await admin.getByRole('region', { name: 'Watching now' }).getByRole('cell', { name: 'Chrome on Linux' }).waitFor({ timeout: 20_000 });
    await admin.setViewportSize({ width: 1280, height: 1400 });
    await screenshot(admin, 'admin-dashboard-live');
    expect(errors).toEqual([]);
  });

  it('saves a server setting that survives a reload, and shows a refusal with its reason', async () => {
    await admin.getByRole('navigation', { name: 'Admin sections' }).getByRole('link', { name: 'Server settings' }).click();
    expect(new URL(admin.url()).pathname).toBe('/admin/settings');
    const about = admin.getByRole('region', { name: 'About this server' });
    await about.getByLabel('Server name').fill('Rooftop Radio');
    await about.getByLabel('Tags').fill('music, night, live');
    await about.getByRole('button', { name: 'Save' }).click();
    await about.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 10_000 });

    await admin.reload();
    const reloaded = admin.getByRole('region', { name: 'About this server' });
    await expect.poll(() => reloaded.getByLabel('Server name').inputValue(), { timeout: 10_000 }).toBe('Rooftop Radio');
    expect(await reloaded.getByLabel('Tags').inputValue()).toBe('music, night, live');
    expect((await apiConfig()).name).toBe('Rooftop Radio');

    const serverPanel = admin.getByRole('region', { name: 'Server', exact: true });
    await serverPanel.getByLabel('RTMP port').fill('99999');
    await serverPanel.getByRole('button', { name: 'Save' }).click();
    const refusal = serverPanel.locator('.field-error');
    await refusal.waitFor({ timeout: 10_000 });
    expect(await refusal.textContent()).not.toBe('');
    expect(await serverPanel.getByLabel('RTMP port').getAttribute('aria-invalid')).toBe('true');
    await serverPanel.getByLabel('Web server port').fill('eighty');
    await serverPanel.getByRole('button', { name: 'Save' }).click();
    await serverPanel.getByText('Enter a whole number.').waitFor();
  });

  it('hides a viewer’s chat message from the chat page (it leaves the viewer page) and makes the viewer a moderator', async () => {
    const viewer = await newPage();
    await viewer.goto(`${server.url}/`);
    const input = viewer.getByRole('textbox', { name: 'Message', exact: true });
    await viewer.getByPlaceholder(/^Chat as /).waitFor({ timeout: 10_000 });
    await input.fill('a message for the admin to hide');
    await input.press('Enter');
    await viewer.locator('.chat-entry', { hasText: 'a message for the admin to hide' }).waitFor({ timeout: 10_000 });

    await admin.getByRole('link', { name: 'Chat' }).click();
    const row = admin.getByRole('row', { name: /a message for the admin to hide/ });
    await row.waitFor({ timeout: 10_000 });
    await row.getByRole('button', { name: /^Hide/ }).click();
    await viewer.locator('.chat-entry', { hasText: 'a message for the admin to hide' }).waitFor({ state: 'detached', timeout: 10_000 });
    await row.getByRole('button', { name: /^Show/ }).waitFor({ timeout: 10_000 });

    // The same viewer made a moderator from the users table; the server pushes the new scope.
    const name = (await viewer.getByPlaceholder(/^Chat as /).getAttribute('placeholder'))!.replace(/^Chat as /, '');
    await admin.getByRole('region', { name: 'Users' }).getByLabel('Search').fill(name);
    await admin.getByRole('switch', { name: `${name} is a moderator` }).check();
    await admin.getByText(`${name} is now a moderator.`).waitFor({ timeout: 10_000 });
    const moderators = (await (await fetch(`${server.url}/api/admin/chat/users/moderators`, { headers: basicAuth('abc123') })).json()) as Array<{ displayName: string }>;
    expect(moderators.map((m) => m.displayName)).toEqual([name]);
  });

  it('adds a generated stream key, stored by the server and kept across a reload', async () => {
    await admin.getByRole('link', { name: 'Stream keys' }).click();
    await admin.getByRole('button', { name: 'Add a key' }).click();
    const newKey = await admin.getByLabel('Key 2', { exact: true }).inputValue();
    expect(newKey).toMatch(/^[A-Za-z0-9]{24}$/);
    await admin.getByLabel('Comment for key 2').fill('backup encoder');
    await admin.getByRole('button', { name: 'Save keys' }).click();
    await admin.getByText('Saved: these keys are the ones accepted now.').waitFor({ timeout: 10_000 });
    await admin.reload();
    await expect.poll(() => admin.getByLabel('Comment for key 2').inputValue(), { timeout: 10_000 }).toBe('backup encoder');
    const config = (await (await fetch(`${server.url}/api/admin/serverconfig`, { headers: basicAuth('abc123') })).json()) as { streamKeys: Array<{ key: string }> };
    expect(config.streamKeys.map((k) => k.key)).toEqual(['abc123', newKey]);
  });

  it('saves the S3 storage form as one object, and shows why an incomplete one is refused', async () => {
    await admin.getByRole('link', { name: 'Storage' }).click();
    const form = admin.getByRole('region', { name: 'S3-compatible storage' });
    await form.getByLabel('Use S3-compatible storage').check();
    await form.getByRole('button', { name: 'Save storage' }).click();
    await form.getByRole('status').filter({ hasText: 'S3 storage needs a bucket' }).waitFor({ timeout: 10_000 });

    await form.getByLabel('Use S3-compatible storage').uncheck();
    await form.getByLabel('Endpoint').fill('http://127.0.0.1:9000');
    await form.getByLabel('Region').fill('eu-west-1');
    await form.getByLabel('Bucket').fill('hexcast-video');
    await form.getByLabel('Access key').fill('AKIAEXAMPLE');
    await form.getByLabel('Secret key').fill('a-secret-value');
    await form.getByLabel('Path-style URLs (most non-AWS providers)').check();
    await form.getByRole('button', { name: 'Save storage' }).click();
    await form.getByRole('status').filter({ hasText: 'Saved.' }).waitFor({ timeout: 10_000 });
    const config = (await (await fetch(`${server.url}/api/admin/serverconfig`, { headers: basicAuth('abc123') })).json()) as { s3: Record<string, unknown> };
    expect(config.s3).toEqual({ enabled: false, endpoint: 'http://127.0.0.1:9000', accessKey: 'AKIAEXAMPLE', secret: 'a-secret-value', bucket: 'hexcast-video', region: 'eu-west-1', acl: '', pathPrefix: '', forcePathStyle: true });
    expect(await form.getByLabel('Secret key').getAttribute('type')).toBe('password');
  });

  it('edits the output ladder: a refused bitrate shows why, a new variant is stored', async () => {
    await admin.getByRole('link', { name: 'Video' }).click();
    await admin.getByRole('button', { name: 'Add a variant' }).click();
    await admin.getByLabel('Video bitrate, variant 2').fill('20');
    await admin.getByRole('button', { name: 'Save variants' }).click();
    const status = admin.getByRole('region', { name: 'Output variants' }).getByRole('status');
    await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/videoBitrate/);
    await admin.getByLabel('Video bitrate, variant 2').fill('2000');
    await admin.getByLabel('Height, variant 2').fill('720');
    await admin.getByRole('button', { name: 'Save variants' }).click();
    await status.filter({ hasText: 'Saved' }).waitFor({ timeout: 10_000 });
    const config = (await (await fetch(`${server.url}/api/admin/serverconfig`, { headers: basicAuth('abc123') })).json()) as { videoSettings: { videoQualityVariants: Array<{ scaledHeight: number; videoBitrate: number }> } };
    expect(config.videoSettings.videoQualityVariants.map((v) => [v.scaledHeight, v.videoBitrate])).toEqual([[180, 300], [720, 2000]]);
  });

  it('creates an access token shown once that works, and deletes it', async () => {
    await admin.getByRole('link', { name: 'Integrations' }).click();
    await admin.getByLabel('Name', { exact: true }).fill('ci-bot');
    await admin.getByLabel('Admin access (moderation, server settings)').check();
    await admin.getByRole('button', { name: 'Create token' }).click();
    const token = (await admin.locator('code.secret').textContent({ timeout: 10_000 }))!;
    const asBot = () => fetch(`${server.url}/api/integrations/status`, { headers: { Authorization: `Bearer ${token}` } });
    expect((await asBot()).status).toBe(200);
    const row = admin.getByRole('row', { name: /ci-bot/ });
    admin.once('dialog', (dialog) => void dialog.accept());
    await row.getByRole('button', { name: 'Delete ci-bot' }).click();
    await row.waitFor({ state: 'detached', timeout: 10_000 });
    expect((await asBot()).status).toBe(401);
  });

  it('adds an external action, and adds then removes a custom emoji', async () => {
    await admin.getByRole('link', { name: 'Integrations' }).click();
    await admin.getByRole('button', { name: 'Add an action' }).click();
    const action = admin.getByRole('group', { name: 'Action 1' });
    await action.getByLabel('Title').fill('Tip jar');
    await action.getByLabel('URL', { exact: true }).fill('https://example.com/tips');
    await admin.getByRole('button', { name: 'Save actions' }).click();
    await admin.getByRole('region', { name: 'External actions' }).getByText('Saved.').waitFor({ timeout: 10_000 });
    const config = (await (await fetch(`${server.url}/api/admin/serverconfig`, { headers: basicAuth('abc123') })).json()) as { externalActions: unknown[] };
    expect(config.externalActions).toMatchObject([{ title: 'Tip jar', url: 'https://example.com/tips', openExternally: true }]);

    await admin.getByRole('link', { name: 'Chat' }).click();
    await admin.getByLabel('Add emoji').setInputFiles({ name: 'owl.png', mimeType: 'image/png', buffer: Buffer.from(TINY_PNG_BASE64, 'base64') });
    await admin.getByText('Added :owl:').waitFor({ timeout: 10_000 });
    const listed = async () => ((await (await fetch(`${server.url}/api/emoji`)).json()) as Array<{ name: string }>).map((e) => e.name);
    expect(await listed()).toContain('owl');
    await admin.getByRole('button', { name: 'Remove :owl:' }).click();
    await admin.getByText('Removed :owl:').waitFor({ timeout: 10_000 });
    expect(await listed()).not.toContain('owl');
  });

  it('uploads a logo that the site then serves', async () => {
    await admin.getByRole('link', { name: 'Server settings' }).click();
    const png = Buffer.from(TINY_PNG_BASE64, 'base64');
    await admin.getByLabel('Upload a new logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: png });
    await admin.getByText('Logo changed.').waitFor({ timeout: 10_000 });
    expect(Buffer.from(await (await fetch(`${server.url}/logo`)).arrayBuffer()).equals(png)).toBe(true);
  });

  it('says "unavailable" for an endpoint the server lacks, and the rest of the page works', async () => {
    const page = await newPage({ credentials: true });
    await page.route('**/api/admin/hardwarestats', (route) => route.fulfill({ status: 404, contentType: 'application/json', body: '{"error":"no such API route"}' }));
    await page.goto(`${server.url}/admin/`);
    await page.getByText('Hardware: unavailable on this server.').waitFor({ timeout: 10_000 });
    await page.getByText('Stream health: unavailable on this server.').waitFor();
    expect(await page.locator('.status-badge').textContent()).toBe('Live');
  });

  it('works from the keyboard and on a phone-sized screen', async () => {
    const phone = await newPage({ credentials: true, width: 390 });
    await phone.goto(`${server.url}/admin/`);
    await phone.locator('.status-badge').waitFor({ timeout: 10_000 });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const menu = phone.getByRole('button', { name: 'Menu' });
    await menu.focus();
    await phone.keyboard.press('Enter');
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await phone.keyboard.press('Tab'); // the brand link
    await phone.keyboard.press('Tab'); // the site link
    await phone.keyboard.press('Tab'); // Dashboard
    await phone.keyboard.press('Tab'); // Server settings
    await phone.keyboard.press('Enter');
    // Focus moves to the new section's heading once it has loaded.
    await expect.poll(() => phone.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.textContent}`), { timeout: 10_000 }).toBe('H1 Server settings');
    expect(new URL(phone.url()).pathname).toBe('/admin/settings');
    await phone.getByLabel('Server name').waitFor({ timeout: 10_000 });
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone, 'admin-settings-mobile');
  });

  it('shows the server log, and only its warnings when asked', async () => {
    await admin.getByRole('link', { name: 'Logs' }).click();
    const log = admin.getByRole('list', { name: 'Log lines, newest first' });
    await log.waitFor({ timeout: 10_000 });
    expect(await log.getByRole('listitem').count()).toBeGreaterThan(0);
    await admin.getByRole('switch', { name: 'Only warnings' }).check();
    await admin.getByRole('heading', { name: 'Warnings and errors' }).waitFor();
    await expect.poll(async () => (await log.locator('.log-level').allTextContents()).every((level) => ['warn', 'warning', 'error', 'fatal'].includes(level)), { timeout: 10_000 }).toBe(true);
    expect(await log.getByText(/SECURITY WARNING/).count()).toBeGreaterThan(0);
  });

  it('disconnects the broadcaster from the dashboard after asking, and shows offline', async () => {
    await admin.getByRole('link', { name: 'Dashboard' }).click();
    const button = admin.getByRole('button', { name: 'Disconnect broadcaster' });
    admin.once('dialog', (dialog) => void dialog.dismiss());
    await button.click();
    await admin.waitForTimeout(500);
    expect(await admin.locator('.status-badge').textContent()).toBe('Live');
    admin.once('dialog', (dialog) => void dialog.accept());
    await button.click();
    await expect.poll(() => admin.locator('.status-badge').textContent(), { timeout: 15_000 }).toBe('Offline');
    expect(((await (await fetch(`${server.url}/api/status`)).json()) as { online: boolean }).online).toBe(false);
  });

  // Last: it changes the password the other tests use.
  it('changes the admin password: mismatch and weak ones refused with the reason, then the old one stops working', async () => {
    await admin.getByRole('link', { name: 'Server settings' }).click();
    const panel = admin.getByRole('region', { name: 'Admin password' });
    await panel.getByLabel('New password').fill('short');
    await panel.getByLabel('Repeat it').fill('shorter');
    await panel.getByRole('button', { name: 'Change password' }).click();
    await panel.getByText('The two passwords differ.').waitFor();
    await panel.getByLabel('Repeat it').fill('short');
    await panel.getByRole('button', { name: 'Change password' }).click();
    await panel.getByText('the admin password must be at least 8 characters').waitFor({ timeout: 10_000 });
    expect((await fetch(`${server.url}/api/admin/status`, { headers: basicAuth('abc123') })).status).toBe(200);

    await panel.getByLabel('New password').fill('a-much-longer-passphrase');
    await panel.getByLabel('Repeat it').fill('a-much-longer-passphrase');
    await panel.getByRole('button', { name: 'Change password' }).click();
    await panel.getByText(/^Password changed\./).waitFor({ timeout: 10_000 });
    expect((await fetch(`${server.url}/api/admin/status`, { headers: basicAuth('abc123') })).status).toBe(401);
    expect((await fetch(`${server.url}/api/admin/status`, { headers: basicAuth('a-much-longer-passphrase') })).status).toBe(200);
  });
});
