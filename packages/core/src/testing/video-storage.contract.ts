import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSafeStorageKey, type VideoStorage } from '../ports/video-storage.ts';
import { RUNS, sorted } from './contract-arbitraries.ts';

/** Where `VideoStorage` adapters legitimately differ. */
export interface VideoStorageCapabilities {
  /**
   * Whether `get` returns the content type given to `put` (default true). Storage that derives it
   * from the key's extension, as a plain directory served by a static file handler does, sets
   * false: the suite then only checks that some content type comes back.
   */
  readonly storesContentType?: boolean;
}

/** Lower-case segments only, so case-insensitive file systems cannot merge two keys. */
const segment = fc.stringMatching(/^[a-z0-9][a-z0-9_-]{0,5}(\.[a-z0-9]{1,4})?$/);
const key: fc.Arbitrary<string> = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => parts.join('/')).filter(isSafeStorageKey);
const contentType = fc.oneof(
  fc.constantFrom('application/vnd.apple.mpegurl', 'video/mp2t', 'video/mp4', 'image/jpeg', 'application/octet-stream'),
  fc.stringMatching(/^[a-z]{1,8}\/[a-z0-9.+-]{1,12}$/),
);
const body = fc.uint8Array({ maxLength: 256 });

/** Keys a file system can hold together: none is a folder of another (`a` and `a/b`). */
const keySet: fc.Arbitrary<string[]> = fc
  .uniqueArray(key, { maxLength: 10 })
  .map((keys) => keys.filter((k) => !keys.some((other) => other.startsWith(`${k}/`))));

/** Plain numbers, so a Node `Buffer` and a `Uint8Array` with the same bytes compare equal. */
function bytes(body: Uint8Array | undefined): number[] | undefined {
  return body && Array.from(body);
}

/** The `VideoStorage` contract. `make` must return a fresh, empty store on every call. */
export function describeVideoStorageContract(make: () => Promise<VideoStorage> | VideoStorage, capabilities: VideoStorageCapabilities = {}): void {
  const storesContentType = capabilities.storesContentType ?? true;
  const expectContentType = (actual: string | undefined, expected: string) => {
    if (storesContentType) expect(actual).toBe(expected);
    else expect(actual).toMatch(/^[\w.+-]+\/[\w.+-]+/);
  };

  describe('VideoStorage contract', () => {
    it('returns exactly the bytes put, and replaces an object put again', async () => {
      await fc.assert(
        fc.asyncProperty(key, body, contentType, body, contentType, async (k, first, firstType, second, secondType) => {
          const storage = await make();
          await storage.put(k, first, firstType);
          const read = await storage.get(k);
          expect(bytes(read?.body)).toEqual(bytes(first));
          expectContentType(read?.contentType, firstType);
          await storage.put(k, second, secondType);
          const replaced = await storage.get(k);
          expect(bytes(replaced?.body)).toEqual(bytes(second));
          expectContentType(replaced?.contentType, secondType);
          expect(await storage.list('')).toEqual([k]);
        }),
        RUNS,
      );
    });

    it('keeps its own copy of the bytes', async () => {
      const storage = await make();
      const written = new Uint8Array([1, 2, 3]);
      await storage.put('0/stream.m3u8', written, 'application/vnd.apple.mpegurl');
      written[0] = 9;
      const read = await storage.get('0/stream.m3u8');
      read!.body[1] = 9;
      expect(bytes((await storage.get('0/stream.m3u8'))?.body)).toEqual([1, 2, 3]);
    });

    it('answers undefined and [] for missing objects', async () => {
      const storage = await make();
      expect(await storage.get('0/stream.m3u8')).toBeUndefined();
      expect(await storage.list('')).toEqual([]);
      expect(await storage.list('0/')).toEqual([]);
    });

    it('deletes objects, ignoring missing keys and repeats', async () => {
      await fc.assert(
        fc.asyncProperty(keySet.chain((keys) => fc.tuple(fc.constant(keys), fc.subarray(keys))), async ([keys, doomed]) => {
          const storage = await make();
          for (const k of keys) await storage.put(k, new Uint8Array([7]), 'video/mp2t');
          await storage.delete([...doomed, ...doomed, 'never/stored.ts']);
          await storage.delete(doomed);
          expect(await storage.list('')).toEqual(sorted(keys.filter((k) => !doomed.includes(k))));
          for (const k of doomed) expect(await storage.get(k)).toBeUndefined();
        }),
        RUNS,
      );
    });

    it('lists the keys starting with a prefix, sorted', async () => {
      const withPrefix = keySet.chain((keys) => {
        const candidates = ['', ...keys.flatMap((k) => [k.slice(0, 1), k.slice(0, k.lastIndexOf('/') + 1), k])];
        return fc.tuple(fc.constant(keys), fc.oneof(fc.constantFrom(...candidates), fc.stringMatching(/^[a-z0-9/]{0,3}$/)));
      });
      await fc.assert(
        fc.asyncProperty(withPrefix, async ([keys, prefix]) => {
          const storage = await make();
          for (const k of keys) await storage.put(k, new Uint8Array(), 'video/mp2t');
          expect(await storage.list(prefix)).toEqual(sorted(keys.filter((k) => k.startsWith(prefix))));
        }),
        RUNS,
      );
    });

    it('gives every key a public URL that contains it', async () => {
      await fc.assert(
        fc.asyncProperty(key, async (k) => {
          const storage = await make();
          expect(storage.publicUrl(k)).toContain(k);
        }),
        RUNS,
      );
    });
  });
}
