import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteLruCache } from './byte-lru-cache.ts';

const object = (size: number) => ({ body: new Uint8Array(size), contentType: 'video/mp2t' });

describe('ByteLruCache', () => {
  it('never holds more than its budget, and always holds the entry just set if it fits', () => {
    const operation = fc.record({ key: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), size: fc.nat({ max: 400 }), read: fc.boolean() });
    fc.assert(
      fc.property(fc.nat({ max: 1200 }), fc.array(operation, { maxLength: 40 }), (maxBytes, operations) => {
        const cache = new ByteLruCache(maxBytes);
        for (const { key, size, read } of operations) {
          if (read) cache.get(key);
          else {
            cache.set(key, object(size));
            expect(cache.get(key)?.body.byteLength).toBe(maxBytes > 0 && size <= maxBytes / 4 ? size : undefined);
          }
          expect(cache.bytes).toBeLessThanOrEqual(maxBytes);
        }
      }),
    );
  });

  it('evicts the least recently used entry first', () => {
    const cache = new ByteLruCache(300);
    cache.set('a', object(75));
    cache.set('b', object(75));
    cache.set('c', object(75));
    cache.set('d', object(75));
    cache.get('a');
    cache.set('e', object(75));
    expect(['a', 'b', 'c', 'd', 'e'].filter((key) => cache.get(key) !== undefined)).toEqual(['a', 'c', 'd', 'e']);
    expect(cache.bytes).toBe(300);
  });

  it('drops the old entry when a key is replaced by one too big to keep', () => {
    const cache = new ByteLruCache(100);
    cache.set('a', object(10));
    cache.set('a', object(26));
    expect(cache.get('a')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });

  it('keeps nothing when its budget is 0', () => {
    const cache = new ByteLruCache(0);
    cache.set('a', object(0));
    expect(cache.get('a')).toBeUndefined();
  });
});
