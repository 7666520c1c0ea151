import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryLogger } from '@hexcast/core/testing';
import { NodeMediaServerIngest, type IngestLimits } from '../src/index.ts';
import { killPublishers, publishTestPattern } from './support/ffmpeg-publisher.ts';
import { flvTagTypes, RecordingHandler, type RecordingHandlerOptions } from './support/recording-handler.ts';

// Real broadcasts from ffmpeg (-re, so each second of stream takes a second).

let ingest: NodeMediaServerIngest | undefined;

afterEach(async () => {
  killPublishers();
  await ingest?.stop();
  ingest = undefined;
});

async function startIngest(options: RecordingHandlerOptions, limits?: Partial<IngestLimits>) {
  const logger = new MemoryLogger();
  const handler = new RecordingHandler(options);
  ingest = new NodeMediaServerIngest({ port: 0, host: '127.0.0.1', logger, limits });
  await ingest.start(handler);
  const port = ingest.address()?.port;
  return { handler, logger, url: (key: string) => `rtmp://127.0.0.1:${port}/live/${key}` };
}

const started = (handler: RecordingHandler, count = 1) => vi.waitFor(() => expect(handler.of('started')).toHaveLength(count), { timeout: 8_000, interval: 50 });

describe('NodeMediaServerIngest with ffmpeg', { timeout: 20_000 }, () => {
  it('accepts a good key after a slow verdict, reports the details, streams FLV and ends promptly', async () => {
    const { handler, url } = await startIngest({ keys: ['good'], authorizeDelayMs: 500 });
    const ffmpeg = publishTestPattern(url('good'), 3);
    await started(handler);
    const [start] = handler.of('started');
    expect(start?.details).toMatchObject({ width: 640, height: 360, videoCodec: 'H.264', audioCodec: 'AAC', framerate: 30 });
    expect(start?.details.encoder).toMatch(/^Lavf/);
    expect(handler.of('authorize')[0]?.request).toMatchObject({ streamKey: 'good', sessionId: start?.sessionId, remoteAddr: expect.stringMatching(/^127\.0\.0\.1:\d+$/) });

    expect(await ffmpeg.exited).toBe(0);
    await vi.waitFor(() => expect(handler.of('ended')).toHaveLength(1), { timeout: 3_000, interval: 20 });
    const media = handler.media.get(start?.sessionId ?? '');
    await media?.done;
    const flv = media?.data() ?? Buffer.alloc(0);
    expect(flv.subarray(0, 3).toString()).toBe('FLV');
    expect(flv.length).toBeGreaterThan(50_000);
    // Metadata first, then both sequence headers (their order depends on what nms had cached).
    expect(flvTagTypes(flv)[0]).toBe(18);
    expect(flvTagTypes(flv).slice(1, 3).sort()).toEqual([8, 9]);
    const endedAfterExit = (handler.of('ended')[0]?.at ?? Infinity) - (ffmpeg.exitedAt() ?? 0);
    expect(endedAfterExit).toBeLessThan(3_000);
    console.log(`publishEnded ${Math.round(endedAfterExit)} ms after ffmpeg exited; ${flv.length} FLV bytes`);
    expect(handler.events.map((e) => e.type)).toEqual(['authorize', 'started', 'ended']);
  });

  it('refuses a wrong key (after a slow verdict): ffmpeg fails and no media reaches the handler', async () => {
    const { handler, url } = await startIngest({ keys: ['good'], authorizeDelayMs: 500 });
    const ffmpeg = publishTestPattern(url('wrong'), 5);
    expect(await ffmpeg.exited).not.toBe(0);
    expect(handler.events.map((e) => e.type)).toEqual(['authorize']);
    expect(handler.of('authorize')[0]?.accepted).toBe(false);
  });

  it('disconnect(sessionId) makes ffmpeg exit and ends the session once', async () => {
    const { handler, url } = await startIngest({ keys: ['good'] });
    const ffmpeg = publishTestPattern(url('good'), 30);
    await started(handler);
    const sessionId = handler.of('started')[0]?.sessionId ?? '';
    const before = performance.now();
    ingest?.disconnect(sessionId);
    ingest?.disconnect('no-such-session');
    expect(await ffmpeg.exited).not.toBe(0);
    expect(performance.now() - before).toBeLessThan(3_000);
    await vi.waitFor(() => expect(handler.of('ended')).toEqual([expect.objectContaining({ sessionId })]));
    await handler.media.get(sessionId)?.done;
  });

  it('drops a second publisher the handler refuses, and one on the same key, while the first keeps streaming', async () => {
    const { handler, url } = await startIngest({ keys: ['good', 'other'], onePublisher: true });
    const first = publishTestPattern(url('good'), 7);
    await started(handler);
    const firstId = handler.of('started')[0]?.sessionId ?? '';
    const refusedByHandler = publishTestPattern(url('other'), 5);
    const sameKey = publishTestPattern(url('good'), 5);
    expect(await refusedByHandler.exited).not.toBe(0);
    expect(await sameKey.exited).not.toBe(0);
    const bytesWhenDropped = handler.media.get(firstId)?.bytes() ?? 0;
    await vi.waitFor(() => expect(handler.media.get(firstId)?.bytes()).toBeGreaterThan(bytesWhenDropped + 20_000), { timeout: 3_000 });
    expect(await first.exited).toBe(0);
    // nms itself refuses a path that already has a publisher, so the handler only saw "other".
    expect(handler.of('authorize').map((e) => [e.request.streamKey, e.accepted])).toEqual([['good', true], ['other', false]]);
    await vi.waitFor(() => expect(handler.of('ended').map((e) => e.sessionId)).toEqual([firstId]));
    expect(handler.of('started')).toHaveLength(1);
  });

  it('drops the publisher with an error when the media consumer stops reading', async () => {
    const { handler, logger, url } = await startIngest({ keys: ['good'], ignoreMedia: true }, { queuedMediaBytes: 256 * 1024 });
    const ffmpeg = publishTestPattern(url('good'), 20);
    await started(handler);
    expect(await ffmpeg.exited).not.toBe(0);
    await vi.waitFor(() => expect(handler.of('ended')).toHaveLength(1));
    expect(logger.at('error').map((e) => e.message)).toEqual([expect.stringContaining('fell behind')]);
    const stream = handler.streams.get(handler.of('started')[0]?.sessionId ?? '');
    await expect(stream?.getReader().read()).rejects.toThrow(/fell behind/);
  });
});
