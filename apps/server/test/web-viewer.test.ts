import net from 'node:net';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageErrors, playbackAdvances, screenshot } from './browser.ts';
import { waitFor, type Publisher } from './media-tools.ts';
import { basicAuth, setConfig, type ServerProcess } from './server-process.ts';
import { startWebSuite, TINY_PNG_BASE64, type WebSuite } from './web-suite.ts';

// One server, one browser and one real ffmpeg stream for the whole file: the tests run in order
// and each builds on the state the one before left (online, chatting, then offline).
let suite: WebSuite;
let server: ServerProcess;
let publisher: Publisher | undefined;
/** What any page logged about its Content-Security-Policy: the pages must work under it. */
const cspViolations: string[] = [];

const admin = (name: string, value: unknown): Promise<void> => setConfig(server, name, value);

/** A fresh browser profile (its own localStorage, so its own chat identity) that reports CSP violations. */
async function newContext(options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await suite.newContext(options);
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.effectiveDirective} ${e.blockedURI}`)));
  context.on('console', (message) => {
    if (/Content Security Policy|CSP violation/i.test(message.text())) cspViolations.push(`${message.page()?.url() ?? '?'}: ${message.text()}`);
  });
  return context;
}

/** A fresh browser profile on `path`; `before` sees the page before it loads (to listen to it). */
async function open(path: string, before?: (page: Page) => void): Promise<Page> {
  const context = await newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  before?.(page);
  await page.goto(`${server.url}${path}`);
  return page;
}

async function sendChat(page: Page, text: string): Promise<void> {
  const input = page.getByRole('textbox', { name: 'Message', exact: true });
  await input.fill(text);
  await input.press('Enter');
  await expect.poll(() => input.inputValue(), { timeout: 5_000 }).toBe('');
}

beforeAll(async () => {
  // 1-second segments and a two-rendition ladder: quick start, and a quality menu to check.
  suite = await startWebSuite({
    'video/streamlatencylevel': 0,
    'video/streamoutputvariants': [
      { scaledHeight: 360, videoBitrate: 800, framerate: 30, cpuUsageLevel: 0 },
      { scaledHeight: 180, videoBitrate: 300, framerate: 15, cpuUsageLevel: 0, audioPassthrough: false, audioBitrate: 64 },
    ],
  });
  server = suite.server;
}, 60_000);

afterAll(() => suite?.stop());

// Generous per-test time: on a busy 2-core machine the stream and Chromium share the cores with other test files.
describe('the viewer page in Chromium, against the real server and an ffmpeg stream', { timeout: 60_000 }, () => {
  let viewer: Page;
  let other: Page;

  it('shows the offline state with the offline message before anyone streams', async () => {
    await admin('offlinemessage', 'Back **tonight** at nine.');
    // Reporting playback health every 2 s instead of every minute (see the 'reports its playback health' test).
    viewer = await open('/?playbackReportSeconds=2');
    await viewer.getByRole('region', { name: 'Stream offline' }).waitFor();
    expect(await viewer.locator('.offline-message strong').textContent()).toBe('tonight');
    expect(await viewer.locator('.live-badge').textContent()).toBe('Offline');
  });

  it('plays the live stream (currentTime advances) and offers both variants in the quality menu', async () => {
    const errors = pageErrors(viewer);
    publisher = suite.publish();
    await waitFor('online', async () => ((await (await fetch(`${server.url}/api/status`)).json()) as { online: boolean }).online || undefined);
    // The page notices by itself (it polls the status), no reload.
    await viewer.getByRole('button', { name: 'Play the live stream' }).click({ timeout: 15_000 });
    await viewer.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5, undefined, { timeout: 20_000 });
    const { before, after } = await playbackAdvances(viewer);
    expect(after).toBeGreaterThan(before);
    // Near the live edge: about three 1-second segments behind it, not the whole window.
    const behind = await viewer.$eval('video', (v) => {
      const video = v as HTMLVideoElement;
      return video.seekable.end(video.seekable.length - 1) - video.currentTime;
    });
    expect(behind).toBeGreaterThan(0);
    expect(behind).toBeLessThan(8);

    const quality = viewer.getByLabel('Quality');
    await quality.waitFor({ timeout: 10_000 });
    const options = await quality.locator('option').allTextContents();
    expect(options).toEqual(['Auto', '360p @ 800 kbps', '180p @ 300 kbps']);
    await quality.selectOption({ label: '180p @ 300 kbps' });
    // Playback goes on after the switch (a busy machine may take a moment to load the new rendition).
    const atSwitch = await viewer.$eval('video', (v) => (v as HTMLVideoElement).currentTime);
    await viewer.waitForFunction((t) => (document.querySelector('video')?.currentTime ?? 0) > t + 2, atSwitch, { timeout: 15_000 });
    expect(await viewer.locator('.live-badge').textContent()).toBe('Live');
    expect(errors).toEqual([]);
    await screenshot(viewer, 'viewer-live');
  });

  it("plays through the browser's own HLS where Media Source Extensions cannot play the stream, without fetching hls.js", async () => {
    const context = await newContext();
    const page = await context.newPage();
    // As on a browser whose MSE cannot take H.264 (Chromium's own HLS player needs MediaSource itself, so it stays).
    await page.addInitScript(() => {
      MediaSource.isTypeSupported = () => false;
    });
    const scripts: string[] = [];
    page.on('request', (request) => request.resourceType() === 'script' && scripts.push(request.url()));
    await page.goto(`${server.url}/embed/video?playbackReportSeconds=1`);
    expect(await page.evaluate(() => document.createElement('video').canPlayType('application/vnd.apple.mpegurl'))).not.toBe('');
    await page.getByRole('button', { name: 'Play the live stream' }).click({ timeout: 15_000 });
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5, undefined, { timeout: 20_000 });
    // Chromium's own player fails switching between this ladder's renditions; the page then stays on one.
    expect(await page.$eval('video', (v) => (v as HTMLVideoElement).src)).toMatch(/\/hls\/(\d+\/)?stream\.m3u8$/);
    const { before, after } = await playbackAdvances(page);
    expect(after).toBeGreaterThan(before);
    // The native player reports its health too: at least the latency, which it can see.
    const report = await page.waitForRequest((r) => r.url().endsWith('/api/metrics/playback'), { timeout: 10_000 });
    const body = report.postDataJSON() as { latency?: number; errors: number; qualityVariantChanges: number };
    expect(body.latency).toBeGreaterThanOrEqual(0);
    expect(body.latency).toBeLessThan(30);
    expect(body.errors).toBeGreaterThanOrEqual(0);
    expect((await report.response())?.status()).toBe(200);
    // hls.js is the one big chunk (over 300 KB unzipped): without MSE it is never requested.
    expect(scripts.length).toBeGreaterThan(0);
    const sizes = await Promise.all(scripts.map(async (url) => (await (await fetch(url)).arrayBuffer()).byteLength));
    expect(Math.max(...sizes)).toBeLessThan(100_000);
    await context.close();
  });

  it('delivers a chat message typed in one browser to another', async () => {
    other = await open('/');
    await other.getByPlaceholder(/^Chat as /).waitFor({ timeout: 10_000 });
    await viewer.getByPlaceholder(/^Chat as /).waitFor({ timeout: 10_000 });
    const text = `hello from the first browser ${Date.now()}`;
    await sendChat(viewer, text);
    const received = other.locator('.chat-entry', { hasText: text });
    await received.waitFor({ timeout: 10_000 });
    const author = await viewer.getByPlaceholder(/^Chat as /).getAttribute('placeholder');
    expect(await received.locator('.chat-author').textContent()).toBe(author?.replace(/^Chat as /, ''));
  });

  it('shows system messages and actions apart from chat, rendered from their markdown', async () => {
    const create = await fetch(`${server.url}/api/admin/accesstokens/create`, { method: 'POST', headers: basicAuth('abc123'), body: JSON.stringify({ name: 'announcer', scopes: ['CAN_SEND_SYSTEM_MESSAGES'] }) });
    expect(create.status).toBe(200);
    const { accessToken } = (await create.json()) as { accessToken: string };
    const bot = { Authorization: `Bearer ${accessToken}` };
    expect((await fetch(`${server.url}/api/integrations/chat/system`, { method: 'POST', headers: bot, body: JSON.stringify({ body: 'Doors close at **ten**.' }) })).status).toBe(200);
    expect((await fetch(`${server.url}/api/integrations/chat/action`, { method: 'POST', headers: bot, body: JSON.stringify({ body: 'waves at everyone', author: 'Announcer' }) })).status).toBe(200);
    const system = other.locator('.chat-system', { hasText: 'Doors close at' });
    await system.waitFor({ timeout: 10_000 });
    expect(await system.locator('.chat-body strong').textContent()).toBe('ten');
    expect(await system.locator('.badge').allTextContents()).toContain('system');
    await other.locator('.chat-action', { hasText: 'waves at everyone' }).waitFor({ timeout: 10_000 });
  });

  it('shows a message carrying an XSS payload as text, running nothing', async () => {
    const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
    await sendChat(viewer, payload);
    const received = other.locator('.chat-entry', { hasText: 'onerror' });
    await received.waitFor({ timeout: 10_000 });
    expect(await received.locator('.chat-body').textContent()).toBe(payload);
    expect(await received.locator('.chat-body img, .chat-body script').count()).toBe(0);
    expect(await other.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await viewer.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  });

  it('shows a new stream title set by the admin without a reload', async () => {
    await admin('streamtitle', 'Night owls: live from the roof');
    await viewer.locator('.stream-title', { hasText: 'Night owls: live from the roof' }).waitFor({ timeout: 10_000 });
  });

  it('loads the embeds: video plays, read-only chat shows messages without a composer, /embed/chat redirects', async () => {
    const video = await open('/embed/video');
    await video.getByRole('button', { name: 'Play the live stream' }).click({ timeout: 15_000 });
    await video.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5, undefined, { timeout: 20_000 });
    const { before, after } = await playbackAdvances(video);
    expect(after).toBeGreaterThan(before);

    const readonly = await open('/embed/chat');
    expect(new URL(readonly.url()).pathname).toBe('/embed/chat/readonly');
    await readonly.locator('.chat-entry', { hasText: 'hello from the first browser' }).waitFor({ timeout: 10_000 });
    expect(await readonly.getByRole('textbox', { name: 'Message', exact: true }).count()).toBe(0);

    const readwrite = await open('/embed/chat/readwrite');
    await readwrite.getByPlaceholder(/^Chat as /).waitFor({ timeout: 10_000 });
    await sendChat(readwrite, 'written in the embed');
    await readonly.locator('.chat-entry', { hasText: 'written in the embed' }).waitFor({ timeout: 10_000 });
    await screenshot(video, 'embed-video');
    await screenshot(readwrite, 'embed-chat-readwrite');
  });

  it('renames and recolours from the chat settings, and sends a custom emoji from the picker', async () => {
    const upload = await fetch(`${server.url}/api/admin/emoji/upload`, { method: 'POST', headers: basicAuth('abc123'), body: JSON.stringify({ name: 'owl.png', data: TINY_PNG_BASE64 }) });
    expect(upload.status, await upload.clone().text()).toBe(200);

    await viewer.getByRole('button', { name: 'Change your name and colour' }).click();
    await viewer.getByLabel('Name', { exact: true }).fill('Night Owl');
    await viewer.getByRole('button', { name: 'Save' }).click();
    await viewer.getByPlaceholder('Chat as Night Owl').waitFor({ timeout: 10_000 });
    await other.locator('.chat-action', { hasText: 'is now known as Night Owl' }).waitFor({ timeout: 10_000 });
    await viewer.getByRole('button', { name: 'Change your name and colour' }).click();
    await viewer.getByRole('button', { name: 'Colour 6' }).click();
    await viewer.getByRole('button', { name: 'Colour 6', pressed: true }).waitFor({ timeout: 10_000 });
    await viewer.keyboard.press('Escape');

    await viewer.getByRole('button', { name: 'Insert emoji' }).click();
    await viewer.getByRole('button', { name: 'owl' }).click();
    expect(await viewer.getByRole('textbox', { name: 'Message', exact: true }).inputValue()).toBe(':owl:');
    await viewer.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
    const received = other.locator('.chat-entry', { has: other.locator('img.emoji[src="/img/emoji/owl.png"]') });
    await received.waitFor({ timeout: 10_000 });
    expect(await received.locator('.chat-author').textContent()).toBe('Night Owl');
    expect(await received.locator('.chat-author').getAttribute('style')).toContain('--user-color-5');
  });

  it('gives a moderator hide and ban buttons that work for everyone', async () => {
    await sendChat(other, 'a message to moderate');
    const messages = (await (await fetch(`${server.url}/api/admin/chat/messages`, { headers: basicAuth('abc123') })).json()) as Array<{ body: string; user: { id: string } }>;
    const moderatorId = messages.find((m) => m.body.includes('Night Owl') || m.body.includes(':owl:') || m.body.includes('owl.png'))?.user.id;
    expect(moderatorId).toBeDefined();
    expect(await viewer.getByRole('button', { name: /^Hide this message/ }).count()).toBe(0);
    const promote = await fetch(`${server.url}/api/admin/chat/users/setmoderator`, { method: 'POST', headers: basicAuth('abc123'), body: JSON.stringify({ userId: moderatorId, isModerator: true }) });
    expect(promote.status).toBe(200);

    // The server pushes the new scope: the tools appear without a reload.
    const target = viewer.locator('.chat-entry', { hasText: 'a message to moderate' });
    await target.hover();
    await target.getByRole('button', { name: /^Hide this message/ }).click({ timeout: 10_000 });
    await other.locator('.chat-entry', { hasText: 'a message to moderate' }).waitFor({ state: 'detached', timeout: 10_000 });

    await sendChat(other, 'one more from the troublemaker');
    const next = viewer.locator('.chat-entry', { hasText: 'one more from the troublemaker' });
    viewer.once('dialog', (dialog) => void dialog.accept());
    await next.hover();
    await next.getByRole('button', { name: /^Ban / }).click({ timeout: 10_000 });
    await other.getByText('You can no longer take part in this chat.').waitFor({ timeout: 10_000 });
    expect(await other.getByRole('textbox', { name: 'Message', exact: true }).count()).toBe(0);
  });

  it('lays the page out for a phone: chat under the player, nothing wider than the screen', async () => {
    const context = await newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const phone = await context.newPage();
    await phone.goto(`${server.url}/`);
    await phone.getByPlaceholder(/^Chat as /).waitFor({ timeout: 10_000 });
    const player = (await phone.locator('.player, .offline').first().boundingBox())!;
    const chat = (await phone.locator('.viewer-chat').boundingBox())!;
    const content = (await phone.locator('.page-content').boundingBox())!;
    expect(chat.y).toBeGreaterThanOrEqual(player.y + player.height);
    expect(content.y).toBeGreaterThanOrEqual(chat.y + chat.height);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(phone, 'viewer-mobile');
  });

  it('reconnects the chat by itself after the network drops, and catches up on what it missed', async () => {
    const proxy = await tcpProxy(new URL(server.url).port);
    try {
      const context = await newContext();
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${proxy.port}/embed/chat/readwrite`);
      await page.getByPlaceholder(/^Chat as /).waitFor({ timeout: 10_000 });
      proxy.dropAll();
      await page.getByText('Connection lost, reconnecting…').waitFor({ timeout: 10_000 });
      // Said while this page was away: it arrives with the history fetched on reconnecting.
      await sendChat(viewer, 'said during the outage');
      await page.getByPlaceholder(/^Chat as /).waitFor({ timeout: 15_000 });
      await page.locator('.chat-entry', { hasText: 'said during the outage' }).waitFor({ timeout: 10_000 });
      await sendChat(page, 'back again');
      await viewer.locator('.chat-entry', { hasText: 'back again' }).waitFor({ timeout: 10_000 });
      expect(proxy.connections()).toBeGreaterThan(1);
    } finally {
      proxy.close();
    }
  });

  it("reports the player's playback health: the admin sees it in the video metrics and the stream health", { timeout: 100_000 }, async () => {
    type Point = { time: string; value: number };
    const get = async <T,>(path: string) => (await (await fetch(`${server.url}${path}`, { headers: basicAuth('abc123') })).json()) as T;
    // The server closes its aggregation window once a minute: wait for a window the playing viewer reported in.
    const metrics = await waitFor('video metrics', async () => {
      const m = await get<Record<string, Point[]>>('/api/admin/metrics/video');
      return (m.medianLatency?.length ?? 0) > 0 ? m : undefined;
    }, 80_000);
    const latest = (name: string) => metrics[name]!.at(-1)!.value;
    // Live with 1-second segments, about three behind the edge.
    expect(latest('medianLatency')).toBeGreaterThan(0);
    expect(latest('medianLatency')).toBeLessThan(20);
    // Segments of a local server download in a fraction of a second (2 s leaves room for a busy machine); hls.js measured a real rate.
    expect(latest('medianSegmentDownloadDuration')).toBeGreaterThan(0);
    expect(latest('medianSegmentDownloadDuration')).toBeLessThan(2);
    expect(latest('medianPlayerBitrate')).toBeGreaterThan(100);
    expect(metrics.errors!.length).toBeGreaterThan(0);
    const health = await get<{ healthPercentage?: number; representation?: number }>('/api/admin/hardwarestats');
    expect(health.healthPercentage).toBeGreaterThanOrEqual(0);
    expect(health.representation).toBeGreaterThan(0);
  });

  it('asks before an NSFW stream plays, and only then shows the player', async () => {
    await admin('nsfw', true);
    const page = await open('/embed/video');
    await page.getByRole('alertdialog', { name: 'Mature content' }).waitFor({ timeout: 10_000 });
    expect(await page.locator('video').count()).toBe(0);
    await page.getByRole('button', { name: 'I understand, show the stream' }).click();
    await page.getByRole('button', { name: 'Play the live stream' }).click({ timeout: 15_000 });
    await page.waitForFunction(() => (document.querySelector('video')?.currentTime ?? 0) > 0.5, undefined, { timeout: 20_000 });
    // Accepted once in this browser: a reload goes straight to the player.
    await page.reload();
    await page.getByRole('button', { name: 'Play the live stream' }).waitFor({ timeout: 15_000 });
    expect(await page.getByRole('alertdialog', { name: 'Mature content' }).count()).toBe(0);
  });

  it('shows the offline state with the last-seen time once the stream stops', async () => {
    await publisher!.stop();
    await viewer.getByRole('region', { name: 'Stream offline' }).waitFor({ timeout: 20_000 });
    expect(await viewer.locator('.last-seen').textContent()).toMatch(/^Last live/);
    expect(await viewer.locator('.live-badge').textContent()).toBe('Offline');
    expect(await viewer.locator('video').count()).toBe(0);
    await screenshot(viewer, 'viewer-offline');
  });

  it("applies the admin's appearance variables, custom CSS and JavaScript and action buttons, shows the offline state of an NSFW stream without asking, and shows chat read-only when it is off", async () => {
    await admin('appearance', { '--theme-color-action': 'rgb(200, 30, 40)' });
    await admin('customstyles', '.server-name { letter-spacing: 3px; }');
    await admin('customjavascript', 'window.__customJs = 42;');
    await admin('nsfw', true);
    await admin('hideviewercount', true);
    await admin('externalactions', [
      { url: `${server.url}/api/status`, title: 'Server status', description: 'opens in a dialog' },
      { url: 'https://example.com/shop', title: 'Shop', openExternally: true },
    ]);
    const viewerSockets: string[] = [];
    viewer.on('websocket', (socket) => viewerSockets.push(socket.url()));
    await admin('chat/disable', true);
    // An open page: the server closes its socket saying CHAT_DISABLED; it says chat is off (not that the viewer is banned) and does not reconnect.
    await viewer.getByText('Chat is turned off.').waitFor({ timeout: 10_000 });
    expect(await viewer.getByText('You can no longer take part in this chat.').count()).toBe(0);
    await admin('socialhandles', [{ platform: 'github', url: 'https://github.com/hexcast-example' }]);
    await admin('tags', ['night', 'owls']);
    const sockets: string[] = [];
    const page = await open('/', (p) => p.on('websocket', (socket) => sockets.push(socket.url())));
    // Nothing plays while offline, so there is nothing to warn about yet: the offline message shows.
    await page.getByRole('region', { name: 'Stream offline' }).waitFor({ timeout: 10_000 });
    expect(await page.getByRole('alertdialog', { name: 'Mature content' }).count()).toBe(0);
    expect(await page.locator('.server-name').evaluate((el) => getComputedStyle(el).letterSpacing)).toBe('3px');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('rgb(200, 30, 40)');
    await page.waitForFunction(() => (window as { __customJs?: number }).__customJs === 42, undefined, { timeout: 5_000 });
    const embed = await open('/embed/video');
    await embed.getByRole('region', { name: 'Stream offline' }).waitFor({ timeout: 10_000 });
    expect(await embed.getByRole('alertdialog', { name: 'Mature content' }).count()).toBe(0);
    expect(await page.locator('.viewer-count').count()).toBe(0);
    const social = page.getByRole('navigation', { name: 'Elsewhere' }).getByRole('link');
    expect(await social.getAttribute('href')).toBe('https://github.com/hexcast-example');
    expect(await social.locator('img').evaluate(async (img) => (await (img as HTMLImageElement).decode(), (img as HTMLImageElement).naturalWidth))).toBeGreaterThan(0);
    expect(await page.getByRole('list', { name: 'Tags' }).locator('li').allTextContents()).toEqual(['#night', '#owls']);

    expect(await page.getByRole('link', { name: 'Shop' }).getAttribute('target')).toBe('_blank');
    await page.getByRole('button', { name: 'Server status' }).click();
    const dialog = page.getByRole('dialog', { name: 'Server status' });
    await dialog.waitFor();
    expect(await dialog.locator('iframe').getAttribute('src')).toBe(`${server.url}/api/status`);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Chat turned off by the admin: the log stays, the composer goes, and no socket is tried (the server would refuse it).
    await page.getByText('Chat is turned off.').waitFor();
    expect(await page.getByRole('textbox', { name: 'Message', exact: true }).count()).toBe(0);
    await page.locator('.chat-entry', { hasText: 'hello from the first browser' }).waitFor();
    await page.waitForTimeout(4_000);
    expect(sockets).toEqual([]);
    expect(viewerSockets).toEqual([]);

    // The admin turns chat back on and drops the appearance variable: the open page follows without a reload.
    await admin('appearance', {});
    await admin('chat/disable', false);
    await page.getByPlaceholder(/^Chat as /).waitFor({ timeout: 15_000 });
    expect(sockets).toHaveLength(1);
    await viewer.getByPlaceholder(/^Chat as /).waitFor({ timeout: 15_000 });
    expect(viewerSockets).toHaveLength(1);
    expect(await page.evaluate(() => document.documentElement.style.getPropertyValue('--theme-color-action'))).toBe('');
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).not.toBe('rgb(200, 30, 40)');
    await sendChat(page, 'chat is back');
    const bodies = async () => ((await (await fetch(`${server.url}/api/admin/chat/messages`, { headers: basicAuth('abc123') })).json()) as Array<{ body: string }>).map((m) => m.body);
    await expect.poll(bodies, { timeout: 10_000 }).toContainEqual(expect.stringContaining('chat is back'));
  });

  it('keeps the chat identity in the browser: the same user after a reload', async () => {
    await viewer.reload();
    await viewer.getByPlaceholder('Chat as Night Owl').waitFor({ timeout: 10_000 });
    // The history came back with the page, moderation tools included (still a moderator).
    await viewer.locator('.chat-entry', { hasText: 'hello from the first browser' }).waitFor();
    expect(await viewer.getByRole('button', { name: /^Hide this message/ }).count()).toBeGreaterThan(0);
  });

  it('can be used with the keyboard alone: tab to the message box, send with Enter, emoji picker closes on Escape', async () => {
    const page = await open('/embed/chat/readwrite');
    await page.getByPlaceholder(/^Chat as /).waitFor({ timeout: 10_000 });
    let focused = '';
    for (let i = 0; i < 10 && focused !== 'chat-input'; i += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.id ?? '');
    }
    expect(focused).toBe('chat-input');
    await page.keyboard.type('typed without a mouse');
    await page.keyboard.press('Enter');
    await viewer.locator('.chat-entry', { hasText: 'typed without a mouse' }).waitFor({ timeout: 10_000 });

    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Insert emoji');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog', { name: 'Emoji' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Emoji' }).waitFor({ state: 'detached' });
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('chat-input');
    // Every control on the page has a name a screen reader can say.
    const unnamed = await page.$$eval('button, input, select, textarea', (els) => els.filter((el) => !(el as HTMLElement).getAttribute('aria-label') && !(el as HTMLElement).innerText?.trim() && !(el as HTMLInputElement).labels?.length).length);
    expect(unnamed).toBe(0);
  });

  it('serves the pages with a Content-Security-Policy that none of them violated in the tests above', async () => {
    const policy = (await fetch(`${server.url}/`)).headers.get('content-security-policy');
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("worker-src 'self' blob:");
    expect(cspViolations).toEqual([]);
    // The policy is live in the browser: an inline script is refused (and reported as a violation).
    const page = await open('/embed/chat/readonly');
    await page.addScriptTag({ content: 'window.__inline = 1' }).catch(() => undefined);
    expect(await page.evaluate(() => (window as { __inline?: number }).__inline)).toBeUndefined();
    await expect.poll(() => cspViolations.length, { timeout: 5_000 }).toBeGreaterThan(0);
  });
});

/** A loopback TCP relay to the server that can cut every connection through it at once (a network drop). */
async function tcpProxy(targetPort: string): Promise<{ port: number; dropAll(): void; connections(): number; close(): void }> {
  const open = new Set<net.Socket>();
  let count = 0;
  const relay = net.createServer((client) => {
    count += 1;
    const upstream = net.connect(Number(targetPort), '127.0.0.1');
    for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
      open.add(a);
      a.pipe(b);
      a.on('error', () => b.destroy());
      a.on('close', () => (open.delete(a), b.destroy()));
    }
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const dropAll = () => open.forEach((socket) => socket.destroy());
  return { port: (relay.address() as net.AddressInfo).port, dropAll, connections: () => count, close: () => (dropAll(), relay.close()) };
}
