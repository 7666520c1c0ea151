import { describe, expect, it } from 'vitest';
import { DEFAULT_ADMIN_PASSWORD, DEFAULT_STREAM_KEY } from '../domain/settings.ts';
import { HEXCAST_VERSION } from '../domain/version.ts';
import { settle } from '../testing/chat-harness.ts';
import { FakeChatSink } from '../testing/fake-chat-sink.ts';
import { FakeClock } from '../testing/fake-clock.ts';
import { InMemoryEmojiStore } from '../testing/in-memory-emoji-store.ts';
import { FakeIngestServer } from '../testing/fake-ingest-server.ts';
import { FakePasswordHasher } from '../testing/fake-password-hasher.ts';
import { FakeTranscoder } from '../testing/fake-transcoder.ts';
import { InMemoryVideoStorage } from '../testing/in-memory-video-storage.ts';
import { inMemoryRepositories } from '../testing/in-memory-repositories.ts';
import { MemoryLogger } from '../testing/memory-logger.ts';
import { PlainTextRenderer } from '../testing/plain-text-renderer.ts';
import { createAppController, type AppControllerDeps } from './app-controller.ts';

function setup(extra: Partial<AppControllerDeps> = {}) {
  const clock = new FakeClock();
  const logger = new MemoryLogger();
  const ingest = new FakeIngestServer();
  const transcoder = new FakeTranscoder();
  const repositories = inMemoryRepositories();
  const app = createAppController({ repositories, hasher: new FakePasswordHasher(), renderer: new PlainTextRenderer(), logger, clock, ingest, transcoder, storage: new InMemoryVideoStorage(), ...extra });
  return { app, clock, logger, ingest, transcoder, repositories };
}

