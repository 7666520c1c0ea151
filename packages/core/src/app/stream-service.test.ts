import { describe, expect, it } from 'vitest';
import { DEFAULT_STREAM_KEY } from '../domain/settings.ts';
import { FakeClock } from '../testing/fake-clock.ts';
import { FakeIngestServer } from '../testing/fake-ingest-server.ts';
import { FakePasswordHasher } from '../testing/fake-password-hasher.ts';
import type { Transcoder } from '../ports/transcoder.ts';
import { FakeTranscoder } from '../testing/fake-transcoder.ts';
import { InMemorySettingsRepository } from '../testing/in-memory-settings-repository.ts';
import { InMemoryStatsRepository } from '../testing/in-memory-stats-repository.ts';
import { InMemoryVideoStorage } from '../testing/in-memory-video-storage.ts';
import { MemoryLogger } from '../testing/memory-logger.ts';
import { EventBus } from './event-bus.ts';
import type { AppEvent } from './events.ts';
import { SettingsService } from './settings-service.ts';
import { StatsService } from './stats-service.ts';
import { StreamService } from './stream-service.ts';
import { VideoOutputService } from './video-output-service.ts';

/** Lets promise callbacks (first playlist, transcoder exit) run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

async function setup(options: { transcoder?: Transcoder | false; streamKeyOverride?: string; ffmpegPathOverride?: string } = {}) {
  const clock = new FakeClock();
  const logger = new MemoryLogger();
  const events = new EventBus(logger);
  const published: AppEvent[] = [];
  events.onAny((event) => void published.push(event));
  const settings = new SettingsService({ repository: new InMemorySettingsRepository(), hasher: new FakePasswordHasher(), events, logger });
  await settings.load();
  const statsRepository = new InMemoryStatsRepository();
  const stats = new StatsService({ repository: statsRepository, events, clock, logger });
  const transcoder = new FakeTranscoder();
  const storage = new InMemoryVideoStorage();
  const video = new VideoOutputService({ storage, clock, logger });
  const chosen = options.transcoder ?? transcoder;
  const stream = new StreamService({
    settings,
    stats,
    events,
    clock,
    logger,
    ...(chosen === false ? {} : { transcoder: chosen, video }),
    ...(options.streamKeyOverride === undefined ? {} : { streamKeyOverride: options.streamKeyOverride }),
    ...(options.ffmpegPathOverride === undefined ? {} : { ffmpegPathOverride: options.ffmpegPathOverride }),
  });
  const ingest = new FakeIngestServer();
  stream.attachIngest(ingest);
  await ingest.start(stream);
  const ofType = (type: AppEvent['type']) => published.filter((event) => event.type === type);
  return { clock, logger, settings, stats, statsRepository, transcoder, storage, stream, ingest, ofType };
}

describe('StreamService', () => {
  it('refuses a wrong stream key without starting a transcoder', async () => {
    const { ingest, transcoder, stream } = await setup();
    expect(await ingest.publish({ streamKey: 'wrong' })).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(transcoder.jobs).toEqual([]);
    expect(stream.broadcaster).toBeNull();
  });

  it('accepts only the override key when one is given', async () => {
    const { ingest } = await setup({ streamKeyOverride: 'override-key' });
    expect(await ingest.publish({ streamKey: DEFAULT_STREAM_KEY })).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(await ingest.publish({ streamKey: 'override-key' })).toEqual({ ok: true, value: undefined });
  });

  it('hands the transcoder the video settings, with the ffmpeg path override winning', async () => {
    const stored = await setup();
    await stored.settings.update('video', { ffmpegPath: '/opt/ffmpeg', latencyLevel: 0 });
    await stored.ingest.publish({ streamKey: DEFAULT_STREAM_KEY });
    expect(stored.transcoder.lastJob.request).toMatchObject({ ffmpegPath: '/opt/ffmpeg', latency: { level: 0, secondsPerSegment: 1, segmentCount: 30 }, codec: 'libx264' });
    const overridden = await setup({ ffmpegPathOverride: '/usr/local/bin/ffmpeg' });
    await overridden.settings.update('video', { ffmpegPath: '/opt/ffmpeg' });
    await overridden.ingest.publish({ streamKey: DEFAULT_STREAM_KEY });
    expect(overridden.transcoder.lastJob.request.ffmpegPath).toBe('/usr/local/bin/ffmpeg');
  });

  it('refuses a second publisher while one is connected', async () => {
    const { ingest, transcoder } = await setup();
    expect((await ingest.publish({ streamKey: DEFAULT_STREAM_KEY, sessionId: 'first' })).ok).toBe(true);
    expect(await ingest.publish({ streamKey: DEFAULT_STREAM_KEY, sessionId: 'second' })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    transcoder.lastJob.playlistReady();
    await settle();
    expect(await ingest.publish({ streamKey: DEFAULT_STREAM_KEY, sessionId: 'third' })).toMatchObject({ ok: false, error: { kind: 'conflict' } });
    expect(transcoder.jobs).toHaveLength(1);
  });

  it('goes online only once the first playlist exists, announcing it once', async () => {
    const { ingest, transcoder, stream, stats, clock, ofType } = await setup();
    await ingest.publish({ streamKey: DEFAULT_STREAM_KEY });
    expect(stream.broadcaster).not.toBeNull();
    clock.advance(4_000);
    await settle();
    expect(stream.online).toBe(false);
    expect(ofType('stream-started')).toEqual([]);
    transcoder.lastJob.playlistReady();
    transcoder.lastJob.playlistReady();
    await settle();
    expect(stream.online).toBe(true);
    expect(ofType('stream-started')).toHaveLength(1);
    expect(stats.streamStats.lastConnectTime).toEqual(clock.now());
    // The transcoder's writes went through the segment timer.
    expect(stream.segments.figures).toMatchObject({ stored: 2, failed: 0 });
  });

  it('ends the stream when the publisher leaves: stream-stopped and the disconnect time recorded', async () => {
    const { ingest, transcoder, stream, statsRepository, clock, ofType } = await setup();
    await ingest.publish({ streamKey: DEFAULT_STREAM_KEY, sessionId: 's1' });
    transcoder.lastJob.playlistReady();
    await settle();
    clock.advance(60_000);
    await ingest.leave('s1');
    expect(stream.online).toBe(false);
    expect(stream.broadcaster).toBeNull();
    expect(transcoder.lastJob.ended).toBe(true);
    expect(ofType('stream-stopped')).toEqual([{ type: 'stream-stopped', at: clock.now() }]);
    expect((await statsRepository.getStreamStats()).lastDisconnectTime).toEqual(clock.now());
    expect((await ingest.publish({ streamKey: DEFAULT_STREAM_KEY })).ok).toBe(true);
  });

  it('ends the session and drops the publisher when the transcoder fails', async () => {
    const { ingest, transcoder, stream, logger, ofType } = await setup();
    await ingest.publish({ streamKey: DEFAULT_STREAM_KEY, sessionId: 's1' });
    transcoder.lastJob.playlistReady();
    await settle();
    transcoder.lastJob.exit({ kind: 'failed', message: 'encoder crashed', lastErrorLines: ['Conversion failed!'] });
    await settle();
    expect(ingest.disconnected).toEqual(['s1']);
    expect(stream.online).toBe(false);
    expect(stream.broadcaster).toBeNull();
    expect(ofType('stream-stopped')).toHaveLength(1);
    expect(logger.at('error').some((entry) => entry.message.includes('encoder crashed'))).toBe(true);
  });

  it('drops the publisher when the transcoder cannot start, and accepts the next one', async () => {
    const { ingest, transcoder, stream, ofType } = await setup();
    transcoder.failNextStart = new Error('ffmpeg not found');
    await ingest.publish({ streamKey: DEFAULT_STREAM_KEY, sessionId: 's1' });
    await settle();
    expect(ingest.disconnected).toEqual(['s1']);
    expect(stream.broadcaster).toBeNull();
    expect(ofType('stream-started')).toEqual([]);
    expect((await ingest.publish({ streamKey: DEFAULT_STREAM_KEY, sessionId: 's2' })).ok).toBe(true);
  });

  it('stops a transcoder that finishes starting after the publisher has left', async () => {
    const fake = new FakeTranscoder();
    let release!: () => void;
    const started = new Promise<void>((resolve) => (release = resolve));
    const slow: Transcoder = { start: async (request) => (await started, fake.start(request)), supportedCodecs: () => fake.supportedCodecs(), offlineClip: () => fake.offlineClip() };
    const { ingest, stream } = await setup({ transcoder: slow });
    const publishing = ingest.publish({ streamKey: DEFAULT_STREAM_KEY, sessionId: 's1' });
    await settle();
    await ingest.leave('s1');
    release();
    await publishing;
    await settle();
    expect(fake.lastJob.ended).toBe(true);
    expect(stream.broadcaster).toBeNull();
    expect((await ingest.publish({ streamKey: DEFAULT_STREAM_KEY, sessionId: 's2' })).ok).toBe(true);
  });

  it('refuses publishers as unavailable when no transcoder is configured', async () => {
    const { ingest } = await setup({ transcoder: false });
    expect(await ingest.publish({ streamKey: DEFAULT_STREAM_KEY })).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
  });
});
