import { createRequire } from 'node:module';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { MemoryLogger } from '@hexcast/core/testing';
import { NodeMediaServerIngest } from '../src/index.ts';
import { killPublishers, publishTestPattern } from './support/ffmpeg-publisher.ts';
import { RecordingHandler } from './support/recording-handler.ts';
import { command, connect, createStream, handshake, message, metadata, publish, publishConversation, TYPE, videoKeyframe } from './support/rtmp-bytes.ts';
import { openRaw, within, type RawClient } from './support/tcp.ts';

// Hostile bytes on the RTMP port. Any uncaught exception would kill this worker and fail the
// file; a parser hang would time it out. Default limits throughout (10 s idle/handshake).

const SEED = 20_251_121;
const nmsBroadcasts = (createRequire(import.meta.url)('node-media-server/src/core/context.js') as { broadcasts: Map<string, unknown> }).broadcasts;

let ingest: NodeMediaServerIngest;
let handler: RecordingHandler;
let port: number;

beforeAll(async () => {
  handler = new RecordingHandler({ keys: ['good'] });
  ingest = new NodeMediaServerIngest({ port: 0, host: '127.0.0.1', logger: new MemoryLogger() });
  await ingest.start(handler);
  port = ingest.address()?.port ?? 0;
});

afterAll(async () => {
  killPublishers();
  await ingest.stop();
});

/** A well-formed publisher's first bytes: the base that mutations start from. */
const validPublish = Buffer.concat([publishConversation('good'), metadata({ width: 640, videocodecid: 7 }), videoKeyframe(0), videoKeyframe(33)]);

/**
 * A 300-byte message's first 128-byte chunk, then a type 1 header for the same chunk stream
 * declaring 10 bytes. Unchecked, nms rewinds 118 bytes and re-parses the chunk's tail, where an
 * audio message is planted that swallows the rest: no other limit trips, so only the
 * shrink check can drop this connection.
 */
function shrinkingMessage(): Buffer {
  const body = Buffer.alloc(300);
  Buffer.from([0x04, 0, 0, 0, 0, 0, 106, TYPE.audio, 0, 0, 0, 0]).copy(body, 18);
  const firstChunk = message({ chunkStreamId: 3, type: TYPE.invoke, payload: body }).subarray(0, 12 + 128);
  const type1Header = Buffer.from([0x43, 0, 0, 0, 0, 0, 10, TYPE.invoke]);
  return Buffer.concat([firstChunk, type1Header, Buffer.alloc(64)]);
}

const hostileBytes = fc.oneof(
  fc.uint8Array({ maxLength: 4096 }).map((bytes) => Buffer.from(bytes)),
  fc.nat({ max: validPublish.length }).map((end) => validPublish.subarray(0, end)),
  fc.array(fc.tuple(fc.nat({ max: validPublish.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
    const mutated = Buffer.from(validPublish);
    for (const [at, value] of flips) mutated[at] = value;
    return mutated;
  }),
  fc.tuple(fc.nat({ max: validPublish.length }), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, insert]) =>
    Buffer.concat([validPublish.subarray(0, at), insert, validPublish.subarray(at)]),
  ),
  fc.uint8Array({ minLength: 1, maxLength: 512 }).map((tail) => Buffer.concat([handshake(), Buffer.from(tail)])),
);

/** Sends `bytes` in a few pieces, then half-closes; resolves once the connection is gone. */
async function throwAt(bytes: Buffer, pieces: number): Promise<void> {
  const client = await openRaw(port);
  const size = Math.max(1, Math.ceil(bytes.length / pieces));
  for (let at = 0; at < bytes.length; at += size) client.socket.write(bytes.subarray(at, at + size));
  client.socket.end();
  if (!(await within(client.closed, 12_000))) throw new Error('connection neither finished nor dropped');
}

async function expectDroppedBy(client: RawClient, ms: number): Promise<void> {
  expect(await within(client.closed, ms)).toBe(true);
  expect(client.closedByServer()).toBe(true);
}

