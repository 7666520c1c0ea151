import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeVideoStorageContract } from '@hexcast/core/testing';
import { afterAll, describe, expect, it } from 'vitest';
import { createTempRoots } from '../test/temp-roots.ts';
import { FileSystemVideoStorage } from './file-system-video-storage.ts';
import { STALE_TEMP_FILE_MS } from './list-keys.ts';

const roots = createTempRoots();
afterAll(() => roots.cleanup());

const bytes = (...values: number[]) => new Uint8Array(values);
const read = async (storage: FileSystemVideoStorage, key: string) => Array.from((await storage.get(key))?.body ?? []);

// Content types are exact while an instance lives but come from the extension after a restart,
// so the suite only asks for some type back (the restart test below pins down which).
describe('FileSystemVideoStorage (cached)', () => {
  describeVideoStorageContract(() => new FileSystemVideoStorage({ root: roots.next() }), { storesContentType: false });
});
describe('FileSystemVideoStorage (no cache: every get reads the disk)', () => {
  describeVideoStorageContract(() => new FileSystemVideoStorage({ root: roots.next(), cacheBytes: 0 }), { storesContentType: false });
});

describe('FileSystemVideoStorage', () => {
  it('creates its root on demand and writes one file per key', async () => {
    const root = roots.next();
    const storage = new FileSystemVideoStorage({ root });
    expect(existsSync(root)).toBe(false);
    await storage.put('0/stream-1.ts', bytes(1, 2), 'video/mp2t');
    expect(Array.from(readFileSync(join(root, '0', 'stream-1.ts')))).toEqual([1, 2]);
  });

  it('refuses unsafe keys and the names it reserves for temporary files', async () => {
    const storage = new FileSystemVideoStorage({ root: roots.next() });
    for (const key of ['', '/etc/passwd', '../x.ts', '0/../../x.ts', '0//x.ts', './x.ts', '0\\x.ts', '0/.hexcast-0123456789abcdef.tmp']) {
      await expect(storage.put(key, bytes(1), 'video/mp2t'), key).rejects.toThrow(/refusing to store .*not a safe storage key/);
      expect(await storage.get(key)).toBeUndefined();
      await storage.delete([key]);
    }
    expect(await storage.list('')).toEqual([]);
  });

  it('builds public URLs under publicPath', () => {
    expect(new FileSystemVideoStorage({ root: roots.next() }).publicUrl('0/stream.m3u8')).toBe('/hls/0/stream.m3u8');
    expect(new FileSystemVideoStorage({ root: roots.next(), publicPath: '/video/' }).publicUrl('0/a.ts')).toBe('/video/0/a.ts');
  });

  it('rejects a negative or fractional cache size', () => {
    expect(() => new FileSystemVideoStorage({ root: roots.next(), cacheBytes: -1 })).toThrow(RangeError);
    expect(() => new FileSystemVideoStorage({ root: roots.next(), cacheBytes: 1.5 })).toThrow(RangeError);
  });

  it('copies a Buffer body instead of keeping a view of the caller’s memory', async () => {
    const storage = new FileSystemVideoStorage({ root: roots.next() });
    const body = Buffer.from([1, 2, 3]);
    await storage.put('a.ts', body, 'video/mp2t');
    body[0] = 9;
    expect(await read(storage, 'a.ts')).toEqual([1, 2, 3]);
  });

  it('returns the exact content type while the instance lives, even once evicted from the cache', async () => {
    const storage = new FileSystemVideoStorage({ root: roots.next(), cacheBytes: 0 });
    await storage.put('0/stream.m3u8', bytes(1), 'application/vnd.apple.mpegurl');
    await storage.put('notes.txt', bytes(2), 'text/plain');
    expect((await storage.get('0/stream.m3u8'))?.contentType).toBe('application/vnd.apple.mpegurl');
    expect((await storage.get('notes.txt'))?.contentType).toBe('text/plain');
  });

  it('serves what an earlier instance stored after a restart, typed by extension', async () => {
    const root = roots.next();
    const before = new FileSystemVideoStorage({ root });
    await before.put('0/stream.m3u8', bytes(1), 'application/vnd.apple.mpegurl');
    await before.put('0/stream-7.ts', bytes(2, 3), 'video/mp2t');
    await before.put('thumbnail.jpg', bytes(4), 'image/jpeg');
    await before.put('notes.txt', bytes(5), 'text/plain');
    const after = new FileSystemVideoStorage({ root });
    expect(await after.list('')).toEqual(['0/stream-7.ts', '0/stream.m3u8', 'notes.txt', 'thumbnail.jpg']);
    expect(await after.get('0/stream-7.ts')).toEqual({ body: bytes(2, 3), contentType: 'video/mp2t' });
    expect((await after.get('0/stream.m3u8'))?.contentType).toBe('application/x-mpegURL');
    expect((await after.get('thumbnail.jpg'))?.contentType).toBe('image/jpeg');
    expect((await after.get('notes.txt'))?.contentType).toBe('application/octet-stream');
  });

  it('treats folders as no object', async () => {
    const storage = new FileSystemVideoStorage({ root: roots.next() });
    await storage.put('0/stream.m3u8', bytes(1), 'application/x-mpegURL');
    expect(await storage.get('0')).toBeUndefined();
    await storage.delete(['0']);
    expect(await storage.list('')).toEqual(['0/stream.m3u8']);
  });

  it('finishes concurrent writes to one key in call order, on disk and in the cache', async () => {
    const root = roots.next();
    const storage = new FileSystemVideoStorage({ root });
    await Promise.all(Array.from({ length: 20 }, (_, i) => storage.put('0/stream.m3u8', bytes(i), 'application/x-mpegURL')));
    expect(await read(storage, '0/stream.m3u8')).toEqual([19]);
    expect(await read(new FileSystemVideoStorage({ root }), '0/stream.m3u8')).toEqual([19]);
  });

  it('never caches a body a concurrent put has replaced', async () => {
    const root = roots.next();
    await new FileSystemVideoStorage({ root }).put('a.ts', bytes(0), 'video/mp2t');
    for (let i = 1; i <= 50; i++) {
      const storage = new FileSystemVideoStorage({ root });
      const racingRead = storage.get('a.ts'); // a miss: reads the disk while the put runs
      await storage.put('a.ts', bytes(i), 'video/mp2t');
      await racingRead;
      expect(await read(storage, 'a.ts')).toEqual([i]);
    }
  });
});

