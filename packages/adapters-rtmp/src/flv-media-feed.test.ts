import { describe, expect, it, vi } from 'vitest';
import { FlvMediaFeed } from './flv-media-feed.ts';
import type { NmsBroadcast, NmsSubscriber } from './nms/nms-internals.ts';

/** A stand-in for nms's BroadcastServer: replays a cache on postPlay and fans out `send`. */
function fakeBroadcast(cache: Buffer[] = []) {
  const subscribers = new Set<NmsSubscriber>();
  const broadcast: NmsBroadcast = {
    publisher: null,
    publishGraceMs: 0,
    postPlay: (subscriber) => {
      for (const buffer of cache) subscriber.sendBuffer(buffer);
      subscribers.add(subscriber);
      return null;
    },
    donePlay: (subscriber) => void subscribers.delete(subscriber),
  };
  return { broadcast, subscribers, send: (buffer: Buffer) => subscribers.forEach((s) => s.sendBuffer(buffer)) };
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe('FlvMediaFeed', () => {
  it('replays the cache, then passes live tags, then ends', async () => {
    const { broadcast, send } = fakeBroadcast([Buffer.from('FLV'), Buffer.from('-meta')]);
    const feed = new FlvMediaFeed({ id: 'a', maxQueuedBytes: 1024, onOverflow: vi.fn() });
    feed.attach(broadcast);
    send(Buffer.from('-tag'));
    feed.end();
    send(Buffer.from('-late'));
    expect((await readAll(feed.stream)).toString()).toBe('FLV-meta-tag');
  });

  it('fails and reports instead of queueing past its bound', async () => {
    const { broadcast, send, subscribers } = fakeBroadcast();
    const onOverflow = vi.fn();
    const feed = new FlvMediaFeed({ id: 'a', maxQueuedBytes: 100, onOverflow });
    feed.attach(broadcast);
    for (let i = 0; i < 10; i++) send(Buffer.alloc(40));
    expect(onOverflow).toHaveBeenCalledExactlyOnceWith(120);
    expect(subscribers.size).toBe(0);
    await expect(readAll(feed.stream)).rejects.toThrow(/fell behind/);
  });

  it('detaches from the broadcast when the consumer cancels', async () => {
    const { broadcast, subscribers } = fakeBroadcast();
    const feed = new FlvMediaFeed({ id: 'a', maxQueuedBytes: 100, onOverflow: vi.fn() });
    feed.attach(broadcast);
    expect(subscribers.size).toBe(1);
    await feed.stream.cancel();
    expect(subscribers.size).toBe(0);
  });
});
