import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM_KEY } from '../domain/settings.ts';
import { FakeIngestServer } from '../testing/fake-ingest-server.ts';
import { FakePasswordHasher } from '../testing/fake-password-hasher.ts';
import { FakeTranscoder } from '../testing/fake-transcoder.ts';
import { InMemoryVideoStorage } from '../testing/in-memory-video-storage.ts';
import { inMemoryRepositories } from '../testing/in-memory-repositories.ts';
import { MemoryLogger } from '../testing/memory-logger.ts';
import { PlainTextRenderer } from '../testing/plain-text-renderer.ts';
import { createAppController } from './app-controller.ts';

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

async function setup(rtmpPortOverride?: number) {
  const ingest = new FakeIngestServer();
  const logger = new MemoryLogger();
  const app = createAppController({
    repositories: inMemoryRepositories(),
    hasher: new FakePasswordHasher(),
    renderer: new PlainTextRenderer(),
    logger,
    ingest,
    transcoder: new FakeTranscoder(),
    storage: new InMemoryVideoStorage(),
    ...(rtmpPortOverride === undefined ? {} : { rtmpPortOverride }),
  });
  await app.start();
  return { app, ingest, logger };
}

describe('the RTMP endpoint follows the settings', () => {
  it('starts where the settings say and moves at once while nobody streams', async () => {
    const { app, ingest } = await setup();
    expect(ingest.endpoints).toEqual([{ port: 1935, host: '0.0.0.0' }]);
    await app.updateSettings('server', { rtmpServerPort: 1940, rtmpServerAddress: '127.0.0.1' });
    await settle();
    expect(ingest.endpoints.at(-1)).toEqual({ port: 1940, host: '127.0.0.1' });
    expect(app.rtmpEndpoint()).toEqual({ port: 1940, host: '127.0.0.1' });
    await app.updateSettings('server', { webServerPort: 9000 });
    await settle();
    expect(ingest.endpoints).toHaveLength(2);
  });

  it('waits for the live stream to end before moving', async () => {
    const { app, ingest } = await setup();
    await ingest.publish({ streamKey: DEFAULT_STREAM_KEY, sessionId: 'live' });
    await app.updateSettings('server', { rtmpServerPort: 1950 });
    await settle();
    expect(ingest.endpoints).toHaveLength(1);
    expect(ingest.sessionIds).toEqual(['live']);
    await ingest.leave('live');
    await settle();
    expect(ingest.endpoints.at(-1)).toEqual({ port: 1950, host: '0.0.0.0' });
  });

  it('stays on the old address when the new one cannot be bound', async () => {
    const { app, ingest, logger } = await setup();
    ingest.busyPorts.add(1960);
    await app.updateSettings('server', { rtmpServerPort: 1960 });
    await settle();
    expect(ingest.endpoints.at(-1)).toEqual({ port: 1935, host: '0.0.0.0' });
    expect(ingest.started).toBe(true);
    expect(logger.at('error').map((e) => e.message)).toContain('cannot listen on the new RTMP address; staying on the old one');
  });

  it('keeps a --rtmpport override for the whole run', async () => {
    const { app, ingest } = await setup(2001);
    expect(ingest.endpoints).toEqual([{ port: 2001, host: '0.0.0.0' }]);
    await app.updateSettings('server', { rtmpServerPort: 1970 });
    await settle();
    expect(ingest.endpoints).toHaveLength(1);
    await app.stop();
  });
});