describe('FileSystemVideoStorage cache', () => {
  it('keeps serving a cached object whose file was removed behind its back (the instance owns its root)', async () => {
    const root = roots.next();
    const storage = new FileSystemVideoStorage({ root });
    await storage.put('0/stream-1.ts', bytes(1), 'video/mp2t');
    rmSync(join(root, '0', 'stream-1.ts'));
    expect(await read(storage, '0/stream-1.ts')).toEqual([1]);
    expect(await storage.list('')).toEqual([]); // list always reads the disk
  });

  it('caches what a get read from disk', async () => {
    const root = roots.next();
    await new FileSystemVideoStorage({ root }).put('a.ts', bytes(1), 'video/mp2t');
    const storage = new FileSystemVideoStorage({ root });
    expect(await read(storage, 'a.ts')).toEqual([1]);
    rmSync(join(root, 'a.ts'));
    expect(await read(storage, 'a.ts')).toEqual([1]);
  });

  it('does not keep objects over a quarter of its size', async () => {
    const root = roots.next();
    const storage = new FileSystemVideoStorage({ root, cacheBytes: 1000 });
    await storage.put('small.ts', new Uint8Array(250), 'video/mp2t');
    await storage.put('big.ts', new Uint8Array(251), 'video/mp2t');
    expect(await storage.get('big.ts')).toBeDefined();
    rmSync(join(root, 'small.ts'));
    rmSync(join(root, 'big.ts'));
    expect(await storage.get('small.ts')).toBeDefined();
    expect(await storage.get('big.ts')).toBeUndefined();
  });

  it('evicts the least recently used objects beyond cacheBytes', async () => {
    const root = roots.next();
    const storage = new FileSystemVideoStorage({ root, cacheBytes: 4000 });
    const keys = Array.from({ length: 8 }, (_, i) => `0/stream-${i}.ts`);
    for (const key of keys.slice(0, 4)) await storage.put(key, new Uint8Array(1000), 'video/mp2t');
    await storage.get(keys[0]!); // now the most recently used: survives the next put
    await storage.put(keys[4]!, new Uint8Array(1000), 'video/mp2t');
    rmSync(join(root, '0'), { recursive: true });
    const cached = [];
    for (const key of keys) if ((await storage.get(key)) !== undefined) cached.push(key);
    expect(cached).toEqual([keys[0], keys[2], keys[3], keys[4]]);
  });

  it('forgets deleted objects', async () => {
    const storage = new FileSystemVideoStorage({ root: roots.next() });
    await storage.put('a.ts', bytes(1), 'video/mp2t');
    await storage.delete(['a.ts']);
    expect(await storage.get('a.ts')).toBeUndefined();
  });
});

