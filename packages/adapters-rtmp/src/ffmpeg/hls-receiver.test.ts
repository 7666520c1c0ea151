import { request } from 'node:http';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HlsOutput } from '@hexcast/core';
import { MemoryLogger } from '@hexcast/core/testing';
import { HlsReceiver } from './hls-receiver.ts';

const receivers: HlsReceiver[] = [];
afterEach(async () => {
  for (const receiver of receivers.splice(0)) await receiver.close();
});

async function startReceiver(write: HlsOutput['write'] = async () => undefined) {
  const writes: string[] = [];
  const logger = new MemoryLogger();
  const playable = vi.fn();
  const segments: Array<[number, number]> = [];
  const output: HlsOutput = {
    write: async (path, body) => {
      await write(path, body);
      writes.push(path);
    },
  };
  const receiver = new HlsReceiver({ output, logger, variantCount: 2, segmentPrefix: 'stream-job1', onPlayable: playable, onSegment: (variant, body) => segments.push([variant, body.length]) });
  receivers.push(receiver);
  const port = await receiver.listen();
  const put = (path: string, body: string | Uint8Array<ArrayBuffer> = 'x', method = 'PUT') => fetch(`http://127.0.0.1:${port}${path}`, { method, body: method === 'PUT' ? body : undefined }).then((res) => res.status);
  return { receiver, port, put, writes, logger, playable, segments };
}

const playlist = (...segments: string[]) => ['#EXTM3U', '#EXT-X-TARGETDURATION:1', ...segments.flatMap((name) => ['#EXTINF:1.0,', name]), ''].join('\n');

describe('HlsReceiver', () => {
  it('stores the files ffmpeg PUTs and answers 200 once stored', async () => {
    const { put, writes, segments } = await startReceiver();
    expect(await put('/0/stream-job11795228296-1.ts', new Uint8Array(376))).toBe(200);
    expect(await put('/0/stream.m3u8', playlist('stream-job11795228296-1.ts'))).toBe(200);
    expect(await put('/stream.m3u8', '#EXTM3U\n')).toBe(200);
    expect(writes).toEqual(['0/stream-job11795228296-1.ts', '0/stream.m3u8', 'stream.m3u8']);
    expect(segments).toEqual([[0, 376]]);
  });

  it('refuses other paths, other jobs’ segments and variants it does not have; ignores DELETE', async () => {
    const { put, writes } = await startReceiver();
    for (const path of ['/x.m3u8', '/2/stream.m3u8', '/00/stream.m3u8', '/0/stream-other1795228296-1.ts', '/0/stream.m3u8?x=1', '/thumbnail.jpg']) {
      expect(await put(path), path).toBe(404);
    }
    expect(await put('/0/stream-job11795228296-1.ts', '', 'DELETE')).toBe(204);
    expect(await put('/stream.m3u8', '', 'GET')).toBe(405);
    expect(writes).toEqual([]);
  });

  it('answers 413 to a file over the limit without reading it', async () => {
    const { port, writes } = await startReceiver();
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, method: 'PUT', path: '/0/stream-job11795228296-1.ts', headers: { 'content-length': String(100 * 1024 * 1024) } }, (res) => resolve(res.statusCode ?? 0));
      req.on('error', reject);
      req.write(new Uint8Array(1024));
    });
    expect(status).toBe(413);
    expect(writes).toEqual([]);
  });

  it('answers 500 and logs when the output refuses a file', async () => {
    const { put, logger } = await startReceiver(async () => {
      throw new Error('disk full');
    });
    expect(await put('/0/stream-job11795228296-1.ts')).toBe(500);
    expect(logger.entries).toEqual([expect.objectContaining({ level: 'warn', message: 'could not store an HLS file from ffmpeg' })]);
  });

  it('writes a variant playlist only after the segments it names, even when their PUTs overlap', async () => {
    let release!: () => void;
    const slow = new Promise<void>((resolve) => (release = resolve));
    const { put, writes } = await startReceiver((path) => (path.endsWith('.ts') ? slow : Promise.resolve()));
    const segment = put('/1/stream-job11795228296-1.ts');
    await vi.waitFor(() => expect(writes).toEqual([]));
    const list = put('/1/stream.m3u8', playlist('stream-job11795228296-1.ts'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(writes).toEqual([]);
    release();
    expect([await segment, await list]).toEqual([200, 200]);
    expect(writes).toEqual(['1/stream-job11795228296-1.ts', '1/stream.m3u8']);
  });

  it('is playable once the master and a variant playlist naming a segment are stored', async () => {
    const { put, playable } = await startReceiver();
    await put('/0/stream.m3u8', playlist());
    await put('/stream.m3u8', '#EXTM3U\n');
    expect(playable).not.toHaveBeenCalled();
    await put('/0/stream-job11795228296-1.ts');
    await put('/0/stream.m3u8', playlist('stream-job11795228296-1.ts'));
    await put('/0/stream-job11795228297-2.ts');
    await put('/0/stream.m3u8', playlist('stream-job11795228296-1.ts', 'stream-job11795228297-2.ts'));
    expect(playable).toHaveBeenCalledTimes(1);
  });

  it('closes: nothing listens on its port afterwards', async () => {
    const { receiver, put } = await startReceiver();
    await receiver.close();
    expect(receiver.listening).toBe(false);
    await expect(put('/stream.m3u8')).rejects.toThrow();
  });
});
