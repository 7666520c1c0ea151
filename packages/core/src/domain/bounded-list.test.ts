import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BoundedList } from './bounded-list.ts';

describe('BoundedList', () => {
  it('keeps the newest `capacity` items in push order, whatever was pushed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.array(fc.integer(), { maxLength: 100 }), (capacity, items) => {
        const list = new BoundedList<number>(capacity);
        for (const item of items) list.push(item);
        expect(list.toArray()).toEqual(items.slice(-capacity));
        expect(list.size).toBe(Math.min(capacity, items.length));
        expect(list.last()).toBe(items.at(-1));
      }),
    );
  });

  it('refuses a capacity that is not a positive integer', () => {
    for (const capacity of [0, -1, 1.5, Number.NaN]) expect(() => new BoundedList(capacity)).toThrow(RangeError);
  });
});