describe('FileSystemVideoStorage and symbolic links', () => {
  it('neither reads nor lists a file linked from outside the root', async () => {
    const root = roots.next();
    const storage = new FileSystemVideoStorage({ root, cacheBytes: 0 });
    await storage.put('0/stream.m3u8', bytes(1), 'application/x-mpegURL');
    const outside = roots.outside();
    writeFileSync(join(outside, 'secret.ts'), 'secret');
    symlinkSync(join(outside, 'secret.ts'), join(root, '0', 'secret.ts'));
    symlinkSync(outside, join(root, 'linked'));
    expect(await storage.get('0/secret.ts')).toBeUndefined();
    expect(await storage.get('linked/secret.ts')).toBeUndefined();
    expect(await storage.list('')).toEqual(['0/stream.m3u8']);
  });

  it('refuses to write or delete through a linked folder', async () => {
    const root = roots.next();
    const storage = new FileSystemVideoStorage({ root });
    await storage.put('x.ts', bytes(0), 'video/mp2t');
    const outside = roots.outside();
    writeFileSync(join(outside, 'keep.ts'), 'keep');
    symlinkSync(outside, join(root, 'escape'));
    await expect(storage.put('escape/new.ts', bytes(1), 'video/mp2t')).rejects.toThrow(/could not store escape\/new\.ts/);
    await expect(storage.put('escape/deeper/new.ts', bytes(1), 'video/mp2t')).rejects.toThrow();
    await storage.delete(['escape/keep.ts']);
    expect(readdirSync(outside)).toEqual(['keep.ts']);
  });

  it('works in a root that is itself a symbolic link', async () => {
    const target = roots.next();
    mkdirSync(target, { recursive: true });
    const root = join(roots.base, 'root-link');
    symlinkSync(target, root);
    const storage = new FileSystemVideoStorage({ root, cacheBytes: 0 });
    await storage.put('0/a.ts', bytes(1), 'video/mp2t');
    expect(await read(storage, '0/a.ts')).toEqual([1]);
    expect(await storage.list('0/')).toEqual(['0/a.ts']);
  });
});

describe('FileSystemVideoStorage temporary files', () => {
  it('are never listed and never left behind by a failed write', async () => {
    const root = roots.next();
    const storage = new FileSystemVideoStorage({ root });
    await storage.put('0/a.ts', bytes(1), 'video/mp2t');
    writeFileSync(join(root, '0', '.hexcast-0123456789abcdef.tmp'), 'half');
    expect(await storage.list('')).toEqual(['0/a.ts']);
    mkdirSync(join(root, '0', 'folder.ts', 'inside'), { recursive: true });
    await expect(storage.put('0/folder.ts', bytes(2), 'video/mp2t')).rejects.toThrow(/could not store 0\/folder\.ts/);
    expect(readdirSync(join(root, '0')).sort()).toEqual(['.hexcast-0123456789abcdef.tmp', 'a.ts', 'folder.ts']);
  });

  it('are removed by a listing once stale (left by a crash), and kept while fresh (a write under way)', async () => {
    const root = roots.next();
    const storage = new FileSystemVideoStorage({ root });
    await storage.put('1/a.ts', bytes(1), 'video/mp2t');
    const stale = join(root, '1', '.hexcast-00000000000000aa.tmp');
    const fresh = join(root, '1', '.hexcast-00000000000000bb.tmp');
    writeFileSync(stale, 'crashed');
    writeFileSync(fresh, 'writing');
    const longAgo = new Date(Date.now() - STALE_TEMP_FILE_MS - 5_000);
    utimesSync(stale, longAgo, longAgo);
    // A listing sweeps the folders it walks.
    expect(await storage.list('1/')).toEqual(['1/a.ts']);
    expect(readdirSync(join(root, '1')).sort()).toEqual(['.hexcast-00000000000000bb.tmp', 'a.ts']);
  });
});