describe('createAppController', () => {
  it('populates the settings on start and starts the ingest', async () => {
    const { app, repositories, ingest } = setup();
    await app.start();
    expect(await repositories.settings.isPopulated()).toBe(true);
    expect(await app.verifyAdminPassword(DEFAULT_ADMIN_PASSWORD)).toBe(true);
    expect(ingest.started).toBe(true);
  });

  it("reports an offline status with Owncast's fields", async () => {
    const { app, clock } = setup();
    await app.start();
    expect(app.getStatus()).toEqual({
      online: false,
      viewerCount: 0,
      serverTime: clock.now(),
      lastConnectTime: null,
      lastDisconnectTime: null,
      versionNumber: HEXCAST_VERSION,
      streamTitle: '',
    });
  });

  it('builds the web config from the settings, rendering markdown', async () => {
    const { app } = setup();
    await app.start();
    await app.settings.update('serverInfo', { name: 'Night <owls>', offlineMessage: 'Back *soon*', serverUrl: 'https://live.example' });
    await app.settings.update('federation', { enabled: true });
    const config = await app.getWebConfig();
    expect(config).toMatchObject({
      name: 'Night <owls>',
      logo: '/logo',
      version: HEXCAST_VERSION,
      offlineMessage: '<p>Back *soon*</p>',
      tags: ['owncast', 'streaming'],
      socialHandles: [{ platform: 'github', url: 'https://github.com/owncast/owncast', icon: '/img/platformlogos/github.svg' }],
      federation: { enabled: true, account: 'streamer@live.example', followerCount: 0, hideFollowersTab: false },
      notifications: { browser: { enabled: false, publicKey: '' } },
      maxSocketPayloadSize: 2048,
      chatDisabled: false,
      authentication: { indieAuthEnabled: true },
    });
    expect(config.extraPageContent).toMatch(/^<p>/);
  });

  it('warns about the default password and stream key until both are changed', async () => {
    const { app, logger } = setup();
    await app.start();
    expect(app.securityWarnings()).toHaveLength(2);
    expect(logger.at('warn').filter((entry) => entry.message.startsWith('SECURITY WARNING'))).toHaveLength(2);
    expect((await app.settings.setAdminPassword('a much better password')).ok).toBe(true);
    expect(app.securityWarnings()).toHaveLength(1);
    expect((await app.settings.update('security', { streamKeys: [{ key: 'a-long-secret-key', comment: '' }] })).ok).toBe(true);
    expect(app.securityWarnings()).toEqual([]);
  });

  it('does not warn about stored stream keys while a --streamkey override is in force', async () => {
    const { app } = setup({ streamKeyOverride: 'override-key', adminPasswordOverride: 'operator chose this' });
    await app.start();
    expect(app.securityWarnings()).toEqual([]);
    expect(await app.verifyAdminPassword('operator chose this')).toBe(true);
  });

  it('stop() resolves only once a slow transcoder has stopped and the stream is over', async () => {
    const { app, ingest, transcoder } = setup();
    await app.start();
    await ingest.publish({ streamKey: DEFAULT_STREAM_KEY });
    const job = transcoder.lastJob;
    const stopJob = job.stop.bind(job);
    // ffmpeg takes a while to exit: stop() must not resolve before it has.
    job.stop = async () => (await new Promise((resolve) => setTimeout(resolve, 20)), stopJob());
    job.playlistReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const seen: string[] = [];
    app.events.onAny((event) => void seen.push(event.type));
    await app.stop();
    expect(job.ended).toBe(true);
    expect(seen).toEqual(['broadcaster-disconnected', 'stream-stopped']);
  });

  it('stop() ends a live stream and its transcoder; calling it twice is harmless', async () => {
    const { app, ingest, transcoder, clock } = setup();
    await app.start();
    expect((await ingest.publish({ streamKey: DEFAULT_STREAM_KEY })).ok).toBe(true);
    transcoder.lastJob.playlistReady();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.getStatus().online).toBe(true);
    await app.stop();
    await app.stop();
    expect(app.getStatus().online).toBe(false);
    expect(transcoder.lastJob.ended).toBe(true);
    expect(ingest.started).toBe(false);
    expect(clock.pendingTimers).toBe(0);
  });

  it('accepts only a video codec the transcoder can use, and reports the usable ones', async () => {
    const { app } = setup({ transcoder: new FakeTranscoder({ codecs: ['libx264', 'h264_vaapi'] }) });
    await app.start();
    expect(await app.supportedCodecs()).toEqual(['libx264', 'h264_vaapi']);
    const refused = await app.updateSettings('video', { codec: 'h264_nvenc' });
    expect(refused).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.stringMatching(/h264_nvenc is not available.*libx264, h264_vaapi/) } });
    expect(app.settings.get('video').codec).toBe('libx264');
    expect((await app.updateSettings('video', { codec: 'h264_vaapi' })).ok).toBe(true);
  });

  it('clears video left over from an earlier process at start, keeping the thumbnail', async () => {
    const storage = new InMemoryVideoStorage();
    await storage.put('0/stream.m3u8', new Uint8Array([1]), 'application/x-mpegURL');
    await storage.put('thumbnail.jpg', new Uint8Array([0xff, 0xd8]), 'image/jpeg');
    const { app } = setup({ storage });
    await app.start();
    expect(await storage.list('')).toEqual(['thumbnail.jpg']);
    expect(await app.getVideoFile('thumbnail.jpg')).toBeDefined();
  });

  it('serves the live window while streaming and the offline clip after, reporting the broadcaster to the admin', async () => {
    const { app, ingest, transcoder } = setup();
    await app.start();
    await ingest.publish({ streamKey: DEFAULT_STREAM_KEY, sessionId: 's1', remoteAddr: '203.0.113.9:5000', details: { width: 1280, height: 720 } });
    await transcoder.lastJob.playlistReady();
    await new Promise((r) => setTimeout(r, 0));
    expect(app.getStatus().online).toBe(true);
    expect(app.getAdminStatus()).toMatchObject({ online: true, broadcaster: { remoteAddr: '203.0.113.9:5000', streamDetails: { width: 1280, height: 720 } }, currentBroadcast: { latencyLevel: { level: 2 } } });
    expect(new TextDecoder().decode((await app.getVideoFile('0/stream.m3u8'))?.body)).toMatch(/stream-1\.ts/);
    expect(app.disconnectBroadcaster()).toBe(true);
    await app.stop();
    expect(app.getStatus().online).toBe(false);
    expect(new TextDecoder().decode((await app.getVideoFile('0/stream.m3u8'))?.body)).toMatch(/offline\.ts\n#EXT-X-ENDLIST/);
    expect(app.disconnectBroadcaster()).toBe(false);
  });
});

describe('createAppController chat', () => {
  it('serves chat through the controller, following the stream and closing sockets on stop', async () => {
    const { app, ingest, transcoder } = setup();
    await app.start();
    const registered = await app.registerChatUser({ displayName: 'alice' });
    if (!registered.ok) throw new Error(registered.error.message);
    const sink = new FakeChatSink();
    const connected = await app.connectChat({ accessToken: registered.value.accessToken, ipAddress: '203.0.113.1', userAgent: 'test', sink });
    expect(connected.ok).toBe(true);
    expect(app.listChatClients()).toHaveLength(1);
    await ingest.publish({ streamKey: DEFAULT_STREAM_KEY });
    transcoder.lastJob.playlistReady();
    await settle();
    expect(sink.ofType('CHAT_ACTION').map((e) => e.body)).toContain('<p>Stay tuned, the stream is starting!</p>');
    await app.stop();
    expect(sink.ofType('CHAT_ACTION').map((e) => e.body)).toContain('<p>The stream is ending.</p>');
    expect(sink.closedWith?.code).toBe(1001);
  });

  it('uses the given chat renderer and emoji store', async () => {
    const { app } = setup({ chatRenderer: { render: (markdown) => `<p>rendered ${markdown.length}</p>` }, emoji: new InMemoryEmojiStore() });
    await app.start();
    expect(await app.listEmoji()).toEqual([]);
    await app.sendChatAction({ body: 'hello' });
    expect((await app.getChatHistory('viewer')).map((m) => m.body)).toEqual(['<p>rendered 5</p>']);
  });
});
