import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EmojiStore } from '../ports/emoji-store.ts';
import { RUNS } from './contract-arbitraries.ts';
import { compareStrings } from './port-semantics.ts';

/** The size limit the suite asks `make` for: small, so oversize images stay cheap to write. */
const MAX_BYTES = 4096;

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));
/** The leading bytes of each accepted type, and the content type `get` must answer with. */
const TYPES = {
  png: { header: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], contentType: 'image/png' },
  gif: { header: ascii('GIF89a'), contentType: 'image/gif' },
  jpeg: { header: [0xff, 0xd8, 0xff, 0xe0], contentType: 'image/jpeg' },
  webp: { header: [...ascii('RIFF'), 0x24, 0, 0, 0, ...ascii('WEBPVP8 ')], contentType: 'image/webp' },
} as const;
type ImageType = keyof typeof TYPES;

const image = (type: ImageType, tail: Iterable<number> = [1, 2, 3]) => new Uint8Array([...TYPES[type].header, ...tail]);
const text = (content: string) => new TextEncoder().encode(content);

/** What is not a PNG, GIF, JPEG or WebP, whatever a name or extension might claim. */
const NOT_IMAGES: Readonly<Record<string, Uint8Array>> = {
  empty: new Uint8Array(),
  svg: text('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(1)</script></svg>'),
  'svg with an XML declaration': text('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'),
  html: text('<!doctype html><script>alert(1)</script>'),
  'truncated PNG signature': new Uint8Array([0x89, 0x50, 0x4e, 0x47]),
  'GIF88a': text('GIF88a'),
  'RIFF WAVE audio': new Uint8Array([...ascii('RIFF'), 0x24, 0, 0, 0, ...ascii('WAVEfmt ')]),
  'WEBP without RIFF': new Uint8Array([...ascii('RIFX'), 0x24, 0, 0, 0, ...ascii('WEBPVP8 ')]),
  'JPEG signature late': new Uint8Array([0, 0xff, 0xd8, 0xff]),
};

const BAD_NAMES = ['', ' ', 'a b', '../x', 'a/b', 'a\\b', 'a.png', '.hidden', ':party:', 'x'.repeat(65), 'é', 'a\0', 'party\n'];

/** Lower-case names only, so case-insensitive file systems cannot merge two of them. */
const name = fc.stringMatching(/^[a-z0-9_-]{1,12}$/);
const imageType = fc.constantFrom(...(Object.keys(TYPES) as ImageType[]));
const tail = fc.uint8Array({ maxLength: 64 });

/** The file `get` serves an emoji from: the last segment of its URL. */
const fileOf = (url: string) => url.slice(url.lastIndexOf('/') + 1);
const bytes = (body: Uint8Array | undefined) => body && Array.from(body);

/**
 * The `EmojiStore` contract. `make` must return a fresh, empty store whose size limit is
 * `maxBytes` and whose URLs are under `/img/emoji/` (the default).
 */
