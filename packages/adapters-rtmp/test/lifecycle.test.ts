import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryLogger } from '@hexcast/core/testing';
import { NodeMediaServerIngest, type IngestLimits } from '../src/index.ts';
import { flvTagTypes, RecordingHandler, type RecordingHandlerOptions } from './support/recording-handler.ts';
import { connect, createStream, handshake, metadata, play, publish, publishConversation, videoKeyframe } from './support/rtmp-bytes.ts';
import { freePort, openRaw, within } from './support/tcp.ts';

const KEY = 'sekrit-key-123';
const ingests: NodeMediaServerIngest[] = [];
const blockers: Server[] = [];

afterEach(async () => {
  await Promise.all(ingests.splice(0).map((ingest) => ingest.stop()));
  await Promise.all(blockers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

function makeIngest(port: number, limits?: Partial<IngestLimits>) {
  const logger = new MemoryLogger();
  const ingest = new NodeMediaServerIngest({ port, host: '127.0.0.1', logger, limits });
  ingests.push(ingest);
  return { ingest, logger };
}

async function startIngest(options: RecordingHandlerOptions = { keys: [KEY] }, limits?: Partial<IngestLimits>) {
  const { ingest, logger } = makeIngest(0, limits);
  const handler = new RecordingHandler(options);
  await ingest.start(handler);
  return { ingest, logger, handler, port: ingest.address()?.port ?? 0 };
}

const FIRST = { width: 320, height: 240, videocodecid: 7, audiocodecid: 10, framerate: 25, encoder: 'raw-test' };

describe('NodeMediaServerIngest lifecycle', () => {
  it('start() on a busy port rejects instead of exiting the process, and releases the process-wide claim', async () => {
    const port = await freePort();
    const blocker = createServer();
    blockers.push(blocker);
    await new Promise<void>((resolve) => blocker.listen(port, '127.0.0.1', resolve));
    const { ingest } = makeIngest(port);
    await expect(ingest.start(new RecordingHandler({ keys: [] }))).rejects.toThrow(`RTMP ingest cannot listen on 127.0.0.1:${port}: the port is already in use`);
    await expect(startIngest()).resolves.toBeDefined();
  });

  it('allows one running instance per process (nms has one stream registry)', async () => {
    await startIngest();
    const { ingest } = makeIngest(0);
    await expect(ingest.start(new RecordingHandler({ keys: [] }))).rejects.toThrow(/another RTMP ingest is already running/);
  });

  it('start() twice rejects; stop() is harmless before start, twice and concurrently, and frees the port', async () => {
    const port = await freePort();
    const { ingest } = makeIngest(port);
    await ingest.stop();
    const starting = ingest.start(new RecordingHandler({ keys: [] }));
    await expect(ingest.start(new RecordingHandler({ keys: [] }))).rejects.toThrow(/already started/);
    await starting;
    await expect(ingest.start(new RecordingHandler({ keys: [] }))).rejects.toThrow(/already started/);
    await Promise.all([ingest.stop(), ingest.stop()]);
    await ingest.stop();
    const rebind = createServer();
    blockers.push(rebind);
    await new Promise<void>((resolve, reject) => rebind.once('error', reject).listen(port, '127.0.0.1', resolve));
  });

  it('stop() drops a live publisher and has delivered publishEnded when it resolves', async () => {
    const { ingest, handler, port } = await startIngest();
    const client = await openRaw(port);
    client.socket.write(Buffer.concat([publishConversation(KEY), metadata(FIRST), videoKeyframe(0)]));
    await vi.waitFor(() => expect(handler.of('started')).toHaveLength(1));
    await ingest.stop();
    expect(handler.events.map((e) => e.type)).toEqual(['authorize', 'started', 'ended']);
    expect(await within(client.closed, 1_000)).toBe(true);
  });

  it('passes the first metadata to publishStarted and later changes to metadataReceived; logs neither stdout nor the key', async () => {
    const consoleLog = vi.spyOn(console, 'log');
    const { handler, logger, port } = await startIngest();
    const client = await openRaw(port);
    client.socket.write(Buffer.concat([publishConversation(KEY), metadata(FIRST), videoKeyframe(0)]));
    await vi.waitFor(() => expect(handler.of('started')).toHaveLength(1));
    expect(handler.of('started')[0]?.details).toEqual({ videoCodec: 'H.264', audioCodec: 'AAC', encoder: 'raw-test', width: 320, height: 240, videoBitrate: 0, audioBitrate: 0, framerate: 25 });
    client.socket.write(Buffer.concat([metadata({ ...FIRST, width: 640 }), metadata({ ...FIRST, width: 640 }), videoKeyframe(40)]));
    await vi.waitFor(() => expect(handler.of('metadata').map((e) => e.details.width)).toEqual([640]));
    client.socket.end();
    await vi.waitFor(() => expect(handler.of('ended')).toHaveLength(1));
    expect(handler.of('metadata')).toHaveLength(1);
    expect(consoleLog).not.toHaveBeenCalled();
    expect(logger.entries.some((e) => e.bindings['source'] === 'node-media-server')).toBe(true);
    expect(JSON.stringify(logger.entries)).not.toContain(KEY);
  });

  it('starts without metadata after metadataWaitMs when the encoder sends none', async () => {
    const { handler, port } = await startIngest({ keys: [KEY] }, { metadataWaitMs: 300 });
    const client = await openRaw(port);
    client.socket.write(publishConversation(KEY));
    await vi.waitFor(() => expect(handler.of('started')).toHaveLength(1));
    const waited = (handler.of('started')[0]?.at ?? 0) - (handler.of('authorize')[0]?.at ?? 0);
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(handler.of('started')[0]?.details).toMatchObject({ width: 0, videoCodec: '' });
    client.socket.destroy();
  });

  it('holds what a publisher sends before the verdict: refused, nothing reaches the handler; accepted, nothing is lost', async () => {
    const { handler, port } = await startIngest({ keys: [KEY], authorizeDelayMs: 300 });
    const eager = (key: string) => Buffer.concat([publishConversation(key), metadata(FIRST), videoKeyframe(0), videoKeyframe(33)]);
    const refused = await openRaw(port);
    refused.socket.write(eager('wrong-key'));
    expect(await within(refused.closed, 2_000)).toBe(true);
    expect(refused.closedByServer()).toBe(true);
    expect(handler.events.map((e) => e.type)).toEqual(['authorize']);

    const accepted = await openRaw(port);
    accepted.socket.write(eager(KEY));
    await vi.waitFor(() => expect(handler.of('started')).toHaveLength(1));
    expect(handler.of('started')[0]?.details.width).toBe(320);
    accepted.socket.end();
    const media = handler.media.get(handler.of('started')[0]?.sessionId ?? '');
    await media?.done;
    const flv = media?.data() ?? Buffer.alloc(0);
    expect(flv.subarray(0, 3).toString()).toBe('FLV');
    expect(flvTagTypes(flv)).toEqual([18, 9, 9]);
  });

  it('refuses apps other than "live" and RTMP playback without asking the handler', async () => {
    const { handler, port } = await startIngest();
    const otherApp = await openRaw(port);
    otherApp.socket.write(Buffer.concat([handshake(), connect({ app: 'other' }), createStream(), publish(KEY)]));
    const player = await openRaw(port);
    player.socket.write(Buffer.concat([handshake(), connect(), createStream(), play(KEY)]));
    expect(await within(Promise.all([otherApp.closed, player.closed]), 2_000)).toBe(true);
    expect(otherApp.closedByServer() && player.closedByServer()).toBe(true);
    expect(handler.events).toEqual([]);
  });
});
