import { describe, expect, it, vi } from 'vitest';
import { FlvAudioProbe } from './ffmpeg/flv-audio-probe.ts';
import { FlvMediaFeed } from './flv-media-feed.ts';
import type { NmsAvPacket } from './nms/nms-internals.ts';

/** A packet as nms's parser hands it over: `data` is its reused payload buffer, longer than `size`. */
function packet(codecType: number, dts: number, payload: number[], slack = 16): NmsAvPacket {
  const data = Buffer.alloc(payload.length + slack, 0xee);
  data.set(payload);
  return { codec_type: codecType, flags: 1, dts, size: payload.length, data };
}

async function chunksOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

const newFeed = (maxQueuedBytes = 1 << 20, onOverflow = vi.fn()) => new FlvMediaFeed({ maxQueuedBytes, onOverflow });

describe('FlvMediaFeed', () => {
  it('writes the FLV header and one tag per message, byte for byte', async () => {
    const feed = newFeed();
    feed.push(packet(9, 0x01020304, [0x17, 0x00, 0xaa]));
    feed.push(packet(8, 5, [0xaf, 0x01]));
    feed.end();
    const flv = Buffer.concat(await chunksOf(feed.stream));
    expect([...flv]).toEqual([
      ...[0x46, 0x4c, 0x56, 0x01, 0x05, 0, 0, 0, 9, 0, 0, 0, 0],
      // video, 3 bytes, timestamp 0x020304 then its extension 0x01, stream id 0, payload, previous tag size 14
      ...[9, 0, 0, 3, 0x02, 0x03, 0x04, 0x01, 0, 0, 0, 0x17, 0x00, 0xaa, 0, 0, 0, 14],
      ...[8, 0, 0, 2, 0, 0, 5, 0, 0, 0, 0, 0xaf, 0x01, 0, 0, 0, 13],
    ]);
    // What the transcoder's audio probe reads from it.
    expect(new FlvAudioProbe().push(flv)).toBe(true);
  });

  it('hands everything between flushes over as one chunk, and nothing before a flush', async () => {
    const feed = newFeed();
    const reader = feed.stream.getReader();
    for (let i = 0; i < 5; i++) feed.push(packet(9, i * 33, [0x27, 0x01, i]));
    feed.flush();
    const first = await reader.read();
    expect(first.value?.byteLength).toBe(13 + 5 * 18);
    feed.push(packet(9, 200, [0x27, 0x01, 9]));
    const pending = reader.read();
    const raced = await Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve('nothing yet'), 20))]);
    expect(raced).toBe('nothing yet');
    feed.flush();
    expect((await pending).value?.byteLength).toBe(18);
  });

  it('copies the payload: chunks already handed over keep their bytes when the parser reuses its buffer', async () => {
    const feed = newFeed();
    const reused = packet(9, 0, [1, 2, 3]);
    feed.push(reused);
    feed.flush();
    reused.data.fill(0);
    feed.push(packet(9, 1, new Array<number>(300_000).fill(7)));
    feed.end();
    const [first, second] = await chunksOf(feed.stream);
    expect([...first!.subarray(13 + 11, 13 + 14)]).toEqual([1, 2, 3]);
    expect(second!.byteLength).toBe(300_000 + 15);
    expect(second!.subarray(11, 300_011).every((byte) => byte === 7)).toBe(true);
  });

  it('skips messages that are not FLV audio, video or script data', async () => {
    const feed = newFeed();
    feed.push(packet(15, 0, [1, 2, 3]));
    feed.push(packet(18, 0, [2]));
    feed.end();
    expect(Buffer.concat(await chunksOf(feed.stream)).byteLength).toBe(13 + 16);
  });

  it('fails and reports instead of queueing past its bound', async () => {
    const onOverflow = vi.fn();
    const feed = newFeed(100, onOverflow);
    for (let i = 0; i < 10; i++) {
      feed.push(packet(9, i, new Array<number>(25).fill(1)));
      feed.flush();
    }
    // 13 header bytes + 3 tags of 40 bytes: the third tag goes past 100.
    expect(onOverflow).toHaveBeenCalledExactlyOnceWith(133);
    await expect(chunksOf(feed.stream)).rejects.toThrow(/fell behind/);
  });

  it('ignores further messages once the consumer cancelled', async () => {
    const feed = newFeed();
    await feed.stream.cancel();
    expect(() => {
      feed.push(packet(9, 0, [1]));
      feed.flush();
      feed.end();
    }).not.toThrow();
  });
});