export function describeEmojiStoreContract(make: (options: { maxBytes: number }) => Promise<EmojiStore> | EmojiStore): void {
  const fresh = () => make({ maxBytes: MAX_BYTES });

  describe('EmojiStore contract', () => {
    it('serves back exactly the image saved, for every accepted type, typed by its content', async () => {
      await fc.assert(
        fc.asyncProperty(name, imageType, tail, async (n, type, rest) => {
          const store = await fresh();
          const saved = await store.save(n, image(type, rest));
          if (!saved.ok) throw new Error(`refused a ${type}: ${saved.error.message}`);
          expect(saved.value.name).toBe(n);
          expect(saved.value.url).toMatch(/^\/img\/emoji\/[^/]+$/);
          expect(fileOf(saved.value.url).startsWith(`${n}.`)).toBe(true);
          expect(await store.list()).toEqual([saved.value]);
          const served = await store.get(fileOf(saved.value.url));
          expect(bytes(served?.body)).toEqual(bytes(image(type, rest)));
          expect(served?.contentType).toBe(TYPES[type].contentType);
        }),
        RUNS,
      );
    });

    it('keeps its own copy of the bytes', async () => {
      const store = await fresh();
      const written = image('png');
      const saved = await store.save('party', written);
      written[9] = 9;
      const file = fileOf(saved.ok ? saved.value.url : '');
      (await store.get(file))!.body[10] = 9;
      expect(bytes((await store.get(file))?.body)).toEqual(bytes(image('png')));
    });

    it('refuses anything that is not a PNG, GIF, JPEG or WebP image, with invalid-input', async () => {
      const store = await fresh();
      for (const [what, body] of Object.entries(NOT_IMAGES)) {
        expect(await store.save('party', body), what).toMatchObject({ ok: false, error: { kind: 'invalid-input', message: expect.any(String) } });
      }
      await fc.assert(
        fc.asyncProperty(fc.uint8Array({ minLength: 1, maxLength: 64 }), async (body) => {
          fc.pre(![0x89, 0x47, 0xff, 0x52].includes(body[0]!)); // no signature can start there
          expect(await store.save('noise', body)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
        }),
        RUNS,
      );
      expect(await store.list()).toEqual([]);
    });

    it('accepts an image of exactly the size limit and refuses one byte more', async () => {
      const store = await fresh();
      const header = TYPES.gif.header.length;
      expect((await store.save('limit', image('gif', new Uint8Array(MAX_BYTES - header)))).ok).toBe(true);
      expect(await store.save('over', image('gif', new Uint8Array(MAX_BYTES - header + 1)))).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
      expect((await store.list()).map((emoji) => emoji.name)).toEqual(['limit']);
    });

    it('accepts names of 1 to 64 letters, digits, _ and -, and refuses others with invalid-input', async () => {
      const store = await fresh();
      for (const bad of BAD_NAMES) {
        expect(await store.save(bad, image('png')), JSON.stringify(bad)).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
      }
      expect(await store.list()).toEqual([]);
      const longest = 'Blob_Cat-9'.padEnd(64, 'x');
      expect(await store.save(longest, image('png'))).toMatchObject({ ok: true, value: { name: longest } });
    });

    it('replaces an emoji saved again, also with another type, serving only the new image', async () => {
      await fc.assert(
        fc.asyncProperty(imageType, imageType, async (firstType, secondType) => {
          const store = await fresh();
          const first = await store.save('party', image(firstType, [1]));
          const second = await store.save('party', image(secondType, [2]));
          if (!first.ok || !second.ok) throw new Error('refused a valid image');
          expect(await store.list()).toEqual([second.value]);
          expect(bytes((await store.get(fileOf(second.value.url)))?.body)).toEqual(bytes(image(secondType, [2])));
          if (firstType !== secondType) expect(await store.get(fileOf(first.value.url))).toBeUndefined();
        }),
        { numRuns: 16 },
      );
    });

    it('deletes an emoji once, answering false when there is no such emoji', async () => {
      const store = await fresh();
      const saved = await store.save('party', image('webp'));
      await store.save('other', image('jpeg'));
      expect(await store.delete('party')).toBe(true);
      expect(await store.delete('party')).toBe(false);
      expect(await store.delete('never')).toBe(false);
      expect(await store.delete('../other')).toBe(false);
      expect(await store.get(fileOf(saved.ok ? saved.value.url : ''))).toBeUndefined();
      expect((await store.list()).map((emoji) => emoji.name)).toEqual(['other']);
    });

    it('lists every emoji sorted by name, whatever the order they were saved in', async () => {
      await fc.assert(
        fc.asyncProperty(fc.uniqueArray(fc.tuple(name, imageType), { maxLength: 8, selector: ([n]) => n }), async (entries) => {
          const store = await fresh();
          for (const [n, type] of entries) expect((await store.save(n, image(type))).ok).toBe(true);
          const listed = await store.list();
          expect(listed.map((emoji) => emoji.name)).toEqual(entries.map(([n]) => n).sort(compareStrings));
          for (const emoji of listed) expect(await store.get(fileOf(emoji.url))).toBeDefined();
        }),
        RUNS,
      );
    });

    it('answers undefined for unknown files and anything but a stored <name>.<type>', async () => {
      const store = await fresh();
      const saved = await store.save('party', image('png'));
      const file = fileOf(saved.ok ? saved.value.url : '');
      const unsafe = ['', '.', '..', 'party', 'party.', 'party.gif', 'party.svg', `./${file}`, `../${file}`, `x/../${file}`, `/${file}`, `${file}/`, `${file}\0`, `%2e%2e/${file}`, '../../etc/passwd', '/etc/passwd', 'never.png'];
      for (const other of unsafe) expect(await store.get(other), JSON.stringify(other)).toBeUndefined();
      await fc.assert(
        fc.asyncProperty(fc.string({ maxLength: 24 }), async (other) => {
          fc.pre(other !== file);
          expect(await store.get(other)).toBeUndefined();
        }),
        RUNS,
      );
    });
  });
}
