import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FileSystemVideoStorage } from '../src/index.ts';
import { createTempRoots } from './temp-roots.ts';

const roots = createTempRoots();
afterAll(() => roots.cleanup());

const MB = 1024 * 1024;
const bodies = [new Uint8Array(MB).fill(0xaa), new Uint8Array(MB).fill(0x55)];

/** Whether `body` is one of `bodies`, whole: a torn or truncated read fails this. */
function isWhole(body: Uint8Array | undefined): boolean {
  if (body === undefined) return false;
  const view = Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  return bodies.some((whole) => view.equals(whole));
}

describe('FileSystemVideoStorage atomic replace', () => {
  it('lets concurrent readers see only a whole old or new body across 200 overwrites of 1 MB', async () => {
    const root = roots.next();
    const writer = new FileSystemVideoStorage({ root });
    // A second instance without a cache, as after a restart: its gets read the file every time.
    const reader = new FileSystemVideoStorage({ root, cacheBytes: 0 });
    const key = '0/stream.ts';
    await writer.put(key, bodies[0]!, 'video/mp2t');

    let done = false;
    const stats = { storageReads: 0, rawReads: 0, lists: 0 };
    const readLoop = async () => {
      while (!done) {
        const [viaStorage, raw, listed] = await Promise.all([reader.get(key), readFile(join(root, '0', 'stream.ts')), reader.list('')]);
        expect(isWhole(viaStorage?.body)).toBe(true);
        expect(isWhole(new Uint8Array(raw))).toBe(true);
        expect(listed).toEqual([key]); // never a temporary file
        stats.storageReads++;
        stats.rawReads++;
        stats.lists++;
      }
    };
    const readers = [readLoop(), readLoop()];
    for (let i = 1; i <= 200; i++) await writer.put(key, bodies[i % 2]!, 'video/mp2t');
    done = true;
    await Promise.all(readers);

    expect(stats.storageReads).toBeGreaterThan(10); // the readers really raced the writes
    expect(Array.from((await reader.get(key))!.body.subarray(0, 1))).toEqual([0xaa]); // 200 is even
  });
});
