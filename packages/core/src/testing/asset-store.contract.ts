import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ASSET_CONTENT_TYPES, type AssetStore } from '../ports/asset-store.ts';
import { RUNS } from './contract-arbitraries.ts';

const name = fc.stringMatching(/^[a-z0-9-]{1,64}$/);
const contentType = fc.constantFrom(...ASSET_CONTENT_TYPES);
const body = fc.uint8Array({ minLength: 0, maxLength: 256 });
const bytes = (b: Uint8Array | undefined) => b && Array.from(b);

const BAD_NAMES = ['', 'Logo', 'logo.png', '../logo', 'a/b', 'a\\b', '.', '..', 'x'.repeat(65), 'logo\0', ' logo'];

/** The `AssetStore` contract. `make` returns a fresh, empty store. */
export function describeAssetStoreContract(make: () => Promise<AssetStore> | AssetStore): void {
  describe('AssetStore contract', () => {
    it('answers exactly what was put, with its content type, and a later put replaces it', async () => {
      await fc.assert(
        fc.asyncProperty(name, fc.array(fc.tuple(body, contentType), { minLength: 1, maxLength: 3 }), async (n, versions) => {
          const store = await make();
          for (const [b, type] of versions) await store.put(n, { body: b, contentType: type });
          const [lastBody, lastType] = versions.at(-1)!;
          const got = await store.get(n);
          expect(bytes(got?.body)).toEqual(bytes(lastBody));
          expect(got?.contentType).toBe(lastType);
        }),
        RUNS,
      );
    });

    it('keeps its own copy, and hands out copies', async () => {
      const store = await make();
      const written = Uint8Array.of(1, 2, 3);
      await store.put('logo', { body: written, contentType: 'image/png' });
      written[0] = 9;
      (await store.get('logo'))!.body[1] = 9;
      expect(bytes((await store.get('logo'))?.body)).toEqual([1, 2, 3]);
    });

    it('keeps assets apart by name and deletes one once', async () => {
      const store = await make();
      await store.put('logo', { body: Uint8Array.of(1), contentType: 'image/svg+xml' });
      await store.put('favicon', { body: Uint8Array.of(2), contentType: 'image/x-icon' });
      expect(await store.delete('logo')).toBe(true);
      expect(await store.delete('logo')).toBe(false);
      expect(await store.delete('never')).toBe(false);
      expect(await store.get('logo')).toBeUndefined();
      expect(bytes((await store.get('favicon'))?.body)).toEqual([2]);
    });

    it('refuses bad names and content types with RangeError, and answers undefined/false for bad names', async () => {
      const store = await make();
      await store.put('logo', { body: Uint8Array.of(1), contentType: 'image/png' });
      for (const bad of BAD_NAMES) {
        await expect(store.put(bad, { body: Uint8Array.of(1), contentType: 'image/png' }), JSON.stringify(bad)).rejects.toThrow(RangeError);
        expect(await store.get(bad), JSON.stringify(bad)).toBeUndefined();
        expect(await store.delete(bad), JSON.stringify(bad)).toBe(false);
      }
      for (const bad of ['text/html', 'image/svg', '', 'application/javascript']) {
        await expect(store.put('other', { body: Uint8Array.of(1), contentType: bad })).rejects.toThrow(RangeError);
      }
      expect(await store.get('other')).toBeUndefined();
      expect(bytes((await store.get('logo'))?.body)).toEqual([1]);
    });
  });
}