describe('RTMP port under hostile input', { timeout: 50_000 }, () => {
  it('survives crafted, mutated and silent connections, leaks no stream paths, then serves ffmpeg', async () => {
    const started = performance.now();
    // Silent and stalled peers, left open: the server must drop them on its own after ~10 s.
    const silent = await openRaw(port);
    const stalled = await openRaw(port);
    stalled.socket.write(handshake().subarray(0, 700));
    const dripping = await openRaw(port);
    const drip = setInterval(() => dripping.socket.write(Buffer.from([3])), 1_000);

    // The known nms crash: `connect` without tcUrl throws in the socket data handler.
    const noTcUrl = await openRaw(port);
    noTcUrl.socket.write(Buffer.concat([handshake(), connect({ tcUrl: null })]));
    await expectDroppedBy(noTcUrl, 1_000);

    // A 16 MB message declared before connect: capped, so dropped at the header instead of allocated.
    const huge = await openRaw(port);
    huge.socket.write(Buffer.concat([handshake(), message({ chunkStreamId: 3, type: TYPE.invoke, payload: Buffer.alloc(10), length: 0xffffff })]));
    await expectDroppedBy(huge, 1_000);

    // Many chunk streams, a zero chunk size, and a message shrunk mid-way (nms's read offset would go backwards).
    const manyStreams = await openRaw(port);
    manyStreams.socket.write(Buffer.concat([handshake(), ...Array.from({ length: 40 }, (_, i) => message({ chunkStreamId: 10 + i, type: TYPE.audio, payload: Buffer.alloc(4) }))]));
    const zeroChunk = await openRaw(port);
    zeroChunk.socket.write(Buffer.concat([handshake(), message({ chunkStreamId: 2, type: TYPE.setChunkSize, payload: Buffer.alloc(4) }), connect()]));
    const shrink = await openRaw(port);
    shrink.socket.write(Buffer.concat([handshake(), shrinkingMessage()]));
    // Two publishes on one connection would leave /live/good blocked by a dead publisher.
    const twice = await openRaw(port);
    twice.socket.write(Buffer.concat([handshake(), connect(), createStream(), publish('good'), command({ cmd: 'publish', transId: 4, cmdObj: null, streamName: 'other', type: 'live' }, 1)]));
    await Promise.all([manyStreams, zeroChunk, shrink, twice].map((client) => expectDroppedBy(client, 1_000)));

    // ~200 generated connections, 20 at a time.
    const cases = fc.sample(fc.tuple(hostileBytes, fc.integer({ min: 1, max: 5 })), { seed: SEED, numRuns: 200 });
    for (let i = 0; i < cases.length; i += 20) {
      await Promise.all(cases.slice(i, i + 20).map(([bytes, pieces]) => throwAt(bytes, pieces)));
    }
    const fuzzDone = performance.now();

    await Promise.all([silent, stalled, dripping].map((client) => expectDroppedBy(client, 12_000)));
    clearInterval(drip);
    const silentFor = await silent.closed;
    expect(silentFor).toBeGreaterThan(9_000);
    expect(silentFor).toBeLessThan(11_500);
    expect(await dripping.closed).toBeLessThan(11_500);

    // Every publish the handler started has ended exactly once, and nms holds no stream path.
    const ended = handler.of('ended').map((e) => e.sessionId);
    expect(new Set(ended).size).toBe(ended.length);
    for (const { sessionId } of handler.of('started')) expect(ended).toContain(sessionId);
    await vi.waitFor(() => expect(nmsBroadcasts.size).toBe(0));

    const before = handler.of('started').length;
    const ffmpeg = publishTestPattern(`rtmp://127.0.0.1:${port}/live/good`, 2);
    expect(await ffmpeg.exited).toBe(0);
    await vi.waitFor(() => expect(handler.of('started')).toHaveLength(before + 1));
    const last = handler.of('started').at(-1);
    expect(last?.details).toMatchObject({ width: 640, height: 360, videoCodec: 'H.264' });
    await vi.waitFor(() => expect(handler.of('ended').map((e) => e.sessionId)).toContain(last?.sessionId));
    console.log(`fuzz: ${cases.length} generated connections in ${Math.round(fuzzDone - started)} ms; ${before} of them got as far as publishStarted`);
  });
});

describe('connection flood', { timeout: 20_000 }, () => {
  it('costs kilobytes per open connection, not the 1 MiB nms allocates for an unused FLV parser', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    // Buffers are external memory, released by the pass after the one that finds them dead.
    const gc = () => (collect(), collect());
    gc();
    const before = process.memoryUsage().arrayBuffers;
    const clients = await Promise.all(Array.from({ length: 50 }, () => openRaw(port)));
    for (const client of clients) client.socket.write(handshake());
    await new Promise((resolve) => setTimeout(resolve, 300));
    gc();
    const grown = process.memoryUsage().arrayBuffers - before;
    for (const client of clients) client.socket.destroy();
    console.log(`50 open connections after their handshake: +${Math.round(grown / 1024)} KiB of buffers`);
    expect(grown).toBeLessThan(5 * 1024 * 1024);
  });
});
